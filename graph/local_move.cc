#include "local_move.h"

#include <algorithm>
#include <deque>
#include <numeric>

namespace tiegraph {

bool FastLocalMove(const CommunityGraph& g, const QualityTerms& q, std::mt19937_64& rng,
                   std::vector<uint32_t>* comm) {
  const uint32_t n = static_cast<uint32_t>(g.node_count());
  std::vector<double> tot(n, 0), link(n, 0);
  std::vector<uint32_t> members(n, 0);
  for (uint32_t v = 0; v < n; ++v) tot[(*comm)[v]] += q.Mass(g, v), ++members[(*comm)[v]];
  std::vector<uint32_t> empty;
  for (uint32_t c = n; c-- > 0;) {
    if (members[c] == 0) empty.push_back(c);
  }
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::shuffle(order.begin(), order.end(), rng);
  std::deque<uint32_t> queue(order.begin(), order.end());
  std::vector<char> queued(n, 1);
  std::vector<uint32_t> touched;
  bool moved = false;
  while (!queue.empty()) {
    const uint32_t v = queue.front();
    queue.pop_front();
    queued[v] = 0;
    const uint32_t own = (*comm)[v];
    const double mass = q.Mass(g, v);
    touched.clear();
    for (uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      const uint32_t c = (*comm)[g.targets[e]];
      if (link[c] == 0) touched.push_back(c);
      link[c] += g.weights[e];
    }
    tot[own] -= mass;
    --members[own];
    if (members[own] == 0) empty.push_back(own);
    uint32_t best = own;
    double best_gain = link[own] - q.factor * mass * tot[own];
    for (uint32_t c : touched) {
      const double gain = link[c] - q.factor * mass * tot[c];
      if (gain > best_gain + 1e-12) best = c, best_gain = gain;
    }
    if (best_gain < -1e-12 && !empty.empty()) best = empty.back();  // alone is better (gain 0)
    if (!empty.empty() && empty.back() == best)
      empty.pop_back();
    else if (members[best] == 0)
      empty.erase(std::find(empty.begin(), empty.end(), best));
    tot[best] += mass;
    ++members[best];
    for (uint32_t c : touched) link[c] = 0;
    if (best != own) {
      (*comm)[v] = best;
      moved = true;
      for (uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
        const uint32_t u = g.targets[e];
        if (!queued[u] && (*comm)[u] != best) queued[u] = 1, queue.push_back(u);
      }
    }
  }
  return moved;
}

}  // namespace tiegraph
