#include <tiegraph/projection.h>

#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <unordered_map>

namespace tiegraph {
namespace {

template <typename T>
bool AnyOf(const std::vector<T>& wanted, const T& value) {
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

bool KeepInstitution(const ProjectionFilter& f, const Institution& in) {
  if (!f.sectors.empty()) {
    bool hit = AnyOf(f.sectors, in.sector);
    for (Sector s : in.other_sectors) hit = hit || AnyOf(f.sectors, s);
    if (!hit) return false;
  }
  if (!AnyOf(f.kinds, in.kind)) return false;
  return f.region.size() <= in.region.size() &&
         std::equal(f.region.begin(), f.region.end(), in.region.begin());
}

bool KeepTie(const ProjectionFilter& f, const TieSummary& t) {
  if (!f.include_part_of && t.type == "part-of") return false;
  if (!f.tie_types.empty() &&
      std::find(f.tie_types.begin(), f.tie_types.end(), t.type) == f.tie_types.end()) {
    return false;
  }
  return AnyOf(f.statuses, t.status) && AnyOf(f.confidences, t.confidence) &&
         t.strength >= f.min_strength && ValidIn(f, t.since, t.until);
}

struct Arc {
  uint32_t from, to;
  double weight;
};

// Compressed rows from arcs: counting sort by source, then each row sorted by target with
// parallel arcs merged as `combine` says.
void BuildRows(size_t n, std::vector<Arc>& arcs, CombineTies combine, std::vector<uint64_t>* offsets,
               std::vector<uint32_t>* targets, std::vector<double>* weights) {
  std::vector<uint64_t> start(n + 1, 0);
  for (const Arc& a : arcs) ++start[a.from + 1];
  for (size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<std::pair<uint32_t, double>> sorted(arcs.size());
  {
    std::vector<uint64_t> fill(start.begin(), start.end() - 1);
    for (const Arc& a : arcs) sorted[fill[a.from]++] = {a.to, a.weight};
  }
  arcs.clear();
  arcs.shrink_to_fit();
  offsets->assign(n + 1, 0);
  targets->clear();
  weights->clear();
  targets->reserve(sorted.size());
  weights->reserve(sorted.size());
  for (size_t v = 0; v < n; ++v) {
    auto first = sorted.begin() + static_cast<ptrdiff_t>(start[v]);
    auto last = sorted.begin() + static_cast<ptrdiff_t>(start[v + 1]);
    // Stable, so parallel arcs are combined in tie order in out- and in-rows alike (the same
    // floating-point sum both ways).
    std::stable_sort(first, last, [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto it = first; it != last; ++it) {
      const double w = combine == CombineTies::kCount ? 1.0 : it->second;
      if (targets->size() > (*offsets)[v] && targets->back() == it->first) {
        double& acc = weights->back();
        acc = combine == CombineTies::kMax ? std::max(acc, w) : acc + w;
      } else {
        targets->push_back(it->first);
        weights->push_back(w);
      }
    }
    (*offsets)[v + 1] = targets->size();
  }
}

}  // namespace

bool ValidIn(const ProjectionFilter& f, const Date& since, const Date& until) {
  if (f.as_of.known()) {
    // Starts after the day ends, or ended before it begins.
    if (EndsBeforeStart(since, f.as_of) || EndsBeforeStart(f.as_of, until)) return false;
  }
  if (f.window_from.known() && EndsBeforeStart(f.window_from, until)) return false;
  if (f.window_to.known() && EndsBeforeStart(since, f.window_to)) return false;
  return true;
}

bool Projection::Find(std::string_view key, uint32_t* index) const {
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return *index = i, true;
  }
  return false;
}

Result<Projection> BuildProjection(const Snapshot& snapshot, const ProjectionOptions& options) {
  const ProjectionFilter& f = options.filter;
  // Institutions in node-id order: node id = position. With rollup, each maps to its
  // top-level ancestor, and the filters judge that ancestor.
  std::vector<Institution> all;
  TIEGRAPH_RETURN_IF_ERROR(snapshot.ForEachInstitution([&](const Institution& in) {
    Institution slim;  // only what filters and rollup read
    slim.key = in.key;
    slim.sector = in.sector;
    slim.other_sectors = in.other_sectors;
    slim.kind = in.kind;
    slim.region = in.region;
    slim.parent = in.parent;
    all.push_back(std::move(slim));
    return true;
  }));
  const size_t stored = all.size();
  std::vector<uint32_t> root(stored);
  for (uint32_t i = 0; i < stored; ++i) root[i] = i;
  if (options.rollup) {
    std::unordered_map<std::string_view, uint32_t> id_of;
    for (uint32_t i = 0; i < stored; ++i) id_of.emplace(all[i].key, i);
    for (uint32_t i = 0; i < stored; ++i) {
      uint32_t r = i;
      for (size_t hops = 0; hops < stored && !all[r].parent.empty(); ++hops) {
        auto it = id_of.find(all[r].parent);
        if (it == id_of.end()) break;
        r = it->second;
      }
      root[i] = r;
    }
  }
  constexpr uint32_t kDropped = UINT32_MAX;
  std::vector<uint32_t> index(stored, kDropped);
  Projection g;
  g.directed = options.directed;
  for (uint32_t i = 0; i < stored; ++i) {
    if (root[i] == i && KeepInstitution(f, all[i])) {
      index[i] = static_cast<uint32_t>(g.keys.size());
      g.keys.push_back(all[i].key);
    }
  }
  for (uint32_t i = 0; i < stored; ++i) index[i] = index[root[i]];
  all.clear();

  std::vector<Arc> arcs;
  Status bad;
  TIEGRAPH_RETURN_IF_ERROR(snapshot.ForEachTieSummary([&](const TieSummary& t) {
    if (t.source_id >= stored || t.target_id >= stored) {
      bad = Status::Corruption("a tie names a node id past the last institution");
      return false;
    }
    if (!KeepTie(f, t)) return true;
    const uint32_t a = index[t.source_id], b = index[t.target_id];
    if (a == kDropped || b == kDropped || a == b) return true;
    ++g.ties_used;
    arcs.push_back({a, b, t.strength});
    if (!options.directed || !t.directed) arcs.push_back({b, a, t.strength});
    return true;
  }));
  TIEGRAPH_RETURN_IF_ERROR(bad);
  const size_t n = g.keys.size();
  if (options.directed) {
    std::vector<Arc> reversed;
    reversed.reserve(arcs.size());
    for (const Arc& a : arcs) reversed.push_back({a.to, a.from, a.weight});
    BuildRows(n, reversed, options.combine, &g.in_offsets, &g.in_sources, &g.in_weights);
  }
  BuildRows(n, arcs, options.combine, &g.offsets, &g.targets, &g.weights);
  return g;
}

}  // namespace tiegraph
