// Core–periphery, evolution over windows and link suggestion judged on a time split, on small
// networks worked by hand.
#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include <tiegraph/core_periphery.h>
#include <tiegraph/gap_analysis.h>

#include "test_util.h"

namespace tiegraph {
namespace {

using test::StoreWith;
using test::TempDir;

TEST_CASE("a clique with pendants is a perfect core and periphery", "[core-periphery]") {
  TempDir dir;
  // c1..c4 all tied; each has two pendants of its own.
  std::vector<test::TieSpec> ties = {{"c1", "c2"}, {"c1", "c3"}, {"c1", "c4"},
                                     {"c2", "c3"}, {"c2", "c4"}, {"c3", "c4"}};
  std::vector<std::string> keys = {"c1", "c2", "c3", "c4"};
  for (int i = 0; i < 8; ++i) {
    const std::string p = "p" + std::to_string(i);
    keys.push_back(p);
    ties.push_back({"c" + std::to_string(i / 2 + 1), p});
  }
  auto store = StoreWith(dir.path(), keys, ties);
  auto g = BuildProjection(*store->Read(), {});
  REQUIRE(g.ok());
  auto d = DiscreteCoreness(*g);
  REQUIRE(d.ok());
  for (uint32_t v = 0; v < g->node_count(); ++v) {
    INFO(g->keys()[v]);
    CHECK(d->core[v] == (g->keys()[v][0] == 'c'));
  }
  // Core-core pairs all tied, periphery pairs none: the pattern is the data.
  CHECK(d->rho == Approx(1));
  CHECK(d->core_density == Approx(1));
  CHECK(d->periphery_density == Approx(0).margin(1e-12));
  CHECK(d->core_periphery_density == Approx(8.0 / 32));
  auto c = ContinuousCoreness(*g);
  REQUIRE(c.ok());
  for (uint32_t v = 0; v < g->node_count(); ++v) {
    if (g->keys()[v][0] == 'c') CHECK(c->coreness[v] == Approx(1));
    if (g->keys()[v][0] == 'p') CHECK(c->coreness[v] < 0.6);
  }
  CHECK(c->rho > 0.5);
}

Dataset Dated(
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>>& ties) {
  Dataset d;
  std::set<std::string> keys;
  for (const auto& [a, b, since, until] : ties) keys.insert(a), keys.insert(b);
  for (const auto& k : keys) {
    Institution in;
    in.key = in.name = k;
    d.institutions.push_back(in);
  }
  for (const auto& [a, b, since, until] : ties) {
    Tie t;
    t.source = a;
    t.target = b;
    t.type = "mou";
    t.since = *ParseDate(since);
    t.until = *ParseDate(until);
    d.ties.push_back(t);
  }
  return d;
}

TEST_CASE("evolution counts ties formed, dissolved and kept per window", "[evolution]") {
  TempDir dir;
  auto store = test::OpenStore(dir.path());
  // a-b in 2020 only; b-c from 2021 on; c-d from 2022 on.
  REQUIRE(store
              ->Write(Dated({{"a", "b", "2020", "2020-12"},
                             {"b", "c", "2021", ""},
                             {"c", "d", "2022", ""}}),
                      WriteOptions{})
              .ok());
  EvolutionRequest r;
  r.from = "2020";
  r.to = "2022";
  r.step = "1y";
  r.window = "1y";
  auto t = EvolutionTable(*store->Read(), {}, r);
  REQUIRE(t.ok());
  REQUIRE(t->rows.size() == 3);
  const size_t y2020 = 0, y2021 = 1, y2022 = 2;
  using test::IntAt, test::RealAt;
  CHECK(test::StringAt(*t, y2020, "window") == "2020");
  CHECK(IntAt(*t, y2020, "institutions") == 2);  // a, b
  CHECK(IntAt(*t, y2020, "ties") == 1);
  // 2021: b-c formed, a-b dissolved; c entered, a left.
  CHECK(IntAt(*t, y2021, "ties") == 1);
  CHECK(IntAt(*t, y2021, "formed") == 1);
  CHECK(IntAt(*t, y2021, "dissolved") == 1);
  CHECK(IntAt(*t, y2021, "kept") == 0);
  CHECK(IntAt(*t, y2021, "entrants") == 1);
  CHECK(IntAt(*t, y2021, "exits") == 1);
  // 2022: b-c kept, c-d formed; three institutions, one component, density 2/3.
  CHECK(IntAt(*t, y2022, "institutions") == 3);
  CHECK(IntAt(*t, y2022, "formed") == 1);
  CHECK(IntAt(*t, y2022, "kept") == 1);
  CHECK(RealAt(*t, y2022, "density") == Approx(2.0 / 3));
  CHECK(IntAt(*t, y2022, "components") == 1);
  CHECK(RealAt(*t, y2022, "jaccard") == Approx(1.0 / 2));  // Jaccard: kept 1 of {b-c, c-d}

  // No events: none counted, no synergy; a core once there are ties.
  CHECK(IntAt(*t, y2022, "events") == 0);
  CHECK(test::EmptyAt(*t, y2022, "t_uig"));
  CHECK(IntAt(*t, y2022, "core") >= 2);

  r.window = "2x";
  CHECK_FALSE(EvolutionTable(*store->Read(), {}, r).ok());
}

TEST_CASE("link suggestion judged on a time split", "[link-prediction]") {
  TempDir dir;
  auto store = test::OpenStore(dir.path());
  // Before 2022: a-b, b-c, b-d, d-e. After: a-c (2023).
  REQUIRE(store
              ->Write(Dated({{"a", "b", "2020", ""},
                             {"b", "c", "2020", ""},
                             {"b", "d", "2021", ""},
                             {"d", "e", "2021", ""},
                             {"a", "c", "2023", ""}}),
                      WriteOptions{})
              .ok());
  LinkEvaluationRequest r;
  r.split = "2022";
  r.score = LinkScore::kResourceAllocation;
  r.k = 2;
  auto t = LinkEvaluationTable(*store->Read(), {}, r);
  REQUIRE(t.ok());
  CHECK(test::IntAt(*t, 0, "new_ties") == 1);  // one new tie, a-c
  // RA: b-e 1/2 (via d), then a-c, a-d, c-d 1/3 each (via b); the best two: b-e, a-c.
  CHECK(test::RealAt(*t, 0, "precision_at_k") == Approx(0.5));
  CHECK(test::IntAt(*t, 0, "candidates") == 4);
  // a-c (1/3) against the five unlinked pairs (a-d 1/3, a-e 0, b-e 1/2, c-d 1/3, c-e 0):
  // wins 2, ties 2 (half each): AUC 3/5, estimated from 10,000 draws.
  CHECK(test::RealAt(*t, 0, "auc") == Approx(0.6).margin(0.02));
}

}  // namespace
}  // namespace tiegraph
