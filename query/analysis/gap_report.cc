// The partnership-gap report: the ten gap types of docs/GAPS.md, one table each.
#include <tiegraph/brokerage.h>
#include <tiegraph/gap_analysis.h>
#include <tiegraph/gap_report.h>
#include <tiegraph/mixing.h>
#include <tiegraph/paths.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_set>

#include <tiegraph/projection_access.h>

namespace tiegraph {
namespace {

using enum ColumnType;

// What the report needs of each projection node.
struct NodeInfo {
  Sector sector = Sector::kNone;
  std::string province;  // the first two region levels, e.g. KR/Chungnam
  bool foreign = false;
};

Result<std::vector<NodeInfo>> Infos(const Snapshot& snap, const Projection& g) {
  std::vector<NodeInfo> info(g.node_count());
  for (uint32_t v = 0; v < g.node_count(); ++v) {
    auto in = snap.GetInstitution(g.keys()[v]);
    if (!in.ok()) return in.status();
    info[v].sector = in->sector;
    info[v].foreign = in->foreign;
    info[v].province = Province(in->region);
    if (info[v].province.empty()) info[v].province = "(none)";
  }
  return info;
}

std::string Name(Sector s) { return SectorLabel(s); }

// The institution's name; a failed read is the report's failure, not an empty cell.
Result<std::string> NameOf(const Snapshot& snap, const std::string& key) {
  auto in = snap.GetInstitution(key);
  if (!in.ok()) return in.status();
  return in->name;
}

// The partnership sectors of 산학연병 (industry, academia, research, hospital).
bool Partnering(Sector s) {
  return s == Sector::kIndustry || s == Sector::kAcademia || s == Sector::kResearch ||
         s == Sector::kHospital;
}

// 1. Sector pairs with no ties, or fewer than `threshold` times random mixing.
Result<Table> MissingSectorPairs(const Projection& g, const std::vector<NodeInfo>& info,
                                 double threshold) {
  std::vector<uint32_t> group(g.node_count());
  for (uint32_t v = 0; v < g.node_count(); ++v) group[v] = static_cast<uint32_t>(info[v].sector);
  Table t{"missing_sector_pairs",
          "1 missing sector pairs",
          {{"sector_a", kString},
           {"sector_b", kString},
           {"observed", kReal},
           {"expected", kReal},
           {"o_e", kReal}}};
  t.note = "Sector pairs with ties below " + FormatReal(threshold) +
           " x what random mixing of tie ends gives (0 observed: no tie at all).";
  auto m = MixingByGroup(g, group, kSectorCount, false);
  if (!m.ok()) return m.status();
  for (int a = 1; a < kSectorCount; ++a) {
    for (int b = a; b < kSectorCount; ++b) {
      const double o = m->observed[a * kSectorCount + b], e = m->expected[a * kSectorCount + b];
      if (m->group_size[a] == 0 || m->group_size[b] == 0 || (a == b && m->group_size[a] < 2))
        continue;
      if (e > 0 && o / e >= threshold) continue;
      t.AddRow({Name(static_cast<Sector>(a)), Name(static_cast<Sector>(b)), o, e,
                e > 0 ? Cell(o / e) : Cell()});
    }
  }
  return t;
}

// 2. Institutions of 산학연병 with no tie to one or more of the other three.
Result<Table> LackingPartnerSector(const Snapshot& snap, const Projection& g,
                                   const std::vector<NodeInfo>& info) {
  Table t{"lacking_partner_sector",
          "2 institutions lacking a partner sector",
          {{"key", kString},
           {"name", kString},
           {"sector", kString},
           {"region", kString},
           {"missing", kString}}};
  t.note =
      "Industry, academia, research and hospital institutions with no tie to another of "
      "the four (e.g. a hospital with no industry partner).";
  const Sector four[] = {Sector::kIndustry, Sector::kAcademia, Sector::kResearch,
                         Sector::kHospital};
  for (uint32_t v = 0; v < g.node_count(); ++v) {
    if (!Partnering(info[v].sector)) continue;
    std::set<Sector> partners;
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e)
      partners.insert(info[g.targets()[e]].sector);
    std::string missing;
    for (Sector s : four) {
      if (s != info[v].sector && !partners.count(s))
        missing += (missing.empty() ? "" : ", ") + Name(s);
    }
    if (missing.empty()) continue;
    std::vector<Cell> row;
    TIEGRAPH_RETURN_IF_ERROR(AppendNodeCells(snap, g, v, &row));
    row.emplace_back(missing);
    t.AddRow(std::move(row));
  }
  return t;
}

// 3. Per region: how much lies outside the main (largest) component.
Table IsolatedParts(const Projection& g, const std::vector<NodeInfo>& info) {
  std::vector<uint32_t> component;
  ConnectedComponents(g, &component);  // numbered by size: 0 is the main component
  struct Counts {
    int64_t all = 0, outside = 0, isolates = 0;
  };
  std::map<std::string, Counts> by_region;
  for (uint32_t v = 0; v < g.node_count(); ++v) {
    Counts& c = by_region[info[v].province];
    ++c.all;
    c.outside += component[v] != 0;
    c.isolates += g.degree(v) == 0 && (!g.directed() || g.in_degree(v) == 0);
  }
  Table t{"isolated_parts",
          "3 isolated parts by region",
          {{"region", kString},
           {"institutions", kInt},
           {"outside_main_component", kInt},
           {"share_outside", kReal},
           {"isolates", kInt}}};
  t.note = "Institutions not connected to the network's largest component, per region.";
  for (const auto& [region, c] : by_region) {
    if (c.outside == 0) continue;
    t.AddRow({region, c.all, c.outside, static_cast<double>(c.outside) / static_cast<double>(c.all),
              c.isolates});
  }
  return t;
}

// 4. Per region: which pairs of the partnership sectors have no tie inside the region.
Table RegionHoles(const Projection& g, const std::vector<NodeInfo>& info) {
  const Sector four[] = {Sector::kIndustry, Sector::kAcademia, Sector::kResearch,
                         Sector::kHospital};
  struct Coverage {
    std::set<Sector> present;
    std::set<std::pair<Sector, Sector>> tied;
  };
  std::map<std::string, Coverage> by_region;
  for (uint32_t v = 0; v < g.node_count(); ++v) {
    Coverage& c = by_region[info[v].province];
    c.present.insert(info[v].sector);
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) {
      const uint32_t u = g.targets()[e];
      if (info[u].province == info[v].province)
        c.tied.insert(std::minmax(info[v].sector, info[u].sector));
    }
  }
  Table t{"region_holes",
          "4 region-level holes",
          {{"region", kString}, {"sectors_present", kString}, {"untied_pairs", kString}}};
  t.note =
      "Pairs of industry, academia, research and hospital that are both in the region "
      "with no tie between them inside it.";
  for (const auto& [region, c] : by_region) {
    std::string present, missing;
    for (Sector s : four) {
      if (c.present.count(s)) present += (present.empty() ? "" : ", ") + Name(s);
    }
    for (size_t a = 0; a < 4; ++a) {
      for (size_t b = a + 1; b < 4; ++b) {
        if (!c.present.count(four[a]) || !c.present.count(four[b])) continue;
        if (c.tied.count(std::minmax(four[a], four[b]))) continue;
        missing += (missing.empty() ? "" : ", ") + Name(four[a]) + "-" + Name(four[b]);
      }
    }
    if (!missing.empty()) t.AddRow({region, present, missing});
  }
  return t;
}

