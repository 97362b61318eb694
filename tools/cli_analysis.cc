// centrality, path, communities, components, cut-points, structure: analyses over a projection
// with the same filters on every command.
#include <iostream>

#include "tools/cli_commands.h"

namespace tiegraph::cli {
namespace {

// The projection options every analysis command shares, as given on the command line.
struct FilterArgs {
  std::vector<std::string> sectors, kinds, types, statuses, confidences;
  std::string region, as_of, window, combine = "sum";
  double min_strength = 0;
  bool directed = false, include_part_of = false, rollup = false;

  void Register(CLI::App* cmd) {
    cmd->add_option("--sector", sectors, "Keep institutions of this sector (repeatable)");
    cmd->add_option("--kind", kinds, "Keep institutions of this kind (repeatable)");
    cmd->add_option("--region", region, "Keep institutions in this region, e.g. KR/Gyeonggi");
    cmd->add_option("--type", types, "Keep ties of this type (repeatable)");
    cmd->add_option("--status", statuses, "Keep ties of this status: realized, planned, proposed");
    cmd->add_option("--confidence", confidences,
                    "Keep ties of this confidence: stated, implied, derived");
    cmd->add_option("--as-of", as_of, "Only ties valid on this date (YYYY, YYYY-MM, YYYY-MM-DD)");
    cmd->add_option("--window", window, "Only ties valid at some time in FROM..TO");
    cmd->add_option("--min-strength", min_strength, "Drop ties weaker than this");
    cmd->add_flag("--directed", directed, "Keep tie direction");
    cmd->add_option("--combine", combine, "Parallel ties: count, sum (default) or max of strength")
        ->check(CLI::IsMember({"count", "sum", "max"}));
    cmd->add_flag("--include-part-of", include_part_of,
                  "Keep part-of ties (structure, not partnership)");
    cmd->add_flag("--rollup", rollup, "Merge units into their top-level parent institution");
  }

