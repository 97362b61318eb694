// The query engine's compile-time errors (the bind stage) and runtime errors, in the classes
// and codes of the conformance kit.
#include <catch2/catch.hpp>

#include "cypher_engine_harness.h"

namespace tiegraph::cypher::testing {
namespace {

TEST_CASE("Compile-time errors carry the kit's codes", "[cypher-engine]") {
  MemoryGraph graph;
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"MATCH (a) RETURN b", "SyntaxError/UndefinedVariable"},
      {"MATCH (a)-[r]->()-[r]->(a) RETURN r",  // Match3 [29]
       "SyntaxError/RelationshipUniquenessViolation"},
      {"WITH true AS n MATCH (n) RETURN n", "SyntaxError/VariableTypeConflict"},  // Match1 [11]
      {"WITH 123 AS x RETURN x.num", "TypeError/InvalidArgumentType"},            // Graph6 [9]
      {"MATCH (n) DELETE 1 + 1", "SyntaxError/InvalidArgumentType"},              // Delete5 [9]
      {"MATCH (a) CREATE (a:L)", "SyntaxError/VariableAlreadyBound"},             // Create1
      {"MATCH (a) CREATE (a)", "SyntaxError/VariableAlreadyBound"},
      {"MATCH (a)-[r]->(b) MATCH (r) RETURN r", "SyntaxError/VariableTypeConflict"},
      {"MATCH p = (a) MATCH (a)-[p]->() RETURN p", "SyntaxError/VariableTypeConflict"},
      {"RETURN foo(1)", "SyntaxError/UnknownFunction"},
      {"RETURN toInteger(1, 2)", "SyntaxError/InvalidNumberOfArguments"},
      {"MATCH (a) WHERE count(a) > 1 RETURN a", "SyntaxError/InvalidAggregation"},
      {"RETURN count(count(*))", "SyntaxError/InvalidAggregation"},
      {"MATCH (me)--(you) WITH me.age + count(you.age) AS agg RETURN *",  // With6 [8]
       "SyntaxError/AmbiguousAggregationExpression"},
      {"CREATE (a)-[:A|B]->(b)", "SyntaxError/NoSingleRelationshipType"},
      {"CREATE (a)-[]->(b)", "SyntaxError/NoSingleRelationshipType"},
      {"CREATE ()-[:T*2]->()", "SyntaxError/CreatingVarLength"},
      {"MERGE (a)-[:T*2]->(b)", "SyntaxError/CreatingVarLength"},
      {"CREATE (a)-[:T]-(b)", "SyntaxError/RequiresDirectedRelationship"},
      {"MATCH (n) RETURN n SKIP n.count",
       "SyntaxError/NonConstantExpression"},  // ReturnSkipLimit1 [5]
      {"MATCH (n) RETURN n LIMIT -1", "SyntaxError/NegativeIntegerArgument"},
      {"MATCH (n) RETURN n SKIP 1.5", "SyntaxError/InvalidArgumentType"},
      {"RETURN NOT 0", "SyntaxError/InvalidArgumentType"},
      {"RETURN none(x IN ['Clara'] WHERE x % 2 = 0)",  // Quantifier1 [15]
       "SyntaxError/InvalidArgumentType"},
      {"RETURN 1 AS a, 2 AS a", "SyntaxError/ColumnNameConflict"},  // Return4 [10]
      {"RETURN 1 AS a UNION RETURN 2 AS b", "SyntaxError/DifferentColumnsInUnion"},
      {"RETURN 1 AS a UNION RETURN 2 AS a UNION ALL RETURN 3 AS a",  // Union3 [1]
       "SyntaxError/InvalidClauseComposition"},
      {"MATCH (n)", "SyntaxError/InvalidClauseComposition"},
      {"MATCH (n) WHERE EXISTS { MATCH (n)-->(m) SET m.x = 1 } RETURN n",  // ExistentialSubquery2
       "SyntaxError/InvalidClauseComposition"},
      {"MATCH (n) WHERE (n) RETURN n", "SyntaxError/InvalidArgumentType"},  // Pattern1 [11]
      {"MATCH (n) DELETE n:Person", "SyntaxError/InvalidDelete"},           // Delete1 [8]
      {"MATCH (n $param) RETURN n", "SyntaxError/InvalidParameterUse"},     // Match1 [6]
      {"RETURN $missing", "ParameterMissing/MissingParameter"},
      {"MATCH (a) WITH a.x AS x RETURN a", "SyntaxError/UndefinedVariable"},
      {"UNWIND [1] AS x UNWIND [2] AS x RETURN x", "SyntaxError/VariableAlreadyBound"},
  };
  for (const auto& [query, expected] : cases) {
    INFO(query);
    CHECK(ErrorOf(&graph, query) == expected);
  }
}

TEST_CASE("A compile-time error points at its place", "[cypher-engine]") {
  MemoryGraph graph;
  auto output = RunQuery(&graph, "MATCH (a)\nRETURN a, b");
  REQUIRE_FALSE(output.ok());
  CHECK(output.error().code == "UndefinedVariable");
  CHECK(output.error().position.line == 2);
  CHECK(output.error().position.column == 11);
}

TEST_CASE("Runtime errors carry the kit's codes", "[cypher-engine]") {
  MemoryGraph graph;
  CHECK(ErrorOf(&graph, "WITH {a: 1} AS m RETURN m[0]") == "TypeError/MapElementAccessByNonString");
  CHECK(ErrorOf(&graph, "RETURN range(1, 5, 0)") == "ArgumentError/NumberOutOfRange");
  CHECK(ErrorOf(&graph, "UNWIND [1, 'a'] AS x RETURN sum(x)") == "TypeError/InvalidArgumentType");
  CHECK(ErrorOf(&graph, "RETURN 1 / 0") == "ArithmeticError/DivisionByZero");
  CHECK(ErrorOf(&graph, "WITH -1 AS n RETURN 1 LIMIT $n", Params({{"n", Value(-1)}})) ==
        "SyntaxError/NegativeIntegerArgument");
}

}  // namespace
}  // namespace tiegraph::cypher::testing
