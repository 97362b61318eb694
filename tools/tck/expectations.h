// Lists of scenario ids expected to pass (--expect) and written from a run (--write-expected):
// a scenario that stops passing is a regression, one that starts is an improvement.
#ifndef TIEGRAPH_TOOLS_TCK_EXPECTATIONS_H_
#define TIEGRAPH_TOOLS_TCK_EXPECTATIONS_H_

#include <set>
#include <string>
#include <vector>

#include <tiegraph/status.h>

#include "report.h"

namespace tiegraph::tck {

// One id a line; blank lines and lines starting with '#' are skipped.
Result<std::set<std::string>> ReadIdList(const std::string& file);
// The ids of the passing records, sorted, one a line.
Status WritePassingIds(const std::string& file, const std::vector<ScenarioRecord>& records);

struct ExpectationCheck {
  std::vector<std::string> regressions;   // listed, ran, and did not pass
  std::vector<std::string> missing;       // listed, of a feature file read, but no such scenario
  std::vector<std::string> improvements;  // passed but not listed
  int out_of_scope = 0;  // listed, but of a feature file not read or outside the filter
};

// Compares a run with the ids expected to pass. `filter` is the run's --filter (empty: none);
// `paths` the feature files read.
ExpectationCheck CheckExpectations(const std::set<std::string>& expected,
                                   const std::vector<ScenarioRecord>& records,
                                   const std::set<std::string>& paths, const std::string& filter);

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_EXPECTATIONS_H_
