// init, import, dump.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli_commands.h"

namespace tiegraph::cli {
namespace {

// A one-line progress bar on stderr, drawn only when stderr is a terminal.
class ProgressBar {
 public:
  ProgressBar() : enabled_(::isatty(STDERR_FILENO) != 0) {}
  void Update(const char* stage, size_t done, size_t total) {
    if (!enabled_ || total == 0) return;
    int pct = static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total));
    int filled = pct / 4;
    std::fprintf(stderr, "\r%-8s [%.*s%*s] %3d%%", stage, filled, "#########################",
                 25 - filled, "", pct);
    std::fflush(stderr);
  }
  void Done() {
    if (enabled_) std::fprintf(stderr, "\r%60s\r", "");
  }

 private:
  bool enabled_;
};

// What an import did, or (dry run) would do. The text form keeps the one line an import of
// new records always printed; a dry run, and programs (--format json|csv), get the plan's
// tables (docs/FORMATS.md, "Re-import").
void PrintImport(const Context& ctx, const ImportPlan& plan, const ImportReport& report,
                 bool dry_run, size_t list_changes, int* exit_code) {
  const bool text = ctx.table_format() == TableFormat::kText;
  if (dry_run || !text) {
    if (Status s = ctx.Print(PlanTables(plan, list_changes == 0 ? SIZE_MAX : list_changes));
        !s.ok()) {
      *exit_code = ctx.Fail(s);
      return;
    }
  }
  if (!text) return;
  const double seconds = report.read_seconds + report.plan_seconds + report.write_seconds;
  const auto& in = plan.input;
  bool all_new = true;
  for (RecordKind kind : {RecordKind::kInstitution, RecordKind::kEvent, RecordKind::kTie})
    all_new = all_new && plan.of(kind).added == plan.of(kind).total();
  if (dry_run) {
    std::cout << "checked " << in.institutions.size() << " institutions, " << in.events.size()
              << " events, " << in.ties.size() << " ties (dry run: nothing written) in "
              << FormatReal(seconds) << " s\n";
  } else if (all_new) {
    std::cout << "imported " << in.institutions.size() << " institutions, " << in.events.size()
              << " events, " << in.ties.size() << " ties in " << FormatReal(seconds) << " s\n";
  } else if (report.commit == 0) {
    std::cout << "nothing to import: " << PlanSummary(plan) << " (nothing written) in "
              << FormatReal(seconds) << " s\n";
  } else {
    std::cout << "imported (commit " << report.commit << "): " << PlanSummary(plan) << " in "
              << FormatReal(seconds) << " s\n";
  }
}

}  // namespace

