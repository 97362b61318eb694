// Snapshot: consistent reads of records and indexes.
#include <algorithm>
#include <map>

#include <tiegraph/text.h>

#include "digest_codec.h"
#include "record_codec.h"
#include "store_impl.h"
#include "tie_type_store.h"

namespace tiegraph {
namespace {

rocksdb::Slice AsSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
std::string_view AsView(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

}  // namespace

Snapshot::Impl::~Impl() {
  if (snapshot) db->ReleaseSnapshot(snapshot);
}

std::unique_ptr<Snapshot> Store::Read() const {
  auto impl = std::make_unique<Snapshot::Impl>();
  {
    std::lock_guard<std::mutex> lock(impl_->reopen_mu);
    impl->db = impl_->db;
    impl->families = impl_->cf;
  }
  impl->snapshot = impl->db->GetSnapshot();
  return std::make_unique<Snapshot>(std::move(impl));
}

Snapshot::Snapshot(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Snapshot::~Snapshot() = default;

Result<Counts> Snapshot::GetCounts() const {
  Counts counts;
  const std::pair<std::string_view, uint64_t*> wanted[] = {
      {keys::kInstitutionCountKey, &counts.institutions},
      {keys::kTieCountKey, &counts.ties},
      {keys::kEventCountKey, &counts.events},
      {keys::kNextNodeIdKey, &counts.next_node_id},
      {keys::kNextTieSeqKey, &counts.next_tie_seq}};
  for (const auto& [key, out] : wanted) {
    std::string v;
    auto s = impl_->db->Get(impl_->ReadOpts(), impl_->cf(keys::kMeta), AsSlice(key), &v);
    if (s.IsNotFound()) continue;  // a database with nothing of the kind yet
    if (!s.ok()) return FromRocks(s, "reading the counter " + std::string(key));
    if (v.size() != 8)
      return Status::Corruption("the counter " + std::string(key) + " has " +
                                std::to_string(v.size()) + " bytes, not 8");
    *out = keys::ReadU64(v.data());
  }
  return counts;
}

Result<Institution> Snapshot::GetInstitution(std::string_view key) const {
  std::string v;
  auto s = impl_->db->Get(impl_->ReadOpts(), impl_->cf(keys::kInstitutions), AsSlice(key), &v);
  if (s.IsNotFound()) return Status::NotFound("no institution with key '" + std::string(key) + "'");
  if (!s.ok()) return FromRocks(s, "reading institution");
  Institution in;
  TIEGRAPH_RETURN_IF_ERROR(DecodeInstitution(v, &in));
  return in;
}

Result<Tie> Snapshot::GetTie(std::string_view key) const {
  std::string seq, v;
  auto* db = impl_->db.get();
  auto s = db->Get(impl_->ReadOpts(), impl_->cf(keys::kTieKeys), AsSlice(key), &seq);
  if (s.IsNotFound()) return Status::NotFound("no tie with key '" + std::string(key) + "'");
  if (!s.ok()) return FromRocks(s, "reading tie index");
  s = db->Get(impl_->ReadOpts(), impl_->cf(keys::kTies), seq, &v);
  if (!s.ok())
    return Status::Corruption("tie index names a missing tie '" + std::string(key) + "'");
  Tie t;
  TIEGRAPH_RETURN_IF_ERROR(DecodeTie(v, &t));
  return t;
}

Result<Event> Snapshot::GetEvent(std::string_view key) const {
  std::string v;
  auto s = impl_->db->Get(impl_->ReadOpts(), impl_->cf(keys::kEvents), AsSlice(key), &v);
  if (s.IsNotFound()) return Status::NotFound("no event with key '" + std::string(key) + "'");
  if (!s.ok()) return FromRocks(s, "reading event");
  Event e;
  TIEGRAPH_RETURN_IF_ERROR(DecodeEvent(v, &e));
  return e;
}

Result<std::vector<std::string>> Snapshot::LookupName(std::string_view name) const {
  std::string norm;
  if (!NormalizeName(name, &norm)) return Status::InvalidArgument("name is not valid UTF-8");
  std::vector<std::string> keys_found;
  if (norm.empty()) return keys_found;
  const std::string prefix = norm + '\0';
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db->NewIterator(impl_->ReadOpts(), impl_->cf(keys::kNames)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    keys_found.emplace_back(AsView(it->key()).substr(prefix.size()));
  }
  if (!it->status().ok()) return FromRocks(it->status(), "reading the name index");
  return keys_found;
}

Result<std::vector<std::string>> Snapshot::SuggestNames(std::string_view fragment,
                                                        size_t limit) const {
  std::string norm;
  if (!NormalizeName(fragment, &norm)) return Status::InvalidArgument("name is not valid UTF-8");
  // Score: 0 for a name that starts with the fragment, 1 for one that contains it, 2 + d for
  // a near miss at edit distance d (at most a quarter of the fragment's length).
  const size_t chars = EditDistance(norm, "");
  const size_t max_distance = std::max<size_t>(1, chars / 4);
  std::map<std::string, size_t> best;
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db->NewIterator(impl_->ReadOpts(), impl_->cf(keys::kNames)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view k = AsView(it->key());
    size_t zero = k.find('\0');
    if (zero == std::string_view::npos || norm.empty()) continue;
    std::string_view name = k.substr(0, zero);
    size_t score;
    if (size_t pos = name.find(norm); pos != std::string_view::npos) {
      score = pos == 0 ? 0 : 1;
    } else if (name.size() + 4 * max_distance >= norm.size() &&
               name.size() <= norm.size() + 4 * max_distance) {  // byte lengths near enough
      size_t d = EditDistance(name, norm);
      if (d > max_distance) continue;
      score = 2 + d;
    } else {
      continue;
    }
    std::string key(k.substr(zero + 1));
    auto [e, inserted] = best.emplace(key, score);
    if (!inserted) e->second = std::min(e->second, score);
  }
  if (!it->status().ok()) return FromRocks(it->status(), "reading the name index");
  std::vector<std::pair<size_t, std::string>> ranked;
  for (auto& [k, score] : best) ranked.emplace_back(score, k);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < ranked.size() && i < limit; ++i) out.push_back(ranked[i].second);
  return out;
}

Status Snapshot::TiesOf(std::string_view key, std::vector<TieRef>* out) const {
  out->clear();
  auto* db = impl_->db.get();
  // One prefix scan: the entries of `key` lie between key + NUL and key + 0x01.
  const std::string prefix = keys::AdjacencyPrefix(key);
  std::string upper(key);
  upper.push_back('\x01');
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions ro = impl_->ReadOpts();
  ro.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, impl_->cf(keys::kAdjacency)));
  out->reserve(16);
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    TieRef ref;
    if (!keys::DecodeAdjacencyValue(AsView(it->value()), &ref)) {
      return Status::Corruption("damaged adjacency entry of '" + std::string(key) + "'");
    }
    out->push_back(std::move(ref));
  }
  TIEGRAPH_RETURN_IF_ERROR(FromRocks(it->status(), "reading adjacency"));
  if (out->empty()) {
    // No ties: tell an institution without ties from no institution at all.
    rocksdb::PinnableSlice record;
    auto s = db->Get(impl_->ReadOpts(), impl_->cf(keys::kInstitutions), AsSlice(key), &record);
    if (s.IsNotFound())
      return Status::NotFound("no institution with key '" + std::string(key) + "'");
    return FromRocks(s, "reading institution");
  }
  return Status::OK();
}

