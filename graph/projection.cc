#include <tiegraph/projection.h>

#include <mutex>

#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <unordered_map>

#include "two_halves.h"

namespace tiegraph {
namespace {

template <typename T>
bool AnyOf(const std::vector<T>& wanted, const T& value) {
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

bool HasLabel(const InstitutionSummary& in, std::string_view label) {
  if (label == kInstitutionLabel) return in.institution;
  return std::find(in.labels.begin(), in.labels.end(), label) != in.labels.end();
}

bool KeepInstitution(const ProjectionFilter& f, const InstitutionSummary& in) {
  if (f.labels.empty() ? !in.institution
                       : std::none_of(f.labels.begin(), f.labels.end(),
                                      [&](const std::string& l) { return HasLabel(in, l); })) {
    return false;
  }
  if (!f.sectors.empty()) {
    bool hit = AnyOf(f.sectors, in.sector);
    for (Sector s : in.other_sectors) hit = hit || AnyOf(f.sectors, s);
    if (!hit) return false;
  }
  if (!f.kinds.empty() && std::find(f.kinds.begin(), f.kinds.end(), in.kind) == f.kinds.end())
    return false;
  return InRegion(f.region, in.region);
}

constexpr uint32_t kDropped = UINT32_MAX;

bool KeepTie(const ProjectionFilter& f, const TieSummary& t) {
  if (!f.include_part_of && t.type == "part_of") return false;
  if (!f.tie_types.empty() &&
      std::find(f.tie_types.begin(), f.tie_types.end(), t.type) == f.tie_types.end()) {
    return false;
  }
  return AnyOf(f.statuses, t.status) && AnyOf(f.confidences, t.confidence) &&
         t.strength >= f.min_strength && ValidIn(f, t.since, t.until);
}

// A kept tie between projection nodes, 16 bytes; `to` carries the one-way flag in its top
// bit (a directed tie in a directed view: an arc from -> to only).
struct Edge {
  uint32_t from, to;
  double weight;
};
constexpr uint32_t kOneWay = 0x80000000u;

// Calls arc(a, b, weight, one_way, sequence) for every tie with sequence in [begin, end) that
// passes the filter and joins two distinct projection nodes (index: node id -> projection
// node), in tie order. one_way: a directed tie in a directed view.
template <typename ArcFn>
Status ForEachKeptTie(const Snapshot& snapshot, const ProjectionFilter& f, bool directed,
                      std::span<const uint32_t> index, uint64_t begin, uint64_t end, ArcFn&& arc) {
  Status bad;
  Status s = snapshot.ForEachTieSummaryBatch(
      [&](const TieSummary* ties, size_t count) {
        for (size_t i = 0; i < count; ++i) {
          const TieSummary& t = ties[i];
          if (t.source_id >= index.size() || t.target_id >= index.size()) {
            bad = Status::Corruption("a tie names a node id past the last institution");
            return false;
          }
          if (!KeepTie(f, t)) continue;
          const uint32_t a = index[t.source_id], b = index[t.target_id];
          if (a == kDropped || b == kDropped || a == b) continue;
          arc(a, b, t.strength, directed && t.directed, t.sequence);
        }
        return true;
      },
      begin, end);
  return s.ok() ? bad : s;
}

// Sorts each row of (targets, weights) by target, stably (so parallel arcs combine in tie
// order, the same in out- and in-rows), merges parallel arcs as `combine` says, and closes
// the gaps merging left. Rows are sorted on two threads, split at half the arcs.
void SortAndCombineRows(int parts, CombineTies combine, std::vector<uint64_t>* offsets,
                        std::vector<uint32_t>* targets, std::vector<double>* weights) {
  const size_t n = offsets->size() - 1;
  std::vector<uint64_t> length(n);
  const size_t split = parts == 2 ? HalfwayRow(*offsets) : n;
  RunParts(parts, [&](int part) {
    std::vector<std::pair<uint32_t, double>> row;
    const size_t lo = part == 0 ? 0 : split, hi = part == 0 ? split : n;
    for (size_t v = lo; v < hi; ++v) {
      const uint64_t begin = (*offsets)[v], end = (*offsets)[v + 1];
      row.clear();
      for (uint64_t e = begin; e < end; ++e) row.push_back({(*targets)[e], (*weights)[e]});
      std::stable_sort(row.begin(), row.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      uint64_t write = begin;
      for (const auto& [t, w] : row) {
        if (write > begin && (*targets)[write - 1] == t) {
          double& acc = (*weights)[write - 1];
          acc = combine == CombineTies::kMax ? std::max(acc, w) : acc + w;
        } else {
          (*targets)[write] = t;
          (*weights)[write] = w;
          ++write;
        }
      }
      length[v] = write - begin;
    }
  });
  uint64_t write = 0;
  for (size_t v = 0; v < n; ++v) {
    const uint64_t begin = (*offsets)[v];
    if (write != begin) {
      std::copy_n(targets->begin() + static_cast<ptrdiff_t>(begin), length[v],
                  targets->begin() + static_cast<ptrdiff_t>(write));
      std::copy_n(weights->begin() + static_cast<ptrdiff_t>(begin), length[v],
                  weights->begin() + static_cast<ptrdiff_t>(write));
    }
    (*offsets)[v] = write;
    write += length[v];
  }
  (*offsets)[n] = write;
  targets->resize(write);
  weights->resize(write);
  targets->shrink_to_fit();
  weights->shrink_to_fit();
}

// Per part, arcs per row become the part's first free slot in each row: part 0's arcs come
// before part 1's, so every row keeps tie order. Returns the row offsets.
std::vector<uint64_t> PlaceRows(std::vector<std::vector<uint64_t>>* count) {
  const size_t n = (*count)[0].size();
  std::vector<uint64_t> offsets(n + 1, 0);
  uint64_t next = 0;
  for (size_t v = 0; v < n; ++v) {
    offsets[v] = next;
    for (auto& c : *count) {
      const uint64_t k = c[v];
      c[v] = next;
      next += k;
    }
  }
  offsets[n] = next;
  return offsets;
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

// The filter with its tie types matched to the stored ones: a type filter names types in any
// spelling the vocabulary knows (tie_types.h) and keeps every stored spelling of that type.
Result<ProjectionFilter> MatchTieTypes(const Snapshot& snapshot, const ProjectionFilter& filter) {
  if (filter.tie_types.empty()) return filter;
  auto vocabulary = snapshot.GetTieTypeVocabulary();
  if (!vocabulary.ok()) return vocabulary.status();
  auto stored = snapshot.TieTypes();
  if (!stored.ok()) return stored.status();
  ProjectionFilter out = filter;
  out.tie_types.clear();
  for (const auto& t : *stored) {
    const std::string c = vocabulary->Canonical(t);
    for (const auto& w : filter.tie_types) {
      if (vocabulary->Canonical(w) == c) {
        out.tie_types.push_back(t);
        break;
      }
    }
  }
  if (out.tie_types.empty()) out.tie_types.push_back({});  // matches no tie
  return out;
}

Status ForEachProjectedTie(
    const Snapshot& snapshot, const ProjectionOptions& options, const Projection& g,
    const std::function<void(uint64_t sequence, uint32_t a, uint32_t b)>& fn) {
  auto f = MatchTieTypes(snapshot, options.filter);
  if (!f.ok()) return f.status();
  return ForEachKeptTie(
      snapshot, *f, options.directed, g.node_index(), 0, UINT64_MAX,
      [&](uint32_t a, uint32_t b, double, bool, uint64_t sequence) { fn(sequence, a, b); });
}

Projection InducedSubgraph(const Projection& g, const std::vector<uint32_t>& keep) {
  std::vector<uint32_t> renumber(g.node_count(), kDropped);
  for (uint32_t i = 0; i < keep.size(); ++i) renumber[keep[i]] = i;
  Projection sub;
  sub.directed_ = g.directed_;
  sub.node_index_.resize(g.node_index_.size(), kDropped);
  for (size_t id = 0; id < g.node_index_.size(); ++id) {
    if (g.node_index_[id] != kDropped) sub.node_index_[id] = renumber[g.node_index_[id]];
  }
  auto copy_rows = [&](std::span<const uint64_t> offsets, std::span<const uint32_t> ends,
                       std::span<const double> weights, std::vector<uint64_t>* sub_offsets,
                       std::vector<uint32_t>* sub_ends, std::vector<double>* sub_weights) {
    sub_offsets->assign(1, 0);
    for (uint32_t v : keep) {
      for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) {
        if (renumber[ends[e]] == kDropped) continue;
        sub_ends->push_back(renumber[ends[e]]);
        sub_weights->push_back(weights[e]);
      }
      sub_offsets->push_back(sub_ends->size());
    }
  };
  for (uint32_t v : keep) sub.keys_.push_back(g.keys_[v]);
  copy_rows(g.offsets_, g.targets_, g.weights_, &sub.offsets_, &sub.targets_, &sub.weights_);
  if (g.directed_) {
    copy_rows(g.in_offsets_, g.in_sources_, g.in_weights_, &sub.in_offsets_, &sub.in_sources_,
              &sub.in_weights_);
  }
  return sub;
}

struct Projection::KeyIndex {
  std::once_flag built;
  // Transparent lookup: a string_view finds a key without a copy.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> of;
};

Projection::KeyIndexSlot::KeyIndexSlot() : index_(std::make_unique<KeyIndex>()) {}
Projection::KeyIndexSlot::~KeyIndexSlot() = default;
Projection::KeyIndexSlot& Projection::KeyIndexSlot::operator=(const KeyIndexSlot&) {
  index_ = std::make_unique<KeyIndex>();
  return *this;
}

bool Projection::Find(std::string_view key, uint32_t* index) const {
  KeyIndex& ki = *key_index_;
  // call_once: analyses may share one projection across threads.
  std::call_once(ki.built, [&] {
    ki.of.reserve(keys_.size());
    for (uint32_t i = 0; i < keys_.size(); ++i) ki.of.emplace(keys_[i], i);
  });
  auto it = ki.of.find(key);
  if (it == ki.of.end()) return false;
  *index = it->second;
  return true;
}

Result<Projection> BuildProjection(const Snapshot& snapshot, const ProjectionOptions& options) {
  auto matched = MatchTieTypes(snapshot, options.filter);
  if (!matched.ok()) return matched.status();
  const ProjectionFilter& f = *matched;
  // Institutions by node id (dense, so node id = storage order). With rollup, each maps to
  // its top-level ancestor, and the filters judge that ancestor.
  std::vector<std::string> keys, parents;
  std::vector<char> passes;
  TIEGRAPH_RETURN_IF_ERROR(snapshot.ForEachInstitutionSummary([&](const InstitutionSummary& in) {
    if (in.node_id >= keys.size()) {
      keys.resize(size_t{in.node_id} + 1);
      parents.resize(size_t{in.node_id} + 1);
      passes.resize(size_t{in.node_id} + 1, 0);
    }
    keys[in.node_id] = in.key;
    if (options.rollup) parents[in.node_id] = in.parent;
    passes[in.node_id] = KeepInstitution(f, in);
    return true;
  }));
  const size_t stored = keys.size();
  std::vector<uint32_t> root(stored);
  for (uint32_t i = 0; i < stored; ++i) root[i] = i;
  if (options.rollup) {
    std::unordered_map<std::string_view, uint32_t> id_of;
    for (uint32_t i = 0; i < stored; ++i) id_of.emplace(keys[i], i);
    for (uint32_t i = 0; i < stored; ++i) {
      uint32_t r = i;
      for (size_t hops = 0; hops < stored && !parents[r].empty(); ++hops) {
        auto it = id_of.find(parents[r]);
        if (it == id_of.end()) break;
        r = it->second;
      }
      root[i] = r;
    }
  }
  std::vector<uint32_t> index(stored, kDropped);
  Projection g;
  g.directed_ = options.directed;
  for (uint32_t i = 0; i < stored; ++i) {
    if (root[i] == i && passes[i]) {
      index[i] = static_cast<uint32_t>(g.keys_.size());
      g.keys_.push_back(std::move(keys[i]));
    }
  }
  for (uint32_t i = 0; i < stored; ++i) index[i] = index[root[i]];
  g.node_index_ = index;
  if (g.keys_.size() >= kOneWay)
    return Status::InvalidArgument("a projection holds at most 2^31 institutions");
  keys.clear();
  parents.clear();

  // Ties: the digests are scanned once, on two threads (halves of the sequence range), into
  // a compact edge list per half; then, per half again, each row's arcs are counted and every
  // arc put straight into its row, half 0's before half 1's, so rows keep tie order.
  auto counts = snapshot.GetCounts();
  if (!counts.ok()) return counts.status();
  const uint64_t ties = counts->next_tie_seq;  // the sequence range, deleted ties included
  const int parts = counts->ties > 100000 ? 2 : 1;
  const size_t n = g.keys_.size();
  const bool directed = options.directed;
  std::vector<std::vector<Edge>> edges(static_cast<size_t>(parts));
  std::vector<Status> results(static_cast<size_t>(parts));
  RunParts(parts, [&](int part) {
    const uint64_t begin = ties * static_cast<uint64_t>(part) / static_cast<uint64_t>(parts);
    const uint64_t end =
        part + 1 == parts ? UINT64_MAX
                          : ties * static_cast<uint64_t>(part + 1) / static_cast<uint64_t>(parts);
    auto& out = edges[static_cast<size_t>(part)];
    out.reserve(std::min(end, ties) - begin);
    results[static_cast<size_t>(part)] =
        ForEachKeptTie(snapshot, f, directed, index, begin, end,
                       [&](uint32_t a, uint32_t b, double w, bool one_way, uint64_t) {
                         out.push_back({a, b | (one_way ? kOneWay : 0u), w});
                       });
  });
  for (const Status& s : results) TIEGRAPH_RETURN_IF_ERROR(s);
  for (const auto& e : edges) g.ties_used_ += e.size();
  std::vector<std::vector<uint64_t>> out_slot(static_cast<size_t>(parts),
                                              std::vector<uint64_t>(n, 0));
  std::vector<std::vector<uint64_t>> in_slot(directed ? static_cast<size_t>(parts) : 0,
                                             std::vector<uint64_t>(n, 0));
  RunParts(parts, [&](int part) {
    auto& out = out_slot[static_cast<size_t>(part)];
    auto* in = directed ? &in_slot[static_cast<size_t>(part)] : nullptr;
    for (const Edge& e : edges[static_cast<size_t>(part)]) {
      const uint32_t b = e.to & ~kOneWay;
      const bool one_way = e.to & kOneWay;
      ++out[e.from];
      if (!one_way) ++out[b];
      if (in) {
        ++(*in)[b];
        if (!one_way) ++(*in)[e.from];
      }
    }
  });
  g.offsets_ = PlaceRows(&out_slot);
  g.targets_.resize(g.offsets_[n]);
  g.weights_.resize(g.offsets_[n]);
  if (directed) {
    g.in_offsets_ = PlaceRows(&in_slot);
    g.in_sources_.resize(g.in_offsets_[n]);
    g.in_weights_.resize(g.in_offsets_[n]);
  }
  const bool count_only = options.combine == CombineTies::kCount;
  RunParts(parts, [&](int part) {
    auto& out = out_slot[static_cast<size_t>(part)];
    auto* in = directed ? &in_slot[static_cast<size_t>(part)] : nullptr;
    for (const Edge& e : edges[static_cast<size_t>(part)]) {
      const uint32_t a = e.from, b = e.to & ~kOneWay;
      const bool one_way = e.to & kOneWay;
      const double w = count_only ? 1.0 : e.weight;
      auto put = [w](std::vector<uint64_t>& slot, uint32_t row, uint32_t to,
                     std::vector<uint32_t>& targets, std::vector<double>& weights) {
        const uint64_t at = slot[row]++;
        targets[at] = to;
        weights[at] = w;
      };
      put(out, a, b, g.targets_, g.weights_);
      if (!one_way) put(out, b, a, g.targets_, g.weights_);
      if (in) {
        put(*in, b, a, g.in_sources_, g.in_weights_);
        if (!one_way) put(*in, a, b, g.in_sources_, g.in_weights_);
      }
    }
    std::vector<Edge>().swap(edges[static_cast<size_t>(part)]);
  });
  out_slot.clear();
  in_slot.clear();
  SortAndCombineRows(parts, options.combine, &g.offsets_, &g.targets_, &g.weights_);
  if (directed) {
    SortAndCombineRows(parts, options.combine, &g.in_offsets_, &g.in_sources_, &g.in_weights_);
  }
  return g;
}

namespace {
constexpr std::string_view kCombineNames[] = {"count", "sum", "max"};
}  // namespace

Result<CombineTies> ParseCombineTies(std::string_view name) {
  return ParseChoice<CombineTies>("combine", name, kCombineNames);
}
std::string_view CombineTiesName(CombineTies c) { return kCombineNames[static_cast<size_t>(c)]; }

}  // namespace tiegraph
