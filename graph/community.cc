// Modularity, Louvain and label propagation over the undirected view.
#include <tiegraph/community.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace tiegraph {
namespace {

// A weighted undirected graph for one Louvain level: symmetric rows without self-loops, each
// node's self-loop weight apart (the ties inside a community once it is aggregated).
struct Level {
  std::vector<uint64_t> offsets;
  std::vector<uint32_t> targets;
  std::vector<double> weights;
  std::vector<double> self;      // self-loop weight, counted twice in strength
  std::vector<double> strength;  // weighted degree including 2 * self
  size_t size() const { return self.size(); }
};

Level FromProjection(const Projection& g, bool weighted) {
  Level l;
  const size_t n = g.node_count();
  l.self.assign(n, 0);
  l.strength.assign(n, 0);
  l.offsets.assign(n + 1, 0);
  // A directed projection is symmetrised: an arc in either direction joins the pair, with the
  // weights of both directions added.
  std::vector<std::vector<std::pair<uint32_t, double>>> rows(g.directed ? n : 0);
  if (g.directed) {
    for (uint32_t v = 0; v < n; ++v) {
      for (uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
        const double w = weighted ? g.weights[e] : 1.0;
        rows[v].push_back({g.targets[e], w});
        rows[g.targets[e]].push_back({v, w});
      }
    }
    for (uint32_t v = 0; v < n; ++v) {
      auto& r = rows[v];
      std::stable_sort(r.begin(), r.end(), [](auto& a, auto& b) { return a.first < b.first; });
      for (size_t i = 0; i < r.size(); ++i) {
        if (!l.targets.empty() && l.targets.size() > l.offsets[v] && l.targets.back() == r[i].first) {
          if (weighted) l.weights.back() += r[i].second;
        } else {
          l.targets.push_back(r[i].first);
          l.weights.push_back(r[i].second);
        }
      }
      l.offsets[v + 1] = l.targets.size();
    }
  } else {
    l.offsets = g.offsets;
    l.targets = g.targets;
    l.weights = g.weights;
    if (!weighted) std::fill(l.weights.begin(), l.weights.end(), 1.0);
  }
  for (uint32_t v = 0; v < n; ++v) {
    for (uint64_t e = l.offsets[v]; e < l.offsets[v + 1]; ++e) l.strength[v] += l.weights[e];
  }
  return l;
}

// One level of local moves. Returns true when any node changed community.
bool MoveNodes(const Level& l, double resolution, std::mt19937_64& rng, std::vector<uint32_t>* comm) {
  const size_t n = l.size();
  double two_m = 0;
  for (double s : l.strength) two_m += s;
  if (two_m == 0) return false;
  std::vector<double> tot(n, 0);
  for (uint32_t v = 0; v < n; ++v) tot[(*comm)[v]] += l.strength[v];
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<double> link(n, 0);  // weight from the current node to each community
  std::vector<uint32_t> touched;
  bool any_move = false;
  for (bool moved = true; moved;) {
    moved = false;
    for (uint32_t v : order) {
      const uint32_t own = (*comm)[v];
      const double k = l.strength[v];
      touched.clear();
      for (uint64_t e = l.offsets[v]; e < l.offsets[v + 1]; ++e) {
        const uint32_t c = (*comm)[l.targets[e]];
        if (link[c] == 0) touched.push_back(c);
        link[c] += l.weights[e];
      }
      tot[own] -= k;
      // Gain of joining c (up to a constant factor): link to c - gamma * tot[c] * k / 2m.
      uint32_t best = own;
      double best_gain = link[own] - resolution * tot[own] * k / two_m;
      for (uint32_t c : touched) {
        const double gain = link[c] - resolution * tot[c] * k / two_m;
        if (gain > best_gain + 1e-12) {  // strictly better: otherwise stay (or keep the first)
          best = c;
          best_gain = gain;
        }
      }
      tot[best] += k;
      for (uint32_t c : touched) link[c] = 0;
      if (best != own) {
        (*comm)[v] = best;
        moved = any_move = true;
      }
    }
  }
  return any_move;
}

// Collapses each community into one node; returns the new level and renumbers comm to 0..c-1.
Level Aggregate(const Level& l, std::vector<uint32_t>* comm) {
  const uint32_t count = CanonicalCommunities(comm);
  Level next;
  next.self.assign(count, 0);
  next.strength.assign(count, 0);
  std::vector<std::vector<std::pair<uint32_t, double>>> rows(count);
  for (uint32_t v = 0; v < l.size(); ++v) {
    const uint32_t cv = (*comm)[v];
    next.self[cv] += l.self[v];
    for (uint64_t e = l.offsets[v]; e < l.offsets[v + 1]; ++e) {
      const uint32_t cu = (*comm)[l.targets[e]];
      if (cu == cv) {
        next.self[cv] += l.weights[e] / 2;  // each internal tie is seen from both ends
      } else {
        rows[cv].push_back({cu, l.weights[e]});
      }
    }
  }
  next.offsets.assign(count + 1, 0);
  for (uint32_t c = 0; c < count; ++c) {
    auto& r = rows[c];
    std::sort(r.begin(), r.end());
    for (const auto& [t, w] : r) {
      if (next.targets.size() > next.offsets[c] && next.targets.back() == t) {
        next.weights.back() += w;
      } else {
        next.targets.push_back(t);
        next.weights.push_back(w);
      }
    }
    next.offsets[c + 1] = next.targets.size();
    for (uint64_t e = next.offsets[c]; e < next.offsets[c + 1]; ++e) next.strength[c] += next.weights[e];
    next.strength[c] += 2 * next.self[c];
  }
  return next;
}

}  // namespace