// 6a. Articulation points and bridges.
Result<Table> SinglePointsOfFailure(const Snapshot& snap, const Projection& g) {
  Table t{"single_points_of_failure",
          "6a single points of failure",
          {{"kind", kString},
           {"key", kString},
           {"name", kString},
           {"other_key", kString},
           {"other_name", kString}}};
  t.note =
      "Institutions (articulation points) and ties (bridges) whose loss splits a component; "
      "bridges to an institution with no other tie are left out.";
  for (uint32_t v : ArticulationPoints(g)) {
    auto name = NameOf(snap, g.keys()[v]);
    if (!name.ok()) return name.status();
    t.AddRow({std::string("institution"), g.keys()[v], *name, Cell(), Cell()});
  }
  for (const auto& [a, b] : Bridges(g)) {
    if (g.degree(a) < 2 || g.degree(b) < 2) continue;
    auto name_a = NameOf(snap, g.keys()[a]), name_b = NameOf(snap, g.keys()[b]);
    if (!name_a.ok()) return name_a.status();
    if (!name_b.ok()) return name_b.status();
    t.AddRow({std::string("tie"), g.keys()[a], *name_a, g.keys()[b], *name_b});
  }
  return t;
}

// 5 and 6b. Sector pairs with no direct tie: no broker at all, or one broker carrying most of
// the two-paths between them.
Status Brokerless(const Snapshot& snap, const Projection& g, const std::vector<NodeInfo>& info,
                  Table* none, Table* single) {
  const int k = kSectorCount;
  std::vector<int64_t> direct(k * k, 0);
  std::vector<double> paths(k * k, 0), best(k * k, 0);
  std::vector<uint32_t> best_broker(k * k, UINT32_MAX);
  std::vector<int64_t> members(k, 0);
  for (uint32_t v = 0; v < g.node_count(); ++v) ++members[static_cast<int>(info[v].sector)];
  std::vector<double> reach(k);
  for (uint32_t x = 0; x < g.node_count(); ++x) {
    std::fill(reach.begin(), reach.end(), 0);
    for (uint64_t e = g.offsets()[x]; e < g.offsets()[x + 1]; ++e) {
      const int s = static_cast<int>(info[g.targets()[e]].sector);
      reach[s] += 1;
      const int a = std::min(s, static_cast<int>(info[x].sector)),
                b = std::max(s, static_cast<int>(info[x].sector));
      ++direct[a * k + b];
    }
    for (int a = 1; a < k; ++a) {
      for (int b = a + 1; b < k; ++b) {
        const double through = reach[a] * reach[b];  // two-paths a - x - b
        if (through == 0) continue;
        paths[a * k + b] += through;
        if (through > best[a * k + b]) best[a * k + b] = through, best_broker[a * k + b] = x;
      }
    }
  }
  *none = Table{"no_broker_sector_pairs",
                "5 sector pairs with no broker",
                {{"sector_a", kString}, {"sector_b", kString}}};
  none->note =
      "Sectors with no tie between them and no institution tied to both (a structural "
      "hole nobody spans).";
  *single = Table{"single_broker_dependency",
                  "6b single-broker dependency",
                  {{"sector_a", kString},
                   {"sector_b", kString},
                   {"broker", kString},
                   {"name", kString},
                   {"share", kReal}}};
  single->note =
      "Sectors with no direct tie, joined mostly (over half of the two-paths) through "
      "one institution.";
  for (int a = 1; a < k; ++a) {
    for (int b = a + 1; b < k; ++b) {
      if (members[a] == 0 || members[b] == 0 || direct[a * k + b] > 0) continue;
      if (paths[a * k + b] == 0) {
        none->AddRow({Name(static_cast<Sector>(a)), Name(static_cast<Sector>(b))});
      } else if (best[a * k + b] / paths[a * k + b] > 0.5) {
        const uint32_t x = best_broker[a * k + b];
        auto name = NameOf(snap, g.keys()[x]);
        if (!name.ok()) return name.status();
        single->AddRow({Name(static_cast<Sector>(a)), Name(static_cast<Sector>(b)), g.keys()[x],
                        *name, best[a * k + b] / paths[a * k + b]});
      }
    }
  }
  return Status::OK();
}

