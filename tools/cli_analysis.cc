// The analysis commands (centrality, path, communities, brokers, gaps, …), one per analysis of
// the library's registry (tiegraph/registry.h): their options, defaults and help come from it,
// so the CLI, embedders and the query language run the same requests.
#include <map>
#include <memory>
#include <string>

#include "cli_commands.h"
#include "cli_projection.h"

namespace tiegraph::cli {
namespace {

// The options' values as given on the command line; only those given are passed on.
struct GivenArgs {
  std::map<std::string, std::string> text;
  std::map<std::string, bool> flags;
  std::map<std::string, CLI::Option*> options;
};

std::string Help(const ParamInfo& p) {
  std::string help = p.help;
  if (p.type == ParamType::kChoice && !p.choices.empty()) {
    help += " (";
    for (size_t i = 0; i < p.choices.size(); ++i) help += (i ? ", " : "") + p.choices[i];
    help += ")";
  }
  if (!p.default_value.empty() && p.type != ParamType::kFlag)
    help += " [default: " + p.default_value + "]";
  return help;
}

// A library message that starts with a parameter's or a filter's name ("top: …") names the
// flag instead ("--top: …"), as the user typed it.
Status AsFlags(const Status& s, const AnalysisInfo& info) {
  if (s.ok()) return s;
  const std::string& m = s.message();
  const size_t colon = m.find(": ");
  if (colon == std::string::npos) return s;
  const std::string name = m.substr(0, colon);
  for (const ParamInfo& p : info.params) {
    if (p.name == name && !p.positional)
      return s.IsNotFound() ? Status::NotFound("--" + m) : Status::InvalidArgument("--" + m);
  }
  return s;
}

void AddAnalysisCommand(CLI::App& app, Context& ctx, int* exit_code, const AnalysisInfo& info) {
  auto given = std::make_shared<GivenArgs>();
  auto filters = std::make_shared<FilterArgs>();
  auto* cmd = app.add_subcommand(info.name, info.summary);
  for (const ParamInfo& p : info.params) {
    CLI::Option* option = nullptr;
    if (p.type == ParamType::kFlag) {
      option = cmd->add_flag("--" + p.name, given->flags[p.name], Help(p));
    } else {
      option = cmd->add_option(p.positional ? p.name : "--" + p.name, given->text[p.name], Help(p));
    }
    if (p.required) option->required();
    given->options[p.name] = option;
  }
  if (info.projection) filters->Register(cmd, info.time_filters);
  cmd->callback([&ctx, exit_code, given, filters, &info]() {
    auto options = filters->Options();  // checks the filters before the database is opened
    if (!options.ok()) {
      *exit_code = ctx.Fail(options.status());
      return;
    }
    AnalysisArgs args;
    for (const ParamInfo& p : info.params) {
      if (given->options[p.name]->count() == 0) continue;
      args[p.name] = p.type == ParamType::kFlag ? (given->flags[p.name] ? "true" : "false")
                                                : given->text[p.name];
    }
    std::unique_ptr<Store> store;
    if (!ctx.Open(Access::kRead, &store, exit_code)) return;
    auto snap = store->Read();
    auto tables = RunAnalysis(*snap, info.name, filters->spec, args);
    if (!tables.ok()) {
      *exit_code = ctx.Fail(AsFlags(tables.status(), info));
      return;
    }
    if (Status s = ctx.Print(*tables); !s.ok()) *exit_code = ctx.Fail(s);
  });
}

}  // namespace

void RegisterAnalysisCommands(CLI::App& app, Context& ctx, int* exit_code) {
  for (const AnalysisInfo& info : Analyses()) AddAnalysisCommand(app, ctx, exit_code, info);
}

}  // namespace tiegraph::cli
