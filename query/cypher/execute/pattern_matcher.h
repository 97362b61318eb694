// Matching patterns against the graph one row at a time: a node's labels and properties, one
// relationship hop or a variable-length walk, whole chains (for pattern predicates, pattern
// comprehensions, EXISTS and MERGE), named paths and shortest paths.
#ifndef TIEGRAPH_CYPHER_EXECUTE_PATTERN_MATCHER_H_
#define TIEGRAPH_CYPHER_EXECUTE_PATTERN_MATCHER_H_

#include <functional>
#include <vector>

#include "execution_context.h"

namespace tiegraph::cypher {

// Called with the row extended by one match; returns false to stop the search.
using RowCallback = std::function<QueryResult<bool>(Row*)>;

ExpandDirection ToExpandDirection(ast::Direction direction);

// Whether node `id` has the pattern's labels and properties.
QueryResult<bool> NodeMatches(ExecutionContext* context, Evaluator* evaluator,
                              const ast::NodePattern& pattern, NodeId id, Row* row);

// The relationships bound in `value` (a relationship or a list of them), for uniqueness.
void CollectRelationshipIds(const Value& value, std::vector<RelationshipId>* ids);

// Follows one relationship pattern from `from` and binds its relationship and node slots;
// relationships in `used` are not followed again (relationship uniqueness).
QueryResult<bool> ExpandStep(ExecutionContext* context, Evaluator* evaluator, Row* row, NodeId from,
                             const ast::RelationshipPattern& relationship,
                             const ast::NodePattern& node, const std::vector<RelationshipId>& used,
                             const RowCallback& emit);

// Every match of a chain whose start is bound or scanned.
QueryResult<bool> MatchChain(ExecutionContext* context, Evaluator* evaluator,
                             const ast::PatternChain& chain, Row* row, const RowCallback& emit);

// The path a matched chain spells, from the slots its patterns bound; null when a slot is.
QueryResult<Value> BuildPath(ExecutionContext* context, const ast::PatternChain& chain,
                             const Row& row);

// shortestPath / allShortestPaths between the chain's two bound nodes, breadth first; emits
// one row per path with the path (when named) and the relationship slot bound.
QueryResult<bool> ShortestPaths(ExecutionContext* context, Evaluator* evaluator,
                                const ast::PatternPart& part, Row* row, const RowCallback& emit);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_EXECUTE_PATTERN_MATCHER_H_
