// Connected (weakly connected) components by union-find over the arcs: near-linear, and an arc
// in either direction joins its ends, so one routine serves both views.
#include <algorithm>
#include <numeric>

#include <tiegraph/projection.h>

namespace tiegraph {
namespace {

uint32_t FindRoot(std::vector<uint32_t>& parent, uint32_t v) {
  while (parent[v] != v) {
    parent[v] = parent[parent[v]];  // path halving
    v = parent[v];
  }
  return v;
}

}  // namespace

uint32_t ConnectedComponents(const Projection& g, std::vector<uint32_t>* component) {
  const uint32_t n = static_cast<uint32_t>(g.node_count());
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  for (uint32_t v = 0; v < n; ++v) {
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) {
      uint32_t a = FindRoot(parent, v), b = FindRoot(parent, g.targets()[e]);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the root is the smallest member
    }
  }
  // Number components by size (largest first), then by smallest member.
  std::vector<uint32_t> size(n, 0);
  for (uint32_t v = 0; v < n; ++v) ++size[FindRoot(parent, v)];
  std::vector<uint32_t> roots;
  for (uint32_t v = 0; v < n; ++v) {
    if (parent[v] == v) roots.push_back(v);
  }
  std::stable_sort(roots.begin(), roots.end(),
                   [&](uint32_t a, uint32_t b) { return size[a] > size[b]; });
  std::vector<uint32_t> rank(n, 0);
  for (uint32_t r = 0; r < roots.size(); ++r) rank[roots[r]] = r;
  component->assign(n, 0);
  for (uint32_t v = 0; v < n; ++v) (*component)[v] = rank[FindRoot(parent, v)];
  return static_cast<uint32_t>(roots.size());
}

}  // namespace tiegraph
