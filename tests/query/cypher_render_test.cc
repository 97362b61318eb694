// Values as text. The kit's notation is described in the conformance kit's README.adoc ("Format
// of the expected results"); the expected strings below are the kit's own cells (feature file
// and scenario cited), JSON and table cells are written by hand.
#include <cmath>
#include <limits>
#include <string>

#include <tiegraph/cypher_render.h>
#include <catch2/catch.hpp>

#include "cypher_test_values.h"

// In the testing namespace, so the shorthands of cypher_test_values.h need no using-declarations.
namespace tiegraph::cypher::testing {
namespace {

TEST_CASE("scalars in the kit's notation", "[cypher-value]") {
  CHECK(RenderValue(kNull) == "null");
  CHECK(RenderValue(true) == "true");
  CHECK(RenderValue(false) == "false");
  CHECK(RenderValue(1) == "1");
  // Literals2 [3], [8]
  CHECK(RenderValue(std::numeric_limits<int64_t>::max()) == "9223372036854775807");
  CHECK(RenderValue(std::numeric_limits<int64_t>::min()) == "-9223372036854775808");
  // Literals5 [10], [11], [12], [13], [15], [16], [17], [19], [22], [23]
  CHECK(RenderValue(-0.0) == "0.0");
  CHECK(RenderValue(-1.2635418652381264e305) == "-1.2635418652381264e305");
  CHECK(RenderValue(-1e-305) == "-1e-305");
  CHECK(RenderValue(1e9) == "1000000000.0");
  CHECK(RenderValue(.1e9) == "100000000.0");
  CHECK(RenderValue(1e-5) == "0.00001");
  CHECK(RenderValue(.1e-5) == "0.000001");
  CHECK(RenderValue(-1e9) == "-1000000000.0");
  CHECK(RenderValue(-1e-5) == "-0.00001");
  CHECK(RenderValue(-.1e-5) == "-0.000001");
  // ReturnOrderBy1 [7]; Mathematical13 [1]; TypeConversion3 [1]
  CHECK(RenderValue(999.99) == "999.99");
  CHECK(RenderValue(std::sqrt(12.96)) == "3.6");
  CHECK(RenderValue(3.0) == "3.0");
  // The kit's README: NaN, Inf, -Inf.
  CHECK(RenderValue(NaN()) == "NaN");
  CHECK(RenderValue(std::numeric_limits<double>::infinity()) == "Inf");
  CHECK(RenderValue(-std::numeric_limits<double>::infinity()) == "-Inf");
  // By hand: beyond the positional range, scientific without a plus sign.
  CHECK(FloatText(1e21) == "1e21");
  CHECK(FloatText(1e20) == "100000000000000000000.0");
  CHECK(FloatText(1.5e-7) == "1.5e-7");
  CHECK(FloatText(0.1) == "0.1");
  CHECK(FloatText(-0.0) == "-0.0");
}

TEST_CASE("strings in the kit's notation", "[cypher-value]") {
  // Literals6: the literal 'a\\bcn5t\'"\\//\\"\'' has the value a\bcn5t'"\//\"'; the kit's
  // cell (its table escaping of backslashes undone) is 'a\\bcn5t\'"\\//\\"\''.
  CHECK(RenderValue(R"(a\bcn5t'"\//\"')") == R"('a\\bcn5t\'"\\//\\"\'')");
  // String8 [5]: a newline is written \n.
  CHECK(RenderValue("\nFoo\n") == R"('\nFoo\n')");
  CHECK(RenderValue("") == "''");
  CHECK(RenderValue("\xED\x95\x9C\xEA\xB5\xAD") == "'\xED\x95\x9C\xEA\xB5\xAD'");
}

TEST_CASE("containers and dates in the kit's notation", "[cypher-value]") {
  // ReturnOrderBy1 [9]; TypeConversion3 [4]; Map1 [1]
  CHECK(RenderValue(L({})) == "[]");
  CHECK(RenderValue(L({1, kNull})) == "[1, null]");
  CHECK(RenderValue(L({1.0, 2.0, kNull})) == "[1.0, 2.0, null]");
  CHECK(RenderValue(L({"a", 1})) == "['a', 1]");
  CHECK(RenderValue(M({{"a", "map"}})) == "{a: 'map'}");
  CHECK(RenderValue(M({{"existing", 42}, {"notMissing", kNull}})) ==
        "{existing: 42, notMissing: null}");
  CHECK(RenderValue(M({})) == "{}");
  // Boolean4 [4] writes a map with the empty key as {``: null}.
  CHECK(RenderValue(M({{"", kNull}})) == "{``: null}");
  CHECK(RenderValue(M({{"a b", 1}})) == "{`a b`: 1}");
  // Temporal1 [4]: a date is written as its quoted ISO text.
  CHECK(RenderValue(Day(1984, 10, 11)) == "'1984-10-11'");
  CHECK(RenderValue(Month(2024, 3)) == "'2024-03'");
  CHECK(RenderValue(Year(2024)) == "'2024'");
  CHECK(RenderValue(L({Year(2024)})) == "['2024']");
}

TEST_CASE("nodes, relationships and paths in the kit's notation", "[cypher-value]") {
  // ReturnOrderBy1 [11]; Null1 [6]; Comparison1 [1]
  CHECK(RenderValue(Node(1, {"N"})) == "(:N)");
  CHECK(RenderValue(Node(1, {})) == "()");
  CHECK(RenderValue(Node(1, {"X"}, {{"prop", 42}})) == "(:X {prop: 42})");
  CHECK(RenderValue(Node(1, {}, {{"id", 0}})) == "({id: 0})");
  CHECK(RenderValue(Node(1, {"L1", "L2"}, {{"p", 0}, {"q", "string"}})) ==
        "(:L1:L2 {p: 0, q: 'string'})");  // the kit's README
  CHECK(RenderValue(Rel(2, "REL", 1, 3)) == "[:REL]");
  CHECK(RenderValue(Rel(2, "T", 1, 3, {{"p", 0}, {"q", "string"}})) ==
        "[:T {p: 0, q: 'string'}]");  // the kit's README
  // ReturnOrderBy1 [11]: <(:N)-[:REL]->()>
  CHECK(RenderValue(PathValue{{Node(1, {"N"}), Node(3, {})}, {Rel(2, "REL", 1, 3)}}) ==
        "<(:N)-[:REL]->()>");
  // Match scenarios: <(:A)<-[:T2]-(:B)<-[:T1]-(:A)>, a path walked against its relationships.
  CHECK(RenderValue(PathValue{{Node(1, {"A"}), Node(2, {"B"}), Node(3, {"A"})},
                              {Rel(10, "T2", 2, 1), Rel(11, "T1", 3, 2)}}) ==
        "<(:A)<-[:T2]-(:B)<-[:T1]-(:A)>");
  CHECK(RenderValue(PathValue{{Node(1, {"Label1"}), Node(2, {"Label2"}), Node(3, {"Label3"})},
                              {Rel(10, "T1", 2, 1), Rel(11, "T2", 2, 3)}}) ==
        "<(:Label1)<-[:T1]-(:Label2)-[:T2]->(:Label3)>");
  CHECK(RenderValue(PathValue{{Node(1, {"A"}, {{"name", "A"}})}, {}}) == "<(:A {name: 'A'})>");
  // By hand: a self-loop points forward.
  CHECK(RenderValue(PathValue{{Node(1, {}), Node(1, {})}, {Rel(5, "L", 1, 1)}}) == "<()-[:L]->()>");
}

TEST_CASE("values as JSON", "[cypher-value]") {
  auto json = [](const Value& v) {
    std::string out;
    WriteJson(v, &out);
    return out;
  };
  CHECK(json(kNull) == "null");
  CHECK(json(L({1, 1.5, 2.0, true, "a\"b\\c\n"})) == R"([1,1.5,2.0,true,"a\"b\\c\n"])");
  CHECK(json(M({{"k", L({})}, {"z", kNull}})) == R"({"k":[],"z":null})");
  CHECK(json(L({NaN(), std::numeric_limits<double>::infinity()})) == R"(["NaN","Inf"])");
  CHECK(json(L({Year(2024), Month(2024, 3), Day(2024, 3, 15)})) ==
        R"(["2024","2024-03","2024-03-15"])");
  CHECK(json(std::string("\x01")) == R"("\u0001")");
  CHECK(json(Node(4, {"Institution", "Government"}, {{"name", "KTL"}})) ==
        R"({"id":4,"labels":["Institution","Government"],"properties":{"name":"KTL"}})");
  CHECK(json(Rel(9, "funds", 4, 5, {{"since", Year(2020)}})) ==
        R"({"id":9,"type":"funds","start":4,"end":5,"properties":{"since":"2020"}})");
  CHECK(json(PathValue{{Node(1, {}), Node(2, {})}, {Rel(3, "T", 1, 2)}}) ==
        R"({"nodes":[{"id":1,"labels":[],"properties":{}},{"id":2,"labels":[],"properties":{}}],)"
        R"("relationships":[{"id":3,"type":"T","start":1,"end":2,"properties":{}}]})");
}

TEST_CASE("table cells", "[cypher-value]") {
  CHECK(DisplayText("plain text") == "plain text");
  CHECK(DisplayText(Month(2024, 3)) == "2024-03");
  CHECK(DisplayText(kNull) == "null");
  CHECK(DisplayText(1.0) == "1.0");
  CHECK(DisplayText(L({"a, b", 1})) == "['a, b', 1]");
  CHECK(DisplayText(Node(1, {"A"})) == "(:A)");
}

}  // namespace
}  // namespace tiegraph::cypher::testing
