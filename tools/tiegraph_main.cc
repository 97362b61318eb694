// tiegraph: the command-line client. A thin layer over the public library API.
#include <cstdlib>
#include <iostream>

#include "cli_commands.h"

int main(int argc, char** argv) {
  using namespace tiegraph::cli;
  CLI::App app{"tiegraph: a graph database and network analysis of institutional ties"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("tiegraph ") + tiegraph::Version());
  Context ctx;
  if (const char* env = std::getenv("TIEGRAPH_DB")) ctx.db_path = env;
  app.add_option("--db", ctx.db_path, "Database directory (default: $TIEGRAPH_DB)");
  app.add_option("--format", ctx.format, "Output: text (aligned tables), json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  app.add_option("--table", ctx.table,
                 "Print only the table of this name (its snake_case name in JSON), e.g. one "
                 "table of a multi-table result as plain CSV");
  app.add_option("--wait", ctx.wait_seconds,
                 "Seconds a command that writes waits while another process writes the database "
                 "(default 0: fail at once, exit 2)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--author", ctx.author,
                 "Who makes the change, recorded in the history (default: the OS user)");
  app.add_option("-m,--message", ctx.message, "Why, recorded in the history with the change");
  // Subcommands pass options they do not know to the top level, so --db, --format and --table may
  // also come after the command: `tiegraph stats --format json`.
  app.fallthrough();
  int exit_code = kExitOk;
  RegisterDatabaseCommands(app, ctx, &exit_code);
  RegisterAddCommands(app, ctx, &exit_code);
  RegisterBrowseCommands(app, ctx, &exit_code);
  RegisterAnalysisCommands(app, ctx, &exit_code);
  RegisterExportCommands(app, ctx, &exit_code);
  RegisterMaintenanceCommands(app, ctx, &exit_code);
  RegisterSetCommands(app, ctx, &exit_code);
  RegisterEditCommands(app, ctx, &exit_code);
  RegisterTypeCommands(app, ctx, &exit_code);
  RegisterQueryCommands(app, ctx, &exit_code);
  RegisterShellCommands(app, ctx, &exit_code);
  app.footer("Exit codes: 0 success, 1 usage or input error, 2 storage or I/O error.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitInput;
  }
  return exit_code;
}
