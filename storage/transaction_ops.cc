// Transaction: what refers to a record, and the operations that follow references: delete with
// detach, merge, rename and undo.
#include <algorithm>
#include <set>

#include <tiegraph/text.h>

#include "field_checks.h"
#include "key_format.h"
#include "record_codec.h"
#include "record_entries.h"
#include "transaction_impl.h"

namespace tiegraph {
namespace {

// "a, b, c" or "a, b, c and 7 more".
std::string Some(const std::vector<std::string>& keys) {
  std::string out;
  for (size_t i = 0; i < keys.size() && i < 5; ++i) out += (i ? ", " : "") + keys[i];
  if (keys.size() > 5) out += " and " + std::to_string(keys.size() - 5) + " more";
  return out;
}

template <typename T>
std::vector<std::string> KeysOf(const std::vector<T>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(r.key);
  return out;
}

}  // namespace

Result<std::vector<Tie>> Transaction::Impl::TiesAt(std::string_view institution) const {
  std::vector<Tie> out;
  std::set<std::string, std::less<>> seen;
  std::vector<TieRef> refs;
  Status s = snap->TiesOf(institution, &refs);
  if (!s.ok() && !s.IsNotFound()) return s;
  for (const TieRef& r : refs) {
    if (ties.count(r.tie_key)) continue;  // changed here: judged below
    auto t = snap->GetTie(r.tie_key);
    if (!t.ok()) return t.status();
    seen.insert(r.tie_key);
    out.push_back(std::move(*t));
  }
  for (const auto& [key, c] : ties) {
    if (c.after && (c.after->source == institution || c.after->target == institution) &&
        !seen.count(key))
      out.push_back(*c.after);
  }
  return out;
}

Result<std::vector<Institution>> Transaction::Impl::PartsOf(std::string_view institution) const {
  std::vector<std::string> stored;
  TIEGRAPH_RETURN_IF_ERROR(snap->ForEachInstitutionSummary([&](const InstitutionSummary& in) {
    if (in.parent == institution && !nodes.count(in.key)) stored.emplace_back(in.key);
    return true;
  }));
  std::vector<Institution> out;
  for (const auto& key : stored) {
    auto in = snap->GetInstitution(key);
    if (!in.ok()) return in.status();
    out.push_back(std::move(*in));
  }
  for (const auto& [key, c] : nodes) {
    if (c.after && c.after->parent == institution) out.push_back(*c.after);
  }
  return out;
}

Result<std::vector<Event>> Transaction::Impl::EventsWith(std::string_view institution) const {
  std::vector<Event> out;
  auto takes_part = [&](const Event& ev) {
    return std::any_of(ev.participants.begin(), ev.participants.end(),
                       [&](const Participant& p) { return p.institution == institution; });
  };
  TIEGRAPH_RETURN_IF_ERROR(snap->ForEachEvent([&](const Event& ev) {
    if (!events.count(ev.key) && takes_part(ev)) out.push_back(ev);
    return true;
  }));
  for (const auto& [key, c] : events) {
    if (c.after && takes_part(*c.after)) out.push_back(*c.after);
  }
  return out;
}

Result<std::vector<Tie>> Transaction::Impl::TiesInEvent(std::string_view event) const {
  std::vector<Tie> out;
  // Ties name their event in the record alone: a scan (events are few, and deleting one rare).
  TIEGRAPH_RETURN_IF_ERROR(snap->ForEachTie([&](const Tie& t) {
    if (t.event == event && !ties.count(t.key)) out.push_back(t);
    return true;
  }));
  for (const auto& [key, c] : ties) {
    if (c.after && c.after->event == event) out.push_back(*c.after);
  }
  return out;
}

Result<DetachReport> Transaction::DeleteInstitution(std::string_view key, bool detach) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  auto now = GetInstitution(key);
  if (!now.ok()) return now.status();
  auto ties = impl_->TiesAt(key);
  auto parts = impl_->PartsOf(key);
  auto events = impl_->EventsWith(key);
  if (!ties.ok()) return ties.status();
  if (!parts.ok()) return parts.status();
  if (!events.ok()) return events.status();
  DetachReport report;
  report.ties_deleted = KeysOf(*ties);
  report.parts_orphaned = KeysOf(*parts);
  report.events_changed = KeysOf(*events);
  if (!detach && (!ties->empty() || !parts->empty() || !events->empty())) {
    std::string why;
    auto add = [&](const std::vector<std::string>& keys, const char* what) {
      if (!keys.empty())
        why += (why.empty() ? "" : "; ") + std::to_string(keys.size()) + " " + what + " (" +
               Some(keys) + ")";
    };
    add(report.ties_deleted, "ties");
    add(report.parts_orphaned, "parts");
    add(report.events_changed, "events");
    return Status::InvalidArgument("cannot delete " + std::string(key) + ": " + why +
                                   " refer to it; delete those first, or detach");
  }
  for (const Tie& t : *ties) TIEGRAPH_RETURN_IF_ERROR(DeleteTie(t.key));
  for (Institution& part : *parts) {
    part.parent.clear();
    TIEGRAPH_RETURN_IF_ERROR(PutInstitution(part));
  }
  for (Event& ev : *events) {
    std::erase_if(ev.participants, [&](const Participant& p) { return p.institution == key; });
    TIEGRAPH_RETURN_IF_ERROR(PutEvent(ev));
  }
  impl_->SetInstitution(std::string(key), std::nullopt);
  return report;
}

