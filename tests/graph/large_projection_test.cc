// Projections big enough to be built on two threads (more than 100,000 ties) against the
// same rows computed directly from the tie list, and parallel algorithms on them against
// their one-thread results.
#include <catch2/catch.hpp>

#include <map>
#include <tuple>

#include "test_util.h"

namespace tiegraph {
namespace {

using test::TempDir;

constexpr size_t kNodes = 20000, kTies = 150000;

// Deterministic ties with repeats (parallel ties), self-loops, directed ties and strengths.
Dataset Network() {
  Dataset d;
  for (size_t i = 0; i < kNodes; ++i) {
    Institution in;
    in.key = "n" + std::to_string(i);
    in.name = in.key;
    d.institutions.push_back(in);
  }
  uint64_t x = 12345;
  auto next = [&x]() {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return x >> 33;
  };
  for (size_t k = 0; k < kTies; ++k) {
    Tie t;
    // Half of the ties among the first 1000 nodes, so that pairs repeat.
    const size_t span = k % 2 ? kNodes : 1000;
    t.source = "n" + std::to_string(next() % span);
    t.target = "n" + std::to_string(next() % span);
    t.type = k % 3 ? "mou" : "joint_research";
    t.strength = 0.5 * static_cast<double>(1 + next() % 6);
    t.directed = k % 4 == 0;
    d.ties.push_back(t);
  }
  return d;
}

// Rows as a map (row, target) -> combined weight, computed straight from the ties.
using Rows = std::map<std::pair<uint32_t, uint32_t>, double>;
Rows Expected(const Dataset& d, bool directed, bool in_rows, CombineTies combine) {
  Rows rows;
  auto id = [](const std::string& key) { return static_cast<uint32_t>(std::stoul(key.substr(1))); };
  auto add = [&](uint32_t row, uint32_t to, double w) {
    if (combine == CombineTies::kCount) w = 1;
    auto [it, fresh] = rows.emplace(std::make_pair(row, to), w);
    if (!fresh)
      it->second = combine == CombineTies::kMax ? std::max(it->second, w) : it->second + w;
  };
  for (const Tie& t : d.ties) {
    const uint32_t a = id(t.source), b = id(t.target);
    if (a == b) continue;
    const bool one_way = directed && t.directed;
    if (in_rows) {
      add(b, a, t.strength);
      if (!one_way) add(a, b, t.strength);
    } else {
      add(a, b, t.strength);
      if (!one_way) add(b, a, t.strength);
    }
  }
  return rows;
}

Rows Actual(const Projection& g, bool in_rows) {
  Rows rows;
  const auto& off = in_rows ? g.in_offsets() : g.offsets();
  const auto& to = in_rows ? g.in_sources() : g.targets();
  const auto& w = in_rows ? g.in_weights() : g.weights();
  for (uint32_t v = 0; v < g.node_count(); ++v) {
    const uint32_t row = static_cast<uint32_t>(std::stoul(g.keys()[v].substr(1)));
    for (uint64_t e = off[v]; e < off[v + 1]; ++e) {
      if (e > off[v]) REQUIRE(to[e - 1] < to[e]);  // sorted, parallel arcs merged
      rows[{row, static_cast<uint32_t>(std::stoul(g.keys()[to[e]].substr(1)))}] = w[e];
    }
  }
  return rows;
}

void RequireSameRows(const Rows& expected, const Rows& actual) {
  REQUIRE(expected.size() == actual.size());
  for (const auto& [pair, weight] : expected) {
    auto it = actual.find(pair);
    REQUIRE(it != actual.end());
    // Sums of up to a few hundred halves are exact in binary floating point.
    REQUIRE(it->second == weight);
  }
}

TEST_CASE("a projection built on two threads has the rows of its ties", "[projection]") {
  TempDir dir;
  const Dataset d = Network();
  auto store = test::OpenStore(dir.path());
  REQUIRE(store->Write(d, WriteOptions{}).ok());
  auto snap = store->Read();
  for (bool directed : {false, true}) {
    for (CombineTies combine : {CombineTies::kSum, CombineTies::kMax, CombineTies::kCount}) {
      INFO("directed " << directed << ", combine " << static_cast<int>(combine));
      ProjectionOptions o;
      o.directed = directed;
      o.combine = combine;
      auto g = BuildProjection(*snap, o);
      REQUIRE(g.ok());
      CHECK(g->node_count() == kNodes);
      RequireSameRows(Expected(d, directed, false, combine), Actual(*g, false));
      if (directed) RequireSameRows(Expected(d, directed, true, combine), Actual(*g, true));
    }
  }
}

TEST_CASE("PageRank gives the same values on one thread and two", "[projection][centrality]") {
  TempDir dir;
  auto store = test::OpenStore(dir.path());
  REQUIRE(store->Write(Network(), WriteOptions{}).ok());
  for (bool directed : {false, true}) {
    ProjectionOptions po;
    po.directed = directed;
    auto g = BuildProjection(*store->Read(), po);
    REQUIRE(g.ok());
    REQUIRE(g->arc_count() >= 200000);  // large enough for the two-thread path
    PageRankOptions one, two;
    one.threads = 1;
    two.threads = 2;
    auto a = PageRank(*g, one), b = PageRank(*g, two);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(*a == *b);
  }
}

}  // namespace
}  // namespace tiegraph
