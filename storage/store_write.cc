// Store::Write: validates a dataset against itself and the database, then stages every
// key-value entry (records, indexes, counters) for one atomic commit.
#include <chrono>
#include <cmath>
#include <deque>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <tiegraph/text.h>
#include <tiegraph/vocabulary.h>

#include "digest_codec.h"
#include "field_checks.h"
#include "history_codec.h"
#include "key_index.h"
#include "record_codec.h"
#include "store_impl.h"
#include "tie_type_store.h"
#include "write_plan.h"

namespace tiegraph {
namespace {

// Builds error messages that name the record's origin and the field.
class Problems {
 public:
  explicit Problems(const WriteOptions& o) : options_(o) {}
  Status At(RecordKind kind, size_t index, std::string_view field, const std::string& what) {
    std::string where = options_.locate
                            ? options_.locate(kind, index)
                            : std::string(RecordKindName(kind)) + " #" + std::to_string(index + 1);
    const std::string name =
        options_.field_name ? options_.field_name(kind, index, field) : std::string(field);
    return Status::InvalidArgument(where + ": field '" + name + "': " + what);
  }

 private:
  const WriteOptions& options_;
};

std::string CounterValue(uint64_t v) {
  std::string out;
  keys::AppendU64(&out, v);
  return out;
}

// Looks up institution keys in the dataset first, then in the database (memoised).
class NodeResolver {
 public:
  NodeResolver(Store::Impl* store, bool db_empty, size_t expected)
      : store_(store), db_empty_(db_empty), ids_(expected) {}
  // False when the key is already known (new in this input, or found in the database).
  bool AddNew(std::string_view key, uint32_t id) { return ids_.Insert(key, id); }
  bool InDatabase(std::string_view key) const {
    uint32_t unused;
    return from_db_.Find(key, &unused);
  }
  // Node id of `key`, or false when no such institution exists.
  bool Find(std::string_view key, uint32_t* id) {
    if (ids_.Find(key, id)) return true;
    if (db_empty_) return false;
    std::string value;
    if (!store_->db
             ->Get(rocksdb::ReadOptions(), store_->cf[keys::kInstitutions],
                   rocksdb::Slice(key.data(), key.size()), &value)
             .ok() ||
        !DecodeInstitutionNodeId(value, id).ok()) {
      return false;
    }
    owned_.emplace_back(key);
    ids_.Insert(owned_.back(), *id);
    from_db_.Insert(owned_.back(), *id);
    return true;
  }

 private:
  Store::Impl* store_;
  bool db_empty_;
  std::deque<std::string> owned_;  // stable storage for keys read from the database
  KeyIndex ids_;
  KeyIndex from_db_;
};

bool ExistsIn(Store::Impl* s, int family, std::string_view key) {
  std::string v;
  return s->db
      ->Get(rocksdb::ReadOptions(), s->cf[family], rocksdb::Slice(key.data(), key.size()), &v)
      .ok();
}

}  // namespace

// A counter of the metadata; 0 when it was never written (an empty database). A failed read
// or a malformed value is an error: taking it as 0 would hand out node ids already in use.
Result<uint64_t> ReadCounter(Store::Impl* s, std::string_view key) {
  std::string v;
  const rocksdb::Status st = s->db->Get(rocksdb::ReadOptions(), s->cf[keys::kMeta], key, &v);
  if (st.IsNotFound()) return uint64_t{0};
  if (!st.ok()) return FromRocks(st, "reading the counter " + std::string(key));
  if (v.size() != 8) {
    return Status::Corruption("the counter " + std::string(key) + " in " + s->path + " has " +
                              std::to_string(v.size()) + " bytes, not 8");
  }
  return keys::ReadU64(v.data());
}

Result<uint64_t> NextCommitNumber(Store::Impl* s) {
  auto next = ReadCounter(s, history::kNextCommitKey);
  if (!next.ok()) return next.status();
  return std::max<uint64_t>(*next, 1);
}

namespace {
Status WriteLocked(Store::Impl* s, const Dataset& data, const WriteOptions& options,
                   WriteSummary* summary);
}  // namespace

Status Store::Write(const Dataset& data, const WriteOptions& options, WriteSummary* summary) {
  if (impl_->read_only) return Status::NotSupported("the database was opened read-only");
  std::lock_guard<std::mutex> lock(impl_->write_mu);
  // Tie types go in canonical (tie_types.h): a copy of the dataset only when one is not.
  auto vocabulary =
      LoadTieTypeVocabulary(impl_->db.get(), impl_->cf[keys::kMeta], rocksdb::ReadOptions());
  if (!vocabulary.ok()) return vocabulary.status();
  Dataset canonical;
  const Dataset* d = &data;
  std::unordered_map<std::string, std::string> seen;  // type as given -> canonical
  for (size_t i = 0; i < data.ties.size(); ++i) {
    const std::string& type = data.ties[i].type;
    auto it = seen.find(type);
    if (it == seen.end()) it = seen.emplace(type, vocabulary->Learn(type)).first;
    if (it->second == type) continue;
    if (d == &data) {
      canonical = data;
      d = &canonical;
    }
    canonical.ties[i].type = it->second;
  }
  return WriteLocked(impl_.get(), *d, options, summary);
}

namespace {
Status WriteLocked(Store::Impl* s, const Dataset& data, const WriteOptions& options,
                   WriteSummary* summary) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  auto seconds = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
  };
  Problems problems(options);
  using RK = RecordKind;

