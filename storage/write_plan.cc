#include "write_plan.h"

#include <algorithm>
#include <numeric>
#include <thread>
#include <unordered_set>

#include <tiegraph/text.h>

#include "digest_codec.h"
#include "record_codec.h"
#include "record_entries.h"

namespace tiegraph {
namespace {

// Indexes 0..n-1 ordered by key(i).
// Input often comes in key order already (T001, T002…), so check before sorting.
template <typename KeyFn>
std::vector<uint32_t> OrderBy(size_t n, KeyFn key) {
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  auto less = [&](uint32_t a, uint32_t b) { return key(a) < key(b); };
  if (!std::is_sorted(order.begin(), order.end(), less))
    std::sort(order.begin(), order.end(), less);
  return order;
}

}  // namespace

WritePlan::WritePlan(Inputs inputs) : in_(std::move(inputs)) {
  const Dataset& d = *in_.data;
  // The adjacency index: each tie from both ends (a self-loop once), sorted by
  // (node, other, sequence), its key order. Sorted on a second thread meanwhile the rest is.
  std::thread adjacency_sorter([this, &d]() { BuildAdjacency(d); });
  OrderTieKeys(d);
  institution_order_ = OrderBy(
      d.institutions.size(), [&d](uint32_t i) { return std::string_view(d.institutions[i].key); });
  event_order_ =
      OrderBy(d.events.size(), [&d](uint32_t i) { return std::string_view(d.events[i].key); });
  for (const Institution& inst : d.institutions) {
    for (const auto& n : NormalizedNames(inst)) name_keys_.push_back(keys::NameKey(n, inst.key));
  }
  std::sort(name_keys_.begin(), name_keys_.end());
  std::sort(in_.meta.begin(), in_.meta.end());
  adjacency_sorter.join();
}

namespace {

// Calls fn(k) for k in [0, n) in the lexicographic order of their decimal forms ("0", "1",
// "10", "100", …, "2", …): O(n), no comparisons.
template <typename Fn>
void ForEachInDecimalOrder(uint64_t n, Fn&& fn) {
  if (n == 0) return;
  fn(0);
  const uint64_t last = n - 1;
  uint64_t cur = 1;
  for (uint64_t emitted = 0; emitted < last; ++emitted) {
    fn(cur);
    if (cur <= last / 10) {
      cur *= 10;
    } else {
      if (cur >= last) cur /= 10;
      ++cur;
      while (cur % 10 == 0) cur /= 10;
    }
  }
}

}  // namespace

// Tie keys in byte order. Keys the store assigned ("#<sequence>") come out of a decimal-order
// walk instead of a comparison sort (a bulk import without keys has millions of them); the
// input's own keys are sorted; the two lists are merged.
void WritePlan::OrderTieKeys(const Dataset& d) {
  const uint64_t first = in_.first_tie_seq, n = d.ties.size();
  std::vector<uint32_t> given, assigned;
  for (uint32_t i = 0; i < n; ++i) {
    // Exactly "#" + the sequence: a suffixed key (".1") was assigned around a collision.
    const bool plain =
        d.ties[i].key.empty() && in_.tie_keys[i].size() == 1 + std::to_string(first + i).size();
    (plain ? assigned : given).push_back(i);
  }
  auto by_key = [this](uint32_t a, uint32_t b) { return in_.tie_keys[a] < in_.tie_keys[b]; };
  if (!std::is_sorted(given.begin(), given.end(), by_key))
    std::sort(given.begin(), given.end(), by_key);
  if (!assigned.empty()) {
    const uint64_t end = first + n;
    if (assigned.size() * 4 >= end) {
      std::vector<char> is_assigned(n, 0);
      for (uint32_t i : assigned) is_assigned[i] = 1;
      assigned.clear();
      ForEachInDecimalOrder(end, [&](uint64_t seq) {
        if (seq >= first && is_assigned[seq - first])
          assigned.push_back(static_cast<uint32_t>(seq - first));
      });
    } else {
      std::sort(assigned.begin(), assigned.end(), by_key);
    }
  }
  tie_key_order_.resize(n);
  std::merge(given.begin(), given.end(), assigned.begin(), assigned.end(), tie_key_order_.begin(),
             by_key);
}

// The adjacency index holds each tie at both ends (a self-loop once), in key order
// (institution key, other node id, sequence): institutions are ranked by key, entries
// counting-sorted by that rank, then each institution's few entries sorted by the other end.
void WritePlan::BuildAdjacency(const Dataset& d) {
  uint32_t max_node = 0;
  for (const auto& [a, b] : in_.ends) max_node = std::max({max_node, a, b});
  // The keys of the institutions the ties touch (new ones or ones already stored).
  std::vector<std::string_view> key_of(d.ties.empty() ? 0 : size_t{max_node} + 1);
  for (size_t i = 0; i < d.ties.size(); ++i) {
    key_of[in_.ends[i].first] = d.ties[i].source;
    key_of[in_.ends[i].second] = d.ties[i].target;
  }
  std::vector<uint32_t> by_key;
  for (uint32_t v = 0; v < key_of.size(); ++v) {
    if (!key_of[v].empty()) by_key.push_back(v);
  }
  std::sort(by_key.begin(), by_key.end(),
            [&](uint32_t a, uint32_t b) { return key_of[a] < key_of[b]; });
  std::vector<uint32_t> rank(key_of.size(), 0);
  for (uint32_t r = 0; r < by_key.size(); ++r) rank[by_key[r]] = r;

  std::vector<uint64_t> start(by_key.size() + 1, 0);
  for (const auto& [a, b] : in_.ends) {
    ++start[size_t{rank[a]} + 1];
    if (a != b) ++start[size_t{rank[b]} + 1];
  }
  for (size_t r = 1; r < start.size(); ++r) start[r] += start[r - 1];
  adjacency_.resize(start.back());
  std::vector<uint64_t> fill(start.begin(), start.end() - 1);
  for (size_t i = 0; i < d.ties.size(); ++i) {
    auto [a, b] = in_.ends[i];
    const uint64_t seq = in_.first_tie_seq + i;
    adjacency_[fill[rank[a]]++] = {a, b, seq};
    if (a != b) adjacency_[fill[rank[b]]++] = {b, a, seq};
  }
  // Within an institution, entries are in sequence order already; order them by the other end.
  for (size_t r = 0; r + 1 < start.size(); ++r) {
    std::stable_sort(
        adjacency_.begin() + static_cast<ptrdiff_t>(start[r]),
        adjacency_.begin() + static_cast<ptrdiff_t>(start[r + 1]),
        [](const AdjacencyEntry& x, const AdjacencyEntry& y) { return x.other < y.other; });
  }
}

size_t WritePlan::FirstDuplicateTieKey() const {
  size_t first = SIZE_MAX;
  for (size_t r = 1; r < tie_key_order_.size(); ++r) {
    uint32_t a = tie_key_order_[r - 1], b = tie_key_order_[r];
    if (in_.tie_keys[a] == in_.tie_keys[b]) first = std::min<size_t>(first, std::max(a, b));
  }
  return first;
}

size_t WritePlan::EntryCount(int family) const {
  const Dataset& d = *in_.data;
  switch (family) {
    case keys::kMeta:
      return in_.meta.size();
    case keys::kInstitutions:
    case keys::kNodeIds:
      return d.institutions.size();
    case keys::kNames:
      return name_keys_.size();
    case keys::kTies:
    case keys::kTieKeys:
      return d.ties.size();
    case keys::kAdjacency:
      return adjacency_.size();
    case keys::kEvents:
      return d.events.size();
    case keys::kDigests: {
      auto blocks = [](uint64_t first, size_t n) -> size_t {
        if (n == 0) return 0;
        return (first + n - 1) / digest::kDigestBlock - first / digest::kDigestBlock + 1;
      };
      return blocks(in_.first_node_id, d.institutions.size()) +
             blocks(in_.first_tie_seq, d.ties.size());
    }
  }
  return 0;
}

size_t WritePlan::EntryCount() const {
  size_t n = 0;
  for (int f = 0; f < keys::kFamilyCount; ++f) n += EntryCount(f);
  return n;
}

Status WritePlan::EmitTies(const EntryFn& fn) const {
  const auto& ties = in_.data->ties;
  std::string key, value;
  for (size_t i = 0; i < ties.size(); ++i) {
    key.clear();
    keys::AppendU64(&key, in_.first_tie_seq + i);
    EncodeTie(ties[i], in_.tie_keys[i], in_.ends[i].first, in_.ends[i].second, &value);
    TIEGRAPH_RETURN_IF_ERROR(fn(key, value));
  }
  return Status::OK();
}

Status WritePlan::EmitAdjacency(const EntryFn& fn) const {
  const auto& ties = in_.data->ties;
  std::string key, value;
  // Entries come in node order, so ties are visited at random: fetch a few entries ahead.
  constexpr size_t kAhead = 16;
  for (size_t k = 0; k < adjacency_.size(); ++k) {
    if (k + kAhead < adjacency_.size()) {
      const char* ahead =
          reinterpret_cast<const char*>(&ties[adjacency_[k + kAhead].seq - in_.first_tie_seq]);
      for (size_t line = 0; line < 192; line += 64) __builtin_prefetch(ahead + line);
    }
    const AdjacencyEntry& e = adjacency_[k];
    const size_t i = e.seq - in_.first_tie_seq;
    const Tie& t = ties[i];
    // The entry at the source's end (a self-loop has only that one) sees the target.
    const bool at_source = e.node == in_.ends[i].first;
    AdjacencyEntryOf(t, in_.tie_keys[i], e.seq, in_.ends[i].first, in_.ends[i].second, at_source,
                     &key, &value);
    TIEGRAPH_RETURN_IF_ERROR(fn(key, value));
  }
  return Status::OK();
}

// Node blocks ('n') sort before tie blocks ('t'); each block is emitted once it is full or
// its records end. The first block of each kind continues the stored tail.
Status WritePlan::EmitDigests(const EntryFn& fn) const {
  const Dataset& d = *in_.data;
  std::string block;
  auto emit_blocks = [&](char tag, uint64_t first, size_t n, const std::string& tail,
                         auto&& append) -> Status {
    block = tail;
    for (size_t i = 0; i < n; ++i) {
      append(i, &block);
      const uint64_t id = first + i;
      if ((id + 1) % digest::kDigestBlock == 0 || i + 1 == n) {
        TIEGRAPH_RETURN_IF_ERROR(fn(digest::BlockKey(tag, id / digest::kDigestBlock), block));
        block.clear();
      }
    }
    return Status::OK();
  };
  TIEGRAPH_RETURN_IF_ERROR(emit_blocks(
      digest::kNodeBlockTag, in_.first_node_id, d.institutions.size(), in_.node_digest_tail,
      [&](size_t i, std::string* b) { digest::AppendNode(d.institutions[i], b); }));
  return emit_blocks(digest::kTieBlockTag, in_.first_tie_seq, d.ties.size(), in_.tie_digest_tail,
                     [&](size_t i, std::string* b) {
                       digest::AppendTie(d.ties[i], in_.ends[i].first, in_.ends[i].second,
                                         in_.tie_type_ids[i], b);
                     });
}

Status WritePlan::Emit(int family, const EntryFn& fn) const {
  const Dataset& d = *in_.data;
  std::string key, value;
  switch (family) {
    case keys::kMeta:
      for (const auto& [k, v] : in_.meta) TIEGRAPH_RETURN_IF_ERROR(fn(k, v));
      return Status::OK();
    case keys::kInstitutions:
      for (uint32_t i : institution_order_) {
        EncodeInstitution(d.institutions[i], in_.first_node_id + i, &value);
        TIEGRAPH_RETURN_IF_ERROR(fn(d.institutions[i].key, value));
      }
      return Status::OK();
    case keys::kNodeIds:
      for (size_t i = 0; i < d.institutions.size(); ++i) {
        TIEGRAPH_RETURN_IF_ERROR(fn(keys::NodeIdKey(in_.first_node_id + static_cast<uint32_t>(i)),
                                    d.institutions[i].key));
      }
      return Status::OK();
    case keys::kNames:
      for (const auto& k : name_keys_) TIEGRAPH_RETURN_IF_ERROR(fn(k, ""));
      return Status::OK();
    case keys::kTies:
      return EmitTies(fn);
    case keys::kTieKeys:
      for (uint32_t i : tie_key_order_) {
        TIEGRAPH_RETURN_IF_ERROR(fn(in_.tie_keys[i], keys::TieSeqKey(in_.first_tie_seq + i)));
      }
      return Status::OK();
    case keys::kAdjacency:
      return EmitAdjacency(fn);
    case keys::kEvents:
      for (uint32_t i : event_order_) {
        EncodeEvent(d.events[i], &value);
        TIEGRAPH_RETURN_IF_ERROR(fn(d.events[i].key, value));
      }
      return Status::OK();
    case keys::kDigests:
      return EmitDigests(fn);
  }
  return Status::OK();
}

}  // namespace tiegraph