  Result<ProjectionOptions> Options() const {
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
};

Result<Distance> ParseDistance(const std::string& s) {
  if (s == "hops") return Distance::kHops;
  if (s == "inverse-strength") return Distance::kInverseStrength;
  return Status::InvalidArgument("--distance: expected hops or inverse-strength, not '" + s + "'");
}

// Opens the database, resolves nothing, builds the tables with `fn`, prints them.
void Run(const Context& ctx, int* exit_code, const FilterArgs& filters,
         const std::function<Result<std::vector<Table>>(const Snapshot&, const ProjectionOptions&)>&
             fn) {
  auto options = filters.Options();
  if (!options.ok()) {
    *exit_code = ctx.Fail(options.status());
    return;
  }
  std::unique_ptr<Store> store;
  if (!ctx.Open(false, true, &store, exit_code)) return;
  auto snap = store->Read();
  auto tables = fn(*snap, *options);
  if (!tables.ok()) {
    *exit_code = ctx.Fail(tables.status());
    return;
  }
  ctx.Print(*tables);
}

template <typename T>
Result<std::vector<Table>> One(Result<T> t) {
  if (!t.ok()) return t.status();
  return std::vector<Table>{std::move(*t)};
}

}  // namespace

void RegisterAnalysisCommands(CLI::App& app, Context& ctx, int* exit_code) {
  {
    auto f = std::make_shared<FilterArgs>();
    auto r = std::make_shared<CentralityRequest>();
    auto distance = std::make_shared<std::string>("hops");
    auto raw = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("centrality", "Rank institutions by a centrality measure");
    cmd->add_option("--metric", r->metric,
                    "degree, strength, betweenness, closeness, harmonic, pagerank, eigenvector, "
                    "katz, hubs, authorities, core");
    cmd->add_option("--top", r->top, "Show the first N (default: all)");
    cmd->add_option("--distance", *distance, "hops (default) or inverse-strength");
    cmd->add_flag("--raw", *raw, "Unnormalised values (degree, betweenness, harmonic)");
    cmd->add_option("--samples", r->samples,
                    "Betweenness, closeness, harmonic: estimate from N sampled sources");
    cmd->add_option("--seed", r->seed, "Seed for sampling (default 42)");
    cmd->add_option("--threads", r->threads, "Threads (default 2)");
    cmd->add_option("--damping", r->damping, "PageRank damping (default 0.85)");
    cmd->add_option("--personalize", r->personalize, "PageRank: restart at this institution");
    cmd->add_option("--alpha", r->alpha, "Katz attenuation (default 0.05)");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f, r, distance, raw]() {
      Run(ctx, exit_code, *f,
          [&](const Snapshot& snap, const ProjectionOptions& o) -> Result<std::vector<Table>> {
            CentralityRequest req = *r;
            auto d = ParseDistance(*distance);
            if (!d.ok()) return d.status();
            req.distance = *d;
            req.normalized = !*raw;
            if (!req.personalize.empty()) {
              auto key = ResolveInstitution(snap, req.personalize);
              if (!key.ok()) return key.status();
              req.personalize = *key;
            }
            return One(CentralityTable(snap, o, req));
          });
    });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto r = std::make_shared<PathRequest>();
    auto distance = std::make_shared<std::string>("hops");
    auto* cmd = app.add_subcommand("path", "Shortest paths between two institutions");
    cmd->add_option("from", r->from, "Institution (key, name or alias)")->required();
    cmd->add_option("to", r->to, "Institution (key, name or alias)")->required();
    cmd->add_option("--k", r->k, "The k shortest simple paths (default 1)");
    cmd->add_flag("--all", r->all, "Every shortest path (up to --limit)");
    cmd->add_flag("--simple", r->simple,
                  "Every simple path of at most --max-hops ties (up to --limit)");
    cmd->add_option("--max-hops", r->max_hops,
                    "For --simple: the longest path, in ties (default 4)");
    cmd->add_option("--limit", r->limit, "The most paths to list (default 100)");
    cmd->add_option("--distance", *distance, "hops (default) or inverse-strength");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f, r, distance]() {
      Run(ctx, exit_code, *f,
          [&](const Snapshot& snap, const ProjectionOptions& o) -> Result<std::vector<Table>> {
            PathRequest req = *r;
            auto d = ParseDistance(*distance);
            if (!d.ok()) return d.status();
            req.distance = *d;
            for (std::string* end : {&req.from, &req.to}) {
              auto key = ResolveInstitution(snap, *end);
              if (!key.ok()) return key.status();
              *end = *key;
            }
            return One(PathTable(snap, o, req));
          });
    });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto r = std::make_shared<CommunityRequest>();
    auto unweighted = std::make_shared<bool>(false);
    auto quality = std::make_shared<std::string>("modularity");
    auto* cmd =
        app.add_subcommand("communities", "Find communities (Louvain, Leiden, label propagation)");
    cmd->add_option("--method", r->method, "louvain (default), leiden or label-propagation");
    cmd->add_option("--by", r->by, "Score the grouping by sector, region, kind or foreign instead");
    cmd->add_option("--quality", *quality, "Leiden: modularity (default) or cpm")
        ->check(CLI::IsMember({"modularity", "cpm"}));
    cmd->add_option("--resolution", r->options.resolution, "Modularity resolution (default 1)");
    cmd->add_option("--seed", r->options.seed, "Seed for the visiting order (default 42)");
    cmd->add_flag("--unweighted", *unweighted, "Ignore tie strengths");
    cmd->add_option("--iterations", r->options.iterations,
                    "Rounds restarting from the last partition (default 2; 0: until no gain)");
    cmd->add_option("--trials", r->options.trials,
                    "Independent runs, best kept (default: 8 up to 10,000 institutions, else 1)");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f, r, unweighted, quality]() {
      Run(ctx, exit_code, *f, [&](const Snapshot& snap, const ProjectionOptions& o) {
        CommunityRequest req = *r;
        req.options.weighted = !*unweighted;
        req.options.quality = *quality == "cpm" ? Quality::kCpm : Quality::kModularity;
        return CommunityTables(snap, o, req);
      });
    });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto strong = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("components", "Connected components and their members");
    cmd->add_flag("--strong", *strong, "Strongly connected components (with --directed)");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f, strong]() {
      Run(ctx, exit_code, *f, [&](const Snapshot& snap, const ProjectionOptions& o) {
        return ComponentTables(snap, o, *strong);
      });
    });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto name = std::make_shared<std::string>();
    auto hops = std::make_shared<uint32_t>(2);
    auto* cmd =
        app.add_subcommand("reach", "Who can be reached within K ties, in the filtered network");
    cmd->add_option("name", *name, "Institution (key, name or alias)")->required();
    cmd->add_option("--hops", *hops, "How many ties away (default 2)");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f, name, hops]() {
      Run(ctx, exit_code, *f,
          [&](const Snapshot& snap, const ProjectionOptions& o) -> Result<std::vector<Table>> {
            auto key = ResolveInstitution(snap, *name);
            if (!key.ok()) return key.status();
            return One(ReachTable(snap, o, *key, *hops));
          });
    });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto distance = std::make_shared<std::string>("inverse-strength");
    auto* cmd = app.add_subcommand("spanning-forest",
                                   "The strongest ties that keep every component connected");
    cmd->add_option("--distance", *distance, "inverse-strength (default: strongest ties) or hops");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f, distance]() {
      Run(ctx, exit_code, *f,
          [&](const Snapshot& snap, const ProjectionOptions& o) -> Result<std::vector<Table>> {
            auto d = ParseDistance(*distance);
            if (!d.ok()) return d.status();
            return One(SpanningForestTable(snap, o, *d));
          });
    });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto* cmd =
        app.add_subcommand("cut-points", "Institutions and ties whose loss splits the network");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f]() { Run(ctx, exit_code, *f, CutPointTables); });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto* cmd = app.add_subcommand("structure",
                                   "Density, clustering, transitivity, assortativity, diameter");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f]() {
      Run(ctx, exit_code, *f, [](const Snapshot& snap, const ProjectionOptions& o) {
        return One(StructureTable(snap, o));
      });
    });
  }
}

}  // namespace tiegraph::cli