// The date an analysis looks from: --as-of or the window's end, the earlier when both are set;
// unknown when neither is.
Date AnalysisEnd(const ProjectionFilter& f) {
  if (f.as_of.known() && f.window_to.known())
    return CompareDateStart(f.as_of, f.window_to) <= 0 ? f.as_of : f.window_to;
  return f.as_of.known() ? f.as_of : f.window_to;
}

// 8. MOUs, visits and planned ties with no follow-on tie between the same pair. In scope: both
// ends in the projection (with rollup, a unit stands for its parent). The early tie must pass
// every tie filter; any realized follow-on in scope counts, whatever the type filter (a report
// on MOUs alone still sees the joint research that followed one), unless it started after the
// analysis date (--as-of, else the window's end): by then it had not happened.
Result<Table> Unconverted(const Snapshot& snap, const ProjectionOptions& projection,
                          const Projection& g, int months) {
  static const std::set<std::string_view> kEarly = {"planned_cooperation", "investment_intent",
                                                    "visit_meeting", "mou"};
  static const std::set<std::string_view> kFollowOn = {"joint_research", "investment", "tenancy",
                                                       "commissioned_study", "establishment"};
  const ProjectionFilter& filter = projection.filter;
  const Date until = AnalysisEnd(filter);
  auto counts = snap.GetCounts();
  if (!counts.ok()) return counts.status();
  std::vector<bool> passes(counts->next_tie_seq, false);  // by sequence: passes every filter
  TIEGRAPH_RETURN_IF_ERROR(ForEachProjectedTie(
      snap, projection, g, [&](uint64_t seq, uint32_t, uint32_t) { passes[seq] = true; }));
  struct Early {
    uint64_t seq;
    std::pair<uint32_t, uint32_t> pair;
    Date since;
  };
  std::vector<Early> early;
  std::map<std::pair<uint32_t, uint32_t>, std::vector<Date>> follow_on;
  int latest = 0;
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachTieSummary([&](const TieSummary& t) {
    const uint64_t s = t.sequence;
    const uint32_t a = g.node_index()[t.source_id], b = g.node_index()[t.target_id];
    if (a == UINT32_MAX || b == UINT32_MAX) return true;  // out of scope
    const bool realized = t.status == TieStatus::kRealized;
    // "Now" is the latest realized tie: planned ties may lie in the future.
    if (t.since.known() && realized) latest = std::max(latest, FirstMonth(t.since));
    if (kFollowOn.count(t.type) && realized) {
      if (!until.known() || !EndsBeforeStart(t.since, until))
        follow_on[std::minmax(a, b)].push_back(t.since);
    } else if ((kEarly.count(t.type) || !realized) && t.type != "part_of" && passes[s]) {
      early.push_back({s, std::minmax(a, b), t.since});
    }
    return true;
  }));
  // The early ties that no follow-on converted, by sequence number, with their age.
  std::map<uint64_t, Date> open;
  for (const Early& e : early) {
    bool converted = false;
    if (auto it = follow_on.find(e.pair); it != follow_on.end()) {
      for (const Date& d : it->second) {
        // Undated follow-ons count: the pair did convert at some point.
        const int gap = d.known() && e.since.known() ? FirstMonth(d) - FirstMonth(e.since) : 0;
        converted = converted || (gap >= 0 && gap <= months);
      }
    }
    if (!converted) open.emplace(e.seq, e.since);
  }
  const int now = until.known() ? FirstMonth(until) : latest;
  Table t{"unconverted_ties",
          "8 unconverted ties",
          {{"tie", kString},
           {"source", kString},
           {"target", kString},
           {"type", kString},
           {"status", kString},
           {"since", kString},
           {"months", kInt},
           {"overdue", kString}}};
  t.note =
      "MOUs, visits, intentions and planned ties with no joint research, investment, "
      "tenancy, commissioned study or establishment between the pair within " +
      std::to_string(months) + " months (months: age at " +
      (until.known() ? FormatDate(until) : "the latest realized tie's date") + ").";
  if (open.empty()) return t;
  // Ties come in sequence order.
  auto next = open.begin();
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachTieWithSequence([&](uint64_t seq, const Tie& tie) {
    if (seq != next->first) return true;
    const Date& since = next->second;
    std::vector<Cell> row{
        tie.key,          tie.source, tie.target, tie.type, std::string(TieStatusName(tie.status)),
        FormatDate(since)};
    if (since.known()) {
      const int64_t age = now - FirstMonth(since);
      row.emplace_back(age);
      row.emplace_back(std::string(age >= months ? "yes" : ""));
    } else {
      row.emplace_back();  // no age
      row.emplace_back(std::string());
    }
    t.AddRow(std::move(row));
    return ++next != open.end();
  }));
  return t;
}

