// Every feature file of the openCypher conformance kit (TIEGRAPH_TCK_DIR) through the reader and
// the step planner: no file the reader cannot read, no step the runner does not know, no expected
// value it cannot parse, no two scenarios with one id.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <set>
#include <string>

#include "feature_files.h"
#include "gherkin.h"
#include "named_graph.h"
#include "result_compare.h"
#include "scenario_plan.h"
#include "value_notation.h"

namespace tiegraph::tck {
namespace {

const std::string kKit = TIEGRAPH_TCK_DIR;

TEST_CASE("tck kit sweep: every feature file reads, every scenario plans", "[tck]") {
  INFO("the conformance kit is expected at " << kKit);
  REQUIRE(std::filesystem::is_directory(kKit + "/features"));
  Result<std::vector<FeatureFile>> files = FindFeatureFiles(kKit + "/features");
  REQUIRE(files.ok());
  REQUIRE(files->size() > 100);
  size_t scenarios = 0;
  size_t outline_examples = 0;
  size_t plan_errors = 0;
  size_t expected_values = 0;
  std::set<std::string> ids;
  for (const FeatureFile& file : *files) {
    Result<Feature> feature = ReadFeatureFile(file.file, file.path);
    INFO(feature.status().message());
    REQUIRE(feature.ok());
    for (const Scenario& scenario : feature->scenarios) {
      ++scenarios;
      if (scenario.example > 0) ++outline_examples;
      Result<ScenarioPlan> plan = PlanScenario(scenario, file.path);
      if (!plan.ok()) {
        ++plan_errors;
        UNSCOPED_INFO(plan.status().message());
        continue;
      }
      // Every expected value prints back in a notation that reads as an equal value.
      for (const Action& action : plan->actions) {
        const auto* expect = std::get_if<ExpectRows>(&action);
        if (!expect) continue;
        for (const Row& row : expect->table.rows) {
          for (const cypher::Value& value : row) {
            ++expected_values;
            std::string printed = FormatValue(value);
            Result<cypher::Value> again = ParseValue(printed);
            INFO(file.path << ": " << printed);
            REQUIRE(again.ok());
            CHECK(ValuesMatch(*again, value, false));
          }
        }
      }
      std::string id = ScenarioId(file.path, scenario);
      INFO(id);
      CHECK(ids.insert(id).second);
    }
  }
  std::cout << "conformance kit: " << files->size() << " feature files, " << scenarios
            << " scenarios after expanding outlines (" << outline_examples << " from examples), "
            << expected_values << " expected values\n";
  CHECK(plan_errors == 0);
  CHECK(scenarios > 1000);
  CHECK(outline_examples > 0);
  CHECK(expected_values > 1000);
}

TEST_CASE("tck kit sweep: the named graphs are found and split", "[tck]") {
  std::string graphs = FindGraphsDir(kKit + "/features/clauses/match");
  CHECK(std::filesystem::equivalent(graphs, kKit + "/graphs"));
  for (const char* name : {"binary-tree-1", "binary-tree-2"}) {
    Result<std::vector<std::string>> statements = LoadNamedGraph(graphs, name);
    INFO(name << ": " << statements.status().message());
    REQUIRE(statements.ok());
    REQUIRE_FALSE(statements->empty());
    CHECK(statements->front().rfind("CREATE", 0) == 0);
  }
  CHECK(LoadNamedGraph(graphs, "no-such-graph").status().IsNotFound());
}

}  // namespace
}  // namespace tiegraph::tck
