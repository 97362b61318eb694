// ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, PLoS ONE 9(6): e98679), internal to
// graph/: the layout behind Layout(kForceAtlas2).
#ifndef TIEGRAPH_GRAPH_FORCE_ATLAS2_H_
#define TIEGRAPH_GRAPH_FORCE_ATLAS2_H_

#include <vector>

#include <tiegraph/layout.h>

namespace tiegraph {

// Moves `pos` (one start point per node) for `iterations` steps; with `radii` (one per node,
// or empty), distances count from the nodes' rims, so they end apart.
void ForceAtlas2(const Projection& g, int iterations, bool weighted,
                 const std::vector<double>& radii, std::vector<Point>* pos);

}  // namespace tiegraph

#endif  // TIEGRAPH_GRAPH_FORCE_ATLAS2_H_
