// Iterative centralities: PageRank, eigenvector, Katz, HITS.
#include <tiegraph/spectral.h>

#include <algorithm>
#include <cmath>

#include "two_halves.h"

namespace tiegraph {
namespace {

double L1Distance(const std::vector<double>& a, const std::vector<double>& b) {
  double d = 0;
  for (size_t i = 0; i < a.size(); ++i) d += std::fabs(a[i] - b[i]);
  return d;
}

void ScaleToUnitLength(std::vector<double>* x) {
  double norm = 0;
  for (double v : *x) norm += v * v;
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (double& v : *x) v /= norm;
  }
}

Status NotConverged(const char* what, int iterations) {
  return Status::InvalidArgument(std::string(what) + " did not converge in " +
                                 std::to_string(iterations) +
                                 " iterations; raise the iteration limit or the tolerance");
}

}  // namespace

Result<std::vector<double>> PageRank(const Projection& g, const PageRankOptions& o) {
  const size_t n = g.node_count();
  if (n == 0) return std::vector<double>{};
  if (o.damping < 0 || o.damping >= 1) return Status::InvalidArgument("damping must be in [0, 1)");
  std::vector<double> p(n, 1.0 / static_cast<double>(n));
  if (!o.personalization.empty()) {
    if (o.personalization.size() != n)
      return Status::InvalidArgument("personalization needs one value per node");
    double sum = 0;
    for (double v : o.personalization) {
      if (v < 0 || !std::isfinite(v))
        return Status::InvalidArgument("personalization values must be >= 0");
      sum += v;
    }
    if (sum <= 0) return Status::InvalidArgument("personalization must not be all zero");
    for (size_t i = 0; i < n; ++i) p[i] = o.personalization[i] / sum;
  }
  // Out-strength per node: the row normaliser of the transition matrix.
  std::vector<double> out(n, 0);
  for (uint32_t v = 0; v < n; ++v) {
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e)
      out[v] += o.weighted ? g.weights()[e] : 1.0;
  }
  // Each node pulls from its in-arcs (an undirected view's rows are symmetric), in source
  // order, so a node's sum is the same whichever thread computes it. Nodes are split between
  // threads at half the arcs.
  const auto in_offsets = g.directed() ? g.in_offsets() : g.offsets();
  const auto in_sources = g.directed() ? g.in_sources() : g.targets();
  const auto in_weights = g.directed() ? g.in_weights() : g.weights();
  // The change is summed per half too, whatever the thread count, so that the iteration
  // count cannot depend on it either.
  const bool two_threads = o.threads > 1 && in_sources.size() >= 200000;
  const size_t split = HalfwayRow(in_offsets);
  std::vector<double> x(n, 1.0 / static_cast<double>(n)), next(n), share(n);
  for (int it = 0; it < o.max_iterations; ++it) {
    double dangling = 0;
    for (uint32_t v = 0; v < n; ++v) {
      if (out[v] == 0) dangling += x[v];
      share[v] = out[v] == 0 ? 0 : o.damping * x[v] / out[v];
    }
    const double base = o.damping * dangling + (1 - o.damping);
    auto pull = [&](size_t lo, size_t hi, double* err) {
      double e_sum = 0;
      for (size_t i = lo; i < hi; ++i) {
        double sum = base * p[i];
        for (uint64_t e = in_offsets[i]; e < in_offsets[i + 1]; ++e)
          sum += share[in_sources[e]] * (o.weighted ? in_weights[e] : 1.0);
        e_sum += std::fabs(sum - x[i]);
        next[i] = sum;
      }
      *err = e_sum;
    };
    double err_low = 0, err_high = 0;
    if (two_threads) {
      RunParts(2,
               [&](int part) { part == 0 ? pull(0, split, &err_low) : pull(split, n, &err_high); });
    } else {
      pull(0, split, &err_low);
      pull(split, n, &err_high);
    }
    x.swap(next);
    if (err_low + err_high < static_cast<double>(n) * o.tolerance) return x;
  }
  return NotConverged("PageRank", o.max_iterations);
}

Result<std::vector<double>> Eigenvector(const Projection& g, bool weighted, double tolerance,
                                        int max_iterations) {
  // Power iteration on (A + I), from a uniform start, scaled to unit length each step
  // (networkx's eigenvector_centrality). In-arcs: a node is central if central nodes point to it.
  const size_t n = g.node_count();
  if (n == 0) return std::vector<double>{};
  std::vector<double> x(n, 1.0 / static_cast<double>(n)), next(n);
  for (int it = 0; it < max_iterations; ++it) {
    next = x;
    for (uint32_t v = 0; v < n; ++v) {
      for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) {
        next[g.targets()[e]] += x[v] * (weighted ? g.weights()[e] : 1.0);
      }
    }
    ScaleToUnitLength(&next);
    const double err = L1Distance(next, x);
    x.swap(next);
    if (err < static_cast<double>(n) * tolerance) return x;
  }
  return NotConverged("eigenvector centrality", max_iterations);
}

Result<std::vector<double>> Katz(const Projection& g, double alpha, double beta, bool weighted,
                                 double tolerance, int max_iterations) {
  const size_t n = g.node_count();
  if (n == 0) return std::vector<double>{};
  std::vector<double> x(n, 0), next(n);
  for (int it = 0; it < max_iterations; ++it) {
    std::fill(next.begin(), next.end(), 0.0);
    for (uint32_t v = 0; v < n; ++v) {
      for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) {
        next[g.targets()[e]] += x[v] * (weighted ? g.weights()[e] : 1.0);
      }
    }
    for (double& v : next) v = alpha * v + beta;
    const double err = L1Distance(next, x);
    x.swap(next);
    if (err < static_cast<double>(n) * tolerance) {
      ScaleToUnitLength(&x);
      return x;
    }
  }
  return NotConverged("Katz centrality (alpha may exceed 1/largest eigenvalue)", max_iterations);
}

Status Hits(const Projection& g, std::vector<double>* hubs, std::vector<double>* authorities,
            double tolerance, int max_iterations) {
  // a = A^T h, h = A a, each scaled to sum 1, from uniform hubs (Kleinberg 1999).
  const size_t n = g.node_count();
  std::vector<double> h(n, n ? 1.0 / static_cast<double>(n) : 0), a(n), last;
  for (int it = 0; it < max_iterations; ++it) {
    last = h;
    std::fill(a.begin(), a.end(), 0.0);
    for (uint32_t v = 0; v < n; ++v) {
      for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e)
        a[g.targets()[e]] += h[v] * g.weights()[e];
    }
    std::fill(h.begin(), h.end(), 0.0);
    for (uint32_t v = 0; v < n; ++v) {
      for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e)
        h[v] += a[g.targets()[e]] * g.weights()[e];
    }
    double sh = 0, sa = 0;
    for (size_t i = 0; i < n; ++i) sh += h[i], sa += a[i];
    if (sh > 0)
      for (double& v : h) v /= sh;
    if (sa > 0)
      for (double& v : a) v /= sa;
    if (L1Distance(h, last) < tolerance) {
      *hubs = h;
      *authorities = a;
      return Status::OK();
    }
  }
  return NotConverged("HITS", max_iterations);
}

}  // namespace tiegraph
