// The registry of analyses: every analysis the CLI offers, with its parameters (typed, with
// documented defaults), the tables it yields, and the function that runs it. The CLI builds its
// analysis commands from it; embedders, and the query language's procedures to come, run
// analyses through RunAnalysis. Parameters arrive as text, the way every front end has them;
// each is parsed and checked here, and an error names the parameter at fault.
#ifndef TIEGRAPH_REGISTRY_H_
#define TIEGRAPH_REGISTRY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/projection_spec.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

enum class ParamType {
  kText,         // any text
  kChoice,       // one of `choices`
  kInteger,      // a whole number
  kReal,         // a number
  kFlag,         // true or false; on the command line, present or absent
  kInstitution,  // a key, name or alias, resolved to the institution's key
};
std::string_view ParamTypeName(ParamType type);

struct ParamInfo {
  std::string name;  // kebab-case, the CLI's flag without its dashes
  ParamType type = ParamType::kText;
  std::string default_value;  // as text; empty: none
  std::string help;
  std::vector<std::string> choices = {};  // kChoice only
  bool positional = false;                // the CLI takes it as an argument rather than a flag
  bool required = false;
};

// A table an analysis yields: its name and columns (name and type) as the defaults give them.
// Where a parameter changes the columns, `varies` says how (the centrality's value column is
// named after the metric; a permutation test appends PermutationTestColumns(), gap_analysis.h);
// otherwise they are fixed.
struct TableInfo {
  std::string name;
  std::vector<Column> columns;
  bool optional = false;  // only with a parameter (`varies` says which)
  std::string varies = {};
};

struct AnalysisInfo {
  std::string name;  // the CLI's command
  std::string summary;
  // Takes the projection filters (tiegraph/projection_spec.h); `time_filters` false: not
  // as-of and window (the analysis sets the time itself).
  bool projection = true;
  bool time_filters = true;
  std::vector<ParamInfo> params = {};
  std::vector<TableInfo> tables = {};  // the tables it can yield, in order
};

// Every analysis, in the order the CLI's help lists them.
const std::vector<AnalysisInfo>& Analyses();
// The analysis called `name`, or nullptr.
const AnalysisInfo* FindAnalysis(std::string_view name);

// The parameters as given, by name; absent ones take their defaults.
using AnalysisArgs = std::map<std::string, std::string, std::less<>>;

// Runs analysis `name` on the snapshot. An unknown analysis is NotFound; an unknown parameter,
// a value that does not parse, or one out of range is InvalidArgument naming the parameter.
Result<std::vector<Table>> RunAnalysis(const Snapshot& snap, std::string_view name,
                                       const ProjectionSpec& projection, const AnalysisArgs& args);

}  // namespace tiegraph

#endif  // TIEGRAPH_REGISTRY_H_
