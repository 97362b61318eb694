// What the runner prints: a line per scenario, the summary, and pass rates per folder.
#ifndef TIEGRAPH_TOOLS_TCK_REPORT_H_
#define TIEGRAPH_TOOLS_TCK_REPORT_H_

#include <string>
#include <vector>

#include "scenario_runner.h"

namespace tiegraph::tck {

struct ScenarioRecord {
  std::string id;    // ScenarioId()
  std::string path;  // of the feature file, relative to the folder given
  int line = 0;
  std::string title;
  int example = 0;
  ScenarioVerdict verdict;
};

// "FAIL  clauses/match/Match1.feature:33  [1] Match non-existent nodes returns empty", then with
// `verbose` the reason of a FAIL or SKIP after " -- " (on the same line, cut at 300 bytes).
std::string FormatRecordLine(const ScenarioRecord& record, bool verbose);

// "12 passed, 3 failed, 1 skipped"
std::string FormatSummary(const std::vector<ScenarioRecord>& records);

// One line per folder of feature files (clauses/match, …), sorted: passed, failed, skipped,
// total and the pass percentage; then the whole.
std::string FormatByFolder(const std::vector<ScenarioRecord>& records);

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_REPORT_H_
