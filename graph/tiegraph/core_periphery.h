// Core–periphery structure (Borgatti & Everett 2000, "Models of core/periphery structures",
// Social Networks 21:375) over the undirected view's topology.
#ifndef TIEGRAPH_CORE_PERIPHERY_H_
#define TIEGRAPH_CORE_PERIPHERY_H_

#include <cstdint>
#include <vector>

#include <tiegraph/projection.h>
#include <tiegraph/status.h>

namespace tiegraph {

// Discrete model: a core set whose pattern (core–core pairs tied, periphery–periphery pairs
// not; core–periphery pairs left out, UCINET's "missing" option) correlates best with the ties:
// rho = Pearson correlation over the core–core and periphery–periphery pairs. Found by moving
// one node at a time between core and periphery while rho rises, from the highest-degree
// half (a local optimum, deterministic).
struct DiscreteCorePeriphery {
  std::vector<char> core;  // per node
  double rho = 0;
  double core_density = 0, periphery_density = 0, core_periphery_density = 0;
};
Result<DiscreteCorePeriphery> DiscreteCoreness(const Projection& g);

// Continuous model: coreness c in [0, 1] (the largest 1) maximising rho, the Pearson
// correlation over pairs i < j of a_ij with c_i c_j (Borgatti & Everett). Found by projected
// gradient ascent from the least-squares fit of c_i c_j to a_ij and from `random_starts` seeded
// random starts, the best kept: a local optimum, deterministic.
struct ContinuousCorePeriphery {
  std::vector<double> coreness;
  double rho = 0;
};
Result<ContinuousCorePeriphery> ContinuousCoreness(const Projection& g, int max_iterations = 2000,
                                                   int random_starts = 4);

}  // namespace tiegraph

#endif  // TIEGRAPH_CORE_PERIPHERY_H_
