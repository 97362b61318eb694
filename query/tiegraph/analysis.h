// Analysis requests: a projection (with the shared filters) plus an algorithm and its
// parameters, answered with result tables (key, name, sector, region, values…).
#ifndef TIEGRAPH_ANALYSIS_H_
#define TIEGRAPH_ANALYSIS_H_

#include <string>
#include <vector>

#include <tiegraph/centrality.h>
#include <tiegraph/community.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

// The metric names `centrality` accepts.
const std::vector<std::string>& CentralityMetrics();

struct CentralityRequest {
  std::string metric = "degree";  // one of CentralityMetrics()
  size_t top = 0;                 // 0: every node
  Distance distance = Distance::kHops;
  bool normalized = true;
  size_t samples = 0;  // betweenness: 0 exact, else sampled sources
  uint64_t seed = 42;
  int threads = 2;
  double damping = 0.85;   // pagerank
  std::string personalize;  // pagerank: an institution key to restart at
  double alpha = 0.05;     // katz
};
// Nodes sorted by the value (descending), ties by key.
Result<Table> CentralityTable(const Snapshot& snap, const ProjectionOptions& projection,
                              const CentralityRequest& request);

struct PathRequest {
  std::string from, to;  // institution keys
  size_t k = 1;          // > 1: the k shortest simple paths (Yen)
  bool all = false;      // every shortest path (up to 100)
  Distance distance = Distance::kHops;
};
Result<Table> PathTable(const Snapshot& snap, const ProjectionOptions& projection, const PathRequest& request);

struct CommunityRequest {
  std::string method = "louvain";  // louvain | leiden | label-propagation
  CommunityOptions options;
};
// A summary (count, modularity) and the members of each community.
Result<std::vector<Table>> CommunityTables(const Snapshot& snap, const ProjectionOptions& projection,
                                           const CommunityRequest& request);

Result<std::vector<Table>> ComponentTables(const Snapshot& snap, const ProjectionOptions& projection);
// Articulation points (with how many components their removal leaves) and bridges.
Result<std::vector<Table>> CutPointTables(const Snapshot& snap, const ProjectionOptions& projection);
// Size, density, clustering, transitivity, assortativity, components, diameter.
Result<Table> StructureTable(const Snapshot& snap, const ProjectionOptions& projection);

}  // namespace tiegraph

#endif  // TIEGRAPH_ANALYSIS_H_
