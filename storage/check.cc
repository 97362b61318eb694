// Snapshot::Check: recomputes every index entry from the records (record_entries.h, the same
// functions writes use) and compares family by family, in key order.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "digest_codec.h"
#include "record_codec.h"
#include "record_entries.h"
#include "store_impl.h"

namespace tiegraph {
namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// Printable form of a key for a report line: bytes below 0x20 as \xNN.
std::string Show(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    if (c < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

class Checker {
 public:
  Checker(const Snapshot::Impl& snap, size_t limit) : snap_(snap), limit_(limit) {}

  void Problem(std::string line) {
    if (report_.problems.size() < limit_) {
      report_.problems.push_back(std::move(line));
    } else {
      ++report_.more_problems;
    }
  }

  // Compares the family's entries with `expected` (sorted here), reporting missing, extra
  // and differing entries.
  Status Compare(int family, Entries expected) {
    std::sort(expected.begin(), expected.end());
    const std::string name = keys::FamilyName(family);
    for (size_t i = 1; i < expected.size(); ++i) {
      if (expected[i].first == expected[i - 1].first)
        Problem(name + ": two records imply the entry " + Show(expected[i].first));
    }
    std::unique_ptr<rocksdb::Iterator> it(
        snap_.db->NewIterator(snap_.ReadOpts(), snap_.cf(family)));
    size_t e = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const std::string_view key(it->key().data(), it->key().size());
      const std::string_view value(it->value().data(), it->value().size());
      while (e < expected.size() && expected[e].first < key) {
        Problem(name + ": missing entry " + Show(expected[e].first));
        ++e;
      }
      if (e < expected.size() && expected[e].first == key) {
        if (expected[e].second != value) Problem(name + ": wrong value at " + Show(key));
        ++e;
      } else {
        Problem(name + ": entry no record implies: " + Show(key));
      }
    }
    for (; e < expected.size(); ++e) Problem(name + ": missing entry " + Show(expected[e].first));
    return FromRocks(it->status(), "checking " + name);
  }

  Result<std::string> Meta(std::string_view key, bool* found) {
    std::string v;
    auto s = snap_.db->Get(snap_.ReadOpts(), snap_.cf(keys::kMeta),
                           rocksdb::Slice(key.data(), key.size()), &v);
    *found = s.ok();
    if (s.IsNotFound()) return std::string();
    if (!s.ok()) return FromRocks(s, "reading " + std::string(key));
    return v;
  }

  Result<uint64_t> Counter(std::string_view key) {
    bool found = false;
    auto v = Meta(key, &found);
    if (!v.ok()) return v.status();
    if (!found) return uint64_t{0};
    if (v->size() != 8) {
      Problem("counter " + std::string(key) + " is not 8 bytes");
      return uint64_t{0};
    }
    return keys::ReadU64(v->data());
  }

  Result<CheckReport> Run() {
    // Institutions, in key order, with their node ids.
    std::unordered_map<std::string, uint32_t> id_of;
    std::vector<Institution> institutions;
    std::vector<uint32_t> ids;
    TIEGRAPH_RETURN_IF_ERROR(Scan(keys::kInstitutions, [&](std::string_view k, std::string_view v) {
      Institution in;
      uint32_t id = 0;
      TIEGRAPH_RETURN_IF_ERROR(DecodeInstitution(v, &in, &id));
      if (in.key != k) Problem("institutions: the record at " + Show(k) + " has key " + in.key);
      if (!id_of.emplace(in.key, id).second) Problem("institutions: key twice: " + in.key);
      institutions.push_back(std::move(in));
      ids.push_back(id);
      return Status::OK();
    }));
    report_.records.institutions = institutions.size();
    Entries node_ids, names;
    std::map<uint32_t, std::string> node_digest;  // node id -> its digest bytes
    for (size_t i = 0; i < institutions.size(); ++i) {
      const Institution& in = institutions[i];
      node_ids.emplace_back(keys::NodeIdKey(ids[i]), in.key);
      for (const auto& n : NormalizedNames(in)) names.emplace_back(keys::NameKey(n, in.key), "");
      std::string d;
      digest::AppendNode(in, &d);
      if (!node_digest.emplace(ids[i], std::move(d)).second)
        Problem("institutions: node id " + std::to_string(ids[i]) + " twice");
      if (!in.parent.empty() && !id_of.count(in.parent))
        Problem("institution " + in.key + ": parent " + in.parent + " is not stored");
    }
    TIEGRAPH_RETURN_IF_ERROR(Compare(keys::kNodeIds, std::move(node_ids)));
    TIEGRAPH_RETURN_IF_ERROR(Compare(keys::kNames, std::move(names)));

    // The tie-type dictionary.
    bool found = false;
    auto type_bytes = Meta(keys::kTieTypesKey, &found);
    if (!type_bytes.ok()) return type_bytes.status();
    std::vector<std::string> types;
    if (found && !digest::DecodeTypes(*type_bytes, &types))
      Problem("the tie-type dictionary is damaged");
    std::unordered_map<std::string, uint16_t> type_id;
    for (size_t i = 0; i < types.size(); ++i) type_id.emplace(types[i], static_cast<uint16_t>(i));

    // Ties.
    std::set<std::string> event_keys;
    TIEGRAPH_RETURN_IF_ERROR(Scan(keys::kEvents, [&](std::string_view k, std::string_view) {
      event_keys.emplace(k);
      return Status::OK();
    }));
    Entries tie_keys, adjacency;
    std::map<uint64_t, std::string> tie_digest;
    uint64_t last_seq = 0;
    std::string key, value;
    TIEGRAPH_RETURN_IF_ERROR(Scan(keys::kTies, [&](std::string_view k, std::string_view v) {
      if (k.size() != 8) {
        Problem("ties: a key of " + std::to_string(k.size()) + " bytes");
        return Status::OK();
      }
      const uint64_t seq = keys::ReadU64(k.data());
      last_seq = std::max(last_seq, seq + 1);
      Tie t;
      TIEGRAPH_RETURN_IF_ERROR(DecodeTie(v, &t));
      ++report_.records.ties;
      tie_keys.emplace_back(t.key, keys::TieSeqKey(seq));
      auto s = id_of.find(t.source), d = id_of.find(t.target);
      if (s == id_of.end() || d == id_of.end()) {
        Problem("tie " + t.key + ": an end is not stored (" + t.source + ", " + t.target + ")");
        return Status::OK();
      }
      if (!t.event.empty() && !event_keys.count(t.event))
        Problem("tie " + t.key + ": event " + t.event + " is not stored");
      for (bool at_source : {true, false}) {
        if (!at_source && t.source == t.target) break;  // a self-loop has one entry
        AdjacencyEntryOf(t, t.key, seq, s->second, d->second, at_source, &key, &value);
        adjacency.emplace_back(key, value);
      }
      auto type = type_id.find(t.type);
      if (type == type_id.end()) {
        Problem("tie " + t.key + ": type " + t.type + " is not in the dictionary");
        return Status::OK();
      }
      std::string bytes;
      digest::AppendTie(t, s->second, d->second, type->second, &bytes);
      tie_digest.emplace(seq, std::move(bytes));
      return Status::OK();
    }));
    TIEGRAPH_RETURN_IF_ERROR(Compare(keys::kTieKeys, std::move(tie_keys)));
    TIEGRAPH_RETURN_IF_ERROR(Compare(keys::kAdjacency, std::move(adjacency)));

    // Events: participants stored.
    TIEGRAPH_RETURN_IF_ERROR(Scan(keys::kEvents, [&](std::string_view, std::string_view v) {
      Event ev;
      TIEGRAPH_RETURN_IF_ERROR(DecodeEvent(v, &ev));
      ++report_.records.events;
      for (const Participant& p : ev.participants) {
        if (!id_of.count(p.institution))
          Problem("event " + ev.key + ": participant " + p.institution + " is not stored");
      }
      return Status::OK();
    }));

    // Digests: blocks of consecutive ids and sequences, each the records' digests in order,
    // with a tombstone where a record was deleted.
    auto counter = [&](std::string_view k) { return Counter(k); };
    auto next_node = counter(keys::kNextNodeIdKey), next_seq = counter(keys::kNextTieSeqKey);
    if (!next_node.ok()) return next_node.status();
    if (!next_seq.ok()) return next_seq.status();
    Entries digests;
    auto blocks = [&](char tag, const auto& by_id, uint64_t end) {
      std::string block;
      for (uint64_t id = 0; id < end; ++id) {
        auto it = by_id.find(id);
        if (it != by_id.end()) {
          block += it->second;
        } else if (tag == digest::kNodeBlockTag) {
          digest::AppendNodeTombstone(&block);
        } else {
          digest::AppendTieTombstone(&block);
        }
        if ((id + 1) % digest::kDigestBlock == 0 || id + 1 == end) {
          digests.emplace_back(digest::BlockKey(tag, id / digest::kDigestBlock), block);
          block.clear();
        }
      }
    };
    blocks(digest::kNodeBlockTag, node_digest, *next_node);
    blocks(digest::kTieBlockTag, tie_digest, *next_seq);
    TIEGRAPH_RETURN_IF_ERROR(Compare(keys::kDigests, std::move(digests)));

    // Counters.
    const std::pair<std::string_view, uint64_t> counts[] = {
        {keys::kInstitutionCountKey, report_.records.institutions},
        {keys::kTieCountKey, report_.records.ties},
        {keys::kEventCountKey, report_.records.events}};
    for (const auto& [k, n] : counts) {
      auto stored = Counter(k);
      if (!stored.ok()) return stored.status();
      if (*stored != n)
        Problem("counter " + std::string(k) + " is " + std::to_string(*stored) + ", records " +
                std::to_string(n));
    }
    uint64_t last_node = 0;
    for (uint32_t id : ids) last_node = std::max<uint64_t>(last_node, id + 1ull);
    if (*next_node < last_node) Problem("next_node_id is below a stored node id");
    if (*next_seq < last_seq) Problem("next_tie_seq is below a stored tie sequence");
    return report_;
  }

 private:
  template <typename Fn>
  Status Scan(int family, Fn&& fn) {
    rocksdb::ReadOptions ro = snap_.ReadOpts();
    ro.fill_cache = false;
    std::unique_ptr<rocksdb::Iterator> it(snap_.db->NewIterator(ro, snap_.cf(family)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      TIEGRAPH_RETURN_IF_ERROR(fn(std::string_view(it->key().data(), it->key().size()),
                                  std::string_view(it->value().data(), it->value().size())));
    }
    return FromRocks(it->status(), std::string("reading ") + keys::FamilyName(family));
  }

  const Snapshot::Impl& snap_;
  size_t limit_;
  CheckReport report_;
};

}  // namespace

Result<CheckReport> Snapshot::Check(size_t limit) const { return Checker(*impl_, limit).Run(); }

}  // namespace tiegraph
