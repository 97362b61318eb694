#include "neighbor_sets.h"

#include <algorithm>

namespace tiegraph {

NeighborSets::NeighborSets(const Projection& g) : offsets_(g.offsets()), targets_(g.targets()) {
  if (!g.directed()) return;  // rows are already sorted and distinct
  const size_t n = g.node_count();
  own_offsets_.assign(n + 1, 0);
  std::vector<uint32_t> merged;
  for (uint32_t v = 0; v < n; ++v) {
    merged.assign(g.targets().begin() + static_cast<ptrdiff_t>(g.offsets()[v]),
                  g.targets().begin() + static_cast<ptrdiff_t>(g.offsets()[v + 1]));
    merged.insert(merged.end(), g.in_sources().begin() + static_cast<ptrdiff_t>(g.in_offsets()[v]),
                  g.in_sources().begin() + static_cast<ptrdiff_t>(g.in_offsets()[v + 1]));
    std::sort(merged.begin(), merged.end());
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    own_targets_.insert(own_targets_.end(), merged.begin(), merged.end());
    own_offsets_[v + 1] = own_targets_.size();
  }
  offsets_ = own_offsets_;
  targets_ = own_targets_;
}

}  // namespace tiegraph
