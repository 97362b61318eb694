// Snapshot's reads of the history: headers by prefix scan, one record's commits by its index.
#include <algorithm>

#include "history_codec.h"
#include "record_codec.h"
#include "store_impl.h"

namespace tiegraph {
namespace {

rocksdb::Slice AsSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
std::string_view AsView(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

// Headers newest first; fn returns false to stop.
template <typename Fn>
Status ScanHeaders(const Snapshot::Impl& snap, Fn&& fn) {
  const std::string prefix(history::kEntryPrefix);
  std::string upper = prefix;
  upper.back() = static_cast<char>(upper.back() + 1);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions ro = snap.ReadOpts();
  ro.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(snap.db->NewIterator(ro, snap.cf(keys::kMeta)));
  for (it->SeekToLast(); it->Valid() && it->key().starts_with(prefix); it->Prev()) {
    if (it->key().size() != prefix.size() + 8) continue;  // a change, not a header
    HistoryEntry e;
    TIEGRAPH_RETURN_IF_ERROR(history::DecodeHeader(AsView(it->value()), &e));
    if (!fn(std::move(e))) return Status::OK();
  }
  return FromRocks(it->status(), "reading the history");
}

Status GetMeta(const Snapshot::Impl& snap, const std::string& key, std::string* v) {
  auto s = snap.db->Get(snap.ReadOpts(), snap.cf(keys::kMeta), AsSlice(key), v);
  if (s.IsNotFound()) return Status::NotFound("no such history entry");
  return FromRocks(s, "reading the history");
}

}  // namespace

Result<std::vector<HistoryEntry>> Snapshot::History(size_t limit) const {
  std::vector<HistoryEntry> out;
  if (limit == 0) return out;
  TIEGRAPH_RETURN_IF_ERROR(ScanHeaders(*impl_, [&](HistoryEntry e) {
    out.push_back(std::move(e));
    return out.size() < limit;
  }));
  return out;
}

Result<HistoryEntry> Snapshot::GetHistoryEntry(uint64_t id) const {
  std::string v;
  Status s = GetMeta(*impl_, history::HeaderKey(id), &v);
  if (s.IsNotFound()) return Status::NotFound("no commit number " + std::to_string(id));
  TIEGRAPH_RETURN_IF_ERROR(s);
  HistoryEntry e;
  TIEGRAPH_RETURN_IF_ERROR(history::DecodeHeader(v, &e));
  const std::string prefix = history::HeaderKey(id);
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db->NewIterator(impl_->ReadOpts(), impl_->cf(keys::kMeta)));
  for (it->Seek(history::ChangeKey(id, 0)); it->Valid() && it->key().starts_with(prefix);
       it->Next()) {
    RecordChange c;
    TIEGRAPH_RETURN_IF_ERROR(history::DecodeChange(AsView(it->value()), &c));
    e.changes.push_back(std::move(c));
  }
  TIEGRAPH_RETURN_IF_ERROR(FromRocks(it->status(), "reading the history"));
  if (e.changes.size() != e.change_count)
    return Status::Corruption("commit " + std::to_string(id) + " lacks some of its changes");
  return e;
}

Result<std::vector<HistoryEntry>> Snapshot::HistoryOf(RecordKind kind, std::string_view key,
                                                      size_t limit) const {
  std::vector<HistoryEntry> out;
  const std::string prefix = history::KeyIndexPrefix(kind, key);
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db->NewIterator(impl_->ReadOpts(), impl_->cf(keys::kMeta)));
  std::string v;
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    if (it->key().size() != prefix.size() + 8 || it->value().size() != 4)
      return Status::Corruption("the history index of " + std::string(key) + " is damaged");
    const uint64_t id = keys::ReadU64(it->key().data() + prefix.size());
    HistoryEntry e;
    TIEGRAPH_RETURN_IF_ERROR(GetMeta(*impl_, history::HeaderKey(id), &v));
    TIEGRAPH_RETURN_IF_ERROR(history::DecodeHeader(v, &e));
    TIEGRAPH_RETURN_IF_ERROR(
        GetMeta(*impl_, history::ChangeKey(id, keys::ReadU32(it->value().data())), &v));
    RecordChange c;
    TIEGRAPH_RETURN_IF_ERROR(history::DecodeChange(v, &c));
    e.changes.push_back(std::move(c));
    out.push_back(std::move(e));
  }
  TIEGRAPH_RETURN_IF_ERROR(FromRocks(it->status(), "reading the history"));

  // A bulk write records no changes: it created the record when the record's node id or tie
  // sequence lies in its range (and no later transaction created it anew).
  const bool created_later = std::any_of(out.begin(), out.end(), [](const HistoryEntry& e) {
    return std::holds_alternative<std::monostate>(e.changes[0].before);
  });
  // Its number: from the record, or (deleted since) from its oldest change.
  std::optional<uint64_t> number;
  if (!created_later && kind == RecordKind::kInstitution) {
    if (impl_->db->Get(impl_->ReadOpts(), impl_->cf(keys::kInstitutions), AsSlice(key), &v).ok()) {
      uint32_t id = 0;
      TIEGRAPH_RETURN_IF_ERROR(DecodeInstitutionNodeId(v, &id));
      number = id;
    }
  } else if (!created_later && kind == RecordKind::kTie) {
    if (impl_->db->Get(impl_->ReadOpts(), impl_->cf(keys::kTieKeys), AsSlice(key), &v).ok() &&
        v.size() == 8)
      number = keys::ReadU64(v.data());
  }
  if (!created_later && !number && !out.empty() && kind != RecordKind::kEvent)
    number = out.front().changes[0].number;  // the index lists commits oldest first
  if (number || (!created_later && kind == RecordKind::kEvent)) {
    TIEGRAPH_RETURN_IF_ERROR(ScanHeaders(*impl_, [&](HistoryEntry e) {
      if (!e.bulk) return true;
      const bool made = kind == RecordKind::kInstitution
                            ? (*number >= e.first_node_id && *number < e.end_node_id)
                        : kind == RecordKind::kTie
                            ? (*number >= e.first_tie_seq && *number < e.end_tie_seq)
                            : std::find(e.created_events.begin(), e.created_events.end(), key) !=
                                  e.created_events.end();
      if (made) out.push_back(std::move(e));
      return !made;
    }));
  }
  std::sort(out.begin(), out.end(),
            [](const HistoryEntry& a, const HistoryEntry& b) { return a.id > b.id; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace tiegraph
