// Leiden (Traag, Waltman & van Eck 2019, "From Louvain to Leiden: guaranteeing well-connected
// communities"), with a greedy refinement step (the limit of small randomness theta) so that
// a seed fixes the result.
#include <tiegraph/community.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "community_graph.h"
#include "local_move.h"

namespace tiegraph {
namespace {

// Splits every community of `comm` into well-connected sub-communities: each node, if still
// alone and well connected to its community, joins the neighboring sub-community (inside the
// same community, itself well connected) with the best non-negative gain.
std::vector<uint32_t> Refine(const CommunityGraph& g, const QualityTerms& q, std::mt19937_64& rng,
                             const std::vector<uint32_t>& comm) {
  const uint32_t n = static_cast<uint32_t>(g.node_count());
  std::vector<double> comm_mass(n, 0);
  for (uint32_t v = 0; v < n; ++v) comm_mass[comm[v]] += q.Mass(g, v);
  std::vector<uint32_t> refined(n);
  std::iota(refined.begin(), refined.end(), 0u);
  std::vector<double> mass(n), external(n, 0);  // per refined community
  std::vector<uint32_t> members(n, 1);
  for (uint32_t v = 0; v < n; ++v) {
    mass[v] = q.Mass(g, v);
    for (uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      if (comm[g.targets[e]] == comm[v]) external[v] += g.weights[e];
    }
  }
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<double> link(n, 0);
  std::vector<uint32_t> touched;
  for (uint32_t v : order) {
    if (members[refined[v]] != 1) continue;  // only nodes still alone move
    const double mv = mass[refined[v]];
    const double total = comm_mass[comm[v]];
    if (external[refined[v]] < q.factor * mv * (total - mv) - 1e-12)
      continue;  // not well connected
    touched.clear();
    for (uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      const uint32_t u = g.targets[e];
      if (comm[u] != comm[v] || refined[u] == refined[v]) continue;
      const uint32_t c = refined[u];
      if (link[c] == 0) touched.push_back(c);
      link[c] += g.weights[e];
    }
    uint32_t best = refined[v];
    double best_gain = 0;
    for (uint32_t c : touched) {
      if (external[c] < q.factor * mass[c] * (total - mass[c]) - 1e-12) continue;
      const double gain = link[c] - q.factor * mv * mass[c];
      if (gain > best_gain + 1e-12) best = c, best_gain = gain;
    }
    if (best != refined[v]) {
      const uint32_t own = refined[v];
      // E(C + v, S - C - v) = E(C, S - C) + E(v, S - v) - 2 w(v, C)
      external[best] += external[own] - 2 * link[best];
      mass[best] += mv;
      ++members[best];
      members[own] = 0;
      refined[v] = best;
    }
    for (uint32_t c : touched) link[c] = 0;
  }
  return refined;
}

}  // namespace

Result<Partition> Leiden(const Projection& g, const CommunityOptions& options) {
  if (options.resolution <= 0) return Status::InvalidArgument("resolution must be > 0");
  if (options.quality == Quality::kCpm)
    return LeidenRun(g, options, options.seed);  // not modularity
  return BestOfTrials(g, options, [&](uint64_t seed) { return LeidenRun(g, options, seed); });
}

Result<Partition> LeidenRun(const Projection& g, const CommunityOptions& o, uint64_t seed) {
  std::mt19937_64 rng(seed);
  CommunityGraph level = CommunityGraph::From(g, o.weighted);
  const double two_m = level.TotalStrength();
  QualityTerms q{o.quality == Quality::kCpm ? o.resolution : (two_m > 0 ? o.resolution / two_m : 0),
                 o.quality == Quality::kCpm};
  const CommunityGraph base = std::move(level);
  auto run = [&](const std::vector<uint32_t>& start) {
    CommunityGraph current = base;
    std::vector<uint32_t> membership(g.node_count());  // original node -> node of `current`
    std::iota(membership.begin(), membership.end(), 0u);
    std::vector<uint32_t> comm = start;  // node of `current` -> community
    for (int depth = 0; depth < o.max_levels; ++depth) {
      FastLocalMove(current, q, rng, &comm);
      const uint32_t communities = CanonicalCommunities(&comm);
      if (communities == current.node_count()) break;  // every node alone: nothing to aggregate
      std::vector<uint32_t> refined = Refine(current, q, rng, comm);
      const uint32_t count = CanonicalCommunities(&refined);
      if (count == current.node_count() && depth > 0 && communities == count) break;
      // The aggregate's nodes are the refined communities; each starts in its parent community.
      std::vector<uint32_t> next_comm(count);
      for (uint32_t v = 0; v < current.node_count(); ++v) next_comm[refined[v]] = comm[v];
      CommunityGraph next = current.Collapse(refined, count);
      for (uint32_t& m : membership) m = refined[m];
      const bool shrank = next.node_count() < current.node_count();
      current = std::move(next);
      comm = std::move(next_comm);
      if (!shrank && depth > 0) break;
    }
    std::vector<uint32_t> out(g.node_count());
    for (size_t v = 0; v < out.size(); ++v) out[v] = comm[membership[v]];
    return out;
  };
  if (o.quality == Quality::kCpm) {
    // CPM is not modularity: one run, no modularity-driven rounds.
    Partition p;
    std::vector<uint32_t> singletons(g.node_count());
    std::iota(singletons.begin(), singletons.end(), 0u);
    p.community = run(singletons);
    p.count = CanonicalCommunities(&p.community);
    p.modularity = Modularity(g, p.community, 1.0, o.weighted);
    return p;
  }
  return ImproveUntilStable(g, o, run);
}

}  // namespace tiegraph
