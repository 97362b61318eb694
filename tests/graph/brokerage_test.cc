// Gould–Fernandez brokerage on hand-worked graphs.
#include <catch2/catch.hpp>

#include <tiegraph/brokerage.h>

#include "test_util.h"

namespace tiegraph {
namespace {

using test::StoreWith;
using test::TempDir;

// Groups by the key's first letter: a1, a2, a3 in A; b1 in B; c1 in C.
std::vector<uint32_t> GroupsByLetter(const Projection& g) {
  std::vector<uint32_t> group;
  for (const auto& k : g.keys()) group.push_back(static_cast<uint32_t>(k[0] - 'a'));
  return group;
}

uint32_t At(const Projection& g, const std::string& key) {
  uint32_t v = 0;
  REQUIRE(g.Find(key, &v));
  return v;
}

TEST_CASE("brokerage roles follow who links to whom (directed, by hand)", "[brokerage]") {
  TempDir dir;
  // a1 -> b1 -> a2: b1 itinerant.    a1 -> b1 -> c1: b1 liaison.
  // b1 -> a2 -> a1: a2 gatekeeper.   a2 -> a1 -> b1: a1 representative.
  // a2 -> a1 -> a3: a1 coordinator.  No tie closes any of these two-paths.
  auto store = StoreWith(dir.path(), {"a1", "a2", "a3", "b1", "c1"},
                         {{"a1", "b1", 1, true},
                          {"b1", "a2", 1, true},
                          {"b1", "c1", 1, true},
                          {"a2", "a1", 1, true},
                          {"a1", "a3", 1, true}});
  ProjectionOptions o;
  o.directed = true;
  auto g = BuildProjection(*store->Read(), o);
  REQUIRE(g.ok());
  auto r = GouldFernandez(*g, GroupsByLetter(*g), 3);
  REQUIRE(r.ok());
  using Counts =
      std::array<double, 5>;  // coordinator, itinerant, gatekeeper, representative, liaison
  CHECK(r->counts[At(*g, "a1")] == Counts{1, 0, 0, 1, 0});
  CHECK(r->counts[At(*g, "a2")] == Counts{0, 0, 1, 0, 0});
  CHECK(r->counts[At(*g, "b1")] == Counts{0, 1, 0, 0, 1});
  CHECK(r->counts[At(*g, "a3")] == Counts{0, 0, 0, 0, 0});
  CHECK(r->counts[At(*g, "c1")] == Counts{0, 0, 0, 0, 0});
  CHECK(r->total[At(*g, "a1")] == 2);
  // Random labels with sizes A 3, B 1, C 1 (N = 5): the other two ends of a two-path are an
  // ordered pair of the 4 others, 12 pairs. For a1 (group A): both in A 2/12, one A one
  // other 4/12 each way, both other and different 2/12, both in one other group 0.
  const Counts a1 = r->expected[At(*g, "a1")];
  CHECK(a1[0] == Approx(2.0 / 6));
  CHECK(a1[1] == Approx(0).margin(1e-12));
  CHECK(a1[2] == Approx(2.0 * 4 / 12));
  CHECK(a1[3] == Approx(2.0 * 4 / 12));
  CHECK(a1[4] == Approx(2.0 * 2 / 12));
  // For b1 (alone in B): both ends in A (6 of 12 pairs) or in A and C (6 of 12).
  const Counts b1 = r->expected[At(*g, "b1")];
  CHECK(b1[1] == Approx(1));
  CHECK(b1[4] == Approx(1));
  CHECK(b1[0] + b1[2] + b1[3] == Approx(0).margin(1e-12));
}

TEST_CASE("brokerage on an undirected view counts each two-path both ways", "[brokerage]") {
  TempDir dir;
  // a1 - b1 - c1 and a1 - b1 - a2: b1 brokers (a1,c1), (c1,a1) as liaison, (a1,a2), (a2,a1)
  // as itinerant, (a2,c1), (c1,a2) as liaison.
  auto store =
      StoreWith(dir.path(), {"a1", "a2", "b1", "c1"}, {{"a1", "b1"}, {"b1", "c1"}, {"a2", "b1"}});
  auto g = BuildProjection(*store->Read(), {});
  REQUIRE(g.ok());
  auto r = GouldFernandez(*g, GroupsByLetter(*g), 3);
  REQUIRE(r.ok());
  CHECK(r->counts[At(*g, "b1")] == std::array<double, 5>{0, 2, 0, 0, 4});
  for (const auto& c : r->counts) CHECK(c[2] == c[3]);    // gatekeeper = representative
  CHECK_FALSE(GouldFernandez(*g, {0, 1}, 3).ok());        // one group per node
  CHECK_FALSE(GouldFernandez(*g, {0, 1, 2, 7}, 3).ok());  // a group out of range
}

}  // namespace
}  // namespace tiegraph
