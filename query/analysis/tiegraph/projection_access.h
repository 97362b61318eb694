// What the analysis requests share: building a checked projection, the columns that name a
// node, finding a node, and grouping nodes by an attribute. Internal to query/.
#ifndef TIEGRAPH_QUERY_PROJECTION_ACCESS_H_
#define TIEGRAPH_QUERY_PROJECTION_ACCESS_H_

#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/group_attribute.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

// The projection, refusing a tie-type filter that names no stored type and an empty result.
Result<Projection> Build(const Snapshot& snap, const ProjectionOptions& options);

// key, name, sector, region of node v: the columns every node table starts with. An error
// reading the institution is returned, never a row of blanks.
Result<std::vector<Cell>> NodeCells(const Snapshot& snap, const Projection& g, uint32_t v);
// Appends node v's cells to `row`.
Status AppendNodeCells(const Snapshot& snap, const Projection& g, uint32_t v,
                       std::vector<Cell>* row);

// The index of `key` in the projection, or NotFound saying it was filtered out.
Result<uint32_t> IndexOf(const Projection& g, const std::string& key);

// Nodes grouped by an institution attribute: sector (primary), region (province level: the
// first two levels), kind, or foreign (foreign / domestic). Groups are numbered in order of
// first appearance; names[g] is group g's value.
struct Groups {
  std::vector<uint32_t> of;
  std::vector<std::string> names;
  uint32_t count() const { return static_cast<uint32_t>(names.size()); }
};
Result<Groups> GroupByAttribute(const Snapshot& snap, const Projection& g, GroupAttribute by);

// The part_of hierarchy among the projection's nodes (parent fields and part_of ties, whatever
// the tie filters): an institution's own units and the institutions it is part of are not
// partners to suggest, so every suggestion applies this one rule.
class PartOfHierarchy {
 public:
  // True when a is a part of b or b a part of a, at any depth (a rolled-up unit is its parent).
  bool Related(uint32_t a, uint32_t b) const;

 private:
  friend Result<PartOfHierarchy> LoadPartOfHierarchy(const Snapshot&, const Projection&);
  std::vector<std::vector<uint32_t>> ancestors_;  // per node, sorted projection indices
};
Result<PartOfHierarchy> LoadPartOfHierarchy(const Snapshot& snap, const Projection& g);

// The province of a region: its first two levels joined by '/' (KR/Chungnam); "" when none.
// The one place that decides what "by region" groups on.
std::string Province(const Region& region);

// Months since year 0 of the first month a date can mean (its year's January when only the
// year is known), and of the last (its December).
int FirstMonth(const Date& d);
int LastMonth(const Date& d);

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_PROJECTION_ACCESS_H_
