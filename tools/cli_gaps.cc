// brokers, mixing, suggest: partnership-gap analyses with the same filters as every analysis.
#include "tools/cli_commands.h"
#include "tools/cli_projection.h"

namespace tiegraph::cli {

void RegisterGapCommands(CLI::App& app, Context& ctx, int* exit_code) {
  {
    auto f = std::make_shared<FilterArgs>();
    auto r = std::make_shared<BrokerRequest>();
    auto unweighted = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand(
        "brokers", "Who brokers between groups (Gould-Fernandez roles) and spans structural holes");
    cmd->add_option("--group", r->group, "Groups: sector (default), region, kind or foreign");
    cmd->add_option("--top", r->top, "Show the first N of each table (default: all)");
    cmd->add_flag("--unweighted", *unweighted, "Structural holes: every tie counts 1");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f, r, unweighted]() {
      Run(ctx, exit_code, *f, [&](const Snapshot& snap, const ProjectionOptions& o) {
        BrokerRequest req = *r;
        req.weighted = !*unweighted;
        return BrokerTables(snap, o, req);
      });
    });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto r = std::make_shared<MixingRequest>();
    auto* cmd = app.add_subcommand(
        "mixing", "Ties between groups against chance: mixing matrix, E-I index, assortativity");
    cmd->add_option("--by", r->by, "Groups: sector (default), region, kind or foreign");
    cmd->add_flag("--weighted", r->weighted, "Sum tie strengths instead of counting ties");
    cmd->add_option("--threshold", r->threshold,
                    "Flag group pairs whose observed/expected ratio is below this (default 0.5)");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f, r]() {
      Run(ctx, exit_code, *f, [&](const Snapshot& snap, const ProjectionOptions& o) {
        return MixingTables(snap, o, *r);
      });
    });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto r = std::make_shared<SuggestRequest>();
    auto name = std::make_shared<std::string>();
    auto score = std::make_shared<std::string>("resource-allocation");
    auto* cmd = app.add_subcommand("suggest", "Suggest partners an institution has no tie with");
    cmd->add_option("name", *name, "Institution (key, name or alias)")->required();
    cmd->add_option("--score", *score,
                    "resource-allocation (default), adamic-adar, jaccard, common-neighbours, "
                    "preferential-attachment or katz");
    cmd->add_option("--top", r->top, "How many (default 10)");
    cmd->add_flag("--cross-sector", r->cross_sector, "Only institutions of another sector");
    cmd->add_option("--beta", r->katz_beta, "Katz attenuation (default 0.5 / largest eigenvalue)");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f, r, name, score]() {
      Run(ctx, exit_code, *f,
          [&](const Snapshot& snap, const ProjectionOptions& o) -> Result<std::vector<Table>> {
            SuggestRequest req = *r;
            auto s = ParseLinkScore(*score);
            if (!s.ok()) return Status::InvalidArgument("--score: " + s.status().message());
            req.score = *s;
            auto key = ResolveInstitution(snap, *name);
            if (!key.ok()) return key.status();
            req.key = *key;
            return One(SuggestTable(snap, o, req));
          });
    });
  }
}

}  // namespace tiegraph::cli
