// Layouts: seeded and repeatable, finite, neighbors drawn closer than non-neighbors (what a
// force-directed layout is for), and components packed apart.
#include <catch2/catch.hpp>

#include <tiegraph/layout.h>

#include <cmath>

#include "test_util.h"

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

TEST_CASE("layouts are repeatable, finite and keep neighbors close", "[graph][layout]") {
  test::TempDir dir;
  const Projection g = TwoTrianglesAndMore(dir);
  const uint32_t n = static_cast<uint32_t>(g.node_count());
  for (const char* name : {"forceatlas2", "fr", "kk"}) {
    INFO(name);
    LayoutOptions o;
    auto method = ParseLayoutMethod(name);
    REQUIRE(method.ok());
    o.method = *method;
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
        for (uint64_t e = g.offsets()[u]; e < g.offsets()[u + 1]; ++e)
          tied = tied || g.targets()[e] == v;
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
  CHECK_FALSE(ParseLayoutMethod("spring").ok());
  CHECK(*ParseLayoutMethod("Kamada_Kawai") == LayoutMethod::kKamadaKawai);
}

// Boxes overlap when both their x and y extents do (touching is not overlapping).
bool Overlap(const Point& a, const Extent& ea, const Point& b, const Extent& eb) {
  return std::fabs(a.x - b.x) < ea.half_width + eb.half_width - 1e-6 &&
         std::fabs(a.y - b.y) < ea.half_height + eb.half_height - 1e-6;
}

TEST_CASE("label boxes are pushed apart until none overlaps", "[graph][layout]") {
  // By hand: boxes 2 wide and 4 tall at x 0 and 0.5 overlap by 1.5 across and 4 up and down;
  // the smaller overlap is across, so each moves 0.75 sideways.
  std::vector<Point> two = {{0, 0}, {0.5, 0}};
  SeparateBoxes(&two, {{1, 2}, {1, 2}});
  CHECK(two[0].x == Approx(-0.75));
  CHECK(two[1].x == Approx(1.25));
  CHECK(two[0].y == 0);
  CHECK(two[1].y == 0);
  // 300 labels crowded into a small square, of mixed sizes: afterwards no pair overlaps.
  std::vector<Point> crowd;
  std::vector<Extent> boxes;
  uint64_t state = 99;
  auto uniform = [&]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  for (int i = 0; i < 300; ++i) {
    crowd.push_back({uniform() * 100, uniform() * 100});
    boxes.push_back({5 + uniform() * 30, 4 + uniform() * 6});
  }
  const std::vector<Point> start = crowd;
  CHECK(SeparateBoxes(&crowd, boxes) == 0);  // within the default number of sweeps
  int overlapping = 0, before = 0;
  for (size_t i = 0; i < crowd.size(); ++i) {
    for (size_t j = i + 1; j < crowd.size(); ++j)
      before += Overlap(start[i], boxes[i], start[j], boxes[j]);
    for (size_t j = i + 1; j < crowd.size(); ++j)
      overlapping += Overlap(crowd[i], boxes[i], crowd[j], boxes[j]);
  }
  CHECK(before > 1000);  // the start was crowded indeed
  CHECK(overlapping == 0);
  // Too few sweeps: the overlaps left are reported.
  std::vector<Point> short_run = start;
  CHECK(SeparateBoxes(&short_run, boxes, 3) > 0);
}

}  // namespace
}  // namespace tiegraph
