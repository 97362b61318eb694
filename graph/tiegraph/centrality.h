// Centrality measures over a Projection: degree, strength and the path-based ones (PageRank,
// eigenvector, Katz and HITS are tiegraph/spectral.h; k-core numbers tiegraph/k_core.h).
// Each returns one value per node (index order).
// Conventions follow networkx unless stated (docs/ALGORITHMS.md gives each with its reference).
// Weights are strengths: measures that need a distance use hops, or 1/strength when
// `distance` is kInverseStrength.
#ifndef TIEGRAPH_CENTRALITY_H_
#define TIEGRAPH_CENTRALITY_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include <tiegraph/projection.h>
#include <tiegraph/status.h>

namespace tiegraph {

// `threads`, here and in every tiegraph API, is a cap: at most that many threads work (at least
// 1); small inputs, and steps that split in two, use fewer. Results never depend on it.

enum class Distance { kHops, kInverseStrength };
// "hops" | "inverse-strength".
Result<Distance> ParseDistance(std::string_view name);
std::string_view DistanceName(Distance d);

// Degree: number of distinct neighbors (out-neighbors in a directed view); normalised by n-1.
std::vector<double> DegreeCentrality(const Projection& g, bool normalized);
// Strength: the sum of arc weights (combined parallel ties).
std::vector<double> Strength(const Projection& g);

struct BetweennessOptions {
  Distance distance = Distance::kHops;
  // networkx normalisation: 2/((n-1)(n-2)) undirected, 1/((n-1)(n-2)) directed.
  bool normalized = true;
  // 0: exact (Brandes, every source). k > 0: k sources drawn with `seed`, scaled by n/k, as
  // networkx's `k` (an unbiased estimate; the standard error shrinks as 1/sqrt(k)).
  size_t samples = 0;
  uint64_t seed = 42;
  int threads = 2;  // a cap (see above); sources are split across threads
};
Result<std::vector<double>> Betweenness(const Projection& g, const BetweennessOptions& options);

// Closeness: (r-1)/sum of distances to the r-1 reachable nodes, times (r-1)/(n-1)
// (Wasserman–Faust, networkx's wf_improved) so disconnected graphs compare; 0 when isolated.
// Directed views use distances *to* the node, as networkx does.
Result<std::vector<double>> Closeness(const Projection& g, Distance distance, int threads = 2);
// Harmonic: sum over other nodes of 1/distance; normalized: divided by n-1 (the query layer's
// default, as for degree and betweenness); not normalized: networkx's harmonic_centrality.
Result<std::vector<double>> Harmonic(const Projection& g, Distance distance, bool normalized,
                                     int threads = 2);

// Estimates of closeness and harmonic centrality for networks too large for a search from
// every node (Eppstein & Wang 2004): searches from `samples` seeded sources; each node's
// distances from the sampled sources stand for its distances from all nodes. The relative
// error shrinks as 1/sqrt(samples). With samples >= n the values are exact.
Result<std::vector<double>> ClosenessEstimate(const Projection& g, Distance distance,
                                              size_t samples, uint64_t seed, int threads = 2);
Result<std::vector<double>> HarmonicEstimate(const Projection& g, Distance distance,
                                             bool normalized, size_t samples, uint64_t seed,
                                             int threads = 2);

}  // namespace tiegraph

#endif  // TIEGRAPH_CENTRALITY_H_
