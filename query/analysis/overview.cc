// stats and overview: whole-network summaries.
#include <tiegraph/overview.h>
#include <tiegraph/projection.h>
#include <tiegraph/vocabulary.h>

#include <tiegraph/projection_access.h>

#include <algorithm>
#include <map>

namespace tiegraph {
namespace {

using enum ColumnType;

// A count table from a tally, largest first, then by label.
Table CountTable(const std::string& name, const std::string& title, const std::string& label,
                 const std::map<std::string, int64_t>& tally) {
  std::vector<std::pair<std::string, int64_t>> rows(tally.begin(), tally.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  Table t{name, title, {{label, kString}, {"count", kInt}}};
  for (auto& [k, v] : rows) t.AddRow({k.empty() ? std::string("(none)") : k, v});
  return t;
}

}  // namespace

Result<std::vector<Table>> Stats(const Snapshot& snap) {
  std::map<std::string, int64_t> sectors, kinds, regions, types, statuses;
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachInstitution([&](const Institution& in) {
    ++sectors[SectorLabel(in.sector)];
    ++kinds[in.kind];
    ++regions[Province(in.region)];
    return true;
  }));
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachTie([&](const Tie& t) {
    ++types[t.type];
    ++statuses[std::string(TieStatusName(t.status))];
    return true;
  }));
  return std::vector<Table>{
      CountTable("institutions_by_sector", "institutions by sector", "sector", sectors),
      CountTable("institutions_by_kind", "institutions by kind", "kind", kinds),
      CountTable("institutions_by_region", "institutions by region", "region", regions),
      CountTable("ties_by_type", "ties by type", "type", types),
      CountTable("ties_by_status", "ties by status", "status", statuses)};
}

Result<std::vector<Table>> Overview(const Snapshot& snap, size_t top) {
  auto read = snap.GetCounts();
  if (!read.ok()) return read.status();
  const Counts& counts = *read;
  Table totals{"totals", "totals", {{"what", kString}, {"count", kInt}}};
  totals.AddRow({std::string("institutions"), static_cast<int64_t>(counts.institutions)});
  totals.AddRow({std::string("ties"), static_cast<int64_t>(counts.ties)});
  totals.AddRow({std::string("events"), static_cast<int64_t>(counts.events)});

  std::map<std::string, int64_t> sectors;
  std::vector<Institution> all;
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachInstitution([&](const Institution& in) {
    ++sectors[SectorLabel(in.sector)];
    all.push_back(in);
    return true;
  }));

  ProjectionOptions options;
  options.filter.include_part_of = true;
  options.combine = CombineTies::kCount;  // arc weight = number of ties between the pair
  auto g = BuildProjection(snap, options);
  if (!g.ok()) return g.status();
  // Ties per institution, each tie counted once per endpoint (parallel ties count separately).
  std::vector<size_t> order(g->node_count());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<int64_t> ties_of(g->node_count(), 0);
  for (size_t i = 0; i < ties_of.size(); ++i) {
    double ties = 0;
    for (uint64_t e = g->offsets()[i]; e < g->offsets()[i + 1]; ++e) ties += g->weights()[e];
    ties_of[i] = static_cast<int64_t>(ties);
  }
  auto degree = [&](size_t i) { return ties_of[i]; };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return degree(a) != degree(b) ? degree(a) > degree(b) : g->keys()[a] < g->keys()[b];
  });
  Table leaders{"most_tied_institutions",
                "institutions with the most ties",
                {{"key", kString}, {"name", kString}, {"sector", kString}, {"ties", kInt}}};
  for (size_t r = 0; r < order.size() && r < top; ++r) {
    const Institution& in = all[order[r]];
    leaders.AddRow({in.key, in.name, SectorLabel(in.sector), degree(order[r])});
  }

  std::vector<uint32_t> component;
  uint32_t count = ConnectedComponents(*g, &component);
  std::vector<int64_t> size(count, 0);
  for (uint32_t c : component) ++size[c];
  // Each component is named by its best-connected member: the first of it in `order`.
  std::vector<std::string> example(count);
  for (size_t v : order) {
    if (example[component[v]].empty()) example[component[v]] = all[v].name;
  }
  Table comps{"components",
              "connected components (all ties, part_of included)",
              {{"component", kInt}, {"institutions", kInt}, {"best_connected_member", kString}}};
  // The `top` largest, then the rest summed in one row (no component number: it stands for
  // several).
  for (uint32_t c = 0; c < count && c < top; ++c)
    comps.AddRow({int64_t{c + 1}, size[c], example[c]});
  if (count > top) {
    int64_t rest = 0;
    for (uint32_t c = static_cast<uint32_t>(top); c < count; ++c) rest += size[c];
    comps.AddRow({Cell(), rest, "+" + std::to_string(count - top) + " more components"});
  }
  return std::vector<Table>{
      std::move(totals),
      CountTable("institutions_by_sector", "institutions by sector", "sector", sectors),
      std::move(leaders), std::move(comps)};
}

}  // namespace tiegraph
