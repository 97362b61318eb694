// The parse stage's errors: the conformance kit's detail code, the position of the offending
// token (line and column in code points, after several lines and after Korean text), the
// message saying what was expected, the rendering with its caret, and the bounded nesting.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include <tiegraph/cypher_parser.h>

namespace tiegraph::cypher {
namespace {

QueryError ErrorOf(const std::string& query) {
  const auto result = Parse(query);
  if (result.ok()) {
    FAIL_CHECK("parsed, but should not have: " << query);
    return QueryError{};
  }
  CHECK(result.error().error_class == ErrorClass::kSyntaxError);
  return result.error();
}

// "Code@line:column".
std::string CodeAt(const std::string& query) {
  const QueryError error = ErrorOf(query);
  return error.code + "@" + std::to_string(error.position.line) + ":" +
         std::to_string(error.position.column);
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST_CASE("parse errors: unexpected syntax names what was expected", "[cypher-parse]") {
  const QueryError unclosed = ErrorOf("MATCH (n RETURN n");
  CHECK(unclosed.code == "UnexpectedSyntax");
  CHECK(unclosed.position.line == 1);
  CHECK(unclosed.position.column == 10);
  CHECK(unclosed.message == "expected ')' to close the node pattern opened at 1:7, found 'RETURN'");

  CHECK(CodeAt("") == "UnexpectedSyntax@1:1");
  CHECK(CodeAt("RETURN") == "UnexpectedSyntax@1:7");
  CHECK(CodeAt("MATCH (n) RETURN n ORDER n") == "UnexpectedSyntax@1:26");
  CHECK(ErrorOf("MATCH (n) RETURN n ORDER n").message == "expected BY after ORDER, found 'n'");
  CHECK(CodeAt("RETURN 1 MATCH (n)") == "UnexpectedSyntax@1:10");
  CHECK(ErrorOf("RETURN 1 MATCH (n)").message ==
        "expected the end of the query or UNION after RETURN, found 'MATCH'");
  CHECK(CodeAt("RETURN [[[]] AS literal") == "UnexpectedSyntax@1:14");
  CHECK(CodeAt("RETURN [[','[]',']] AS literal") == "UnexpectedSyntax@1:14");
  CHECK(CodeAt("RETURN {k1.k: 1}") == "UnexpectedSyntax@1:11");
  CHECK(CodeAt("RETURN {1} AS literal") == "UnexpectedSyntax@1:9");
  CHECK(CodeAt("RETURN {{}} AS literal") == "UnexpectedSyntax@1:9");
  CHECK(CodeAt("RETURN {k: {k: {}} AS literal") == "UnexpectedSyntax@1:20");
  // A malformed number where a key is due is out of place rather than a bad literal.
  CHECK(CodeAt("RETURN {1B2c3e67:1} AS literal") == "UnexpectedSyntax@1:9");
  CHECK(CodeAt("RETURN CASE WHEN true THEN 1") == "UnexpectedSyntax@1:29");
  CHECK(ErrorOf("RETURN CASE WHEN true THEN 1").message ==
        "expected END to close the CASE opened at 1:8, found the end of the query");
  CHECK(CodeAt("RETURN 'unterminated") == "UnexpectedSyntax@1:8");
  CHECK(CodeAt("RETURN 1 /* unterminated") == "UnexpectedSyntax@1:10");
  CHECK(CodeAt("RETURN `unterminated") == "UnexpectedSyntax@1:8");
  CHECK(CodeAt("RETURN 'a\\qb'") == "UnexpectedSyntax@1:10");
  CHECK(CodeAt("RETURN 1 # 2") == "UnexpectedSyntax@1:10");
  CHECK(CodeAt("MATCH (n) WHERE n.x = RETURN n") == "UnexpectedSyntax@1:23");
}

TEST_CASE("parse errors: patterns as values only where a predicate is due", "[cypher-parse]") {
  CHECK(CodeAt("MATCH (n) WITH (n)-[]->() AS x RETURN x") == "UnexpectedSyntax@1:16");
  CHECK(CodeAt("MATCH (n) SET n.prop = head(nodes(head((n)-[:REL]->()))).foo") ==
        "UnexpectedSyntax@1:40");
  CHECK(CodeAt("MATCH (n) RETURN size((n)-->())") == "UnexpectedSyntax@1:23");
  CHECK(CodeAt("MATCH (n) WHERE (n)-->() = true RETURN n") == "UnexpectedSyntax@1:17");
  CHECK(CodeAt("RETURN CASE (a)-->() WHEN true THEN 1 END") == "UnexpectedSyntax@1:13");
}

TEST_CASE("parse errors: SET and REMOVE items", "[cypher-parse]") {
  CHECK(CodeAt("MATCH (n) SET n") == "UnexpectedSyntax@1:16");
  CHECK(ErrorOf("MATCH (n) SET n").message ==
        "expected '=', '+=' or ':' after the variable to SET, found the end of the query");
  CHECK(CodeAt("MATCH (n) SET 1 = 2") == "UnexpectedSyntax@1:15");
  CHECK(CodeAt("MATCH (n) SET n.x += 1") == "UnexpectedSyntax@1:19");
  CHECK(CodeAt("MATCH (n) REMOVE n") == "UnexpectedSyntax@1:19");
  CHECK(CodeAt("MERGE (n) ON DELETE SET n.x = 1") == "UnexpectedSyntax@1:14");
}

TEST_CASE("parse errors: standalone CALL forms", "[cypher-parse]") {
  CHECK(CodeAt("CALL p('a', 1) YIELD * RETURN city") == "UnexpectedSyntax@1:22");
  CHECK(CodeAt("CALL db.labels YIELD label RETURN label") == "UnexpectedSyntax@1:16");
  CHECK(CodeAt("MATCH (n) CALL db.labels") == "UnexpectedSyntax@1:25");
}

TEST_CASE("parse errors: invalid number literals", "[cypher-parse]") {
  CHECK(CodeAt("RETURN 0x AS literal") == "InvalidNumberLiteral@1:8");
  CHECK(CodeAt("RETURN 0x1A2b3j4D5E6f7") == "InvalidNumberLiteral@1:8");
  CHECK(CodeAt("RETURN 0o18") == "InvalidNumberLiteral@1:8");
  CHECK(CodeAt("RETURN 1e") == "InvalidNumberLiteral@1:8");
  CHECK(CodeAt("RETURN 1.5e+") == "InvalidNumberLiteral@1:8");
  CHECK(CodeAt("RETURN 9x") == "InvalidNumberLiteral@1:8");
  CHECK(CodeAt("RETURN 9223372h54775808 AS literal") == "InvalidNumberLiteral@1:8");
  CHECK(ErrorOf("RETURN 9x").message == "'9x' is not a valid number");
}

TEST_CASE("parse errors: integer overflow", "[cypher-parse]") {
  CHECK(CodeAt("RETURN 9223372036854775808") == "IntegerOverflow@1:8");
  CHECK(CodeAt("RETURN -9223372036854775809") == "IntegerOverflow@1:9");
  CHECK(CodeAt("RETURN 99999999999999999999999") == "IntegerOverflow@1:8");
  CHECK(CodeAt("RETURN 0x8000000000000000 AS literal") == "IntegerOverflow@1:8");
  CHECK(CodeAt("RETURN -0x8000000000000001 AS literal") == "IntegerOverflow@1:9");
  CHECK(CodeAt("RETURN 0o1000000000000000000000 AS literal") == "IntegerOverflow@1:8");
  CHECK(CodeAt("RETURN -0o1000000000000000000001 AS literal") == "IntegerOverflow@1:9");
  CHECK(Parse("RETURN -0o1000000000000000000000").ok());  // exactly -2^63
  CHECK(Parse("RETURN -9223372036854775808").ok());
}

TEST_CASE("parse errors: Unicode escapes and characters", "[cypher-parse]") {
  CHECK(CodeAt("RETURN '\\uH'") == "InvalidUnicodeLiteral@1:9");
  CHECK(CodeAt("RETURN 'ab\\u12'") == "InvalidUnicodeLiteral@1:11");
  CHECK(CodeAt("RETURN '\\U00110000'") == "InvalidUnicodeLiteral@1:9");
  CHECK(CodeAt("RETURN '\\uD800'") == "InvalidUnicodeLiteral@1:9");  // a lone surrogate
  CHECK(CodeAt("RETURN 42 — 41") == "InvalidUnicodeCharacter@1:11");
  CHECK(CodeAt("MATCH (a)–[r]->(b) RETURN a") == "InvalidUnicodeCharacter@1:10");
  CHECK(CodeAt("RETURN 1 \xFF") == "InvalidUnicodeCharacter@1:10");  // not UTF-8
}

TEST_CASE("parse errors: invalid relationship patterns", "[cypher-parse]") {
  CHECK(CodeAt("MATCH (a:A)\nMATCH (a)-[:LIKES..]->(c)\nRETURN c.name") ==
        "InvalidRelationshipPattern@2:18");
  CHECK(CodeAt("MATCH (a)-[*1..2..3]->(b) RETURN a") == "InvalidRelationshipPattern@1:17");
  CHECK(CodeAt("MATCH (a)-[:T 2]->(b) RETURN a") == "InvalidRelationshipPattern@1:15");
  CHECK(CodeAt("MATCH (a)-[*1.5]->(b) RETURN a") == "InvalidRelationshipPattern@1:13");
  CHECK(CodeAt("MATCH (a)-[r->(b) RETURN a") == "UnexpectedSyntax@1:13");
}

TEST_CASE("parse errors: positions after several lines and after Korean text", "[cypher-parse]") {
  CHECK(CodeAt("MATCH (n)\nWHERE n.x =\nRETURN n") == "UnexpectedSyntax@3:1");
  CHECK(CodeAt("MATCH (n)\r\n  WHERE n.x = 1\r\n  RETURN n n") == "UnexpectedSyntax@3:12");
  // Each Hangul syllable is one column.
  CHECK(CodeAt("RETURN '가나다' AS 이름 이름2") == "UnexpectedSyntax@1:20");
  CHECK(CodeAt("MATCH (사람 {이름: '김철수'})\nRETURN 사람.이름 + — 1") ==
        "InvalidUnicodeCharacter@2:16");
}

TEST_CASE("parse errors: Render shows the line and a caret under the token", "[cypher-parse]") {
  const std::string query = "MATCH (n)\nWHERE n.x = 1\nRETURN n n";
  CHECK(ErrorOf(query).Render(query) ==
        "SyntaxError (UnexpectedSyntax) at 3:10: expected the end of the query or UNION after "
        "RETURN, found 'n'\n"
        "  RETURN n n\n"
        "           ^");
  // Hangul takes two cells on a terminal: the caret is placed by display width.
  const std::string korean = "RETURN '가나다' AS 이름 이름2";
  CHECK(ErrorOf(korean).Render(korean) ==
        "SyntaxError (UnexpectedSyntax) at 1:20: expected the end of the query or UNION after "
        "RETURN, found '이름2'\n"
        "  RETURN '가나다' AS 이름 이름2\n"
        "  " +
            std::string(24, ' ') + "^");
}

TEST_CASE("parse errors: nesting is bounded", "[cypher-parse]") {
  CHECK(Parse("RETURN " + Repeat("(", 200) + "1" + Repeat(")", 200)).ok());
  CHECK(Parse("RETURN " + Repeat("[", 200) + Repeat("]", 200)).ok());
  const QueryError parens = ErrorOf("RETURN " + Repeat("(", 100000) + "1" + Repeat(")", 100000));
  CHECK(parens.code == "UnexpectedSyntax");
  CHECK(parens.message.find("deeper than 500") != std::string::npos);
  CHECK(ErrorOf("RETURN " + Repeat("[", 100000)).message.find("deeper than 500") !=
        std::string::npos);
  CHECK(ErrorOf("RETURN " + Repeat("{a: ", 100000)).message.find("deeper than 500") !=
        std::string::npos);
  CHECK(ErrorOf("RETURN " + Repeat("NOT ", 100000) + "true").message.find("deeper than 500") !=
        std::string::npos);
  CHECK(ErrorOf("RETURN " + Repeat("-", 100000) + "1").message.find("deeper than 500") !=
        std::string::npos);
  CHECK(ErrorOf("RETURN 1" + Repeat(" + 1", 100000)).message.find("deeper than 500") !=
        std::string::npos);
  CHECK(ErrorOf("RETURN x" + Repeat(".a", 100000)).message.find("deeper than 500") !=
        std::string::npos);
  CHECK(ErrorOf("MATCH " + Repeat("(", 100000)).message.find("deeper than 500") !=
        std::string::npos);
  CHECK(ErrorOf("MATCH (n) WHERE " + Repeat("EXISTS { MATCH (n) WHERE ", 100000))
            .message.find("deeper than 500") != std::string::npos);
  CHECK(ErrorOf("RETURN " + Repeat("CASE WHEN ", 100000)).message.find("deeper than 500") !=
        std::string::npos);
}

TEST_CASE("parse errors: retries between readings are bounded", "[cypher-parse]") {
  // Each level could be a pattern or an arithmetic expression; the parser may try both.
  const auto start = std::chrono::steady_clock::now();
  const std::string nested =
      "MATCH (n) WHERE " + Repeat("(a)--({k: ", 120) + "1" + Repeat("})--1", 120) + " RETURN n";
  const auto result = Parse(nested);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
  CHECK(seconds.count() < 5);
  if (!result.ok()) CHECK(result.error().code == "UnexpectedSyntax");
}

}  // namespace
}  // namespace tiegraph::cypher
