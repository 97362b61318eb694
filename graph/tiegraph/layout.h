// Node positions for pictures and exports: force-directed layouts of the undirected view,
// seeded and deterministic (the same projection, method and seed give the same positions on
// every run and machine of one build).
#ifndef TIEGRAPH_LAYOUT_H_
#define TIEGRAPH_LAYOUT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/projection.h>
#include <tiegraph/status.h>

namespace tiegraph {

enum class LayoutMethod {
  kForceAtlas2,          // Jacomy et al. 2014, linear attraction, Barnes–Hut repulsion
  kFruchtermanReingold,  // Boost.Graph's, grid-approximated repulsion
  kKamadaKawai,          // Boost.Graph's, per connected component (all-pairs distances)
};

// "forceatlas2" | "fr" | "kk" (also "fa2", "fruchterman-reingold", "kamada-kawai").
Result<LayoutMethod> ParseLayoutMethod(std::string_view name);

struct LayoutOptions {
  LayoutMethod method = LayoutMethod::kForceAtlas2;
  uint64_t seed = 42;
  int iterations = 0;    // 0: the method's default
  bool weighted = true;  // ForceAtlas2: strength scales attraction
  // ForceAtlas2: node radii in layout units (one per node, or empty). When given, a last phase
  // pushes overlapping nodes apart (the paper's "prevent overlap"), so drawn at one unit per
  // pixel no two nodes cover each other.
  std::vector<double> radii;
};

struct Point {
  double x = 0, y = 0;
};

// One position per node (index order). Each connected component is laid out alone and the
// components are packed in rows, largest first. Kamada–Kawai refuses a component of more than
// 5,000 nodes (its distance matrix is quadratic).
Result<std::vector<Point>> Layout(const Projection& g, const LayoutOptions& options);

// Half the width and height of a box centred on a node: the node with room for its label.
struct Extent {
  double half_width = 0, half_height = 0;
};

// Moves the boxes centred at `centres` (finite; one extent each) apart until no two overlap,
// or `rounds` sweeps have run: each overlapping pair is pushed apart along the axis where it
// overlaps less, half each way. The drawing keeps its shape and crowded labels get room
// (layouts place points, not labels); where pushes jam, every 10 sweeps the whole drawing is
// spread by 10% (300 sweeps allow 30 spreads, 17 times wider). A sweep finds overlaps by
// sorting on the left edge; deterministic. Returns 0, or the overlaps the last sweep met.
size_t SeparateBoxes(std::vector<Point>* centres, const std::vector<Extent>& extents,
                     int rounds = 300);

}  // namespace tiegraph

#endif  // TIEGRAPH_LAYOUT_H_
