// The network over time: the same measures over a series of windows.
#include <tiegraph/core_periphery.h>
#include <tiegraph/evolution.h>
#include <tiegraph/helix.h>
#include <tiegraph/mixing.h>
#include <tiegraph/synergy.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <random>
#include <set>
#include <string_view>
#include <unordered_map>

#include <tiegraph/projection_access.h>

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
Result<int> Months(const std::string& text, const char* what) {
  if (text.size() >= 2 && (text.back() == 'y' || text.back() == 'm')) {
    int n = 0;
    const char* end = text.data() + text.size() - 1;
    const auto [ptr, ec] = std::from_chars(text.data(), end, n);
    if (ec == std::errc() && ptr == end && n > 0 && n <= 100000)
      return text.back() == 'y' ? n * 12 : n;
  }
  return Status::InvalidArgument(std::string(what) + ": expected a length like 1y or 6m, not '" +
                                 text + "'");
}

// The windows a request asks for: first and last end, in months since year 0, and the step
// and length in months.
struct Windows {
  int first_end = 0, last_end = 0, step = 12, length = 36;
};

Result<Windows> ParseWindows(const EvolutionRequest& r) {
  auto from = ParseDate(r.from), to = ParseDate(r.to);
  if (!from.ok() || !from->known())
    return Status::InvalidArgument("from: expected YYYY or YYYY-MM, not '" + r.from + "'");
  if (!to.ok() || !to->known())
    return Status::InvalidArgument("to: expected YYYY or YYYY-MM, not '" + r.to + "'");
  Windows w;
  auto step = Months(r.step, "step");
  if (!step.ok()) return step.status();
  auto length = Months(r.window, "window");
  if (!length.ok()) return length.status();
  w.step = *step;
  w.length = *length;
  w.first_end = LastMonth(*from);
  w.last_end = LastMonth(*to);
  if (w.last_end < w.first_end) return Status::InvalidArgument("to: before from");
  if ((w.last_end - w.first_end) / w.step > 200)
    return Status::InvalidArgument("step: more than 200 windows from " + r.from + " to " + r.to);
  return w;
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

Status EvolutionRequest::Validate() const { return ParseWindows(*this).status(); }

Result<Table> EvolutionTable(const Snapshot& snap, const ProjectionOptions& projection,
                             const EvolutionRequest& r) {
  if (projection.filter.as_of.known() || projection.filter.window_from.known() ||
      projection.filter.window_to.known()) {
    return Status::InvalidArgument(
        "evolution sets the windows itself: no as-of date or window filter");
  }
  auto windows = ParseWindows(r);
  if (!windows.ok()) return windows.status();
  const int first_end = windows->first_end, last_end = windows->last_end;
  const int step = windows->step, length = windows->length;

  using enum ColumnType;
  Table t{"evolution",
          "evolution",
          {{"window", kString},
           {"institutions", kInt},
           {"ties", kInt},
           {"density", kReal},
           {"e_i", kReal},
           {"assortativity", kReal},
           {"components", kInt},
           {"main_share", kReal},
           {"formed", kInt},
           {"dissolved", kInt},
           {"kept", kInt},
           {"jaccard", kReal},
           {"entrants", kInt},
           {"exits", kInt},
           {"core", kInt},
           {"new_in_core", kInt},
           {"events", kInt},
           {"t_uig", kReal}}};
  t.note =
      "Per window: institutions with a tie and their ties; formed/dissolved/kept: tied "
      "pairs against the window before; E-I and assortativity by sector; core: the "
      "discrete core-periphery model's core; t_uig: helix synergy of the window's events.";
  PairSet previous;
  std::set<std::string> previous_active, previous_core;
  for (int end = first_end; end <= last_end; end += step) {
    const int begin = end - length + 1;
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
      if (g->degree(v) > 0) active.insert(g->keys()[v]);
      for (uint64_t e = g->offsets()[v]; e < g->offsets()[v + 1]; ++e) {
        const uint32_t u = g->targets()[e];
        if (v < u) pairs.insert(std::minmax(g->keys()[v], g->keys()[u]));
      }
      auto in = snap.GetInstitution(g->keys()[v]);
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
        if (cp->core[v]) core.insert(g->keys()[v]);
      }
    }
    int64_t new_in_core = 0;
    for (const auto& k : core) new_in_core += !previous_core.count(k);
    SynergyRequest synergy;
    synergy.from = MonthDate(begin);
    synergy.to = MonthDate(end);
    auto helix = SynergyTables(snap, synergy);
    if (!helix.ok()) return helix.status();
    // Read by name: the synergy tables' layout is theirs to change.
    const Table* summary = FindTable(*helix, "helix_synergy");
    const Table* mutual = FindTable(*helix, "mutual_information");
    const Cell* events = summary ? summary->At(0, "events") : nullptr;
    // The last row: the three default helices together.
    const Cell* t_uig =
        mutual && !mutual->rows.empty() ? mutual->At(mutual->rows.size() - 1, "t_bits") : nullptr;
    if (!events || !t_uig) return Status::Corruption("helix synergy tables lack events or t_bits");
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
              delta(entrants), delta(exits), static_cast<int64_t>(core.size()), delta(new_in_core),
              *events, *t_uig});
    previous = std::move(pairs);
    previous_active = std::move(active);
    previous_core = std::move(core);
  }
  return t;
}

}  // namespace tiegraph
