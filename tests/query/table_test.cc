// Result tables: typed columns read by name, duplicate names refused, and the JSON and CSV
// forms (full precision, named tables, framing of several).
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include <tiegraph/gap_report.h>
#include <tiegraph/table.h>

#include "test_util.h"

namespace tiegraph {
namespace {

using enum ColumnType;
using nlohmann::json;

Table Sample() {
  Table t{"sample", "a sample", {{"key", kString}, {"count", kInt}, {"share", kReal}}};
  t.AddRow({std::string("a"), int64_t{3}, 1.0 / 3});
  t.AddRow({std::string("b"), Cell(), int64_t{2}});  // a real column takes an integer
  return t;
}

std::string Render(const std::vector<Table>& tables, TableFormat format) {
  std::ostringstream out;
  RenderTables(tables, format, out);
  return out.str();
}

TEST_CASE("table: a duplicate column name is refused", "[table]") {
  Table t = Sample();
  CHECK(t.Validate().ok());
  const Status dup = t.AddColumn({"count", kReal});
  CHECK(dup.IsInvalidArgument());
  CHECK(t.columns.size() == 3);
  CHECK(t.AddColumn({"extra", kString}).ok());
  CHECK(t.rows[0].size() == 4);  // earlier rows padded with an empty cell
  CHECK(t.Validate().ok());

  // Declared twice at construction (as `brokers --group region` once did): Validate refuses.
  Table twice{"brokers", "brokers", {{"region", kString}, {"region", kString}}};
  const Status s = twice.Validate();
  CHECK(s.IsInvalidArgument());
  CHECK(s.message().find("region") != std::string::npos);
}

TEST_CASE("table: Validate checks cell types and row widths", "[table]") {
  Table t = Sample();
  t.rows.push_back({std::string("c"), 2.5, 1.0});  // a real in an int column
  CHECK(t.Validate().IsInvalidArgument());
  t.rows.back() = {std::string("c"), int64_t{1}};  // one cell short
  CHECK(t.Validate().IsInvalidArgument());
  Table unnamed{"", "no name", {{"x", kInt}}};
  CHECK(unnamed.Validate().IsInvalidArgument());
}

// What std::get by position did wrong: a cell of another type threw. Read by name, a wrong
// type or a missing column is a Status.
TEST_CASE("table: cells are read by name with checked types", "[table]") {
  const Table t = Sample();
  CHECK(t.ColumnIndex("share") == std::optional<size_t>(2));
  CHECK_FALSE(t.ColumnIndex("nope"));
  CHECK(*t.String(0, "key") == "a");
  CHECK(*t.Int(0, "count") == 3);
  CHECK(*t.Real(0, "share") == 1.0 / 3);
  CHECK(*t.Real(1, "share") == 2.0);  // an integer cell read as a real
  CHECK(*t.Real(0, "count") == 3.0);
  CHECK(t.Int(0, "key").status().IsInvalidArgument());    // a string is no integer
  CHECK(t.Int(1, "count").status().IsInvalidArgument());  // empty
  CHECK(t.String(0, "share").status().IsInvalidArgument());
  CHECK(t.Int(0, "nope").status().IsNotFound());
  CHECK(t.Int(7, "count").status().IsNotFound());
  CHECK(t.At(0, "nope") == nullptr);
  CHECK(t.At(9, "key") == nullptr);
}

TEST_CASE("table: JSON names every table, types its columns, keys rows by column", "[table]") {
  Table other{"other", "another", {{"x", kInt}}};
  other.AddRow({int64_t{1}});
  const json j = json::parse(Render({Sample(), other}, TableFormat::kJson));
  REQUIRE(j.at("tables").size() == 2);
  const json& t = j["tables"][0];
  CHECK(t.at("name") == "sample");
  CHECK(t.at("title") == "a sample");
  CHECK(t.at("columns") == json::parse(R"([{"name":"key","type":"string"},
      {"name":"count","type":"int"},{"name":"share","type":"real"}])"));
  CHECK(t.at("rows")[0].at("share").get<double>() == 1.0 / 3);  // full precision
  CHECK(t.at("rows")[1].at("count").is_null());
  CHECK(j["tables"][1].at("name") == "other");
  // One table has the same shape.
  CHECK(json::parse(Render({other}, TableFormat::kJson)).at("tables").size() == 1);
}

TEST_CASE("table: CSV carries full precision; only text rounds", "[table]") {
  const std::string csv = Render({Sample()}, TableFormat::kCsv);
  CHECK(csv == "key,count,share\na,3,0.3333333333333333\nb,,2\n");  // one table: plain CSV
  const std::string text = Render({Sample()}, TableFormat::kText);
  CHECK(text.find("0.333333\n") != std::string::npos);
  CHECK(text.find("0.3333333") == std::string::npos);
  // 6.714285714285714 (47/7) would have been 6.71429.
  Table t{"t", "t", {{"v", kReal}}};
  t.AddRow({47.0 / 7});
  CHECK(Render({t}, TableFormat::kCsv) == "v\n" + ShortestReal(47.0 / 7) + "\n");
  CHECK(std::stod(ShortestReal(47.0 / 7)) == 47.0 / 7);
}

TEST_CASE("table: several tables in CSV are framed by name", "[table]") {
  Table other{"other", "another", {{"x", kInt}}};
  other.AddRow({int64_t{1}});
  CHECK(Render({Sample(), other}, TableFormat::kCsv) ==
        "# table: sample\nkey,count,share\na,3,0.3333333333333333\nb,,2\n"
        "\n# table: other\nx\n1\n");
  auto picked = SelectTable({Sample(), other}, "other");
  REQUIRE(picked.ok());
  CHECK(picked->name == "other");
  auto missing = SelectTable({Sample(), other}, "nope");
  CHECK(missing.status().IsNotFound());
  CHECK(missing.status().message().find("sample, other") != std::string::npos);
}

// The gap report's tables are all valid (typed, unique columns), and its helix synergy table
// takes T of all the helices from the mutual-information table by name (a path of four, no
// events: T is empty, yet the column is there).
TEST_CASE("gap report: every table valid, helix T read by name", "[table][gaps]") {
  test::TempDir dir;
  auto store =
      test::StoreWith(dir.path(), {"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}});
  GapRequest r;
  auto report = GapReport(*store->Read(), ProjectionOptions{}, r);
  INFO(report.status().message());
  REQUIRE(report.ok());
  REQUIRE(report->size() == 11);
  for (const Table& t : *report) {
    INFO(t.name);
    CHECK(t.Validate().ok());
  }
  const Table& helix = test::TableNamed(*report, "helix_synergy");
  REQUIRE(helix.ColumnIndex("t_bits"));
  CHECK(test::IntAt(helix, 0, "events") == 0);  // no events: no T
  CHECK(test::EmptyAt(helix, 0, "t_bits"));
}

}  // namespace
}  // namespace tiegraph