// 9. The best cross-sector pairs with no tie, by resource allocation over the whole network.
// An institution's own units and parents are left out, as by `suggest`.
Result<Table> SuggestedLinks(const Snapshot& snap, const Projection& g,
                             const std::vector<NodeInfo>& info, size_t top) {
  auto hierarchy = LoadPartOfHierarchy(snap, g);
  if (!hierarchy.ok()) return hierarchy.status();
  auto found = BestLinkPairs(g, LinkScore::kResourceAllocation, top, [&](uint32_t a, uint32_t b) {
    return info[a].sector != info[b].sector && !hierarchy->Related(a, b);
  });
  if (!found.ok()) return found.status();
  Table t{"suggested_links",
          "9 suggested links",
          {{"key_a", kString},
           {"name_a", kString},
           {"key_b", kString},
           {"name_b", kString},
           {"score", kReal},
           {"via", kString}}};
  t.note =
      "Cross-sector pairs with no tie that share partners (resource allocation: shared "
      "partners weighted by 1/their number of ties).";
  for (const LinkPair& p : *found) {
    std::string via;
    const auto shared = SharedNeighbors(g, p.a, p.b);
    for (size_t i = 0; i < shared.size() && i < 3; ++i)
      via += (i ? ", " : "") + g.keys()[shared[i]];
    if (shared.size() > 3) via += ", …";
    auto name_a = NameOf(snap, g.keys()[p.a]), name_b = NameOf(snap, g.keys()[p.b]);
    if (!name_a.ok()) return name_a.status();
    if (!name_b.ok()) return name_b.status();
    t.AddRow({g.keys()[p.a], *name_a, g.keys()[p.b], *name_b, p.score, via});
  }
  return t;
}

