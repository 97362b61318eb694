// The steps of the kit's scenarios, read into actions: what to set up, which query to run and
// what to expect of it. Every step wording the kit uses is here; any other is an error, so a
// new wording in a later kit is noticed rather than ignored.
#ifndef TIEGRAPH_TOOLS_TCK_SCENARIO_PLAN_H_
#define TIEGRAPH_TOOLS_TCK_SCENARIO_PLAN_H_

#include <string>
#include <variant>
#include <vector>

#include <tiegraph/cypher_value.h>
#include <tiegraph/status.h>

#include "engine.h"
#include "gherkin.h"
#include "result_compare.h"

namespace tiegraph::tck {

// `Given an empty graph`, `Given any graph` (named_graph empty) or `Given the NAME graph`.
struct InitGraph {
  std::string named_graph;
};
// `And having executed:` a query that builds the scenario's graph.
struct RunSetupQuery {
  int line = 0;
  std::string query;
};
// `And parameters are:` (also `parameter values are:`), a table of name | value.
struct SetParameters {
  cypher::Map parameters;
};
// `And there exists a procedure SIGNATURE:` with its table.
struct DeclareProcedure {
  ProcedureDefinition procedure;
};
// `When executing query:` or `When executing control query:`.
struct RunQuery {
  int line = 0;
  std::string query;
  bool control = false;
};
// `Then the result should be, in any order:` / `, in order:` / `(ignoring element order for
// lists):` / `the result should be empty` (any columns, no rows).
struct ExpectRows {
  int line = 0;
  ExpectedTable table;
  RowOrder order = RowOrder::kAnyOrder;
  bool ignore_list_order = false;
  bool empty = false;
};
// `Then a CLASS should be raised at compile time|runtime|any time: CODE`.
struct ExpectError {
  enum class Phase { kCompileTime, kRuntime, kAnyTime };
  int line = 0;
  std::string error_class;  // "SyntaxError"
  Phase phase = Phase::kAnyTime;
  std::string code;  // "UndefinedVariable", or "*" for any
};
// `And no side effects` or `And the side effects should be:` (unlisted kinds are zero).
struct ExpectSideEffects {
  int line = 0;
  SideEffects effects;
};

using Action = std::variant<InitGraph, RunSetupQuery, SetParameters, DeclareProcedure, RunQuery,
                            ExpectRows, ExpectError, ExpectSideEffects>;

struct ScenarioPlan {
  std::vector<Action> actions;
};

// Reads a scenario's steps. Errors say "PATH:LINE: what is wrong with the step".
Result<ScenarioPlan> PlanScenario(const Scenario& scenario, const std::string& path);

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_SCENARIO_PLAN_H_
