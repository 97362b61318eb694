// show, list and neighbors: questions about single institutions and their surroundings.
#include <tiegraph/institution_queries.h>
#include <tiegraph/projection.h>
#include <tiegraph/record_views.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace tiegraph {
namespace {

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

const char* Arrow(TieRef::Direction d) {
  switch (d) {
    case TieRef::Direction::kOut:
      return "->";
    case TieRef::Direction::kIn:
      return "<-";
    default:
      return "--";
  }
}

// The first evidence with a quote, else the first.
std::string FirstEvidence(const std::vector<Evidence>& ev) {
  for (const auto& e : ev) {
    if (!e.quote.empty()) return EvidenceText(e);
  }
  return ev.empty() ? "" : EvidenceText(ev.front());
}

}  // namespace

Result<std::vector<Table>> ShowInstitution(const Snapshot& snap, std::string_view key) {
  auto in = snap.GetInstitution(key);
  if (!in.ok()) return in.status();
  using enum ColumnType;
  Table info{"institution", "institution", {{"field", kString}, {"value", kString}}};
  for (auto& [field, value] : RecordFields(*in)) info.AddRow({field, value});

  std::vector<TieRef> refs;
  TIEGRAPH_RETURN_IF_ERROR(snap.TiesOf(in->key, &refs));
  Table ties{"ties",
             "ties",
             {{"tie", kString},
              {"dir", kString},
              {"other", kString},
              {"other_name", kString},
              {"type", kString},
              {"status", kString},
              {"confidence", kString},
              {"since", kString},
              {"until", kString},
              {"strength", kReal},
              {"role", kString},
              {"evidence", kString}}};
  for (const auto& r : refs) {
    auto tie = snap.GetTie(r.tie_key);
    if (!tie.ok()) return tie.status();
    auto other = snap.GetInstitution(r.other);
    if (!other.ok()) return other.status();
    ties.AddRow({r.tie_key, std::string(Arrow(r.direction)), r.other, other->name, r.type,
                 std::string(TieStatusName(r.status)), std::string(ConfidenceName(r.confidence)),
                 FormatDate(tie->since), FormatDate(tie->until), r.strength, tie->role,
                 FirstEvidence(tie->evidence)});
  }
  // Events are few beside ties and have no index by participant: one scan.
  Table events{"events",
               "events",
               {{"event", kString},
                {"name", kString},
                {"type", kString},
                {"date", kString},
                {"role", kString}}};
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachEvent([&](const Event& ev) {
    for (const auto& p : ev.participants) {
      if (p.institution == in->key) {
        events.AddRow({ev.key, ev.name, ev.type, FormatDate(ev.date), p.role});
        break;
      }
    }
    return true;
  }));
  return std::vector<Table>{std::move(info), std::move(ties), std::move(events)};
}

Result<Table> ListInstitutions(const Snapshot& snap, const ListFilter& filter) {
  using enum ColumnType;
  Table t{"institutions",
          "institutions",
          {{"key", kString},
           {"name", kString},
           {"sector", kString},
           {"kind", kString},
           {"region", kString},
           {"foreign", kString}}};
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachInstitution([&](const Institution& in) {
    if (!filter.sectors.empty()) {
      bool hit = std::count(filter.sectors.begin(), filter.sectors.end(), in.sector) > 0;
      for (Sector s : in.other_sectors) {
        hit = hit || std::count(filter.sectors.begin(), filter.sectors.end(), s) > 0;
      }
      if (!hit) return true;
    }
    if (!filter.kinds.empty() &&
        std::find(filter.kinds.begin(), filter.kinds.end(), in.kind) == filter.kinds.end()) {
      return true;
    }
    if (!InRegion(filter.region, in.region)) {
      return true;
    }
    t.AddRow({in.key, in.name, SectorLabel(in.sector), in.kind, Join(in.region, "/"),
              std::string(in.foreign ? "yes" : "no")});
    return true;
  }));
  return t;
}

Result<Table> Neighbors(const Snapshot& snap, const NeighborsRequest& req) {
  if (req.hops < 1 || req.hops > 16)
    return Status::InvalidArgument("hops: must be between 1 and 16, not " +
                                   std::to_string(req.hops));
  struct Reached {
    int hops;
    std::string from, via;
  };
  // Types match through the vocabulary (tie_types.h): "MOU" follows `mou` ties.
  std::vector<std::string> types;
  if (!req.types.empty()) {
    auto vocabulary = snap.GetTieTypeVocabulary();
    if (!vocabulary.ok()) return vocabulary.status();
    for (const auto& t : req.types) types.push_back(vocabulary->Canonical(t));
  }
  std::unordered_map<std::string, Reached> seen{{req.key, {0, "", ""}}};
  std::deque<std::string> frontier{req.key};
  std::vector<std::string> order;
  std::vector<TieRef> refs;
  while (!frontier.empty()) {
    std::string cur = std::move(frontier.front());
    frontier.pop_front();
    const int d = seen[cur].hops;
    if (d == req.hops) continue;
    TIEGRAPH_RETURN_IF_ERROR(snap.TiesOf(cur, &refs));
    for (const auto& r : refs) {
      if (!types.empty() && std::find(types.begin(), types.end(), r.type) == types.end()) {
        continue;
      }
      if (seen.emplace(r.other, Reached{d + 1, cur, r.type}).second) {
        frontier.push_back(r.other);
        order.push_back(r.other);
      }
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    return seen[a].hops != seen[b].hops ? seen[a].hops < seen[b].hops : a < b;
  });
  using enum ColumnType;
  Table t{"neighbors",
          "neighbors",
          {{"key", kString},
           {"name", kString},
           {"sector", kString},
           {"hops", kInt},
           {"via", kString},
           {"from", kString}}};
  for (const auto& k : order) {
    auto in = snap.GetInstitution(k);
    if (!in.ok()) return in.status();
    const Reached& r = seen[k];
    t.AddRow({k, in->name, SectorLabel(in->sector), int64_t{r.hops}, r.via, r.from});
  }
  return t;
}

}  // namespace tiegraph
