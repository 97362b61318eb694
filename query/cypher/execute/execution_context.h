// What every operator and the expression evaluator share while a query runs: the graph, the
// bound query, the parameters, the limits, and the rows (one value per slot).
#ifndef TIEGRAPH_CYPHER_EXECUTE_EXECUTION_CONTEXT_H_
#define TIEGRAPH_CYPHER_EXECUTE_EXECUTION_CONTEXT_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include <tiegraph/cypher_bind.h>
#include <tiegraph/cypher_execute.h>
#include <tiegraph/cypher_graph.h>
#include <tiegraph/cypher_plan.h>

namespace tiegraph::cypher {

using Row = std::vector<Value>;
using Batch = std::vector<Row>;
inline constexpr size_t kBatchSize = 1024;

struct ExecutionContext {
  GraphAccess* graph = nullptr;
  const BoundQuery* bound = nullptr;
  const Plan* plan = nullptr;
  const ExecuteOptions* options = nullptr;
  std::chrono::steady_clock::time_point deadline;

  // kTimeout once the deadline has passed.
  QueryResult<bool> CheckTime() const;
  // kLimitExceeded when `rows` rows of about `bytes` bytes are more than the limits allow.
  QueryResult<bool> CheckHeld(size_t rows, size_t bytes) const;
  int Slot(const void* key) const { return bound->uses.at(key); }
  const Declaration& Declared(const void* key) const { return bound->declarations.at(key); }
};

// A rough estimate of the memory a row holds, for the memory limit.
size_t EstimateBytes(const Row& row);

QueryError RuntimeError(ErrorClass error_class, const std::string& code,
                        const std::string& message);

// A node or relationship value as the graph holds it now.
QueryResult<Value> LoadNode(ExecutionContext* context, NodeId id);
// `start` and `end` as matched (an undirected tie reports the way it was followed).
QueryResult<Value> LoadRelationship(ExecutionContext* context, RelationshipId id, NodeId start,
                                    NodeId end);
// Reloads a node or relationship (after writes); other values, and deleted entities, as given.
Value Refresh(ExecutionContext* context, const Value& value);

class Evaluator {
 public:
  explicit Evaluator(ExecutionContext* context) : context_(context) {}

  // The expression's value on `row`; local variables (comprehensions) are written into it.
  QueryResult<Value> Evaluate(const ast::Expression& expression, Row* row);
  // True when the predicate is true (false and null are not).
  QueryResult<bool> Holds(const ast::Expression& expression, Row* row);

 private:
  QueryResult<Value> EvaluateBinary(const ast::Binary& binary, Row* row);
  QueryResult<Value> EvaluateProperty(const Value& object, const std::string& key);
  QueryResult<Value> EvaluateSubscript(const Value& object, const Value& index);
  QueryResult<Value> EvaluateSlice(const ast::Slice& slice, Row* row);
  QueryResult<Value> EvaluateCall(const ast::Expression& expression, const ast::FunctionCall& call,
                                  Row* row);
  QueryResult<Value> EvaluateQuantifier(const ast::Quantifier& quantifier, Row* row);
  QueryResult<Value> EvaluateMapProjection(const ast::MapProjection& projection, Row* row);
  QueryResult<Value> EvaluatePatternComprehension(const ast::PatternComprehension& pattern,
                                                  Row* row);
  QueryResult<Value> EvaluateExists(const ast::ExistsSubquery& exists, Row* row);
  // Whether the chain matches at least once from `row` (whose slots it overwrites).
  QueryResult<bool> MatchAny(const ast::PatternChain& chain, Row* row, bool* found);

  ExecutionContext* context_;
};

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_EXECUTE_EXECUTION_CONTEXT_H_
