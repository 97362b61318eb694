// The index entries one record owns, computed from the record alone: what a write adds, what an
// update replaces and what `check` expects. One definition, so the three cannot disagree.
#ifndef TIEGRAPH_STORAGE_RECORD_ENTRIES_H_
#define TIEGRAPH_STORAGE_RECORD_ENTRIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/model.h>

namespace tiegraph {

// The distinct normalised forms of an institution's key, name and aliases (tiegraph/text.h),
// each one entry of the name index.
std::vector<std::string> NormalizedNames(const Institution& in);

// The adjacency entry of `tie` at one of its ends (`at_source`; a self-loop has only the
// source's): its key and value. `tie_key` is the stored key, `source_id` and `target_id` the
// ends' node ids.
void AdjacencyEntryOf(const Tie& tie, std::string_view tie_key, uint64_t seq, uint32_t source_id,
                      uint32_t target_id, bool at_source, std::string* key, std::string* value);

}  // namespace tiegraph

#endif  // TIEGRAPH_STORAGE_RECORD_ENTRIES_H_
