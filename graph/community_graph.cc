#include "community_graph.h"

#include <algorithm>

namespace tiegraph {

double CommunityGraph::TotalStrength() const {
  double s = 0;
  for (double x : strength) s += x;
  return s;
}

CommunityGraph CommunityGraph::From(const Projection& g, bool weighted) {
  CommunityGraph c;
  const size_t n = g.node_count();
  c.self.assign(n, 0);
  c.strength.assign(n, 0);
  c.size.assign(n, 1);
  if (!g.directed()) {
    c.offsets.assign(g.offsets().begin(), g.offsets().end());
    c.targets.assign(g.targets().begin(), g.targets().end());
    c.weights.assign(g.weights().begin(), g.weights().end());
    if (!weighted) std::fill(c.weights.begin(), c.weights.end(), 1.0);
  } else {
    // An arc in either direction joins the pair; the weights of both directions add up.
    std::vector<uint32_t> group(n);
    for (uint32_t v = 0; v < n; ++v) group[v] = v;
    CommunityGraph arcs;
    arcs.self.assign(n, 0);
    arcs.size.assign(n, 1);
    arcs.offsets.assign(g.offsets().begin(), g.offsets().end());
    arcs.targets.assign(g.targets().begin(), g.targets().end());
    arcs.weights.assign(g.weights().begin(), g.weights().end());
    if (!weighted) std::fill(arcs.weights.begin(), arcs.weights.end(), 1.0);
    std::vector<std::vector<std::pair<uint32_t, double>>> rows(n);
    for (uint32_t v = 0; v < n; ++v) {
      for (uint64_t e = arcs.offsets[v]; e < arcs.offsets[v + 1]; ++e) {
        rows[v].push_back({arcs.targets[e], arcs.weights[e]});
        rows[arcs.targets[e]].push_back({v, arcs.weights[e]});
      }
    }
    c.offsets.assign(n + 1, 0);
    for (uint32_t v = 0; v < n; ++v) {
      auto& r = rows[v];
      std::stable_sort(r.begin(), r.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [t, w] : r) {
        if (c.targets.size() > c.offsets[v] && c.targets.back() == t) {
          c.weights.back() += weighted ? w : 0;
        } else {
          c.targets.push_back(t);
          c.weights.push_back(w);
        }
      }
      c.offsets[v + 1] = c.targets.size();
    }
  }
  for (uint32_t v = 0; v < n; ++v) {
    for (uint64_t e = c.offsets[v]; e < c.offsets[v + 1]; ++e) c.strength[v] += c.weights[e];
  }
  return c;
}

CommunityGraph CommunityGraph::Collapse(const std::vector<uint32_t>& group, uint32_t count) const {
  CommunityGraph next;
  next.self.assign(count, 0);
  next.strength.assign(count, 0);
  next.size.assign(count, 0);
  std::vector<std::vector<std::pair<uint32_t, double>>> rows(count);
  for (uint32_t v = 0; v < node_count(); ++v) {
    const uint32_t cv = group[v];
    next.self[cv] += self[v];
    next.size[cv] += size[v];
    for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) {
      const uint32_t cu = group[targets[e]];
      if (cu == cv) {
        next.self[cv] += weights[e] / 2;  // an internal tie is seen from both of its ends
      } else {
        rows[cv].push_back({cu, weights[e]});
      }
    }
  }
  next.offsets.assign(count + 1, 0);
  for (uint32_t c = 0; c < count; ++c) {
    auto& r = rows[c];
    std::stable_sort(r.begin(), r.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [t, w] : r) {
      if (next.targets.size() > next.offsets[c] && next.targets.back() == t) {
        next.weights.back() += w;
      } else {
        next.targets.push_back(t);
        next.weights.push_back(w);
      }
    }
    next.offsets[c + 1] = next.targets.size();
    for (uint64_t e = next.offsets[c]; e < next.offsets[c + 1]; ++e)
      next.strength[c] += next.weights[e];
    next.strength[c] += 2 * next.self[c];
  }
  return next;
}

}  // namespace tiegraph
