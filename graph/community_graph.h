// The weighted undirected graph that community detection works on, level by level: symmetric
// rows without self-loops, each node's internal weight apart, its strength and its size (how
// many original nodes it stands for).
#ifndef TIEGRAPH_GRAPH_COMMUNITY_GRAPH_H_
#define TIEGRAPH_GRAPH_COMMUNITY_GRAPH_H_

#include <cstdint>
#include <vector>

#include <tiegraph/community.h>
#include <tiegraph/projection.h>

#include <functional>

namespace tiegraph {

struct CommunityGraph {
  std::vector<uint64_t> offsets;
  std::vector<uint32_t> targets;
  std::vector<double> weights;
  std::vector<double> self;      // weight of ties inside the node, each once
  std::vector<double> strength;  // weighted degree, with 2 * self
  std::vector<double> size;      // original nodes inside
  size_t node_count() const { return self.size(); }
  double TotalStrength() const;  // 2m

  // The undirected view of a projection (a directed one is symmetrised, weights added).
  static CommunityGraph From(const Projection& g, bool weighted);
  // Collapses each group of `group` (labels 0..count-1) into one node.
  CommunityGraph Collapse(const std::vector<uint32_t>& group, uint32_t count) const;
};

// Runs `run` from the singleton partition, then again from each result while modularity (at
// the options' resolution) rises, for at most the options' iterations; returns the best
// partition found, canonically numbered.
Partition ImproveUntilStable(
    const Projection& g, const CommunityOptions& o,
    const std::function<std::vector<uint32_t>(const std::vector<uint32_t>&)>& run);

// Runs `run` for each of the options' trials (seeds seed, seed+1, …) and keeps the partition
// of highest modularity (the earliest among equals).
Result<Partition> BestOfTrials(const Projection& g, const CommunityOptions& o,
                               const std::function<Result<Partition>(uint64_t seed)>& run);
// One Louvain or Leiden run with the given seed.
Result<Partition> LouvainRun(const Projection& g, const CommunityOptions& o, uint64_t seed);
Result<Partition> LeidenRun(const Projection& g, const CommunityOptions& o, uint64_t seed);

}  // namespace tiegraph

#endif  // TIEGRAPH_GRAPH_COMMUNITY_GRAPH_H_
