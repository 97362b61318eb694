// Shortest paths (one, all, k), reachability, cut points, bridges and eccentricity.
#include <tiegraph/paths.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "graph/neighbor_sets.h"
#include "graph/traversal.h"

namespace tiegraph {
namespace {

// Distances *to* `target` (in-arcs), so a walk forward from any node can follow them.
// `banned_nodes` and `banned_arcs` (by out-arc index) are left out (Yen's spur searches).
std::vector<double> DistancesTo(const Projection& g, uint32_t target, Distance distance,
                                const std::vector<char>& banned_nodes,
                                const std::set<std::pair<uint32_t, uint32_t>>& banned_arcs) {
  const ArcRows in = ArcRows::In(g);
  std::vector<double> dist(g.node_count(), kUnreached);
  std::vector<std::pair<double, uint32_t>> heap{{0.0, target}};
  dist[target] = 0;
  auto greater = [](const auto& a, const auto& b) { return a.first > b.first; };
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), greater);
    auto [d, w] = heap.back();
    heap.pop_back();
    if (d > dist[w]) continue;
    for (uint64_t e = (*in.offsets)[w]; e < (*in.offsets)[w + 1]; ++e) {
      const uint32_t v = (*in.targets)[e];  // arc v -> w
      if (!banned_nodes.empty() && banned_nodes[v]) continue;
      if (banned_arcs.count({v, w})) continue;
      const double wt = (*in.weights)[e];
      if (distance == Distance::kInverseStrength && wt <= 0) continue;
      const double nd = d + (distance == Distance::kHops ? 1.0 : 1.0 / wt);
      if (nd < dist[v]) {
        dist[v] = nd;
        heap.push_back({nd, v});
        std::push_heap(heap.begin(), heap.end(), greater);
      }
    }
  }
  return dist;
}

double ArcLength(const Projection& g, uint64_t e, Distance distance) {
  return distance == Distance::kHops ? 1.0 : 1.0 / g.weights[e];
}

// Whether out-arc e of u lies on a shortest path to the target (distances `to`).
bool OnShortest(const Projection& g, const std::vector<double>& to, uint32_t u, uint64_t e,
                Distance distance) {
  const uint32_t v = g.targets[e];
  if (to[v] == kUnreached || (distance == Distance::kInverseStrength && g.weights[e] <= 0)) return false;
  const double via = to[v] + ArcLength(g, e, distance);
  return std::fabs(via - to[u]) <= 1e-12 * std::max(1.0, to[u]);
}

Status CheckNodes(const Projection& g, uint32_t a, uint32_t b) {
  if (a >= g.node_count() || b >= g.node_count()) return Status::InvalidArgument("no such node");
  return Status::OK();
}

}  // namespace

Result<Path> ShortestPath(const Projection& g, uint32_t source, uint32_t target, Distance distance) {
  auto paths = AllShortestPaths(g, source, target, distance, 1);
  if (!paths.ok()) return paths.status();
  return paths->front();
}

Result<std::vector<Path>> AllShortestPaths(const Projection& g, uint32_t source, uint32_t target,
                                           Distance distance, size_t limit) {
  TIEGRAPH_RETURN_IF_ERROR(CheckNodes(g, source, target));
  const std::vector<double> to = DistancesTo(g, target, distance, {}, {});
  if (to[source] == kUnreached) return Status::NotFound("no path: the target cannot be reached");
  // Depth-first over the arcs that stay on a shortest path; rows are sorted by target, so
  // paths come out in lexicographic order of their node sequences.
  std::vector<Path> out;
  Path cur;
  cur.nodes.push_back(source);
  std::function<void(uint32_t)> walk = [&](uint32_t u) {
    if (out.size() >= limit) return;
    if (u == target) {
      cur.length = to[source];
      out.push_back(cur);
      return;
    }
    for (uint64_t e = g.offsets[u]; e < g.offsets[u + 1] && out.size() < limit; ++e) {
      if (!OnShortest(g, to, u, e, distance)) continue;
      cur.nodes.push_back(g.targets[e]);
      walk(g.targets[e]);
      cur.nodes.pop_back();
    }
  };
  walk(source);
  return out;
}

