// Partnership-gap requests: brokerage (structural holes and Gould–Fernandez roles), mixing
// between groups, and link suggestions, answered with result tables like every analysis.
#ifndef TIEGRAPH_GAP_ANALYSIS_H_
#define TIEGRAPH_GAP_ANALYSIS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/link_prediction.h>
#include <tiegraph/model.h>
#include <tiegraph/permutation.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

struct BrokerRequest {
  std::string group = "sector";  // sector | region | kind | foreign
  size_t top = 0;                // 0: every institution with a brokered two-path
  bool weighted = true;          // structural holes by strength (false: every tie counts 1)
  bool partial_credit = false;   // a pair with k brokers gives each 1/k (UCINET's weighted)
  PermutationOptions test;       // permutations > 0: z-scores and p-values for every count
};
// "brokerage roles": per institution, its two-paths a -> v -> b (no tie a -> b) by role, with
// the expected total under random group labels; "brokerage by group": each group's role counts
// against chance; with a test, "brokerage roles against chance" (z and p per institution and
// role); "structural holes": Burt's constraint (lowest first), effective size, efficiency and
// hierarchy.
Result<std::vector<Table>> BrokerTables(const Snapshot& snap, const ProjectionOptions& projection,
                                        const BrokerRequest& request);

struct MixingRequest {
  std::string by = "sector";
  bool weighted = false;   // count ties (false) or sum their strength
  double threshold = 0.5;  // flag group pairs whose observed/expected is below this
  PermutationOptions test;  // permutations > 0: E-I against shuffled group labels
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
  double katz_beta = 0;
};
// The suggested partners, best first, each with the partners it shares with `key`.
Result<Table> SuggestTable(const Snapshot& snap, const ProjectionOptions& projection,
                           const SuggestRequest& request);

// Leydesdorff's mutual information among D binary variables, in bits: patterns[u] has bit d
// set when unit u carries helix d; T = sum over non-empty subsets S of the helices of
// (-1)^(|S|+1) H(S), H the Shannon entropy (log2) of the joint presence pattern over S. So
// T_UI = H_U + H_I - H_UI and T_UIG = H_U + H_I + H_G - H_UI - H_UG - H_IG + H_UIG; a negative
// T_UIG is synergy (Leydesdorff 2003). The sign alternates with D: compare like with like.
double HelixMutualInformation(const std::vector<uint32_t>& patterns, int dims);

struct Helix {
  std::string name;             // one letter by convention: U, I, G, R, H
  std::vector<Sector> sectors;  // an institution of any of these sectors belongs to the helix
};
// The default mapping: U academia, I industry, G government and public agencies.
std::vector<Helix> DefaultHelices();
// Parses "U=academia;I=industry;G=government,public-agency;H=hospital" (2 to 5 helices).
Result<std::vector<Helix>> ParseHelices(std::string_view text);

struct SynergyRequest {
  std::vector<Helix> helices = DefaultHelices();
  // When known: only events dated within [from, to] count (undated events then do not).
  Date from, to;
  // When set: only the participants it accepts (institution keys) count, and an event with
  // none of them drops out (a report scoped to one region).
  std::function<bool(const std::string& key)> in_scope;
};
// Over events (each event a unit; a helix is present when a participant belongs to it):
// "helix synergy", T for every combination of two or more helices; and the share of events
// that join three or more helices.
Result<std::vector<Table>> SynergyTables(const Snapshot& snap, const SynergyRequest& request);

// Borgatti–Everett core and periphery: "core-periphery" (fit of the discrete model, core size
// and block densities, fit of the continuous model) and "coreness" per institution.
Result<std::vector<Table>> CorePeripheryTables(const Snapshot& snap,
                                               const ProjectionOptions& projection);

struct EvolutionRequest {
  std::string from, to;       // the first and last window ends: YYYY or YYYY-MM
  std::string step = "1y";    // between window ends: Ny (years) or Nm (months)
  std::string window = "3y";  // each window's length, ending at its end
};
// One row per window: active institutions (with a tie), ties, density, E-I and assortativity by
// sector, components, the main component's share, the discrete core's size and how many of it
// are new, the events dated in the window and their T_UIG (default helices); against the window
// before: ties formed, dissolved and kept (by pair), entrants and exits, and the Jaccard
// similarity of the tie sets.
Result<Table> EvolutionTable(const Snapshot& snap, const ProjectionOptions& projection,
                             const EvolutionRequest& request);

struct LinkEvaluationRequest {
  std::string split;       // train on ties that started by this date (or have no start)
  int horizon_months = 0;  // test on ties starting within this many months after (0: any time)
  LinkScore score = LinkScore::kResourceAllocation;
  size_t k = 10;               // precision at k
  size_t comparisons = 10000;  // positive–negative pairs drawn for the AUC
  uint64_t seed = 42;
};
// AUC (the chance that a tie formed after the split scores above a random pair that did not
// form one; ties count half) and precision@k (of the k best-scoring pairs with a shared partner,
// the share that formed a tie), with the counts they rest on.
Result<Table> LinkEvaluationTable(const Snapshot& snap, const ProjectionOptions& projection,
                                  const LinkEvaluationRequest& request);

struct GapRequest {
  double threshold = 0.5;  // a sector pair with observed/expected ties below this is a gap
  int months = 24;         // an MOU or planned tie with no follow-on tie within this many months
  size_t suggestions = 10;
  SynergyRequest synergy;
};
// One table per gap type of docs/GAPS.md: missing sector pairs, institutions lacking a partner
// sector, isolated parts per region, region-level holes, sector pairs with no broker, single
// points of failure and single-broker dependency, helix synergy, unconverted ties, suggested
// links, the global-pipeline gap.
Result<std::vector<Table>> GapReport(const Snapshot& snap, const ProjectionOptions& projection,
                                     const GapRequest& request);

}  // namespace tiegraph

#endif  // TIEGRAPH_GAP_ANALYSIS_H_
