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

// Continuous model: coreness c in [0, 1] with c_i c_j fitting a_ij over pairs i != j in the
// least-squares sense (alternating updates c_i = sum_j a_ij c_j / sum_{j != i} c_j^2, scaled so
// the largest is 1); rho is the correlation of a_ij with c_i c_j over all pairs.
struct ContinuousCorePeriphery {
  std::vector<double> coreness;
  double rho = 0;
};
Result<ContinuousCorePeriphery> ContinuousCoreness(const Projection& g, int max_iterations = 1000);

}  // namespace tiegraph

#endif  // TIEGRAPH_CORE_PERIPHERY_H_
