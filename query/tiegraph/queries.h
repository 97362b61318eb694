// Typed requests over a Snapshot, each answered with Tables (see table.h).
#ifndef TIEGRAPH_QUERIES_H_
#define TIEGRAPH_QUERIES_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

// The institution a user means by `name`: a key, display name or alias in any language,
// matched after normalisation (tiegraph/text.h). An ambiguous name (NotFound for an unknown
// one) gives InvalidArgument whose message lists the candidates with their names.
Result<std::string> ResolveInstitution(const Snapshot& snap, std::string_view name);

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

// Counts by sector, node kind, tie type, region (province level) and tie status.
Result<std::vector<Table>> Stats(const Snapshot& snap);

// The first look at a network: totals, institutions by sector, the `top` institutions with
// the most ties, and the `top` largest connected components (all ties, part-of included)
// with their sizes, the rest summed in one row.
Result<std::vector<Table>> Overview(const Snapshot& snap, size_t top);

// Writes every record as JSON Lines, institutions, then events, then ties; `import` reads it
// back to an identical database.
Status DumpJsonl(const Snapshot& snap, std::ostream& out);

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERIES_H_
