// Analysis requests: a projection (with the shared filters) plus an algorithm and its
// parameters, answered with result tables (key, name, sector, region, values…).
#ifndef TIEGRAPH_ANALYSIS_H_
#define TIEGRAPH_ANALYSIS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/centrality.h>
#include <tiegraph/community.h>
#include <tiegraph/group_attribute.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

enum class CentralityMetric {
  kDegree,
  kStrength,
  kBetweenness,
  kCloseness,
  kHarmonic,
  kPageRank,
  kEigenvector,
  kKatz,
  kHubs,
  kAuthorities,
  kCore,
  kClustering,
};
// degree, strength, betweenness, closeness, harmonic, pagerank, eigenvector, katz, hubs,
// authorities, core, clustering: the names `centrality` accepts, in the enum's order.
const std::vector<std::string>& CentralityMetrics();
Result<CentralityMetric> ParseCentralityMetric(std::string_view name);
std::string_view CentralityMetricName(CentralityMetric metric);

struct CentralityRequest {
  CentralityMetric metric = CentralityMetric::kDegree;
  // Rows shown; 0: every node. A whole network is mostly a tail of institutions with few or
  // no ties, so the default is the head, and the table's note says how many were left out.
  size_t top = 20;
  Distance distance = Distance::kHops;
  bool normalized = true;  // degree, betweenness and harmonic divided by their maximum (n-1…)
  size_t samples = 0;      // betweenness, closeness, harmonic: 0 exact, else sampled sources
  uint64_t seed = 42;
  int threads = 2;        // a cap: at most this many threads (1..256); results do not depend on it
  double damping = 0.85;  // pagerank
  std::string personalize;  // pagerank: an institution key to restart at
  double alpha = 0.05;      // katz

  // OK, or InvalidArgument naming the parameter at fault (threads, damping, alpha,
  // personalize); the table functions and the registry call it before any work.
  Status Validate() const;
};
// One metric's value for each node of `g`, and a note on the conventions used.
struct MetricValues {
  std::vector<double> values;
  std::string note;
};
Result<MetricValues> ComputeCentrality(const Projection& g, const CentralityRequest& request);
// Nodes sorted by the value (descending), ties by key.
Result<Table> CentralityTable(const Snapshot& snap, const ProjectionOptions& projection,
                              const CentralityRequest& request);

struct PathRequest {
  std::string from, to;  // institution keys
  size_t k = 1;          // > 1: the k shortest simple paths (Yen)
  bool all = false;      // every shortest path (up to `limit`)
  bool simple = false;   // every simple path of at most `max_hops` ties (up to `limit`)
  uint32_t max_hops = 4;
  size_t limit = 100;
  Distance distance = Distance::kHops;

  // k 1..1000, limit >= 1, max-hops 1..32, and at most one of k > 1, all and simple.
  Status Validate() const;
};
Result<Table> PathTable(const Snapshot& snap, const ProjectionOptions& projection,
                        const PathRequest& request);

enum class CommunityMethod { kLouvain, kLeiden, kLabelPropagation };
// "louvain" | "leiden" | "label-propagation".
Result<CommunityMethod> ParseCommunityMethod(std::string_view name);
std::string_view CommunityMethodName(CommunityMethod method);

struct CommunityRequest {
  CommunityMethod method = CommunityMethod::kLouvain;
  // When set: no detection; the groups of that attribute are the communities, scored with
  // modularity (do ties stay inside sectors?).
  std::optional<GroupAttribute> by;
  CommunityOptions options;

  // resolution > 0, trials 0..1000, iterations >= 0; quality cpm only with leiden.
  Status Validate() const;
};
// A summary (count, modularity) and the members of each community.
Result<std::vector<Table>> CommunityTables(const Snapshot& snap,
                                           const ProjectionOptions& projection,
                                           const CommunityRequest& request);

// Who can be reached from `key` within `hops` ties in the projection.
Result<Table> ReachTable(const Snapshot& snap, const ProjectionOptions& projection,
                         const std::string& key, uint32_t hops);
// Connected (or, with `strong` on a directed projection, strongly connected) components.
Result<std::vector<Table>> ComponentTables(const Snapshot& snap,
                                           const ProjectionOptions& projection,
                                           bool strong = false);
// The spanning forest of least total distance: by 1/strength, the network's strongest backbone.
Result<Table> SpanningForestTable(const Snapshot& snap, const ProjectionOptions& projection,
                                  Distance distance);
// Articulation points, bridges and biconnected blocks.
Result<std::vector<Table>> CutPointTables(const Snapshot& snap,
                                          const ProjectionOptions& projection);
// Size, density, clustering, transitivity, assortativity, components, diameter.
Result<Table> StructureTable(const Snapshot& snap, const ProjectionOptions& projection);

}  // namespace tiegraph

#endif  // TIEGRAPH_ANALYSIS_H_
