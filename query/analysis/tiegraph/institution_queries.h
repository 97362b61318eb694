// Questions about institutions, each answered with tables (tiegraph/table.h): one
// institution with its ties, a filtered list, the neighborhood within some hops.
#ifndef TIEGRAPH_INSTITUTION_QUERIES_H_
#define TIEGRAPH_INSTITUTION_QUERIES_H_

#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

// One institution: its fields (a "field, value" table), its ties with their evidence.
Result<std::vector<Table>> ShowInstitution(const Snapshot& snap, std::string_view key);

struct ListFilter {
  std::vector<Sector> sectors;      // any of these, primary or other; empty = all
  std::vector<std::string> kinds;   // any of these; empty = all
  std::vector<std::string> region;  // a region prefix, e.g. {"KR", "Gyeonggi"}; empty = all
};
Result<Table> ListInstitutions(const Snapshot& snap, const ListFilter& filter);

struct NeighborsRequest {
  std::string key;
  int hops = 1;                    // 1..16
  std::vector<std::string> types;  // follow only these tie types; empty = all
};
// Institutions within `hops` ties of `key` (breadth-first, ties followed in both directions),
// with the hop count and the tie types that reached them first.
Result<Table> Neighbors(const Snapshot& snap, const NeighborsRequest& request);

}  // namespace tiegraph

#endif  // TIEGRAPH_INSTITUTION_QUERIES_H_