void RegisterDatabaseCommands(CLI::App& app, Context& ctx, int* exit_code) {
  auto* init = app.add_subcommand("init", "Create an empty database (not over an existing one)");
  init->callback([&ctx, exit_code]() {
    std::unique_ptr<Store> store;
    if (!ctx.Open(Access::kCreateNew, &store, exit_code)) return;
    std::cout << "created tiegraph database at " << ctx.db_path << "\n";
  });

  struct ImportArgs {
    std::vector<std::string> files, institutions, ties, events, graphml, gexf;
    bool dry_run = false, timings = false, create = false;
    std::string on_existing = "error";
    size_t list_changes = 20;
    ImportOptions options;
  };
  auto args = std::make_shared<ImportArgs>();
  auto* imp = app.add_subcommand(
      "import", "Load CSV, JSON Lines, seed-network JSON, GraphML or GEXF files, all or nothing");
  imp->add_option("files", args->files,
                  "Files: .csv (institutions, ties or events, told by the header), .jsonl, .json "
                  "(seed), .graphml, .gexf (.xml: told by the root element)");
  imp->add_option("--institutions", args->institutions, "A CSV file of institutions");
  imp->add_option("--ties", args->ties, "A CSV file of ties");
  imp->add_option("--events", args->events,
                  "A CSV file of events (key, participants 'inst[:role]|…', name, type, date)");
  imp->add_option("--graphml", args->graphml,
                  "A GraphML file whatever its name (nodes: institutions, edges: ties)");
  imp->add_option("--gexf", args->gexf,
                  "A GEXF file whatever its name (nodes: institutions, edges: ties)");
  imp->add_flag("--dry-run", args->dry_run,
                "Check the input and print the plan (new, changed, unchanged), write nothing");
  imp->add_option("--on-existing", args->on_existing,
                  "Records already stored (same key; a keyless tie: same ends, type, since): "
                  "error, skip, update (the given fields) or replace")
      ->capture_default_str();
  imp->add_option("--list-changes", args->list_changes, "Changed records the plan lists (0: all)")
      ->capture_default_str();
  imp->add_flag("--create", args->create,
                "Create the database if there is none at --db (removed again if the import fails)");
  imp->add_flag("--timings", args->timings, "Also print where the time went");
  imp->add_option("--max-errors", args->options.max_errors,
                  "Bad rows to list before only counting the rest")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  // The limits on one record's fields (docs/FORMATS.md, "Limits").
  FieldLimits& limits = args->options.limits;
  imp->add_option("--max-field-bytes", limits.text_bytes,
                  "Longest name, alias, type, region level, property name, evidence source…")
      ->capture_default_str();
  imp->add_option("--max-text-bytes", limits.long_text_bytes,
                  "Longest evidence quote or text property value")
      ->capture_default_str();
  imp->add_option("--max-aliases", limits.aliases, "Most aliases of one institution")
      ->capture_default_str();
  imp->add_option("--max-list-items", limits.list_items,
                  "Most region levels, properties, evidence entries, participants… of one record")
      ->capture_default_str();
  imp->add_flag("--allow-self-loops", args->options.allow_self_loops,
                "Keep ties from an institution to itself (analyses leave them out)");
  imp->callback([&ctx, exit_code, args]() {
    std::vector<InputFile> inputs;
    for (const auto& f : args->files) inputs.push_back({f, InputFormat::kAuto});
    for (const auto& f : args->institutions) inputs.push_back({f, InputFormat::kCsvInstitutions});
    for (const auto& f : args->ties) inputs.push_back({f, InputFormat::kCsvTies});
    for (const auto& f : args->events) inputs.push_back({f, InputFormat::kCsvEvents});
    for (const auto& f : args->graphml) inputs.push_back({f, InputFormat::kGraphml});
    for (const auto& f : args->gexf) inputs.push_back({f, InputFormat::kGexf});
    if (inputs.empty()) {
      *exit_code = ctx.Fail(Status::InvalidArgument("import: no input files given"));
      return;
    }
    auto on_existing = ParseOnExisting(args->on_existing);
    if (!on_existing.ok()) {
      *exit_code = ctx.Fail(on_existing.status());
      return;
    }
    // A database this import creates is removed again if the import fails or only checks.
    std::error_code ec;
    const bool existed = std::filesystem::exists(ctx.db_path, ec);
    std::unique_ptr<Store> store;
    if (!ctx.Open(args->create ? Access::kCreate : Access::kWrite, &store, exit_code)) return;
    auto remove_if_created = [&]() {
      store.reset();
      if (!existed) std::filesystem::remove_all(ctx.db_path, ec);
    };
    ProgressBar bar;
    ImportOptions options = args->options;
    options.dry_run = args->dry_run;
    options.on_existing = *on_existing;
    options.write.commit = ctx.Commit("import");
    options.progress = [&bar](size_t done, size_t total) {
      bar.Update(done < total ? "reading" : "writing", done, total);
    };
    ImportReport report;
    ImportPlan plan;
    Status s = PlanImport(store.get(), inputs, options, &plan, &report);
    if (s.ok() && !args->dry_run) s = ApplyImport(store.get(), plan, options, &report);
    bar.Done();
    if (!s.ok() || args->dry_run) remove_if_created();
    if (!s.ok()) {
      *exit_code = ctx.Fail(s);
      if (!args->dry_run) std::cerr << "tiegraph: nothing was imported\n";
      return;
    }
    PrintImport(ctx, plan, report, args->dry_run, args->list_changes, exit_code);
    if (args->timings) {
      const auto& sum = report.summary;
      const bool changes = plan.of(RecordKind::kInstitution).changed +
                               plan.of(RecordKind::kEvent).changed +
                               plan.of(RecordKind::kTie).changed >
                           0;
      std::cout << "  read " << FormatReal(report.read_seconds) << " s, plan "
                << FormatReal(report.plan_seconds) << " s, write "
                << FormatReal(report.write_seconds) << " s";
      if (changes) {
        std::cout << " (one transaction)\n";
      } else {
        std::cout << " (validate " << FormatReal(sum.validate_seconds) << " s, order "
                  << FormatReal(sum.order_seconds) << " s, commit "
                  << FormatReal(sum.commit_seconds) << " s, "
                  << (sum.bulk ? "sorted tables" : "write batch") << ")\n";
      }
    }
  });

  auto output = std::make_shared<std::string>();
  auto* dump = app.add_subcommand("dump", "Write the whole database as JSON Lines");
  dump->add_option("-o,--output", *output, "File to write (default: standard output)");
  dump->callback([&ctx, exit_code, output]() {
    std::unique_ptr<Store> store;
    if (!ctx.Open(Access::kRead, &store, exit_code)) return;
    auto snap = store->Read();
    Status s = output->empty() ? DumpJsonl(*snap, std::cout)
                               : WriteFileAtomically(
                                     *output, [&](std::ostream& o) { return DumpJsonl(*snap, o); });
    if (!s.ok()) *exit_code = ctx.Fail(s);
  });
}

}  // namespace tiegraph::cli
