// The CLI's machine-readable output: named, typed tables in JSON; --table picks one; CSV of
// several tables is framed by name; reals carry full precision.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;
using nlohmann::json;

std::vector<std::string> CsvLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> cells;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
  return cells;
}

// A path a - b - c - d: by hand, harmonic centrality (unnormalised) of a end is
// 1 + 1/2 + 1/3 = 11/6 = 1.8333…, of an inner node 1 + 1 + 1/2 = 5/2.
class PathDb {
 public:
  PathDb() : db_(dir_.File("db")) {
    const std::string institutions =
        dir_.Write("inst.csv",
                   "key,name,sector,region\na,A,academia,KR/North\nb,B,industry,KR/North\n"
                   "c,C,industry,KR/South\nd,D,hospital,KR/South\n");
    const std::string ties =
        dir_.Write("ties.csv",
                   "key,source,target,type,status\n"
                   "t1,a,b,mou,realized\nt2,b,c,mou,realized\nt3,c,d,mou,realized\n");
    RunOk({"--db", db_, "import", "--create", "--institutions", institutions, "--ties", ties});
  }
  const std::string& db() const { return db_; }

 private:
  TempDir dir_;
  std::string db_;
};

TEST_CASE("tables cli: CSV and JSON carry reals in full precision", "[cli][tables]") {
  PathDb net;
  const CliResult csv =
      RunOk({"--db", net.db(), "--format", "csv", "centrality", "--metric", "harmonic", "--raw"});
  const std::vector<std::string> lines = CsvLines(csv.out);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] == "rank,key,name,sector,region,harmonic");
  std::map<std::string, std::string> text;
  for (size_t i = 1; i < lines.size(); ++i) {
    const auto cells = Split(lines[i]);
    REQUIRE(cells.size() == 6);
    text[cells[1]] = cells[5];
  }
  // Six digits would give 1.83333, 3e-6 off; the full form reads back within rounding.
  for (const char* end : {"a", "d"}) {
    INFO(end << ": " << text[end]);
    CHECK(text[end] != "1.83333");
    CHECK(std::stod(text[end]) == Approx(11.0 / 6).epsilon(1e-15));
  }
  CHECK(text["b"] == "2.5");
  const json j = RunJson(net.db(), {"centrality", "--metric", "harmonic", "--raw"});
  for (const auto& row : j.at("centrality")) {
    if (row.at("key") == "a")
      CHECK(row.at("harmonic").get<double>() == Approx(11.0 / 6).epsilon(1e-15));
  }
  // Text rounds for people.
  CHECK_THAT(RunOk({"--db", net.db(), "centrality", "--metric", "harmonic", "--raw"}).out,
             Contains("1.83333\n"));
}

TEST_CASE("tables cli: multi-table JSON names and types its tables", "[cli][tables]") {
  PathDb net;
  const json j = RunJsonTables(net.db(), {"components"});
  const json& tables = j.at("tables");
  REQUIRE(tables.size() == 2);
  CHECK(tables[0].at("name") == "components");
  CHECK(tables[0].at("title") == "connected components");
  CHECK(tables[0].at("columns") ==
        json::parse(R"([{"name":"component","type":"int"},{"name":"institutions","type":"int"}])"));
  CHECK(tables[0].at("rows") == json::parse(R"([{"component":1,"institutions":4}])"));
  CHECK(tables[1].at("name") == "members");
  CHECK(tables[1].at("rows").size() == 4);
  // One table, the same shape.
  const json single = RunJsonTables(net.db(), {"structure"});
  REQUIRE(single.at("tables").size() == 1);
  CHECK(single["tables"][0].at("name") == "structure");
}

TEST_CASE("tables cli: --table picks one table; an unknown name lists them", "[cli][tables]") {
  PathDb net;
  const CliResult framed = RunOk({"--db", net.db(), "--format", "csv", "components"});
  const std::vector<std::string> lines = CsvLines(framed.out);
  // By hand: one component of four; its members a, b, c, d.
  CHECK(lines == std::vector<std::string>{"# table: components", "component,institutions", "1,4",
                                          "", "# table: members",
                                          "component,key,name,sector,region",
                                          "1,a,A,academia,KR/North", "1,b,B,industry,KR/North",
                                          "1,c,C,industry,KR/South", "1,d,D,hospital,KR/South"});
  const CliResult members =
      RunOk({"--db", net.db(), "--format", "csv", "components", "--table", "members"});
  const std::vector<std::string> plain = CsvLines(members.out);
  REQUIRE(plain.size() == 5);
  CHECK(plain[0] == "component,key,name,sector,region");  // plain CSV, no framing
  const json picked = RunJson(net.db(), {"--table", "components", "components"});
  CHECK(picked.size() == 1);
  CHECK(picked.contains("components"));

  const CliResult unknown =
      RunCli({"--db", net.db(), "--format", "csv", "components", "--table", "sizes"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.out.empty());
  CHECK_THAT(unknown.err, Contains("'sizes'"));
  CHECK_THAT(unknown.err, Contains("components, members"));
}

TEST_CASE("tables cli: brokers --group region names its columns apart", "[cli][tables]") {
  TempDir dir;
  const std::string db = dir.File("db");
  RunOk({"--db", db, "import", "--create", SamplePath()});
  // RunJsonTables refuses a table with two columns of one name.
  const json j = RunJsonTables(db, {"brokers", "--group", "region", "--permutations", "20"});
  for (const auto& t : j.at("tables")) {
    std::multiset<std::string> names;
    for (const auto& c : t.at("columns")) names.insert(c.at("name").get<std::string>());
    INFO(t.at("name"));
    CHECK(names.count("region") <= 1);
    if (t.at("name") == "brokerage_roles" || t.at("name") == "brokerage_against_chance") {
      CHECK(names.count("region") == 1);  // the institution's
      CHECK(names.count("group") == 1);   // its group's, here also a region
    }
  }
  const CliResult csv = RunOk({"--db", db, "--format", "csv", "brokers", "--group", "region",
                               "--table", "brokerage_roles"});
  const auto header = Split(CsvLines(csv.out).at(0));
  CHECK(std::set<std::string>(header.begin(), header.end()).size() == header.size());
}

}  // namespace
}  // namespace tiegraph::test