uint32_t CanonicalCommunities(std::vector<uint32_t>* community) {
  const size_t n = community->size();
  uint32_t max_label = 0;
  for (uint32_t c : *community) max_label = std::max(max_label, c);
  std::vector<uint64_t> size(n ? size_t{max_label} + 1 : 0, 0);
  std::vector<uint32_t> first(size.size(), UINT32_MAX);
  for (uint32_t v = 0; v < n; ++v) {
    ++size[(*community)[v]];
    first[(*community)[v]] = std::min(first[(*community)[v]], v);
  }
  std::vector<uint32_t> labels;
  for (uint32_t c = 0; c < size.size(); ++c) {
    if (size[c]) labels.push_back(c);
  }
  std::sort(labels.begin(), labels.end(), [&](uint32_t a, uint32_t b) {
    return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
  });
  std::vector<uint32_t> rank(size.size(), 0);
  for (uint32_t r = 0; r < labels.size(); ++r) rank[labels[r]] = r;
  for (uint32_t& c : *community) c = rank[c];
  return static_cast<uint32_t>(labels.size());
}

double Modularity(const Projection& g, const std::vector<uint32_t>& community, double resolution,
                  bool weighted) {
  const Level l = FromProjection(g, weighted);
  double two_m = 0;
  for (double s : l.strength) two_m += s;
  if (two_m == 0 || community.size() != l.size()) return 0;
  uint32_t max_label = 0;
  for (uint32_t c : community) max_label = std::max(max_label, c);
  std::vector<double> inside(size_t{max_label} + 1, 0), tot(size_t{max_label} + 1, 0);
  for (uint32_t v = 0; v < l.size(); ++v) {
    tot[community[v]] += l.strength[v];
    for (uint64_t e = l.offsets[v]; e < l.offsets[v + 1]; ++e) {
      if (community[l.targets[e]] == community[v]) inside[community[v]] += l.weights[e];
    }
  }
  // Q = sum_c [ L_c / m - gamma (d_c / 2m)^2 ]; inside[] counts each internal tie twice.
  double q = 0;
  for (size_t c = 0; c < inside.size(); ++c) {
    q += inside[c] / two_m - resolution * (tot[c] / two_m) * (tot[c] / two_m);
  }
  return q;
}

Result<Partition> Louvain(const Projection& g, const CommunityOptions& o) {
  if (o.resolution <= 0) return Status::InvalidArgument("resolution must be > 0");
  std::mt19937_64 rng(o.seed);
  Level level = FromProjection(g, o.weighted);
  std::vector<uint32_t> membership(g.node_count());
  std::iota(membership.begin(), membership.end(), 0u);
  for (int depth = 0; depth < o.max_levels; ++depth) {
    std::vector<uint32_t> comm(level.size());
    std::iota(comm.begin(), comm.end(), 0u);
    if (!MoveNodes(level, o.resolution, rng, &comm)) break;
    Level next = Aggregate(level, &comm);
    for (uint32_t& m : membership) m = comm[m];
    if (next.size() == level.size()) break;
    level = std::move(next);
  }
  Partition p;
  p.community = std::move(membership);
  p.count = CanonicalCommunities(&p.community);
  p.modularity = Modularity(g, p.community, o.resolution, o.weighted);
  return p;
}

Result<Partition> LabelPropagation(const Projection& g, const CommunityOptions& o) {
  const Level l = FromProjection(g, o.weighted);
  const size_t n = l.size();
  std::vector<uint32_t> label(n);
  std::iota(label.begin(), label.end(), 0u);
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::mt19937_64 rng(o.seed);
  std::vector<double> score(n, 0);
  std::vector<uint32_t> touched;
  for (int round = 0; round < 1000; ++round) {
    std::shuffle(order.begin(), order.end(), rng);
    bool changed = false;
    for (uint32_t v : order) {
      touched.clear();
      for (uint64_t e = l.offsets[v]; e < l.offsets[v + 1]; ++e) {
        const uint32_t c = label[l.targets[e]];
        if (score[c] == 0) touched.push_back(c);
        score[c] += l.weights[e];
      }
      if (touched.empty()) continue;
      // The heaviest label among neighbours; ties go to the smallest label, but a node keeps
      // its own label when it is among the heaviest (so the process settles).
      double best_score = -1;
      uint32_t best = label[v];
      for (uint32_t c : touched) {
        if (score[c] > best_score || (score[c] == best_score && c < best)) best_score = score[c], best = c;
      }
      if (score[label[v]] == best_score) best = label[v];
      for (uint32_t c : touched) score[c] = 0;
      if (best != label[v]) label[v] = best, changed = true;
    }
    if (!changed) break;
  }
  Partition p;
  p.community = std::move(label);
  p.count = CanonicalCommunities(&p.community);
  p.modularity = Modularity(g, p.community, o.resolution, o.weighted);
  return p;
}

}  // namespace tiegraph
