#include "cli_projection.h"

namespace tiegraph::cli {

void FilterArgs::Register(CLI::App* cmd, bool time_filters) {
  ProjectionSpec& p = spec;
  cmd->add_option("--sector", p.sector, "Keep institutions of this sector (repeatable)");
  cmd->add_option("--kind", p.kind, "Keep institutions of this kind (repeatable)");
  cmd->add_option("--region", p.region, "Keep institutions in this region, e.g. KR/Gyeonggi");
  cmd->add_option("--type", p.type, "Keep ties of this type (repeatable)");
  cmd->add_option("--status", p.status, "Keep ties of this status: realized, planned, proposed");
  cmd->add_option("--confidence", p.confidence,
                  "Keep ties of this confidence: stated, implied, derived");
  if (time_filters) {
    cmd->add_option("--as-of", p.as_of, "Only ties valid on this date (YYYY, YYYY-MM, YYYY-MM-DD)");
    cmd->add_option("--window", p.window, "Only ties valid at some time in FROM..TO");
  }
  cmd->add_option("--min-strength", p.min_strength, "Drop ties weaker than this");
  cmd->add_flag("--directed", p.directed, "Keep tie direction");
  cmd->add_option("--combine", p.combine, "Parallel ties: count, sum (default) or max of strength");
  cmd->add_flag("--include-part-of", p.include_part_of,
                "Keep part_of ties (structure, not partnership)");
  cmd->add_flag("--rollup", p.rollup, "Merge units into their top-level parent institution");
}

Result<ProjectionOptions> FilterArgs::Options() const {
  auto options = ParseProjectionSpec(spec);
  // The library names the field ("as-of: …"); on the command line it is a flag.
  if (!options.ok()) return Status::InvalidArgument("--" + options.status().message());
  return options;
}

void WithSnapshot(const Context& ctx, int* exit_code, const FilterArgs& filters,
                  const std::function<Status(const Snapshot&, const ProjectionOptions&)>& fn) {
  auto options = filters.Options();
  if (!options.ok()) {
    *exit_code = ctx.Fail(options.status());
    return;
  }
  std::unique_ptr<Store> store;
  if (!ctx.Open(Access::kRead, &store, exit_code)) return;
  auto snap = store->Read();
  if (Status s = fn(*snap, *options); !s.ok()) *exit_code = ctx.Fail(s);
}

}  // namespace tiegraph::cli
