// The query engine (bind, plan, execute) on the in-memory graph: the read side. Expected rows
// are worked out by hand from the openCypher semantics; the kit's scenario is named where one
// matches.
#include <catch2/catch.hpp>

#include "cypher_engine_harness.h"

namespace tiegraph::cypher::testing {
namespace {

using Texts = std::vector<std::string>;

// Alice knows Bob (since 2010), Bob knows Carol (since 2015), Alice likes Carol. Carol's age is
// unknown.
void MakePeople(MemoryGraph* graph) {
  auto created = RunQuery(graph,
                          "CREATE (a:Person {name: 'Alice', age: 30}), "
                          "(b:Person {name: 'Bob', age: 25}), (c:Person {name: 'Carol'}), "
                          "(a)-[:KNOWS {since: 2010}]->(b), (b)-[:KNOWS {since: 2015}]->(c), "
                          "(a)-[:LIKES]->(c)");
  REQUIRE(created.ok());
}

TEST_CASE("MATCH returns every node, and a label narrows it (Match1 [1], [2])", "[cypher-engine]") {
  MemoryGraph graph;
  REQUIRE(RunQuery(&graph, "CREATE (:A), (:B {name: 'b'})").ok());
  CHECK(Rows(&graph, "MATCH (n) RETURN n") == Texts{"(:A)", "(:B {name: 'b'})"});
  CHECK(Rows(&graph, "MATCH (n:B) RETURN n.name") == Texts{"'b'"});
  CHECK(Rows(&graph, "MATCH (n:C) RETURN n").empty());
}

TEST_CASE("Column names are the alias, else the item as written", "[cypher-engine]") {
  MemoryGraph graph;
  MakePeople(&graph);
  auto output = RunQuery(&graph, "MATCH (p:Person) RETURN p.name, p.age AS years LIMIT 1");
  REQUIRE(output.ok());
  CHECK(output->columns == Texts{"p.name", "years"});
  CHECK(RowTexts(*output) == Texts{"'Alice' | 30"});
}

TEST_CASE("WHERE keeps rows whose predicate is true, not null", "[cypher-engine]") {
  MemoryGraph graph;
  MakePeople(&graph);
  CHECK(Rows(&graph, "MATCH (p:Person) WHERE p.age > 26 RETURN p.name") == Texts{"'Alice'"});
  // Carol's age is null: `NOT null > 26` is null too.
  CHECK(Rows(&graph, "MATCH (p:Person) WHERE NOT p.age > 26 RETURN p.name") == Texts{"'Bob'"});
  CHECK(Rows(&graph, "MATCH (p:Person) WHERE p.age IS NULL RETURN p.name") == Texts{"'Carol'"});
}

TEST_CASE("Relationship patterns follow direction, type and properties", "[cypher-engine]") {
  MemoryGraph graph;
  MakePeople(&graph);
  CHECK(Rows(&graph, "MATCH ({name: 'Alice'})-[r:KNOWS]->(b) RETURN b.name, r.since") ==
        Texts{"'Bob' | 2010"});
  CHECK(SortedRows(&graph, "MATCH (a)-[:KNOWS]-(b) RETURN a.name, b.name") ==
        Texts{"'Alice' | 'Bob'", "'Bob' | 'Alice'", "'Bob' | 'Carol'", "'Carol' | 'Bob'"});
  CHECK(SortedRows(&graph, "MATCH (a)<-[:KNOWS]-(b) RETURN a.name") == Texts{"'Bob'", "'Carol'"});
  CHECK(Rows(&graph, "MATCH (a)-[:KNOWS|LIKES]->({name: 'Carol'}) RETURN a.name ORDER BY a.name") ==
        Texts{"'Alice'", "'Bob'"});
  CHECK(Rows(&graph, "MATCH (a)-[:KNOWS {since: 2015}]->(b) RETURN a.name + '>' + b.name") ==
        Texts{"'Bob>Carol'"});
  // Two patterns of one MATCH never share a relationship (Match3, relationship uniqueness):
  // the only two-hop KNOWS walk is Alice, Bob, Carol.
  CHECK(Rows(&graph,
             "MATCH (a)-[:KNOWS]-(b)-[:KNOWS]-(c) WHERE a.name = 'Alice' "
             "RETURN c.name") == Texts{"'Carol'"});
}

TEST_CASE("ORDER BY, SKIP and LIMIT", "[cypher-engine]") {
  MemoryGraph graph;
  MakePeople(&graph);
  // null sorts after every value ascending, so first descending.
  CHECK(Rows(&graph, "MATCH (p:Person) RETURN p.name ORDER BY p.age DESC") ==
        Texts{"'Carol'", "'Alice'", "'Bob'"});
  CHECK(Rows(&graph, "MATCH (p:Person) RETURN p.name ORDER BY p.age") ==
        Texts{"'Bob'", "'Alice'", "'Carol'"});
  CHECK(Rows(&graph, "MATCH (p:Person) RETURN p.name AS n ORDER BY n SKIP 1 LIMIT 1") ==
        Texts{"'Bob'"});
  CHECK(Rows(&graph, "MATCH (p:Person) RETURN p.name ORDER BY p.name LIMIT 0").empty());
  CHECK(Rows(&graph, "UNWIND [3, 1, 2] AS x RETURN x ORDER BY x DESC SKIP $s",
             Params({{"s", Value(1)}})) == Texts{"2", "1"});
}

TEST_CASE("Aggregation groups by the items without aggregates", "[cypher-engine]") {
  MemoryGraph graph;
  MakePeople(&graph);
  CHECK(
      Rows(&graph, "MATCH (p:Person) RETURN count(*), count(p.age), avg(p.age), collect(p.name)") ==
      Texts{"3 | 2 | 27.5 | ['Alice', 'Bob', 'Carol']"});
  CHECK(Rows(&graph, "MATCH ()-[r]->() RETURN type(r) AS t, count(*) ORDER BY t") ==
        Texts{"'KNOWS' | 2", "'LIKES' | 1"});
  // No row in, one row out when nothing groups (Aggregation1); none when something does.
  CHECK(Rows(&graph, "MATCH (x:Nobody) RETURN count(x), collect(x)") == Texts{"0 | []"});
  CHECK(Rows(&graph, "MATCH (x:Nobody) RETURN x.name, count(x)").empty());
  CHECK(Rows(&graph, "UNWIND [1, 2, 2, null] AS x RETURN count(DISTINCT x), sum(x), max(x)") ==
        Texts{"2 | 5 | 2"});
  CHECK(Rows(&graph,
             "MATCH (a)-[:KNOWS]->(b) WITH a, count(b) AS n WHERE n > 0 "
             "RETURN a.name, n ORDER BY a.name") == Texts{"'Alice' | 1", "'Bob' | 1"});
  CHECK(Rows(&graph, "UNWIND [1, 2, 3] AS x RETURN x % 2 AS odd, sum(x) ORDER BY sum(x)") ==
        Texts{"0 | 2", "1 | 4"});
}

TEST_CASE("DISTINCT treats 1 and 1.0, and null and null, as one", "[cypher-engine]") {
  MemoryGraph graph;
  CHECK(Rows(&graph, "UNWIND [1, 1.0, 2, null, null] AS x RETURN DISTINCT x") ==
        Texts{"1", "2", "null"});
}

TEST_CASE("UNWIND and WITH", "[cypher-engine]") {
  MemoryGraph graph;
  CHECK(Rows(&graph, "UNWIND [1, 2, 3] AS x WITH x WHERE x % 2 = 1 RETURN collect(x)") ==
        Texts{"[1, 3]"});
  CHECK(Rows(&graph, "UNWIND [] AS x RETURN x").empty());
  CHECK(Rows(&graph, "UNWIND null AS x RETURN x").empty());
  CHECK(Rows(&graph, "UNWIND [[1, 2], [3]] AS xs UNWIND xs AS x RETURN x") == Texts{"1", "2", "3"});
  CHECK(Rows(&graph, "WITH 1 AS a, 2 AS b RETURN *") == Texts{"1 | 2"});
  // More rows than one batch holds, from one input batch.
  CHECK(Rows(&graph,
             "UNWIND range(1, 50) AS a UNWIND range(1, 50) AS b RETURN count(*), "
             "sum(a * b)") == Texts{"2500 | 1625625"});
  CHECK(Rows(&graph,
             "UNWIND range(1, 50) AS a UNWIND range(1, 50) AS b "
             "RETURN a, b SKIP 1100 LIMIT 2") == Texts{"23 | 1", "23 | 2"});
  CHECK(Rows(&graph, "WITH {a: 1} AS m RETURN m.a, m['a']") == Texts{"1 | 1"});
  // WITH's WHERE also sees the variables before it (WithWhere7 [3]).
  CHECK(Rows(&graph, "UNWIND [1, 2] AS x WITH x AS y WHERE x > 1 RETURN y") == Texts{"2"});
}

TEST_CASE("Expressions: operators, null logic, CASE, lists and maps", "[cypher-engine]") {
  MemoryGraph graph;
  CHECK(Rows(&graph, "RETURN 1 + 2 * 3, 'a' + 1, 7 / 2, 2 ^ 3, -(3 % 2)") ==
        Texts{"7 | 'a1' | 3 | 8.0 | -1"});
  CHECK(Rows(&graph, "RETURN null = null, null IS NULL, 1 IN [1, null], 2 IN [1, null]") ==
        Texts{"null | true | true | null"});
  CHECK(Rows(&graph, "RETURN 1 < 2 < 3, 1 < 3 < 2, true AND null, false AND null") ==
        Texts{"true | false | null | false"});
  CHECK(Rows(&graph,
             "RETURN CASE 2 WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END, "
             "CASE WHEN 1 > 2 THEN 'x' END") == Texts{"'b' | null"});
  CHECK(Rows(&graph,
             "RETURN [x IN range(1, 5) WHERE x % 2 = 0 | x * 10], "
             "reduce(s = 0, x IN [1, 2, 3] | s + x)") == Texts{"[20, 40] | 6"});
  CHECK(Rows(&graph,
             "RETURN all(x IN [1, 2] WHERE x > 0), any(x IN [1, null] WHERE x > 1), "
             "none(x IN [] WHERE x > 0), single(x IN [1, 2] WHERE x = 2)") ==
        Texts{"true | null | true | true"});
  CHECK(Rows(&graph, "RETURN [1, 2, 3, 4][1..3], [1, 2, 3][-1], {a: 1}.a, {a: 1}['b']") ==
        Texts{"[2, 3] | 3 | 1 | null"});
  CHECK(Rows(&graph, "RETURN 'abc' STARTS WITH 'a', 'abc' =~ 'a.*', size('héllo')") ==
        Texts{"true | true | 5"});
  CHECK(Rows(&graph, "RETURN $x + 1", Params({{"x", Value(41)}})) == Texts{"42"});
}

TEST_CASE("Graph expressions: map projections, pattern predicates and comprehensions",
          "[cypher-engine]") {
  MemoryGraph graph;
  MakePeople(&graph);
  CHECK(Rows(&graph, "MATCH (p:Person {name: 'Alice'}) RETURN p {.name, .missing, x: 1}") ==
        Texts{"{missing: null, name: 'Alice', x: 1}"});
  CHECK(Rows(&graph, "MATCH (a {name: 'Alice'}) RETURN [(a)-->(b) | b.name]") ==
        Texts{"['Bob', 'Carol']"});
  CHECK(Rows(&graph, "MATCH (a:Person) WHERE (a)-[:LIKES]->() RETURN a.name") == Texts{"'Alice'"});
  CHECK(Rows(&graph, "MATCH (a:Person) WHERE NOT (a)-->() RETURN a.name") == Texts{"'Carol'"});
  // EXISTS with a pattern, and with a full query run from each row (ExistentialSubquery1, 2).
  CHECK(Rows(&graph,
             "MATCH (a:Person) WHERE EXISTS { (a)-[:KNOWS]->(b) WHERE b.age IS NULL } "
             "RETURN a.name") == Texts{"'Bob'"});
  CHECK(Rows(&graph,
             "MATCH (a:Person) WHERE EXISTS { MATCH (a)-->(b) WITH b WHERE b.age < 30 "
             "RETURN b } RETURN a.name") == Texts{"'Alice'"});
  CHECK(Rows(&graph,
             "MATCH (a {name: 'Bob'})-[r]->(b) RETURN labels(a), keys(r), "
             "startNode(r).name, endNode(r).name, id(a)") ==
        Texts{"['Person'] | ['since'] | 'Bob' | 'Carol' | 1"});
}

TEST_CASE("OPTIONAL MATCH extends with nulls (OptionalMatch1)", "[cypher-engine]") {
  MemoryGraph graph;
  MakePeople(&graph);
  CHECK(Rows(&graph,
             "MATCH (p:Person) OPTIONAL MATCH (p)-[:LIKES]->(q) "
             "RETURN p.name, q.name ORDER BY p.name") ==
        Texts{"'Alice' | 'Carol'", "'Bob' | null", "'Carol' | null"});
  CHECK(Rows(&graph, "OPTIONAL MATCH (n:Nobody) RETURN n") == Texts{"null"});
  CHECK(Rows(&graph,
             "MATCH (p:Person {name: 'Bob'}) OPTIONAL MATCH (p)-->(q) WHERE q.age > 99 "
             "RETURN q") == Texts{"null"});
}

TEST_CASE("Variable-length relationships, named paths, shortest paths", "[cypher-engine]") {
  MemoryGraph graph;
  MakePeople(&graph);
  CHECK(Rows(&graph, "MATCH ({name: 'Alice'})-[:KNOWS*1..2]->(b) RETURN b.name ORDER BY b.name") ==
        Texts{"'Bob'", "'Carol'"});
  CHECK(Rows(&graph, "MATCH ({name: 'Alice'})-[:KNOWS*0..]->(b) RETURN b.name ORDER BY b.name") ==
        Texts{"'Alice'", "'Bob'", "'Carol'"});
  CHECK(Rows(&graph, "MATCH ({name: 'Alice'})-[r:KNOWS*2]->() RETURN [x IN r | x.since]") ==
        Texts{"[2010, 2015]"});
  CHECK(Rows(&graph,
             "MATCH p = ({name: 'Alice'})-[:KNOWS*2]->() "
             "RETURN length(p), [n IN nodes(p) | n.name]") ==
        Texts{"2 | ['Alice', 'Bob', 'Carol']"});
  CHECK(Rows(&graph, "MATCH p = (:Person {name: 'Carol'})<-[:LIKES]-() RETURN p") ==
        Texts{"<(:Person {name: 'Carol'})<-[:LIKES]-(:Person {age: 30, name: 'Alice'})>"});
  CHECK(Rows(&graph,
             "MATCH (a {name: 'Alice'}), (c {name: 'Carol'}) "
             "MATCH p = shortestPath((a)-[*]-(c)) RETURN length(p)") == Texts{"1"});
  CHECK(Rows(&graph,
             "MATCH (a {name: 'Alice'}), (c {name: 'Carol'}) "
             "MATCH p = allShortestPaths((a)-[:KNOWS*]-(c)) "
             "RETURN [n IN nodes(p) | n.name]") == Texts{"['Alice', 'Bob', 'Carol']"});
}

TEST_CASE("UNION removes duplicate rows, UNION ALL keeps them (Union1, Union2)",
          "[cypher-engine]") {
  MemoryGraph graph;
  CHECK(Rows(&graph, "RETURN 1 AS a UNION RETURN 1 AS a") == Texts{"1"});
  CHECK(Rows(&graph, "RETURN 1 AS a UNION ALL RETURN 1 AS a") == Texts{"1", "1"});
}

TEST_CASE("EXPLAIN gives the plan and no rows", "[cypher-engine]") {
  MemoryGraph graph;
  MakePeople(&graph);
  auto output = RunQuery(&graph, "EXPLAIN MATCH (n:Person) WHERE n.age > 1 RETURN n.name");
  REQUIRE(output.ok());
  CHECK(output->rows.empty());
  CHECK(output->columns == Texts{"n.name"});
  CHECK(output->plan ==
        "Produce n.name\n"
        "  Project n.name\n"
        "    Filter\n"
        "      NodeScan n:Person\n");
  auto optional = RunQuery(&graph,
                           "EXPLAIN MATCH (a) OPTIONAL MATCH (a)-[r:KNOWS*1..2]->(b) "
                           "RETURN a, count(b) ORDER BY a LIMIT 2");
  REQUIRE(optional.ok());
  CHECK(optional->plan ==
        "Produce a, count(b)\n"
        "  Limit\n"
        "    Sort\n"
        "      Aggregate a, count(b)\n"
        "        Optional\n"
        "          Expand -[r:KNOWS*1..2]-> b\n"
        "            Filter a\n"
        "          NodeScan a\n");
}

TEST_CASE("Limits: rows and time", "[cypher-engine]") {
  MemoryGraph graph;
  ExecuteOptions rows;
  rows.max_rows = 10;
  CHECK(ErrorOf(&graph, "UNWIND range(1, 100) AS x RETURN x", rows) == "LimitExceeded/RowLimit");
  ExecuteOptions memory;
  memory.max_memory_bytes = 1000;
  CHECK(ErrorOf(&graph, "UNWIND range(1, 100) AS x RETURN x ORDER BY x", memory) ==
        "LimitExceeded/MemoryLimit");
  ExecuteOptions time;
  time.timeout = std::chrono::milliseconds(0);
  CHECK(ErrorOf(&graph, "UNWIND range(1, 100000) AS x RETURN count(*)", time) == "Timeout/Timeout");
}

TEST_CASE("Limits: the length of a variable-length walk", "[cypher-engine]") {
  MemoryGraph graph;
  // A chain 0 -> 1 -> … -> 5: from node 0, one path of each length 1 to 5.
  REQUIRE(RunQuery(&graph,
                   "UNWIND range(0, 4) AS i MERGE (a:N {i: i}) MERGE (b:N {i: i + 1}) "
                   "CREATE (a)-[:NEXT]->(b)")
              .ok());
  const std::string_view walk = "MATCH (:N {i: 0})-[*]->(b) RETURN count(b)";
  ExecuteOptions short_walks;
  short_walks.max_path_length = 3;
  CHECK(ErrorOf(&graph, walk, short_walks) == "LimitExceeded/PathLengthLimit");
  // A bound within the limit never meets it; a limit the walks stay within neither.
  CHECK(Rows(&graph, "MATCH (:N {i: 0})-[*1..3]->(b) RETURN count(b)", short_walks) ==
        std::vector<std::string>{"3"});
  ExecuteOptions enough;
  enough.max_path_length = 5;
  CHECK(Rows(&graph, walk, enough) == std::vector<std::string>{"5"});
}

}  // namespace
}  // namespace tiegraph::cypher::testing
