// Paths and cut structure over a Projection.
#ifndef TIEGRAPH_PATHS_H_
#define TIEGRAPH_PATHS_H_

#include <cstdint>
#include <utility>
#include <vector>

#include <tiegraph/centrality.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>

namespace tiegraph {

struct Path {
  std::vector<uint32_t> nodes;  // from source to target
  double length = 0;            // hops, or the sum of 1/strength
};

// One shortest path; among equal ones, the one whose node sequence is smallest in index
// order. NotFound when the target cannot be reached.
Result<Path> ShortestPath(const Projection& g, uint32_t source, uint32_t target, Distance distance);
// Every shortest path (up to `limit`), in lexicographic order of their node sequences.
Result<std::vector<Path>> AllShortestPaths(const Projection& g, uint32_t source, uint32_t target,
                                           Distance distance, size_t limit);
// The k shortest simple paths (Yen), shortest first.
Result<std::vector<Path>> KShortestPaths(const Projection& g, uint32_t source, uint32_t target,
                                         size_t k, Distance distance);
// Nodes reachable within `hops` ties, with their hop distance (the source at 0).
std::vector<std::pair<uint32_t, uint32_t>> ReachableWithin(const Projection& g, uint32_t source,
                                                           uint32_t hops);
// Articulation points (cut vertices) and bridges of the undirected view.
std::vector<uint32_t> ArticulationPoints(const Projection& g);
std::vector<std::pair<uint32_t, uint32_t>> Bridges(const Projection& g);
// Biconnected components (blocks) of the undirected view: each a list of its edges (u < v).
std::vector<std::vector<std::pair<uint32_t, uint32_t>>> BiconnectedComponents(const Projection& g);
// Simple paths from source to target with at most `max_hops` ties, up to `limit` of them,
// in lexicographic order of their node sequences.
std::vector<Path> SimplePaths(const Projection& g, uint32_t source, uint32_t target,
                              uint32_t max_hops, size_t limit);
// A spanning forest of least total distance (Kruskal): by 1/strength it keeps the strongest
// ties; ties of equal length are taken in (u, v) order. Edges as (u, v) with u < v.
std::vector<std::pair<uint32_t, uint32_t>> MinimumSpanningForest(const Projection& g,
                                                                 Distance distance);
// Eccentricity by hops within each node's component; the diameter is their maximum.
// One breadth-first search per node: O(n m).
// threads: a cap, as everywhere (centrality.h).
std::vector<uint32_t> Eccentricity(const Projection& g, int threads = 2);

struct DiameterEstimate {
  uint32_t diameter = 0;  // hops, the longest shortest path found within a component
  bool exact = false;     // true: every eccentricity was computed
};
// Exact (all eccentricities) up to `exact_limit` nodes; above it a lower bound from repeated
// double sweeps (a BFS from a seeded start, then from the farthest node found), as igraph and
// NetworKit estimate large diameters.
DiameterEstimate Diameter(const Projection& g, size_t exact_limit = 20000, uint64_t seed = 42,
                          int sweeps = 16);

}  // namespace tiegraph

#endif  // TIEGRAPH_PATHS_H_
