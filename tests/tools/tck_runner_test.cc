// tiegraph-tck's verdicts, with a fake engine that answers each query with a canned outcome:
// results, errors (class, detail code, phase), side effects, setup, parameters, named graphs,
// procedures and the time budget each query is given.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine.h"
#include "gherkin.h"
#include "scenario_plan.h"
#include "scenario_runner.h"
#include "stand_in_engine.h"
#include "test_util.h"
#include "value_notation.h"

namespace tiegraph::tck {
namespace {

using Catch::Matchers::Contains;
using cypher::Value;

// Answers a query from `answers` (by its text; anything else succeeds with no rows) and records
// what it was asked.
class FakeEngine : public Engine {
 public:
  void Reset() override { ++resets; }
  Outcome Execute(const std::string& query, const cypher::Map& params,
                  std::chrono::milliseconds time_limit) override {
    queries.push_back(query);
    last_params = params;
    time_limits.push_back(time_limit);
    auto it = answers.find(query);
    return it == answers.end() ? Outcome{} : it->second;
  }
  bool DefineProcedure(const ProcedureDefinition& procedure) override {
    procedures.push_back(procedure);
    return accepts_procedures;
  }

  std::map<std::string, Outcome> answers;
  bool accepts_procedures = false;
  int resets = 0;
  std::vector<std::string> queries;
  cypher::Map last_params;
  std::vector<std::chrono::milliseconds> time_limits;
  std::vector<ProcedureDefinition> procedures;
};

Outcome Rows(std::vector<std::string> columns, const std::vector<std::vector<std::string>>& rows) {
  Outcome outcome;
  outcome.columns = std::move(columns);
  for (const auto& texts : rows) {
    std::vector<Value> row;
    for (const std::string& text : texts) row.push_back(*ParseValue(text));
    outcome.rows.push_back(row);
  }
  return outcome;
}

Outcome Error(cypher::ErrorClass error_class, std::string code, bool compile_time) {
  Outcome outcome;
  outcome.error = cypher::QueryError{error_class, std::move(code), "", {}};
  outcome.error_at_compile_time = compile_time;
  return outcome;
}

Scenario OneScenario(const std::string& steps) {
  Result<Feature> feature = ReadFeature("Feature: F\n  Scenario: S\n" + steps, "f.feature");
  INFO(feature.status().message());
  REQUIRE(feature.ok());
  REQUIRE(feature->scenarios.size() == 1);
  return feature->scenarios[0];
}

ScenarioVerdict Judge(FakeEngine& engine, const std::string& steps, RunOptions options = {}) {
  return RunScenario(OneScenario(steps), "f.feature", engine, options);
}

const char* kMatchSteps = R"(    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'}), (:B)
      """
    When executing query:
      """
      MATCH (n) RETURN n
      """
    Then the result should be, in any order:
      | n                  |
      | (:A {name: 'a'})   |
      | (:B)               |
    And no side effects
)";

TEST_CASE("tck runner: a result that matches passes, one that differs fails", "[tck]") {
  FakeEngine engine;
  engine.answers["MATCH (n) RETURN n"] = Rows({"n"}, {{"(:B)"}, {"(:A {name: 'a'})"}});
  ScenarioVerdict verdict = Judge(engine, kMatchSteps);
  INFO(verdict.reason);
  CHECK(verdict.verdict == Verdict::kPass);
  CHECK(engine.queries ==
        std::vector<std::string>{"CREATE (:A {name: 'a'}), (:B)", "MATCH (n) RETURN n"});
  CHECK(engine.resets == 1);  // once per scenario

  engine.answers["MATCH (n) RETURN n"] = Rows({"n"}, {{"(:B)"}, {"(:A {name: 'b'})"}});
  verdict = Judge(engine, kMatchSteps);
  CHECK(verdict.verdict == Verdict::kFail);
  CHECK_THAT(verdict.reason, Contains("no row [(:A {name: 'a'})]"));

  engine.answers["MATCH (n) RETURN n"] = Rows({"m"}, {{"(:B)"}, {"(:A {name: 'a'})"}});
  CHECK_THAT(Judge(engine, kMatchSteps).reason, Contains("columns [m], expected [n]"));
}

TEST_CASE("tck runner: in order, empty results and list order", "[tck]") {
  FakeEngine engine;
  engine.answers["Q"] = Rows({"x"}, {{"2"}, {"1"}});
  std::string steps = "    Given any graph\n    When executing query: Q\n";
  CHECK(Judge(engine, steps + "    Then the result should be, in order:\n      | x |\n"
                              "      | 2 |\n      | 1 |\n")
            .verdict == Verdict::kPass);
  CHECK(Judge(engine, steps + "    Then the result should be, in order:\n      | x |\n"
                              "      | 1 |\n      | 2 |\n")
            .verdict == Verdict::kFail);
  CHECK(Judge(engine, steps + "    Then the result should be empty\n").verdict == Verdict::kFail);
  engine.answers["Q"] = Rows({"whatever"}, {});
  CHECK(Judge(engine, steps + "    Then the result should be empty\n").verdict == Verdict::kPass);
  engine.answers["Q"] = Rows({"l"}, {{"[2, 1]"}});
  std::string table = "      | l      |\n      | [1, 2] |\n";
  CHECK(Judge(engine,
              steps + "    Then the result should be (ignoring element order for lists):\n" + table)
            .verdict == Verdict::kPass);
  CHECK(Judge(engine, steps +
                          "    Then the result should be, in order (ignoring element order for "
                          "lists):\n" +
                          table)
            .verdict == Verdict::kPass);
  CHECK(Judge(engine,
              steps + "    Then the result should be, ignoring element order for lists:\n" + table)
            .verdict == Verdict::kPass);
  CHECK(Judge(engine, steps + "    Then the result should be, in any order:\n" + table).verdict ==
        Verdict::kFail);
}

TEST_CASE("tck runner: expected errors by class, detail code and phase", "[tck]") {
  FakeEngine engine;
  std::string steps = "    Given any graph\n    When executing query: Q\n";
  auto judge = [&](const std::string& then) {
    return Judge(engine, steps + "    Then " + then + "\n");
  };
  engine.answers["Q"] = Error(cypher::ErrorClass::kSyntaxError, "UndefinedVariable", true);
  CHECK(judge("a SyntaxError should be raised at compile time: UndefinedVariable").verdict ==
        Verdict::kPass);
  CHECK(judge("a SyntaxError should be raised at any time: UndefinedVariable").verdict ==
        Verdict::kPass);
  CHECK(judge("a SyntaxError should be raised at any time: *").verdict == Verdict::kPass);
  ScenarioVerdict wrong_phase =
      judge("a SyntaxError should be raised at runtime: UndefinedVariable");
  CHECK(wrong_phase.verdict == Verdict::kFail);
  CHECK_THAT(wrong_phase.reason, Contains("raised at compile time"));
  ScenarioVerdict wrong_code =
      judge("a SyntaxError should be raised at compile time: VariableAlreadyBound");
  CHECK(wrong_code.verdict == Verdict::kFail);
  CHECK_THAT(wrong_code.reason, Contains("got SyntaxError (UndefinedVariable)"));
  CHECK(judge("a TypeError should be raised at compile time: UndefinedVariable").verdict ==
        Verdict::kFail);
  engine.answers["Q"] = Error(cypher::ErrorClass::kArgumentError, "NumberOutOfRange", false);
  CHECK(judge("an ArgumentError should be raised at runtime: NumberOutOfRange").verdict ==
        Verdict::kPass);
  CHECK(judge("a ArgumentError should be raised at runtime: NumberOutOfRange").verdict ==
        Verdict::kPass);
  // An error where rows were expected, and rows where an error was.
  CHECK_THAT(judge("the result should be empty").reason,
             Contains("the query failed: ArgumentError"));
  engine.answers["Q"] = Rows({"x"}, {{"1"}});
  CHECK_THAT(judge("a TypeError should be raised at runtime: InvalidArgumentType").reason,
             Contains("the query succeeded"));
  // A failing query changes nothing.
  Outcome dirty = Error(cypher::ErrorClass::kTypeError, "InvalidArgumentType", false);
  dirty.effects.nodes_created = 1;
  engine.answers["Q"] = dirty;
  CHECK_THAT(judge("a TypeError should be raised at runtime: InvalidArgumentType").reason,
             Contains("+nodes 1"));
}

TEST_CASE("tck runner: side effects", "[tck]") {
  FakeEngine engine;
  Outcome created;
  created.effects.nodes_created = 2;
  created.effects.properties_set = 1;
  created.effects.labels_added = 1;
  engine.answers["CREATE"] = created;
  std::string steps =
      "    Given an empty graph\n    When executing query: CREATE\n"
      "    Then the result should be empty\n";
  CHECK(Judge(engine, steps + "    And the side effects should be:\n      | +nodes | 2 |\n"
                              "      | +properties | 1 |\n      | +labels | 1 |\n")
            .verdict == Verdict::kPass);
  ScenarioVerdict wrong = Judge(engine, steps +
                                            "    And the side effects should be:\n"
                                            "      | +nodes | 2 |\n      | +labels | 1 |\n");
  CHECK(wrong.verdict == Verdict::kFail);
  CHECK_THAT(wrong.reason, Contains("+properties 1 (expected 0)"));
  CHECK(Judge(engine, steps + "    And no side effects\n").verdict == Verdict::kFail);
  Outcome removed;
  removed.effects = SideEffects{0, 1, 0, 2, 0, 1, 0, 3};
  engine.answers["CREATE"] = removed;
  CHECK(Judge(engine, steps + "    And the side effects should be:\n      | -nodes | 1 |\n"
                              "      | -relationships | 2 |\n      | -labels | 1 |\n"
                              "      | -properties | 3 |\n")
            .verdict == Verdict::kPass);
  engine.answers["CREATE"] = Outcome{};
  CHECK(Judge(engine, steps + "    And no side effects\n").verdict == Verdict::kPass);
}

TEST_CASE("tck runner: setup failures, parameters, control queries, time budget", "[tck]") {
  FakeEngine engine;
  engine.answers["CREATE ()"] = Error(cypher::ErrorClass::kStorageError, "", false);
  ScenarioVerdict setup = Judge(engine,
                                "    Given an empty graph\n    And having executed:\n"
                                "      \"\"\"\n      CREATE ()\n      \"\"\"\n"
                                "    When executing query: Q\n"
                                "    Then the result should be empty\n");
  CHECK(setup.verdict == Verdict::kFail);
  CHECK_THAT(setup.reason, Contains("setup query of line 4"));

  engine.queries.clear();
  RunOptions options;
  options.query_time_limit = std::chrono::milliseconds(1234);
  ScenarioVerdict verdict =
      Judge(engine,
            "    Given any graph\n    And parameters are:\n      | list | [1, 'a'] |\n"
            "      | n    | 2        |\n    When executing query: RETURN $n\n"
            "    Then the result should be empty\n    When executing control query: CHECK\n"
            "    Then the result should be, in any order:\n      | c |\n      | 1 |\n",
            options);
  CHECK(engine.last_params.size() == 2);
  CHECK(engine.last_params.at("n").integer() == 2);
  CHECK(engine.last_params.at("list").list()[1].string() == "a");
  CHECK(engine.queries == std::vector<std::string>{"RETURN $n", "CHECK"});
  CHECK(engine.time_limits.back() == std::chrono::milliseconds(1234));
  // The control query's (empty) answer does not have the expected row.
  CHECK(verdict.verdict == Verdict::kFail);
  engine.answers["CHECK"] = Rows({"c"}, {{"1"}});
  CHECK(Judge(engine,
              "    Given any graph\n    When executing query: Q\n"
              "    Then the result should be empty\n"
              "    When executing control query: CHECK\n"
              "    Then the result should be, in any order:\n      | c |\n      | 1 |\n")
            .verdict == Verdict::kPass);

  engine.answers["SLOW"] = Error(cypher::ErrorClass::kTimeout, "", false);
  ScenarioVerdict slow = Judge(engine,
                               "    Given any graph\n    When executing query: SLOW\n"
                               "    Then the result should be empty\n");
  CHECK(slow.verdict == Verdict::kFail);
  CHECK_THAT(slow.reason, Contains("10000 ms"));
}

TEST_CASE("tck runner: named graphs, procedures and @ignore", "[tck]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.File("graphs/tiny"));
  dir.Write("graphs/tiny/tiny.cypher", "CREATE (:A {s: 'x;y'});\n// a ; comment\nCREATE (:B);\n");
  RunOptions options;
  options.graphs_dir = dir.File("graphs");
  FakeEngine engine;
  std::string query = "    When executing query: Q\n    Then the result should be empty\n";
  CHECK(Judge(engine, "    Given the tiny graph\n" + query, options).verdict == Verdict::kPass);
  CHECK(engine.queries ==
        std::vector<std::string>{"CREATE (:A {s: 'x;y'})", "// a ; comment\nCREATE (:B)", "Q"});
  ScenarioVerdict missing = Judge(engine, "    Given the huge graph\n" + query, options);
  CHECK(missing.verdict == Verdict::kSkip);
  CHECK_THAT(missing.reason, Contains("huge"));
  engine.answers["// a ; comment\nCREATE (:B)"] =
      Error(cypher::ErrorClass::kSyntaxError, "UnexpectedSyntax", true);
  CHECK_THAT(Judge(engine, "    Given the tiny graph\n" + query, options).reason,
             Contains("building the tiny graph failed"));

  std::string procedure =
      "    Given an empty graph\n"
      "    And there exists a procedure test.my.proc(in :: INTEGER?) :: (out :: STRING?):\n"
      "      | in | out |\n      | 1  | 'a' |\n" +
      query;
  ScenarioVerdict skipped = Judge(engine, procedure);
  CHECK(skipped.verdict == Verdict::kSkip);
  CHECK_THAT(skipped.reason, Contains("test.my.proc(in :: INTEGER?) :: (out :: STRING?)"));
  engine.accepts_procedures = true;
  CHECK(Judge(engine, procedure).verdict == Verdict::kPass);
  REQUIRE_FALSE(engine.procedures.empty());
  CHECK(engine.procedures.back().columns == std::vector<std::string>{"in", "out"});
  CHECK(engine.procedures.back().rows[0][1].string() == "a");

  Scenario ignored = OneScenario("    Given any graph\n" + query);
  ignored.tags.push_back("@ignore");
  CHECK(RunScenario(ignored, "f.feature", engine, options).verdict == Verdict::kSkip);
}

TEST_CASE("tck runner: steps it cannot read fail with the line", "[tck]") {
  FakeEngine engine;
  auto reason = [&](const std::string& steps) {
    ScenarioVerdict verdict = Judge(engine, steps);
    CHECK(verdict.verdict == Verdict::kFail);
    return verdict.reason;
  };
  CHECK_THAT(reason("    Given a graph of my own\n"),
             Contains("f.feature:3: ") && Contains("Given a graph of my own"));
  CHECK_THAT(reason("    Given any graph\n    When executing query:\n"),
             Contains("without its query"));
  CHECK_THAT(reason("    Given any graph\n    Then the result should be empty\n"),
             Contains("before any query"));
  CHECK_THAT(reason("    Given any graph\n    When executing query: Q\n"
                    "    Then the result should be, in any order:\n      | x   |\n      | 1 2 |\n"),
             Contains("f.feature:7: ") && Contains("column"));
  CHECK_THAT(reason("    Given any graph\n    When executing query: Q\n"
                    "    Then the side effects should be:\n      | +widgets | 1 |\n"),
             Contains("+widgets"));
  CHECK_THAT(reason("    Given any graph\n    When executing query: Q\n"
                    "    Then the side effects should be:\n      | +nodes | many |\n"),
             Contains("many"));
  CHECK_THAT(reason("    Given any graph\n    And parameters are:\n      | a | b | c |\n"),
             Contains("two columns"));
}

TEST_CASE("tck runner: the stand-in engine fails every query", "[tck]") {
  StandInEngine engine;
  Outcome outcome = engine.Execute("RETURN 1", {}, std::chrono::milliseconds(10));
  REQUIRE(outcome.error);
  CHECK(outcome.error->error_class == cypher::ErrorClass::kStorageError);
  CHECK(outcome.error->message == "no query engine");
  ScenarioVerdict verdict = RunScenario(
      OneScenario("    Given any graph\n    When executing query: RETURN 1\n"
                  "    Then the result should be, in any order:\n      | 1 |\n      | 1 |\n"),
      "f.feature", engine, {});
  CHECK(verdict.verdict == Verdict::kFail);
  CHECK_THAT(verdict.reason, Contains("no query engine"));
  CHECK_FALSE(engine.DefineProcedure({}));
}

}  // namespace
}  // namespace tiegraph::tck
