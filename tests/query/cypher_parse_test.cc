// The parse stage: the shape of the tree for each construct, precedence, positions and the
// text kept for column names. Expected trees are derived by hand from the openCypher grammar
// and written in the notation of the test-only printer (cypher_ast_printer.h): clauses and
// expressions as S-expressions, patterns in Cypher's own notation.
#include <catch2/catch.hpp>

#include <string>
#include <variant>

#include <tiegraph/cypher_parser.h>

#include "cypher_ast_printer.h"

namespace tiegraph::cypher {
namespace {

std::string Tree(const std::string& query) {
  const auto result = Parse(query);
  if (!result.ok()) return "error: " + result.error().Render(query);
  return testing::AstPrinter::Print(*result);
}

// The tree of a single expression, written as RETURN's only item.
std::string Expr(const std::string& expression) {
  const std::string tree = Tree("RETURN " + expression);
  const std::string prefix = "(query (return ";
  if (tree.compare(0, prefix.size(), prefix) != 0) return tree;
  return tree.substr(prefix.size(), tree.size() - prefix.size() - 2);
}

// The tree of a WHERE predicate.
std::string Where(const std::string& predicate) {
  const std::string tree = Tree("MATCH (n) WHERE " + predicate + " RETURN n");
  const std::string prefix = "(query (match (n) (where ";
  if (tree.compare(0, prefix.size(), prefix) != 0) return tree;
  return tree.substr(prefix.size(),
                     tree.size() - prefix.size() - std::string(")) (return n))").size());
}

TEST_CASE("parse: reading clauses", "[cypher-parse]") {
  CHECK(Tree("MATCH (n) RETURN n") == "(query (match (n)) (return n))");
  CHECK(Tree("OPTIONAL MATCH (a), (b) WHERE a.x = 1 RETURN a") ==
        "(query (optional-match (a) (b) (where (= (. a x) 1))) (return a))");
  CHECK(Tree("UNWIND [1, 2] AS x RETURN x") == "(query (unwind (list 1 2) x) (return x))");
  CHECK(Tree("match (n) return n") == "(query (match (n)) (return n))");  // keywords: any case
  CHECK(Tree("MATCH (n) RETURN n;") == "(query (match (n)) (return n))");
}

TEST_CASE("parse: WITH and RETURN projections", "[cypher-parse]") {
  CHECK(Tree("RETURN *") == "(query (return *))");
  CHECK(Tree("MATCH (a) RETURN *, a.x AS y") == "(query (match (a)) (return * (as (. a x) y)))");
  CHECK(Tree("MATCH (n) RETURN DISTINCT n.name ORDER BY n.name DESC, n.age SKIP 2 LIMIT 3") ==
        "(query (match (n)) (return distinct (. n name) (order-by (desc (. n name)) (asc (. n "
        "age))) (skip 2) (limit 3)))");
  CHECK(Tree("MATCH (n) RETURN n ORDER BY n.a ASC, n.b ASCENDING, n.c DESCENDING") ==
        "(query (match (n)) (return n (order-by (asc (. n a)) (asc (. n b)) (desc (. n c)))))");
  CHECK(Tree("MATCH (n) WITH n, count(*) AS c ORDER BY c LIMIT 1 WHERE c > 1 RETURN n") ==
        "(query (match (n)) (with n (as (count *) c) (order-by (asc c)) (limit 1) (where (> c 1))) "
        "(return n))");
  CHECK(Tree("WITH DISTINCT 1 AS a RETURN a") == "(query (with distinct (as 1 a)) (return a))");
}

TEST_CASE("parse: a projection item keeps its text as written", "[cypher-parse]") {
  const std::string query = "MATCH (n) RETURN n.name, count( * ), n.x  +  1 AS y, `odd name`";
  const auto result = Parse(query);
  REQUIRE(result.ok());
  const auto& ret = std::get<ast::Return>(result->query.parts[0].clauses[1].node);
  REQUIRE(ret.projection.items.size() == 4);
  CHECK(ret.projection.items[0].text == "n.name");
  CHECK(ret.projection.items[0].alias.empty());
  CHECK(ret.projection.items[1].text == "count( * )");
  CHECK(ret.projection.items[2].text == "n.x  +  1");
  CHECK(ret.projection.items[2].alias == "y");
  CHECK(ret.projection.items[3].text == "`odd name`");
}

TEST_CASE("parse: updating clauses", "[cypher-parse]") {
  CHECK(Tree("CREATE (a:A {k: 1})-[:T]->(b), (c)") ==
        "(query (create (a:A {k: 1})-[:T]->(b) (c)))");
  CHECK(Tree("MERGE (a:A) ON CREATE SET a.x = 1 ON MATCH SET a += {y: 2} ON CREATE SET a:B") ==
        "(query (merge (a:A) (on-create (set-property (. a x) 1) (set-labels a B)) (on-match "
        "(set-merge a {y: 2}))))");
  CHECK(Tree("MATCH (a) SET a.p = 1, a = {q: 2}, a += $m, a:L1:L2, (a).r = 3") ==
        "(query (match (a)) (set (set-property (. a p) 1) (set-all a {q: 2}) (set-merge a $m) "
        "(set-labels a L1 L2) (set-property (. a r) 3)))");
  CHECK(Tree("MATCH (a) REMOVE a.p, a:L1:L2") ==
        "(query (match (a)) (remove (. a p) (labels a L1 L2)))");
  CHECK(Tree("MATCH (a)-[r]->() DELETE r, a") == "(query (match (a)-[r]->()) (delete r a))");
  CHECK(Tree("MATCH (a) DETACH DELETE a") == "(query (match (a)) (detach-delete a))");
  CHECK(Tree("MATCH (n) DELETE n:Person") == "(query (match (n)) (delete (labels n Person)))");
}

TEST_CASE("parse: CALL", "[cypher-parse]") {
  CHECK(Tree("CALL db.labels") == "(query (call db.labels))");
  CHECK(Tree("CALL db.labels()") == "(query (call db.labels (args)))");
  CHECK(Tree("CALL test.my.proc(1, 'a') YIELD out") ==
        "(query (call test.my.proc (args 1 'a') (yield out)))");
  CHECK(Tree("CALL p() YIELD *") == "(query (call p (args) (yield *)))");
  CHECK(Tree("CALL p(1) YIELD a AS b, c WHERE b > 1 RETURN b, c") ==
        "(query (call p (args 1) (yield (as a b) c) (where (> b 1))) (return b c))");
  CHECK(Tree("MATCH (n) CALL p(n) YIELD x RETURN x") ==
        "(query (match (n)) (call p (args n) (yield x)) (return x))");
}

TEST_CASE("parse: UNION and EXPLAIN", "[cypher-parse]") {
  CHECK(Tree("RETURN 1 AS a UNION RETURN 2 AS a") ==
        "(union (query (return (as 1 a))) (query (return (as 2 a))))");
  CHECK(Tree("RETURN 1 AS a UNION ALL RETURN 2 AS a UNION RETURN 3 AS a") ==
        "(union (union-all (query (return (as 1 a))) (query (return (as 2 a)))) (query (return "
        "(as 3 a))))");
  CHECK(Tree("EXPLAIN MATCH (n) RETURN n") == "(explain (query (match (n)) (return n)))");
}

TEST_CASE("parse: node and relationship patterns", "[cypher-parse]") {
  CHECK(Tree("MATCH (), (a), (:L), (a:L1:L2 {k: 1, j: 'x'}), (b $props) RETURN 1") ==
        "(query (match () (a) (:L) (a:L1:L2 {k: 1, j: 'x'}) (b $props)) (return 1))");
  CHECK(Tree("MATCH (a)-->(b)<--(c)--(d) RETURN 1") ==
        "(query (match (a)-[]->(b)<-[]-(c)-[]-(d)) (return 1))");
  // An arrow head at both ends reads as no direction.
  CHECK(Tree("MATCH (a)<-[r]->(b)<-->(c) RETURN 1") ==
        "(query (match (a)-[r]-(b)-[]-(c)) (return 1))");
  CHECK(Tree("MATCH (a)-[r:T1|T2|:T3 {w: 2}]->(b) RETURN 1") ==
        "(query (match (a)-[r:T1|T2|T3 {w: 2}]->(b)) (return 1))");
  CHECK(Tree("MATCH (a)-[:T $p]->(b) RETURN 1") == "(query (match (a)-[:T $p]->(b)) (return 1))");
}

TEST_CASE("parse: variable-length relationships", "[cypher-parse]") {
  const auto length = [](const std::string& detail) {
    const auto result = Parse("MATCH ()-[" + detail + "]->() RETURN 1");
    REQUIRE(result.ok());
    const auto& match = std::get<ast::Match>(result->query.parts[0].clauses[0].node);
    const auto& r = match.patterns[0].chain.steps[0].relationship;
    REQUIRE(r.length.has_value());
    return std::to_string(r.length->min.value_or(-1)) + "," +
           std::to_string(r.length->max.value_or(-1));
  };
  CHECK(length("*") == "-1,-1");
  CHECK(length("*2") == "2,2");
  CHECK(length("*1..3") == "1,3");
  CHECK(length("*..3") == "-1,3");
  CHECK(length("*2..") == "2,-1");
  CHECK(length("r:T*0..1") == "0,1");
  CHECK(Tree("MATCH (a)-[:T*1..3]-(b) RETURN 1") == "(query (match (a)-[:T*1..3]-(b)) (return 1))");
}

TEST_CASE("parse: named paths and shortest paths", "[cypher-parse]") {
  CHECK(Tree("MATCH p = (a)-->(b) RETURN p") == "(query (match p = (a)-[]->(b)) (return p))");
  CHECK(Tree("MATCH p = shortestPath((a)-[*]-(b)) RETURN p") ==
        "(query (match p = shortestPath (a)-[*]-(b)) (return p))");
  CHECK(Tree("MATCH allShortestPaths((a)-[*]->(b)) RETURN 1") ==
        "(query (match allShortestPaths (a)-[*]->(b)) (return 1))");
  CHECK(Tree("MATCH ((a)-->(b)) RETURN 1") == "(query (match (a)-[]->(b)) (return 1))");
}

TEST_CASE("parse: operator precedence follows the openCypher grammar", "[cypher-parse]") {
  CHECK(Expr("1 + 2 * 3") == "(+ 1 (* 2 3))");
  CHECK(Expr("(1 + 2) * 3") == "(* (+ 1 2) 3)");
  CHECK(Expr("1 - 2 - 3") == "(- (- 1 2) 3)");            // left-associative
  CHECK(Expr("8 / 4 % 3 * 2") == "(* (% (/ 8 4) 3) 2)");  // one level, left to right
  CHECK(Expr("2 ^ 3 ^ 2") == "(^ (^ 2 3) 2)");            // ^ is left-associative too
  CHECK(Expr("2 * 3 ^ 2") == "(* 2 (^ 3 2))");
  CHECK(Expr("-a ^ 2") == "(^ (neg a) 2)");  // unary minus binds tighter than ^
  CHECK(Expr("- -a") == "(neg (neg a))");
  CHECK(Expr("+a") == "(pos a)");
  CHECK(Expr("a OR b XOR c AND NOT d") == "(or a (xor b (and c (not d))))");
  CHECK(Expr("a AND b OR c") == "(or (and a b) c)");
  CHECK(Expr("NOT NOT a") == "(not (not a))");
  CHECK(Expr("NOT a = b") == "(not (= a b))");
  CHECK(Expr("a = b AND c <> d") == "(and (= a b) (<> c d))");
  CHECK(Expr("1 + 2 = 3") == "(= (+ 1 2) 3)");
  CHECK(Expr("a IN b = c") == "(= (in a b) c)");  // list predicates bind tighter than =
  CHECK(Expr("a + 1 IN l") == "(in (+ a 1) l)");
  CHECK(Expr("a.x IS NULL = true") == "(= (is-null (. a x)) true)");
  CHECK(Expr("a IS NOT NULL OR b IS NULL") == "(or (is-not-null a) (is-null b))");
  CHECK(Expr("s STARTS WITH 'a' AND s ENDS WITH 'b'") ==
        "(and (starts-with s 'a') (ends-with s 'b'))");
  CHECK(Expr("s CONTAINS 'a' + 'b'") == "(contains s (+ 'a' 'b'))");
  CHECK(Expr("s =~ 'a.*'") == "(=~ s 'a.*')");
  CHECK(Expr("-n.x") == "(neg (. n x))");
  CHECK(Expr("n.x[0].y") == "(. (index (. n x) 0) y)");
}

TEST_CASE("parse: chained comparisons", "[cypher-parse]") {
  CHECK(Expr("a < b") == "(< a b)");
  CHECK(Expr("a < b <= c") == "(chain a < b <= c)");
  CHECK(Expr("1 = 1 <> 2 > 0 >= 0") == "(chain 1 = 1 <> 2 > 0 >= 0)");
  const auto result = Parse("RETURN a < b <= c");
  REQUIRE(result.ok());
  const auto& ret = std::get<ast::Return>(result->query.parts[0].clauses[0].node);
  const auto& chain = std::get<ast::ComparisonChain>(ret.projection.items[0].expression->node);
  CHECK(chain.operands.size() == 3);
  CHECK(chain.operators == std::vector<ast::BinaryOperator>{ast::BinaryOperator::kLess,
                                                            ast::BinaryOperator::kLessEqual});
}

TEST_CASE("parse: literals", "[cypher-parse]") {
  CHECK(Expr("42") == "42");
  CHECK(Expr("-42") == "-42");
  CHECK(Expr("9223372036854775807") == "9223372036854775807");
  CHECK(Expr("-9223372036854775808") == "-9223372036854775808");
  CHECK(Expr("0x1F") == "31");
  CHECK(Expr("0XfF") == "255");
  CHECK(Expr("0o17") == "15");
  CHECK(Expr("-0x8000000000000000") == "-9223372036854775808");
  CHECK(Expr("1.5") == "1.5f");
  CHECK(Expr(".5") == "0.5f");
  CHECK(Expr("1e3") == "1000f");
  CHECK(Expr("1.5e-3") == "0.0015f");
  CHECK(Expr("-2.5") == "-2.5f");
  CHECK(Expr("true") == "true");
  CHECK(Expr("FALSE") == "false");
  CHECK(Expr("Null") == "null");
  CHECK(Expr("'a\\'b\"c'") == "'a'b\"c'");
  CHECK(Expr("\"say \\\"hi\\\"\"") == "'say \"hi\"'");
  CHECK(Expr("'\\\\ \\b\\f\\n\\r\\t'") == "'\\ \b\f\n\r\t'");
  CHECK(Expr("'\\u00e9\\U0001F600'") == "'\xC3\xA9\xF0\x9F\x98\x80'");
  CHECK(Expr("'\\uD83D\\uDE00'") == "'\xF0\x9F\x98\x80'");  // a UTF-16 surrogate pair
  CHECK(Expr("[]") == "(list)");
  CHECK(Expr("[1, 'a', [2]]") == "(list 1 'a' (list 2))");
  CHECK(Expr("{}") == "{}");
  CHECK(Expr("{a: 1, `b c`: [], return: 2}") == "{a: 1, b c: (list), return: 2}");
}

TEST_CASE("parse: names", "[cypher-parse]") {
  CHECK(Expr("`a``b`") == "a`b");
  CHECK(Expr("`MATCH`") == "MATCH");  // a backquoted keyword is a name
  CHECK(Tree("MATCH (사람:회사원 {이름: '김'}) RETURN 사람.이름") ==
        "(query (match (사람:회사원 {이름: '김'})) (return (. 사람 이름)))");
  CHECK(Expr("_x1") == "_x1");
  CHECK(Expr("n.`a b`") == "(. n a b)");
  CHECK(Expr("n.end") == "(. n end)");  // a keyword as a property key
}

TEST_CASE("parse: comments and white space", "[cypher-parse]") {
  CHECK(Tree("MATCH (n) // all nodes\nRETURN /* the node */ n") ==
        "(query (match (n)) (return n))");
  CHECK(Tree("MATCH\t(n)\r\nRETURN\xC2\xA0n") == "(query (match (n)) (return n))");  // NBSP
}

TEST_CASE("parse: postfix operators and label tests", "[cypher-parse]") {
  CHECK(Expr("l[1]") == "(index l 1)");
  CHECK(Expr("l[1..2]") == "(slice l 1 2)");
  CHECK(Expr("l[..2]") == "(slice l _ 2)");
  CHECK(Expr("l[1..]") == "(slice l 1 _)");
  CHECK(Expr("l[..]") == "(slice l _ _)");
  CHECK(Expr("m['k']") == "(index m 'k')");
  CHECK(Expr("n:A") == "(labels n A)");
  CHECK(Expr("n:A:B AND m:C") == "(and (labels n A B) (labels m C))");
  CHECK(Expr("$p.k") == "(. $p k)");
}

TEST_CASE("parse: functions, CASE, parameters", "[cypher-parse]") {
  CHECK(Expr("count(*)") == "(count *)");
  CHECK(Expr("count(DISTINCT n.x)") == "(count distinct (. n x))");
  CHECK(Expr("toUpper('a')") == "(toUpper 'a')");
  CHECK(Expr("rand()") == "(rand)");
  CHECK(Expr("date.truncate('day', d)") == "(date.truncate 'day' d)");
  CHECK(Expr("exists(n.prop)") == "(exists (. n prop))");
  CHECK(Expr("$name") == "$name");
  CHECK(Expr("$0") == "$0");
  CHECK(Expr("CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END") ==
        "(case x (when 1 'one') (when 2 'two') 'many')");
  CHECK(Expr("CASE WHEN a > 1 THEN 1 END") == "(case _ (when (> a 1) 1) _)");
}

TEST_CASE("parse: comprehensions, quantifiers, reduce, map projections", "[cypher-parse]") {
  CHECK(Expr("[x IN l]") == "(list-comp x l _ _)");
  CHECK(Expr("[x IN l WHERE x > 1]") == "(list-comp x l (> x 1) _)");
  CHECK(Expr("[x IN l | x * 2]") == "(list-comp x l _ (* x 2))");
  CHECK(Expr("[x IN range(1, 3) WHERE x % 2 = 1 | x]") ==
        "(list-comp x (range 1 3) (= (% x 2) 1) x)");
  CHECK(Expr("[(a)-->(b) | b.name]") == "(pattern-comp _ (a)-[]->(b) _ (. b name))");
  CHECK(Expr("[p = (a)-[:T]->(:B) WHERE a.x | p]") == "(pattern-comp p (a)-[:T]->(:B) (. a x) p)");
  CHECK(Expr("[(1), 2]") == "(list 1 2)");  // a parenthesized item, not a pattern
  CHECK(Expr("all(x IN l WHERE x > 0)") == "(all x l (> x 0))");
  CHECK(Expr("any(x IN l WHERE x)") == "(any x l x)");
  CHECK(Expr("none(x IN l WHERE x)") == "(none x l x)");
  CHECK(Expr("single(x IN l WHERE x)") == "(single x l x)");
  CHECK(Expr("reduce(s = 0, x IN l | s + x)") == "(reduce s 0 x l (+ s x))");
  CHECK(Expr("n {.a, .*, b: 1 + 1, c}") == "(map-proj n .a .* (b (+ 1 1)) c)");
  CHECK(Expr("n {}") == "(map-proj n)");
}

TEST_CASE("parse: pattern predicates and EXISTS", "[cypher-parse]") {
  CHECK(Where("(n)-->()") == "(pattern (n)-[]->())");
  CHECK(Where("NOT (n)-[:T]->(:L)") == "(not (pattern (n)-[:T]->(:L)))");
  CHECK(Where("(n)-->() AND (n)<--() OR n.x") ==
        "(or (and (pattern (n)-[]->()) (pattern (n)<-[]-())) (. n x))");
  CHECK(Where("((n)-->())") == "(pattern (n)-[]->())");
  CHECK(Where("exists((n)-->())") == "(exists (pattern (n)-[]->()))");
  CHECK(Where("(n)--1 > 0") == "(> (- n -1) 0)");  // an arithmetic reading: n - (-1)
  CHECK(Where("(n)") == "n");
  CHECK(Where("EXISTS { (n)-->(m) WHERE m.x = 1 }") ==
        "(exists (n)-[]->(m) (where (= (. m x) 1)))");
  CHECK(Where("EXISTS { MATCH (n)-->(m) RETURN m }") ==
        "(exists (query (match (n)-[]->(m)) (return m)))");
  CHECK(Expr("[x IN l WHERE (x)-->()]") == "(list-comp x l (pattern (x)-[]->()) _)");
  CHECK(Expr("CASE WHEN (a)-->() THEN 1 END") == "(case _ (when (pattern (a)-[]->()) 1) _)");
}

TEST_CASE("parse: nodes carry the position of the token that starts them", "[cypher-parse]") {
  const auto result = Parse("MATCH (a)\n  -[r]->(b)\nRETURN a.x + 1 AS y");
  REQUIRE(result.ok());
  const auto& clauses = result->query.parts[0].clauses;
  CHECK(clauses[0].position.line == 1);
  CHECK(clauses[0].position.column == 1);
  const auto& match = std::get<ast::Match>(clauses[0].node);
  CHECK(match.patterns[0].chain.start.position.column == 7);
  const auto& step = match.patterns[0].chain.steps[0];
  CHECK(step.relationship.position.line == 2);
  CHECK(step.relationship.position.column == 3);
  CHECK(step.node.position.column == 9);
  CHECK(clauses[1].position.line == 3);
  const auto& ret = std::get<ast::Return>(clauses[1].node);
  const auto& sum = *ret.projection.items[0].expression;
  CHECK(sum.position.line == 3);
  CHECK(sum.position.column == 8);
  const auto& right = *std::get<ast::Binary>(sum.node).right;
  CHECK(right.position.column == 14);

  // Columns count code points: each Hangul syllable is one column (and three bytes).
  const auto korean = Parse("RETURN '가나다' AS 이름, x");
  REQUIRE(korean.ok());
  const auto& items =
      std::get<ast::Return>(korean->query.parts[0].clauses[0].node).projection.items;
  CHECK(items[1].position.column == 21);
}

}  // namespace
}  // namespace tiegraph::cypher
