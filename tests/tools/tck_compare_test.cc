// tiegraph-tck's comparison of actual and expected results: row order, list order, floats,
// graph elements without ids. Expected outcomes follow the kit's README ("the rows of the
// expected results table are to be considered a set … unless ORDER BY") and the brief's float
// rule (15 significant digits, or 1e-12 relative).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "result_compare.h"
#include "value_notation.h"

namespace tiegraph::tck {
namespace {

using Catch::Matchers::Contains;
using cypher::Value;

Value V(const std::string& text) {
  Result<Value> value = ParseValue(text);
  INFO(text << ": " << value.status().message());
  REQUIRE(value.ok());
  return *value;
}

std::vector<Row> Rows(const std::vector<std::vector<std::string>>& texts) {
  std::vector<Row> rows;
  for (const auto& texts_of_row : texts) {
    Row row;
    for (const std::string& text : texts_of_row) row.push_back(V(text));
    rows.push_back(row);
  }
  return rows;
}

bool Match(const Value& actual, const std::string& expected, bool ignore_list_order = false) {
  return ValuesMatch(actual, V(expected), ignore_list_order);
}

TEST_CASE("tck compare: floats", "[tck]") {
  CHECK(FloatsMatch(0.1 + 0.2, 0.3));  // 0.30000000000000004 prints as 0.3 to 15 digits
  CHECK(FloatsMatch(1.0 / 3.0, 0.3333333333333333));
  CHECK(FloatsMatch(1e300 * (1 + 1e-13), 1e300));  // within 1e-12 relative
  CHECK_FALSE(FloatsMatch(1.0, 1.0000001));
  CHECK_FALSE(FloatsMatch(0.3, 0.31));
  CHECK(FloatsMatch(std::nan(""), std::nan("")));
  CHECK_FALSE(FloatsMatch(std::nan(""), 1.0));
  CHECK_FALSE(FloatsMatch(1.0, std::nan("")));
  double inf = std::numeric_limits<double>::infinity();
  CHECK(FloatsMatch(inf, inf));
  CHECK_FALSE(FloatsMatch(inf, -inf));
  CHECK_FALSE(FloatsMatch(inf, 1e308));
  CHECK(FloatsMatch(0.0, -0.0));
}

TEST_CASE("tck compare: scalars keep their types", "[tck]") {
  CHECK(Match(Value(1), "1"));
  CHECK_FALSE(Match(Value(1), "1.0"));  // an integer never equals a float
  CHECK_FALSE(Match(Value(1.0), "1"));
  CHECK(Match(Value(2.5), "2.5"));
  CHECK(Match(Value(), "null"));
  CHECK_FALSE(Match(Value(), "'null'"));
  CHECK(Match(Value("a'b"), "'a\\'b'"));
  CHECK_FALSE(Match(Value("a"), "'A'"));
  CHECK(Match(Value(true), "true"));
  CHECK_FALSE(Match(Value(true), "false"));
  // The kit writes dates as strings.
  CHECK(Match(Value(Date{1984, 10, 11, Date::Precision::kDay}), "'1984-10-11'"));
  CHECK_FALSE(Match(Value(Date{1984, 10, 11, Date::Precision::kDay}), "'1984-10-12'"));
}

TEST_CASE("tck compare: containers", "[tck]") {
  CHECK(Match(V("[1, 2, [3]]"), "[1, 2, [3]]"));
  CHECK_FALSE(Match(V("[1, 2]"), "[2, 1]"));
  CHECK_FALSE(Match(V("[1, 2]"), "[1, 2, 3]"));
  CHECK(Match(V("{a: 1, b: [2]}"), "{b: [2], a: 1}"));
  CHECK_FALSE(Match(V("{a: 1}"), "{a: 1, b: null}"));  // a missing key is not a null one
  CHECK_FALSE(Match(V("{a: 1}"), "{a: 2}"));
}

TEST_CASE("tck compare: ignoring element order for lists, at every depth", "[tck]") {
  CHECK(Match(V("[1, 2, 3]"), "[3, 1, 2]", true));
  CHECK(Match(V("[[1, 2], [3]]"), "[[3], [2, 1]]", true));
  CHECK(Match(V("{k: [1, 2]}"), "{k: [2, 1]}", true));
  CHECK(Match(V("[{k: ['a', 'b']}]"), "[{k: ['b', 'a']}]", true));
  CHECK(Match(V("(:A {l: [1, 2]})"), "(:A {l: [2, 1]})", true));
  // A multiset: the counts must agree.
  CHECK_FALSE(Match(V("[1, 1, 2]"), "[1, 2, 2]", true));
  CHECK_FALSE(Match(V("[1, 2]"), "[1, 2, 2]", true));
  CHECK_FALSE(Match(V("{k: [1, 2]}"), "{k: [2, 1]}", false));
}

TEST_CASE("tck compare: graph elements by labels, type and properties, never by id", "[tck]") {
  cypher::NodeValue node{
      42, {"B", "A"}, std::make_shared<const cypher::Map>(cypher::Map{{"name", Value("n")}})};
  CHECK(Match(Value(node), "(:A:B {name: 'n'})"));  // labels as a set, id ignored
  CHECK_FALSE(Match(Value(node), "(:A {name: 'n'})"));
  CHECK_FALSE(Match(Value(node), "(:A:B)"));
  CHECK_FALSE(Match(Value(node), "(:A:B {name: 'm'})"));
  cypher::RelationshipValue rel{7, "T", 1, 2, std::make_shared<const cypher::Map>(cypher::Map{})};
  CHECK(Match(Value(rel), "[:T]"));
  CHECK_FALSE(Match(Value(rel), "[:U]"));
  CHECK_FALSE(Match(Value(rel), "(:T)"));
}

TEST_CASE("tck compare: paths follow each relationship's direction", "[tck]") {
  auto props = std::make_shared<const cypher::Map>();
  cypher::NodeValue a{10, {"A"}, props};
  cypher::NodeValue b{20, {"B"}, props};
  cypher::RelationshipValue a_to_b{5, "T", 10, 20, props};
  cypher::RelationshipValue b_to_a{6, "T", 20, 10, props};
  Value forward(cypher::PathValue{{a, b}, {a_to_b}});
  Value backward(cypher::PathValue{{a, b}, {b_to_a}});
  CHECK(Match(forward, "<(:A)-[:T]->(:B)>"));
  CHECK_FALSE(Match(forward, "<(:A)<-[:T]-(:B)>"));
  CHECK(Match(backward, "<(:A)<-[:T]-(:B)>"));
  CHECK_FALSE(Match(backward, "<(:A)-[:T]->(:B)>"));
  CHECK_FALSE(Match(forward, "<(:A)-[:T]->(:B)-[:T]->(:B)>"));
  CHECK_FALSE(Match(forward, "<(:B)-[:T]->(:A)>"));
  // A loop cannot tell its direction: either arrow matches.
  cypher::RelationshipValue loop{8, "T", 10, 10, props};
  Value on_itself(cypher::PathValue{{a, a}, {loop}});
  CHECK(Match(on_itself, "<(:A)-[:T]->(:A)>"));
  CHECK(Match(on_itself, "<(:A)<-[:T]-(:A)>"));
}

TEST_CASE("tck compare: tables in any order and in order", "[tck]") {
  ExpectedTable expected{{"a", "b"}, Rows({{"1", "'x'"}, {"2", "'y'"}, {"2", "'y'"}})};
  auto compare = [&](const std::vector<std::string>& columns, const std::vector<Row>& rows,
                     RowOrder order) {
    return CompareTables(columns, rows, expected, order, false);
  };
  std::vector<Row> shuffled = Rows({{"2", "'y'"}, {"1", "'x'"}, {"2", "'y'"}});
  CHECK(compare({"a", "b"}, shuffled, RowOrder::kAnyOrder).empty());
  CHECK_THAT(compare({"a", "b"}, shuffled, RowOrder::kInOrder), Contains("row 1"));
  CHECK(compare({"a", "b"}, expected.rows, RowOrder::kInOrder).empty());
  // Duplicates count: a multiset, not a set.
  CHECK_THAT(
      compare({"a", "b"}, Rows({{"1", "'x'"}, {"1", "'x'"}, {"2", "'y'"}}), RowOrder::kAnyOrder),
      Contains("no row [2, 'y']") && Contains("unexpected [1, 'x']"));
  CHECK_THAT(compare({"a", "b"}, Rows({{"1", "'x'"}, {"2", "'y'"}}), RowOrder::kAnyOrder),
             Contains("2 rows, expected 3"));
  CHECK_THAT(compare({"a", "b"}, Rows({{"1", "'x'"}, {"2", "'y'"}, {"2", "'y'"}, {"3", "'z'"}}),
                     RowOrder::kAnyOrder),
             Contains("unexpected [3, 'z']"));
  CHECK_THAT(compare({"a", "b"}, Rows({{"1", "'x'"}, {"2", "'y'"}}), RowOrder::kInOrder),
             Contains("2 rows, expected 3"));
  // Column names must match exactly and in order.
  CHECK_THAT(compare({"b", "a"}, expected.rows, RowOrder::kAnyOrder), Contains("columns [b, a]"));
  CHECK_THAT(compare({"a", "B"}, expected.rows, RowOrder::kAnyOrder), Contains("columns"));
  CHECK_THAT(compare({"a"}, expected.rows, RowOrder::kAnyOrder), Contains("columns"));
  CHECK_THAT(compare({"a", "b"}, Rows({{"1"}}), RowOrder::kAnyOrder), Contains("1 values"));
}

TEST_CASE("tck compare: empty tables and list order in tables", "[tck]") {
  ExpectedTable none{{"n"}, {}};
  CHECK(CompareTables({"n"}, {}, none, RowOrder::kAnyOrder, false).empty());
  CHECK_FALSE(CompareTables({"n"}, Rows({{"1"}}), none, RowOrder::kAnyOrder, false).empty());
  ExpectedTable lists{{"l"}, Rows({{"[1, 2]"}, {"[3]"}})};
  std::vector<Row> actual = Rows({{"[3]"}, {"[2, 1]"}});
  CHECK(CompareTables({"l"}, actual, lists, RowOrder::kAnyOrder, true).empty());
  CHECK_FALSE(CompareTables({"l"}, actual, lists, RowOrder::kAnyOrder, false).empty());
  CHECK_FALSE(CompareTables({"l"}, actual, lists, RowOrder::kInOrder, true).empty());
  CHECK(CompareTables({"l"}, Rows({{"[2, 1]"}, {"[3]"}}), lists, RowOrder::kInOrder, true).empty());
}

}  // namespace
}  // namespace tiegraph::tck
