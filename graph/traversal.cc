#include "traversal.h"

#include <algorithm>
#include <functional>
#include <thread>

namespace tiegraph {

ShortestPathSearch::ShortestPathSearch(const Projection& g, ArcRows rows, Distance distance)
    : rows_(rows),
      distance_(distance),
      dist_(g.node_count(), kUnreached),
      sigma_(g.node_count(), 0) {
  order_.reserve(g.node_count());
}

void ShortestPathSearch::Run(uint32_t source, bool count_paths) {
  // Reset only what the previous run touched.
  for (uint32_t v : order_) dist_[v] = kUnreached, sigma_[v] = 0;
  order_.clear();
  const auto off = rows_.offsets;
  const auto tgt = rows_.targets;
  dist_[source] = 0;
  sigma_[source] = 1;
  if (distance_ == Distance::kHops) {
    order_.push_back(source);
    for (size_t head = 0; head < order_.size(); ++head) {
      const uint32_t u = order_[head];
      const double du = dist_[u] + 1;
      for (uint64_t e = off[u]; e < off[u + 1]; ++e) {
        const uint32_t v = tgt[e];
        if (dist_[v] == kUnreached) {
          dist_[v] = du;
          order_.push_back(v);
        }
        if (count_paths && dist_[v] == du) sigma_[v] += sigma_[u];
      }
    }
    return;
  }
  // Dijkstra with a binary heap of (distance, node); stale entries are skipped. `order_`
  // records settling order, which is non-decreasing in distance.
  heap_.clear();
  heap_.push_back({0.0, source});
  auto greater = [](const auto& a, const auto& b) { return a.first > b.first; };
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), greater);
    auto [d, u] = heap_.back();
    heap_.pop_back();
    if (d > dist_[u]) continue;  // a stale entry: u was reached more cheaply since
    order_.push_back(u);
    for (uint64_t e = off[u]; e < off[u + 1]; ++e) {
      if (!Usable(e)) continue;
      const uint32_t v = tgt[e];
      const double nd = d + Length(e);
      if (nd < dist_[v]) {
        dist_[v] = nd;
        sigma_[v] = count_paths ? sigma_[u] : 0;
        heap_.push_back({nd, v});
        std::push_heap(heap_.begin(), heap_.end(), greater);
      } else if (count_paths && nd == dist_[v]) {
        sigma_[v] += sigma_[u];
      }
    }
  }
  // Every node reached was pushed and so settled: order_ lists all that the next run resets.
}

void ParallelBlocks(size_t n, int threads, const std::function<void(int, size_t, size_t)>& fn) {
  threads = std::max(1, std::min<int>(threads, static_cast<int>(std::max<size_t>(n, 1))));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) {
    pool.emplace_back(fn, t, n * static_cast<size_t>(t) / static_cast<size_t>(threads),
                      n * static_cast<size_t>(t + 1) / static_cast<size_t>(threads));
  }
  fn(0, 0, n / static_cast<size_t>(threads));
  for (auto& th : pool) th.join();
}

}  // namespace tiegraph