  uint64_t counters[5];
  const std::string_view counter_keys[5] = {keys::kInstitutionCountKey, keys::kTieCountKey,
                                            keys::kEventCountKey, keys::kNextNodeIdKey,
                                            keys::kNextTieSeqKey};
  for (int i = 0; i < 5; ++i) {
    auto c = ReadCounter(s, counter_keys[i]);
    if (!c.ok()) return c.status();
    counters[i] = *c;
  }
  const uint64_t old_institutions = counters[0], old_ties = counters[1], old_events = counters[2];
  uint64_t next_node = counters[3], next_seq = counters[4];
  if (next_node + data.institutions.size() > UINT32_MAX) {
    return Status::InvalidArgument("too many institutions for one database (limit 2^32)");
  }

  // Institutions: keys unique and new; names non-empty; every text valid UTF-8.
  NodeResolver nodes(s, old_institutions == 0, data.institutions.size());
  for (size_t i = 0; i < data.institutions.size(); ++i) {
    const Institution& in = data.institutions[i];
    if (Status k = CheckKey(in.key); !k.ok())
      return problems.At(RK::kInstitution, i, "key", k.message());
    uint32_t existing;
    if (nodes.Find(in.key, &existing)) {
      return problems.At(RK::kInstitution, i, "key",
                         "duplicate key '" + in.key + "' (" +
                             (!nodes.InDatabase(in.key) ? "already earlier in this input"
                                                        : "already in the database") +
                             ")");
    }
    if (auto bad = CheckInstitutionFields(in))
      return problems.At(RK::kInstitution, i, bad->field, bad->message);
    nodes.AddNew(in.key, static_cast<uint32_t>(next_node + i));
  }
  for (size_t i = 0; i < data.institutions.size(); ++i) {
    const Institution& in = data.institutions[i];
    uint32_t unused;
    if (!in.parent.empty() && !nodes.Find(in.parent, &unused)) {
      return problems.At(RK::kInstitution, i, "parent", "unknown institution '" + in.parent + "'");
    }
  }

  // Events: keys unique and new, participants exist.
  std::unordered_set<std::string_view> event_keys;
  for (size_t i = 0; i < data.events.size(); ++i) {
    const Event& ev = data.events[i];
    if (Status k = CheckKey(ev.key); !k.ok()) return problems.At(RK::kEvent, i, "key", k.message());
    if (!event_keys.insert(ev.key).second || (old_events && ExistsIn(s, keys::kEvents, ev.key))) {
      return problems.At(RK::kEvent, i, "key", "duplicate event key '" + ev.key + "'");
    }
    for (const auto& p : ev.participants) {
      uint32_t unused;
      if (!nodes.Find(p.institution, &unused)) {
        return problems.At(RK::kEvent, i, "participants",
                           "unknown institution '" + p.institution + "'");
      }
    }
    if (auto bad = CheckEventFields(ev))
      return problems.At(RK::kEvent, i, bad->field, bad->message);
  }

