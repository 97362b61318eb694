#include <tiegraph/projection.h>

#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <thread>
#include <unordered_map>

namespace tiegraph {
namespace {

template <typename T>
bool AnyOf(const std::vector<T>& wanted, const T& value) {
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

bool KeepInstitution(const ProjectionFilter& f, const InstitutionSummary& in) {
  if (!f.sectors.empty()) {
    bool hit = AnyOf(f.sectors, in.sector);
    for (Sector s : in.other_sectors) hit = hit || AnyOf(f.sectors, s);
    if (!hit) return false;
  }
  if (!f.kinds.empty() && std::find(f.kinds.begin(), f.kinds.end(), in.kind) == f.kinds.end())
    return false;
  if (f.region.size() > in.region.size()) return false;
  for (size_t i = 0; i < f.region.size(); ++i) {
    if (f.region[i] != in.region[i]) return false;
  }
  return true;
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

// A kept tie between projection nodes, before it becomes arcs.
struct Edge {
  uint32_t from, to;
  double weight;
  bool one_way;  // a directed tie in a directed view: an arc from -> to only
};

// Compressed rows from edges in `rows` orientation (out: from -> to, and to -> from unless
// one-way; in: the reverse). Arcs are scattered straight into place, then each row is sorted
// by target and its parallel arcs merged as `combine` says, in tie order (stable), so out- and
// in-rows sum the same numbers in the same order.
void BuildRows(size_t n, const std::vector<Edge>& edges, bool in_rows, CombineTies combine,
               std::vector<uint64_t>* offsets, std::vector<uint32_t>* targets,
               std::vector<double>* weights) {
  offsets->assign(n + 1, 0);
  auto each_arc = [&](auto&& fn) {
    for (const Edge& e : edges) {
      if (in_rows) {
        fn(e.to, e.from, e.weight);
        if (!e.one_way) fn(e.from, e.to, e.weight);
      } else {
        fn(e.from, e.to, e.weight);
        if (!e.one_way) fn(e.to, e.from, e.weight);
      }
    }
  };
  each_arc([&](uint32_t a, uint32_t, double) { ++(*offsets)[a + 1]; });
  for (size_t v = 0; v < n; ++v) (*offsets)[v + 1] += (*offsets)[v];
  targets->resize((*offsets)[n]);
  weights->resize((*offsets)[n]);
  {
    std::vector<uint64_t> fill(offsets->begin(), offsets->end() - 1);
    each_arc([&](uint32_t a, uint32_t b, double w) {
      const uint64_t at = fill[a]++;
      (*targets)[at] = b;
      (*weights)[at] = combine == CombineTies::kCount ? 1.0 : w;
    });
  }
  // Sort each row and merge parallel arcs, compacting the arrays as we go.
  std::vector<std::pair<uint32_t, double>> row;
  uint64_t write = 0;
  for (size_t v = 0; v < n; ++v) {
    const uint64_t begin = (*offsets)[v], end = (*offsets)[v + 1];
    row.assign({});
    for (uint64_t e = begin; e < end; ++e) row.push_back({(*targets)[e], (*weights)[e]});
    std::stable_sort(row.begin(), row.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    (*offsets)[v] = write;
    for (const auto& [t, w] : row) {
      if (write > (*offsets)[v] && (*targets)[write - 1] == t) {
        double& acc = (*weights)[write - 1];
        acc = combine == CombineTies::kMax ? std::max(acc, w) : acc + w;
      } else {
        (*targets)[write] = t;
        (*weights)[write] = w;
        ++write;
      }
    }
  }
  (*offsets)[n] = write;
  targets->resize(write);
  weights->resize(write);
  targets->shrink_to_fit();
  weights->shrink_to_fit();
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
  constexpr uint32_t kDropped = UINT32_MAX;
  std::vector<uint32_t> index(stored, kDropped);
  Projection g;
  g.directed = options.directed;
  for (uint32_t i = 0; i < stored; ++i) {
    if (root[i] == i && passes[i]) {
      index[i] = static_cast<uint32_t>(g.keys.size());
      g.keys.push_back(std::move(keys[i]));
    }
  }
  for (uint32_t i = 0; i < stored; ++i) index[i] = index[root[i]];
  keys.clear();
  parents.clear();

  // Ties: two halves of the sequence range scanned at once; edges keep write order.
  const uint64_t ties = snapshot.GetCounts().ties;
  const int parts = ties > 200000 ? 2 : 1;
  std::vector<std::vector<Edge>> edges(static_cast<size_t>(parts));
  std::vector<Status> results(static_cast<size_t>(parts));
  std::vector<size_t> used(static_cast<size_t>(parts), 0);
  auto scan = [&](int part) {
    const uint64_t begin = ties * static_cast<uint64_t>(part) / static_cast<uint64_t>(parts);
    const uint64_t end =
        part + 1 == parts ? UINT64_MAX
                          : ties * static_cast<uint64_t>(part + 1) / static_cast<uint64_t>(parts);
    auto& out = edges[static_cast<size_t>(part)];
    out.reserve((std::min(end, ties) - begin));
    Status bad;
    Status s = snapshot.ForEachTieSummary(
        [&](const TieSummary& t) {
          if (t.source_id >= stored || t.target_id >= stored) {
            bad = Status::Corruption("a tie names a node id past the last institution");
            return false;
          }
          if (!KeepTie(f, t)) return true;
          const uint32_t a = index[t.source_id], b = index[t.target_id];
          if (a == kDropped || b == kDropped || a == b) return true;
          ++used[static_cast<size_t>(part)];
          out.push_back({a, b, t.strength, options.directed && t.directed});
          return true;
        },
        begin, end);
    results[static_cast<size_t>(part)] = s.ok() ? bad : s;
  };
  if (parts == 2) {
    std::thread helper(scan, 1);
    scan(0);
    helper.join();
  } else {
    scan(0);
  }
  for (const Status& s : results) TIEGRAPH_RETURN_IF_ERROR(s);
  for (size_t p = 1; p < edges.size(); ++p) {
    edges[0].insert(edges[0].end(), edges[p].begin(), edges[p].end());
    std::vector<Edge>().swap(edges[p]);
  }
  for (size_t u : used) g.ties_used += u;
  const size_t n = g.keys.size();
  if (options.directed) {
    BuildRows(n, edges[0], /*in_rows=*/true, options.combine, &g.in_offsets, &g.in_sources,
              &g.in_weights);
  }
  BuildRows(n, edges[0], /*in_rows=*/false, options.combine, &g.offsets, &g.targets, &g.weights);
  return g;
}

}  // namespace tiegraph
