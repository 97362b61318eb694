#include <tiegraph/layout.h>
#include <tiegraph/vocabulary.h>

// Boost's Kamada–Kawai runs Johnson's all-pairs shortest paths, whose inlined edge iterators
// draw false "may be used uninitialized" reports from g++ 12 at -O2.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/kamada_kawai_spring_layout.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#pragma GCC diagnostic pop

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "force_atlas2.h"

namespace tiegraph {
namespace {

using Topology = boost::square_topology<boost::minstd_rand>;
using TopologyPoint = Topology::point_type;
using Component =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

constexpr size_t kKamadaKawaiLimit = 5000;

// The members of each connected component, components largest first.
std::vector<std::vector<uint32_t>> ComponentMembers(const Projection& g) {
  std::vector<uint32_t> component;
  const uint32_t count = ConnectedComponents(g, &component);
  std::vector<std::vector<uint32_t>> members(count);
  for (uint32_t v = 0; v < g.node_count(); ++v) members[component[v]].push_back(v);
  return members;
}

// The component's nodes and ties (each pair once, in the undirected view) as a Boost graph.
Component ComponentGraph(const Projection& g, const std::vector<uint32_t>& members,
                         const std::vector<uint32_t>& local) {
  Component c(members.size());
  auto add = [&](uint32_t a, uint32_t b) {
    if (local[a] < local[b]) boost::add_edge(local[a], local[b], 1.0, c);
  };
  for (uint32_t v : members) {
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) add(v, g.targets()[e]);
    if (g.directed()) {
      // A pair joined one way only appears among in-arcs of the lower-numbered end.
      for (uint64_t e = g.in_offsets()[v]; e < g.in_offsets()[v + 1]; ++e) {
        const uint32_t u = g.in_sources()[e];
        if (!boost::edge(local[v], local[u], c).second) add(v, u);
      }
    }
  }
  return c;
}

// Lays out one component: by ForceAtlas2, or Boost.Graph's FR or KK in a square of side
// ~ sqrt(size). Each component alone, then packed: ForceAtlas2's gravity would otherwise hold
// components about a hundred times further apart than a hub and its leaves.
Result<std::vector<Point>> LayOutComponent(const Projection& g,
                                           const std::vector<uint32_t>& members,
                                           std::vector<uint32_t>* local,
                                           const LayoutOptions& options) {
  const size_t k = members.size();
  std::vector<Point> out(k);
  if (k == 1) return out;
  if (options.method == LayoutMethod::kForceAtlas2) {
    // Seeded start in a square of side ~ sqrt(k); the generator's output is fixed by the
    // standard, and the mapping to [0,1) is ours, so positions do not vary by library.
    std::mt19937_64 random(options.seed);
    const double side = 10.0 * std::sqrt(static_cast<double>(k));
    for (Point& p : out) {
      p.x = static_cast<double>(random() >> 11) * 0x1.0p-53 * side - side / 2;
      p.y = static_cast<double>(random() >> 11) * 0x1.0p-53 * side - side / 2;
    }
    const Projection component = InducedSubgraph(g, members);
    std::vector<double> radii;
    if (!options.radii.empty()) {
      for (uint32_t v : members) radii.push_back(options.radii[v]);
    }
    ForceAtlas2(component, options.iterations > 0 ? options.iterations : (k <= 1000 ? 1000 : 300),
                options.weighted, radii, &out);
    return out;
  }
  for (uint32_t i = 0; i < k; ++i) (*local)[members[i]] = i;
  const Component c = ComponentGraph(g, members, *local);
  const double side = 10.0 * std::sqrt(static_cast<double>(k));
  boost::minstd_rand random(static_cast<uint32_t>(options.seed % 2147483646u) + 1u);
  const Topology topology(random, side / 2);
  std::vector<TopologyPoint> position(k);
  auto position_map =
      boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, c));
  if (options.method == LayoutMethod::kKamadaKawai) {
    if (k > kKamadaKawaiLimit) {
      return Status::InvalidArgument("Kamada-Kawai needs all-pairs distances: a component of " +
                                     std::to_string(k) + " institutions is over its limit of " +
                                     std::to_string(kKamadaKawaiLimit) + "; use forceatlas2 or fr");
    }
    boost::circle_graph_layout(c, position_map, side / 2);
    boost::kamada_kawai_spring_layout(c, position_map, boost::get(boost::edge_weight, c), topology,
                                      boost::side_length(side));
  } else {
    boost::random_graph_layout(c, position_map, topology);
    const int iterations = options.iterations > 0 ? options.iterations : 300;
    boost::fruchterman_reingold_force_directed_layout(
        c, position_map, topology, boost::cooling(boost::linear_cooling<double>(iterations)));
  }
  for (uint32_t i = 0; i < k; ++i) out[i] = Point{position[i][0], position[i][1]};
  return out;
}

