#include "scenario_runner.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "named_graph.h"
#include "scenario_plan.h"

namespace tiegraph::tck {
namespace {

std::optional<ScenarioVerdict> Fail(std::string reason) {
  return ScenarioVerdict{Verdict::kFail, std::move(reason)};
}

std::string Describe(const cypher::QueryError& error) {
  std::string out(cypher::ErrorClassName(error.error_class));
  if (!error.code.empty()) out += " (" + error.code + ")";
  if (!error.message.empty()) out += ": " + error.message;
  return out;
}

std::string_view PhaseName(ExpectError::Phase phase) {
  switch (phase) {
    case ExpectError::Phase::kCompileTime:
      return "compile time";
    case ExpectError::Phase::kRuntime:
      return "runtime";
    case ExpectError::Phase::kAnyTime:
      return "any time";
  }
  return "?";
}

std::string DescribeDifferences(const SideEffects& actual, const SideEffects& expected) {
  struct Kind {
    const char* name;
    int64_t SideEffects::*count;
  };
  static const Kind kKinds[] = {{"+nodes", &SideEffects::nodes_created},
                                {"-nodes", &SideEffects::nodes_deleted},
                                {"+relationships", &SideEffects::relationships_created},
                                {"-relationships", &SideEffects::relationships_deleted},
                                {"+labels", &SideEffects::labels_added},
                                {"-labels", &SideEffects::labels_removed},
                                {"+properties", &SideEffects::properties_set},
                                {"-properties", &SideEffects::properties_removed}};
  std::string out;
  for (const Kind& kind : kKinds) {
    if (actual.*kind.count != expected.*kind.count) {
      if (!out.empty()) out += ", ";
      out += std::string(kind.name) + " " + std::to_string(actual.*kind.count) + " (expected " +
             std::to_string(expected.*kind.count) + ")";
    }
  }
  return out;
}

// Carries out a scenario's actions in order; each returns a verdict when the scenario ends there.
class ScenarioRun {
 public:
  ScenarioRun(Engine& engine, const RunOptions& options) : engine_(engine), options_(options) {}

  ScenarioVerdict Run(const ScenarioPlan& plan) {
    engine_.Reset();  // every scenario starts from an empty graph, whatever its Given says
    for (const Action& action : plan.actions) {
      std::optional<ScenarioVerdict> end = std::visit(*this, action);
      if (end) return *end;
    }
    return ScenarioVerdict{};
  }

  // The graph is already empty: Run() reset it.
  std::optional<ScenarioVerdict> operator()(const InitGraph& init) {
    if (init.named_graph.empty()) return std::nullopt;
    Result<std::vector<std::string>> statements =
        LoadNamedGraph(options_.graphs_dir, init.named_graph);
    if (!statements.ok()) return ScenarioVerdict{Verdict::kSkip, statements.status().message()};
    for (const std::string& statement : *statements) {
      Outcome outcome = Execute(statement);
      if (outcome.error) {
        return Fail("building the " + init.named_graph +
                    " graph failed: " + Describe(*outcome.error));
      }
    }
    return std::nullopt;
  }

  std::optional<ScenarioVerdict> operator()(const RunSetupQuery& setup) {
    Outcome outcome = Execute(setup.query);
    if (outcome.error) {
      return Fail("the setup query of line " + std::to_string(setup.line) +
                  " failed: " + Describe(*outcome.error));
    }
    return std::nullopt;
  }

  std::optional<ScenarioVerdict> operator()(const SetParameters& set) {
    parameters_ = set.parameters;
    return std::nullopt;
  }

  std::optional<ScenarioVerdict> operator()(const DeclareProcedure& declare) {
    if (engine_.DefineProcedure(declare.procedure)) return std::nullopt;
    return ScenarioVerdict{
        Verdict::kSkip, "the engine cannot declare test procedure " + declare.procedure.signature};
  }

  std::optional<ScenarioVerdict> operator()(const RunQuery& run) {
    last_ = Execute(run.query, parameters_);
    if (last_->error && last_->error->error_class == cypher::ErrorClass::kTimeout) {
      return Fail("the query of line " + std::to_string(run.line) + " ran out of its " +
                  std::to_string(options_.query_time_limit.count()) + " ms");
    }
    return std::nullopt;
  }

  std::optional<ScenarioVerdict> operator()(const ExpectRows& expect) {
    if (last_->error) return Fail("the query failed: " + Describe(*last_->error));
    if (expect.empty) {
      if (last_->rows.empty()) return std::nullopt;
      return Fail(std::to_string(last_->rows.size()) + " rows, expected none; the first is " +
                  FormatRow(last_->rows.front()));
    }
    std::string difference = CompareTables(last_->columns, last_->rows, expect.table, expect.order,
                                           expect.ignore_list_order);
    if (difference.empty()) return std::nullopt;
    return Fail(difference);
  }

  std::optional<ScenarioVerdict> operator()(const ExpectError& expect) {
    std::string expected =
        expect.error_class + " (" + expect.code + ") at " + std::string(PhaseName(expect.phase));
    if (!last_->error) {
      return Fail("expected " + expected + ", the query succeeded with " +
                  std::to_string(last_->rows.size()) + " rows");
    }
    const cypher::QueryError& error = *last_->error;
    if (cypher::ErrorClassName(error.error_class) != expect.error_class ||
        (expect.code != "*" && error.code != expect.code)) {
      return Fail("expected " + expected + ", got " + Describe(error));
    }
    bool phase_ok =
        expect.phase == ExpectError::Phase::kAnyTime ||
        (expect.phase == ExpectError::Phase::kCompileTime) == last_->error_at_compile_time;
    if (!phase_ok) {
      return Fail("expected " + expected + ", raised at " +
                  (last_->error_at_compile_time ? "compile time" : "runtime"));
    }
    // A query that fails changes nothing (the kit's README, "Cypher errors").
    if (last_->effects != SideEffects{}) {
      return Fail("raised " + expected +
                  " but changed the graph: " + DescribeDifferences(last_->effects, SideEffects{}));
    }
    return std::nullopt;
  }

  std::optional<ScenarioVerdict> operator()(const ExpectSideEffects& expect) {
    if (last_->effects == expect.effects) return std::nullopt;
    return Fail("side effects " + DescribeDifferences(last_->effects, expect.effects));
  }

 private:
  Outcome Execute(const std::string& query, const cypher::Map& parameters = {}) {
    return engine_.Execute(query, parameters, options_.query_time_limit);
  }

  Engine& engine_;
  const RunOptions& options_;
  cypher::Map parameters_;
  std::optional<Outcome> last_;  // the planner puts every expectation after a query
};

}  // namespace

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass:
      return "PASS";
    case Verdict::kFail:
      return "FAIL";
    case Verdict::kSkip:
      return "SKIP";
  }
  return "?";
}

ScenarioVerdict RunScenario(const Scenario& scenario, const std::string& path, Engine& engine,
                            const RunOptions& options) {
  if (std::find(scenario.tags.begin(), scenario.tags.end(), "@ignore") != scenario.tags.end()) {
    return ScenarioVerdict{Verdict::kSkip, "tagged @ignore"};
  }
  Result<ScenarioPlan> plan = PlanScenario(scenario, path);
  if (!plan.ok()) return ScenarioVerdict{Verdict::kFail, plan.status().message()};
  return ScenarioRun(engine, options).Run(*plan);
}

}  // namespace tiegraph::tck
