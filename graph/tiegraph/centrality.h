// Centrality measures over a Projection. Each returns one value per node (index order).
// Conventions follow networkx unless stated (docs/ALGORITHMS.md gives each with its reference).
// Weights are strengths: measures that need a distance use hops, or 1/strength when
// `distance` is kInverseStrength.
#ifndef TIEGRAPH_CENTRALITY_H_
#define TIEGRAPH_CENTRALITY_H_

#include <cstdint>
#include <vector>

#include <tiegraph/projection.h>
#include <tiegraph/status.h>

namespace tiegraph {

enum class Distance { kHops, kInverseStrength };

// Degree: number of distinct neighbours (out-neighbours in a directed view); normalised by n-1.
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
  int threads = 2;  // sources are split across threads; results do not depend on it
};
Result<std::vector<double>> Betweenness(const Projection& g, const BetweennessOptions& options);

// Closeness: (r-1)/sum of distances to the r-1 reachable nodes, times (r-1)/(n-1)
// (Wasserman–Faust, networkx's wf_improved) so disconnected graphs compare; 0 when isolated.
// Directed views use distances *to* the node, as networkx does.
Result<std::vector<double>> Closeness(const Projection& g, Distance distance, int threads = 2);
// Harmonic: sum over other nodes of 1/distance (networkx: not normalised; pass true for /(n-1)).
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

struct PageRankOptions {
  double damping = 0.85;
  bool weighted = true;                 // arc weights as transition weights
  std::vector<double> personalization;  // empty: uniform; else one value per node, any scale
  double tolerance = 1e-10;             // L1 change per node, as networkx's tol
  int max_iterations = 1000;
  int threads = 2;  // large graphs are split across two threads; results do not depend on it
};
// PageRank by power iteration; dangling nodes spread by the personalization vector (networkx).
Result<std::vector<double>> PageRank(const Projection& g, const PageRankOptions& options);

// Eigenvector centrality (power iteration on A + I, unit Euclidean length, as networkx).
Result<std::vector<double>> Eigenvector(const Projection& g, bool weighted,
                                        double tolerance = 1e-10, int max_iterations = 1000);
// Katz: x = alpha A^T x + beta, unit length (networkx's normalized=True).
Result<std::vector<double>> Katz(const Projection& g, double alpha, double beta, bool weighted,
                                 double tolerance = 1e-10, int max_iterations = 1000);
// HITS hub and authority scores on a directed view, each summing to 1 (networkx).
Status Hits(const Projection& g, std::vector<double>* hubs, std::vector<double>* authorities,
            double tolerance = 1e-10, int max_iterations = 1000);

// k-core numbers (Batagelj–Zaveršnik), over distinct neighbours of the undirected view.
std::vector<uint32_t> CoreNumbers(const Projection& g);

}  // namespace tiegraph

#endif  // TIEGRAPH_CENTRALITY_H_
