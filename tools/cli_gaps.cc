// brokers, mixing, suggest: partnership-gap analyses with the same filters as every analysis.
#include "cli_commands.h"
#include "cli_projection.h"

namespace tiegraph::cli {

namespace {

void AddPermutationOptions(CLI::App* cmd, PermutationOptions* test) {
  cmd->add_option("--permutations", test->permutations,
                  "Test against N shuffles of the group labels: z-scores and p-values (default: none)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--seed", test->seed, "Seed of the shuffles (default 42)");
}

}  // namespace

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
    cmd->add_flag("--partial-credit", r->partial_credit,
                  "A pair with k brokers gives each 1/k (UCINET's weighted brokerage)");
    AddPermutationOptions(cmd, &r->test);
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
    AddPermutationOptions(cmd, &r->test);
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
    auto evaluate = std::make_shared<LinkEvaluationRequest>();
    cmd->add_option("name", *name, "Institution (key, name or alias)");
    cmd->add_option("--evaluate", evaluate->split,
                    "Instead: train on ties up to DATE, judge the score on ties formed after");
    cmd->add_option("--horizon", evaluate->horizon_months,
                    "With --evaluate: only ties formed within N months of DATE (default: any)");
    cmd->add_option("--score", *score,
                    "resource-allocation (default), adamic-adar, jaccard, common-neighbors, "
                    "preferential-attachment or katz");
    cmd->add_option("--top", r->top, "How many (default 10)");
    cmd->add_flag("--cross-sector", r->cross_sector, "Only institutions of another sector");
    cmd->add_flag("--include-own-units", r->include_own_units,
                  "Also suggest the institution's own units and the institutions it is part of");
    cmd->add_option("--beta", r->katz_beta, "Katz attenuation (default 0.5 / largest eigenvalue)");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f, r, name, score, evaluate]() {
      Run(ctx, exit_code, *f,
          [&](const Snapshot& snap, const ProjectionOptions& o) -> Result<std::vector<Table>> {
            SuggestRequest req = *r;
            auto s = ParseLinkScore(*score);
            if (!s.ok()) return Status::InvalidArgument("--score: " + s.status().message());
            req.score = *s;
            if (!evaluate->split.empty()) {
              LinkEvaluationRequest e = *evaluate;
              e.score = *s;
              e.k = r->top;
              return One(LinkEvaluationTable(snap, o, e));
            }
            if (name->empty()) return Status::InvalidArgument("name an institution (or --evaluate DATE)");
            auto key = ResolveInstitution(snap, *name);
            if (!key.ok()) return key.status();
            req.key = *key;
            return One(SuggestTable(snap, o, req));
          });
    });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto* cmd = app.add_subcommand("core-periphery",
                                   "Core and periphery (Borgatti-Everett, discrete and continuous)");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f]() {
      Run(ctx, exit_code, *f, [&](const Snapshot& snap, const ProjectionOptions& o) {
        return CorePeripheryTables(snap, o);
      });
    });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto r = std::make_shared<EvolutionRequest>();
    auto* cmd = app.add_subcommand("evolution", "The network over a series of time windows");
    cmd->add_option("--from", r->from, "The first window's end: YYYY or YYYY-MM")->required();
    cmd->add_option("--to", r->to, "The last window's end: YYYY or YYYY-MM")->required();
    cmd->add_option("--step", r->step, "Between window ends: Ny or Nm (default 1y)");
    cmd->add_option("--window", r->window, "Each window's length: Ny or Nm (default 3y)");
    f->Register(cmd, /*time_filters=*/false);
    cmd->callback([&ctx, exit_code, f, r]() {
      Run(ctx, exit_code, *f,
          [&](const Snapshot& snap, const ProjectionOptions& o) -> Result<std::vector<Table>> {
            return One(EvolutionTable(snap, o, *r));
          });
    });
  }
  {
    auto helices = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand(
        "synergy", "Triple/quadruple-helix synergy (Leydesdorff's T) over events");
    cmd->add_option("--helices", *helices,
                    "Helix mapping, e.g. 'U=academia;I=industry;G=government,public-agency;"
                    "H=hospital' (default: U, I, G)");
    cmd->callback([&ctx, exit_code, helices]() {
      SynergyRequest req;
      if (!helices->empty()) {
        auto h = ParseHelices(*helices);
        if (!h.ok()) {
          *exit_code = ctx.Fail(h.status());
          return;
        }
        req.helices = *h;
      }
      Run(ctx, exit_code, FilterArgs{}, [&](const Snapshot& snap, const ProjectionOptions&) {
        return SynergyTables(snap, req);
      });
    });
  }
  {
    auto f = std::make_shared<FilterArgs>();
    auto r = std::make_shared<GapRequest>();
    auto scope = std::make_shared<std::string>();
    auto helices = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("gaps", "The partnership-gap report: ten kinds of gap, one table each");
    cmd->add_option("--scope", *scope, "region=PATH: the same as --region PATH");
    cmd->add_option("--threshold", r->threshold,
                    "Sector pairs below this observed/expected ratio are gaps (default 0.5)");
    cmd->add_option("--months", r->months,
                    "An MOU or plan unconverted after this many months is overdue (default 24)");
    cmd->add_option("--suggestions", r->suggestions, "How many suggested links (default 10)");
    cmd->add_option("--helices", *helices, "Helix mapping for synergy (see `synergy`)");
    f->Register(cmd);
    cmd->callback([&ctx, exit_code, f, r, scope, helices]() {
      FilterArgs filters = *f;
      if (!scope->empty()) {
        if (scope->rfind("region=", 0) != 0) {
          *exit_code = ctx.Fail(Status::InvalidArgument("--scope: expected region=PATH, e.g. region=KR/Chungnam"));
          return;
        }
        filters.region = scope->substr(7);
      }
      GapRequest req = *r;
      if (!helices->empty()) {
        auto h = ParseHelices(*helices);
        if (!h.ok()) {
          *exit_code = ctx.Fail(h.status());
          return;
        }
        req.synergy.helices = *h;
      }
      Run(ctx, exit_code, filters, [&](const Snapshot& snap, const ProjectionOptions& o) {
        return GapReport(snap, o, req);
      });
    });
  }
}

}  // namespace tiegraph::cli
