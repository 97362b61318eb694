// Partnership-gap requests: brokerage (structural holes and Gould–Fernandez roles), mixing
// between groups, link suggestions and core and periphery, answered with result tables like
// every analysis. The whole gap report is tiegraph/gap_report.h.
#ifndef TIEGRAPH_GAP_ANALYSIS_H_
#define TIEGRAPH_GAP_ANALYSIS_H_

#include <string>
#include <vector>

#include <tiegraph/group_attribute.h>
#include <tiegraph/link_prediction.h>
#include <tiegraph/permutation.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

// The columns a permutation test appends to a table (tiegraph/permutation.h): the null's mean
// and standard deviation, z, and the two one-sided p-values.
const std::vector<Column>& PermutationTestColumns();

struct BrokerRequest {
  GroupAttribute group = GroupAttribute::kSector;
  size_t top = 0;               // 0: every institution with a brokered two-path
  bool weighted = true;         // structural holes by strength (false: every tie counts 1)
  bool partial_credit = false;  // a pair with k brokers gives each 1/k (UCINET's weighted)
  PermutationOptions test;      // permutations > 0: z-scores and p-values for every count

  Status Validate() const;  // permutations 0..1,000,000
};
// "brokerage roles": per institution, its two-paths a -> v -> b (no tie a -> b) by role, with
// the expected total under random group labels; "brokerage by group": each group's role counts
// against chance; with a test, "brokerage roles against chance" (z and p per institution and
// role); "structural holes": Burt's constraint (lowest first), effective size, efficiency and
// hierarchy.
Result<std::vector<Table>> BrokerTables(const Snapshot& snap, const ProjectionOptions& projection,
                                        const BrokerRequest& request);

struct MixingRequest {
  GroupAttribute by = GroupAttribute::kSector;
  bool weighted = false;    // count ties (false) or sum their strength
  double threshold = 0.5;   // flag group pairs whose observed/expected is below this
  PermutationOptions test;  // permutations > 0: E-I against shuffled group labels

  Status Validate() const;  // threshold >= 0, permutations 0..1,000,000
};
// "mixing": E-I, its expected value and assortativity; "mixing matrix": every group pair with
// observed, expected and O/E ties; "E-I by group".
Result<std::vector<Table>> MixingTables(const Snapshot& snap, const ProjectionOptions& projection,
                                        const MixingRequest& request);

struct SuggestRequest {
  std::string key;  // the institution to find partners for
  LinkScore score = LinkScore::kResourceAllocation;
  size_t top = 10;
  bool cross_sector = false;  // only institutions of another (primary) sector
  // Also the institution's own units and the institutions it is part of (left out by default).
  bool include_own_units = false;
  double katz_beta = 0;

  Status Validate() const;  // name given, top >= 1, beta >= 0
};
// The suggested partners, best first, each with the partners it shares with `key`.
Result<Table> SuggestTable(const Snapshot& snap, const ProjectionOptions& projection,
                           const SuggestRequest& request);

// Borgatti–Everett core and periphery: "core-periphery" (fit of the discrete model, core size
// and block densities, fit of the continuous model) and "coreness" per institution.
Result<std::vector<Table>> CorePeripheryTables(const Snapshot& snap,
                                               const ProjectionOptions& projection);

}  // namespace tiegraph

#endif  // TIEGRAPH_GAP_ANALYSIS_H_
