// WritePlan: every key-value entry a validated Write adds, per column family, produced in key
// order on demand. Nothing is staged in memory as key-value pairs: records are encoded while
// they are written, so a bulk import holds the dataset once, not twice.
#ifndef TIEGRAPH_STORAGE_WRITE_PLAN_H_
#define TIEGRAPH_STORAGE_WRITE_PLAN_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tiegraph/model.h>
#include <tiegraph/status.h>

#include "key_format.h"

namespace tiegraph {

using EntryFn = std::function<Status(std::string_view key, std::string_view value)>;

class WritePlan {
 public:
  struct Inputs {
    const Dataset* data = nullptr;
    uint32_t first_node_id = 0;                             // institutions get consecutive ids
    uint64_t first_tie_seq = 0;                             // ties get consecutive sequences
    std::vector<std::pair<uint32_t, uint32_t>> ends;        // per tie: source and target node ids
    std::vector<std::string_view> tie_keys;                 // per tie: its final key
    std::vector<std::pair<std::string, std::string>> meta;  // counter updates
    std::vector<uint16_t> tie_type_ids;                     // per tie: its type's dictionary id
    // The stored bytes of the last, partly filled digest blocks (empty when full or none).
    std::string node_digest_tail, tie_digest_tail;
  };
  // Sorts what needs sorting (adjacency, tie keys, names), using two threads.
  explicit WritePlan(Inputs inputs);

  // The index of the first tie (in input order) whose key an earlier tie already has, or
  // SIZE_MAX when the input's tie keys are unique.
  size_t FirstDuplicateTieKey() const;

  size_t EntryCount(int family) const;
  size_t EntryCount() const;
  // Calls fn(key, value) for every entry of `family` in ascending key order, stopping at the
  // first error fn returns. Safe to call for different families from different threads.
  Status Emit(int family, const EntryFn& fn) const;

 private:
  struct AdjacencyEntry {
    uint32_t node, other;
    uint64_t seq;
  };
  void BuildAdjacency(const Dataset& d);
  void OrderTieKeys(const Dataset& d);
  Status EmitTies(const EntryFn& fn) const;
  Status EmitAdjacency(const EntryFn& fn) const;
  Status EmitDigests(const EntryFn& fn) const;

  Inputs in_;
  std::vector<AdjacencyEntry> adjacency_;
  std::vector<uint32_t> tie_key_order_;      // tie indexes by key
  std::vector<uint32_t> institution_order_;  // institution indexes by key
  std::vector<uint32_t> event_order_;        // event indexes by key
  std::vector<std::string> name_keys_;       // sorted name index keys
};

}  // namespace tiegraph

#endif  // TIEGRAPH_STORAGE_WRITE_PLAN_H_
