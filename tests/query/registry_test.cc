// The registry of analyses and the projection spec: what every front end goes through. The
// expectations are the registry's contract (names, defaults, errors that name the field) and
// hand-worked parses; analysis results themselves are checked against networkx elsewhere.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

std::unique_ptr<Store> SampleStore(const TempDir& dir) {
  RunOk({"--db", dir.File("db"), "import", "--create", SamplePath()});
  std::unique_ptr<Store> store;
  OpenOptions options;
  options.read_only = true;
  REQUIRE(Store::Open(dir.File("db"), options, &store).ok());
  return store;
}

// Columns as "name:type", to compare whole lists.
std::vector<std::string> Columns(const std::vector<Column>& columns) {
  std::vector<std::string> out;
  for (const Column& c : columns) out.push_back(c.name + ":" + std::string(ColumnTypeName(c.type)));
  return out;
}

const TableInfo* Declared(const AnalysisInfo& info, const std::string& table) {
  for (const TableInfo& t : info.tables) {
    if (t.name == table) return &t;
  }
  return nullptr;
}

TEST_CASE(
    "every registered analysis has a unique name, unique parameters and runs with its defaults") {
  TempDir dir;
  auto store = SampleStore(dir);
  auto snap = store->Read();
  std::set<std::string> names;
  for (const AnalysisInfo& info : Analyses()) {
    INFO(info.name);
    CHECK(names.insert(info.name).second);
    CHECK(FindAnalysis(info.name) == &info);
    std::set<std::string> params;
    AnalysisArgs required, defaults;
    for (const ParamInfo& p : info.params) {
      CHECK(params.insert(p.name).second);
      if (p.required && p.type == ParamType::kInstitution)
        required[p.name] = p.name == "to" ? "chungnam-province" : "KTL";
      if (p.required && p.type != ParamType::kInstitution)
        required[p.name] = p.name == "from" ? "2021" : "2024";
      if (!p.default_value.empty()) defaults[p.name] = p.default_value;
    }
    if (info.name == "suggest") required["name"] = "JBNU";
    auto implicit = RunAnalysis(*snap, info.name, {}, required);
    REQUIRE(implicit.ok());
    // Each documented default, given explicitly, reads back to the same request.
    AnalysisArgs explicit_args = required;
    explicit_args.insert(defaults.begin(), defaults.end());
    auto given = RunAnalysis(*snap, info.name, {}, explicit_args);
    REQUIRE(given.ok());
    // Every table is valid and one the registry declares, with the declared columns; every
    // table declared as always there is there.
    for (const Table& t : *implicit) {
      INFO(t.name);
      CHECK(t.Validate().ok());
      const TableInfo* declared = Declared(info, t.name);
      REQUIRE(declared != nullptr);
      CHECK(Columns(t.columns) == Columns(declared->columns));
    }
    for (const TableInfo& declared : info.tables) {
      const bool produced = std::any_of(implicit->begin(), implicit->end(),
                                        [&](const Table& t) { return t.name == declared.name; });
      CHECK((produced || declared.optional));
    }
    std::ostringstream a, b;
    RenderTables(*implicit, TableFormat::kJson, a);
    RenderTables(*given, TableFormat::kJson, b);
    CHECK(a.str() == b.str());
  }
  // The optional tables and the columns that vary: a permutation test appends its five
  // columns to the tables that say so; an evaluation has a table of its own; the centrality's
  // last column is the metric's name (an int for core).
  for (const auto& [name, args] :
       std::vector<std::pair<std::string, AnalysisArgs>>{{"brokers", {{"permutations", "3"}}},
                                                         {"mixing", {{"permutations", "3"}}},
                                                         {"suggest", {{"evaluate", "2023"}}}}) {
    INFO(name);
    auto tables = RunAnalysis(*snap, name, {}, args);
    REQUIRE(tables.ok());
    for (const Table& t : *tables) {
      INFO(t.name);
      const TableInfo* declared = Declared(*FindAnalysis(name), t.name);
      REQUIRE(declared != nullptr);
      std::vector<std::string> want = Columns(declared->columns);
      if (declared->varies.find("permutation test") != std::string::npos) {
        for (const char* c :
             {"null_mean:real", "null_sd:real", "z:real", "p_at_least:real", "p_at_most:real"})
          want.push_back(c);
      }
      CHECK(Columns(t.columns) == want);
    }
  }
  auto core = RunAnalysis(*snap, "centrality", {}, {{"metric", "core"}});
  REQUIRE(core.ok());
  CHECK(Columns((*core)[0].columns).back() == "core:int");
  auto pagerank = RunAnalysis(*snap, "centrality", {}, {{"metric", "pagerank"}});
  REQUIRE(pagerank.ok());
  CHECK(Columns((*pagerank)[0].columns).back() == "pagerank:real");
  for (const char* expected : {"centrality", "path", "communities", "components", "reach",
                               "spanning-forest", "cut-points", "structure", "brokers", "mixing",
                               "suggest", "core-periphery", "evolution", "synergy", "gaps"}) {
    CHECK(names.count(expected) == 1);
  }
}

