// Store::Write: validates a dataset against itself and the database, then stages every
// key-value entry (records, indexes, counters) for one atomic commit.
#include <cmath>
#include <deque>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <tiegraph/text.h>
#include <tiegraph/vocabulary.h>

#include "storage/record_codec.h"
#include "storage/store_impl.h"

namespace tiegraph {
namespace {

const char* KindName(RecordKind k) {
  switch (k) {
    case RecordKind::kInstitution: return "institution";
    case RecordKind::kEvent: return "event";
    case RecordKind::kTie: return "tie";
  }
  return "record";
}

// Builds error messages that name the record's origin and the field.
class Problems {
 public:
  explicit Problems(const WriteOptions& o) : options_(o) {}
  Status At(RecordKind kind, size_t index, std::string_view field, const std::string& what) {
    std::string where = options_.locate ? options_.locate(kind, index)
                                        : std::string(KindName(kind)) + " #" +
                                              std::to_string(index + 1);
    return Status::InvalidArgument(where + ": field '" + std::string(field) + "': " + what);
  }

 private:
  const WriteOptions& options_;
};

Status CheckKey(std::string_view key) {
  if (key.empty()) return Status::InvalidArgument("is empty");
  if (key.size() > 512) return Status::InvalidArgument("is longer than 512 bytes");
  if (FindInvalidUtf8(key) != std::string_view::npos) {
    return Status::InvalidArgument("is not valid UTF-8");
  }
  for (unsigned char c : key) {
    if (c < 0x20 || c == 0x7f) return Status::InvalidArgument("contains a control character");
  }
  return Status::OK();
}

Status CheckText(std::string_view text) {
  if (FindInvalidUtf8(text) != std::string_view::npos) {
    return Status::InvalidArgument("is not valid UTF-8");
  }
  return Status::OK();
}

uint64_t ReadCounter(Store::Impl* s, std::string_view key) {
  std::string v;
  if (!s->db->Get(rocksdb::ReadOptions(), s->cf[keys::kMeta], key, &v).ok() || v.size() != 8) {
    return 0;
  }
  return keys::ReadU64(v.data());
}

std::string CounterValue(uint64_t v) {
  std::string out;
  keys::AppendU64(&out, v);
  return out;
}

// Looks up institution keys in the dataset first, then in the database (memoised).
class NodeResolver {
 public:
  NodeResolver(Store::Impl* store, bool db_empty) : store_(store), db_empty_(db_empty) {}
  void AddNew(std::string_view key, uint32_t id) { ids_.emplace(key, id); }
  bool IsNew(std::string_view key) const { return ids_.count(key) && !db_ids_.count(key); }
  // Node id of `key`, or false when no such institution exists.
  bool Find(std::string_view key, uint32_t* id) {
    if (auto it = ids_.find(key); it != ids_.end()) return *id = it->second, true;
    if (db_empty_) return false;
    std::string value;
    if (!store_->db->Get(rocksdb::ReadOptions(), store_->cf[keys::kInstitutions],
                         rocksdb::Slice(key.data(), key.size()), &value)
             .ok() ||
        !DecodeInstitutionNodeId(value, id).ok()) {
      return false;
    }
    owned_.emplace_back(key);
    ids_.emplace(owned_.back(), *id);
    db_ids_.insert(owned_.back());
    return true;
  }