// 10. Per region: ties to foreign institutions, and through how many local institutions.
Table GlobalPipeline(const Projection& g, const std::vector<NodeInfo>& info) {
  struct Pipes {
    int64_t institutions = 0, foreign_ties = 0;
    std::set<uint32_t> gatekeepers;
  };
  std::map<std::string, Pipes> by_region;
  for (uint32_t v = 0; v < g.node_count(); ++v) {
    if (info[v].foreign) continue;
    Pipes& p = by_region[info[v].province];
    ++p.institutions;
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) {
      if (info[g.targets()[e]].foreign) ++p.foreign_ties, p.gatekeepers.insert(v);
    }
  }
  Table t{"global_pipeline",
          "10 global pipeline",
          {{"region", kString},
           {"institutions", kInt},
           {"foreign_ties", kInt},
           {"gatekeepers", kInt},
           {"gap", kString}}};
  t.note =
      "Domestic regions' ties to foreign institutions; a gap: none at all, or all through "
      "one institution (local buzz without global pipelines).";
  for (const auto& [region, p] : by_region) {
    const char* gap = p.foreign_ties == 0         ? "no foreign tie"
                      : p.gatekeepers.size() == 1 ? "one gatekeeper"
                                                  : "";
    t.AddRow({region, p.institutions, p.foreign_ties, static_cast<int64_t>(p.gatekeepers.size()),
              std::string(gap)});
  }
  return t;
}

