// Projection: an immutable, undirected, compressed adjacency view of the stored network, the
// input of every analysis. Dense indexes 0..n-1 follow the institutions' storage order.
#ifndef TIEGRAPH_PROJECTION_H_
#define TIEGRAPH_PROJECTION_H_

#include <cstdint>
#include <string>
#include <vector>

#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

struct ProjectionOptions {
  // part-of ties are organisational structure, not partnership. Default: excluded.
  bool include_part_of = false;
};

struct Projection {
  std::vector<std::string> keys;  // index -> institution key
  std::vector<uint64_t> offsets;  // CSR: neighbours of i are targets[offsets[i]..offsets[i+1])
  std::vector<uint32_t> targets;  // each undirected tie appears in both endpoints' lists
  size_t node_count() const { return keys.size(); }
};

Result<Projection> BuildProjection(const Snapshot& snapshot, const ProjectionOptions& options);

// Connected components of the undirected projection: component[i] for each node, numbered by
// size (largest first), ties broken by the smallest member index. Returns the count.
uint32_t ConnectedComponents(const Projection& g, std::vector<uint32_t>* component);

}  // namespace tiegraph

#endif  // TIEGRAPH_PROJECTION_H_
