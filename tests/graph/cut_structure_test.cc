// Blocks, simple paths and the spanning forest on a network worked out by hand.
#include <catch2/catch.hpp>

#include "test_util.h"

namespace tiegraph {
namespace {

// Triangle a-b-c, bridge c-d, triangle d-e-f, g alone. Strengths in brackets:
// a-b [3], b-c [1], a-c [2], c-d [1], d-e [1], e-f [5], d-f [2].
Projection HandNetwork(const test::TempDir& dir) {
  auto store = test::StoreWith(dir.path(), {"a", "b", "c", "d", "e", "f", "g"},
                               {{"a", "b", 3},
                                {"b", "c", 1},
                                {"a", "c", 2},
                                {"c", "d", 1},
                                {"d", "e", 1},
                                {"e", "f", 5},
                                {"d", "f", 2}});
  auto g = BuildProjection(*store->Read(), ProjectionOptions{});
  REQUIRE(g.ok());
  return *g;
}

using Edges = std::vector<std::pair<uint32_t, uint32_t>>;

TEST_CASE("blocks, cut points and bridges", "[graph][paths]") {
  test::TempDir dir;
  Projection g = HandNetwork(dir);  // a=0 b=1 c=2 d=3 e=4 f=5 g=6
  auto blocks = BiconnectedComponents(g);
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0] == Edges{{0, 1}, {0, 2}, {1, 2}});
  CHECK(blocks[1] == Edges{{2, 3}});
  CHECK(blocks[2] == Edges{{3, 4}, {3, 5}, {4, 5}});
  CHECK(ArticulationPoints(g) == std::vector<uint32_t>{2, 3});
  CHECK(Bridges(g) == Edges{{2, 3}});
}

TEST_CASE("simple paths up to a length", "[graph][paths]") {
  test::TempDir dir;
  Projection g = HandNetwork(dir);
  // a to e within 4 ties: a-b-c-d-e, a-c-d-e, a-c-d-f-e (a-b-c-d-f-e needs 5).
  auto paths = SimplePaths(g, 0, 4, 4, 100);
  REQUIRE(paths.size() == 3);
  CHECK(paths[0].nodes == std::vector<uint32_t>{0, 1, 2, 3, 4});
  CHECK(paths[1].nodes == std::vector<uint32_t>{0, 2, 3, 4});
  CHECK(paths[2].nodes == std::vector<uint32_t>{0, 2, 3, 5, 4});
  CHECK(SimplePaths(g, 0, 4, 10, 2).size() == 2);  // the count limit
  CHECK(SimplePaths(g, 0, 6, 10, 100).empty());    // g is unreachable
}

TEST_CASE("the spanning forest keeps the strongest ties", "[graph][paths]") {
  test::TempDir dir;
  Projection g = HandNetwork(dir);
  // Kruskal by 1/strength: e-f (1/5), a-b (1/3), a-c and d-f (1/2), then c-d (1); b-c and d-e
  // would close cycles. 7 nodes in 2 components: 5 edges.
  auto forest = MinimumSpanningForest(g, Distance::kInverseStrength);
  std::sort(forest.begin(), forest.end());
  CHECK(forest == Edges{{0, 1}, {0, 2}, {2, 3}, {3, 5}, {4, 5}});
  CHECK(MinimumSpanningForest(g, Distance::kHops).size() == 5);
}

}  // namespace
}  // namespace tiegraph
