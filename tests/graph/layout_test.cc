// Layouts: seeded and repeatable, finite, neighbours drawn closer than non-neighbours (what a
// force-directed layout is for), and components packed apart.
#include <catch2/catch.hpp>

#include <tiegraph/layout.h>

#include <cmath>

#include "tests/test_util.h"

namespace tiegraph {
namespace {

// Triangle a-b-c, bridge c-d, triangle d-e-f; a separate pair x-y; g alone.
Projection TwoTrianglesAndMore(const test::TempDir& dir) {
  auto store = test::StoreWith(dir.path(), {"a", "b", "c", "d", "e", "f", "g", "x", "y"},
                               {{"a", "b", 1},
                                {"b", "c", 1},
                                {"a", "c", 1},
                                {"c", "d", 1},
                                {"d", "e", 1},
                                {"e", "f", 1},
                                {"d", "f", 1},
                                {"x", "y", 1}});
  auto g = BuildProjection(*store->Read(), ProjectionOptions{});
  REQUIRE(g.ok());
  return *g;
}

double Distance(const Point& p, const Point& q) { return std::hypot(p.x - q.x, p.y - q.y); }

TEST_CASE("layouts are repeatable, finite and keep neighbours close", "[graph][layout]") {
  test::TempDir dir;
  const Projection g = TwoTrianglesAndMore(dir);
  const uint32_t n = static_cast<uint32_t>(g.node_count());
  for (const char* name : {"forceatlas2", "fr", "kk"}) {
    INFO(name);
    LayoutOptions o;
    REQUIRE(ParseLayoutMethod(name, &o.method));
    o.seed = 7;
    auto first = Layout(g, o);
    auto again = Layout(g, o);
    REQUIRE(first.ok());
    REQUIRE(again.ok());
    REQUIRE(first->size() == n);
    for (uint32_t v = 0; v < n; ++v) {
      CHECK(std::isfinite((*first)[v].x));
      CHECK(std::isfinite((*first)[v].y));
      CHECK((*first)[v].x == (*again)[v].x);
      CHECK((*first)[v].y == (*again)[v].y);
    }
    // In the component a..f (indexes 0..5): the mean tie length is below the mean distance
    // between institutions with no tie.
    double near = 0, far = 0;
    int near_count = 0, far_count = 0;
    for (uint32_t u = 0; u < 6; ++u) {
      for (uint32_t v = u + 1; v < 6; ++v) {
        bool tied = false;
        for (uint64_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e) tied = tied || g.targets[e] == v;
        (tied ? near : far) += Distance((*first)[u], (*first)[v]);
        ++(tied ? near_count : far_count);
      }
    }
    CHECK(near / near_count < far / far_count);
    // Packed components: the pair x-y lies outside the bounding box of a..f.
    double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
    for (uint32_t v = 0; v < 6; ++v) {
      x0 = std::min(x0, (*first)[v].x), x1 = std::max(x1, (*first)[v].x);
      y0 = std::min(y0, (*first)[v].y), y1 = std::max(y1, (*first)[v].y);
    }
    for (uint32_t v : {7u, 8u}) {
      const Point& p = (*first)[v];
      CHECK_FALSE((p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1));
    }
  }
  LayoutOptions bad;
  bad.radii = {1.0};  // not one per node
  CHECK_FALSE(Layout(g, bad).ok());
  LayoutMethod m;
  CHECK_FALSE(ParseLayoutMethod("spring", &m));
}

}  // namespace
}  // namespace tiegraph
