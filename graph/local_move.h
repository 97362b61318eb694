// Queue-based local moving of nodes between communities, shared by Louvain and Leiden
// (Traag 2015, "Faster unfolding of communities: speeding up the Louvain algorithm"; the
// "fast local move" of Leiden): after a first pass over every node in random order, only
// nodes whose neighborhood changed are visited again.
#ifndef TIEGRAPH_GRAPH_LOCAL_MOVE_H_
#define TIEGRAPH_GRAPH_LOCAL_MOVE_H_

#include <cstdint>
#include <random>
#include <vector>

#include "community_graph.h"

namespace tiegraph {

// The quality's penalty: gain(v -> c) = w(v, c) - factor * mass(v) * mass(c), where mass is
// strength for modularity (factor gamma / 2m) and size for CPM (factor gamma).
struct QualityTerms {
  double factor;
  bool by_size;
  double Mass(const CommunityGraph& g, uint32_t v) const {
    return by_size ? g.size[v] : g.strength[v];
  }
};

// Moves nodes of `g` between the communities of `comm` while a move raises the quality.
// Returns true if a node moved.
bool FastLocalMove(const CommunityGraph& g, const QualityTerms& q, std::mt19937_64& rng,
                   std::vector<uint32_t>* comm);

}  // namespace tiegraph

#endif  // TIEGRAPH_GRAPH_LOCAL_MOVE_H_