  // Ties: endpoints exist, strength is a finite non-negative number, the interval is ordered.
  WritePlan::Inputs plan;
  plan.data = &data;
  plan.first_node_id = static_cast<uint32_t>(next_node);
  plan.first_tie_seq = next_seq;
  plan.ends.resize(data.ties.size());
  plan.tie_keys.resize(data.ties.size());
  auto check_tie = [&](size_t i) -> Status {
    const Tie& t = data.ties[i];
    if (!t.key.empty()) {
      if (Status k = CheckKey(t.key); !k.ok()) return problems.At(RK::kTie, i, "key", k.message());
      if (old_ties && ExistsIn(s, keys::kTieKeys, t.key)) {
        return problems.At(RK::kTie, i, "key",
                           "duplicate tie key '" + t.key + "' (already in the database)");
      }
    }
    if (!nodes.Find(t.source, &plan.ends[i].first)) {
      return problems.At(RK::kTie, i, "source", "unknown institution '" + t.source + "'");
    }
    if (!nodes.Find(t.target, &plan.ends[i].second)) {
      return problems.At(RK::kTie, i, "target", "unknown institution '" + t.target + "'");
    }
    if (auto bad = CheckTieFields(t)) return problems.At(RK::kTie, i, bad->field, bad->message);
    if (!t.event.empty() && !event_keys.count(t.event) && !ExistsIn(s, keys::kEvents, t.event)) {
      return problems.At(RK::kTie, i, "event", "unknown event '" + t.event + "'");
    }
    return Status::OK();
  };
  // Checks ties [lo, hi); returns the first problem.
  auto check_ties = [&](size_t lo, size_t hi) -> Status {
    for (size_t i = lo; i < hi; ++i) TIEGRAPH_RETURN_IF_ERROR(check_tie(i));
    return Status::OK();
  };
  // Against an empty database the lookups only read, so a large input is checked in two halves
  // at once; the first half's problem, if any, is the one reported.
  const size_t n_ties = data.ties.size();
  if (old_institutions == 0 && n_ties > 100000) {
    Status second;
    std::thread helper([&]() { second = check_ties(n_ties / 2, n_ties); });
    Status first = check_ties(0, n_ties / 2);
    helper.join();
    TIEGRAPH_RETURN_IF_ERROR(first);
    TIEGRAPH_RETURN_IF_ERROR(second);
  } else {
    TIEGRAPH_RETURN_IF_ERROR(check_ties(0, n_ties));
  }
  bool may_collide = old_ties > 0;  // can an assigned "#N" key meet an existing one?
  for (const Tie& t : data.ties) may_collide = may_collide || (!t.key.empty() && t.key[0] == '#');

  // Ties without a key get "#<sequence>", or "#<sequence>.<n>" should that be taken already
  // (a dump re-imported elsewhere carries such keys). Collisions are impossible, and not
  // checked, when neither the input nor the database can hold a '#' key.
  std::vector<std::string> assigned(data.ties.size());
  std::unordered_set<std::string_view> explicit_keys;
  if (may_collide) {
    for (const Tie& t : data.ties) {
      if (!t.key.empty()) explicit_keys.insert(t.key);
    }
  }
  for (size_t i = 0; i < data.ties.size(); ++i) {
    if (!data.ties[i].key.empty()) {
      plan.tie_keys[i] = data.ties[i].key;
      continue;
    }
    const std::string base = "#" + std::to_string(next_seq + i);
    assigned[i] = base;
    for (int n = 1; may_collide && (explicit_keys.count(assigned[i]) ||
                                    (old_ties && ExistsIn(s, keys::kTieKeys, assigned[i])));
         ++n) {
      assigned[i] = base + "." + std::to_string(n);
    }
    plan.tie_keys[i] = assigned[i];
  }

