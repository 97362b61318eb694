// k-core decomposition.
#ifndef TIEGRAPH_K_CORE_H_
#define TIEGRAPH_K_CORE_H_

#include <cstdint>
#include <vector>

#include <tiegraph/projection.h>

namespace tiegraph {

// k-core numbers (Batagelj–Zaveršnik), over distinct neighbors of the undirected view.
std::vector<uint32_t> CoreNumbers(const Projection& g);

}  // namespace tiegraph

#endif  // TIEGRAPH_K_CORE_H_
