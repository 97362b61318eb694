// Custom properties as export columns: the type each column gets from its values, and the
// prefix that keeps a property from replacing a built-in column.
#include <catch2/catch.hpp>

#include <tiegraph/export_graph.h>

#include "test_util.h"

namespace tiegraph {
namespace {

// The column named `name`, or -1.
int ColumnOf(const std::vector<Attribute>& attributes, const std::string& name) {
  for (size_t i = 0; i < attributes.size(); ++i) {
    if (attributes[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

TEST_CASE("export: custom properties become typed columns", "[export]") {
  test::TempDir dir;
  auto store = test::OpenStore(dir.path());
  Dataset d;
  auto inst = [&](const std::string& key, std::vector<Property> properties) {
    Institution in;
    in.key = key;
    in.name = key;
    in.properties = std::move(properties);
    d.institutions.push_back(in);
  };
  const Date may{2024, 5, 0, Date::Precision::kMonth};
  inst("a", {{"founded", int64_t{1946}},
             {"share", int64_t{2}},
             {"code", int64_t{7}},
             {"opened", may},
             {"Color", std::string("blue")},
             {"prop_color", true},
             {"founded", int64_t{1}}});  // a name given twice: the first value counts
  inst("b", {{"share", 0.25},
             {"code", std::string("X-1")},
             {"opened", Date{1990, 0, 0, Date::Precision::kYear}}});
  Tie t;
  t.source = "a";
  t.target = "b";
  t.properties = {{"weight", 2.5}, {"signed", may}};
  d.ties.push_back(t);
  REQUIRE(store->Write(d, WriteOptions{}).ok());

  ExportRequest request;
  request.layout = "none";
  auto g = GatherExport(*store->Read(), ProjectionOptions{}, request);
  REQUIRE(g.ok());
  REQUIRE(g->nodes.size() == 2);
  const auto& attrs = g->node_attributes;
  const size_t a = g->nodes[0].key == "a" ? 0 : 1, b = 1 - a;
  auto value = [&](size_t v, const std::string& name) {
    const int i = ColumnOf(attrs, name);
    REQUIRE(i >= 0);
    return g->node_values[v][static_cast<size_t>(i)];
  };

  const int founded = ColumnOf(attrs, "founded");
  REQUIRE(founded >= 0);
  CHECK(attrs[founded].type == AttributeType::kInt);
  CHECK(std::string(ImportTypeName(attrs[founded])) == "int");
  CHECK(std::get<int64_t>(value(a, "founded")) == 1946);
  CHECK(value(b, "founded").index() == 0);  // b has none

  // Integers mixed with reals: a real column.
  CHECK(attrs[ColumnOf(attrs, "share")].type == AttributeType::kDouble);
  CHECK(std::get<double>(value(a, "share")) == 2.0);
  CHECK(std::get<double>(value(b, "share")) == 0.25);

  // Any other mix: text.
  CHECK(attrs[ColumnOf(attrs, "code")].type == AttributeType::kString);
  CHECK(std::get<std::string>(value(a, "code")) == "7");
  CHECK(std::get<std::string>(value(b, "code")) == "X-1");

  // Dates: ISO text at their precision, marked for the CSV header.
  const int opened = ColumnOf(attrs, "opened");
  CHECK(attrs[opened].type == AttributeType::kString);
  CHECK(std::string(ImportTypeName(attrs[opened])) == "date");
  CHECK(std::get<std::string>(value(a, "opened")) == "2024-05");
  CHECK(std::get<std::string>(value(b, "opened")) == "1990");

  // "Color" meets the built-in "color" (without case): prefixed, and "prop_color" being a
  // property of its own, once more. The built-in keeps its value.
  CHECK(ColumnOf(attrs, "Color") == -1);
  const int color = ColumnOf(attrs, "prop_prop_Color");
  REQUIRE(color >= 0);
  CHECK(attrs[color].property == "Color");
  CHECK(std::get<std::string>(value(a, "prop_prop_Color")) == "blue");
  CHECK(attrs[ColumnOf(attrs, "prop_color")].type == AttributeType::kBool);
  CHECK(std::get<std::string>(value(a, "color")).front() == '#');
  int founded_columns = 0;
  for (const Attribute& x : attrs) founded_columns += x.property == "founded";
  CHECK(founded_columns == 1);

  // Ties: "weight" is GEXF's and CSV's own field.
  const auto& tattrs = g->tie_attributes;
  REQUIRE(g->ties.size() == 1);
  const int weight = ColumnOf(tattrs, "prop_weight");
  REQUIRE(weight >= 0);
  CHECK(tattrs[weight].type == AttributeType::kDouble);
  CHECK(std::get<double>(g->tie_values[0][weight]) == 2.5);
  CHECK(std::get<std::string>(g->tie_values[0][ColumnOf(tattrs, "signed")]) == "2024-05");
  for (const auto& row : g->tie_values) CHECK(row.size() == tattrs.size());
  for (const auto& row : g->node_values) CHECK(row.size() == attrs.size());
}

}  // namespace
}  // namespace tiegraph