TEST_CASE("registry errors name the parameter at fault") {
  TempDir dir;
  auto store = SampleStore(dir);
  auto snap = store->Read();
  auto run = [&](const std::string& name, AnalysisArgs args, ProjectionSpec spec = {}) {
    auto r = RunAnalysis(*snap, name, spec, args);
    REQUIRE_FALSE(r.ok());
    return r.status();
  };
  Status s = run("centrality", {{"metrc", "pagerank"}});
  CHECK(s.IsInvalidArgument());
  CHECK_THAT(s.message(), Contains("'metrc'") && Contains("did you mean 'metric'"));
  CHECK_THAT(run("centrality", {{"top", "ten"}}).message(),
             StartsWith("top: expected a whole number"));
  CHECK_THAT(run("centrality", {{"top", "-1"}}).message(), StartsWith("top: must be 0 or more"));
  CHECK_THAT(
      run("centrality", {{"metric", "pagerankk"}}).message(),
      StartsWith("metric: unknown metric 'pagerankk'") && Contains("did you mean 'pagerank'"));
  CHECK_THAT(run("centrality", {{"damping", "high"}}).message(),
             StartsWith("damping: expected a number"));
  CHECK_THAT(run("centrality", {{"raw", "maybe"}}).message(), StartsWith("raw: "));
  CHECK_THAT(run("path", {{"from", "KTL"}}).message(), StartsWith("to: required by path"));
  CHECK(run("path", {{"from", "KTL"}, {"to", "no-such-institution"}}).message().rfind("to: ", 0) ==
        0);
  CHECK(run("centralty", {}).IsNotFound());
  // Another spelling of a name is that name, never a silent no-op.
  auto spelt = RunAnalysis(*snap, "Cut_Points", {}, {});
  REQUIRE(spelt.ok());
  CHECK(spelt->size() == 3);
  auto top = RunAnalysis(*snap, "centrality", {}, {{"Top", "3"}});
  REQUIRE(top.ok());
  CHECK((*top)[0].rows.size() == 3);
  ProjectionSpec dated;
  dated.as_of = "2024";
  CHECK_THAT(run("evolution", {{"from", "2021"}, {"to", "2024"}}, dated).message(),
             StartsWith("as-of: evolution sets the time itself"));
  // Values that parse but are out of range: each request's Validate() names the parameter.
  CHECK_THAT(run("centrality", {{"threads", "0"}}).message(),
             StartsWith("threads: must be between 1 and 256"));
  CHECK_THAT(run("centrality", {{"metric", "pagerank"}, {"damping", "1"}}).message(),
             StartsWith("damping: "));
  CHECK_THAT(run("centrality", {{"personalize", "KTL"}}).message(),
             StartsWith("personalize: only with metric pagerank"));
  CHECK_THAT(run("path", {{"from", "KTL"}, {"to", "JBNU"}, {"k", "0"}}).message(),
             StartsWith("k: must be between 1 and 1000"));
  CHECK_THAT(run("path", {{"from", "KTL"}, {"to", "JBNU"}, {"all", "true"}, {"k", "3"}}).message(),
             StartsWith("all: choose one of k, all and simple"));
  CHECK_THAT(run("communities", {{"resolution", "0"}}).message(),
             StartsWith("resolution: must be above 0"));
  CHECK_THAT(run("communities", {{"quality", "cpm"}}).message(), StartsWith("quality: "));
  CHECK_THAT(run("mixing", {{"permutations", "2000000"}}).message(),
             StartsWith("permutations: must be between 0 and 1,000,000"));
  CHECK_THAT(run("suggest", {}).message(), StartsWith("name: name an institution"));
  CHECK_THAT(run("suggest", {{"evaluate", "2023"}, {"score", "katz"}}).message(),
             StartsWith("score: "));
  CHECK_THAT(run("suggest", {{"evaluate", "soon"}}).message(), StartsWith("evaluate: "));
  CHECK_THAT(run("evolution", {{"from", "2024"}, {"to", "2021"}}).message(),
             StartsWith("to: before from"));
  CHECK_THAT(run("evolution", {{"from", "1000"}, {"to", "2024"}, {"step", "1m"}}).message(),
             StartsWith("step: more than 200 windows"));
  CHECK_THAT(run("gaps", {{"threshold", "-0.5"}}).message(), StartsWith("threshold: "));
  CHECK_THAT(run("synergy", {{"helices", "U=academia"}}).message(),
             StartsWith("helices: give 2 to 5 helices"));
  CHECK_THAT(run("synergy", {{"helices", "U=academia;U=industry"}}).message(),
             StartsWith("helices: helix 'U' is named twice"));
  CHECK_THAT(run("reach", {{"name", "KTL"}, {"hops", "0"}}).message(),
             StartsWith("hops: must be between 1 and 16"));
  // The structs check themselves for embedders that call a table function directly.
  PathRequest simple;
  simple.simple = true;
  simple.max_hops = 40;
  CHECK_THAT(simple.Validate().message(), StartsWith("max-hops: must be between 1 and 32"));
  CHECK(PathRequest{}.Validate().ok());
  CHECK(CentralityRequest{}.Validate().ok());
  CHECK(GapRequest{}.Validate().ok());
  ProjectionSpec bad;
  bad.window = "2024..2021";
  CHECK_THAT(run("centrality", {}, bad).message(), StartsWith("window: TO is before FROM"));
}

