// Permutation tests of E-I and brokerage against their exact null distributions, found here by
// enumerating every distinct arrangement of the group labels and counting with plain loops over
// an adjacency matrix; and partial brokerage credit on hand-worked graphs.
#include <catch2/catch.hpp>

#include <tiegraph/brokerage.h>
#include <tiegraph/mixing.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "test_util.h"

namespace tiegraph {
namespace {

using test::StoreWith;
using test::TempDir;

// Mean, population sd and the share of values >= (<=) `observed` over equally likely values.
struct Exact {
  double mean = 0, sd = 0, at_least = 0, at_most = 0;
};
Exact Summarise(const std::vector<double>& values, double observed) {
  Exact e;
  for (double x : values) e.mean += x / static_cast<double>(values.size());
  for (double x : values) {
    e.sd += (x - e.mean) * (x - e.mean) / static_cast<double>(values.size());
    e.at_least += x >= observed - 1e-9 ? 1.0 / static_cast<double>(values.size()) : 0;
    e.at_most += x <= observed + 1e-9 ? 1.0 / static_cast<double>(values.size()) : 0;
  }
  e.sd = std::sqrt(e.sd);
  return e;
}

std::vector<std::vector<char>> Adjacency(const Projection& g) {
  std::vector<std::vector<char>> adj(g.node_count(), std::vector<char>(g.node_count(), 0));
  for (uint32_t v = 0; v < g.node_count(); ++v) {
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) adj[v][g.targets()[e]] = 1;
  }
  return adj;
}

// Gould–Fernandez roles counted whole, then with partial credit.
std::pair<BrokerageRoles, BrokerageRoles> WithoutAndWithPartialCredit(
    const Projection& g, const std::vector<uint32_t>& group, uint32_t group_count) {
  auto whole = GouldFernandez(g, group, group_count);
  BrokerageOptions o;
  o.partial_credit = true;
  auto shared = GouldFernandez(g, group, group_count, o);
  REQUIRE(whole.ok());
  REQUIRE(shared.ok());
  return {std::move(*whole), std::move(*shared)};
}

TEST_CASE("E-I permutation test matches the exact distribution over all labellings",
          "[mixing][permutation]") {
  TempDir dir;
  // Eight institutions, a1..a4 in A and b1..b4 in B, nine ties (six inside, three across).
  auto store = StoreWith(dir.path(), {"a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"},
                         {{"a1", "a2"},
                          {"a2", "a3"},
                          {"a3", "a4"},
                          {"b1", "b2"},
                          {"b2", "b3"},
                          {"a1", "b1"},
                          {"a4", "b4"},
                          {"a2", "b2"},
                          {"b3", "b4"}});
  auto g = BuildProjection(*store->Read(), {});
  REQUIRE(g.ok());
  std::vector<uint32_t> group;
  for (const auto& k : g->keys()) group.push_back(k[0] == 'a' ? 0 : 1);
  const auto adj = Adjacency(*g);
  auto ei = [&](const std::vector<uint32_t>& labels) {
    double internal = 0, external = 0;
    for (size_t i = 0; i < labels.size(); ++i) {
      for (size_t j = i + 1; j < labels.size(); ++j) {
        if (adj[i][j]) (labels[i] == labels[j] ? internal : external) += 1;
      }
    }
    return (external - internal) / (external + internal);
  };
  const double observed = ei(group);
  CHECK(observed == Approx((3.0 - 6.0) / 9.0));  // by hand: a-b ties 3 (a1b1, a4b4, a2b2)
  // All 70 ways to choose which four institutions are A, each equally likely.
  std::vector<uint32_t> labels = {0, 0, 0, 0, 1, 1, 1, 1};
  std::vector<double> values;
  do values.push_back(ei(labels));
  while (std::next_permutation(labels.begin(), labels.end()));
  REQUIRE(values.size() == 70);
  const Exact exact = Summarise(values, observed);
  // E-I is linear in the internal ties, so its mean is the expected E-I of random pairs.
  CHECK(exact.mean == Approx(1 - 2.0 * (4 * 3 + 4 * 3) / (8 * 7)));

  PermutationOptions o;
  o.permutations = 20000;
  o.seed = 7;
  auto test = PermuteEI(*g, group, 2, false, o);
  REQUIRE(test.ok());
  CHECK(test->ei.observed == Approx(observed));
  CHECK(test->ei.permutations == 20000);
  CHECK(test->ei.mean == Approx(exact.mean).margin(0.01));
  CHECK(test->ei.sd == Approx(exact.sd).margin(0.01));
  CHECK(test->ei.p_at_most == Approx(exact.at_most).margin(0.015));
  CHECK(test->ei.p_at_least == Approx(exact.at_least).margin(0.015));
  CHECK(test->ei.z() == Approx((observed - exact.mean) / exact.sd).margin(0.1));
  // Per group too: every tie touches A or B, so each group's E-I is over its own ties.
  REQUIRE(test->group_ei.size() == 2);
  CHECK(test->group_ei[0].permutations > 0);
  // The same seed gives the same draws.
  auto again = PermuteEI(*g, group, 2, false, o);
  REQUIRE(again.ok());
  CHECK(again->ei.mean == test->ei.mean);
  CHECK(again->ei.sd == test->ei.sd);
}

TEST_CASE("brokerage permutation test matches the exact per-broker null",
          "[brokerage][permutation]") {
  TempDir dir;
  // Seven institutions in three groups (a: 3, b: 2, c: 2), undirected.
  auto store = StoreWith(dir.path(), {"a1", "a2", "a3", "b1", "b2", "c1", "c2"},
                         {{"a1", "b1"},
                          {"a1", "c1"},
                          {"a1", "a2"},
                          {"a1", "b2"},
                          {"b1", "c2"},
                          {"b1", "a3"},
                          {"a2", "c1"},
                          {"c2", "b2"},
                          {"a3", "c1"}});
  auto g = BuildProjection(*store->Read(), {});
  REQUIRE(g.ok());
  std::vector<uint32_t> group;
  for (const auto& k : g->keys()) group.push_back(static_cast<uint32_t>(k[0] - 'a'));
  const auto adj = Adjacency(*g);
  const size_t n = g->node_count();
  // Roles of broker v under `labels`: ordered pairs (a, b) of v's partners with no tie a-b.
  auto roles = [&](uint32_t v, const std::vector<uint32_t>& labels) {
    std::array<double, 5> c{};
    for (uint32_t a = 0; a < n; ++a) {
      for (uint32_t b = 0; b < n; ++b) {
        if (a == b || a == v || b == v || !adj[a][v] || !adj[v][b] || adj[a][b]) continue;
        const uint32_t la = labels[a], lv = labels[v], lb = labels[b];
        const int r = la == lv && lb == lv ? 0 : la == lb ? 1 : lb == lv ? 2 : la == lv ? 3 : 4;
        c[static_cast<size_t>(r)] += 1;
      }
    }
    return c;
  };
  BrokerageOptions o;
  o.test.permutations = 20000;
  o.test.seed = 11;
  auto r = GouldFernandez(*g, group, 3, o);
  REQUIRE(r.ok());
  REQUIRE(r->tested.size() == n);
  for (uint32_t v = 0; v < n; ++v) {
    INFO(g->keys()[v]);
    const std::array<double, 5> observed = roles(v, group);
    for (size_t k = 0; k < 5; ++k) CHECK(r->counts[v][k] == observed[k]);
    if (r->total[v] == 0) continue;
    // The null: v keeps its label; the other six take every distinct arrangement of the rest.
    std::vector<uint32_t> rest;
    for (uint32_t x = 0; x < n; ++x) {
      if (x != v) rest.push_back(group[x]);
    }
    std::sort(rest.begin(), rest.end());
    std::array<std::vector<double>, 5> draws;
    do {
      std::vector<uint32_t> labels(n);
      for (uint32_t x = 0, i = 0; x < n; ++x) labels[x] = x == v ? group[v] : rest[i++];
      const auto c = roles(v, labels);
      for (size_t k = 0; k < 5; ++k) draws[k].push_back(c[k]);
    } while (std::next_permutation(rest.begin(), rest.end()));
    for (size_t k = 0; k < 5; ++k) {
      INFO("role " << k);
      const Exact exact = Summarise(draws[k], observed[k]);
      // Gould & Fernandez's expected counts are the exact mean.
      CHECK(r->expected[v][k] == Approx(exact.mean).margin(1e-9));
      const PermutationStats& s = r->tested[v][k];
      CHECK(s.permutations == 20000);
      CHECK(s.mean == Approx(exact.mean).margin(0.03));
      CHECK(s.sd == Approx(exact.sd).margin(0.03));
      CHECK(s.p_at_least == Approx(exact.at_least).margin(0.015));
      CHECK(s.p_at_most == Approx(exact.at_most).margin(0.015));
    }
  }
  // Group sums: the members' counts; their null shuffles every label (the brokers' too), so
  // the exact distribution runs over all 210 distinct arrangements of the seven labels.
  std::vector<uint32_t> all = group;
  std::sort(all.begin(), all.end());
  std::array<std::array<std::vector<double>, 5>, 3> sums;
  do {
    std::array<std::array<double, 5>, 3> draw{};
    for (uint32_t v = 0; v < n; ++v) {
      const auto c = roles(v, all);
      for (size_t k = 0; k < 5; ++k) draw[all[v]][k] += c[k];
    }
    for (size_t x = 0; x < 3; ++x) {
      for (size_t k = 0; k < 5; ++k) sums[x][k].push_back(draw[x][k]);
    }
  } while (std::next_permutation(all.begin(), all.end()));
  REQUIRE(sums[0][0].size() == 210);
  for (uint32_t x = 0; x < 3; ++x) {
    for (size_t k = 0; k < 5; ++k) {
      INFO("group " << x << " role " << k);
      double sum = 0;
      for (uint32_t v = 0; v < n; ++v) sum += group[v] == x ? r->counts[v][k] : 0;
      CHECK(r->group_counts[x][k] == sum);
      const Exact exact = Summarise(sums[x][k], sum);
      const PermutationStats& s = r->group_tested[x][k];
      CHECK(s.mean == Approx(exact.mean).margin(0.05));
      CHECK(s.sd == Approx(exact.sd).margin(0.05));
      CHECK(s.p_at_least == Approx(exact.at_least).margin(0.015));
      CHECK(s.p_at_most == Approx(exact.at_most).margin(0.015));
    }
  }
}

TEST_CASE("permutation summaries: an undefined observation, draws that cannot vary",
          "[permutation]") {
  TempDir dir;
  // a1-a2 tied; b1 alone: group B has no tie, so its E-I is undefined.
  auto store = StoreWith(dir.path(), {"a1", "a2", "a3", "b1"}, {{"a1", "a2"}, {"a2", "a3"}});
  auto g = BuildProjection(*store->Read(), {});
  REQUIRE(g.ok());
  std::vector<uint32_t> group;
  for (const auto& k : g->keys()) group.push_back(k[0] == 'a' ? 0 : 1);
  PermutationOptions o;
  o.permutations = 200;
  auto test = PermuteEI(*g, group, 2, false, o);
  REQUIRE(test.ok());
  CHECK(std::isnan(test->group_ei[1].observed));
  CHECK(std::isnan(test->group_ei[1].p_at_least));
  CHECK(std::isnan(test->group_ei[1].p_at_most));
  // One group: every draw gives E-I = -1, with no spread and no z.
  auto same = PermuteEI(*g, std::vector<uint32_t>(g->node_count(), 0), 1, false, o);
  REQUIRE(same.ok());
  CHECK(same->ei.mean == -1);
  CHECK(same->ei.sd == 0);
  CHECK(std::isnan(same->ei.z()));
  CHECK(same->ei.p_at_least == 1);
  // Partial credit a third at a time: constant non-integer draws still have sd 0.
  PermutationTally tally(1.0 / 3);
  for (int i = 0; i < 1000; ++i) tally.Add(1.0 / 3);
  CHECK(tally.Summary().sd == 0);
}

// On a network large enough for the two-thread paths (sources split when n >= 1000, draws when
// n >= 100): counts and partial credits against a plain count over adjacency sets.
TEST_CASE("brokerage on a larger random network matches a plain count",
          "[brokerage][permutation]") {
  TempDir dir;
  const int n = 1200;
  std::vector<std::string> keys;
  for (int i = 0; i < n; ++i)
    keys.push_back(std::string(1, static_cast<char>('a' + i % 3)) + std::to_string(i));
  std::vector<test::TieSpec> ties;
  uint64_t state = 12345;
  auto next = [&]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % n);
  };
  for (int i = 0; i < 4000; ++i) {
    const int x = next(), y = next();
    if (x != y) ties.push_back({keys[static_cast<size_t>(x)], keys[static_cast<size_t>(y)]});
  }
  auto store = StoreWith(dir.path(), keys, ties);
  auto g = BuildProjection(*store->Read(), {});
  REQUIRE(g.ok());
  const size_t count = g->node_count();
  std::vector<uint32_t> group;
  for (const auto& k : g->keys()) group.push_back(static_cast<uint32_t>(k[0] - 'a'));
  std::vector<std::set<uint32_t>> adj(count);
  for (uint32_t v = 0; v < count; ++v) {
    for (uint64_t e = g->offsets()[v]; e < g->offsets()[v + 1]; ++e) adj[v].insert(g->targets()[e]);
  }
  // Plain count: for each ordered pair (a, b) not tied, its brokers; each gets 1 (or 1/k).
  std::vector<std::array<double, 5>> full(count), partial(count);
  for (uint32_t a = 0; a < count; ++a) {
    std::map<uint32_t, std::vector<uint32_t>> brokers;  // b -> brokers of a -> b
    for (uint32_t v : adj[a]) {
      for (uint32_t b : adj[v]) {
        if (b != a && !adj[a].count(b)) brokers[b].push_back(v);
      }
    }
    for (const auto& [b, list] : brokers) {
      for (uint32_t v : list) {
        const uint32_t ga = group[a], gv = group[v], gb = group[b];
        const int r = ga == gv && gb == gv ? 0 : ga == gb ? 1 : gb == gv ? 2 : ga == gv ? 3 : 4;
        full[v][static_cast<size_t>(r)] += 1;
        partial[v][static_cast<size_t>(r)] += 1.0 / static_cast<double>(list.size());
      }
    }
  }
  const auto [plain, shared] = WithoutAndWithPartialCredit(*g, group, 3);
  for (uint32_t v = 0; v < count; ++v) {
    for (size_t k = 0; k < 5; ++k) {
      CHECK(plain.counts[v][k] == full[v][k]);
      CHECK(shared.counts[v][k] == Approx(partial[v][k]).margin(1e-9));
    }
  }
  // Draws on two threads: repeatable, and each broker's null mean near its expected count.
  BrokerageOptions t;
  t.test.permutations = 400;
  auto first = GouldFernandez(*g, group, 3, t);
  auto second = GouldFernandez(*g, group, 3, t);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  double worst = 0;
  for (uint32_t v = 0; v < count; ++v) {
    for (size_t k = 0; k < 5; ++k) {
      CHECK(first->tested[v][k].mean == second->tested[v][k].mean);
      if (first->total[v] == 0) continue;
      // The mean of 400 draws is within a few standard errors of the expectation.
      const double se = first->tested[v][k].sd / std::sqrt(400.0);
      worst = std::max(
          worst, std::fabs(first->tested[v][k].mean - first->expected[v][k]) / std::max(se, 1e-9));
    }
  }
  CHECK(worst < 6);
}

