// Runs one scenario against an engine and judges it: PASS when every expectation holds, FAIL
// with the first that does not, SKIP when the scenario needs what no engine here can offer
// (a named graph the kit lacks, a test procedure the engine cannot declare, an @ignore tag).
#ifndef TIEGRAPH_TOOLS_TCK_SCENARIO_RUNNER_H_
#define TIEGRAPH_TOOLS_TCK_SCENARIO_RUNNER_H_

#include <chrono>
#include <string>

#include "engine.h"
#include "gherkin.h"

namespace tiegraph::tck {

enum class Verdict { kPass, kFail, kSkip };

std::string_view VerdictName(Verdict verdict);  // "PASS", "FAIL", "SKIP"

struct ScenarioVerdict {
  Verdict verdict = Verdict::kPass;
  std::string reason;  // empty for a pass
};

struct RunOptions {
  std::string graphs_dir;  // the kit's graphs/ folder; empty when unknown
  // Each query's budget, passed to the engine: a scenario can never run away with the runner.
  std::chrono::milliseconds query_time_limit{std::chrono::seconds(10)};
};

// `path` names the feature file in reasons.
ScenarioVerdict RunScenario(const Scenario& scenario, const std::string& path, Engine& engine,
                            const RunOptions& options);

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_SCENARIO_RUNNER_H_
