// A reader for the subset of Gherkin the openCypher conformance kit is written in: Feature,
// Background, Scenario, Scenario Outline with Examples, Given/When/Then/And/But steps, doc strings,
// data tables, tags and comments. Outlines come out expanded, one scenario per example row.
#ifndef TIEGRAPH_TOOLS_TCK_GHERKIN_H_
#define TIEGRAPH_TOOLS_TCK_GHERKIN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/status.h>

namespace tiegraph::tck {

// A data table's cells, already unescaped (`\|` is a bar, `\\` a backslash, `\n` a newline).
struct DataTable {
  int line = 0;  // of the first row
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_lines;
};

struct Step {
  int line = 0;
  std::string keyword;  // "Given", "When", "Then", "And", "But" or "*"
  std::string text;     // after the keyword, trimmed
  std::optional<std::string> doc_string;
  std::optional<DataTable> table;
};

// One runnable scenario: a plain Scenario, or one row of an outline's Examples.
struct Scenario {
  int line = 0;       // of the Scenario line, or of the example row
  std::string title;  // as written (placeholders of an outline's title not substituted)
  int example = 0;    // 1-based row among all of an outline's Examples; 0 for a plain one
  std::vector<std::string> tags;  // the feature's, the scenario's and the Examples' ("@ignore")
  std::vector<Step> steps;        // the Background's first
};

struct Feature {
  std::string path;  // as given to the reader, for messages and ids
  std::string title;
  std::vector<Scenario> scenarios;
};

// Reads a feature from its text. Errors say "PATH:LINE: what is wrong".
Result<Feature> ReadFeature(std::string_view text, const std::string& path);
// Reads the file at `file`; `path` is how messages and ids name it.
Result<Feature> ReadFeatureFile(const std::string& file, const std::string& path);

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_GHERKIN_H_
