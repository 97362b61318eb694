#include <tiegraph/permutation.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace tiegraph {
namespace {

bool AtLeast(double a, double b) { return a >= b - 1e-9 * std::max(1.0, std::fabs(b)); }

// SplitMix64's finaliser: nearby (seed, index) pairs give unrelated generator seeds.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

double PermutationStats::z() const {
  return permutations > 0 && sd > 0 ? (observed - mean) / sd
                                    : std::numeric_limits<double>::quiet_NaN();
}

void PermutationTally::Add(double draw) {
  if (count_ == 0 || draw < minimum_) minimum_ = draw;
  if (count_ == 0 || draw > maximum_) maximum_ = draw;
  ++count_;
  sum_ += draw;
  sum_squares_ += draw * draw;
  at_least_ += AtLeast(draw, observed_);
  at_most_ += AtLeast(observed_, draw);
}

void PermutationTally::Merge(const PermutationTally& o) {
  if (o.count_ == 0) return;
  if (count_ == 0 || o.minimum_ < minimum_) minimum_ = o.minimum_;
  if (count_ == 0 || o.maximum_ > maximum_) maximum_ = o.maximum_;
  count_ += o.count_;
  sum_ += o.sum_;
  sum_squares_ += o.sum_squares_;
  at_least_ += o.at_least_;
  at_most_ += o.at_most_;
}

PermutationStats PermutationTally::Summary() const {
  PermutationStats s;
  s.observed = observed_;
  s.permutations = count_;
  if (count_ == 0) {
    s.mean = s.sd = s.minimum = s.maximum = std::numeric_limits<double>::quiet_NaN();
    return s;
  }
  const double n = count_;
  s.mean = sum_ / n;
  // Population variance of the draws; draws that are all equal have none, whatever rounding
  // leaves in sum_squares_ / n - mean^2.
  s.sd = maximum_ > minimum_ ? std::sqrt(std::max(0.0, sum_squares_ / n - s.mean * s.mean)) : 0;
  s.minimum = minimum_;
  s.maximum = maximum_;
  if (std::isnan(observed_)) {  // nothing to compare (a group with no tie has no E-I)
    s.p_at_least = s.p_at_most = std::numeric_limits<double>::quiet_NaN();
    return s;
  }
  s.p_at_least = (at_least_ + 1) / (n + 1);
  s.p_at_most = (at_most_ + 1) / (n + 1);
  return s;
}

uint64_t DrawSeed(uint64_t seed, int index) {
  return Mix(seed ^ Mix(static_cast<uint64_t>(index)));
}

void ShuffledLabels(const std::vector<uint32_t>& labels, uint64_t draw_seed,
                    std::vector<uint32_t>* out) {
  *out = labels;
  std::mt19937_64 rng(draw_seed);
  for (size_t i = out->size(); i > 1; --i) {
    std::uniform_int_distribution<size_t> pick(0, i - 1);
    std::swap((*out)[i - 1], (*out)[pick(rng)]);
  }
}

}  // namespace tiegraph