Status Snapshot::ForEachInstitution(const std::function<bool(const Institution&)>& fn) const {
  // In node-id order, the order they were written in, so a dump re-imports to the same ids.
  auto* db = impl_->db.get();
  std::unique_ptr<rocksdb::Iterator> it(
      db->NewIterator(impl_->ReadOpts(), impl_->cf(keys::kNodeIds)));
  std::string v;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    auto s = db->Get(impl_->ReadOpts(), impl_->cf(keys::kInstitutions), it->value(), &v);
    if (!s.ok()) return Status::Corruption("node id index names a missing institution");
    Institution in;
    TIEGRAPH_RETURN_IF_ERROR(DecodeInstitution(v, &in));
    if (!fn(in)) return Status::OK();
  }
  return FromRocks(it->status(), "scanning institutions");
}

namespace {
template <typename Record, typename DecodeFn>
Status ScanFamily(const Snapshot::Impl& snap, int family, DecodeFn decode,
                  const std::function<bool(const Record&)>& fn) {
  std::unique_ptr<rocksdb::Iterator> it(snap.db->NewIterator(snap.ReadOpts(), snap.cf(family)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    Record r;
    TIEGRAPH_RETURN_IF_ERROR(decode(AsView(it->value()), &r));
    if (!fn(r)) return Status::OK();
  }
  return FromRocks(it->status(), "scanning");
}
}  // namespace

Status Snapshot::ForEachEvent(const std::function<bool(const Event&)>& fn) const {
  return ScanFamily<Event>(*impl_, keys::kEvents, DecodeEvent, fn);
}

Status Snapshot::ForEachTie(const std::function<bool(const Tie&)>& fn) const {
  return ScanFamily<Tie>(*impl_, keys::kTies, DecodeTie, fn);
}

Status Snapshot::ForEachTieWithSequence(const std::function<bool(uint64_t, const Tie&)>& fn) const {
  rocksdb::ReadOptions ro = impl_->ReadOpts();
  ro.readahead_size = 2 << 20;  // a full scan: read ahead in large steps
  ro.fill_cache = false;        // and do not evict what interactive lookups keep warm
  std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(ro, impl_->cf(keys::kTies)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->key().size() != 8) return Status::Corruption("a tie's sequence key is damaged");
    Tie t;
    TIEGRAPH_RETURN_IF_ERROR(DecodeTie(AsView(it->value()), &t));
    if (!fn(keys::ReadU64(it->key().data()), t)) return Status::OK();
  }
  return FromRocks(it->status(), "scanning ties");
}

