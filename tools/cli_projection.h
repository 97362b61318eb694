// What every analysis command shares: the projection filters on the command line, and running
// a request against a snapshot with its result tables printed.
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
  std::vector<std::string> sectors, kinds, types, statuses, confidences;
  std::string region, as_of, window, combine = "sum";
  double min_strength = 0;
  bool directed = false, include_part_of = false, rollup = false;

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

// Opens the database, builds the tables with `fn`, prints them; errors set *exit_code.
void Run(const Context& ctx, int* exit_code, const FilterArgs& filters,
         const std::function<Result<std::vector<Table>>(const Snapshot&, const ProjectionOptions&)>&
             fn);

// One table as a list of tables.
template <typename T>
Result<std::vector<Table>> One(Result<T> t) {
  if (!t.ok()) return t.status();
  return std::vector<Table>{std::move(*t)};
}

}  // namespace tiegraph::cli

#endif  // TIEGRAPH_TOOLS_CLI_PROJECTION_H_
