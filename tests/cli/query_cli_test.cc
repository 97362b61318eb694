// The query language through the CLI: `query` (text, JSON and CSV, parameters, a file, errors
// with a caret, writes as commits) and `shell` fed from a pipe. Expectations come from the seed
// file read by hand: jbnu (전북대학교) is the target of T001 and T004 (from jeonju-city) and of
// T003 (from its part jbnu-startup-group).
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

// The JSON form of `query`: {"columns": […], "rows": [[…], …]}.
nlohmann::json QueryJson(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db, "--format", "json", "query"});
  CliResult r = RunOk(args);
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

const char* kJbnuTies =
    "MATCH (i:Institution {key: 'jbnu'})<-[t]-(o) RETURN t.key AS tie, o.key AS other "
    "ORDER BY tie";

TEST_CASE("query: rows as text, JSON and CSV", "[cli][query]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  const auto json = QueryJson(db, {kJbnuTies});
  CHECK(json["columns"] == nlohmann::json::parse(R"(["tie", "other"])"));
  CHECK(json["rows"] == nlohmann::json::parse(R"([["T001", "jeonju-city"],
                                                  ["T003", "jbnu-startup-group"],
                                                  ["T004", "jeonju-city"]])"));
  CliResult csv = RunOk({"--db", db, "query", kJbnuTies, "--format", "csv"});
  CHECK(csv.out == "tie,other\nT001,jeonju-city\nT003,jbnu-startup-group\nT004,jeonju-city\n");
  CliResult text = RunOk({"--db", db, "query", kJbnuTies});
  CHECK_THAT(text.out, Contains("tie ") && Contains("T003  jbnu-startup-group"));
}

TEST_CASE("query: parameters and a query file", "[cli][query]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  const char* by_key = "MATCH (i:Institution) WHERE i.key = $key RETURN i.name AS name";
  const auto named = QueryJson(db, {by_key, "--param", "key=jbnu"});
  CHECK(named["rows"] == nlohmann::json::parse(R"([["전북대학교"]])"));
  // A JSON value is typed: 3 is an integer, so the slice has three rows.
  const auto limited = QueryJson(
      db, {"MATCH (i:Institution) RETURN i.key ORDER BY i.key LIMIT $n", "--param", "n=3"});
  CHECK(limited["rows"].size() == 3);
  const std::string file = dir.path() + "/q.cypher";
  std::ofstream(file) << kJbnuTies << "\n";
  const auto from_file = QueryJson(db, {"-f", file});
  CHECK(from_file["rows"].size() == 3);
  CliResult missing = RunCli({"--db", db, "query", by_key});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Contains("ParameterMissing"));
}

TEST_CASE("query: an error names line and column and points at the place", "[cli][query]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  CliResult bad = RunCli({"--db", db, "query", "MATCH (h:Hospital)\nRETURN h.name +, 1"});
  CHECK(bad.exit_code == 1);
  // Line 2, column 16: the comma after `h.name +`.
  CHECK_THAT(bad.err, Contains("SyntaxError (UnexpectedSyntax) at 2:16") &&
                          Contains("  RETURN h.name +, 1\n                 ^"));
  CliResult unknown = RunCli({"--db", db, "query", "MATCH (h:Hospital) RETURN x"});
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Contains("SyntaxError (UndefinedVariable) at 1:27"));
}

TEST_CASE("query: a write is one commit in the history; a failing one leaves nothing",
          "[cli][query]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  CliResult created = RunOk(
      {"--db", db, "--author", "kim", "query",
       "CREATE (:Institution:Research {key: 'kist', name: 'KIST', region: ['KR', 'Seoul']})"});
  CHECK_THAT(created.err, Contains("committed as 2"));
  const auto shown = QueryJson(db, {"MATCH (k:Research {key: 'kist'}) RETURN k.sector AS sector, "
                                    "k.region AS region, labels(k) AS labels"});
  CHECK(shown["rows"] ==
        nlohmann::json::parse(R"([["research", ["KR", "Seoul"], ["Institution", "Research"]]])"));
  const auto history = RunJsonTables(db, {"history", "kist"});
  REQUIRE(history["tables"][0]["rows"].size() == 1);
  CHECK(history["tables"][0]["rows"][0]["author"] == "kim");
  RunOk({"--db", db, "check"});

  // Integer division by zero fails after the CREATE ran: nothing of the query stays.
  CliResult failed = RunCli({"--db", db, "query",
                             "CREATE (:Institution {key: 'x1', name: 'X'}) WITH 1 AS one "
                             "RETURN one / 0"});
  CHECK(failed.exit_code == 1);
  CHECK(RunCli({"--db", db, "show", "x1"}).exit_code == 1);
  // A field the store validates is refused with its name.
  CliResult sector = RunCli({"--db", db, "query", "MATCH (k {key: 'kist'}) SET k.sector = 'bank'"});
  CHECK(sector.exit_code == 1);
  CHECK_THAT(sector.err, Contains("sector"));
}

TEST_CASE("shell: statements over several lines, parameters and formats from a pipe",
          "[cli][query]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  const std::string script =
      "MATCH (i:Institution {key: 'jbnu'})\n"
      "RETURN i.name AS name;\n"
      ":param k=\"jbnu\"\n"
      ":format csv\n"
      "MATCH (i:Institution)<-[t]-() WHERE i.key = $k RETURN count(t) AS ties;\n";
  CliResult run = RunProgram(
      "/bin/sh",
      {"-c", "printf '%s' \"$0\" | " + std::string(TIEGRAPH_CLI_PATH) + " --db " + db + " shell",
       script});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Contains("전북대학교") && Contains("ties\n3\n"));
}

}  // namespace
}  // namespace tiegraph::test
