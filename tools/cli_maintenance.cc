// check: the database verified against itself.
#include <iostream>

#include "cli_commands.h"

namespace tiegraph::cli {

void RegisterMaintenanceCommands(CLI::App& app, Context& ctx, int* exit_code) {
  auto limit = std::make_shared<size_t>(100);
  auto* check = app.add_subcommand(
      "check", "Verify every index and counter against the records; exit 1 on any mismatch");
  check->add_option("--limit", *limit, "Report at most N problems (the rest are counted)")
      ->capture_default_str();
  check->callback([&ctx, exit_code, limit]() {
    std::unique_ptr<Store> store;
    if (!ctx.Open(Access::kRead, &store, exit_code)) return;
    auto report = store->Read()->Check(*limit);
    if (!report.ok()) {
      *exit_code = ctx.Fail(report.status());
      return;
    }
    using enum ColumnType;
    Table summary{"check", "check", {{"what", kString}, {"count", kInt}}};
    summary.AddRow(
        {std::string("institutions"), static_cast<int64_t>(report->records.institutions)});
    summary.AddRow({std::string("ties"), static_cast<int64_t>(report->records.ties)});
    summary.AddRow({std::string("events"), static_cast<int64_t>(report->records.events)});
    const size_t found = report->problems.size() + report->more_problems;
    summary.AddRow({std::string("problems"), static_cast<int64_t>(found)});
    summary.note = report->clean() ? "Every index and counter matches the records."
                                   : "The database does not match its records.";
    Table problems{"problems", "problems", {{"problem", kString}}};
    for (const auto& p : report->problems) problems.AddRow({p});
    if (report->more_problems > 0)
      problems.note = std::to_string(report->more_problems) + " more not shown (--limit).";
    Status s = ctx.Print({summary, problems});
    if (!s.ok()) *exit_code = ctx.Fail(s);
    if (!report->clean()) *exit_code = kExitInput;
  });
}

}  // namespace tiegraph::cli