namespace {
// Visits the digest blocks with `tag` from block `first` on, in order: fn(block number, bytes)
// returns false to stop.
template <typename Fn>
Status ScanDigestBlocks(const Snapshot::Impl& snap, char tag, uint64_t first, Fn&& fn) {
  rocksdb::ReadOptions ro = snap.ReadOpts();
  ro.readahead_size = 2 << 20;  // a full scan: read ahead in large steps
  ro.fill_cache = false;        // and do not evict what interactive lookups keep warm
  const std::string upper_key(1, static_cast<char>(tag + 1));
  rocksdb::Slice upper(upper_key);
  ro.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(snap.db->NewIterator(ro, snap.cf(keys::kDigests)));
  uint64_t expected = first;
  for (it->Seek(digest::BlockKey(tag, first)); it->Valid(); it->Next(), ++expected) {
    const rocksdb::Slice k = it->key();
    if (k.size() != 9 || keys::ReadU64(k.data() + 1) != expected)
      return Status::Corruption("a digest block is missing or misnamed");
    if (!fn(expected, AsView(it->value()))) return Status::OK();
  }
  return FromRocks(it->status(), "scanning digests");
}
}  // namespace

Status Snapshot::ForEachInstitutionSummary(
    const std::function<bool(const InstitutionSummary&)>& fn) const {
  InstitutionSummary summary;
  Status bad;
  TIEGRAPH_RETURN_IF_ERROR(ScanDigestBlocks(
      *impl_, digest::kNodeBlockTag, 0, [&](uint64_t block, std::string_view bytes) {
        size_t pos = 0;
        for (uint64_t id = block * digest::kDigestBlock; pos < bytes.size(); ++id) {
          if (!digest::ReadNode(bytes, &pos, &summary)) {
            bad = Status::Corruption("an institution digest is damaged");
            return false;
          }
          if (summary.key.empty()) continue;  // a deleted institution's slot
          summary.node_id = static_cast<uint32_t>(id);
          if (!fn(summary)) return false;
        }
        return true;
      }));
  return bad;
}

