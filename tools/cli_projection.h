// What every command over a projection shares: the projection filters on the command line,
// and opening a snapshot to run a request against.
#ifndef TIEGRAPH_TOOLS_CLI_PROJECTION_H_
#define TIEGRAPH_TOOLS_CLI_PROJECTION_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include <tiegraph/tiegraph.h>

#include "cli_context.h"

namespace tiegraph::cli {

// The projection options every analysis command shares, as given on the command line.
struct FilterArgs {
  ProjectionSpec spec;  // parsed and checked by the library (tiegraph/projection_spec.h)

  // Adds --sector, --kind, --region, --type, … to `cmd`; without `time_filters`, not --as-of
  // and --window (for commands that set the time themselves).
  void Register(CLI::App* cmd, bool time_filters = true);

  // The options as given, checked: a bad value is an error naming its flag.
  Result<ProjectionOptions> Options() const;
};

// Opens the database and calls `fn` with a snapshot and the checked options; errors (from
// the options, the database or `fn`) are printed and set *exit_code.
void WithSnapshot(const Context& ctx, int* exit_code, const FilterArgs& filters,
                  const std::function<Status(const Snapshot&, const ProjectionOptions&)>& fn);

}  // namespace tiegraph::cli

#endif  // TIEGRAPH_TOOLS_CLI_PROJECTION_H_
