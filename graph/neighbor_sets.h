// The undirected view of a projection as sorted, distinct neighbor lists: what structure
// measures, k-cores and cut points count. For an undirected projection these are its own rows;
// a directed one merges out- and in-arcs.
#ifndef TIEGRAPH_GRAPH_NEIGHBOR_SETS_H_
#define TIEGRAPH_GRAPH_NEIGHBOR_SETS_H_

#include <cstdint>
#include <span>
#include <vector>

#include <tiegraph/projection.h>

namespace tiegraph {

class NeighborSets {
 public:
  explicit NeighborSets(const Projection& g);
  size_t size() const { return offsets_.size() - 1; }
  const uint32_t* begin(uint32_t v) const { return targets_.data() + offsets_[v]; }
  const uint32_t* end(uint32_t v) const { return targets_.data() + offsets_[v + 1]; }
  uint64_t degree(uint32_t v) const { return offsets_[v + 1] - offsets_[v]; }

 private:
  std::vector<uint64_t> own_offsets_;
  std::vector<uint32_t> own_targets_;
  std::span<const uint64_t> offsets_;
  std::span<const uint32_t> targets_;
};

}  // namespace tiegraph

#endif  // TIEGRAPH_GRAPH_NEIGHBOR_SETS_H_