 private:
  Store::Impl* store_;
  bool db_empty_;
  std::deque<std::string> owned_;  // stable storage for keys read from the database
  std::unordered_map<std::string_view, uint32_t> ids_;
  std::unordered_set<std::string_view> db_ids_;
};

bool ExistsIn(Store::Impl* s, int family, std::string_view key) {
  std::string v;
  return s->db->Get(rocksdb::ReadOptions(), s->cf[family], rocksdb::Slice(key.data(), key.size()),
                    &v)
      .ok();
}

Status CheckProperties(const std::vector<Property>& props, Problems& p, RecordKind kind,
                       size_t i) {
  for (const auto& prop : props) {
    if (prop.name.empty()) return p.At(kind, i, "property", "has an empty name");
    if (const auto* s = std::get_if<std::string>(&prop.value); s && !CheckText(*s).ok()) {
      return p.At(kind, i, prop.name, "is not valid UTF-8");
    }
  }
  return Status::OK();
}

}  // namespace

Status Store::Write(const Dataset& data, const WriteOptions& options, WriteSummary* summary) {
  if (impl_->read_only) return Status::NotSupported("the database was opened read-only");
  std::lock_guard<std::mutex> lock(impl_->write_mu);
  Store::Impl* s = impl_.get();
  Problems problems(options);
  using RK = RecordKind;

  const uint64_t old_institutions = ReadCounter(s, keys::kInstitutionCountKey);
  const uint64_t old_ties = ReadCounter(s, keys::kTieCountKey);
  const uint64_t old_events = ReadCounter(s, keys::kEventCountKey);
  uint64_t next_node = ReadCounter(s, keys::kNextNodeIdKey);
  uint64_t next_seq = ReadCounter(s, keys::kNextTieSeqKey);
  if (next_node + data.institutions.size() > UINT32_MAX) {
    return Status::InvalidArgument("too many institutions for one database (limit 2^32)");
  }

  StagedWrite staged;
  auto& st = staged.entries;

  // Institutions: keys unique and new; names non-empty; every text valid UTF-8.
  NodeResolver nodes(s, old_institutions == 0);
  std::vector<uint32_t> node_ids(data.institutions.size());
  for (size_t i = 0; i < data.institutions.size(); ++i) {
    const Institution& in = data.institutions[i];
    if (Status k = CheckKey(in.key); !k.ok()) return problems.At(RK::kInstitution, i, "key", k.message());
    uint32_t existing;
    if (nodes.Find(in.key, &existing)) {
      return problems.At(RK::kInstitution, i, "key",
                         "duplicate key '" + in.key + "' (" +
                             (nodes.IsNew(in.key) ? "already earlier in this input"
                                                  : "already in the database") +
                             ")");
    }
    if (in.name.empty()) return problems.At(RK::kInstitution, i, "name", "is empty");
    if (!CheckText(in.name).ok()) return problems.At(RK::kInstitution, i, "name", "is not valid UTF-8");
    for (const auto& a : in.aliases) {
      if (a.empty() || !CheckText(a).ok()) {
        return problems.At(RK::kInstitution, i, "aliases", "has an empty or non-UTF-8 alias");
      }
    }
    for (const auto& r : in.region) {
      if (r.empty() || !CheckText(r).ok()) {
        return problems.At(RK::kInstitution, i, "region", "has an empty or non-UTF-8 level");
      }
    }
    if (!CheckText(in.kind).ok()) return problems.At(RK::kInstitution, i, "kind", "is not valid UTF-8");
    TIEGRAPH_RETURN_IF_ERROR(CheckProperties(in.properties, problems, RK::kInstitution, i));
    node_ids[i] = static_cast<uint32_t>(next_node + i);
    nodes.AddNew(in.key, node_ids[i]);
  }
  for (size_t i = 0; i < data.institutions.size(); ++i) {
    const Institution& in = data.institutions[i];
    uint32_t unused;
    if (!in.parent.empty() && !nodes.Find(in.parent, &unused)) {
      return problems.At(RK::kInstitution, i, "parent", "unknown institution '" + in.parent + "'");
    }
    if (in.parent == in.key) return problems.At(RK::kInstitution, i, "parent", "is the institution itself");
  }

  // Events: keys unique and new, participants exist.
  std::unordered_set<std::string_view> event_keys;
  for (size_t i = 0; i < data.events.size(); ++i) {
    const Event& ev = data.events[i];
    if (Status k = CheckKey(ev.key); !k.ok()) return problems.At(RK::kEvent, i, "key", k.message());
    if (!event_keys.insert(ev.key).second ||
        (old_events && ExistsIn(s, keys::kEvents, ev.key))) {
      return problems.At(RK::kEvent, i, "key", "duplicate event key '" + ev.key + "'");
    }
    for (const auto& p : ev.participants) {
      uint32_t unused;
      if (!nodes.Find(p.institution, &unused)) {
        return problems.At(RK::kEvent, i, "participants",
                           "unknown institution '" + p.institution + "'");
      }
    }
    TIEGRAPH_RETURN_IF_ERROR(CheckProperties(ev.properties, problems, RK::kEvent, i));
  }

  // Ties: endpoints exist, strength is a finite non-negative number, the interval is ordered.
  std::unordered_set<std::string_view> tie_keys;
  std::vector<std::string> assigned_keys(data.ties.size());
  std::vector<std::pair<uint32_t, uint32_t>> ends(data.ties.size());
  for (size_t i = 0; i < data.ties.size(); ++i) {
    const Tie& t = data.ties[i];
    if (!t.key.empty()) {
      if (Status k = CheckKey(t.key); !k.ok()) return problems.At(RK::kTie, i, "key", k.message());
      if (!tie_keys.insert(t.key).second || (old_ties && ExistsIn(s, keys::kTieKeys, t.key))) {
        return problems.At(RK::kTie, i, "key", "duplicate tie key '" + t.key + "'");
      }
    }
    if (!nodes.Find(t.source, &ends[i].first)) {
      return problems.At(RK::kTie, i, "source", "unknown institution '" + t.source + "'");
    }
    if (!nodes.Find(t.target, &ends[i].second)) {
      return problems.At(RK::kTie, i, "target", "unknown institution '" + t.target + "'");
    }
    if (!std::isfinite(t.strength) || t.strength < 0) {
      return problems.At(RK::kTie, i, "strength", "must be a finite number >= 0");
    }
    if (t.type.empty() || !CheckText(t.type).ok()) return problems.At(RK::kTie, i, "type", "is empty or not UTF-8");
    if (EndsBeforeStart(t.since, t.until)) {
      return problems.At(RK::kTie, i, "until",
                         FormatDate(t.until) + " is before since " + FormatDate(t.since));
    }
    if (!t.event.empty() && !event_keys.count(t.event) && !ExistsIn(s, keys::kEvents, t.event)) {
      return problems.At(RK::kTie, i, "event", "unknown event '" + t.event + "'");
    }
    TIEGRAPH_RETURN_IF_ERROR(CheckProperties(t.properties, problems, RK::kTie, i));
  }

  // Ties without a key get "#<sequence>", or "#<sequence>.<n>" should an input have taken that
  // (a dump re-imported elsewhere carries such keys). Collisions are impossible, and not
  // checked, when neither the input nor the database can hold a '#' key.
  bool may_collide = old_ties > 0;
  for (const Tie& t : data.ties) may_collide = may_collide || (!t.key.empty() && t.key[0] == '#');
  for (size_t i = 0; i < data.ties.size(); ++i) {
    if (!data.ties[i].key.empty()) continue;
    const std::string base = "#" + std::to_string(next_seq + i);
    if (!may_collide) {
      assigned_keys[i] = base;
      continue;
    }
    std::string key = base;
    for (int n = 1; tie_keys.count(key) || (old_ties && ExistsIn(s, keys::kTieKeys, key)); ++n) {
      key = base + "." + std::to_string(n);
    }
    assigned_keys[i] = std::move(key);
    tie_keys.insert(assigned_keys[i]);
  }

  if (summary) {
    summary->institutions = data.institutions.size();
    summary->events = data.events.size();
    summary->ties = data.ties.size();
  }
  if (options.dry_run) return Status::OK();

  // Stage institutions with their id and name index entries.
  std::string buf, norm;
  for (size_t i = 0; i < data.institutions.size(); ++i) {
    const Institution& in = data.institutions[i];
    EncodeInstitution(in, node_ids[i], &buf);
    st[keys::kInstitutions].emplace_back(in.key, buf);
    st[keys::kNodeIds].emplace_back(keys::NodeIdKey(node_ids[i]), in.key);
    std::unordered_set<std::string> names;
    for (const std::string* n : {&in.key, &in.name}) {
      if (NormalizeName(*n, &norm) && !norm.empty()) names.insert(norm);
    }
    for (const auto& a : in.aliases) {
      if (NormalizeName(a, &norm) && !norm.empty()) names.insert(norm);
    }
    for (const auto& n : names) st[keys::kNames].emplace_back(keys::NameKey(n, in.key), "");
  }
  for (const Event& ev : data.events) {
    EncodeEvent(ev, &buf);
    st[keys::kEvents].emplace_back(ev.key, buf);
  }
  st[keys::kTies].reserve(data.ties.size());
  st[keys::kTieKeys].reserve(data.ties.size());
  st[keys::kAdjacency].reserve(2 * data.ties.size());
  TieRef ref;
  for (size_t i = 0; i < data.ties.size(); ++i) {
    const uint64_t seq = next_seq + i;
    const Tie& t = data.ties[i];
    const std::string& key = assigned_keys[i].empty() ? t.key : assigned_keys[i];
    EncodeTie(t, key, ends[i].first, ends[i].second, &buf);
    st[keys::kTies].emplace_back(keys::TieSeqKey(seq), buf);
    st[keys::kTieKeys].emplace_back(key, keys::TieSeqKey(seq));
    ref.tie_key = key;
    ref.type = t.type;
    ref.strength = t.strength;
    ref.status = t.status;
    ref.confidence = t.confidence;
    // The source's entry, then the target's; a self-loop has one entry.
    ref.other = t.target;
    ref.direction = t.directed ? TieRef::Direction::kOut : TieRef::Direction::kUndirected;
    keys::EncodeAdjacencyValue(ref, &buf);
    st[keys::kAdjacency].emplace_back(keys::AdjacencyKey(ends[i].first, ends[i].second, seq), buf);
    if (ends[i].first != ends[i].second) {
      ref.other = t.source;
      ref.direction = t.directed ? TieRef::Direction::kIn : TieRef::Direction::kUndirected;
      keys::EncodeAdjacencyValue(ref, &buf);
      st[keys::kAdjacency].emplace_back(keys::AdjacencyKey(ends[i].second, ends[i].first, seq),
                                        buf);
    }
  }
  auto& meta = st[keys::kMeta];
  meta.emplace_back(keys::kNextNodeIdKey, CounterValue(next_node + data.institutions.size()));
  meta.emplace_back(keys::kNextTieSeqKey, CounterValue(next_seq + data.ties.size()));
  meta.emplace_back(keys::kInstitutionCountKey,
                    CounterValue(old_institutions + data.institutions.size()));
  meta.emplace_back(keys::kTieCountKey, CounterValue(old_ties + data.ties.size()));
  meta.emplace_back(keys::kEventCountKey, CounterValue(old_events + data.events.size()));

  bool bulk = false;
  TIEGRAPH_RETURN_IF_ERROR(CommitStaged(s, &staged, options, &bulk));
  if (summary) summary->bulk = bulk;
  return Status::OK();
}

}  // namespace tiegraph
