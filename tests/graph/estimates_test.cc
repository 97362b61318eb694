// Sampled estimates: exact when every node is a source, the same for the same seed.
#include <catch2/catch.hpp>

#include "test_util.h"

namespace tiegraph {
namespace {

Projection Sample(const test::TempDir& dir) {
  auto store = test::OpenStore(dir.path());
  REQUIRE(Import(store.get(), {{test::SamplePath()}}, ImportOptions{}).ok());
  auto g = BuildProjection(*store->Read(), ProjectionOptions{});
  REQUIRE(g.ok());
  return *g;
}

TEST_CASE("closeness and harmonic estimates are exact with every node sampled",
          "[graph][estimate]") {
  test::TempDir dir;
  Projection g = Sample(dir);
  const size_t n = g.node_count();
  for (Distance d : {Distance::kHops, Distance::kInverseStrength}) {
    auto exact = Closeness(g, d);
    auto estimate = ClosenessEstimate(g, d, n, 1);
    REQUIRE(exact.ok());
    REQUIRE(estimate.ok());
    for (size_t v = 0; v < n; ++v) CHECK((*estimate)[v] == Approx((*exact)[v]).margin(1e-12));
    auto h = Harmonic(g, d, false);
    auto he = HarmonicEstimate(g, d, false, n, 1);
    for (size_t v = 0; v < n; ++v) CHECK((*he)[v] == Approx((*h)[v]).margin(1e-12));
  }
}

TEST_CASE("sampled estimates depend on the seed only", "[graph][estimate]") {
  test::TempDir dir;
  Projection g = Sample(dir);
  auto a = ClosenessEstimate(g, Distance::kHops, 20, 7, 1);
  auto b = ClosenessEstimate(g, Distance::kHops, 20, 7, 2);
  auto c = ClosenessEstimate(g, Distance::kHops, 20, 8, 2);
  REQUIRE((a.ok() && b.ok() && c.ok()));
  CHECK(*a == *b);  // threads do not change the result
  CHECK(*a != *c);  // another seed draws other sources
  CHECK(ClosenessEstimate(g, Distance::kHops, 0, 7).status().IsInvalidArgument());
}

}  // namespace
}  // namespace tiegraph