// Places laid-out components in rows, largest first, each shifted into its own box.
void PackComponents(const std::vector<std::vector<uint32_t>>& members,
                    const std::vector<std::vector<Point>>& parts, double margin,
                    std::vector<Point>* pos) {
  double area = 0;
  struct Box {
    double x0, y0, w, h;
  };
  std::vector<Box> boxes;
  for (const auto& part : parts) {
    double x0 = part[0].x, x1 = x0, y0 = part[0].y, y1 = y0;
    for (const Point& p : part) {
      x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
      y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    boxes.push_back({x0, y0, x1 - x0 + margin, y1 - y0 + margin});
    area += boxes.back().w * boxes.back().h;
  }
  const double row_width = std::max(boxes.empty() ? 0.0 : boxes[0].w, std::sqrt(area) * 1.2);
  double x = 0, y = 0, row_height = 0;
  for (size_t c = 0; c < parts.size(); ++c) {
    const Box& b = boxes[c];
    if (x > 0 && x + b.w > row_width) {
      x = 0;
      y += row_height;
      row_height = 0;
    }
    for (size_t i = 0; i < parts[c].size(); ++i) {
      (*pos)[members[c][i]] = Point{x + parts[c][i].x - b.x0, y + parts[c][i].y - b.y0};
    }
    x += b.w;
    row_height = std::max(row_height, b.h);
  }
}

}  // namespace

Result<LayoutMethod> ParseLayoutMethod(std::string_view name) {
  static constexpr std::string_view kShort[] = {"forceatlas2", "fr", "kk"};
  static constexpr std::string_view kLong[] = {"fa2", "fruchterman-reingold", "kamada-kawai"};
  auto method = ParseChoice<LayoutMethod>("layout", name, kShort);
  if (method.ok()) return method;
  auto long_name = ParseChoice<LayoutMethod>("layout", name, kLong);
  return long_name.ok() ? long_name : method;
}

Result<std::vector<Point>> Layout(const Projection& g, const LayoutOptions& options) {
  const size_t n = g.node_count();
  std::vector<Point> pos(n);
  if (n == 0) return pos;
  if (options.iterations < 0) return Status::InvalidArgument("layout iterations must be >= 0");
  if (!options.radii.empty() && options.radii.size() != n)
    return Status::InvalidArgument("layout radii: one per node");
  const auto members = ComponentMembers(g);
  std::vector<uint32_t> local(n);
  std::vector<std::vector<Point>> parts;
  parts.reserve(members.size());
  for (const auto& m : members) {
    auto part = LayOutComponent(g, m, &local, options);
    if (!part.ok()) return part.status();
    parts.push_back(std::move(*part));
  }
  double widest = 0;
  for (double r : options.radii) widest = std::max(widest, r);
  PackComponents(members, parts, 10.0 + 4 * widest, &pos);
  return pos;
}

size_t SeparateBoxes(std::vector<Point>* centres, const std::vector<Extent>& extents, int rounds) {
  std::vector<Point>& c = *centres;
  const size_t n = std::min(c.size(), extents.size());
  std::vector<uint32_t> order(n);
  for (int round = 0; round < rounds; ++round) {
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const double la = c[a].x - extents[a].half_width, lb = c[b].x - extents[b].half_width;
      return la != lb ? la < lb : a < b;
    });
    size_t overlaps = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint32_t a = order[i];
      for (size_t j = i + 1; j < n; ++j) {
        const uint32_t b = order[j];
        // Sorted by left edge: once b starts right of a's right edge, so do the rest.
        if (c[b].x - extents[b].half_width >= c[a].x + extents[a].half_width) break;
        const double dx = c[b].x - c[a].x, dy = c[b].y - c[a].y;
        const double over_x = extents[a].half_width + extents[b].half_width - std::fabs(dx);
        const double over_y = extents[a].half_height + extents[b].half_height - std::fabs(dy);
        if (over_x <= 1e-9 || over_y <= 1e-9) continue;
        // Push along the axis of the smaller overlap; equal points part by index.
        if (over_x <= over_y) {
          const double push = over_x / 2 * (dx > 0 || (dx == 0 && a < b) ? 1 : -1);
          c[a].x -= push, c[b].x += push;
        } else {
          const double push = over_y / 2 * (dy > 0 || (dy == 0 && a < b) ? 1 : -1);
          c[a].y -= push, c[b].y += push;
        }
        ++overlaps;
      }
    }
    // A sweep that moved nothing saw a valid order throughout: no overlap is left.
    if (overlaps == 0) return 0;
    if (round == rounds - 1) return overlaps;  // an upper bound: some were pushed apart
    // Pairwise pushes can jam in a crowd (each move makes another overlap): every 10 sweeps,
    // spread everything by 10% around the centre, which keeps the drawing's shape.
    if (round % 10 == 9) {
      double cx = 0, cy = 0;
      for (const Point& p : c)
        cx += p.x / static_cast<double>(n), cy += p.y / static_cast<double>(n);
      for (Point& p : c) p.x = cx + (p.x - cx) * 1.1, p.y = cy + (p.y - cy) * 1.1;
    }
  }
  return 0;
}

}  // namespace tiegraph
