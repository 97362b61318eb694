// Transaction: each changed record's old index entries are replaced by its new ones, computed
// by the same functions a write uses (record_entries.h), and its digest rewritten in place.
#include <tiegraph/transaction.h>

#include <algorithm>
#include <set>

#include "digest_codec.h"
#include "field_checks.h"
#include "record_codec.h"
#include "record_entries.h"
#include "store_impl.h"

namespace tiegraph {
namespace {

rocksdb::Slice AsSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

}  // namespace

struct Transaction::Impl {
  Store::Impl* store = nullptr;
  std::unique_lock<std::mutex> lock;
  std::map<std::string, Institution, std::less<>> institutions;  // changed, by key
  std::map<std::string, Tie, std::less<>> ties;                  // changed, by key
  bool committed = false;

  Status Get(int family, std::string_view key, std::string* value) const {
    auto s = store->db->Get(rocksdb::ReadOptions(), store->cf[family], AsSlice(key), value);
    if (s.IsNotFound()) return Status::NotFound(std::string(key));
    return FromRocks(s, std::string("reading ") + keys::FamilyName(family));
  }

  Result<std::pair<Institution, uint32_t>> StoredInstitution(std::string_view key) const {
    std::string v;
    Status s = Get(keys::kInstitutions, key, &v);
    if (s.IsNotFound())
      return Status::NotFound("no institution with key '" + std::string(key) + "'");
    TIEGRAPH_RETURN_IF_ERROR(s);
    std::pair<Institution, uint32_t> out;
    TIEGRAPH_RETURN_IF_ERROR(DecodeInstitution(v, &out.first, &out.second));
    return out;
  }

  Result<std::pair<Tie, uint64_t>> StoredTie(std::string_view key) const {
    std::string seq;
    Status s = Get(keys::kTieKeys, key, &seq);
    if (s.IsNotFound()) return Status::NotFound("no tie with key '" + std::string(key) + "'");
    TIEGRAPH_RETURN_IF_ERROR(s);
    if (seq.size() != 8)
      return Status::Corruption("the tie key " + std::string(key) + " is damaged");
    std::string v;
    TIEGRAPH_RETURN_IF_ERROR(Get(keys::kTies, seq, &v));
    std::pair<Tie, uint64_t> out;
    TIEGRAPH_RETURN_IF_ERROR(DecodeTie(v, &out.first));
    out.second = keys::ReadU64(seq.data());
    return out;
  }

  // Only the node id: the cheap read for a tie's ends.
  Result<uint32_t> StoredNodeId(std::string_view key) const {
    std::string v;
    TIEGRAPH_RETURN_IF_ERROR(Get(keys::kInstitutions, key, &v));
    uint32_t id = 0;
    TIEGRAPH_RETURN_IF_ERROR(DecodeInstitutionNodeId(v, &id));
    return id;
  }

  // The institution with node id `id` as the commit leaves it.
  Result<Institution> AfterCommit(uint32_t id) const {
    std::string key;
    TIEGRAPH_RETURN_IF_ERROR(Get(keys::kNodeIds, keys::NodeIdKey(id), &key));
    if (auto it = institutions.find(key); it != institutions.end()) return it->second;
    auto stored = StoredInstitution(key);
    if (!stored.ok()) return stored.status();
    return stored->first;
  }

