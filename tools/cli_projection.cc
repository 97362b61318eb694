#include "cli_projection.h"

namespace tiegraph::cli {

void FilterArgs::Register(CLI::App* cmd, bool time_filters) {
  cmd->add_option("--sector", sectors, "Keep institutions of this sector (repeatable)");
  cmd->add_option("--kind", kinds, "Keep institutions of this kind (repeatable)");
  cmd->add_option("--region", region, "Keep institutions in this region, e.g. KR/Gyeonggi");
  cmd->add_option("--type", types, "Keep ties of this type (repeatable)");
  cmd->add_option("--status", statuses, "Keep ties of this status: realized, planned, proposed");
  cmd->add_option("--confidence", confidences,
                  "Keep ties of this confidence: stated, implied, derived");
  if (time_filters) {
    cmd->add_option("--as-of", as_of, "Only ties valid on this date (YYYY, YYYY-MM, YYYY-MM-DD)");
    cmd->add_option("--window", window, "Only ties valid at some time in FROM..TO");
  }
  cmd->add_option("--min-strength", min_strength, "Drop ties weaker than this");
  cmd->add_flag("--directed", directed, "Keep tie direction");
  cmd->add_option("--combine", combine, "Parallel ties: count, sum (default) or max of strength")
      ->check(CLI::IsMember({"count", "sum", "max"}));
  cmd->add_flag("--include-part-of", include_part_of,
                "Keep part-of ties (structure, not partnership)");
  cmd->add_flag("--rollup", rollup, "Merge units into their top-level parent institution");
}

Result<ProjectionOptions> FilterArgs::Options() const {
  ProjectionOptions o;
  ProjectionFilter& f = o.filter;
  for (const auto& s : sectors) {
    auto v = ParseSector(s);
    if (!v.ok()) return Status::InvalidArgument("--sector: " + v.status().message());
    f.sectors.push_back(*v);
  }
  for (const auto& s : statuses) {
    auto v = ParseTieStatus(s);
    if (!v.ok()) return Status::InvalidArgument("--status: " + v.status().message());
    f.statuses.push_back(*v);
  }
  for (const auto& s : confidences) {
    auto v = ParseConfidence(s);
    if (!v.ok()) return Status::InvalidArgument("--confidence: " + v.status().message());
    f.confidences.push_back(*v);
  }
  f.kinds = kinds;
  f.tie_types = types;
  std::string part;
  for (char c : region + "/") {
    if (c != '/')
      part += c;
    else if (!part.empty())
      f.region.push_back(part), part.clear();
  }
  auto as_of_date = ParseDate(as_of);
  if (!as_of_date.ok())
    return Status::InvalidArgument("--as-of: " + as_of_date.status().message());
  f.as_of = *as_of_date;
  if (!window.empty()) {
    size_t dots = window.find("..");
    if (dots == std::string::npos)
      return Status::InvalidArgument("--window: expected FROM..TO, e.g. 2021..2024-06");
    auto from = ParseDate(window.substr(0, dots)), to = ParseDate(window.substr(dots + 2));
    if (!from.ok()) return Status::InvalidArgument("--window: " + from.status().message());
    if (!to.ok()) return Status::InvalidArgument("--window: " + to.status().message());
    if (EndsBeforeStart(*from, *to))
      return Status::InvalidArgument("--window: TO is before FROM");
    f.window_from = *from;
    f.window_to = *to;
  }
  if (min_strength < 0) return Status::InvalidArgument("--min-strength must be >= 0");
  f.min_strength = min_strength;
  f.include_part_of = include_part_of;
  o.directed = directed;
  o.rollup = rollup;
  o.combine = combine == "count" ? CombineTies::kCount
              : combine == "max" ? CombineTies::kMax
                                 : CombineTies::kSum;
  return o;
}

// Opens the database, resolves nothing, builds the tables with `fn`, prints them.
void WithSnapshot(const Context& ctx, int* exit_code, const FilterArgs& filters,
                  const std::function<Status(const Snapshot&, const ProjectionOptions&)>& fn) {
  auto options = filters.Options();
  if (!options.ok()) {
    *exit_code = ctx.Fail(options.status());
    return;
  }
  std::unique_ptr<Store> store;
  if (!ctx.Open(false, true, &store, exit_code)) return;
  auto snap = store->Read();
  if (Status s = fn(*snap, *options); !s.ok()) *exit_code = ctx.Fail(s);
}

void Run(const Context& ctx, int* exit_code, const FilterArgs& filters,
         const std::function<Result<std::vector<Table>>(const Snapshot&, const ProjectionOptions&)>&
             fn) {
  WithSnapshot(ctx, exit_code, filters, [&](const Snapshot& snap, const ProjectionOptions& o) {
    auto tables = fn(snap, o);
    if (!tables.ok()) return tables.status();
    return ctx.Print(*tables);
  });
}

}  // namespace tiegraph::cli
