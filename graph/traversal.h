// Single-source shortest paths shared by betweenness, closeness, harmonic and paths: BFS for
// hops, Dijkstra for 1/strength. Arcs of strength 0 have no finite distance and are skipped.
#ifndef TIEGRAPH_GRAPH_TRAVERSAL_H_
#define TIEGRAPH_GRAPH_TRAVERSAL_H_

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include <tiegraph/centrality.h>
#include <tiegraph/projection.h>

namespace tiegraph {

inline constexpr double kUnreached = std::numeric_limits<double>::infinity();

// A row view: out-arcs, or in-arcs (for distances *to* a node in a directed projection).
struct ArcRows {
  std::span<const uint64_t> offsets;
  std::span<const uint32_t> targets;
  std::span<const double> weights;
  static ArcRows Out(const Projection& g) { return {g.offsets(), g.targets(), g.weights()}; }
  static ArcRows In(const Projection& g) {
    return g.directed() ? ArcRows{g.in_offsets(), g.in_sources(), g.in_weights()} : Out(g);
  }
};

// Reusable per-thread state for repeated single-source searches.
class ShortestPathSearch {
 public:
  ShortestPathSearch(const Projection& g, ArcRows rows, Distance distance);
  // Fills dist (kUnreached where not reached) and, when `count_paths`, sigma (number of
  // shortest paths) and the order nodes were settled in (non-decreasing distance).
  void Run(uint32_t source, bool count_paths);
  const std::vector<double>& dist() const { return dist_; }
  const std::vector<double>& sigma() const { return sigma_; }
  const std::vector<uint32_t>& order() const { return order_; }
  // Length of arc e as a distance.
  double Length(uint64_t e) const {
    return distance_ == Distance::kHops ? 1.0 : 1.0 / rows_.weights[e];
  }
  bool Usable(uint64_t e) const { return distance_ == Distance::kHops || rows_.weights[e] > 0; }
  const ArcRows& rows() const { return rows_; }

 private:
  ArcRows rows_;
  Distance distance_;
  std::vector<double> dist_, sigma_;
  std::vector<uint32_t> order_;
  std::vector<std::pair<double, uint32_t>> heap_;
};

// Runs fn(thread_index, begin, end) over [0, n) split into `threads` contiguous blocks.
void ParallelBlocks(size_t n, int threads, const std::function<void(int, size_t, size_t)>& fn);

}  // namespace tiegraph

#endif  // TIEGRAPH_GRAPH_TRAVERSAL_H_
