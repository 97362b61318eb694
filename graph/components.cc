// Connected components with Boost.Graph over the projection's CSR arrays.
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <numeric>

#include <tiegraph/projection.h>

namespace tiegraph {

uint32_t ConnectedComponents(const Projection& g, std::vector<uint32_t>* component) {
  using Csr = boost::compressed_sparse_row_graph<boost::directedS>;
  const size_t n = g.node_count();
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  edges.reserve(g.targets.size());
  for (uint32_t v = 0; v < n; ++v) {
    for (uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) edges.emplace_back(v, g.targets[e]);
  }
  // Both directions are present, so the directed CSR is the symmetric graph.
  Csr csr(boost::edges_are_sorted, edges.begin(), edges.end(), n);
  std::vector<int> raw(n);
  const int count = n ? boost::connected_components(csr, raw.data()) : 0;
  // Renumber: largest component first, ties by smallest member index.
  std::vector<size_t> size(static_cast<size_t>(count), 0), first(static_cast<size_t>(count), n);
  for (size_t v = 0; v < n; ++v) {
    ++size[raw[v]];
    first[raw[v]] = std::min(first[raw[v]], v);
  }
  std::vector<uint32_t> order(static_cast<size_t>(count));
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
  });
  std::vector<uint32_t> rank(static_cast<size_t>(count));
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  component->assign(n, 0);
  for (size_t v = 0; v < n; ++v) (*component)[v] = rank[raw[v]];
  return static_cast<uint32_t>(count);
}

}  // namespace tiegraph
