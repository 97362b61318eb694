#include <tiegraph/structure.h>

#include <cmath>
#include <limits>

#include "neighbor_sets.h"

namespace tiegraph {

double Density(const Projection& g) {
  const double n = static_cast<double>(g.node_count());
  if (n < 2) return 0;
  const double pairs = g.directed() ? n * (n - 1) : n * (n - 1) / 2;
  return static_cast<double>(g.edge_count()) / pairs;
}

std::vector<uint64_t> Triangles(const Projection& g) {
  // Each triangle {u < v < w} is found once from its smallest node by merging sorted lists.
  NeighborSets nb(g);
  const uint32_t n = static_cast<uint32_t>(nb.size());
  std::vector<uint64_t> count(n, 0);
  for (uint32_t u = 0; u < n; ++u) {
    for (const uint32_t* pv = nb.begin(u); pv != nb.end(u); ++pv) {
      const uint32_t v = *pv;
      if (v <= u) continue;
      const uint32_t *a = pv + 1, *ae = nb.end(u), *b = nb.begin(v), *be = nb.end(v);
      while (a != ae && b != be) {
        if (*a < *b) {
          ++a;
        } else if (*b < *a) {
          ++b;
        } else {
          ++count[u], ++count[v], ++count[*a];
          ++a, ++b;
        }
      }
    }
  }
  return count;
}

std::vector<double> LocalClustering(const Projection& g) {
  NeighborSets nb(g);
  auto tri = Triangles(g);
  std::vector<double> c(tri.size(), 0);
  for (uint32_t v = 0; v < c.size(); ++v) {
    const double d = static_cast<double>(nb.degree(v));
    if (d >= 2) c[v] = 2.0 * static_cast<double>(tri[v]) / (d * (d - 1));
  }
  return c;
}

double AverageClustering(const Projection& g) {
  auto c = LocalClustering(g);
  if (c.empty()) return 0;
  double sum = 0;
  for (double x : c) sum += x;
  return sum / static_cast<double>(c.size());
}

double Transitivity(const Projection& g) {
  NeighborSets nb(g);
  auto tri = Triangles(g);
  double triangles = 0, triples = 0;
  for (uint32_t v = 0; v < tri.size(); ++v) {
    const double d = static_cast<double>(nb.degree(v));
    triangles += static_cast<double>(tri[v]);
    triples += d * (d - 1);
  }
  // tri[] counts each triangle three times, triples counts ordered pairs: 3T*2 / (2*triples/2).
  return triples == 0 ? 0 : 2.0 * triangles / triples;
}

double DegreeAssortativity(const Projection& g) {
  // Pearson correlation over both orientations of every edge (symmetric, as networkx).
  NeighborSets nb(g);
  double sx = 0, sxx = 0, sxy = 0, count = 0;
  for (uint32_t u = 0; u < nb.size(); ++u) {
    const double du = static_cast<double>(nb.degree(u));
    for (const uint32_t* pv = nb.begin(u); pv != nb.end(u); ++pv) {
      const double dv = static_cast<double>(nb.degree(*pv));
      sx += du;
      sxx += du * du;
      sxy += du * dv;
      count += 1;
    }
  }
  if (count == 0) return std::numeric_limits<double>::quiet_NaN();
  const double mean = sx / count;
  const double var = sxx / count - mean * mean;
  if (var <= 0) return std::numeric_limits<double>::quiet_NaN();
  return (sxy / count - mean * mean) / var;
}

}  // namespace tiegraph
