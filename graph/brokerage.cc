// Burt's structural holes and Gould–Fernandez brokerage over a projection.
#include <tiegraph/brokerage.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "graph/two_halves.h"

namespace tiegraph {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Each node's neighbours (over out- and in-arcs) with the mutual weight w(i->j) + w(j->i).
struct MutualRows {
  std::vector<uint64_t> offsets;
  std::vector<uint32_t> targets;
  std::vector<double> weights;
};

MutualRows Mutual(const Projection& g, bool weighted) {
  const size_t n = g.node_count();
  // An undirected view's rows serve as both its out- and its in-rows.
  const auto& in_off = g.directed ? g.in_offsets : g.offsets;
  const auto& in_src = g.directed ? g.in_sources : g.targets;
  const auto& in_w = g.directed ? g.in_weights : g.weights;
  MutualRows m;
  m.offsets.assign(n + 1, 0);
  m.targets.reserve(g.targets.size());
  m.weights.reserve(g.targets.size());
  for (uint32_t v = 0; v < n; ++v) {
    uint64_t a = g.offsets[v], b = in_off[v];
    const uint64_t a_end = g.offsets[v + 1], b_end = in_off[v + 1];
    while (a < a_end || b < b_end) {  // merge two rows sorted by neighbour
      uint32_t to = 0;
      double w = 0;
      const bool take_a = a < a_end && (b == b_end || g.targets[a] <= in_src[b]);
      const bool take_b = b < b_end && (a == a_end || in_src[b] <= g.targets[a]);
      if (take_a) to = g.targets[a], w += weighted ? g.weights[a] : 1.0, ++a;
      if (take_b) to = in_src[b], w += weighted ? in_w[b] : 1.0, ++b;
      m.targets.push_back(to);
      m.weights.push_back(w);
    }
    m.offsets[v + 1] = m.targets.size();
  }
  return m;
}

// Runs fn(lo, hi) over [0, n): in two slices of about equal work on two threads, or whole.
template <typename Fn>
void Slices(size_t n, const std::vector<uint64_t>& offsets, int threads, Fn&& fn) {
  const bool two = threads >= 2 && n >= 1000;
  const size_t split = two ? HalfwayRow(offsets) : n;
  RunParts(two ? 2 : 1, [&](int part) { part == 0 ? fn(size_t{0}, split) : fn(split, n); });
}

}  // namespace

StructuralHoles BurtMeasures(const Projection& g, bool weighted, int threads) {
  const size_t n = g.node_count();
  const MutualRows m = Mutual(g, weighted);
  std::vector<double> total(n, 0), largest(n, 0);  // sum and max of mutual weights per node
  for (uint32_t v = 0; v < n; ++v) {
    for (uint64_t e = m.offsets[v]; e < m.offsets[v + 1]; ++e) {
      total[v] += m.weights[e];
      largest[v] = std::max(largest[v], m.weights[e]);
    }
  }
  StructuralHoles out;
  out.constraint.assign(n, kNaN);
  out.effective_size.assign(n, kNaN);
  out.efficiency.assign(n, kNaN);
  out.hierarchy.assign(n, kNaN);
  Slices(n, m.offsets, threads, [&](size_t lo, size_t hi) {
    // Per ego: p_iq of each neighbour (0 elsewhere), and per neighbour j the indirect
    // constraint sum_q p_iq p_qj and the redundancy sum_q p_iq m_jq over two-paths i-q-j.
    std::vector<double> p(n, 0), indirect(n, 0), redundancy(n, 0);
    std::vector<double> local;
    for (size_t i = lo; i < hi; ++i) {
      const uint64_t begin = m.offsets[i], end = m.offsets[i + 1];
      const size_t degree = end - begin;
      if (degree == 0 || total[i] == 0) continue;
      for (uint64_t e = begin; e < end; ++e) p[m.targets[e]] = m.weights[e] / total[i];
      for (uint64_t e = begin; e < end; ++e) {
        const uint32_t q = m.targets[e];
        const double p_iq = p[q];
        for (uint64_t f = m.offsets[q]; f < m.offsets[q + 1]; ++f) {
          const uint32_t j = m.targets[f];
          if (j == i || p[j] == 0) continue;  // j must be another neighbour of i
          indirect[j] += p_iq * m.weights[f] / total[q];
          redundancy[j] += p_iq * m.weights[f] / largest[j];
        }
      }
      double c = 0, es = 0;
      local.clear();
      for (uint64_t e = begin; e < end; ++e) {
        const uint32_t j = m.targets[e];
        const double c_ij = (p[j] + indirect[j]) * (p[j] + indirect[j]);
        local.push_back(c_ij);
        c += c_ij;
        es += 1 - redundancy[j];
      }
      out.constraint[i] = c;
      out.effective_size[i] = es;
      out.efficiency[i] = es / static_cast<double>(degree);
      if (degree == 1) {
        out.hierarchy[i] = 1;
      } else if (c > 0) {
        const double mean = c / static_cast<double>(degree);
        double h = 0;
        for (double c_ij : local) {
          const double r = c_ij / mean;
          if (r > 0) h += r * std::log(r);
        }
        // Jensen: the sum is >= 0; rounding in r (a mean of equal values) can dip below.
        out.hierarchy[i] =
            std::max(0.0, h / (static_cast<double>(degree) * std::log(static_cast<double>(degree))));
      }
      for (uint64_t e = begin; e < end; ++e) {
        const uint32_t j = m.targets[e];
        p[j] = indirect[j] = redundancy[j] = 0;
      }
    }
  });
  return out;
}

