// Leydesdorff's mutual information among helices (Leydesdorff 2003).
#include <tiegraph/helix.h>

#include <bit>
#include <cmath>
#include <unordered_map>

namespace tiegraph {
namespace {

// Shannon entropy (bits) of the patterns restricted to the helices in `mask`.
double Entropy(const std::vector<uint32_t>& patterns, uint32_t mask) {
  std::unordered_map<uint32_t, double> count;
  for (uint32_t p : patterns) count[p & mask] += 1;
  const double n = static_cast<double>(patterns.size());
  double h = 0;
  for (const auto& [pattern, c] : count) h -= c / n * std::log2(c / n);
  return h;
}

}  // namespace

// T over the helices of `mask` alone: sum over non-empty subsets S of mask of (-1)^(|S|+1) H(S).
double HelixMutualInformationOver(const std::vector<uint32_t>& patterns, uint32_t mask) {
  double t = 0;
  for (uint32_t s = mask; s != 0; s = (s - 1) & mask) {
    const double h = Entropy(patterns, s);
    t += (std::popcount(s) % 2 == 1) ? h : -h;
  }
  return std::fabs(t) < 1e-12 ? 0.0 : t;  // a sum of entropies that cancel leaves rounding
}

double HelixMutualInformation(const std::vector<uint32_t>& patterns, int dims) {
  if (patterns.empty() || dims <= 0) return 0;
  return HelixMutualInformationOver(patterns, (1u << dims) - 1);
}

}  // namespace tiegraph
