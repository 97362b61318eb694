// Where the kit's files are: the feature files under the folders given on the command line, the
// kit's graphs/ folder, and the ids that name scenarios across runs.
#ifndef TIEGRAPH_TOOLS_TCK_FEATURE_FILES_H_
#define TIEGRAPH_TOOLS_TCK_FEATURE_FILES_H_

#include <string>
#include <vector>

#include <tiegraph/status.h>

#include "gherkin.h"

namespace tiegraph::tck {

struct FeatureFile {
  std::string file;  // to open
  std::string path;  // relative to the folder given ("clauses/match/Match1.feature")
};

// Every *.feature file under `dir` (recursively, sorted by path), or `dir` itself when it is a
// feature file. NotFound when it is neither.
Result<std::vector<FeatureFile>> FindFeatureFiles(const std::string& dir);

// The kit's graphs/ folder: `dir/graphs`, or the same beside one of dir's ancestors (the kit
// keeps features/ and graphs/ side by side). Empty when there is none.
std::string FindGraphsDir(const std::string& dir);

// "clauses/match/Match1.feature:[1] Match non-existent nodes returns empty", with ":N" after the
// title of an outline's example N. No line numbers: an id survives edits elsewhere in the file.
std::string ScenarioId(const std::string& path, const Scenario& scenario);

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_FEATURE_FILES_H_
