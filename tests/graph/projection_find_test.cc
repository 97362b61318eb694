// Projection::Find: every key of the projection is found at its index, keys filtered out or
// unknown are not, and copies answer the same.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "test_util.h"

namespace tiegraph {
namespace {

TEST_CASE("Projection::Find finds each key at its index and nothing else") {
  test::TempDir dir;
  std::vector<std::string> keys;
  for (int i = 0; i < 500; ++i) keys.push_back("inst-" + std::to_string(i));
  std::vector<test::TieSpec> ties;
  // A chain over the even institutions; the odd ones have no tie.
  for (int i = 0; i + 2 < 500; i += 2) ties.push_back({keys[i], keys[i + 2]});
  auto store = test::StoreWith(dir.File("db"), keys, ties);
  auto snap = store->Read();
  auto g = BuildProjection(*snap, {});
  REQUIRE(g.ok());
  REQUIRE(g->node_count() == 500);
  for (uint32_t v = 0; v < g->node_count(); ++v) {
    uint32_t at = UINT32_MAX;
    REQUIRE(g->Find(g->keys()[v], &at));
    CHECK(at == v);
  }
  uint32_t at = 7;
  CHECK_FALSE(g->Find("inst-500", &at));
  CHECK_FALSE(g->Find("", &at));
  CHECK(at == 7);  // untouched on a miss

  // A copy has its own index, which outlives the original.
  auto copy = std::make_unique<Projection>(*g);
  const Projection moved = std::move(*copy);
  copy.reset();
  REQUIRE(moved.Find(g->keys()[42], &at));
  CHECK(at == 42);
  CHECK_FALSE(moved.Find("inst-500", &at));

  // A subgraph renumbers its nodes: its own index, not the whole projection's.
  std::vector<uint32_t> keep;
  for (uint32_t v = 0; v < g->node_count(); v += 5) keep.push_back(v);
  const Projection sub = InducedSubgraph(*g, keep);
  for (uint32_t v = 0; v < g->node_count(); ++v) {
    const auto kept = std::find(sub.keys().begin(), sub.keys().end(), g->keys()[v]);
    const bool found = sub.Find(g->keys()[v], &at);
    REQUIRE(found == (kept != sub.keys().end()));
    if (found) CHECK(at == static_cast<uint32_t>(kept - sub.keys().begin()));
  }
}

}  // namespace
}  // namespace tiegraph
