// The first look at a network: counts by vocabulary and the overview the demo prints.
#ifndef TIEGRAPH_OVERVIEW_H_
#define TIEGRAPH_OVERVIEW_H_

#include <cstddef>
#include <vector>

#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

// Counts by sector, node kind, tie type, region (province level) and tie status.
Result<std::vector<Table>> Stats(const Snapshot& snap);

// The first look at a network: totals, institutions by sector, the `top` institutions with
// the most ties, and the `top` largest connected components (all ties, part_of included)
// with their sizes, the rest summed in one row.
Result<std::vector<Table>> Overview(const Snapshot& snap, size_t top);

}  // namespace tiegraph

#endif  // TIEGRAPH_OVERVIEW_H_
