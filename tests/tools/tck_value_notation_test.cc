// The kit's value notation (README.adoc, "Format of the expected results") read into Values,
// every form and its errors; the expected Values are built by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "value_notation.h"

namespace tiegraph::tck {
namespace {

using Catch::Matchers::Contains;
using cypher::List;
using cypher::Map;
using cypher::Value;

Value Parse(const std::string& text) {
  Result<Value> value = ParseValue(text);
  INFO(text << ": " << value.status().message());
  REQUIRE(value.ok());
  return *value;
}

std::string ErrorOf(const std::string& text) {
  Result<Value> value = ParseValue(text);
  INFO(text);
  REQUIRE_FALSE(value.ok());
  return value.status().message();
}

TEST_CASE("tck value notation: scalars", "[tck]") {
  CHECK(Parse("null").is_null());
  CHECK(Parse(" true ").boolean());
  CHECK_FALSE(Parse("false").boolean());
  CHECK(Parse("0").integer() == 0);
  CHECK(Parse("-17").integer() == -17);
  CHECK(Parse("9223372036854775807").integer() == std::numeric_limits<int64_t>::max());
  CHECK(Parse("-9223372036854775808").integer() == std::numeric_limits<int64_t>::min());
  CHECK(Parse("1.0").kind() == Value::Kind::kFloat);
  CHECK(Parse("1.0").real() == 1.0);
  CHECK(Parse("-0.000001").real() == -1e-6);
  CHECK(Parse("-1e-305").real() == -1e-305);
  CHECK(Parse("1.23456789e308").real() == 1.23456789e308);
  CHECK(Parse("2.5E+3").real() == 2500.0);
  CHECK(std::isnan(Parse("NaN").real()));
  CHECK(Parse("Inf").real() == std::numeric_limits<double>::infinity());
  CHECK(Parse("-Inf").real() == -std::numeric_limits<double>::infinity());
}

TEST_CASE("tck value notation: strings and their escapes", "[tck]") {
  CHECK(Parse("''").string().empty());
  CHECK(Parse("'a'").string() == "a");
  CHECK(Parse("'🧐🍌❖⋙⚐'").string() == "🧐🍌❖⋙⚐");
  // Literals6 [5] after Gherkin's unescaping: a\bcn5t'"\//\"'
  CHECK(Parse(R"('a\\bcn5t\'"\\//\\"\'')").string() == "a\\bcn5t'\"\\//\\\"'");
  CHECK(Parse(R"('\t\n\r\b\f\"\/')").string() == "\t\n\r\b\f\"/");
  CHECK(Parse(R"('\u01FF')").string() == "\u01FF");
  CHECK(Parse(R"('\U0001F9D0')").string() == "🧐");
  CHECK(Parse("'a real\nnewline'").string() == "a real\nnewline");
  CHECK(Parse("'null'").kind() == Value::Kind::kString);
}

TEST_CASE("tck value notation: lists and maps", "[tck]") {
  Value list = Parse("[1, 'a', [], [null, 2.5]]");
  REQUIRE(list.list().size() == 4);
  CHECK(list.list()[0].integer() == 1);
  CHECK(list.list()[1].string() == "a");
  CHECK(list.list()[2].list().empty());
  CHECK(list.list()[3].list()[0].is_null());
  CHECK(list.list()[3].list()[1].real() == 2.5);
  CHECK(Parse("[]").list().empty());
  Value map = Parse("{name: 'Apa', `a b`: 1, ``: true, `x``y`: {}, num2: [1]}");
  const Map& m = map.map();
  REQUIRE(m.size() == 5);
  CHECK(m.at("name").string() == "Apa");
  CHECK(m.at("a b").integer() == 1);
  CHECK(m.at("").boolean());
  CHECK(m.at("x`y").map().empty());
  CHECK(m.at("num2").list()[0].integer() == 1);
  CHECK(Parse("{}").map().empty());
}

TEST_CASE("tck value notation: nodes and relationships", "[tck]") {
  Value empty = Parse("()");
  CHECK(empty.node().labels.empty());
  CHECK(empty.node().properties->empty());
  Value node = Parse("(:A:B {name: 'a', num: 1})");
  CHECK(node.node().labels == std::vector<std::string>{"A", "B"});
  CHECK(node.node().properties->at("name").string() == "a");
  CHECK(node.node().properties->at("num").integer() == 1);
  CHECK(Parse("({k: 1})").node().properties->at("k").integer() == 1);
  CHECK(Parse("(:`odd label`)").node().labels[0] == "odd label");
  Value relationship = Parse("[:T {weight: 0.5}]");
  CHECK(relationship.relationship().type == "T");
  CHECK(relationship.relationship().properties->at("weight").real() == 0.5);
  CHECK(Parse("[:KNOWS]").relationship().properties->empty());
  // A list of relationships is a list, not a relationship.
  Value list = Parse("[[:T], [:U]]");
  REQUIRE(list.list().size() == 2);
  CHECK(list.list()[1].relationship().type == "U");
}

TEST_CASE("tck value notation: paths keep each relationship's direction", "[tck]") {
  Value single = Parse("<(:A)>");
  CHECK(single.path().nodes.size() == 1);
  CHECK(single.path().relationships.empty());
  Value path = Parse("<(:A {n: 1})-[:T]->(:B)<-[:U {k: 'v'}]-()>");
  const cypher::PathValue& p = path.path();
  REQUIRE(p.nodes.size() == 3);
  REQUIRE(p.relationships.size() == 2);
  CHECK(p.nodes[0].labels == std::vector<std::string>{"A"});
  CHECK(p.nodes[2].labels.empty());
  // Node i has id i: T points from node 0 to node 1, U from node 2 back to node 1.
  CHECK(p.nodes[1].id == 1);
  CHECK(p.relationships[0].type == "T");
  CHECK(p.relationships[0].start == 0);
  CHECK(p.relationships[0].end == 1);
  CHECK(p.relationships[1].type == "U");
  CHECK(p.relationships[1].start == 2);
  CHECK(p.relationships[1].end == 1);
  CHECK(p.relationships[1].properties->at("k").string() == "v");
  CHECK(Parse("[<(:A)-[:T]->(:B)>]").list()[0].path().relationships.size() == 1);
}

TEST_CASE("tck value notation: errors say what and where", "[tck]") {
  CHECK_THAT(ErrorOf(""), Contains("expected a value"));
  CHECK_THAT(ErrorOf("'open"), Contains("closing quote"));
  CHECK_THAT(ErrorOf(R"('\q')"), Contains("unknown escape"));
  CHECK_THAT(ErrorOf(R"('\u12')"), Contains("hex digits"));
  CHECK_THAT(ErrorOf("1 2"), Contains("column 3"));
  CHECK_THAT(ErrorOf("9223372036854775808"), Contains("64 bits"));
  CHECK_THAT(ErrorOf("1e999"), Contains("range"));
  CHECK_THAT(ErrorOf("1."), Contains("decimal point"));
  CHECK_THAT(ErrorOf("12abc"), Contains("runs on"));
  CHECK_THAT(ErrorOf("nulls"), Contains("expected a value"));
  CHECK_THAT(ErrorOf("[1, 2"), Contains("']'"));
  CHECK_THAT(ErrorOf("[1,]"), Contains("expected a value"));
  CHECK_THAT(ErrorOf("{a 1}"), Contains("':'"));
  CHECK_THAT(ErrorOf("{a: 1, a: 2}"), Contains("twice"));
  CHECK_THAT(ErrorOf("{`a: 1}"), Contains("backtick"));
  CHECK_THAT(ErrorOf("(:A"), Contains("')'"));
  CHECK_THAT(ErrorOf("(:)"), Contains("label"));
  CHECK_THAT(ErrorOf("[:]"), Contains("relationship type"));
  CHECK_THAT(ErrorOf("[:T"), Contains("']'"));
  CHECK_THAT(ErrorOf("<(:A)-[:T]-(:B)>"), Contains("'->'"));
  CHECK_THAT(ErrorOf("<(:A)<-[:T]->(:B)>"), Contains("'('"));  // the arrow points both ways
  CHECK_THAT(ErrorOf("<(:A)"), Contains("'>'"));
  CHECK_THAT(ErrorOf("<[:T]>"), Contains("'('"));
  CHECK_THAT(ErrorOf(std::string(300, '[') + std::string(300, ']')), Contains("deeply"));
}

TEST_CASE("tck value notation: values print back in the same notation", "[tck]") {
  for (const char* text : {"null", "true", "-42", "1.5", "-0.0", "NaN", "-Inf", "'it\\'s'",
                           "[1, [2], {}]", "{`a b`: 1, k: 'v'}", "(:A:B {name: 'a'})", "()",
                           "[:T {w: 1}]", "<(:A)-[:T]->(:B)<-[:U]-()>"}) {
    CHECK(FormatValue(Parse(text)) == text);
  }
  CHECK(FormatValue(Value(1.0)) == "1.0");
  CHECK(FormatValue(Value(1e300)) == "1e+300");
  CHECK(FormatValue(Value(Date{1984, 10, 11, Date::Precision::kDay})) == "'1984-10-11'");
}

}  // namespace
}  // namespace tiegraph::tck
