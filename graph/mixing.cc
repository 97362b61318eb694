#include <tiegraph/mixing.h>

#include <cmath>
#include <limits>

namespace tiegraph {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double EI(double external, double internal) {
  const double all = external + internal;
  return all > 0 ? (external - internal) / all : kNaN;
}

}  // namespace

Result<Mixing> MixingByGroup(const Projection& g, const std::vector<uint32_t>& group,
                             uint32_t group_count, bool weighted) {
  const size_t n = g.node_count();
  if (group.size() != n) return Status::InvalidArgument("one group per node is needed");
  if (group_count == 0) return Status::InvalidArgument("no groups");
  Mixing m;
  m.groups = group_count;
  const size_t k = group_count;
  m.group_size.assign(k, 0);
  for (uint32_t x : group) {
    if (x >= group_count) return Status::InvalidArgument("a group number is out of range");
    ++m.group_size[x];
  }
  // Arc counts: an undirected tie is two arcs, so `arcs` is symmetric with each tie twice.
  std::vector<double> arcs(k * k, 0);
  std::vector<double> node_out(n, 0), node_in(n, 0);  // external / internal per node
  for (uint32_t v = 0; v < n; ++v) {
    for (uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      const uint32_t t = g.targets[e];
      const double w = weighted ? g.weights[e] : 1.0;
      arcs[group[v] * k + group[t]] += w;
      (group[v] == group[t] ? node_in[v] : node_out[v]) += w;
      if (g.directed) (group[v] == group[t] ? node_in[t] : node_out[t]) += w;
    }
  }
  double total = 0;
  for (double x : arcs) total += x;
  std::vector<double> a(k, 0), b(k, 0);  // shares of tails and heads
  if (total > 0) {
    for (size_t x = 0; x < k; ++x) {
      for (size_t y = 0; y < k; ++y) a[x] += arcs[x * k + y] / total, b[y] += arcs[x * k + y] / total;
    }
  }
  // Ties: undirected views hold each tie as two arcs.
  const double per_tie = g.directed ? 1.0 : 0.5;
  m.observed.assign(k * k, 0);
  m.expected.assign(k * k, 0);
  for (size_t x = 0; x < k; ++x) {
    for (size_t y = 0; y < k; ++y) {
      // Off the diagonal of an undirected matrix, cell (g,h) holds every g-h tie once.
      const double scale = (g.directed || x == y) ? per_tie : 1.0;
      m.observed[x * k + y] = arcs[x * k + y] * scale;
      m.expected[x * k + y] = total * a[x] * b[y] * scale;
    }
  }
  // E-I over ties.
  double internal = 0, external = 0;
  for (size_t x = 0; x < k; ++x) {
    for (size_t y = 0; y < k; ++y) (x == y ? internal : external) += arcs[x * k + y] * per_tie;
  }
  m.ei = EI(external, internal);
  m.group_ei.assign(k, kNaN);
  for (size_t x = 0; x < k; ++x) {
    double in = arcs[x * k + x] * per_tie, out = 0;
    for (size_t y = 0; y < k; ++y) {
      if (y == x) continue;
      // Ties leaving g and, in a directed view, ties arriving: each once.
      out += g.directed ? arcs[x * k + y] + arcs[y * k + x] : arcs[x * k + y];
    }
    m.group_ei[x] = EI(out, in);
  }
  m.node_ei.assign(n, kNaN);
  for (size_t v = 0; v < n; ++v) m.node_ei[v] = EI(node_out[v], node_in[v]);
  const double N = static_cast<double>(n);
  double same = 0;
  for (double s : m.group_size) same += s * (s - 1);
  m.expected_ei = n >= 2 ? 1 - 2 * same / (N * (N - 1)) : kNaN;
  // Newman (2003): r = (sum_g e_gg - sum_g a_g b_g) / (1 - sum_g a_g b_g).
  double trace = 0, ab = 0;
  for (size_t x = 0; x < k; ++x) {
    trace += total > 0 ? arcs[x * k + x] / total : 0;
    ab += a[x] * b[x];
  }
  m.assortativity = (total > 0 && ab < 1) ? (trace - ab) / (1 - ab) : kNaN;
  return m;
}

}  // namespace tiegraph
