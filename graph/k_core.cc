// k-core numbers (Batagelj and Zaversnik 2003).
#include <tiegraph/k_core.h>

#include <algorithm>

#include "neighbor_sets.h"

namespace tiegraph {

std::vector<uint32_t> CoreNumbers(const Projection& g) {
  // Batagelj–Zaveršnik: process nodes by current degree with bucket sort, O(m).
  NeighborSets nb(g);
  const uint32_t n = static_cast<uint32_t>(nb.size());
  std::vector<uint32_t> deg(n), pos(n), order(n);
  uint32_t max_deg = 0;
  for (uint32_t v = 0; v < n; ++v)
    max_deg = std::max(max_deg, deg[v] = static_cast<uint32_t>(nb.degree(v)));
  std::vector<uint32_t> bin(max_deg + 2, 0);
  for (uint32_t v = 0; v < n; ++v) ++bin[deg[v] + 1];
  for (uint32_t d = 1; d < bin.size(); ++d) bin[d] += bin[d - 1];
  {
    std::vector<uint32_t> fill(bin.begin(), bin.end() - 1);
    for (uint32_t v = 0; v < n; ++v) order[pos[v] = fill[deg[v]]++] = v;
  }
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t v = order[i];
    for (const uint32_t* pu = nb.begin(v); pu != nb.end(v); ++pu) {
      const uint32_t u = *pu;
      if (deg[u] > deg[v]) {
        // Move u to the front of its bucket, then shrink its degree by one.
        const uint32_t du = deg[u], pu_pos = pos[u], w = order[bin[du]];
        if (u != w) {
          std::swap(order[pu_pos], order[bin[du]]);
          pos[w] = pu_pos;
          pos[u] = bin[du];
        }
        ++bin[du];
        --deg[u];
      }
    }
  }
  return deg;
}

}  // namespace tiegraph
