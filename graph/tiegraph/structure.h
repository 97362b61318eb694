// Whole-network structure: density, clustering, triangles, assortativity.
// Over the undirected view of the projection (distinct neighbors; weights ignored).
#ifndef TIEGRAPH_STRUCTURE_H_
#define TIEGRAPH_STRUCTURE_H_

#include <cstdint>
#include <vector>

#include <tiegraph/projection.h>

namespace tiegraph {

// m / (n(n-1)/2) undirected, m / (n(n-1)) directed; 0 for n < 2.
double Density(const Projection& g);
// Triangles through each node.
std::vector<uint64_t> Triangles(const Projection& g);
// Local clustering: triangles / (d(d-1)/2); 0 for degree < 2 (networkx).
std::vector<double> LocalClustering(const Projection& g);
// Mean of local clustering over all nodes (networkx's average_clustering).
double AverageClustering(const Projection& g);
// 3 × triangles / connected triples (networkx's transitivity).
double Transitivity(const Projection& g);
// Pearson correlation of the degrees at either end of each edge (networkx's
// degree_assortativity_coefficient); NaN when undefined (all degrees equal).
double DegreeAssortativity(const Projection& g);

}  // namespace tiegraph

#endif  // TIEGRAPH_STRUCTURE_H_
