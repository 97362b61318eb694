// Running one statement of the query language and printing its result: shared by the query
// and shell commands.
#ifndef TIEGRAPH_TOOLS_CLI_QUERY_H_
#define TIEGRAPH_TOOLS_CLI_QUERY_H_

#include <string>

#include <tiegraph/cypher_value.h>

#include "cli_context.h"

namespace tiegraph::cli {

struct QueryRun {
  cypher::Map parameters;
  double timeout_seconds = 30;
  size_t max_rows = 10'000'000;
  size_t max_memory_mb = 1024;
  size_t max_path_length = 1000;
};

// One `name=value` parameter: the value as JSON when it reads as JSON, else as text.
Status ParseParam(const std::string& given, cypher::Map* out);

// Opens the database (for writing when the statement writes), runs the statement and prints
// its rows in ctx.format, or its error with a caret under the place. Returns the exit code.
int RunQuery(const Context& ctx, const std::string& text, const QueryRun& run);

}  // namespace tiegraph::cli

#endif  // TIEGRAPH_TOOLS_CLI_QUERY_H_
