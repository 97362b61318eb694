#include <tiegraph/mixing.h>

#include <cmath>
#include <limits>

#include "two_halves.h"

namespace tiegraph {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double EI(double external, double internal) {
  const double all = external + internal;
  return all > 0 ? (external - internal) / all : kNaN;
}

// Arcs (their strength when weighted) from group to group, row-major k × k: an undirected tie
// is two arcs, so the matrix is symmetric with each tie twice.
std::vector<double> ArcMatrix(const Projection& g, const std::vector<uint32_t>& group, size_t k,
                              bool weighted) {
  std::vector<double> arcs(k * k, 0);
  for (uint32_t v = 0; v < g.node_count(); ++v) {
    const size_t row = group[v] * k;
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e)
      arcs[row + group[g.targets()[e]]] += weighted ? g.weights()[e] : 1.0;
  }
  return arcs;
}

// E-I over all ties, and per group over the ties with at least one end in it.
void EIFromArcs(const std::vector<double>& arcs, size_t k, bool directed, double* ei,
                std::vector<double>* group_ei) {
  const double per_tie = directed ? 1.0 : 0.5;  // undirected views hold each tie as two arcs
  double internal = 0, external = 0;
  for (size_t x = 0; x < k; ++x) {
    for (size_t y = 0; y < k; ++y) (x == y ? internal : external) += arcs[x * k + y] * per_tie;
  }
  *ei = EI(external, internal);
  group_ei->assign(k, kNaN);
  for (size_t x = 0; x < k; ++x) {
    double in = arcs[x * k + x] * per_tie, out = 0;
    for (size_t y = 0; y < k; ++y) {
      if (y == x) continue;
      // Ties leaving g and, in a directed view, ties arriving: each once.
      out += directed ? arcs[x * k + y] + arcs[y * k + x] : arcs[x * k + y];
    }
    (*group_ei)[x] = EI(out, in);
  }
}

Status CheckGroups(const Projection& g, const std::vector<uint32_t>& group, uint32_t group_count) {
  if (group.size() != g.node_count())
    return Status::InvalidArgument("one group per node is needed");
  if (group_count == 0) return Status::InvalidArgument("no groups");
  for (uint32_t x : group) {
    if (x >= group_count) return Status::InvalidArgument("a group number is out of range");
  }
  return Status::OK();
}

}  // namespace

Result<Mixing> MixingByGroup(const Projection& g, const std::vector<uint32_t>& group,
                             uint32_t group_count, bool weighted) {
  TIEGRAPH_RETURN_IF_ERROR(CheckGroups(g, group, group_count));
  const size_t n = g.node_count();
  Mixing m;
  m.groups = group_count;
  const size_t k = group_count;
  m.group_size.assign(k, 0);
  for (uint32_t x : group) ++m.group_size[x];
  const std::vector<double> arcs = ArcMatrix(g, group, k, weighted);
  std::vector<double> node_out(n, 0), node_in(n, 0);  // external / internal per node
  for (uint32_t v = 0; v < n; ++v) {
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) {
      const uint32_t t = g.targets()[e];
      const double w = weighted ? g.weights()[e] : 1.0;
      (group[v] == group[t] ? node_in[v] : node_out[v]) += w;
      if (g.directed()) (group[v] == group[t] ? node_in[t] : node_out[t]) += w;
    }
  }
  double total = 0;
  for (double x : arcs) total += x;
  std::vector<double> a(k, 0), b(k, 0);  // shares of tails and heads
  if (total > 0) {
    for (size_t x = 0; x < k; ++x) {
      for (size_t y = 0; y < k; ++y)
        a[x] += arcs[x * k + y] / total, b[y] += arcs[x * k + y] / total;
    }
  }
  // Ties: undirected views hold each tie as two arcs.
  const double per_tie = g.directed() ? 1.0 : 0.5;
  m.observed.assign(k * k, 0);
  m.expected.assign(k * k, 0);
  for (size_t x = 0; x < k; ++x) {
    for (size_t y = 0; y < k; ++y) {
      // Off the diagonal of an undirected matrix, cell (g,h) holds every g-h tie once.
      const double scale = (g.directed() || x == y) ? per_tie : 1.0;
      m.observed[x * k + y] = arcs[x * k + y] * scale;
      m.expected[x * k + y] = total * a[x] * b[y] * scale;
    }
  }
  EIFromArcs(arcs, k, g.directed(), &m.ei, &m.group_ei);
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

Result<EIPermutationTest> PermuteEI(const Projection& g, const std::vector<uint32_t>& group,
                                    uint32_t group_count, bool weighted,
                                    const PermutationOptions& options) {
  TIEGRAPH_RETURN_IF_ERROR(CheckGroups(g, group, group_count));
  if (options.permutations < 1) return Status::InvalidArgument("permutations must be at least 1");
  const size_t k = group_count;
  double observed = 0;
  std::vector<double> observed_groups;
  EIFromArcs(ArcMatrix(g, group, k, weighted), k, g.directed(), &observed, &observed_groups);
  // Draws split between two threads by index; each draw has its own generator.
  struct Part {
    PermutationTally ei;
    std::vector<PermutationTally> groups;
  };
  std::vector<Part> parts(2);
  for (Part& p : parts) {
    p.ei = PermutationTally(observed);
    for (double x : observed_groups) p.groups.emplace_back(x);
  }
  const int threads = options.permutations >= 2 && g.arc_count() >= 10000 ? 2 : 1;
  RunParts(threads, [&](int part) {
    std::vector<uint32_t> shuffled;
    std::vector<double> groups_ei;
    double ei = 0;
    for (int i = part; i < options.permutations; i += threads) {
      ShuffledLabels(group, DrawSeed(options.seed, i), &shuffled);
      EIFromArcs(ArcMatrix(g, shuffled, k, weighted), k, g.directed(), &ei, &groups_ei);
      if (!std::isnan(ei)) parts[part].ei.Add(ei);
      for (size_t x = 0; x < k; ++x) {
        if (!std::isnan(groups_ei[x])) parts[part].groups[x].Add(groups_ei[x]);
      }
    }
  });
  parts[0].ei.Merge(parts[1].ei);
  EIPermutationTest out;
  out.ei = parts[0].ei.Summary();
  for (size_t x = 0; x < k; ++x) {
    parts[0].groups[x].Merge(parts[1].groups[x]);
    out.group_ei.push_back(parts[0].groups[x].Summary());
  }
  return out;
}

}  // namespace tiegraph
