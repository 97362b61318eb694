// Mixing between groups (sector, region, …): the group × group tie matrix against random
// mixing, Krackhardt's E-I index and Newman's attribute assortativity.
#ifndef TIEGRAPH_MIXING_H_
#define TIEGRAPH_MIXING_H_

#include <cstdint>
#include <vector>

#include <tiegraph/permutation.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>

namespace tiegraph {

struct Mixing {
  uint32_t groups = 0;
  // groups × groups, row-major. observed: ties (their strength when weighted) from a node of
  // group g to one of group h; an undirected view's matrix is symmetric and its diagonal
  // counts each tie inside g once. expected: the same under random mixing of tie ends
  // (Newman 2003): 2m a_g a_h off the diagonal, m a_g^2 on it (undirected), m a_g b_h
  // (directed), where a_g (b_h) is g's (h's) share of tie ends (heads).
  std::vector<double> observed, expected;
  // Krackhardt & Stern's E-I index, (external - internal) / (external + internal) ties:
  // over the whole network, per group (ties with at least one end in it) and per node (its
  // own ties; NaN for an isolate). expected_ei: its value when ties fall between random pairs
  // of nodes, 1 - 2 sum_g n_g (n_g - 1) / (N (N - 1)).
  double ei = 0, expected_ei = 0;
  std::vector<double> group_ei, node_ei;
  // Newman's assortativity coefficient r over the matrix, as networkx's
  // attribute_assortativity_coefficient; NaN when every tie end is in one group.
  double assortativity = 0;
  std::vector<double> group_size;  // nodes per group
};

// `group[v]`: node v's group in 0 .. group_count - 1. Weighted: ties count by strength.
Result<Mixing> MixingByGroup(const Projection& g, const std::vector<uint32_t>& group,
                             uint32_t group_count, bool weighted);

// E-I against the group labels shuffled among the nodes (UCINET's test): the whole network's
// and each group's. A draw whose E-I is undefined (a group left with no tie) is skipped.
struct EIPermutationTest {
  PermutationStats ei;
  std::vector<PermutationStats> group_ei;
};
Result<EIPermutationTest> PermuteEI(const Projection& g, const std::vector<uint32_t>& group,
                                    uint32_t group_count, bool weighted,
                                    const PermutationOptions& options);

}  // namespace tiegraph

#endif  // TIEGRAPH_MIXING_H_
