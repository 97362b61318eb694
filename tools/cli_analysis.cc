// centrality, path, communities, components, cut-points, structure: analyses over a projection
// with the same filters on every command.
#include <iostream>

#include "cli_commands.h"
#include "cli_projection.h"

namespace tiegraph::cli {
namespace {

Result<Distance> ParseDistance(const std::string& s) {
  if (s == "hops") return Distance::kHops;
  if (s == "inverse-strength") return Distance::kInverseStrength;
  return Status::InvalidArgument("--distance: expected hops or inverse-strength, not '" + s + "'");
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
                    "katz, hubs, authorities, core, clustering");
    cmd->add_option("--top", r->top, "Show the first N (default 20; 0: all)");
    cmd->add_option("--distance", *distance, "hops (default) or inverse-strength");
    cmd->add_flag(
        "--raw", *raw,
        "Unnormalized values (degree, betweenness, harmonic: networkx's harmonic_centrality)");
    cmd->add_option("--samples", r->samples,
                    "Betweenness, closeness, harmonic: estimate from N sampled sources");
    cmd->add_option("--seed", r->seed, "Seed for sampling (default 42)");
    cmd->add_option("--threads", r->threads,
                    "Use at most N threads (default 2; the results do not depend on it)");
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
