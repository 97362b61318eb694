#include "force_atlas2.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace tiegraph {
namespace {

// The paper's defaults (and Gephi's): repulsion scaling 2 from 100 nodes on, 10 below;
// gravity 1; Barnes–Hut accuracy theta 1.2.
constexpr double kGravity = 1.0;
constexpr double kTheta = 1.2;
constexpr int kMaxDepth = 24;  // coincident points stop splitting here

// A Barnes–Hut quadtree over the nodes, rebuilt every step: each cell keeps its total mass and
// centre of mass, so a far cell repels as one body.
class QuadTree {
 public:
  QuadTree(const std::vector<Point>& pos, const std::vector<double>& mass,
           const std::vector<double>& radii)
      : pos_(pos), mass_(mass), radii_(radii) {
    double x0 = pos[0].x, x1 = x0, y0 = pos[0].y, y1 = y0;
    for (const Point& p : pos) {
      x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
      y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    const double size = std::max({x1 - x0, y1 - y0, 1e-9}) * 1.0001;
    cells_.reserve(2 * pos.size() + 1);
    cells_.push_back(Cell{x0, y0, size});
    for (uint32_t v = 0; v < pos.size(); ++v) Insert(0, v, 0);
  }

  // Adds the repulsion every other node (or far cell) exerts on v, k * m_v * m_u / d, to f.
  void Repel(uint32_t v, double k, Point* f) const { Visit(0, v, k, f); }

 private:
  struct Cell {
    double x0, y0, size;
    double mass = 0, cx = 0, cy = 0;
    int32_t child[4] = {-1, -1, -1, -1};
    int64_t body = -1;  // the one node of a leaf; -1 when empty or split
    bool leaf = true;
  };

  void Insert(int32_t c, uint32_t v, int depth) {
    const Point& p = pos_[v];
    const double m = mass_[v];
    Cell* cell = &cells_[static_cast<size_t>(c)];
    const double total = cell->mass + m;
    cell->cx = (cell->cx * cell->mass + p.x * m) / total;
    cell->cy = (cell->cy * cell->mass + p.y * m) / total;
    cell->mass = total;
    if (cell->leaf && cell->body < 0 && total == m) {
      cell->body = v;
      return;
    }
    if (depth >= kMaxDepth) return;  // coincident bodies: the cell's aggregate stands for them
    if (cell->leaf) {
      cell->leaf = false;
      const int64_t old = cell->body;
      cell->body = -1;
      if (old >= 0) InsertChild(c, static_cast<uint32_t>(old), depth);
    }
    InsertChild(c, v, depth);
  }

  void InsertChild(int32_t c, uint32_t v, int depth) {
    const Cell& cell = cells_[static_cast<size_t>(c)];
    const double half = cell.size / 2;
    const int qx = pos_[v].x >= cell.x0 + half, qy = pos_[v].y >= cell.y0 + half;
    const int q = qx + 2 * qy;
    if (cell.child[q] < 0) {
      const Cell child{cell.x0 + qx * half, cell.y0 + qy * half, half};
      const auto index = static_cast<int32_t>(cells_.size());
      cells_.push_back(child);
      cells_[static_cast<size_t>(c)].child[q] = index;
    }
    Insert(cells_[static_cast<size_t>(c)].child[q], v, depth + 1);
  }

  void Visit(int32_t c, uint32_t v, double k, Point* f) const {
    const Cell& cell = cells_[static_cast<size_t>(c)];
    if (cell.mass == 0 || cell.body == v) return;
    const double dx = pos_[v].x - cell.cx, dy = pos_[v].y - cell.cy;
    const double d2 = dx * dx + dy * dy;
    if (cell.leaf || cell.size * cell.size < kTheta * kTheta * d2) {
      if (d2 > 0) {
        double factor = k * mass_[v] * cell.mass / d2;  // (k m m / d) along the unit vector
        if (!radii_.empty() && cell.body >= 0) {
          // Prevent overlap: distance from rim to rim; overlapping pairs push hard.
          const double d = std::sqrt(d2);
          const double gap = d - radii_[v] - radii_[static_cast<size_t>(cell.body)];
          factor =
              gap > 0 ? k * mass_[v] * cell.mass / (gap * d) : 100 * k * mass_[v] * cell.mass / d;
        }
        f->x += dx * factor;
        f->y += dy * factor;
      }
      return;
    }
    for (int32_t child : cell.child) {
      if (child >= 0) Visit(child, v, k, f);
    }
  }

  const std::vector<Point>& pos_;
  const std::vector<double>& mass_;
  const std::vector<double>& radii_;
  std::vector<Cell> cells_;
};

}  // namespace

void ForceAtlas2(const Projection& g, int iterations, bool weighted,
                 const std::vector<double>& radii, std::vector<Point>* pos) {
  const size_t n = g.node_count();
  if (n < 2) return;
  std::vector<double> mass(n);
  for (uint32_t v = 0; v < n; ++v) {
    mass[v] = static_cast<double>(g.degree(v) + (g.directed() ? g.in_degree(v) : 0)) + 1;
  }
  const double scaling = n >= 100 ? 2.0 : 10.0;
  std::vector<Point> force(n), previous(n);
  double speed = 1.0, efficiency = 1.0;
  // The overlap phase follows the main one, as in Gephi, where it is switched on once the
  // layout has settled: from the start it would hinder the untangling.
  const std::vector<double> none;
  const int settle = radii.empty() ? iterations : iterations * 3 / 4;
  for (int step = 0; step < iterations; ++step) {
    std::swap(force, previous);
    std::fill(force.begin(), force.end(), Point{});
    const std::vector<double>& sized = step < settle ? none : radii;
    const QuadTree tree(*pos, mass, sized);
    for (uint32_t v = 0; v < n; ++v) {
      tree.Repel(v, scaling, &force[v]);
      // Gravity: k_g * m toward the origin, whatever the distance, so components stay near.
      const double d = std::hypot((*pos)[v].x, (*pos)[v].y);
      if (d > 0) {
        force[v].x -= kGravity * mass[v] * (*pos)[v].x / d;
        force[v].y -= kGravity * mass[v] * (*pos)[v].y / d;
      }
      // Attraction: linear in distance (times strength), each arc pulling its source.
      // A directed view pulls along in-arcs too: the layout is of the undirected view.
      auto pull = [&](std::span<const uint64_t> offsets, std::span<const uint32_t> ends,
                      std::span<const double> weights) {
        for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) {
          const Point& u = (*pos)[ends[e]];
          double w = weighted ? weights[e] : 1.0;
          if (!sized.empty()) {
            // Attraction from rim to rim too: touching nodes stop pulling.
            const double d = std::hypot(u.x - (*pos)[v].x, u.y - (*pos)[v].y);
            const double gap = d - sized[v] - sized[ends[e]];
            w = gap > 0 && d > 0 ? w * gap / d : 0;
          }
          force[v].x += (u.x - (*pos)[v].x) * w;
          force[v].y += (u.y - (*pos)[v].y) * w;
        }
      };
      pull(g.offsets(), g.targets(), g.weights());
      if (g.directed()) pull(g.in_offsets(), g.in_sources(), g.in_weights());
    }
    // Adaptive speed (the paper's section "Adaptive speed", as Gephi implements it): the
    // global speed follows the ratio of useful movement (traction) to oscillation (swing).
    double swing = 0, traction = 0;
    for (uint32_t v = 0; v < n; ++v) {
      const Point& f = force[v];
      const Point& p = step == 0 ? f : previous[v];
      swing += mass[v] * std::hypot(f.x - p.x, f.y - p.y);
      traction += mass[v] * std::hypot(f.x + p.x, f.y + p.y) / 2;
    }
    const double nodes = static_cast<double>(n);
    const double optimal = 0.05 * std::sqrt(nodes);
    double jitter =
        std::max(std::sqrt(optimal), std::min(10.0, optimal * traction / (nodes * nodes)));
    if (swing / std::max(traction, 1e-12) > 2.0) {
      if (efficiency > 0.05) efficiency *= 0.5;
      jitter = std::max(jitter, 1.0);
    }
    const double target = swing > 0 ? jitter * efficiency * traction / swing : speed;
    if (swing > jitter * traction) {
      if (efficiency > 0.05) efficiency *= 0.7;
    } else if (speed < 1000) {
      efficiency *= 1.3;
    }
    speed += std::min(target - speed, 0.5 * speed);
    for (uint32_t v = 0; v < n; ++v) {
      const Point& f = force[v];
      const Point& p = step == 0 ? f : previous[v];
      const double node_swing = mass[v] * std::hypot(f.x - p.x, f.y - p.y);
      const double factor = speed / (1.0 + std::sqrt(speed * node_swing));
      (*pos)[v].x += f.x * factor;
      (*pos)[v].y += f.y * factor;
    }
  }
}

}  // namespace tiegraph