Result<DetachReport> Transaction::DeleteEvent(std::string_view key, bool detach) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  auto now = GetEvent(key);
  if (!now.ok()) return now.status();
  auto ties = impl_->TiesInEvent(key);
  if (!ties.ok()) return ties.status();
  DetachReport report;
  report.ties_unlinked = KeysOf(*ties);
  if (!detach && !ties->empty())
    return Status::InvalidArgument(
        "cannot delete event " + std::string(key) + ": " + std::to_string(ties->size()) +
        " ties (" + Some(report.ties_unlinked) + ") belong to it; delete those first, or detach");
  for (Tie& t : *ties) {
    t.event.clear();
    TIEGRAPH_RETURN_IF_ERROR(PutTie(t));
  }
  impl_->SetEvent(std::string(key), std::nullopt);
  return report;
}

namespace {

// Moves every reference to `from` onto `to`: tie ends, parents, event participants. Ties that
// would join `to` to itself are deleted and listed.
struct Moved {
  size_t ties = 0, parts = 0, events = 0;
  std::vector<std::string> self_loops;
};

}  // namespace

static Result<Moved> MoveReferences(Transaction* txn, Transaction::Impl* impl,
                                    std::string_view from, std::string_view to) {
  Moved moved;
  auto ties = impl->TiesAt(from);
  auto parts = impl->PartsOf(from);
  auto events = impl->EventsWith(from);
  if (!ties.ok()) return ties.status();
  if (!parts.ok()) return parts.status();
  if (!events.ok()) return events.status();
  for (Tie& t : *ties) {
    if (t.source == from) t.source = std::string(to);
    if (t.target == from) t.target = std::string(to);
    if (t.source == t.target) {
      TIEGRAPH_RETURN_IF_ERROR(txn->DeleteTie(t.key));
      moved.self_loops.push_back(t.key);
      continue;
    }
    TIEGRAPH_RETURN_IF_ERROR(txn->PutTie(t));
    ++moved.ties;
  }
  for (Institution& part : *parts) {
    if (part.key == to) continue;  // `to` was a part of `from`: its own parent is judged apart
    part.parent = std::string(to);
    TIEGRAPH_RETURN_IF_ERROR(txn->PutInstitution(part));
    ++moved.parts;
  }
  for (Event& ev : *events) {
    const bool there = std::any_of(ev.participants.begin(), ev.participants.end(),
                                   [&](const Participant& p) { return p.institution == to; });
    if (there) {
      std::erase_if(ev.participants, [&](const Participant& p) { return p.institution == from; });
    } else {
      for (Participant& p : ev.participants) {
        if (p.institution == from) p.institution = std::string(to);
      }
    }
    TIEGRAPH_RETURN_IF_ERROR(txn->PutEvent(ev));
    ++moved.events;
  }
  return moved;
}

