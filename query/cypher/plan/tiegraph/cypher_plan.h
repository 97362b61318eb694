// The plan stage of the query language: the logical operators a bound query runs as.
//
// A plan is a tree of operators; each consumes the rows of its `input` (an operator without
// input starts from one empty row, or from the row it is given when it runs inside Optional)
// and produces rows. A row holds one value per slot of the bound query; an operator fills the
// slots it binds and leaves the others as they came. Produce, at the top, turns rows into the
// result's columns.
//
//   NodeScan     every node (or those with a label) for each input row, bound to a slot
//   Expand       one relationship hop from a bound node (or a variable-length walk with min/max
//                hops; relationships are unique within one MATCH)
//   ShortestPath shortestPath / allShortestPaths between two bound nodes (breadth first)
//   NamedPath    binds a path variable from the nodes and relationships of its pattern
//   Filter       keeps rows for which a predicate (or a bound node's pattern) holds
//   Optional     runs its branch per input row; a row without match is kept null-extended
//   Unwind       one row per element of a list
//   Project      computes a WITH / RETURN's items into their slots
//   Aggregate    groups by the items without aggregates and computes the aggregates
//   Distinct     drops rows whose projected items repeat an earlier row's
//   Sort, Skip, Limit
//   Union        the rows of both parts (Distinct unless UNION ALL)
//   Create, Merge, SetProperties, Remove, Delete: the updating clauses
//   Produce      the result's columns
#ifndef TIEGRAPH_CYPHER_PLAN_H_
#define TIEGRAPH_CYPHER_PLAN_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <tiegraph/cypher_ast.h>
#include <tiegraph/cypher_bind.h>
#include <tiegraph/query_error.h>

namespace tiegraph::cypher {

enum class PlanKind {
  kNodeScan,
  kExpand,
  kShortestPath,
  kNamedPath,
  kFilter,
  kOptional,
  kUnwind,
  kProject,
  kAggregate,
  kDistinct,
  kSort,
  kSkip,
  kLimit,
  kUnion,
  kCreate,
  kMerge,
  kSetProperties,
  kRemove,
  kDelete,
  kProduce,
};

std::string_view PlanKindName(PlanKind kind);  // "NodeScan", …

// One operator. Its payload points into the syntax tree and the bound query, which must outlive
// the plan; which members are set depends on the kind.
struct PlanOperator {
  PlanKind kind = PlanKind::kProduce;
  std::unique_ptr<PlanOperator> input;   // null: one empty (or the given) row
  std::unique_ptr<PlanOperator> branch;  // Optional: run per row; Union: the right part

  // NodeScan, Filter (of a bound node), Expand (the node reached).
  const ast::NodePattern* node = nullptr;
  // Expand.
  const ast::RelationshipPattern* relationship = nullptr;
  int from_slot = -1;
  // NodeScan, Expand: slots of relationships matched earlier in the same MATCH, which this one
  // must differ from (relationship uniqueness).
  std::vector<int> earlier_relationships;
  // NamedPath, ShortestPath, Merge: the pattern part; Create: every part.
  const ast::PatternPart* part = nullptr;
  std::vector<const ast::PatternPart*> parts;
  // Filter, Unwind, Skip, Limit: the expression; Delete: the expressions.
  const ast::Expression* expression = nullptr;
  std::vector<const ast::Expression*> expressions;
  bool detach = false;     // Delete
  bool union_all = false;  // Union
  // Project, Aggregate, Distinct, Sort: the WITH / RETURN.
  const ast::Projection* projection = nullptr;
  const BoundProjection* bound_projection = nullptr;
  // SetProperties (also Merge's ON CREATE / ON MATCH), Remove.
  std::vector<const ast::SetItem*> set_items;
  std::vector<const ast::SetItem*> on_match_items;
  std::vector<const ast::RemoveItem*> remove_items;
  // Produce: the result's columns and the slots they come from.
  std::vector<std::string> columns;
  std::vector<int> column_slots;
};

struct Plan {
  std::unique_ptr<PlanOperator> root;
  // The plans of EXISTS { query } subqueries, run per row from the row that evaluates them.
  std::unordered_map<const ast::ExistsSubquery*, std::unique_ptr<PlanOperator>> subqueries;
  const BoundQuery* bound = nullptr;
  std::vector<std::string> columns;
  bool writes = false;
};

QueryResult<Plan> BuildPlan(const ast::Statement& statement, const BoundQuery& bound);

// The operator tree, one operator a line, each input indented under the operator it feeds:
//   Produce n.name
//     Filter
//       NodeScan n:Person
std::string ExplainPlan(const Plan& plan);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_PLAN_H_
