#include <tiegraph/projection_access.h>

#include <algorithm>
#include <map>
#include <set>

#include <tiegraph/vocabulary.h>

namespace tiegraph {
namespace {

// A tie-type filter naming no type in the database is a mistake, not an empty network. Types
// match through the vocabulary (tie_types.h): "MOU" and "업무협약" find `mou`.
Status CheckTieTypes(const Snapshot& snap, const std::vector<std::string>& wanted) {
  if (wanted.empty()) return Status::OK();
  auto types = snap.TieTypes();
  if (!types.ok()) return types.status();
  auto vocabulary = snap.GetTieTypeVocabulary();
  if (!vocabulary.ok()) return vocabulary.status();
  std::vector<std::string> stored;
  for (const auto& t : *types) stored.push_back(vocabulary->Canonical(t));
  for (const auto& t : wanted) {
    if (std::find(stored.begin(), stored.end(), vocabulary->Canonical(t)) != stored.end()) continue;
    std::vector<std::string_view> names(stored.begin(), stored.end());
    std::string known;
    for (size_t i = 0; i < stored.size() && i < 20; ++i) known += (i ? ", " : "") + stored[i];
    if (stored.size() > 20) known += ", …";
    auto guess = DidYouMean(t, names);
    return Status::InvalidArgument("no tie has type '" + t + "'" +
                                   (guess ? " (did you mean '" + *guess + "'?)" : "") +
                                   "; the types are: " + (known.empty() ? "(none)" : known));
  }
  return Status::OK();
}

}  // namespace

Result<Projection> Build(const Snapshot& snap, const ProjectionOptions& options) {
  TIEGRAPH_RETURN_IF_ERROR(CheckTieTypes(snap, options.filter.tie_types));
  auto g = BuildProjection(snap, options);
  if (!g.ok()) return g.status();
  if (g->node_count() == 0) {
    return Status::InvalidArgument("the projection is empty: no institution passes the filters");
  }
  return g;
}

// key, name, sector, region of node v, the columns every node table starts with.
Result<std::vector<Cell>> NodeCells(const Snapshot& snap, const Projection& g, uint32_t v) {
  auto in = snap.GetInstitution(g.keys()[v]);
  if (!in.ok()) return in.status();
  std::string region;
  for (size_t i = 0; i < in->region.size(); ++i) region += (i ? "/" : "") + in->region[i];
  return std::vector<Cell>{in->key, in->name, SectorLabel(in->sector), region};
}

Status AppendNodeCells(const Snapshot& snap, const Projection& g, uint32_t v,
                       std::vector<Cell>* row) {
  auto cells = NodeCells(snap, g, v);
  if (!cells.ok()) return cells.status();
  for (Cell& c : *cells) row->push_back(std::move(c));
  return Status::OK();
}

Result<uint32_t> IndexOf(const Projection& g, const std::string& key) {
  uint32_t v;
  if (!g.Find(key, &v)) {
    return Status::NotFound("'" + key + "' is not in the projection (filtered out, or rolled up)");
  }
  return v;
}

Result<Groups> GroupByAttribute(const Snapshot& snap, const Projection& g, GroupAttribute by) {
  using enum GroupAttribute;
  std::map<std::string, uint32_t> label;
  Groups groups;
  groups.of.resize(g.node_count());
  for (uint32_t v = 0; v < g.node_count(); ++v) {
    auto in = snap.GetInstitution(g.keys()[v]);
    if (!in.ok()) return in.status();
    std::string value;
    if (by == kSector) value = SectorLabel(in->sector);
    if (by == kKind) value = in->kind.empty() ? "organization" : in->kind;
    if (by == kForeign) value = in->foreign ? "foreign" : "domestic";
    if (by == kRegion) value = Province(in->region);
    if (value.empty()) value = "(none)";
    auto [it, added] = label.emplace(value, static_cast<uint32_t>(groups.names.size()));
    if (added) groups.names.push_back(value);
    groups.of[v] = it->second;
  }
  return groups;
}

bool PartOfHierarchy::Related(uint32_t a, uint32_t b) const {
  auto has = [&](uint32_t x, uint32_t y) {
    return x < ancestors_.size() &&
           std::binary_search(ancestors_[x].begin(), ancestors_[x].end(), y);
  };
  return a == b || has(a, b) || has(b, a);
}

Result<PartOfHierarchy> LoadPartOfHierarchy(const Snapshot& snap, const Projection& g) {
  // Upward links by stored node id: the parent field, then part_of ties (source part of target).
  std::map<std::string, uint32_t, std::less<>> id_of;
  std::vector<std::pair<uint32_t, std::string>> parent_of;
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachInstitutionSummary([&](const InstitutionSummary& in) {
    id_of.emplace(std::string(in.key), in.node_id);
    if (!in.parent.empty()) parent_of.emplace_back(in.node_id, std::string(in.parent));
    return true;
  }));
  std::map<uint32_t, std::vector<uint32_t>> up;
  for (const auto& [child, parent] : parent_of) {
    if (auto it = id_of.find(parent); it != id_of.end()) up[child].push_back(it->second);
  }
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachTieSummary([&](const TieSummary& t) {
    if (t.type == "part_of") up[t.source_id].push_back(t.target_id);
    return true;
  }));
  auto index = [&](uint32_t id) {
    return id < g.node_index().size() ? g.node_index()[id] : UINT32_MAX;
  };
  PartOfHierarchy h;
  h.ancestors_.resize(g.node_count());
  for (const auto& [key, id] : id_of) {
    const uint32_t v = index(id);
    if (v == UINT32_MAX) continue;
    std::vector<uint32_t> stack{id};
    std::set<uint32_t> seen{id};  // cycles in bad data must not loop
    while (!stack.empty()) {
      const uint32_t x = stack.back();
      stack.pop_back();
      auto it = up.find(x);
      if (it == up.end()) continue;
      for (uint32_t p : it->second) {
        if (!seen.insert(p).second) continue;
        stack.push_back(p);
        if (const uint32_t u = index(p); u != UINT32_MAX && u != v) h.ancestors_[v].push_back(u);
      }
    }
  }
  for (auto& a : h.ancestors_) {
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
  }
  return h;
}

std::string Province(const Region& region) {
  std::string out;
  for (size_t i = 0; i < region.size() && i < 2; ++i) out += (i ? "/" : "") + region[i];
  return out;
}

int FirstMonth(const Date& d) {
  return d.year * 12 + (d.precision >= Date::Precision::kMonth ? d.month - 1 : 0);
}

int LastMonth(const Date& d) {
  return d.year * 12 + (d.precision >= Date::Precision::kMonth ? d.month - 1 : 11);
}

}  // namespace tiegraph
