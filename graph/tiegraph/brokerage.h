// Brokerage: Burt's structural-hole measures and Gould–Fernandez brokerage roles.
// docs/GAPS.md and docs/ALGORITHMS.md state the conventions; both are local measures whose cost
// is the number of two-paths (sum of squared degrees).
#ifndef TIEGRAPH_BROKERAGE_H_
#define TIEGRAPH_BROKERAGE_H_

#include <array>
#include <cstdint>
#include <vector>

#include <tiegraph/permutation.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>

namespace tiegraph {

// Burt (1992), as networkx: with mutual weights mw(i,j) = w(i->j) + w(j->i) (an undirected view
// counts each tie both ways) and p_ij = mw(i,j) / sum_k mw(i,k):
//   constraint      C_i  = sum_j (p_ij + sum_q p_iq p_qj)^2
//   effective size  ES_i = sum_j (1 - sum_q p_iq m_jq),  m_jq = mw(j,q) / max_k mw(j,k)
//   efficiency      ES_i / N_i (N_i: number of neighbors)
//   hierarchy       sum_j r_ij ln r_ij / (N_i ln N_i),  r_ij = c_ij / (C_i / N_i); 1 when N_i = 1
// j runs over i's neighbors, q over i's other neighbors. Isolates get NaN throughout.
// Unweighted: every arc counts 1 (networkx's weight=None).
struct StructuralHoles {
  std::vector<double> constraint, effective_size, efficiency, hierarchy;
};
// threads: a cap, as everywhere (centrality.h); this splits in two at most.
StructuralHoles BurtMeasures(const Projection& g, bool weighted, int threads = 2);

// Gould & Fernandez (1989) roles of broker v on a two-path a -> v -> b (a != b, no tie a -> b),
// by the groups of a, v and b:
enum class BrokerRole : int {
  kCoordinator = 0,  // a, v, b all in one group
  kItinerant,        // a and b in one group, v in another (consultant)
  kGatekeeper,       // v and b in one group, a in another: v admits an outsider to its group
  kRepresentative,   // a and v in one group, b in another: v carries its group outward
  kLiaison,          // three different groups
  kRoleCount
};
const char* BrokerRoleName(BrokerRole role);

struct BrokerageOptions {
  // UCINET's weighted brokerage: a pair a -> b with k brokers gives each of them 1/k, so
  // counts add up to pairs brokered rather than two-paths.
  bool partial_credit = false;
  // Test every count against the other nodes' labels shuffled (each broker keeps its own
  // group): the null that the expected counts below describe.
  PermutationOptions test;
};

using RoleCounts = std::array<double, 5>;
using RoleStats = std::array<PermutationStats, 5>;

struct BrokerageRoles {
  // counts[v][role]: two-paths v brokers in that role. An undirected view counts each
  // unordered two-path in both orders, so there gatekeeper equals representative.
  std::vector<RoleCounts> counts;
  // Expected counts under random assignment of group labels (Gould & Fernandez): v's number
  // of brokered two-paths times the probability that two other nodes drawn without
  // replacement from the n - 1 others fall in the role's groups, given v's group.
  std::vector<RoleCounts> expected;
  std::vector<double> total;  // all brokered two-paths per node
  // The same summed over each group's members.
  std::vector<RoleCounts> group_counts, group_expected;
  // With a test: each count's null distribution per node (the other nodes' labels shuffled,
  // the node keeping its own; empty for nodes that broker nothing), and per group (every label
  // shuffled: the sum over whichever nodes draw the group's label, so its null mean is not
  // group_expected, which keeps each broker's group).
  std::vector<RoleStats> tested, group_tested;
};
// `group[v]` is the group of node v (0 .. group_count - 1).
Result<BrokerageRoles> GouldFernandez(const Projection& g, const std::vector<uint32_t>& group,
                                      uint32_t group_count, const BrokerageOptions& options = {});

}  // namespace tiegraph

#endif  // TIEGRAPH_BROKERAGE_H_
