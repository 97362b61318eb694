// Shortest paths (one, all, k), reachability, cut points, bridges and eccentricity.
#include <tiegraph/paths.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <random>
#include <set>

#include "neighbor_sets.h"
#include "traversal.h"

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
    for (uint64_t e = in.offsets[w]; e < in.offsets[w + 1]; ++e) {
      const uint32_t v = in.targets[e];  // arc v -> w
      if (!banned_nodes.empty() && banned_nodes[v]) continue;
      if (banned_arcs.count({v, w})) continue;
      const double wt = in.weights[e];
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
  return distance == Distance::kHops ? 1.0 : 1.0 / g.weights()[e];
}

// Whether out-arc e of u lies on a shortest path to the target (distances `to`).
bool OnShortest(const Projection& g, const std::vector<double>& to, uint32_t u, uint64_t e,
                Distance distance) {
  const uint32_t v = g.targets()[e];
  if (to[v] == kUnreached || (distance == Distance::kInverseStrength && g.weights()[e] <= 0))
    return false;
  const double via = to[v] + ArcLength(g, e, distance);
  return std::fabs(via - to[u]) <= 1e-12 * std::max(1.0, to[u]);
}

Status CheckNodes(const Projection& g, uint32_t a, uint32_t b) {
  if (a >= g.node_count() || b >= g.node_count()) return Status::InvalidArgument("no such node");
  return Status::OK();
}

}  // namespace

Result<Path> ShortestPath(const Projection& g, uint32_t source, uint32_t target,
                          Distance distance) {
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
    for (uint64_t e = g.offsets()[u]; e < g.offsets()[u + 1] && out.size() < limit; ++e) {
      if (!OnShortest(g, to, u, e, distance)) continue;
      cur.nodes.push_back(g.targets()[e]);
      walk(g.targets()[e]);
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
      auto it =
          std::lower_bound(g.targets().begin() + static_cast<ptrdiff_t>(g.offsets()[u]),
                           g.targets().begin() + static_cast<ptrdiff_t>(g.offsets()[u + 1]), v);
      len += ArcLength(g, static_cast<uint64_t>(it - g.targets().begin()), distance);
    }
    return len;
  };
  while (found.size() < k) {
    const Path& last = found.back();
    for (size_t i = 0; i + 1 < last.nodes.size(); ++i) {
      const uint32_t spur = last.nodes[i];
      std::vector<uint32_t> root(last.nodes.begin(),
                                 last.nodes.begin() + static_cast<ptrdiff_t>(i) + 1);
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
        for (uint64_t e = g.offsets()[u]; e < g.offsets()[u + 1]; ++e) {
          const uint32_t v = g.targets()[e];
          if (banned_nodes[v] || banned_arcs.count({u, v}) || !OnShortest(g, to, u, e, distance))
            continue;
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
    while (!candidates.empty() && std::any_of(found.begin(), found.end(), [&](const Path& p) {
      return p.nodes == candidates.begin()->nodes;
    })) {
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
    for (uint64_t e = g.offsets()[u]; e < g.offsets()[u + 1]; ++e) {
      const uint32_t v = g.targets()[e];
      if (dist[v] == UINT32_MAX) {
        dist[v] = d + 1;
        out.push_back({v, d + 1});
      }
    }
  }
  return out;
}

namespace {

// Iterative Hopcroft–Tarjan depth-first search over discovery and low-link times, giving cut
// points, bridges and (through a stack of tree and back edges) the biconnected components.
struct CutStructure {
  std::vector<uint32_t> cut_points;
  std::vector<std::pair<uint32_t, uint32_t>> bridges;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> blocks;
};

CutStructure LowLink(const NeighborSets& nb) {
  CutStructure out;
  const uint32_t n = static_cast<uint32_t>(nb.size());
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> disc(n, kNone), low(n, 0), parent(n, kNone);
  std::vector<const uint32_t*> next(n);
  std::vector<char> is_cut(n, 0);
  std::vector<std::pair<uint32_t, uint32_t>> edges;  // tree and back edges not yet in a block
  auto ordered = [](uint32_t a, uint32_t b) {
    return std::make_pair(std::min(a, b), std::max(a, b));
  };
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
          edges.push_back(ordered(u, v));
          if (u == root) ++root_children;
        } else if (v != parent[u] && disc[v] < disc[u]) {
          low[u] = std::min(low[u], disc[v]);
          edges.push_back(ordered(u, v));
        }
        continue;
      }
      stack.pop_back();
      const uint32_t p = parent[u];
      if (p == kNone) continue;
      low[p] = std::min(low[p], low[u]);
      if (low[u] > disc[p]) out.bridges.push_back(ordered(p, u));
      if (low[u] >= disc[p]) {
        if (p != root) is_cut[p] = 1;
        // The edges pushed since (p, u) form one block.
        std::vector<std::pair<uint32_t, uint32_t>> block;
        const auto tree_edge = ordered(p, u);
        while (!edges.empty()) {
          auto e = edges.back();
          edges.pop_back();
          block.push_back(e);
          if (e == tree_edge) break;
        }
        std::sort(block.begin(), block.end());
        out.blocks.push_back(std::move(block));
      }
    }
    if (root_children > 1) is_cut[root] = 1;
  }
  for (uint32_t v = 0; v < n; ++v) {
    if (is_cut[v]) out.cut_points.push_back(v);
  }
  std::sort(out.bridges.begin(), out.bridges.end());
  std::sort(out.blocks.begin(), out.blocks.end());
  return out;
}

}  // namespace

