// The Projection is a Boost.Graph: the concepts hold at compile time and Boost's algorithms
// give the answers worked out by hand.
#include <catch2/catch.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>

#include "bgl_adapter.h"
#include "test_util.h"

namespace tiegraph {
namespace {

BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<Projection>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Projection>));
BOOST_CONCEPT_ASSERT(
    (boost::ReadablePropertyMapConcept<boost::typed_identity_property_map<uint32_t>, uint32_t>));

// a -> b -> c -> a (a cycle), c -> d, d -- e (undirected), f alone; the directed view.
Projection Network(const test::TempDir& dir) {
  auto store = test::StoreWith(dir.path(), {"a", "b", "c", "d", "e", "f"},
                               {{"a", "b", 1, true},
                                {"b", "c", 1, true},
                                {"c", "a", 1, true},
                                {"c", "d", 1, true},
                                {"d", "e", 1, false}});
  ProjectionOptions o;
  o.directed = true;
  auto g = BuildProjection(*store->Read(), o);
  REQUIRE(g.ok());
  return *g;
}

TEST_CASE("Boost's breadth-first search runs on the projection", "[graph][bgl]") {
  test::TempDir dir;
  const Projection graph = Network(dir);
  const Projection* g = &graph;
  std::vector<uint32_t> hops(g->node_count(), UINT32_MAX);
  hops[0] = 0;
  auto record = boost::record_distances(
      boost::make_iterator_property_map(hops.begin(), VertexIndexMap()), boost::on_tree_edge());
  boost::breadth_first_search(
      *g, 0u, boost::visitor(boost::make_bfs_visitor(record)).vertex_index_map(VertexIndexMap()));
  // From a: b 1, c 2, d 3, e 4 (d -- e is undirected, so d reaches e); f unreachable.
  CHECK(hops == std::vector<uint32_t>{0, 1, 2, 3, 4, UINT32_MAX});
}

TEST_CASE("strongly connected components, by hand", "[graph][bgl]") {
  test::TempDir dir;
  const Projection graph = Network(dir);
  const Projection* g = &graph;
  std::vector<uint32_t> scc;
  // {a, b, c} is a cycle; d and e reach each other (undirected tie); f alone: 3 components,
  // numbered by size, then by smallest member.
  CHECK(StronglyConnectedComponents(*g, &scc) == 3);
  CHECK(scc == std::vector<uint32_t>{0, 0, 0, 1, 1, 2});
  std::vector<uint32_t> weak;
  CHECK(ConnectedComponents(*g, &weak) == 2);
  CHECK(weak == std::vector<uint32_t>{0, 0, 0, 0, 0, 1});
}

}  // namespace
}  // namespace tiegraph