TEST_CASE("partial brokerage credit shares a pair among its brokers", "[brokerage]") {
  TempDir dir;
  // A square x1-x2-x3-x4 and y tied to x1 alone. By hand, ordered pairs: x1 brokers x2<->x4
  // (also brokered by x3: 1/2 each way) and x2<->y, x4<->y (x1 alone: 1 each way), 5 in all;
  // x3 brokers x2<->x4 (1/2 each way), x2 brokers x1<->x3 (shared with x4), x4 the same: 1.
  auto store = StoreWith(dir.path(), {"x1", "x2", "x3", "x4", "y"},
                         {{"x1", "x2"}, {"x2", "x3"}, {"x3", "x4"}, {"x4", "x1"}, {"x1", "y"}});
  auto g = BuildProjection(*store->Read(), {});
  REQUIRE(g.ok());
  const std::vector<uint32_t> one_group(g->node_count(), 0);
  auto at = [&](const char* key) {
    uint32_t v = 0;
    REQUIRE(g->Find(key, &v));
    return v;
  };
  const auto [full, shared] = WithoutAndWithPartialCredit(*g, one_group, 1);
  CHECK(full.total[at("x1")] == 6);
  CHECK(full.total[at("x3")] == 2);
  CHECK(shared.total[at("x1")] == Approx(5));
  CHECK(shared.total[at("x2")] == Approx(1));
  CHECK(shared.total[at("x3")] == Approx(1));
  CHECK(shared.total[at("x4")] == Approx(1));
  CHECK(shared.total[at("y")] == 0);
  // One group: everything is coordination.
  CHECK(shared.counts[at("x1")][0] == Approx(5));
}

}  // namespace
}  // namespace tiegraph
