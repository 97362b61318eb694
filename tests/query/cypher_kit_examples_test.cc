// The value rules against the conformance kit's example tables, read from the kit's feature
// files at run time: each row's operands and expected result are the kit's own cells.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <tiegraph/cypher_functions.h>
#include <tiegraph/cypher_render.h>
#include <tiegraph/cypher_semantics.h>
#include <catch2/catch.hpp>

#include "cypher_kit_reader.h"

// In the testing namespace, so the shorthands of cypher_test_values.h need no using-declarations.
namespace tiegraph::cypher::testing {
namespace {

// The example rows of a scenario outline as column -> cell maps; empty when the kit is absent.
std::vector<std::map<std::string, std::string>> Examples(const std::string& feature,
                                                         std::string_view tag) {
  std::vector<std::map<std::string, std::string>> rows;
  const std::string text = ReadFeature(feature);
  if (text.empty()) {
    WARN("the conformance kit is not at " << KitDirectory());
    return rows;
  }
  const auto table = TableAfter(ScenarioText(text, tag), "Examples:");
  for (size_t r = 1; r < table.size(); ++r) {
    std::map<std::string, std::string> row;
    for (size_t c = 0; c < table[0].size() && c < table[r].size(); ++c) {
      row[table[0][c]] = table[r][c];
    }
    rows.push_back(row);
  }
  return rows;
}

Value Read(const std::string& cell) {
  const std::optional<Value> v = KitValueReader::Read(cell);
  INFO("cell: " << cell);
  REQUIRE(v.has_value());
  return *v;
}

// Runs `check` on every row whose operands are plain values (rows written as expressions, such
// as 0.0 / 0.0, are covered by hand in cypher_semantics_test.cc); returns how many ran.
template <typename Check>
int ForEachValueRow(const std::string& feature, std::string_view tag,
                    const std::vector<std::string>& operands, Check check) {
  int ran = 0;
  for (const auto& row : Examples(feature, tag)) {
    bool plain = true;
    for (const std::string& column : operands) {
      plain = plain && KitValueReader::Read(row.at(column)).has_value();
    }
    if (!plain) continue;
    check(row);
    ++ran;
  }
  return ran;
}

TEST_CASE("kit: equality of lists, maps and scalars", "[cypher-value]") {
  const std::string feature = "expressions/comparison/Comparison1.feature";
  int rows = 0;
  for (const char* tag : {"[6]", "[7]", "[9]"}) {
    rows += ForEachValueRow(feature, tag, {"lhs", "rhs"}, [](const auto& row) {
      INFO(row.at("lhs") << " = " << row.at("rhs"));
      CHECK(RenderValue(Equals(Read(row.at("lhs")), Read(row.at("rhs")))) == row.at("result"));
    });
  }
  if (rows > 0) CHECK(rows >= 20);
}

TEST_CASE("kit: comparison of lists and numbers", "[cypher-value]") {
  const std::string feature = "expressions/comparison/Comparison2.feature";
  int rows = ForEachValueRow(feature, "[4]", {"lhs", "rhs"}, [](const auto& row) {
    INFO(row.at("lhs") << " >= " << row.at("rhs"));
    const Value result =
        Compare(ComparisonOp::kGreaterOrEqual, Read(row.at("lhs")), Read(row.at("rhs")));
    CHECK(RenderValue(result) == row.at("result"));
  });
  rows += ForEachValueRow(feature, "[6]", {"lhs", "rhs"}, [](const auto& row) {
    INFO(row.at("lhs") << " < " << row.at("rhs"));
    const Value result = Compare(ComparisonOp::kLess, Read(row.at("lhs")), Read(row.at("rhs")));
    CHECK(RenderValue(result) == row.at("result"));
  });
  if (rows > 0) CHECK(rows >= 5);
}

TEST_CASE("kit: range() with the default step", "[cypher-value]") {
  ForEachValueRow("expressions/list/List11.feature", "[1]", {"start", "end"}, [](const auto& row) {
    const QueryResult<Value> list =
        CallFunction(*FindFunction("range"), {Read(row.at("start")), Read(row.at("end"))});
    REQUIRE(list.ok());
    CHECK(RenderValue(*list) == row.at("list"));
  });
}

TEST_CASE("kit: keys() of maps", "[cypher-value]") {
  ForEachValueRow("expressions/map/Map3.feature", "[4]", {"map"}, [](const auto& row) {
    const QueryResult<Value> keys = CallFunction(*FindFunction("keys"), {Read(row.at("map"))});
    REQUIRE(keys.ok());
    // The kit ignores the order of list elements here; a map's keys come sorted.
    CHECK(RenderValue(*keys) == row.at("result"));
  });
}

TEST_CASE("kit: ORDER BY of single-kind lists", "[cypher-value]") {
  // ReturnOrderBy1 [1]-[10]: UNWIND <list> AS x RETURN x ORDER BY x [DESC], rows in order.
  const std::string text = ReadFeature("clauses/return-orderby/ReturnOrderBy1.feature");
  if (text.empty()) return;
  int scenarios = 0;
  for (int n = 1; n <= 10; ++n) {
    const std::string scenario = ScenarioText(text, "[" + std::to_string(n) + "]");
    if (scenario.empty()) continue;  // held back from this copy of the kit
    const std::string query = QueryOf(scenario);
    const size_t unwind = query.find("UNWIND ");
    const size_t as = query.find(" AS ", unwind);
    REQUIRE(unwind != std::string::npos);
    const Value input = Read(query.substr(unwind + 7, as - unwind - 7));
    const bool descending = query.find("DESC") != std::string::npos;
    std::vector<Value> sorted = input.list();
    std::stable_sort(sorted.begin(), sorted.end(), [&](const Value& a, const Value& b) {
      return descending ? OrderCompare(b, a) < 0 : OrderCompare(a, b) < 0;
    });
    const auto table = TableAfter(scenario, "in order:");
    REQUIRE(table.size() == sorted.size() + 1);
    for (size_t i = 0; i < sorted.size(); ++i) {
      INFO("scenario [" << n << "], row " << i);
      CHECK(RenderValue(sorted[i]) == table[i + 1][0]);
    }
    ++scenarios;
  }
  CHECK(scenarios >= 5);
}

TEST_CASE("kit: values read from the kit render as the kit writes them", "[cypher-value]") {
  // Every plain value cell of these outlines, read and rendered again, is the same text.
  const std::vector<std::pair<std::string, std::string>> outlines = {
      {"expressions/comparison/Comparison1.feature", "[7]"},
      {"expressions/comparison/Comparison2.feature", "[4]"},
      {"expressions/list/List11.feature", "[1]"},
      {"expressions/map/Map3.feature", "[4]"},
      {"expressions/null/Null1.feature", "[5]"}};
  for (const auto& [feature, tag] : outlines) {
    for (const auto& row : Examples(feature, tag)) {
      for (const auto& [column, cell] : row) {
        const std::optional<Value> v = KitValueReader::Read(cell);
        if (!v) continue;
        INFO(feature << " " << tag << ": " << cell);
        CHECK(RenderValue(*v) == cell);
      }
    }
  }
}

}  // namespace
}  // namespace tiegraph::cypher::testing