  // Digests: each tie's type as an id in the dictionary (extended with new types), and the
  // last, partly filled blocks, which this write extends.
  std::vector<std::string> types;
  {
    std::string bytes;
    auto st = s->db->Get(rocksdb::ReadOptions(), s->cf[keys::kMeta], keys::kTieTypesKey, &bytes);
    if (!st.ok() && !st.IsNotFound()) return FromRocks(st, "reading the tie-type dictionary");
    if (!digest::DecodeTypes(bytes, &types))
      return Status::Corruption("the tie-type dictionary is damaged");
  }
  const size_t known_types = types.size();
  {
    // Keys view the dictionary's old entries or the dataset's texts: both outlive the map.
    std::unordered_map<std::string_view, uint16_t> type_id;
    for (size_t i = 0; i < types.size(); ++i) type_id.emplace(types[i], static_cast<uint16_t>(i));
    plan.tie_type_ids.resize(data.ties.size());
    std::string_view last_type;
    uint16_t last_id = 0;
    for (size_t i = 0; i < data.ties.size(); ++i) {
      const std::string& t = data.ties[i].type;
      if (i == 0 || t != last_type) {  // ties often come grouped by type
        auto [it, added] = type_id.emplace(t, static_cast<uint16_t>(types.size()));
        if (added) {
          if (types.size() > UINT16_MAX) {
            return problems.At(RK::kTie, i, "type", "one type too many (the limit is 65,536)");
          }
          types.push_back(t);
        }
        last_type = t;
        last_id = it->second;
      }
      plan.tie_type_ids[i] = last_id;
    }
  }
  auto read_tail = [&](char tag, uint64_t next, std::string* tail) -> Status {
    if (next % digest::kDigestBlock == 0) return Status::OK();
    auto st = s->db->Get(rocksdb::ReadOptions(), s->cf[keys::kDigests],
                         digest::BlockKey(tag, next / digest::kDigestBlock), tail);
    return FromRocks(st, "reading the last digest block");
  };
  TIEGRAPH_RETURN_IF_ERROR(read_tail(digest::kNodeBlockTag, next_node, &plan.node_digest_tail));
  TIEGRAPH_RETURN_IF_ERROR(read_tail(digest::kTieBlockTag, next_seq, &plan.tie_digest_tail));

  plan.meta = {
      {std::string(keys::kNextNodeIdKey), CounterValue(next_node + data.institutions.size())},
      {std::string(keys::kNextTieSeqKey), CounterValue(next_seq + data.ties.size())},
      {std::string(keys::kInstitutionCountKey),
       CounterValue(old_institutions + data.institutions.size())},
      {std::string(keys::kTieCountKey), CounterValue(old_ties + data.ties.size())},
      {std::string(keys::kEventCountKey), CounterValue(old_events + data.events.size())}};
  if (types.size() != known_types)
    plan.meta.emplace_back(std::string(keys::kTieTypesKey), digest::EncodeTypes(types));
  // The history entry of a bulk write: what it created, not each record (history.h).
  auto commit = NextCommitNumber(s);
  if (!commit.ok()) return commit.status();
  HistoryEntry entry;
  entry.id = *commit;
  entry.time = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
  entry.info = options.commit;
  entry.bulk = true;
  entry.created_institutions = data.institutions.size();
  entry.created_ties = data.ties.size();
  entry.first_node_id = next_node;
  entry.end_node_id = next_node + data.institutions.size();
  entry.first_tie_seq = next_seq;
  entry.end_tie_seq = next_seq + data.ties.size();
  for (const Event& ev : data.events) entry.created_events.push_back(ev.key);
  plan.meta.emplace_back(history::HeaderKey(entry.id), history::EncodeHeader(entry));
  plan.meta.emplace_back(std::string(history::kNextCommitKey), CounterValue(entry.id + 1));
  const auto t1 = Clock::now();
  WritePlan write_plan(std::move(plan));
  const auto t2 = Clock::now();
  // Duplicates among the input's own tie keys show up as neighbors in key order.
  if (size_t dup = write_plan.FirstDuplicateTieKey(); dup != SIZE_MAX) {
    return problems.At(
        RK::kTie, dup, "key",
        "duplicate tie key '" + data.ties[dup].key + "' (already earlier in this input)");
  }

  if (summary) {
    summary->institutions = data.institutions.size();
    summary->events = data.events.size();
    summary->ties = data.ties.size();
    summary->validate_seconds = seconds(t0, t1);
    summary->order_seconds = seconds(t1, t2);
  }
  if (options.dry_run) return Status::OK();
  bool bulk = false;
  TIEGRAPH_RETURN_IF_ERROR(CommitPlan(s, write_plan, options, &bulk));
  if (summary) {
    summary->bulk = bulk;
    summary->commit_seconds = seconds(t2, Clock::now());
  }
  return Status::OK();
}

}  // namespace

}  // namespace tiegraph