TEST_CASE("the projection spec is parsed in one place, errors naming the field") {
  CHECK(ParseRegionPath("KR//Chungnam/") == std::vector<std::string>{"KR", "Chungnam"});
  CHECK(ParseRegionPath("").empty());
  ProjectionSpec spec;
  spec.sector = {"Hospital", "public_agency"};
  spec.region = "Gyeonggi/Goyang";
  spec.window = "2021..2024-06";
  spec.combine = "MAX";
  auto o = ParseProjectionSpec(spec);
  REQUIRE(o.ok());
  CHECK(o->filter.sectors == std::vector<Sector>{Sector::kHospital, Sector::kPublicAgency});
  CHECK(o->filter.region == std::vector<std::string>{"Gyeonggi", "Goyang"});
  CHECK(FormatDate(o->filter.window_from) == "2021");
  CHECK(FormatDate(o->filter.window_to) == "2024-06");
  CHECK(o->combine == CombineTies::kMax);
  auto fails = [](ProjectionSpec s) {
    auto r = ParseProjectionSpec(s);
    REQUIRE_FALSE(r.ok());
    return r.status().message();
  };
  ProjectionSpec s1;
  s1.sector = {"hospitl"};
  CHECK_THAT(fails(s1), StartsWith("sector: unknown sector 'hospitl'") && Contains("hospital"));
  ProjectionSpec s2;
  s2.as_of = "2024-13";
  CHECK_THAT(fails(s2), StartsWith("as-of: invalid date"));
  ProjectionSpec s3;
  s3.window = "2024";
  CHECK_THAT(fails(s3), StartsWith("window: expected FROM..TO"));
  ProjectionSpec s4;
  s4.combine = "mean";
  CHECK_THAT(fails(s4), StartsWith("combine: unknown combine 'mean'"));
  ProjectionSpec s5;
  s5.min_strength = -1;
  CHECK_THAT(fails(s5), StartsWith("min-strength: "));
}

TEST_CASE("the CLI's analysis commands come from the registry, with its defaults and flags") {
  CliResult help = RunCli({"centrality", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Contains("--metric") && Contains("[default: degree]") &&
                           Contains("--damping") && Contains("[default: 0.85]"));
  TempDir dir;
  RunOk({"--db", dir.File("db"), "import", "--create", SamplePath()});
  CliResult bad = RunCli({"--db", dir.File("db"), "centrality", "--top", "ten"});
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Contains("--top: expected a whole number"));
  CliResult window = RunCli({"--db", dir.File("db"), "centrality", "--window", "2024..2021"});
  CHECK(window.exit_code == 1);
  CHECK_THAT(window.err, Contains("--window: TO is before FROM"));
}

}  // namespace
}  // namespace tiegraph::test
