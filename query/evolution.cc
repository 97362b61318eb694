// The network over time: the same measures over a series of windows, and link suggestion
// judged on a time split.
#include <tiegraph/core_periphery.h>
#include <tiegraph/gap_analysis.h>
#include <tiegraph/mixing.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string_view>
#include <unordered_map>

#include "query/projection_access.h"

namespace tiegraph {
namespace {

Date MonthDate(int month) {
  Date d;
  d.year = month / 12;
  d.month = static_cast<uint8_t>(month % 12 + 1);
  d.precision = Date::Precision::kMonth;
  return d;
}

// "3y" or "6m" in months.
Result<int> Months(const std::string& text, const char* flag) {
  if (text.size() >= 2 && (text.back() == 'y' || text.back() == 'm')) {
    try {
      size_t used = 0;
      const int n = std::stoi(text.substr(0, text.size() - 1), &used);
      if (used == text.size() - 1 && n > 0) return text.back() == 'y' ? n * 12 : n;
    } catch (...) {
    }
  }
  return Status::InvalidArgument(std::string(flag) + ": expected a length like 1y or 6m, not '" +
                                 text + "'");
}

using PairSet = std::set<std::pair<std::string, std::string>>;

std::string WindowLabel(int first, int last) {
  if (first % 12 == 0 && last % 12 == 11) {
    const int a = first / 12, b = last / 12;
    return a == b ? std::to_string(a) : std::to_string(a) + ".." + std::to_string(b);
  }
  return FormatDate(MonthDate(first)) + ".." + FormatDate(MonthDate(last));
}

}  // namespace

Result<Table> EvolutionTable(const Snapshot& snap, const ProjectionOptions& projection,
                             const EvolutionRequest& r) {
  if (projection.filter.as_of.known() || projection.filter.window_from.known() ||
      projection.filter.window_to.known()) {
    return Status::InvalidArgument("evolution sets the windows itself: drop --as-of and --window");
  }
  auto from = ParseDate(r.from), to = ParseDate(r.to);
  if (!from.ok() || !from->known()) return Status::InvalidArgument("--from: expected YYYY or YYYY-MM");
  if (!to.ok() || !to->known()) return Status::InvalidArgument("--to: expected YYYY or YYYY-MM");
  auto step = Months(r.step, "--step");
  if (!step.ok()) return step.status();
  auto window = Months(r.window, "--window");
  if (!window.ok()) return window.status();
  const int first_end = LastMonth(*from), last_end = LastMonth(*to);
  if (last_end < first_end) return Status::InvalidArgument("--to is before --from");
  if ((last_end - first_end) / *step > 200) return Status::InvalidArgument("more than 200 windows");

  Table t{"evolution",
          {"window", "institutions", "ties", "density", "e_i", "assortativity", "components",
           "main_share", "formed", "dissolved", "kept", "jaccard", "entrants", "exits", "core",
           "new_in_core", "events", "t_uig"},
          {}};
  t.note = "Per window: institutions with a tie and their ties; formed/dissolved/kept: tied "
           "pairs against the window before; E-I and assortativity by sector; core: the "
           "discrete core-periphery model's core; t_uig: helix synergy of the window's events.";
  PairSet previous;
  std::set<std::string> previous_active, previous_core;
  for (int end = first_end; end <= last_end; end += *step) {
    const int begin = end - *window + 1;
    ProjectionOptions o = projection;
    o.directed = false;
    o.filter.window_from = MonthDate(begin);
    o.filter.window_to = MonthDate(end);
    auto g = BuildProjection(snap, o);
    if (!g.ok()) return g.status();
    PairSet pairs;
    std::set<std::string> active;
    std::vector<uint32_t> sector(g->node_count());
    for (uint32_t v = 0; v < g->node_count(); ++v) {
      if (g->degree(v) > 0) active.insert(g->keys[v]);
      for (uint64_t e = g->offsets[v]; e < g->offsets[v + 1]; ++e) {
        const uint32_t u = g->targets[e];
        if (v < u) pairs.insert(std::minmax(g->keys[v], g->keys[u]));
      }
      auto in = snap.GetInstitution(g->keys[v]);
      if (!in.ok()) return in.status();
      sector[v] = static_cast<uint32_t>(in->sector);
    }
    auto m = MixingByGroup(*g, sector, kSectorCount, false);
    if (!m.ok()) return m.status();
    std::vector<uint32_t> component;
    ConnectedComponents(*g, &component);
    // Components among active institutions: isolates are not part of the network this window.
    std::set<uint32_t> active_components;
    std::vector<int64_t> size;
    for (uint32_t v = 0; v < g->node_count(); ++v) {
      if (g->degree(v) == 0) continue;
      active_components.insert(component[v]);
      if (size.size() <= component[v]) size.resize(component[v] + 1, 0);
      ++size[component[v]];
    }
    const double a = static_cast<double>(active.size());
    const int64_t largest = size.empty() ? 0 : *std::max_element(size.begin(), size.end());
    int64_t formed = 0, kept = 0, dissolved = 0, entrants = 0, exits = 0;
    for (const auto& p : pairs) (previous.count(p) ? kept : formed) += 1;
    for (const auto& p : previous) dissolved += !pairs.count(p);
    for (const auto& k : active) entrants += !previous_active.count(k);
    for (const auto& k : previous_active) exits += !active.count(k);
    // The discrete core among the active institutions' ties (isolates are periphery).
    std::set<std::string> core;
    if (g->node_count() >= 4 && !pairs.empty()) {
      auto cp = DiscreteCoreness(*g);
      if (!cp.ok()) return cp.status();
      for (uint32_t v = 0; v < g->node_count(); ++v) {
        if (cp->core[v]) core.insert(g->keys[v]);
      }
    }
    int64_t new_in_core = 0;
    for (const auto& k : core) new_in_core += !previous_core.count(k);
    SynergyRequest synergy;
    synergy.from = MonthDate(begin);
    synergy.to = MonthDate(end);
    auto helix = SynergyTables(snap, synergy);
    if (!helix.ok()) return helix.status();
    const Cell events = (*helix)[0].rows[0][0];
    const Cell t_uig = (*helix)[1].rows.back()[2];  // the three default helices together
    const double unions = static_cast<double>(formed + kept + dissolved);
    const bool first = end == first_end;
    auto delta = [&](int64_t x) { return first ? Cell() : Cell(x); };
    t.AddRow({WindowLabel(begin, end), static_cast<int64_t>(active.size()),
              static_cast<int64_t>(pairs.size()),
              a > 1 ? Cell(static_cast<double>(pairs.size()) / (a * (a - 1) / 2)) : Cell(),
              std::isnan(m->ei) ? Cell() : Cell(m->ei),
              std::isnan(m->assortativity) ? Cell() : Cell(m->assortativity),
              static_cast<int64_t>(active_components.size()),
              a > 0 ? Cell(static_cast<double>(largest) / a) : Cell(), delta(formed),
              delta(dissolved), delta(kept),
              first || unions == 0 ? Cell() : Cell(static_cast<double>(kept) / unions),
              delta(entrants), delta(exits), static_cast<int64_t>(core.size()),
              delta(new_in_core), events, t_uig});
    previous = std::move(pairs);
    previous_active = std::move(active);
    previous_core = std::move(core);
  }
  return t;
}

Result<Table> LinkEvaluationTable(const Snapshot& snap, const ProjectionOptions& projection,
                                  const LinkEvaluationRequest& r) {
  if (projection.directed) return Status::InvalidArgument("link evaluation uses the undirected view");
  if (r.score == LinkScore::kKatz) {
    return Status::InvalidArgument("evaluation scores pairs one by one: choose a local score or "
                                   "preferential-attachment, not katz");
  }
  if (r.k == 0 || r.comparisons == 0) return Status::InvalidArgument("--k and the comparisons must be >= 1");
  auto split = ParseDate(r.split);
  if (!split.ok() || !split->known()) return Status::InvalidArgument("--evaluate: expected a date YYYY[-MM[-DD]]");
  ProjectionOptions train = projection;
  train.filter.window_to = *split;  // ties that started by the split, or have no start
  train.filter.as_of = Date();
  auto g = Build(snap, train);
  if (!g.ok()) return g.status();
  // Ties formed after the split (within the horizon) between two institutions of the training
  // network that had no tie there.
  std::set<std::pair<uint32_t, uint32_t>> positives;
  const int after = LastMonth(*split);
  auto adjacent = [&](uint32_t a, uint32_t b) {
    return std::binary_search(g->targets.begin() + static_cast<ptrdiff_t>(g->offsets[a]),
                              g->targets.begin() + static_cast<ptrdiff_t>(g->offsets[a + 1]), b);
  };
  std::unordered_map<std::string_view, uint32_t> index;
  for (uint32_t v = 0; v < g->node_count(); ++v) index.emplace(g->keys[v], v);
  auto find = [&](const std::string& key, uint32_t* v) {
    auto it = index.find(key);
    return it != index.end() && (*v = it->second, true);
  };
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachTie([&](const Tie& t) {
    if (!t.since.known() || FirstMonth(t.since) <= after) return true;
    if (r.horizon_months > 0 && FirstMonth(t.since) > after + r.horizon_months) return true;
    if (!projection.filter.include_part_of && t.type == "part-of") return true;
    uint32_t a, b;
    if (!find(t.source, &a) || !find(t.target, &b) || a == b || adjacent(a, b)) return true;
    positives.insert(std::minmax(a, b));
    return true;
  }));
  Table out{std::string("link suggestion judged on ties formed after ") + FormatDate(*split) +
                " (" + LinkScoreName(r.score) + ")",
            {"new_ties", "auc", "comparisons", "precision_at_k", "k", "candidates"},
            {}};
  out.note = "AUC: how often a tie that formed scores above a pair that did not (0.5 = chance); "
             "precision@k: the share of the k best-scoring pairs that formed a tie.";
  const size_t n = g->node_count();
  // AUC by sampling (Lü & Zhou 2011): a random new tie against a random unlinked pair.
  std::vector<std::pair<uint32_t, uint32_t>> pos(positives.begin(), positives.end());
  double wins = 0;
  size_t done = 0;
  std::mt19937_64 rng(r.seed);
  if (!pos.empty() && n >= 3) {
    std::uniform_int_distribution<size_t> pick_pos(0, pos.size() - 1);
    std::uniform_int_distribution<uint32_t> pick_node(0, static_cast<uint32_t>(n - 1));
    for (size_t attempts = 0; done < r.comparisons && attempts < r.comparisons * 100; ++attempts) {
      const uint32_t a = pick_node(rng), b = pick_node(rng);
      if (a == b || adjacent(a, b) || positives.count(std::minmax(a, b))) continue;
      const auto& p = pos[pick_pos(rng)];
      const double sp = *PairScore(*g, p.first, p.second, r.score);
      const double sn = *PairScore(*g, a, b, r.score);
      wins += sp > sn ? 1.0 : (sp == sn ? 0.5 : 0.0);
      ++done;
    }
  }
  // precision@k over the pairs with a shared partner, best first (ties by key order).
  size_t candidates = 0;
  auto best = BestLinkPairs(*g, r.score, r.k, {}, &candidates);
  if (!best.ok()) return best.status();
  const size_t k = best->size();
  size_t hits = 0;
  for (const LinkPair& p : *best) hits += positives.count({p.a, p.b});
  out.AddRow({static_cast<int64_t>(positives.size()),
              done ? Cell(wins / static_cast<double>(done)) : Cell(),
              static_cast<int64_t>(done),
              k ? Cell(static_cast<double>(hits) / static_cast<double>(k)) : Cell(),
              static_cast<int64_t>(k), static_cast<int64_t>(candidates)});
  return out;
}

}  // namespace tiegraph
