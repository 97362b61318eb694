// Centralities from the spectrum of the adjacency matrix, by power iteration: PageRank,
// eigenvector, Katz, HITS. Conventions follow networkx (docs/ALGORITHMS.md).
#ifndef TIEGRAPH_SPECTRAL_H_
#define TIEGRAPH_SPECTRAL_H_

#include <vector>

#include <tiegraph/projection.h>
#include <tiegraph/status.h>

namespace tiegraph {

struct PageRankOptions {
  double damping = 0.85;
  bool weighted = true;                 // arc weights as transition weights
  std::vector<double> personalization;  // empty: uniform; else one value per node, any scale
  double tolerance = 1e-10;             // L1 change per node, as networkx's tol
  int max_iterations = 1000;
  int threads = 2;  // a cap, as everywhere (centrality.h): large graphs split in two at most
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

}  // namespace tiegraph

#endif  // TIEGRAPH_SPECTRAL_H_