const char* BrokerRoleName(BrokerRole role) {
  switch (role) {
    case BrokerRole::kCoordinator:
      return "coordinator";
    case BrokerRole::kItinerant:
      return "itinerant";
    case BrokerRole::kGatekeeper:
      return "gatekeeper";
    case BrokerRole::kRepresentative:
      return "representative";
    case BrokerRole::kLiaison:
      return "liaison";
    case BrokerRole::kRoleCount:
      break;
  }
  return "?";
}

Result<BrokerageRoles> GouldFernandez(const Projection& g, const std::vector<uint32_t>& group,
                                      uint32_t group_count) {
  const size_t n = g.node_count();
  if (group.size() != n) return Status::InvalidArgument("one group per node is needed");
  std::vector<double> size(group_count, 0);
  for (uint32_t x : group) {
    if (x >= group_count) return Status::InvalidArgument("a group number is out of range");
    ++size[x];
  }
  const auto& in_off = g.directed ? g.in_offsets : g.offsets;
  const auto& in_src = g.directed ? g.in_sources : g.targets;
  auto has_arc = [&](uint32_t a, uint32_t b) {
    return std::binary_search(g.targets.begin() + static_cast<ptrdiff_t>(g.offsets[a]),
                              g.targets.begin() + static_cast<ptrdiff_t>(g.offsets[a + 1]), b);
  };
  BrokerageRoles out;
  out.counts.assign(n, {0, 0, 0, 0, 0});
  out.expected.assign(n, {0, 0, 0, 0, 0});
  out.total.assign(n, 0);
  Slices(n, g.offsets, 2, [&](size_t lo, size_t hi) {
    for (size_t v = lo; v < hi; ++v) {
      const uint32_t gv = group[v];
      auto& counts = out.counts[v];
      for (uint64_t x = in_off[v]; x < in_off[v + 1]; ++x) {
        const uint32_t a = in_src[x];
        for (uint64_t y = g.offsets[v]; y < g.offsets[v + 1]; ++y) {
          const uint32_t b = g.targets[y];
          if (a == b || has_arc(a, b)) continue;
          const uint32_t ga = group[a], gb = group[b];
          BrokerRole role;
          if (ga == gv && gb == gv)
            role = BrokerRole::kCoordinator;
          else if (ga == gb)
            role = BrokerRole::kItinerant;
          else if (gb == gv)
            role = BrokerRole::kGatekeeper;
          else if (ga == gv)
            role = BrokerRole::kRepresentative;
          else
            role = BrokerRole::kLiaison;
          counts[static_cast<int>(role)] += 1;
          out.total[v] += 1;
        }
      }
    }
  });
  // Expectations: the probability that an ordered pair of distinct nodes other than v falls
  // in each pattern, given v's group g (sizes n_h, N in all).
  const double N = static_cast<double>(n);
  if (n >= 3) {
    double sum_sq = 0, sum = 0;
    for (double s : size) sum_sq += s * (s - 1), sum += s * s;
    const double pairs = (N - 1) * (N - 2);
    for (size_t v = 0; v < n; ++v) {
      const double ng = size[group[v]], others = N - ng;
      const double same_other = sum_sq - ng * (ng - 1);            // sum_{h != g} n_h (n_h - 1)
      const double liaison = others * others - (sum - ng * ng);    // sum_{h != g} n_h (N - n_g - n_h)
      const std::array<double, 5> p = {(ng - 1) * (ng - 2) / pairs, same_other / pairs,
                                       others * (ng - 1) / pairs, (ng - 1) * others / pairs,
                                       liaison / pairs};
      for (int r = 0; r < 5; ++r) out.expected[v][static_cast<size_t>(r)] = out.total[v] * p[static_cast<size_t>(r)];
    }
  }
  return out;
}

}  // namespace tiegraph
