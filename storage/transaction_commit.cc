// Transaction::Commit: references checked on the state after, then each changed record's old
// index entries replaced by its new ones (computed by record_entries.h, as a write computes
// them), digests patched in place (a tombstone for a deleted record), counters moved, and the
// history entry added, all in one synced WriteBatch.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "digest_codec.h"
#include "history_codec.h"
#include "key_format.h"
#include "record_codec.h"
#include "record_entries.h"
#include "tie_type_store.h"
#include "transaction_impl.h"

namespace tiegraph {
namespace {

rocksdb::Slice AsSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

std::string Counter(uint64_t v) {
  std::string out;
  keys::AppendU64(&out, v);
  return out;
}

}  // namespace

Status Transaction::Impl::Validate() const {
  for (const auto& [key, c] : nodes) {
    if (!c.after) {
      // Nothing may still refer to a deleted institution.
      auto ties = TiesAt(key);
      auto parts = PartsOf(key);
      auto with = EventsWith(key);
      if (!ties.ok()) return ties.status();
      if (!parts.ok()) return parts.status();
      if (!with.ok()) return with.status();
      if (!ties->empty())
        return Status::InvalidArgument("cannot delete " + key + ": tie " + (*ties)[0].key +
                                       " refers to it");
      if (!parts->empty())
        return Status::InvalidArgument("cannot delete " + key + ": " + (*parts)[0].key +
                                       " is part of it");
      if (!with->empty())
        return Status::InvalidArgument("cannot delete " + key + ": event " + (*with)[0].key +
                                       " names it");
      continue;
    }
    const std::string& parent = c.after->parent;
    if (parent.empty()) continue;
    // The parent exists, and the chain above it ends without coming back.
    std::string up = parent;
    for (size_t hops = 0; !up.empty(); ++hops) {
      auto next = Institution_(up);
      if (!next.ok()) return next.status();
      if (!*next)
        return Status::InvalidArgument(key + ": parent: unknown institution '" + up + "'");
      if (up == key || hops > 100000)
        return Status::InvalidArgument(key + ": parent: " + parent + " is part of " + key +
                                       " (a cycle)");
      up = (*next)->parent;
    }
  }
  for (const auto& [key, c] : events) {
    if (!c.after) {
      auto ties = TiesInEvent(key);
      if (!ties.ok()) return ties.status();
      if (!ties->empty())
        return Status::InvalidArgument("cannot delete event " + key + ": tie " + (*ties)[0].key +
                                       " belongs to it");
      continue;
    }
    for (const Participant& p : c.after->participants) {
      auto in = Institution_(p.institution);
      if (!in.ok()) return in.status();
      if (!*in)
        return Status::InvalidArgument("event " + key + ": participants: unknown institution '" +
                                       p.institution + "'");
    }
  }
  for (const auto& [key, c] : ties) {
    if (!c.after) continue;
    for (const std::string* end : {&c.after->source, &c.after->target}) {
      auto in = Institution_(*end);
      if (!in.ok()) return in.status();
      if (!*in)
        return Status::InvalidArgument("tie " + key + ": unknown institution '" + *end + "'");
    }
    if (!c.after->event.empty()) {
      auto ev = Event_(c.after->event);
      if (!ev.ok()) return ev.status();
      if (!*ev)
        return Status::InvalidArgument("tie " + key + ": event: unknown event '" + c.after->event +
                                       "'");
    }
  }
  return Status::OK();
}

Status Transaction::Impl::Stage(uint64_t id, const CommitInfo& info, rocksdb::WriteBatch* batch,
                                bool* changed) const {
  auto cf = [&](int family) { return store->cf[family]; };
  auto counts = snap->GetCounts();
  if (!counts.ok()) return counts.status();
  Counts after = *counts;
  after.next_node_id = next_node;
  after.next_tie_seq = next_seq;
  std::vector<std::string> history;  // encoded changes, in order

  // Institutions: names by difference, the record, the node id entry; the digest slots of
  // the ids touched are set below.
  std::map<uint32_t, const Institution*> slot;  // node id -> its institution after, or null
  std::vector<std::string> node_id_puts;
  for (const auto& [key, c] : nodes) {
    std::string before_bytes;
    Institution before;
    uint32_t before_id = 0;
    if (c.stored) {
      TIEGRAPH_RETURN_IF_ERROR(Get(keys::kInstitutions, key, &before_bytes));
      TIEGRAPH_RETURN_IF_ERROR(DecodeInstitution(before_bytes, &before, &before_id));
    }
    std::string after_bytes;
    if (c.after) EncodeInstitution(*c.after, c.id, &after_bytes);
    if (before_bytes == after_bytes) continue;
    const std::vector<std::string> old_names = c.stored ? NormalizedNames(before)
                                                        : std::vector<std::string>{},
                                   new_names = c.after ? NormalizedNames(*c.after)
                                                       : std::vector<std::string>{};
    for (const auto& n : old_names) {
      if (std::find(new_names.begin(), new_names.end(), n) == new_names.end())
        batch->Delete(cf(keys::kNames), keys::NameKey(n, key));
    }
    for (const auto& n : new_names) {
      if (std::find(old_names.begin(), old_names.end(), n) == old_names.end())
        batch->Put(cf(keys::kNames), keys::NameKey(n, key), "");
    }
    if (c.after) {
      batch->Put(cf(keys::kInstitutions), key, after_bytes);
      node_id_puts.push_back(key);
      slot[c.id] = &*c.after;
    } else {
      batch->Delete(cf(keys::kInstitutions), key);
    }
    if (c.stored) {
      batch->Delete(cf(keys::kNodeIds), keys::NodeIdKey(before_id));
      slot.emplace(before_id, nullptr);  // unless a record took the id (a rename)
    } else if (!c.after) {
      slot.emplace(c.id, nullptr);
    }
    if (c.stored && !c.after) --after.institutions;
    if (!c.stored && c.after) ++after.institutions;
    history.push_back(history::EncodeChange(
        RecordKind::kInstitution, key, c.stored ? before_id : c.id, before_bytes, after_bytes));
  }
  for (const auto& key : node_id_puts)  // after the deletes: a rename keeps the id
    batch->Put(cf(keys::kNodeIds), keys::NodeIdKey(nodes.find(key)->second.id), key);
  // Ids handed out and then not used (created and deleted here) hold tombstones too.
  for (uint64_t n = counts->next_node_id; n < next_node; ++n)
    slot.emplace(static_cast<uint32_t>(n), nullptr);

  // Node digests: each block touched is cut into its slots, the changed ones replaced.
  for (auto it = slot.begin(); it != slot.end();) {
    const uint64_t b = it->first / digest::kDigestBlock;
    std::string stored;
    Status s = Get(keys::kDigests, digest::BlockKey(digest::kNodeBlockTag, b), &stored);
    if (!s.ok() && !s.IsNotFound()) return s;
    std::vector<std::string_view> slots;
    InstitutionSummary unused;
    for (size_t pos = 0; pos < stored.size();) {
      const size_t start = pos;
      if (!digest::ReadNode(stored, &pos, &unused))
        return Status::Corruption("an institution digest is damaged");
      slots.push_back(std::string_view(stored).substr(start, pos - start));
    }
    const uint64_t base = b * digest::kDigestBlock;
    const uint64_t end = std::min<uint64_t>(next_node, base + digest::kDigestBlock);
    std::string block;
    for (uint64_t n = base; n < end; ++n) {
      auto change = slot.find(static_cast<uint32_t>(n));
      if (change != slot.end() && change->second) {
        digest::AppendNode(*change->second, &block);
      } else if (change != slot.end()) {
        digest::AppendNodeTombstone(&block);
      } else if (n - base < slots.size()) {
        block.append(slots[n - base]);
      } else {
        return Status::Corruption("node id " + std::to_string(n) + " has no digest");
      }
    }
    batch->Put(cf(keys::kDigests), digest::BlockKey(digest::kNodeBlockTag, b), block);
    while (it != slot.end() && it->first / digest::kDigestBlock == b) ++it;
  }

  // Events: the record alone.
  for (const auto& [key, c] : events) {
    std::string before_bytes, after_bytes;
    if (c.stored) TIEGRAPH_RETURN_IF_ERROR(Get(keys::kEvents, key, &before_bytes));
    if (c.after) EncodeEvent(*c.after, &after_bytes);
    if (before_bytes == after_bytes) continue;
    if (c.after) {
      batch->Put(cf(keys::kEvents), key, after_bytes);
    } else {
      batch->Delete(cf(keys::kEvents), key);
    }
    if (c.stored && !c.after) --after.events;
    if (!c.stored && c.after) ++after.events;
    history.push_back(history::EncodeChange(RecordKind::kEvent, key, 0, before_bytes, after_bytes));
  }

  // Ties: adjacency at both ends (removed at the old ends, added at the new), the record, the
  // key entry, the digest slot.
  std::string type_bytes;
  Status st = Get(keys::kMeta, keys::kTieTypesKey, &type_bytes);
  if (!st.ok() && !st.IsNotFound()) return st;
  std::vector<std::string> types;
  if (st.ok() && !digest::DecodeTypes(type_bytes, &types))
    return Status::Corruption("the tie-type dictionary is damaged");
  const size_t known_types = types.size();
  std::map<uint64_t, std::string> tie_slot;  // sequence -> its digest after
  std::string entry_key, value;
  for (const auto& [key, c] : ties) {
    std::string before_bytes, after_bytes;
    Tie before;
    if (c.stored) {
      TIEGRAPH_RETURN_IF_ERROR(Get(keys::kTies, keys::TieSeqKey(c.seq), &before_bytes));
      TIEGRAPH_RETURN_IF_ERROR(DecodeTie(before_bytes, &before));
    }
    uint32_t sid = 0, tid = 0;
    if (c.after) {
      auto source = NodeIdAfter(c.after->source), target = NodeIdAfter(c.after->target);
      if (!source.ok()) return source.status();
      if (!target.ok()) return target.status();
      sid = *source;
      tid = *target;
      EncodeTie(*c.after, key, sid, tid, &after_bytes);
    }
    if (before_bytes == after_bytes) continue;
    if (c.stored) {
      // The stored ends' ids, as the stored adjacency keys hold them.
      auto source = StoredNodeId(before.source), target = StoredNodeId(before.target);
      if (!source.ok()) return source.status();
      if (!target.ok()) return target.status();
      for (bool at_source : {true, false}) {
        if (!at_source && before.source == before.target) break;
        AdjacencyEntryOf(before, key, c.seq, *source, *target, at_source, &entry_key, &value);
        batch->Delete(cf(keys::kAdjacency), entry_key);
      }
    }
    std::string digest_bytes;
    if (c.after) {
      for (bool at_source : {true, false}) {
        if (!at_source && c.after->source == c.after->target) break;
        AdjacencyEntryOf(*c.after, key, c.seq, sid, tid, at_source, &entry_key, &value);
        batch->Put(cf(keys::kAdjacency), entry_key, value);
      }
      batch->Put(cf(keys::kTies), keys::TieSeqKey(c.seq), after_bytes);
      if (!c.stored) batch->Put(cf(keys::kTieKeys), key, keys::TieSeqKey(c.seq));
      auto type = std::find(types.begin(), types.end(), c.after->type);
      if (type == types.end()) {
        if (types.size() >= 65535) return Status::InvalidArgument("more than 65535 tie types");
        types.push_back(c.after->type);
        type = types.end() - 1;
      }
      digest::AppendTie(*c.after, sid, tid, static_cast<uint16_t>(type - types.begin()),
                        &digest_bytes);
    } else {
      batch->Delete(cf(keys::kTies), keys::TieSeqKey(c.seq));
      batch->Delete(cf(keys::kTieKeys), key);
      digest::AppendTieTombstone(&digest_bytes);
    }
    tie_slot[c.seq] = std::move(digest_bytes);
    if (c.stored && !c.after) --after.ties;
    if (!c.stored && c.after) ++after.ties;
    history.push_back(
        history::EncodeChange(RecordKind::kTie, key, c.seq, before_bytes, after_bytes));
  }
  for (uint64_t n = counts->next_tie_seq; n < next_seq; ++n) {
    if (!tie_slot.count(n)) digest::AppendTieTombstone(&tie_slot[n]);
  }
  for (auto it = tie_slot.begin(); it != tie_slot.end();) {
    const uint64_t b = it->first / digest::kDigestBlock;
    std::string block;
    Status s = Get(keys::kDigests, digest::BlockKey(digest::kTieBlockTag, b), &block);
    if (!s.ok() && !s.IsNotFound()) return s;
    for (; it != tie_slot.end() && it->first / digest::kDigestBlock == b; ++it) {
      const size_t at = (it->first % digest::kDigestBlock) * digest::kTieDigestSize;
      if (block.size() < at) return Status::Corruption("a tie digest block is short");
      block.replace(at, std::min(block.size() - at, digest::kTieDigestSize), it->second);
    }
    batch->Put(cf(keys::kDigests), digest::BlockKey(digest::kTieBlockTag, b), block);
  }
  if (types.size() != known_types)
    batch->Put(cf(keys::kMeta), keys::kTieTypesKey, digest::EncodeTypes(types));
  if (aliases_changed)
    batch->Put(cf(keys::kMeta), keys::kTieTypeAliasesKey, EncodeTieTypeAliases(vocabulary));

  *changed = !history.empty() || aliases_changed || next_node != counts->next_node_id ||
             next_seq != counts->next_tie_seq;
  if (!*changed) return Status::OK();
  const std::pair<std::string_view, uint64_t> counters[] = {
      {keys::kInstitutionCountKey, after.institutions},
      {keys::kTieCountKey, after.ties},
      {keys::kEventCountKey, after.events},
      {keys::kNextNodeIdKey, after.next_node_id},
      {keys::kNextTieSeqKey, after.next_tie_seq},
      {history::kNextCommitKey, id + 1}};
  for (const auto& [k, v] : counters) batch->Put(cf(keys::kMeta), AsSlice(k), Counter(v));

  // The history entry: its header, its changes, and each record's index entry.
  HistoryEntry header;
  header.id = id;
  header.time = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  header.info = info;
  header.change_count = history.size();
  batch->Put(cf(keys::kMeta), history::HeaderKey(id), history::EncodeHeader(header));
  for (uint32_t i = 0; i < history.size(); ++i) {
    batch->Put(cf(keys::kMeta), history::ChangeKey(id, i), history[i]);
    RecordChange c;
    TIEGRAPH_RETURN_IF_ERROR(history::DecodeChange(history[i], &c));
    std::string index;
    keys::AppendU32(&index, i);
    batch->Put(cf(keys::kMeta), history::KeyIndexKey(c.kind, c.key, id), index);
  }
  return Status::OK();
}

Result<uint64_t> Transaction::Commit(const CommitInfo& info) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  TIEGRAPH_RETURN_IF_ERROR(impl_->Validate());
  auto id = NextCommitNumber(impl_->store);
  if (!id.ok()) return id.status();
  rocksdb::WriteBatch batch;
  bool changed = false;
  TIEGRAPH_RETURN_IF_ERROR(impl_->Stage(*id, info, &batch, &changed));
  const size_t fail_after = impl_->options.fail_after_entries;
  if (fail_after && static_cast<size_t>(batch.Count()) >= fail_after)
    return Status::IOError("injected failure after " + std::to_string(fail_after) + " entries");
  if (changed) {
    rocksdb::WriteOptions wo;
    wo.sync = impl_->store->options.sync_commits;
    TIEGRAPH_RETURN_IF_ERROR(FromRocks(impl_->store->db->Write(wo, &batch), "committing"));
  }
  impl_->committed = true;
  impl_->lock.unlock();
  return changed ? *id : uint64_t{0};
}

}  // namespace tiegraph