Result<std::vector<Path>> KShortestPaths(const Projection& g, uint32_t source, uint32_t target,
                                         size_t k, Distance distance) {
  TIEGRAPH_RETURN_IF_ERROR(CheckNodes(g, source, target));
  std::vector<Path> found;
  auto first = ShortestPath(g, source, target, distance);
  if (!first.ok()) return first.status();
  found.push_back(*first);
  // Yen (1971): each next path leaves a found one at a spur node, avoiding the arcs that
  // found paths with the same root take there, and the root's nodes.
  auto less = [](const Path& a, const Path& b) {
    return a.length != b.length ? a.length < b.length : a.nodes < b.nodes;
  };
  std::set<Path, decltype(less)> candidates(less);
  auto path_length = [&](const std::vector<uint32_t>& nodes) {
    double len = 0;
    for (size_t i = 0; i + 1 < nodes.size(); ++i) {
      const uint32_t u = nodes[i], v = nodes[i + 1];
      auto it = std::lower_bound(g.targets.begin() + static_cast<ptrdiff_t>(g.offsets[u]),
                                 g.targets.begin() + static_cast<ptrdiff_t>(g.offsets[u + 1]), v);
      len += ArcLength(g, static_cast<uint64_t>(it - g.targets.begin()), distance);
    }
    return len;
  };
  while (found.size() < k) {
    const Path& last = found.back();
    for (size_t i = 0; i + 1 < last.nodes.size(); ++i) {
      const uint32_t spur = last.nodes[i];
      std::vector<uint32_t> root(last.nodes.begin(), last.nodes.begin() + static_cast<ptrdiff_t>(i) + 1);
      std::set<std::pair<uint32_t, uint32_t>> banned_arcs;
      for (const Path& p : found) {
        if (p.nodes.size() > i + 1 && std::equal(root.begin(), root.end(), p.nodes.begin())) {
          banned_arcs.insert({p.nodes[i], p.nodes[i + 1]});
        }
      }
      std::vector<char> banned_nodes(g.node_count(), 0);
      for (size_t j = 0; j < i; ++j) banned_nodes[root[j]] = 1;
      const std::vector<double> to = DistancesTo(g, target, distance, banned_nodes, banned_arcs);
      if (to[spur] == kUnreached) continue;
      // Walk the spur path greedily along shortest arcs (smallest index first).
      std::vector<uint32_t> nodes = root;
      uint32_t u = spur;
      while (u != target) {
        uint32_t next = UINT32_MAX;
        for (uint64_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
          const uint32_t v = g.targets[e];
          if (banned_nodes[v] || banned_arcs.count({u, v}) || !OnShortest(g, to, u, e, distance)) continue;
          next = v;
          break;
        }
        if (next == UINT32_MAX) break;
        nodes.push_back(u = next);
      }
      if (u != target) continue;
      candidates.insert(Path{nodes, path_length(nodes)});
    }
    // The best candidate not found already.
    while (!candidates.empty() &&
           std::any_of(found.begin(), found.end(), [&](const Path& p) { return p.nodes == candidates.begin()->nodes; })) {
      candidates.erase(candidates.begin());
    }
    if (candidates.empty()) break;
    found.push_back(*candidates.begin());
    candidates.erase(candidates.begin());
  }
  return found;
}

std::vector<std::pair<uint32_t, uint32_t>> ReachableWithin(const Projection& g, uint32_t source,
                                                           uint32_t hops) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  if (source >= g.node_count()) return out;
  std::vector<uint32_t> dist(g.node_count(), UINT32_MAX);
  dist[source] = 0;
  out.push_back({source, 0});
  for (size_t head = 0; head < out.size(); ++head) {
    const auto [u, d] = out[head];
    if (d == hops) continue;
    for (uint64_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
      const uint32_t v = g.targets[e];
      if (dist[v] == UINT32_MAX) {
        dist[v] = d + 1;
        out.push_back({v, d + 1});
      }
    }
  }
  return out;
}

namespace {

// Iterative Hopcroft–Tarjan depth-first search computing discovery and low-link times.
void LowLink(const NeighborSets& nb, std::vector<uint32_t>* cut_points,
             std::vector<std::pair<uint32_t, uint32_t>>* bridges) {
  const uint32_t n = static_cast<uint32_t>(nb.size());
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> disc(n, kNone), low(n, 0), parent(n, kNone);
  std::vector<const uint32_t*> next(n);
  std::vector<char> is_cut(n, 0);
  uint32_t time = 0;
  for (uint32_t root = 0; root < n; ++root) {
    if (disc[root] != kNone) continue;
    uint32_t root_children = 0;
    std::vector<uint32_t> stack{root};
    disc[root] = low[root] = time++;
    next[root] = nb.begin(root);
    while (!stack.empty()) {
      const uint32_t u = stack.back();
      if (next[u] != nb.end(u)) {
        const uint32_t v = *next[u]++;
        if (disc[v] == kNone) {
          parent[v] = u;
          disc[v] = low[v] = time++;
          next[v] = nb.begin(v);
          stack.push_back(v);
          if (u == root) ++root_children;
        } else if (v != parent[u]) {
          low[u] = std::min(low[u], disc[v]);
        }
        continue;
      }
      stack.pop_back();
      const uint32_t p = parent[u];
      if (p == kNone) continue;
      low[p] = std::min(low[p], low[u]);
      if (low[u] > disc[p]) bridges->push_back({std::min(p, u), std::max(p, u)});
      if (p != root && low[u] >= disc[p]) is_cut[p] = 1;
    }
    if (root_children > 1) is_cut[root] = 1;
  }
  for (uint32_t v = 0; v < n; ++v) {
    if (is_cut[v]) cut_points->push_back(v);
  }
  std::sort(bridges->begin(), bridges->end());
}

}  // namespace

std::vector<uint32_t> ArticulationPoints(const Projection& g) {
  std::vector<uint32_t> cut;
  std::vector<std::pair<uint32_t, uint32_t>> bridges;
  LowLink(NeighborSets(g), &cut, &bridges);
  return cut;
}

std::vector<std::pair<uint32_t, uint32_t>> Bridges(const Projection& g) {
  std::vector<uint32_t> cut;
  std::vector<std::pair<uint32_t, uint32_t>> bridges;
  LowLink(NeighborSets(g), &cut, &bridges);
  return bridges;
}

std::vector<uint32_t> Eccentricity(const Projection& g, int threads) {
  std::vector<uint32_t> ecc(g.node_count(), 0);
  ParallelBlocks(g.node_count(), threads, [&](int, size_t begin, size_t end) {
    ShortestPathSearch search(g, ArcRows::Out(g), Distance::kHops);
    for (size_t v = begin; v < end; ++v) {
      search.Run(static_cast<uint32_t>(v), false);
      ecc[v] = static_cast<uint32_t>(search.dist()[search.order().back()]);
    }
  });
  return ecc;
}

}  // namespace tiegraph
