// The CLI's subcommands. Each Register* adds one command to the parser; the command runs
// after parsing and leaves its exit code in *exit_code.
#ifndef TIEGRAPH_TOOLS_CLI_COMMANDS_H_
#define TIEGRAPH_TOOLS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "cli_context.h"

namespace tiegraph::cli {

void RegisterDatabaseCommands(CLI::App& app, Context& ctx, int* exit_code);  // init, import, dump
void RegisterAddCommands(CLI::App& app, Context& ctx, int* exit_code);  // add institution|tie|event
void RegisterBrowseCommands(CLI::App& app, Context& ctx,
                            int* exit_code);  // show, list, neighbors, stats, overview
// centrality, path, communities, brokers, mixing, suggest, gaps…: every analysis of the
// library's registry (tiegraph/registry.h)
void RegisterAnalysisCommands(CLI::App& app, Context& ctx, int* exit_code);
void RegisterExportCommands(CLI::App& app, Context& ctx, int* exit_code);  // export, render, html
void RegisterMaintenanceCommands(CLI::App& app, Context& ctx, int* exit_code);  // check
void RegisterSetCommands(CLI::App& app, Context& ctx, int* exit_code);  // set institution|tie
// delete, merge, rename, undo, history
void RegisterEditCommands(CLI::App& app, Context& ctx, int* exit_code);
// query, shell: the query language
void RegisterQueryCommands(CLI::App& app, Context& ctx, int* exit_code);
void RegisterShellCommands(CLI::App& app, Context& ctx, int* exit_code);
void RegisterTypeCommands(CLI::App& app, Context& ctx,
                          int* exit_code);  // types [alias|canonicalize]

}  // namespace tiegraph::cli

#endif  // TIEGRAPH_TOOLS_CLI_COMMANDS_H_
