// Burt's structural holes and Gould–Fernandez brokerage over a projection.
#include <tiegraph/brokerage.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "two_halves.h"

namespace tiegraph {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Each node's neighbors (over out- and in-arcs) with the mutual weight w(i->j) + w(j->i).
struct MutualRows {
  std::vector<uint64_t> offsets;
  std::vector<uint32_t> targets;
  std::vector<double> weights;
};

MutualRows Mutual(const Projection& g, bool weighted) {
  const size_t n = g.node_count();
  // An undirected view's rows serve as both its out- and its in-rows.
  const auto& in_off = g.directed() ? g.in_offsets() : g.offsets();
  const auto& in_src = g.directed() ? g.in_sources() : g.targets();
  const auto& in_w = g.directed() ? g.in_weights() : g.weights();
  MutualRows m;
  m.offsets.assign(n + 1, 0);
  m.targets.reserve(g.targets().size());
  m.weights.reserve(g.targets().size());
  for (uint32_t v = 0; v < n; ++v) {
    uint64_t a = g.offsets()[v], b = in_off[v];
    const uint64_t a_end = g.offsets()[v + 1], b_end = in_off[v + 1];
    while (a < a_end || b < b_end) {  // merge two rows sorted by neighbor
      uint32_t to = 0;
      double w = 0;
      const bool take_a = a < a_end && (b == b_end || g.targets()[a] <= in_src[b]);
      const bool take_b = b < b_end && (a == a_end || in_src[b] <= g.targets()[a]);
      if (take_a) to = g.targets()[a], w += weighted ? g.weights()[a] : 1.0, ++a;
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
    // Per ego: p_iq of each neighbor (0 elsewhere), and per neighbor j the indirect
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
          if (j == i || p[j] == 0) continue;  // j must be another neighbor of i
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
        out.hierarchy[i] = std::max(
            0.0, h / (static_cast<double>(degree) * std::log(static_cast<double>(degree))));
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

namespace {

BrokerRole RoleOf(uint32_t ga, uint32_t gv, uint32_t gb) {
  if (ga == gv && gb == gv) return BrokerRole::kCoordinator;
  if (ga == gb) return BrokerRole::kItinerant;
  if (gb == gv) return BrokerRole::kGatekeeper;
  if (ga == gv) return BrokerRole::kRepresentative;
  return BrokerRole::kLiaison;
}

// Walks the brokered two-paths a -> v -> b (a != b, no arc a -> b) that start at one source
// at a time, with each one's credit: 1, or 1/k with partial credit when k nodes broker a -> b.
class TwoPathWalker {
 public:
  TwoPathWalker(const Projection& g, bool partial)
      : g_(g), partial_(partial), mark_(g.node_count(), 0) {
    if (partial) brokers_.assign(g.node_count(), 0);
  }
  template <typename Fn>  // fn(v, b, credit)
  void From(uint32_t a, Fn&& fn) {
    const uint64_t begin = g_.offsets()[a], end = g_.offsets()[a + 1];
    for (uint64_t e = begin; e < end; ++e) mark_[g_.targets()[e]] = 1;
    mark_[a] = 1;  // a -> v -> a is no brokerage either
    auto each = [&](auto&& visit) {
      for (uint64_t e = begin; e < end; ++e) {
        const uint32_t v = g_.targets()[e];
        for (uint64_t f = g_.offsets()[v]; f < g_.offsets()[v + 1]; ++f) {
          if (!mark_[g_.targets()[f]]) visit(v, g_.targets()[f]);
        }
      }
    };
    if (partial_) {
      each([&](uint32_t, uint32_t b) { ++brokers_[b]; });
      each([&](uint32_t v, uint32_t b) { fn(v, b, 1.0 / brokers_[b]); });
      each([&](uint32_t, uint32_t b) { brokers_[b] = 0; });
    } else {
      each([&](uint32_t v, uint32_t b) { fn(v, b, 1.0); });
    }
    for (uint64_t e = begin; e < end; ++e) mark_[g_.targets()[e]] = 0;
    mark_[a] = 0;
  }

 private:
  const Projection& g_;
  bool partial_;
  std::vector<char> mark_;  // a and a's out-neighbors while walking from a
  std::vector<uint32_t> brokers_;
};

// Role counts of every broker over the two-paths from sources [lo, hi).
void CountRoles(const std::vector<uint32_t>& group, TwoPathWalker* walker, size_t lo, size_t hi,
                std::vector<RoleCounts>* counts) {
  for (size_t a = lo; a < hi; ++a) {
    walker->From(static_cast<uint32_t>(a), [&](uint32_t v, uint32_t b, double credit) {
      (*counts)[v][static_cast<size_t>(RoleOf(group[a], group[v], group[b]))] += credit;
    });
  }
}

// Per group, the sum of its members' counts.
std::vector<RoleCounts> ByGroup(const std::vector<RoleCounts>& counts,
                                const std::vector<uint32_t>& group, uint32_t group_count) {
  std::vector<RoleCounts> sums(group_count, RoleCounts{});
  for (size_t v = 0; v < counts.size(); ++v) {
    for (size_t r = 0; r < 5; ++r) sums[group[v]][r] += counts[v][r];
  }
  return sums;
}

// Draws of the permutation test. Per broker: v keeps its group, and the other nodes' labels
// are a uniform shuffle of everyone's but one copy of v's own. From one shuffle of all labels:
// where v drew another label h, a node w that drew v's label (one at random) takes h instead;
// every arrangement of the others is then equally likely (n_h ways to come from each h).
// Per group: every label is shuffled, the broker's too, and group g's sum is over the nodes
// that drew g: how much a random set of the group's size would broker in each role.
void TestRoles(const Projection& g, const std::vector<uint32_t>& group, uint32_t group_count,
               const BrokerageOptions& options, BrokerageRoles* out) {
  const size_t n = g.node_count();
  using Tallies = std::vector<std::array<PermutationTally, 5>>;
  struct Part {
    Tallies nodes, groups;
  };
  auto fresh = [](const std::vector<RoleCounts>& observed) {
    Tallies tallies(observed.size());
    for (size_t i = 0; i < observed.size(); ++i) {
      for (size_t r = 0; r < 5; ++r) tallies[i][r] = PermutationTally(observed[i][r]);
    }
    return tallies;
  };
  const int threads = options.test.permutations >= 2 && n >= 100 ? 2 : 1;
  std::vector<Part> parts(static_cast<size_t>(threads));
  for (Part& p : parts) p.nodes = fresh(out->counts), p.groups = fresh(out->group_counts);
  RunParts(threads, [&](int part) {
    Part& mine = parts[static_cast<size_t>(part)];
    TwoPathWalker walker(g, options.partial_credit);
    std::vector<uint32_t> shuffled, swap_with(n);
    std::vector<std::vector<uint32_t>> holding(group_count);  // nodes that drew each label
    std::vector<RoleCounts> counts(n), sums(group_count);
    for (int i = part; i < options.test.permutations; i += threads) {
      const uint64_t seed = DrawSeed(options.test.seed, i);
      ShuffledLabels(group, seed, &shuffled);
      for (auto& h : holding) h.clear();
      for (uint32_t x = 0; x < n; ++x) holding[shuffled[x]].push_back(x);
      std::mt19937_64 rng(seed ^ 0x5bd1e995u);
      for (uint32_t v = 0; v < n; ++v) {
        swap_with[v] = UINT32_MAX;
        if (shuffled[v] == group[v] || out->total[v] == 0) continue;
        const auto& h = holding[group[v]];
        swap_with[v] = h[std::uniform_int_distribution<size_t>(0, h.size() - 1)(rng)];
      }
      std::fill(counts.begin(), counts.end(), RoleCounts{});
      std::fill(sums.begin(), sums.end(), RoleCounts{});
      for (uint32_t a = 0; a < n; ++a) {
        walker.From(a, [&](uint32_t v, uint32_t b, double credit) {
          const uint32_t la = a == swap_with[v] ? shuffled[v] : shuffled[a];
          const uint32_t lb = b == swap_with[v] ? shuffled[v] : shuffled[b];
          counts[v][static_cast<size_t>(RoleOf(la, group[v], lb))] += credit;
          const BrokerRole role = RoleOf(shuffled[a], shuffled[v], shuffled[b]);
          sums[shuffled[v]][static_cast<size_t>(role)] += credit;
        });
      }
      for (size_t v = 0; v < n; ++v) {
        if (out->total[v] == 0) continue;
        for (size_t r = 0; r < 5; ++r) mine.nodes[v][r].Add(counts[v][r]);
      }
      for (size_t x = 0; x < group_count; ++x) {
        for (size_t r = 0; r < 5; ++r) mine.groups[x][r].Add(sums[x][r]);
      }
    }
  });
  auto summarise = [&](Tallies Part::*member, std::vector<RoleStats>* stats, bool skip_idle) {
    const Tallies& first = parts[0].*member;
    stats->assign(first.size(), RoleStats{});
    for (size_t i = 0; i < first.size(); ++i) {
      if (skip_idle && out->total[i] == 0) continue;
      for (size_t r = 0; r < 5; ++r) {
        PermutationTally t = first[i][r];
        if (threads == 2) t.Merge((parts[1].*member)[i][r]);
        (*stats)[i][r] = t.Summary();
      }
    }
  };
  summarise(&Part::nodes, &out->tested, true);
  summarise(&Part::groups, &out->group_tested, false);
}

}  // namespace

Result<BrokerageRoles> GouldFernandez(const Projection& g, const std::vector<uint32_t>& group,
                                      uint32_t group_count, const BrokerageOptions& options) {
  const size_t n = g.node_count();
  if (group.size() != n) return Status::InvalidArgument("one group per node is needed");
  if (options.test.permutations < 0) return Status::InvalidArgument("permutations must be >= 0");
  std::vector<double> size(group_count, 0);
  for (uint32_t x : group) {
    if (x >= group_count) return Status::InvalidArgument("a group number is out of range");
    ++size[x];
  }
  BrokerageRoles out;
  // Sources split between two threads, each counting into its own table.
  std::vector<std::vector<RoleCounts>> part_counts(2);
  const bool two = n >= 1000;
  const size_t split = two ? HalfwayRow(g.offsets()) : n;
  RunParts(two ? 2 : 1, [&](int part) {
    auto& counts = part_counts[static_cast<size_t>(part)];
    counts.assign(n, RoleCounts{});
    TwoPathWalker walker(g, options.partial_credit);
    CountRoles(group, &walker, part == 0 ? 0 : split, part == 0 ? split : n, &counts);
  });
  out.counts = std::move(part_counts[0]);
  out.total.assign(n, 0);
  for (size_t v = 0; v < n; ++v) {
    for (size_t r = 0; r < 5; ++r) {
      if (two) out.counts[v][r] += part_counts[1][v][r];
      out.total[v] += out.counts[v][r];
    }
  }
  // Expectations: the probability that an ordered pair of distinct nodes other than v falls
  // in each pattern, given v's group g (sizes n_h, N in all).
  out.expected.assign(n, RoleCounts{});
  const double N = static_cast<double>(n);
  if (n >= 3) {
    double sum_sq = 0, sum = 0;
    for (double s : size) sum_sq += s * (s - 1), sum += s * s;
    const double pairs = (N - 1) * (N - 2);
    for (size_t v = 0; v < n; ++v) {
      const double ng = size[group[v]], others = N - ng;
      const double same_other = sum_sq - ng * (ng - 1);          // sum_{h != g} n_h (n_h - 1)
      const double liaison = others * others - (sum - ng * ng);  // sum_{h != g} n_h (N - n_g - n_h)
      const RoleCounts p = {(ng - 1) * (ng - 2) / pairs, same_other / pairs,
                            others * (ng - 1) / pairs, (ng - 1) * others / pairs, liaison / pairs};
      for (size_t r = 0; r < 5; ++r) out.expected[v][r] = out.total[v] * p[r];
    }
  }
  out.group_counts = ByGroup(out.counts, group, group_count);
  out.group_expected = ByGroup(out.expected, group, group_count);
  if (options.test.permutations > 0) TestRoles(g, group, group_count, options, &out);
  return out;
}

}  // namespace tiegraph
