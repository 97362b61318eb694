// The query engine's updating clauses on the in-memory graph: CREATE, SET, REMOVE, DELETE,
// MERGE, with the side effects the conformance kit counts.
#include <catch2/catch.hpp>

#include "cypher_engine_harness.h"

namespace tiegraph::cypher::testing {
namespace {

using Texts = std::vector<std::string>;

SideEffects EffectsOf(MemoryGraph* graph, std::string_view text) {
  auto output = RunQuery(graph, text);
  if (!output.ok()) FAIL(output.error().Render(text));
  return output->effects;
}

TEST_CASE("CREATE makes nodes and relationships (Create1, Create2)", "[cypher-engine]") {
  MemoryGraph graph;
  SideEffects effects = EffectsOf(&graph, "CREATE (n:A {x: 1, y: null})");
  CHECK(effects.nodes_created == 1);
  CHECK(effects.labels_added == 1);
  CHECK(effects.properties_set == 1);
  effects = EffectsOf(&graph, "MATCH (a:A) CREATE (a)-[:T {w: 2}]->(b:B), (a)<-[:U]-(b)");
  CHECK(effects.nodes_created == 1);
  CHECK(effects.relationships_created == 2);
  CHECK(Rows(&graph, "MATCH (a:A)-[r]->(b) RETURN type(r), b") == Texts{"'T' | (:B)"});
  CHECK(Rows(&graph, "MATCH (a:A)<-[r]-(b) RETURN type(r)") == Texts{"'U'"});
  CHECK(Rows(&graph, "CREATE p = (:C)-[:V]->(:D) RETURN length(p)") == Texts{"1"});
  // A clause reads all its input before it writes: no endless loop.
  CHECK(EffectsOf(&graph, "MATCH (n) CREATE (:Copy)").nodes_created == 4);
  auto output = RunQuery(&graph, "CREATE (:E)");
  REQUIRE(output.ok());
  CHECK(output->writes);
  CHECK(output->columns.empty());
  CHECK(output->rows.empty());
}

TEST_CASE("SET and REMOVE change properties and labels (Set1-5, Remove1-3)", "[cypher-engine]") {
  MemoryGraph graph;
  REQUIRE(RunQuery(&graph, "CREATE (:A {x: 1})").ok());
  CHECK(Rows(&graph, "MATCH (n:A) SET n.y = 2, n:B RETURN n") == Texts{"(:A:B {x: 1, y: 2})"});
  CHECK(Rows(&graph, "MATCH (n:A) REMOVE n.x, n:B RETURN n") == Texts{"(:A {y: 2})"});
  CHECK(Rows(&graph, "MATCH (n:A) SET n = {z: 3} RETURN n") == Texts{"(:A {z: 3})"});
  CHECK(Rows(&graph, "MATCH (n:A) SET n += {w: 4, z: null} RETURN n") == Texts{"(:A {w: 4})"});
  CHECK(Rows(&graph, "MATCH (n:A) SET n.w = n.w + 1 RETURN n.w") == Texts{"5"});
  SideEffects effects = EffectsOf(&graph, "MATCH (n:A) SET n.w = null");
  CHECK(effects.properties_removed == 1);
  // SET on the null of an OPTIONAL MATCH does nothing.
  CHECK(Rows(&graph, "OPTIONAL MATCH (n:Nobody) SET n.x = 1 RETURN n") == Texts{"null"});
  CHECK(ErrorOf(&graph, "MATCH (n:A) SET n.m = {a: 1}") == "TypeError/InvalidPropertyType");
}

TEST_CASE("DELETE: connected nodes need DETACH (Delete1)", "[cypher-engine]") {
  MemoryGraph graph;
  REQUIRE(RunQuery(&graph, "CREATE (:X)-[:R]->(:Y)").ok());
  CHECK(ErrorOf(&graph, "MATCH (n:X) DELETE n") ==
        "ConstraintVerificationFailed/DeleteConnectedNode");
  // Deleting the relationship in the same clause frees the node.
  SideEffects effects = EffectsOf(&graph, "MATCH (n:X)-[r]->() DELETE n, r");
  CHECK(effects.nodes_deleted == 1);
  CHECK(effects.relationships_deleted == 1);
  REQUIRE(RunQuery(&graph, "MATCH (y:Y) CREATE (y)-[:R]->(:Z)").ok());
  effects = EffectsOf(&graph, "MATCH (n:Y) DETACH DELETE n");
  CHECK(effects.nodes_deleted == 1);
  CHECK(effects.relationships_deleted == 1);
  CHECK(graph.live_nodes() == 1);
  CHECK(graph.live_relationships() == 0);
}

TEST_CASE("A deleted entity's properties cannot be read (Delete4)", "[cypher-engine]") {
  MemoryGraph graph;
  REQUIRE(RunQuery(&graph, "CREATE ({x: 1})").ok());
  CHECK(ErrorOf(&graph, "MATCH (n) DELETE n RETURN n.x") == "EntityNotFound/DeletedEntityAccess");
}

TEST_CASE("DELETE of a path removes its nodes and relationships (Delete5)", "[cypher-engine]") {
  MemoryGraph graph;
  REQUIRE(RunQuery(&graph, "CREATE (:P)-[:R]->()-[:R]->()").ok());
  SideEffects effects = EffectsOf(&graph,
                                  "MATCH p = (:P)-[*]->() WITH p ORDER BY length(p) DESC "
                                  "LIMIT 1 DELETE p");
  CHECK(effects.nodes_deleted == 3);
  CHECK(effects.relationships_deleted == 2);
}

TEST_CASE("MERGE matches or creates, with ON CREATE and ON MATCH (Merge1-3)", "[cypher-engine]") {
  MemoryGraph graph;
  const char* merge =
      "MERGE (a:A {k: 1}) ON CREATE SET a.created = true ON MATCH SET a.matched = true "
      "RETURN a";
  CHECK(Rows(&graph, merge) == Texts{"(:A {created: true, k: 1})"});
  CHECK(Rows(&graph, merge) == Texts{"(:A {created: true, k: 1, matched: true})"});
  // Later rows see what earlier rows created.
  CHECK(EffectsOf(&graph, "UNWIND [1, 1, 2] AS k MERGE (:M {k: k})").nodes_created == 2);
  const char* relate = "MATCH (a:A), (b:M {k: 1}) MERGE (a)-[r:T]->(b) RETURN type(r)";
  CHECK(Rows(&graph, relate) == Texts{"'T'"});
  CHECK(EffectsOf(&graph, relate).relationships_created == 0);
  CHECK(EffectsOf(&graph, "MATCH (a:A), (b:M {k: 2}) MERGE (a)-[:T]-(b)").relationships_created ==
        1);
}

}  // namespace
}  // namespace tiegraph::cypher::testing
