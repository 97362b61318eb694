// Bind(): the entry of the bind stage, UNION, and the helpers the clause and expression
// binders share.
#include <tiegraph/cypher_bind.h>
#include <tiegraph/cypher_functions.h>

#include "binder.h"

namespace tiegraph::cypher {

QueryError CompileError(const std::string& code, const std::string& message,
                        TextPosition position) {
  return QueryError{ErrorClass::kSyntaxError, code, message, position};
}

bool IsAggregateCall(const ast::Expression& call) {
  if (std::holds_alternative<ast::CountStar>(call.node)) return true;
  const auto* function = std::get_if<ast::FunctionCall>(&call.node);
  if (function == nullptr) return false;
  const FunctionInfo* info = FindFunction(function->name);
  return info != nullptr && info->aggregate;
}

namespace {

bool SameOptional(const ast::ExpressionPtr& a, const ast::ExpressionPtr& b) {
  if (!a || !b) return !a && !b;
  return SameExpression(*a, *b);
}

}  // namespace

bool SameExpression(const ast::Expression& a, const ast::Expression& b) {
  if (a.node.index() != b.node.index()) return false;
  if (const auto* x = std::get_if<ast::Variable>(&a.node)) {
    return x->name == std::get<ast::Variable>(b.node).name;
  }
  if (const auto* x = std::get_if<ast::Literal>(&a.node)) {
    const Value& y = std::get<ast::Literal>(b.node).value;
    return x->value.kind() == y.kind() && x->value.kind() != Value::Kind::kFloat &&
           (x->value.is_null() ||
            (x->value.kind() == Value::Kind::kBoolean && x->value.boolean() == y.boolean()) ||
            (x->value.kind() == Value::Kind::kInteger && x->value.integer() == y.integer()) ||
            (x->value.kind() == Value::Kind::kString && x->value.string() == y.string()));
  }
  if (const auto* x = std::get_if<ast::Parameter>(&a.node)) {
    return x->name == std::get<ast::Parameter>(b.node).name;
  }
  if (const auto* x = std::get_if<ast::PropertyAccess>(&a.node)) {
    const auto& y = std::get<ast::PropertyAccess>(b.node);
    return x->key == y.key && SameOptional(x->object, y.object);
  }
  if (const auto* x = std::get_if<ast::Unary>(&a.node)) {
    const auto& y = std::get<ast::Unary>(b.node);
    return x->op == y.op && SameOptional(x->operand, y.operand);
  }
  if (const auto* x = std::get_if<ast::Binary>(&a.node)) {
    const auto& y = std::get<ast::Binary>(b.node);
    return x->op == y.op && SameOptional(x->left, y.left) && SameOptional(x->right, y.right);
  }
  if (std::holds_alternative<ast::CountStar>(a.node)) return true;
  if (const auto* x = std::get_if<ast::FunctionCall>(&a.node)) {
    const auto& y = std::get<ast::FunctionCall>(b.node);
    if (x->distinct != y.distinct || x->arguments.size() != y.arguments.size()) return false;
    if (FindFunction(x->name) != FindFunction(y.name)) return false;
    for (size_t i = 0; i < x->arguments.size(); ++i) {
      if (!SameOptional(x->arguments[i], y.arguments[i])) return false;
    }
    return true;
  }
  return false;
}

QueryResult<bool> Binder::BindQuery(const ast::Query& query) {
  for (size_t i = 1; i < query.union_all.size(); ++i) {
    if (query.union_all[i] != query.union_all[0]) {
      return CompileError("InvalidClauseComposition", "UNION and UNION ALL cannot be mixed",
                          query.union_positions[i]);
    }
  }
  for (size_t i = 0; i < query.parts.size(); ++i) {
    scope_.clear();
    std::vector<std::string> columns;
    auto bound = BindSingleQuery(query.parts[i], &columns);
    if (!bound.ok()) return bound;
    if (i == 0) {
      out_->columns = columns;
    } else if (columns != out_->columns) {
      return CompileError("DifferentColumnsInUnion",
                          "every part of a UNION must return the same columns",
                          query.union_positions[i - 1]);
    }
  }
  return true;
}

QueryResult<BoundQuery> Bind(const ast::Statement& statement, const Map* parameters) {
  BoundQuery out;
  Binder binder(parameters, &out);
  auto bound = binder.BindQuery(statement.query);
  if (!bound.ok()) return bound.error();
  return out;
}

}  // namespace tiegraph::cypher
