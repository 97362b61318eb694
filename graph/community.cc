// Modularity, Louvain and label propagation over the undirected view.
#include <tiegraph/community.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <random>

#include "community_graph.h"
#include "local_move.h"

namespace tiegraph {

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
  const CommunityGraph l = CommunityGraph::From(g, weighted);
  const double two_m = l.TotalStrength();
  if (two_m == 0 || community.size() != l.node_count()) return 0;
  uint32_t max_label = 0;
  for (uint32_t c : community) max_label = std::max(max_label, c);
  std::vector<double> inside(size_t{max_label} + 1, 0), tot(size_t{max_label} + 1, 0);
  for (uint32_t v = 0; v < l.node_count(); ++v) {
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

Partition ImproveUntilStable(
    const Projection& g, const CommunityOptions& o,
    const std::function<std::vector<uint32_t>(const std::vector<uint32_t>&)>& run) {
  // Each round restarts from the partition the last one found, until modularity stops rising
  // (Leiden's "iterate until no change"; it also lifts Louvain out of early local optima).
  Partition best;
  best.community.resize(g.node_count());
  std::iota(best.community.begin(), best.community.end(), 0u);
  best.count = CanonicalCommunities(&best.community);
  best.modularity = Modularity(g, best.community, o.resolution, o.weighted);
  const int rounds = o.iterations > 0 ? o.iterations : 100;
  for (int round = 0; round < rounds; ++round) {
    std::vector<uint32_t> next = run(best.community);
    const uint32_t count = CanonicalCommunities(&next);
    const double q = Modularity(g, next, o.resolution, o.weighted);
    if (!(q > best.modularity + 1e-12)) break;
    best.community = std::move(next);
    best.count = count;
    best.modularity = q;
  }
  return best;
}

Result<Partition> BestOfTrials(const Projection& g, const CommunityOptions& o,
                               const std::function<Result<Partition>(uint64_t seed)>& run) {
  if (o.trials < 0 || o.trials > 1000)
    return Status::InvalidArgument("trials must be between 0 and 1000");
  const int trials = o.trials > 0 ? o.trials : (g.node_count() <= 10000 ? 8 : 1);
  Result<Partition> best = run(o.seed);
  for (int t = 1; t < trials && best.ok(); ++t) {
    Result<Partition> p = run(o.seed + static_cast<uint64_t>(t));
    if (!p.ok()) return p.status();
    if (p->modularity > best->modularity + 1e-12) best = std::move(p);
  }
  return best;
}

Result<Partition> Louvain(const Projection& g, const CommunityOptions& options) {
  if (options.resolution <= 0) return Status::InvalidArgument("resolution must be > 0");
  return BestOfTrials(g, options, [&](uint64_t seed) { return LouvainRun(g, options, seed); });
}

Result<Partition> LouvainRun(const Projection& g, const CommunityOptions& o, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const CommunityGraph base = CommunityGraph::From(g, o.weighted);
  const double two_m = base.TotalStrength();
  const QualityTerms q{two_m > 0 ? o.resolution / two_m : 0, /*by_size=*/false};
  return ImproveUntilStable(g, o, [&](const std::vector<uint32_t>& start) {
    CommunityGraph level = base;
    std::vector<uint32_t> membership(g.node_count());
    std::iota(membership.begin(), membership.end(), 0u);
    for (int depth = 0; depth < o.max_levels; ++depth) {
      // The first level starts from `start`, later ones from singletons.
      std::vector<uint32_t> comm = depth == 0 ? start : std::vector<uint32_t>(level.node_count());
      if (depth > 0) std::iota(comm.begin(), comm.end(), 0u);
      const bool moved = two_m > 0 && FastLocalMove(level, q, rng, &comm);
      const uint32_t count = CanonicalCommunities(&comm);
      if (!moved && count == level.node_count()) break;
      CommunityGraph next = level.Collapse(comm, count);
      for (uint32_t& m : membership) m = comm[m];
      if (next.node_count() == level.node_count()) break;
      level = std::move(next);
    }
    return membership;
  });
}

Result<Partition> LabelPropagation(const Projection& g, const CommunityOptions& o) {
  const CommunityGraph l = CommunityGraph::From(g, o.weighted);
  const size_t n = l.node_count();
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
      // The heaviest label among neighbors; ties go to the smallest label, but a node keeps
      // its own label when it is among the heaviest (so the process settles).
      double best_score = -1;
      uint32_t best = label[v];
      for (uint32_t c : touched) {
        if (score[c] > best_score || (score[c] == best_score && c < best))
          best_score = score[c], best = c;
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

namespace {
constexpr std::string_view kQualityNames[] = {"modularity", "cpm"};
}  // namespace

Result<Quality> ParseQuality(std::string_view name) {
  return ParseChoice<Quality>("quality", name, kQualityNames);
}
std::string_view QualityName(Quality q) { return kQualityNames[static_cast<size_t>(q)]; }

}  // namespace tiegraph