// 7. The synergy summary with T of all the helices together, both read from the synergy
// tables by name (their layout is theirs to change).
Result<Table> HelixSynergy(const std::vector<Table>& synergy, size_t helices) {
  const Table* summary = FindTable(synergy, "helix_synergy");
  const Table* mutual = FindTable(synergy, "mutual_information");
  if (summary == nullptr || mutual == nullptr) {
    return Status::Corruption(
        "the synergy result lacks its helix_synergy or mutual_information table");
  }
  Table t = *summary;
  t.name = "helix_synergy";
  t.title = "7 helix synergy";
  t.note += " T of all the helices together; negative (three helices) = synergy.";
  TIEGRAPH_RETURN_IF_ERROR(t.AddColumn({"t_bits", kReal}));
  for (size_t row = 0; row < mutual->rows.size(); ++row) {
    auto dimensions = mutual->Int(row, "dimensions");
    if (!dimensions.ok()) return dimensions.status();
    if (*dimensions != static_cast<int64_t>(helices)) continue;
    const Cell* t_bits = mutual->At(row, "t_bits");
    if (t_bits == nullptr) return Status::Corruption("mutual_information has no t_bits column");
    for (auto& r : t.rows) r.back() = *t_bits;
    return t;
  }
  return Status::Corruption("mutual_information has no row for all " + std::to_string(helices) +
                            " helices");
}

}  // namespace

Status GapRequest::Validate() const {
  if (!(threshold >= 0))
    return Status::InvalidArgument("threshold: must be 0 or more, not " + ShortestReal(threshold));
  if (months < 0)
    return Status::InvalidArgument("months: must be 0 or more, not " + std::to_string(months));
  return synergy.Validate();
}

Result<std::vector<Table>> GapReport(const Snapshot& snap, const ProjectionOptions& projection,
                                     const GapRequest& r) {
  if (projection.directed)
    return Status::InvalidArgument("the gap report uses the undirected view");
  TIEGRAPH_RETURN_IF_ERROR(r.Validate());
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  auto info = Infos(snap, *g);
  if (!info.ok()) return info.status();
  // Any part that fails fails the report: a partial report would pass for a complete one.
  std::vector<Table> out;
  auto missing = MissingSectorPairs(*g, *info, r.threshold);
  if (!missing.ok()) return missing.status();
  out.push_back(std::move(*missing));
  auto lacking = LackingPartnerSector(snap, *g, *info);
  if (!lacking.ok()) return lacking.status();
  out.push_back(std::move(*lacking));
  out.push_back(IsolatedParts(*g, *info));
  out.push_back(RegionHoles(*g, *info));
  Table none, single;
  TIEGRAPH_RETURN_IF_ERROR(Brokerless(snap, *g, *info, &none, &single));
  out.push_back(std::move(none));
  auto failure = SinglePointsOfFailure(snap, *g);
  if (!failure.ok()) return failure.status();
  out.push_back(std::move(*failure));
  out.push_back(std::move(single));
  // Synergy over the events in scope: their participants in the projection (the projection's
  // own node map, so a rolled-up unit counts with its parent), dated within the analysis period.
  SynergyRequest scoped = r.synergy;
  std::unordered_set<std::string> in_scope;
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachInstitutionSummary([&](const InstitutionSummary& in) {
    if (in.node_id < g->node_index().size() && g->node_index()[in.node_id] != UINT32_MAX)
      in_scope.emplace(in.key);
    return true;
  }));
  scoped.in_scope = [&](const std::string& key) { return in_scope.count(key) > 0; };
  scoped.from = projection.filter.window_from;
  scoped.to = AnalysisEnd(projection.filter);
  auto synergy = SynergyTables(snap, scoped);
  if (!synergy.ok()) return synergy.status();
  auto t7 = HelixSynergy(*synergy, r.synergy.helices.size());
  if (!t7.ok()) return t7.status();
  out.push_back(std::move(*t7));
  auto unconverted = Unconverted(snap, projection, *g, r.months);
  if (!unconverted.ok()) return unconverted.status();
  out.push_back(std::move(*unconverted));
  auto suggested = SuggestedLinks(snap, *g, *info, r.suggestions);
  if (!suggested.ok()) return suggested.status();
  out.push_back(std::move(*suggested));
  out.push_back(GlobalPipeline(*g, *info));
  return out;
}

}  // namespace tiegraph
