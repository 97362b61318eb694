// The binder's state: the scope of the clause being bound and the bound query it fills.
#ifndef TIEGRAPH_CYPHER_BIND_BINDER_H_
#define TIEGRAPH_CYPHER_BIND_BINDER_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include <tiegraph/cypher_ast.h>
#include <tiegraph/cypher_bind.h>

namespace tiegraph::cypher {

// A compile-time error of the kit's class SyntaxError with its detail code.
QueryError CompileError(const std::string& code, const std::string& message, TextPosition position);

// Whether two expressions are written alike (ORDER BY matching an item, grouping keys).
bool SameExpression(const ast::Expression& a, const ast::Expression& b);

class Binder {
 public:
  Binder(const Map* parameters, BoundQuery* out) : parameters_(parameters), out_(out) {}

  QueryResult<bool> BindQuery(const ast::Query& query);

 private:
  struct Var {
    int slot = -1;
    VariableKind kind = VariableKind::kValue;
  };
  using Scope = std::map<std::string, Var>;

  // Where an expression stands: what it may contain.
  struct ExprContext {
    BoundProjection* projection = nullptr;  // aggregates allowed: they are recorded here
    bool in_aggregate = false;              // inside an aggregate's arguments
    const char* place = "";                 // "WHERE", "SKIP"… for messages
  };

  enum class PatternMode { kMatch, kCreate, kMerge, kPredicate, kLocal };

  // Clauses (bind_clauses.cc).
  QueryResult<bool> BindSingleQuery(const ast::SingleQuery& query,
                                    std::vector<std::string>* columns);
  QueryResult<bool> BindClause(const ast::Clause& clause, bool last,
                               std::vector<std::string>* columns);
  QueryResult<bool> BindMatch(const ast::Match& match);
  QueryResult<bool> BindProjection(const ast::Clause& clause, const ast::Projection& projection,
                                   const ast::Expression* where, bool is_return,
                                   std::vector<std::string>* columns);
  QueryResult<bool> BindSetItem(const ast::SetItem& item);
  // An ORDER BY expression after aggregation: variables, properties and aggregates written as
  // an item read the item; other variables must be projected.
  QueryResult<bool> BindSortAfterAggregation(const ast::Expression& expression,
                                             BoundProjection* bound, Scope* projected,
                                             const std::vector<const ast::Expression*>& keys);
  QueryResult<bool> BindSkipLimit(const ast::Expression& expression, const char* place);

  // Patterns and expressions (bind_expressions.cc).
  QueryResult<bool> BindPattern(const ast::PatternPart& part, PatternMode mode, Scope* scope,
                                std::set<std::string>* clause_relationships);
  QueryResult<bool> BindChain(const ast::PatternChain& chain, PatternMode mode, Scope* scope,
                              std::set<std::string>* clause_relationships);
  QueryResult<bool> BindNode(const ast::NodePattern& node, PatternMode mode, bool lone,
                             Scope* scope);
  QueryResult<bool> BindRelationship(const ast::RelationshipPattern& rel, PatternMode mode,
                                     Scope* scope, std::set<std::string>* clause_relationships);
  QueryResult<bool> BindExpression(const ast::Expression& expression, Scope* scope,
                                   ExprContext context);
  QueryResult<bool> BindCall(const ast::Expression& expression, const ast::FunctionCall& call,
                             Scope* scope, ExprContext context);
  QueryResult<bool> CheckArgumentKinds(const ast::Expression& expression,
                                       const ast::FunctionCall& call, const Scope& scope);
  QueryResult<bool> BindVariableUse(const void* key, const std::string& name, TextPosition position,
                                    const Scope& scope);
  QueryResult<bool> CheckBooleanOperand(const ast::Expression& operand);
  // AmbiguousAggregationExpression: outside aggregate calls, an aggregating item may use a
  // variable only through a grouping key.
  // Variables named in `projected` (the projection's own columns) count as keys.
  QueryResult<bool> CheckGrouping(const ast::Expression& expression,
                                  const std::vector<const ast::Expression*>& keys,
                                  const std::set<std::string>* projected = nullptr);

  // EXISTS { query }: the query's clauses see the scope around it.
  QueryResult<bool> BindSubquery(const ast::ExistsSubquery& exists, const Scope& scope);

  int NewSlot() { return out_->slot_count++; }

  const Map* parameters_;
  BoundQuery* out_;
  Scope scope_;
  bool in_subquery_ = false;
  // Slots of local variables that walk a list literal of strings and booleans only: arithmetic
  // on them is a compile-time type error (Quantifier1 [15]).
  std::set<int> non_numeric_slots_;
};

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_BIND_BINDER_H_