Result<std::vector<std::string>> Snapshot::TieTypes() const {
  std::string bytes;
  auto s = impl_->db->Get(impl_->ReadOpts(), impl_->cf(keys::kMeta), AsSlice(keys::kTieTypesKey),
                          &bytes);
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "reading the tie-type dictionary");
  std::vector<std::string> types;
  if (!digest::DecodeTypes(bytes, &types))
    return Status::Corruption("the tie-type dictionary is damaged");
  return types;
}

Result<TieTypeVocabulary> Snapshot::GetTieTypeVocabulary() const {
  return LoadTieTypeVocabulary(impl_->db.get(), impl_->cf(keys::kMeta), impl_->ReadOpts());
}

Status Snapshot::ForEachTieSummaryBatch(
    const std::function<bool(const TieSummary* ties, size_t count)>& fn, uint64_t begin,
    uint64_t end) const {
  if (begin >= end) return Status::OK();
  auto types = TieTypes();
  if (!types.ok()) return types.status();
  std::vector<TieSummary> batch(digest::kDigestBlock);
  Status bad;
  TIEGRAPH_RETURN_IF_ERROR(ScanDigestBlocks(
      *impl_, digest::kTieBlockTag, begin / digest::kDigestBlock,
      [&](uint64_t block, std::string_view bytes) {
        const uint64_t count = bytes.size() / digest::kTieDigestSize;
        if (bytes.size() % digest::kTieDigestSize != 0 || count > digest::kDigestBlock) {
          bad = Status::Corruption("a tie digest block has a bad length");
          return false;
        }
        const uint64_t base = block * digest::kDigestBlock;
        const uint64_t from = begin > base ? begin - base : 0;
        const uint64_t to = std::min(count, end - base);
        size_t live = 0;
        for (uint64_t i = from; i < to; ++i) {
          const char* p = bytes.data() + i * digest::kTieDigestSize;
          if (digest::TieIsTombstone(p)) continue;
          if (!digest::ReadTie(p, *types, &batch[live])) {
            bad = Status::Corruption("a tie digest is damaged");
            return false;
          }
          batch[live++].sequence = base + i;
        }
        if (live > 0 && !fn(batch.data(), live)) return false;
        return to == count;  // the range ends inside this block
      }));
  return bad;
}

Status Snapshot::ForEachTieSummary(const std::function<bool(const TieSummary&)>& fn, uint64_t begin,
                                   uint64_t end) const {
  return ForEachTieSummaryBatch(
      [&](const TieSummary* ties, size_t count) {
        for (size_t i = 0; i < count; ++i) {
          if (!fn(ties[i])) return false;
        }
        return true;
      },
      begin, end);
}

Result<uint64_t> Snapshot::TieSequence(std::string_view key) const {
  std::string seq;
  auto s = impl_->db->Get(impl_->ReadOpts(), impl_->cf(keys::kTieKeys), AsSlice(key), &seq);
  if (s.IsNotFound()) return Status::NotFound("no tie with key '" + std::string(key) + "'");
  if (!s.ok()) return FromRocks(s, "reading tie index");
  if (seq.size() != 8) return Status::Corruption("the tie key " + std::string(key) + " is damaged");
  return keys::ReadU64(seq.data());
}

Result<Tie> Snapshot::GetTieAt(uint64_t sequence) const {
  std::string v;
  auto s = impl_->db->Get(impl_->ReadOpts(), impl_->cf(keys::kTies), keys::TieSeqKey(sequence), &v);
  if (s.IsNotFound()) return Status::NotFound("no tie numbered " + std::to_string(sequence));
  if (!s.ok()) return FromRocks(s, "reading tie");
  Tie t;
  TIEGRAPH_RETURN_IF_ERROR(DecodeTie(v, &t));
  return t;
}

}  // namespace tiegraph
