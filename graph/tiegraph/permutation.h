// Permutation tests: a statistic recomputed with the group labels shuffled among the nodes
// (sizes kept), against its observed value. UCINET tests the E-I index this way; tiegraph
// also tests brokerage roles.
#ifndef TIEGRAPH_PERMUTATION_H_
#define TIEGRAPH_PERMUTATION_H_

#include <cstdint>
#include <vector>

namespace tiegraph {

struct PermutationOptions {
  int permutations = 0;  // 0: no test
  uint64_t seed = 42;
};

// One statistic's null distribution, summarised. The p-values count the observed value as one
// of the draws, (b + 1) / (N + 1) with b draws at least (at most) as large (Phipson & Smyth
// 2010), so they are never 0; NaN when the observed value is (nothing to compare). Equality
// allows for rounding (1e-9 relative).
struct PermutationStats {
  double observed = 0, mean = 0, sd = 0, minimum = 0, maximum = 0;
  double p_at_least = 1, p_at_most = 1;
  int permutations = 0;
  // (observed - mean) / sd; NaN when every draw was the same or there were none.
  double z() const;
};

// Collects the draws of one statistic.
class PermutationTally {
 public:
  explicit PermutationTally(double observed = 0) : observed_(observed) {}
  void Add(double draw);
  void Merge(const PermutationTally& other);  // the draws of another tally of the same statistic
  PermutationStats Summary() const;

 private:
  double observed_;
  double sum_ = 0, sum_squares_ = 0, minimum_ = 0, maximum_ = 0;
  int count_ = 0, at_least_ = 0, at_most_ = 0;
};

// The seed of draw `index` of a test: every draw has its own generator, so a draw does not
// depend on which thread makes it or in what order.
uint64_t DrawSeed(uint64_t seed, int index);

// `labels` shuffled uniformly (Fisher–Yates) by a generator seeded with `draw_seed`.
void ShuffledLabels(const std::vector<uint32_t>& labels, uint64_t draw_seed,
                    std::vector<uint32_t>* out);

}  // namespace tiegraph

#endif  // TIEGRAPH_PERMUTATION_H_
