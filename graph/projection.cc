#include <tiegraph/projection.h>

#include <algorithm>
#include <unordered_map>

namespace tiegraph {

Result<Projection> BuildProjection(const Snapshot& snapshot, const ProjectionOptions& options) {
  Projection g;
  std::unordered_map<std::string, uint32_t> index;
  TIEGRAPH_RETURN_IF_ERROR(snapshot.ForEachInstitution([&](const Institution& in) {
    index.emplace(in.key, static_cast<uint32_t>(g.keys.size()));
    g.keys.push_back(in.key);
    return true;
  }));
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  Status missing;
  TIEGRAPH_RETURN_IF_ERROR(snapshot.ForEachTie([&](const Tie& t) {
    if (!options.include_part_of && t.type == "part-of") return true;
    auto s = index.find(t.source), d = index.find(t.target);
    if (s == index.end() || d == index.end()) {
      missing = Status::Corruption("tie '" + t.key + "' names a missing institution");
      return false;
    }
    edges.emplace_back(s->second, d->second);
    return true;
  }));
  TIEGRAPH_RETURN_IF_ERROR(missing);
  const size_t n = g.keys.size();
  g.offsets.assign(n + 1, 0);
  for (auto [a, b] : edges) {
    ++g.offsets[a + 1];
    if (a != b) ++g.offsets[b + 1];
  }
  for (size_t i = 0; i < n; ++i) g.offsets[i + 1] += g.offsets[i];
  g.targets.resize(g.offsets[n]);
  std::vector<uint64_t> fill(g.offsets.begin(), g.offsets.end() - 1);
  for (auto [a, b] : edges) {
    g.targets[fill[a]++] = b;
    if (a != b) g.targets[fill[b]++] = a;
  }
  return g;
}

}  // namespace tiegraph