namespace {

// Adds `name` to `in`'s aliases unless one of its names already normalises to it.
bool AddAlias(Institution* in, const std::string& name) {
  const std::vector<std::string> have = NormalizedNames(*in);
  std::string norm;
  if (!NormalizeName(name, &norm) || norm.empty()) return false;
  if (std::find(have.begin(), have.end(), norm) != have.end()) return false;
  in->aliases.push_back(name);
  return true;
}

}  // namespace

Result<MergeReport> Transaction::Merge(std::string_view kept, std::string_view absorbed) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  if (kept == absorbed)
    return Status::InvalidArgument("cannot merge " + std::string(kept) + " into itself");
  auto a = GetInstitution(kept);
  if (!a.ok()) return a.status();
  auto b = GetInstitution(absorbed);
  if (!b.ok()) return b.status();
  if (!a->is_institution() || !b->is_institution()) {
    // Aliases, the merge's memory of the absorbed key, are an institution's field.
    return Status::InvalidArgument("merge joins institutions; " +
                                   std::string(a->is_institution() ? absorbed : kept) +
                                   " is not one");
  }
  auto moved = MoveReferences(this, impl_.get(), absorbed, kept);
  if (!moved.ok()) return moved.status();
  auto after = GetInstitution(kept);  // moving the parts may have changed it
  if (!after.ok()) return after.status();
  Institution& in = *after;
  MergeReport report;
  report.ties_moved = moved->ties;
  report.self_loops_removed = moved->self_loops;
  report.parts_moved = moved->parts;
  report.events_changed = moved->events;
  for (const std::string& name : [&] {
         std::vector<std::string> names{b->key, b->name};
         names.insert(names.end(), b->aliases.begin(), b->aliases.end());
         return names;
       }()) {
    if (AddAlias(&in, name)) report.aliases_added.push_back(name);
  }
  auto add_sector = [&](Sector s) {
    if (s != Sector::kNone && s != in.sector &&
        std::find(in.other_sectors.begin(), in.other_sectors.end(), s) == in.other_sectors.end())
      in.other_sectors.push_back(s);
  };
  if (in.sector == Sector::kNone) std::swap(in.sector, b->sector);
  add_sector(b->sector);
  for (Sector s : b->other_sectors) add_sector(s);
  if (in.region.empty()) in.region = b->region;
  if (in.kind == Institution{}.kind) in.kind = b->kind;
  in.foreign = in.foreign || b->foreign;
  if (in.parent == absorbed) in.parent = b->parent;  // kept was a part of absorbed
  if (in.parent.empty() && b->parent != kept) in.parent = b->parent;
  for (const Property& p : b->properties) {
    if (std::none_of(in.properties.begin(), in.properties.end(),
                     [&](const Property& q) { return q.name == p.name; }))
      in.properties.push_back(p);
  }
  for (const Evidence& e : b->evidence) {
    if (std::find(in.evidence.begin(), in.evidence.end(), e) == in.evidence.end())
      in.evidence.push_back(e);
  }
  TIEGRAPH_RETURN_IF_ERROR(PutInstitution(in));
  auto gone = DeleteInstitution(absorbed, false);
  if (!gone.ok()) return gone.status();
  return report;
}

Status Transaction::Rename(std::string_view key, std::string_view new_key) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  TIEGRAPH_RETURN_IF_ERROR(CheckKey(new_key).WithContext("new key"));
  auto in = GetInstitution(key);
  if (!in.ok()) return in.status();
  auto taken = impl_->Institution_(new_key);
  if (!taken.ok()) return taken.status();
  if (*taken)
    return Status::InvalidArgument("a node with key '" + std::string(new_key) + "' exists");
  auto id = impl_->NodeIdAfter(key);
  if (!id.ok()) return id.status();
  Institution renamed = *in;
  renamed.key = std::string(new_key);
  // An institution keeps the old key as an alias; other nodes have no aliases.
  if (renamed.is_institution()) AddAlias(&renamed, std::string(key));
  // The new key takes the old one's node id: the projection's numbering stays.
  auto& change = impl_->nodes[std::string(new_key)];
  change.after = renamed;
  change.stored = impl_->StoredNodeId(new_key).ok();
  change.id = *id;
  auto moved = MoveReferences(this, impl_.get(), key, new_key);
  if (!moved.ok()) return moved.status();
  impl_->SetInstitution(std::string(key), std::nullopt);
  return Status::OK();
}