std::vector<std::vector<std::pair<uint32_t, uint32_t>>> BiconnectedComponents(const Projection& g) {
  return LowLink(NeighborSets(g)).blocks;
}

std::vector<Path> SimplePaths(const Projection& g, uint32_t source, uint32_t target,
                              uint32_t max_hops, size_t limit) {
  std::vector<Path> out;
  if (source >= g.node_count() || target >= g.node_count()) return out;
  std::vector<char> on_path(g.node_count(), 0);
  Path cur;
  cur.nodes.push_back(source);
  on_path[source] = 1;
  std::function<void(uint32_t)> walk = [&](uint32_t u) {
    if (out.size() >= limit) return;
    if (u == target) {
      cur.length = static_cast<double>(cur.nodes.size() - 1);
      out.push_back(cur);
      return;
    }
    if (cur.nodes.size() - 1 >= max_hops) return;
    for (uint64_t e = g.offsets()[u]; e < g.offsets()[u + 1] && out.size() < limit; ++e) {
      const uint32_t v = g.targets()[e];
      if (on_path[v]) continue;
      on_path[v] = 1;
      cur.nodes.push_back(v);
      walk(v);
      cur.nodes.pop_back();
      on_path[v] = 0;
    }
  };
  walk(source);
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> MinimumSpanningForest(const Projection& g,
                                                                 Distance distance) {
  struct Edge {
    double length;
    uint32_t u, v;
  };
  std::vector<Edge> edges;
  for (uint32_t u = 0; u < g.node_count(); ++u) {
    for (uint64_t e = g.offsets()[u]; e < g.offsets()[u + 1]; ++e) {
      const uint32_t v = g.targets()[e];
      if (!g.directed() && v < u) continue;  // each undirected tie once
      if (distance == Distance::kInverseStrength && g.weights()[e] <= 0) continue;
      edges.push_back({distance == Distance::kHops ? 1.0 : 1.0 / g.weights()[e], std::min(u, v),
                       std::max(u, v)});
    }
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
    if (a.length != b.length) return a.length < b.length;
    return a.u != b.u ? a.u < b.u : a.v < b.v;
  });
  std::vector<uint32_t> parent(g.node_count());
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<std::pair<uint32_t, uint32_t>> forest;
  for (const Edge& e : edges) {
    const uint32_t a = find(e.u), b = find(e.v);
    if (a == b) continue;
    parent[std::max(a, b)] = std::min(a, b);
    forest.push_back({e.u, e.v});
  }
  return forest;
}

namespace {}  // namespace

std::vector<uint32_t> ArticulationPoints(const Projection& g) {
  return LowLink(NeighborSets(g)).cut_points;
}

std::vector<std::pair<uint32_t, uint32_t>> Bridges(const Projection& g) {
  return LowLink(NeighborSets(g)).bridges;
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

DiameterEstimate Diameter(const Projection& g, size_t exact_limit, uint64_t seed, int sweeps) {
  DiameterEstimate d;
  if (g.node_count() <= exact_limit) {
    for (uint32_t e : Eccentricity(g)) d.diameter = std::max(d.diameter, e);
    d.exact = true;
    return d;
  }
  ShortestPathSearch search(g, ArcRows::Out(g), Distance::kHops);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<uint32_t> pick(0, static_cast<uint32_t>(g.node_count() - 1));
  for (int i = 0; i < sweeps; ++i) {
    uint32_t start = pick(rng);
    for (int leg = 0; leg < 2; ++leg) {
      search.Run(start, false);
      const uint32_t far = search.order().back();
      d.diameter = std::max(d.diameter, static_cast<uint32_t>(search.dist()[far]));
      start = far;
    }
  }
  return d;
}

}  // namespace tiegraph
