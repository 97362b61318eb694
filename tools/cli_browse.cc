// show, list, neighbors, stats, overview: read-only views.
#include <iostream>

#include "cli_commands.h"

namespace tiegraph::cli {
namespace {

// Opens read-only, takes a snapshot, runs `fn`; prints its tables or its error.
void WithSnapshot(const Context& ctx, int* exit_code,
                  const std::function<Result<std::vector<Table>>(const Snapshot&)>& fn) {
  std::unique_ptr<Store> store;
  if (!ctx.Open(Access::kRead, &store, exit_code)) return;
  auto snap = store->Read();
  auto tables = fn(*snap);
  if (!tables.ok()) {
    *exit_code = ctx.Fail(tables.status());
    return;
  }
  if (Status s = ctx.Print(*tables); !s.ok()) *exit_code = ctx.Fail(s);
}

}  // namespace

void RegisterBrowseCommands(CLI::App& app, Context& ctx, int* exit_code) {
  auto name = std::make_shared<std::string>();
  auto* show = app.add_subcommand(
      "show", "One institution with its ties and their evidence, or a tie or an event by key");
  show->add_option("name", *name,
                   "An institution's key, name or alias (any language); a tie's "
                   "or an event's key")
      ->required();
  show->callback([&ctx, exit_code, name]() {
    WithSnapshot(ctx, exit_code, [&](const Snapshot& snap) -> Result<std::vector<Table>> {
      // An institution's key comes first, then a tie's and an event's, then names.
      if (!snap.GetInstitution(*name).ok()) {
        if (snap.GetTie(*name).ok()) return ShowTie(snap, *name);
        if (snap.GetEvent(*name).ok()) return ShowEvent(snap, *name);
      }
      auto key = ResolveInstitution(snap, *name);
      if (!key.ok()) return key.status();
      return ShowInstitution(snap, *key);
    });
  });

  struct ListArgs {
    std::vector<std::string> sectors, kinds;
    std::string region;
  };
  auto la = std::make_shared<ListArgs>();
  auto* list = app.add_subcommand("list", "Institutions, filtered by sector, kind and region");
  list->add_option("--sector", la->sectors, "Sector (repeatable: any of them)");
  list->add_option("--kind", la->kinds, "Node kind (repeatable)");
  list->add_option("--region", la->region, "Region, e.g. KR/Gyeonggi or Gyeonggi/Goyang");
  list->callback([&ctx, exit_code, la]() {
    WithSnapshot(ctx, exit_code, [&](const Snapshot& snap) -> Result<std::vector<Table>> {
      ListFilter filter;
      for (const auto& s : la->sectors) {
        auto sector = ParseSector(s);
        if (!sector.ok()) return Status::InvalidArgument("--sector: " + sector.status().message());
        filter.sectors.push_back(*sector);
      }
      filter.kinds = la->kinds;
      filter.region = ParseRegionPath(la->region);
      auto t = ListInstitutions(snap, filter);
      if (!t.ok()) return t.status();
      return std::vector<Table>{*t};
    });
  });

  auto na = std::make_shared<NeighborsRequest>();
  auto nname = std::make_shared<std::string>();
  auto* nb = app.add_subcommand("neighbors", "Institutions within K ties of one institution");
  nb->add_option("name", *nname, "Key, name or alias")->required();
  nb->add_option("--hops", na->hops, "How many ties away (1-16, default 1)");
  nb->add_option("--type", na->types, "Follow only ties of this type (repeatable)");
  nb->callback([&ctx, exit_code, na, nname]() {
    WithSnapshot(ctx, exit_code, [&](const Snapshot& snap) -> Result<std::vector<Table>> {
      auto key = ResolveInstitution(snap, *nname);
      if (!key.ok()) return key.status();
      NeighborsRequest req = *na;
      req.key = *key;
      auto t = Neighbors(snap, req);
      if (!t.ok()) return t.status();
      return std::vector<Table>{*t};
    });
  });

  auto* stats = app.add_subcommand("stats", "Counts by sector, kind, region, tie type and status");
  stats->callback([&ctx, exit_code]() {
    WithSnapshot(ctx, exit_code, [](const Snapshot& snap) { return Stats(snap); });
  });

  auto top = std::make_shared<size_t>(10);
  auto* overview = app.add_subcommand(
      "overview", "Totals, sectors, the best-connected institutions and the components");
  overview->add_option("--top", *top, "How many best-connected institutions (default 10)");
  overview->callback([&ctx, exit_code, top]() {
    WithSnapshot(ctx, exit_code, [&](const Snapshot& snap) { return Overview(snap, *top); });
  });
}

}  // namespace tiegraph::cli