Status Transaction::Undo(uint64_t id) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  auto entry = impl_->snap->GetHistoryEntry(id);
  if (!entry.ok()) return entry.status();
  const std::string commit = "commit " + std::to_string(id);
  if (entry->bulk) {
    // Delete what it created; what refers to it since is refused at Commit.
    for (uint64_t seq = entry->first_tie_seq; seq < entry->end_tie_seq; ++seq) {
      std::string v;
      Status s = impl_->Get(keys::kTies, keys::TieSeqKey(seq), &v);
      if (s.IsNotFound()) continue;
      TIEGRAPH_RETURN_IF_ERROR(s);
      Tie t;
      TIEGRAPH_RETURN_IF_ERROR(DecodeTie(v, &t));
      TIEGRAPH_RETURN_IF_ERROR(DeleteTie(t.key));
    }
    for (const auto& key : entry->created_events) {
      if (!GetEvent(key).ok()) continue;
      auto r = DeleteEvent(key, false);
      if (!r.ok()) return r.status();
    }
    for (uint64_t n = entry->first_node_id; n < entry->end_node_id; ++n) {
      std::string key;
      Status s = impl_->Get(keys::kNodeIds, keys::NodeIdKey(static_cast<uint32_t>(n)), &key);
      if (s.IsNotFound()) continue;
      TIEGRAPH_RETURN_IF_ERROR(s);
      auto r = DeleteInstitution(key, false);
      if (!r.ok()) return r.status().WithContext("undoing " + commit);
    }
    return Status::OK();
  }
  // Each record must be as the commit left it.
  for (const RecordChange& c : entry->changes) {
    RecordValue now;
    if (c.kind == RecordKind::kInstitution) {
      auto v = impl_->Institution_(c.key);
      if (!v.ok()) return v.status();
      if (*v) now = **v;
    } else if (c.kind == RecordKind::kTie) {
      auto v = impl_->Tie_(c.key);
      if (!v.ok()) return v.status();
      if (*v) now = **v;
    } else {
      auto v = impl_->Event_(c.key);
      if (!v.ok()) return v.status();
      if (*v) now = **v;
    }
    if (now != c.after) {
      auto later = impl_->snap->HistoryOf(c.kind, c.key, 1);
      const std::string by = later.ok() && !later->empty() && (*later)[0].id > id
                                 ? " (by commit " + std::to_string((*later)[0].id) + ")"
                                 : "";
      return Status::InvalidArgument("cannot undo " + commit + ": " + c.key + " has changed since" +
                                     by);
    }
  }
  // Records come back before what refers to them; deletes go last, referrers first.
  const RecordKind order[] = {RecordKind::kInstitution, RecordKind::kEvent, RecordKind::kTie};
  for (RecordKind kind : order) {
    for (const RecordChange& c : entry->changes) {
      if (c.kind != kind) continue;
      if (const auto* in = std::get_if<Institution>(&c.before)) {
        impl_->SetInstitution(c.key, *in);
      } else if (const auto* ev = std::get_if<Event>(&c.before)) {
        impl_->SetEvent(c.key, *ev);
      } else if (const auto* t = std::get_if<Tie>(&c.before)) {
        impl_->SetTie(c.key, *t);
      }
    }
  }
  for (auto it = std::rbegin(order); it != std::rend(order); ++it) {
    for (const RecordChange& c : entry->changes) {
      if (c.kind != *it || !std::holds_alternative<std::monostate>(c.before)) continue;
      if (c.kind == RecordKind::kInstitution) impl_->SetInstitution(c.key, std::nullopt);
      if (c.kind == RecordKind::kEvent) impl_->SetEvent(c.key, std::nullopt);
      if (c.kind == RecordKind::kTie) impl_->SetTie(c.key, std::nullopt);
    }
  }
  return Status::OK();
}

}  // namespace tiegraph