  Status Stage(rocksdb::WriteBatch* batch) const;
};

Transaction::Transaction(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Transaction::~Transaction() = default;

Result<std::unique_ptr<Transaction>> Transaction::Begin(Store* store) {
  Store::Impl* s = store->impl_.get();
  if (s->read_only) return Status::NotSupported("the database was opened read-only");
  auto impl = std::make_unique<Impl>();
  impl->store = s;
  impl->lock = std::unique_lock<std::mutex>(s->write_mu);
  return std::unique_ptr<Transaction>(new Transaction(std::move(impl)));
}

Result<Institution> Transaction::GetInstitution(std::string_view key) const {
  if (auto it = impl_->institutions.find(key); it != impl_->institutions.end()) return it->second;
  auto stored = impl_->StoredInstitution(key);
  if (!stored.ok()) return stored.status();
  return stored->first;
}

Result<Tie> Transaction::GetTie(std::string_view key) const {
  if (auto it = impl_->ties.find(key); it != impl_->ties.end()) return it->second;
  auto stored = impl_->StoredTie(key);
  if (!stored.ok()) return stored.status();
  return stored->first;
}

Status Transaction::PutInstitution(const Institution& in) {
  if (impl_->committed) return Status::InvalidArgument("the transaction has been committed");
  auto stored = impl_->StoredInstitution(in.key);
  if (!stored.ok()) return stored.status();
  if (auto bad = CheckInstitutionFields(in))
    return Status::InvalidArgument(in.key + ": " + bad->field + " " + bad->message);
  if (!in.parent.empty()) {
    auto parent = GetInstitution(in.parent);
    if (!parent.ok())
      return Status::InvalidArgument(in.key + ": parent: unknown institution '" + in.parent + "'");
    // A parent may not be one of the institution's own parts: the chain must end.
    std::string up = parent->parent;
    for (size_t hops = 0; !up.empty() && hops < 10000; ++hops) {
      if (up == in.key)
        return Status::InvalidArgument(in.key + ": parent: " + in.parent + " is part of " + in.key +
                                       " (a cycle)");
      auto next = GetInstitution(up);
      if (!next.ok()) break;
      up = next->parent;
    }
  }
  impl_->institutions[in.key] = in;
  return Status::OK();
}

Status Transaction::PutTie(const Tie& tie) {
  if (impl_->committed) return Status::InvalidArgument("the transaction has been committed");
  auto stored = impl_->StoredTie(tie.key);
  if (!stored.ok()) return stored.status();
  if (tie.source != stored->first.source || tie.target != stored->first.target)
    return Status::InvalidArgument(tie.key + ": the ends of a tie cannot change here");
  if (auto bad = CheckTieFields(tie))
    return Status::InvalidArgument(tie.key + ": " + bad->field + " " + bad->message);
  if (!tie.event.empty()) {
    std::string v;
    Status s = impl_->Get(keys::kEvents, tie.event, &v);
    if (s.IsNotFound())
      return Status::InvalidArgument(tie.key + ": event: unknown event '" + tie.event + "'");
    TIEGRAPH_RETURN_IF_ERROR(s);
  }
  impl_->ties[tie.key] = tie;
  return Status::OK();
}

Status Transaction::Impl::Stage(rocksdb::WriteBatch* batch) const {
  auto cf = [&](int family) { return store->cf[family]; };
  std::set<uint64_t> node_blocks;
  for (const auto& [key, in] : institutions) {
    auto old = StoredInstitution(key);
    if (!old.ok()) return old.status();
    const std::vector<std::string> before = NormalizedNames(old->first),
                                   after = NormalizedNames(in);
    for (const auto& n : before) {
      if (std::find(after.begin(), after.end(), n) == after.end())
        batch->Delete(cf(keys::kNames), keys::NameKey(n, key));
    }
    for (const auto& n : after) {
      if (std::find(before.begin(), before.end(), n) == before.end())
        batch->Put(cf(keys::kNames), keys::NameKey(n, key), "");
    }
    std::string bytes;
    EncodeInstitution(in, old->second, &bytes);
    batch->Put(cf(keys::kInstitutions), key, bytes);
    node_blocks.insert(old->second / digest::kDigestBlock);
  }
  // A node block holds variable-length digests: rewritten whole from the records.
  std::string next;
  TIEGRAPH_RETURN_IF_ERROR(Get(keys::kMeta, keys::kNextNodeIdKey, &next));
  const uint64_t next_node = next.size() == 8 ? keys::ReadU64(next.data()) : 0;
  for (uint64_t b : node_blocks) {
    std::string block;
    const uint64_t end = std::min(next_node, (b + 1) * digest::kDigestBlock);
    for (uint64_t id = b * digest::kDigestBlock; id < end; ++id) {
      auto in = AfterCommit(static_cast<uint32_t>(id));
      if (!in.ok()) return in.status();
      digest::AppendNode(*in, &block);
    }
    batch->Put(cf(keys::kDigests), digest::BlockKey(digest::kNodeBlockTag, b), block);
  }

  // Ties: the record, both adjacency entries (same keys: ends and sequence stay), the digest.
  std::string type_bytes;
  Status st = Get(keys::kMeta, keys::kTieTypesKey, &type_bytes);
  if (!st.ok() && !st.IsNotFound()) return st;
  std::vector<std::string> types;
  if (st.ok() && !digest::DecodeTypes(type_bytes, &types))
    return Status::Corruption("the tie-type dictionary is damaged");
  const size_t known_types = types.size();
  std::map<uint64_t, std::string> tie_blocks;
  for (const auto& [key, tie] : ties) {
    auto old = StoredTie(key);
    if (!old.ok()) return old.status();
    const uint64_t seq = old->second;
    auto source = StoredNodeId(tie.source), target = StoredNodeId(tie.target);
    if (!source.ok()) return source.status();
    if (!target.ok()) return target.status();
    const uint32_t sid = *source, tid = *target;
    std::string entry_key, value;
    for (bool at_source : {true, false}) {
      if (!at_source && tie.source == tie.target) break;
      AdjacencyEntryOf(tie, key, seq, sid, tid, at_source, &entry_key, &value);
      batch->Put(cf(keys::kAdjacency), entry_key, value);
    }
    std::string bytes;
    EncodeTie(tie, key, sid, tid, &bytes);
    batch->Put(cf(keys::kTies), keys::TieSeqKey(seq), bytes);
    auto type = std::find(types.begin(), types.end(), tie.type);
    if (type == types.end()) {
      if (types.size() >= 65535) return Status::InvalidArgument("more than 65535 tie types");
      types.push_back(tie.type);
      type = types.end() - 1;
    }
    const uint64_t b = seq / digest::kDigestBlock;
    auto block = tie_blocks.find(b);
    if (block == tie_blocks.end()) {
      std::string stored;
      TIEGRAPH_RETURN_IF_ERROR(
          Get(keys::kDigests, digest::BlockKey(digest::kTieBlockTag, b), &stored));
      block = tie_blocks.emplace(b, std::move(stored)).first;
    }
    const size_t at = (seq % digest::kDigestBlock) * digest::kTieDigestSize;
    if (block->second.size() < at + digest::kTieDigestSize)
      return Status::Corruption("the digest of tie " + key + " is missing");
    std::string digest_bytes;
    digest::AppendTie(tie, sid, tid, static_cast<uint16_t>(type - types.begin()), &digest_bytes);
    block->second.replace(at, digest::kTieDigestSize, digest_bytes);
  }
  for (const auto& [b, bytes] : tie_blocks)
    batch->Put(cf(keys::kDigests), digest::BlockKey(digest::kTieBlockTag, b), bytes);
  if (types.size() != known_types)
    batch->Put(cf(keys::kMeta), keys::kTieTypesKey, digest::EncodeTypes(types));
  return Status::OK();
}

Status Transaction::Commit() {
  if (impl_->committed) return Status::InvalidArgument("the transaction has been committed");
  rocksdb::WriteBatch batch;
  TIEGRAPH_RETURN_IF_ERROR(impl_->Stage(&batch));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  TIEGRAPH_RETURN_IF_ERROR(FromRocks(impl_->store->db->Write(wo, &batch), "committing"));
  impl_->committed = true;
  impl_->lock.unlock();
  return Status::OK();
}

}  // namespace tiegraph
