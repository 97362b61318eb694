// Binding clause by clause: the scope each clause leaves to the next, clause composition,
// projections (WITH, RETURN) with their aggregates, ORDER BY, SKIP and LIMIT.
#include <algorithm>
#include <set>

#include "binder.h"

namespace tiegraph::cypher {
namespace {

// What a projected expression is known to be at compile time.
VariableKind KindOf(const ast::Expression& expression) {
  if (const auto* literal = std::get_if<ast::Literal>(&expression.node)) {
    return literal->value.is_null() ? VariableKind::kAny : VariableKind::kValue;
  }
  if (std::holds_alternative<ast::ListLiteral>(expression.node)) return VariableKind::kList;
  if (std::holds_alternative<ast::MapLiteral>(expression.node)) return VariableKind::kMap;
  const bool value = std::holds_alternative<ast::Binary>(expression.node) ||
                     std::holds_alternative<ast::Unary>(expression.node) ||
                     std::holds_alternative<ast::ComparisonChain>(expression.node) ||
                     std::holds_alternative<ast::CountStar>(expression.node) ||
                     std::holds_alternative<ast::ListComprehension>(expression.node);
  return value ? VariableKind::kValue : VariableKind::kAny;
}

bool IsUpdate(const ast::Clause& clause) {
  return std::holds_alternative<ast::Create>(clause.node) ||
         std::holds_alternative<ast::Merge>(clause.node) ||
         std::holds_alternative<ast::Set>(clause.node) ||
         std::holds_alternative<ast::Remove>(clause.node) ||
         std::holds_alternative<ast::Delete>(clause.node);
}

bool Mentions(const ast::Expression& expression, const std::string& name) {
  if (const auto* variable = std::get_if<ast::Variable>(&expression.node)) {
    return variable->name == name;
  }
  if (const auto* access = std::get_if<ast::PropertyAccess>(&expression.node)) {
    return Mentions(*access->object, name);
  }
  if (const auto* binary = std::get_if<ast::Binary>(&expression.node)) {
    return Mentions(*binary->left, name) || Mentions(*binary->right, name);
  }
  if (const auto* unary = std::get_if<ast::Unary>(&expression.node)) {
    return Mentions(*unary->operand, name);
  }
  if (const auto* call = std::get_if<ast::FunctionCall>(&expression.node)) {
    for (const auto& argument : call->arguments) {
      if (Mentions(*argument, name)) return true;
    }
  }
  return false;
}

}  // namespace

QueryResult<bool> Binder::BindSortAfterAggregation(
    const ast::Expression& expression, BoundProjection* bound, Scope* projected,
    const std::vector<const ast::Expression*>& keys) {
  const bool simple = std::holds_alternative<ast::Variable>(expression.node) ||
                      std::holds_alternative<ast::PropertyAccess>(expression.node) ||
                      IsAggregateCall(expression);
  if (simple) {
    for (const BoundItem& item : bound->items) {
      if (item.expression != nullptr && SameExpression(*item.expression, expression)) {
        out_->uses[&expression] = item.slot;
        return true;
      }
    }
  }
  if (const auto* variable = std::get_if<ast::Variable>(&expression.node)) {
    if (projected->count(variable->name) != 0) {
      return BindExpression(expression, projected, {nullptr, false, "ORDER BY"});
    }
    for (const ast::Expression* key : keys) {
      if (Mentions(*key, variable->name)) {
        return CompileError("AmbiguousAggregationExpression",
                            "`" + variable->name + "` is only projected inside an expression",
                            expression.position);
      }
    }
    return CompileError("UndefinedVariable", "variable `" + variable->name + "` is not defined",
                        expression.position);
  }
  auto recurse = [&](const ast::ExpressionPtr& child) -> QueryResult<bool> {
    if (!child) return true;
    return BindSortAfterAggregation(*child, bound, projected, keys);
  };
  if (const auto* access = std::get_if<ast::PropertyAccess>(&expression.node)) {
    return recurse(access->object);
  }
  if (const auto* binary = std::get_if<ast::Binary>(&expression.node)) {
    auto left = recurse(binary->left);
    if (!left.ok()) return left;
    return recurse(binary->right);
  }
  if (const auto* unary = std::get_if<ast::Unary>(&expression.node)) {
    return recurse(unary->operand);
  }
  if (const auto* call = std::get_if<ast::FunctionCall>(&expression.node);
      call != nullptr && !IsAggregateCall(expression)) {
    for (const auto& argument : call->arguments) {
      auto bound_argument = recurse(argument);
      if (!bound_argument.ok()) return bound_argument;
    }
    return true;
  }
  // An aggregate of its own (computed with the others) or another expression: names are the
  // projected ones.
  return BindExpression(expression, projected, {bound, false, "ORDER BY"});
}

QueryResult<bool> Binder::BindSingleQuery(const ast::SingleQuery& query,
                                          std::vector<std::string>* columns) {
  for (size_t i = 0; i < query.clauses.size(); ++i) {
    const ast::Clause& clause = query.clauses[i];
    const bool last = i + 1 == query.clauses.size();
    if (std::holds_alternative<ast::Return>(clause.node) && !last) {
      return CompileError("InvalidClauseComposition", "RETURN must be the last clause",
                          clause.position);
    }
    if (in_subquery_ && IsUpdate(clause)) {
      return CompileError("InvalidClauseComposition", "EXISTS cannot hold an updating clause",
                          clause.position);
    }
    if (last && !in_subquery_ && !std::holds_alternative<ast::Return>(clause.node) &&
        !IsUpdate(clause) && !std::holds_alternative<ast::Call>(clause.node)) {
      return CompileError("InvalidClauseComposition",
                          "a query must end with RETURN or an updating clause", clause.position);
    }
    if (IsUpdate(clause)) out_->writes = true;
    auto bound = BindClause(clause, last, columns);
    if (!bound.ok()) return bound;
  }
  return true;
}

QueryResult<bool> Binder::BindClause(const ast::Clause& clause, bool /*last*/,
                                     std::vector<std::string>* columns) {
  if (const auto* match = std::get_if<ast::Match>(&clause.node)) return BindMatch(*match);
  if (const auto* unwind = std::get_if<ast::Unwind>(&clause.node)) {
    auto list = BindExpression(*unwind->list, &scope_, {nullptr, false, "UNWIND"});
    if (!list.ok()) return list;
    if (scope_.count(unwind->variable) != 0) {
      return CompileError("VariableAlreadyBound",
                          "variable `" + unwind->variable + "` is already defined",
                          clause.position);
    }
    int slot = NewSlot();
    scope_[unwind->variable] = {slot, VariableKind::kAny};
    out_->declarations[unwind] = {slot, true};
    return true;
  }
  if (const auto* with = std::get_if<ast::With>(&clause.node)) {
    return BindProjection(clause, with->projection, with->where.get(), false, columns);
  }
  if (const auto* ret = std::get_if<ast::Return>(&clause.node)) {
    return BindProjection(clause, ret->projection, nullptr, true, columns);
  }
  if (const auto* create = std::get_if<ast::Create>(&clause.node)) {
    for (const ast::PatternPart& part : create->patterns) {
      auto bound = BindPattern(part, PatternMode::kCreate, &scope_, nullptr);
      if (!bound.ok()) return bound;
    }
    return true;
  }
  if (const auto* merge = std::get_if<ast::Merge>(&clause.node)) {
    auto bound = BindPattern(merge->pattern, PatternMode::kMerge, &scope_, nullptr);
    if (!bound.ok()) return bound;
    for (const auto* items : {&merge->on_create, &merge->on_match}) {
      for (const ast::SetItem& item : *items) {
        auto set = BindSetItem(item);
        if (!set.ok()) return set;
      }
    }
    return true;
  }
  if (const auto* set = std::get_if<ast::Set>(&clause.node)) {
    for (const ast::SetItem& item : set->items) {
      auto bound = BindSetItem(item);
      if (!bound.ok()) return bound;
    }
    return true;
  }
  if (const auto* remove = std::get_if<ast::Remove>(&clause.node)) {
    for (const ast::RemoveItem& item : remove->items) {
      if (item.kind == ast::RemoveItem::Kind::kProperty) {
        auto bound = BindExpression(*item.property, &scope_, {nullptr, false, "REMOVE"});
        if (!bound.ok()) return bound;
      } else {
        auto bound = BindVariableUse(&item, item.variable, item.position, scope_);
        if (!bound.ok()) return bound;
      }
    }
    return true;
  }
  if (const auto* del = std::get_if<ast::Delete>(&clause.node)) {
    for (const ast::ExpressionPtr& expression : del->expressions) {
      if (std::holds_alternative<ast::LabelTest>(expression->node)) {
        return CompileError("InvalidDelete", "DELETE removes nodes and relationships, not labels",
                            expression->position);
      }
      if (KindOf(*expression) == VariableKind::kValue) {
        return CompileError("InvalidArgumentType", "DELETE needs a node, relationship or path",
                            expression->position);
      }
      auto bound = BindExpression(*expression, &scope_, {nullptr, false, "DELETE"});
      if (!bound.ok()) return bound;
    }
    return true;
  }
  const auto& call = std::get<ast::Call>(clause.node);
  return QueryError{ErrorClass::kProcedureError, "ProcedureNotFound",
                    "there is no procedure `" + call.procedure + "`", clause.position};
}

QueryResult<bool> Binder::BindSubquery(const ast::ExistsSubquery& exists, const Scope& scope) {
  if (exists.query->parts.size() != 1) {
    return CompileError("UnexpectedSyntax", "EXISTS cannot hold a UNION",
                        exists.query->parts[0].position);
  }
  Scope inner = scope;  // `scope` may be scope_ itself
  Scope outer = std::move(scope_);
  const bool was_in_subquery = in_subquery_;
  scope_ = std::move(inner);
  in_subquery_ = true;
  std::vector<std::string> columns;
  auto bound = BindSingleQuery(exists.query->parts[0], &columns);
  scope_ = std::move(outer);
  in_subquery_ = was_in_subquery;
  if (!bound.ok()) return bound;
  out_->subqueries.push_back(&exists);
  return true;
}

QueryResult<bool> Binder::BindMatch(const ast::Match& match) {
  std::set<std::string> relationships;
  for (const ast::PatternPart& part : match.patterns) {
    auto bound = BindPattern(part, PatternMode::kMatch, &scope_, &relationships);
    if (!bound.ok()) return bound;
  }
  if (match.where) {
    // WHERE (n): a node, relationship or path is no predicate (Pattern1 [11]).
    if (const auto* variable = std::get_if<ast::Variable>(&match.where->node)) {
      auto found = scope_.find(variable->name);
      const VariableKind kind = found == scope_.end() ? VariableKind::kAny : found->second.kind;
      if (kind == VariableKind::kNode || kind == VariableKind::kRelationship ||
          kind == VariableKind::kPath) {
        return CompileError("InvalidArgumentType", "WHERE needs a predicate",
                            match.where->position);
      }
    }
    auto where = BindExpression(*match.where, &scope_, {nullptr, false, "WHERE"});
    if (!where.ok()) return where;
  }
  return true;
}

QueryResult<bool> Binder::BindSetItem(const ast::SetItem& item) {
  ExprContext context{nullptr, false, "SET"};
  if (item.kind == ast::SetItem::Kind::kProperty) {
    auto target = BindExpression(*item.property, &scope_, context);
    if (!target.ok()) return target;
  } else {
    auto variable = BindVariableUse(&item, item.variable, item.position, scope_);
    if (!variable.ok()) return variable;
  }
  if (item.value) return BindExpression(*item.value, &scope_, context);
  return true;
}

QueryResult<bool> Binder::BindSkipLimit(const ast::Expression& expression, const char* place) {
  Scope empty;
  auto bound = BindExpression(expression, &empty, {nullptr, false, place});
  if (!bound.ok()) {
    if (bound.error().code == "UndefinedVariable") {
      return CompileError("NonConstantExpression",
                          std::string(place) + " must not depend on variables",
                          expression.position);
    }
    return bound;
  }
  if (const auto* literal = std::get_if<ast::Literal>(&expression.node)) {
    if (literal->value.kind() == Value::Kind::kInteger && literal->value.integer() < 0) {
      return CompileError("NegativeIntegerArgument", std::string(place) + " must not be negative",
                          expression.position);
    }
    if (literal->value.kind() != Value::Kind::kInteger && !literal->value.is_null()) {
      return CompileError("InvalidArgumentType", std::string(place) + " must be an integer",
                          expression.position);
    }
  }
  return true;
}

QueryResult<bool> Binder::BindProjection(const ast::Clause& clause,
                                         const ast::Projection& projection,
                                         const ast::Expression* where, bool is_return,
                                         std::vector<std::string>* columns) {
  BoundProjection bound;
  Scope next;
  std::set<std::string> names;
  if (projection.star) {
    for (const auto& [name, var] : scope_) {
      bound.items.push_back({name, nullptr, var.slot, var.slot, false});
      next[name] = var;
      names.insert(name);
    }
  }
  for (const ast::ProjectionItem& item : projection.items) {
    size_t aggregates_before = bound.aggregate_calls.size();
    auto expression = BindExpression(*item.expression, &scope_, {&bound, false, "projection"});
    if (!expression.ok()) return expression;
    BoundItem out;
    out.column = item.alias.empty() ? item.text : item.alias;
    out.expression = item.expression.get();
    out.slot = NewSlot();
    out.aggregate = bound.aggregate_calls.size() > aggregates_before;
    if (!names.insert(out.column).second) {
      return CompileError("ColumnNameConflict", "two columns are named `" + out.column + "`",
                          item.position);
    }
    VariableKind kind = KindOf(*item.expression);
    if (const auto* variable = std::get_if<ast::Variable>(&item.expression->node)) {
      kind = scope_.at(variable->name).kind;
    }
    next[out.column] = {out.slot, kind};
    bound.items.push_back(std::move(out));
  }
  bound.aggregating = !bound.aggregate_calls.empty();
  std::vector<const ast::Expression*> keys;
  for (const BoundItem& item : bound.items) {
    if (!item.aggregate && item.expression != nullptr) keys.push_back(item.expression);
  }
  if (bound.aggregating) {
    for (const BoundItem& item : bound.items) {
      if (!item.aggregate) continue;
      auto grouping = CheckGrouping(*item.expression, keys);
      if (!grouping.ok()) return grouping;
    }
  }
  // ORDER BY sees the projected names and, unless the projection is DISTINCT, the variables in
  // scope before it; after aggregation, see BindSortAfterAggregation.
  Scope order_scope = next;
  if (!projection.distinct) {
    order_scope = scope_;
    for (const auto& [name, var] : next) order_scope[name] = var;
  }
  for (const ast::SortItem& sort : projection.order_by) {
    bool matched = false;
    for (size_t i = 0; i < bound.items.size() && !matched; ++i) {
      if (bound.items[i].expression != nullptr &&
          SameExpression(*bound.items[i].expression, *sort.expression)) {
        bound.sort_item[sort.expression.get()] = static_cast<int>(i);
        matched = true;
      }
    }
    if (matched) continue;
    if (bound.aggregating) {
      auto sorted = BindSortAfterAggregation(*sort.expression, &bound, &next, keys);
      if (!sorted.ok()) return sorted;
      continue;
    }
    auto expression = BindExpression(*sort.expression, &order_scope, {nullptr, false, "ORDER BY"});
    if (!expression.ok()) return expression;
  }
  if (projection.skip) {
    auto skip = BindSkipLimit(*projection.skip, "SKIP");
    if (!skip.ok()) return skip;
  }
  if (projection.limit) {
    auto limit = BindSkipLimit(*projection.limit, "LIMIT");
    if (!limit.ok()) return limit;
  }
  if (where != nullptr) {
    Scope where_scope = scope_;
    for (const auto& [name, var] : next) where_scope[name] = var;
    auto bound_where =
        BindExpression(*where, bound.aggregating ? &next : &where_scope, {nullptr, false, "WHERE"});
    if (!bound_where.ok()) return bound_where;
  }
  if (is_return) {
    columns->clear();
    for (const BoundItem& item : bound.items) columns->push_back(item.column);
  }
  scope_ = std::move(next);
  out_->projections[&clause] = std::move(bound);
  return true;
}

}  // namespace tiegraph::cypher
