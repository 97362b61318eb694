// Helix measures: the mutual information among the helices of an innovation system.
#ifndef TIEGRAPH_HELIX_H_
#define TIEGRAPH_HELIX_H_

#include <cstdint>
#include <vector>

namespace tiegraph {

// Leydesdorff's mutual information among D binary variables, in bits: patterns[u] has bit d
// set when unit u carries helix d; T = sum over non-empty subsets S of the helices of
// (-1)^(|S|+1) H(S), H the Shannon entropy (log2) of the joint presence pattern over S. So
// T_UI = H_U + H_I - H_UI and T_UIG = H_U + H_I + H_G - H_UI - H_UG - H_IG + H_UIG; a negative
// T_UIG is synergy (Leydesdorff 2003). The sign alternates with D: compare like with like.
double HelixMutualInformation(const std::vector<uint32_t>& patterns, int dims);
// T over the helices whose bits are set in `mask` alone (a sub-combination of the helices).
double HelixMutualInformationOver(const std::vector<uint32_t>& patterns, uint32_t mask);

}  // namespace tiegraph

#endif  // TIEGRAPH_HELIX_H_
