// The bind stage of the query language: scopes and names.
//
// Bind() walks a parsed statement clause by clause, keeps the variables in scope with their
// kinds (node, relationship, path, value), gives each variable a slot in the executor's rows
// and resolves every use of a name to its slot. It raises the conformance kit's compile-time
// errors (class SyntaxError unless noted) with the position they concern: UndefinedVariable,
// VariableAlreadyBound, VariableTypeConflict, UnknownFunction, InvalidNumberOfArguments,
// InvalidAggregation, AmbiguousAggregationExpression, NoSingleRelationshipType,
// CreatingVarLength, RequiresDirectedRelationship, NonConstantExpression,
// NegativeIntegerArgument, InvalidArgumentType, ColumnNameConflict, DifferentColumnsInUnion,
// InvalidClauseComposition, InvalidDelete, InvalidParameterUse, and ParameterMissing
// (MissingParameter) when the parameters are known.
//
// The bound query points into the statement's syntax tree, which must outlive it.
#ifndef TIEGRAPH_CYPHER_BIND_H_
#define TIEGRAPH_CYPHER_BIND_H_

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <tiegraph/cypher_ast.h>
#include <tiegraph/cypher_value.h>
#include <tiegraph/query_error.h>

namespace tiegraph::cypher {

// kValue: known at compile time to be neither an entity, a list nor a map (a literal, an
// arithmetic result…); kList, kMap: a list or map literal; kAny: a value whose kind only the
// run shows.
enum class VariableKind {
  kNode,
  kRelationship,
  kRelationshipList,
  kPath,
  kValue,
  kList,
  kMap,
  kAny
};

// Where a name is declared: its slot, and whether this declaration introduced it (false when a
// pattern names a variable bound earlier, which then constrains the match).
struct Declaration {
  int slot = -1;
  bool introduced = true;
};

// One column of a WITH or RETURN: an expression, or (for `*`) a variable copied as it is.
struct BoundItem {
  std::string column;
  const ast::Expression* expression = nullptr;  // null: copy source_slot
  int source_slot = -1;
  int slot = -1;           // where the column's value goes
  bool aggregate = false;  // the expression holds an aggregate call
};

struct BoundProjection {
  std::vector<BoundItem> items;
  bool aggregating = false;
  // The aggregate calls (FunctionCall or CountStar) in the items and in ORDER BY.
  std::vector<const ast::Expression*> aggregate_calls;
  // ORDER BY expressions equal to an item's expression (or naming its alias) read the item:
  // sort expression -> item index. Needed after aggregation, when the inputs are gone.
  std::unordered_map<const ast::Expression*, int> sort_item;
};

struct BoundQuery {
  int slot_count = 0;
  // Each ast::Variable expression (and MapProjection / SET / REMOVE variable) -> its slot.
  std::unordered_map<const void*, int> uses;
  // NodePattern*, RelationshipPattern*, PatternPart* (path variable), Unwind*, and the
  // expressions that declare a local variable (ListComprehension, Quantifier, Reduce (its
  // variable; the accumulator under &Reduce::step, as the struct and its first member share an
  // address), PatternComprehension (path)).
  std::unordered_map<const void*, Declaration> declarations;
  // WITH and RETURN clauses.
  std::unordered_map<const ast::Clause*, BoundProjection> projections;
  std::vector<std::string> columns;  // the result's; empty for a query without RETURN
  // EXISTS { full query }: each runs from the row of the expression that holds it.
  std::vector<const ast::ExistsSubquery*> subqueries;
  bool writes = false;
};

// Whether `call` (a FunctionCall or CountStar expression) is an aggregate.
bool IsAggregateCall(const ast::Expression& call);

// `parameters` (when given) are checked for presence: a missing one is ParameterMissing.
QueryResult<BoundQuery> Bind(const ast::Statement& statement, const Map* parameters);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_BIND_H_
