// Binding patterns and expressions: variables declared and used, function names and arities,
// where aggregates may stand, and the checks on literal operands.
#include <tiegraph/cypher_functions.h>

#include "binder.h"

namespace tiegraph::cypher {
namespace {

std::string KindWord(VariableKind kind) {
  switch (kind) {
    case VariableKind::kNode:
      return "a node";
    case VariableKind::kRelationship:
      return "a relationship";
    case VariableKind::kRelationshipList:
      return "a list of relationships";
    case VariableKind::kPath:
      return "a path";
    case VariableKind::kList:
      return "a list";
    case VariableKind::kMap:
      return "a map";
    case VariableKind::kValue:
    case VariableKind::kAny:
      return "a value";
  }
  return "a value";
}

bool IsParameter(const ast::ExpressionPtr& expression) {
  return expression && std::holds_alternative<ast::Parameter>(expression->node);
}

}  // namespace

QueryResult<bool> Binder::BindVariableUse(const void* key, const std::string& name,
                                          TextPosition position, const Scope& scope) {
  auto found = scope.find(name);
  if (found == scope.end()) {
    return CompileError("UndefinedVariable", "variable `" + name + "` is not defined", position);
  }
  out_->uses[key] = found->second.slot;
  return true;
}

QueryResult<bool> Binder::BindPattern(const ast::PatternPart& part, PatternMode mode, Scope* scope,
                                      std::set<std::string>* clause_relationships) {
  if (!part.path_variable.empty() && scope->count(part.path_variable) != 0) {
    return CompileError("VariableAlreadyBound",
                        "variable `" + part.path_variable + "` is already defined", part.position);
  }
  auto chain = BindChain(part.chain, mode, scope, clause_relationships);
  if (!chain.ok()) return chain;
  if (!part.path_variable.empty()) {
    if (scope->count(part.path_variable) != 0) {
      return CompileError("VariableAlreadyBound",
                          "variable `" + part.path_variable + "` is already defined",
                          part.position);
    }
    int slot = NewSlot();
    (*scope)[part.path_variable] = {slot, VariableKind::kPath};
    out_->declarations[&part] = {slot, true};
  }
  return true;
}

QueryResult<bool> Binder::BindChain(const ast::PatternChain& chain, PatternMode mode, Scope* scope,
                                    std::set<std::string>* clause_relationships) {
  auto start = BindNode(chain.start, mode, chain.steps.empty(), scope);
  if (!start.ok()) return start;
  for (const ast::PatternStep& step : chain.steps) {
    auto rel = BindRelationship(step.relationship, mode, scope, clause_relationships);
    if (!rel.ok()) return rel;
    auto node = BindNode(step.node, mode, false, scope);
    if (!node.ok()) return node;
  }
  return true;
}

QueryResult<bool> Binder::BindNode(const ast::NodePattern& node, PatternMode mode, bool lone,
                                   Scope* scope) {
  if ((mode == PatternMode::kMatch || mode == PatternMode::kMerge) &&
      IsParameter(node.properties)) {
    return CompileError("InvalidParameterUse",
                        "a parameter cannot stand for a node's properties here", node.position);
  }
  auto found = node.variable.empty() ? scope->end() : scope->find(node.variable);
  if (found != scope->end()) {
    if (found->second.kind != VariableKind::kNode && found->second.kind != VariableKind::kAny) {
      return CompileError(
          "VariableTypeConflict",
          "`" + node.variable + "` is " + KindWord(found->second.kind) + ", not a node",
          node.position);
    }
    if ((mode == PatternMode::kCreate || mode == PatternMode::kMerge) &&
        (lone || !node.labels.empty() || node.properties)) {
      return CompileError("VariableAlreadyBound", "node `" + node.variable + "` is already defined",
                          node.position);
    }
    out_->declarations[&node] = {found->second.slot, false};
  } else {
    if (!node.variable.empty() && mode == PatternMode::kPredicate) {
      return CompileError("UndefinedVariable", "variable `" + node.variable + "` is not defined",
                          node.position);
    }
    int slot = NewSlot();
    out_->declarations[&node] = {slot, true};
    if (!node.variable.empty()) (*scope)[node.variable] = {slot, VariableKind::kNode};
  }
  if (node.properties) {
    return BindExpression(*node.properties, scope, {nullptr, false, "pattern"});
  }
  return true;
}

QueryResult<bool> Binder::BindRelationship(const ast::RelationshipPattern& rel, PatternMode mode,
                                           Scope* scope,
                                           std::set<std::string>* clause_relationships) {
  const bool creates = mode == PatternMode::kCreate || mode == PatternMode::kMerge;
  const VariableKind kind =
      rel.length ? VariableKind::kRelationshipList : VariableKind::kRelationship;
  auto found = rel.variable.empty() ? scope->end() : scope->find(rel.variable);
  if (found != scope->end()) {
    if (creates) {
      return CompileError("VariableAlreadyBound",
                          "relationship `" + rel.variable + "` is already defined", rel.position);
    }
    if (clause_relationships != nullptr && clause_relationships->count(rel.variable) != 0) {
      return CompileError("RelationshipUniquenessViolation",
                          "relationship `" + rel.variable + "` cannot be matched twice",
                          rel.position);
    }
    if (found->second.kind != VariableKind::kRelationship &&
        found->second.kind != VariableKind::kRelationshipList &&
        found->second.kind != VariableKind::kAny &&
        !(found->second.kind == VariableKind::kList && rel.length)) {
      return CompileError(
          "VariableTypeConflict",
          "`" + rel.variable + "` is " + KindWord(found->second.kind) + ", not a relationship",
          rel.position);
    }
    out_->declarations[&rel] = {found->second.slot, false};
  } else {
    if (!rel.variable.empty() && mode == PatternMode::kPredicate) {
      return CompileError("UndefinedVariable", "variable `" + rel.variable + "` is not defined",
                          rel.position);
    }
    int slot = NewSlot();
    out_->declarations[&rel] = {slot, true};
    if (!rel.variable.empty()) {
      (*scope)[rel.variable] = {slot, kind};
      if (clause_relationships != nullptr) clause_relationships->insert(rel.variable);
    }
  }
  if (creates) {
    if (rel.types.size() != 1) {
      return CompileError("NoSingleRelationshipType",
                          "a relationship to create needs exactly one type", rel.position);
    }
    if (rel.length) {
      return CompileError("CreatingVarLength", "a variable-length relationship cannot be created",
                          rel.position);
    }
    if (mode == PatternMode::kCreate && rel.direction == ast::Direction::kUndirected) {
      return CompileError("RequiresDirectedRelationship",
                          "a relationship to create needs a direction", rel.position);
    }
  }
  if (mode == PatternMode::kMerge && IsParameter(rel.properties)) {
    return CompileError("InvalidParameterUse",
                        "a parameter cannot stand for a relationship's properties here",
                        rel.position);
  }
  if (rel.properties) {
    return BindExpression(*rel.properties, scope, {nullptr, false, "pattern"});
  }
  return true;
}

namespace {

// A list literal whose items are all strings or booleans.
bool NonNumericList(const ast::Expression& list) {
  const auto* literal = std::get_if<ast::ListLiteral>(&list.node);
  if (literal == nullptr || literal->items.empty()) return false;
  for (const ast::ExpressionPtr& item : literal->items) {
    const auto* value = std::get_if<ast::Literal>(&item->node);
    if (value == nullptr || (value->value.kind() != Value::Kind::kString &&
                             value->value.kind() != Value::Kind::kBoolean)) {
      return false;
    }
  }
  return true;
}

bool IsArithmetic(ast::BinaryOperator op) {
  return op == ast::BinaryOperator::kSubtract || op == ast::BinaryOperator::kMultiply ||
         op == ast::BinaryOperator::kDivide || op == ast::BinaryOperator::kModulo ||
         op == ast::BinaryOperator::kPower;
}

}  // namespace

QueryResult<bool> Binder::CheckBooleanOperand(const ast::Expression& operand) {
  bool wrong = std::holds_alternative<ast::ListLiteral>(operand.node) ||
               std::holds_alternative<ast::MapLiteral>(operand.node);
  if (const auto* literal = std::get_if<ast::Literal>(&operand.node)) {
    wrong = !literal->value.is_null() && literal->value.kind() != Value::Kind::kBoolean;
  }
  if (wrong) {
    return CompileError("InvalidArgumentType", "a boolean operator needs boolean operands",
                        operand.position);
  }
  return true;
}

QueryResult<bool> Binder::CheckGrouping(const ast::Expression& expression,
                                        const std::vector<const ast::Expression*>& keys,
                                        const std::set<std::string>* projected) {
  if (IsAggregateCall(expression)) return true;
  if (const auto* variable = std::get_if<ast::Variable>(&expression.node)) {
    if (projected != nullptr && projected->count(variable->name) != 0) return true;
  }
  for (const ast::Expression* key : keys) {
    if (SameExpression(*key, expression)) {
      const bool simple = std::holds_alternative<ast::Variable>(expression.node) ||
                          std::holds_alternative<ast::PropertyAccess>(expression.node);
      if (simple) return true;
    }
  }
  if (std::holds_alternative<ast::Variable>(expression.node)) {
    return CompileError("AmbiguousAggregationExpression",
                        "an expression with an aggregate may use variables only as grouping keys",
                        expression.position);
  }
  QueryResult<bool> result = true;
  auto check = [&](const ast::ExpressionPtr& child) {
    if (child && result.ok()) result = CheckGrouping(*child, keys, projected);
  };
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::PropertyAccess>) {
          check(node.object);
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          check(node.operand);
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          check(node.left);
          check(node.right);
        } else if constexpr (std::is_same_v<T, ast::FunctionCall>) {
          for (const auto& argument : node.arguments) check(argument);
        } else if constexpr (std::is_same_v<T, ast::ListLiteral>) {
          for (const auto& item : node.items) check(item);
        } else if constexpr (std::is_same_v<T, ast::Subscript>) {
          check(node.object);
          check(node.index);
        } else if constexpr (std::is_same_v<T, ast::Case>) {
          check(node.subject);
          for (const auto& alternative : node.alternatives) {
            check(alternative.when);
            check(alternative.then);
          }
          check(node.otherwise);
        }
      },
      expression.node);
  return result;
}

// Arguments whose kind is known at compile time and wrong: type() of a node, properties() of
// a number (Graph4 [7], Graph9 [5]).
QueryResult<bool> Binder::CheckArgumentKinds(const ast::Expression& expression,
                                             const ast::FunctionCall& call, const Scope& scope) {
  if (call.arguments.size() != 1) return true;
  const ast::Expression& argument = *call.arguments[0];
  VariableKind kind = VariableKind::kAny;
  if (const auto* variable = std::get_if<ast::Variable>(&argument.node)) {
    auto found = scope.find(variable->name);
    if (found != scope.end()) kind = found->second.kind;
  } else if (const auto* literal = std::get_if<ast::Literal>(&argument.node)) {
    if (!literal->value.is_null()) kind = VariableKind::kValue;
  } else if (std::holds_alternative<ast::ListLiteral>(argument.node)) {
    kind = VariableKind::kList;
  }
  const FunctionInfo* info = FindFunction(call.name);
  const std::string_view name = info->name;
  bool wrong = false;
  if (name == "type") {
    wrong = kind != VariableKind::kRelationship && kind != VariableKind::kAny;
  } else if (name == "labels") {
    wrong = kind != VariableKind::kNode && kind != VariableKind::kAny;
  } else if (name == "size") {
    wrong = kind == VariableKind::kPath;
  } else if (name == "length") {
    wrong = kind == VariableKind::kRelationship || kind == VariableKind::kNode;
  } else if (name == "properties" || name == "keys") {
    wrong = kind == VariableKind::kValue || kind == VariableKind::kPath ||
            kind == VariableKind::kList || kind == VariableKind::kRelationshipList;
  }
  if (wrong) {
    return CompileError("InvalidArgumentType", std::string(name) + "() cannot take this argument",
                        expression.position);
  }
  return true;
}

QueryResult<bool> Binder::BindCall(const ast::Expression& expression, const ast::FunctionCall& call,
                                   Scope* scope, ExprContext context) {
  const FunctionInfo* info = FindFunction(call.name);
  if (info == nullptr) {
    return CompileError("UnknownFunction", "there is no function `" + call.name + "`",
                        expression.position);
  }
  const int arity = static_cast<int>(call.arguments.size());
  if (arity < info->min_arity ||
      (info->max_arity != FunctionInfo::kVariadic && arity > info->max_arity)) {
    return CompileError("InvalidNumberOfArguments",
                        "`" + call.name + "` takes " + std::to_string(info->min_arity) +
                            (info->max_arity == info->min_arity
                                 ? ""
                                 : (info->max_arity == FunctionInfo::kVariadic
                                        ? " or more"
                                        : " to " + std::to_string(info->max_arity))) +
                            " arguments",
                        expression.position);
  }
  auto wrong_argument = CheckArgumentKinds(expression, call, *scope);
  if (!wrong_argument.ok()) return wrong_argument;
  if (info->aggregate) {
    if (context.projection == nullptr || context.in_aggregate) {
      return CompileError("InvalidAggregation",
                          context.in_aggregate
                              ? "aggregates cannot be nested"
                              : std::string("an aggregate cannot stand in ") + context.place,
                          expression.position);
    }
    out_->uses[&expression] = NewSlot();
    context.projection->aggregate_calls.push_back(&expression);
    context.in_aggregate = true;
  }
  for (const ast::ExpressionPtr& argument : call.arguments) {
    auto bound = BindExpression(*argument, scope, context);
    if (!bound.ok()) return bound;
  }
  return true;
}

QueryResult<bool> Binder::BindExpression(const ast::Expression& expression, Scope* scope,
                                         ExprContext context) {
  auto bind = [&](const ast::ExpressionPtr& child, Scope* in) -> QueryResult<bool> {
    if (!child) return true;
    return BindExpression(*child, in, context);
  };
  // A local variable (comprehension, quantifier, reduce) in a copy of the scope.
  auto local = [&](const void* key, const std::string& name, Scope* inner) {
    int slot = NewSlot();
    out_->declarations[key] = {slot, true};
    (*inner)[name] = {slot, VariableKind::kAny};
  };
  return std::visit(
      [&](const auto& node) -> QueryResult<bool> {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::Literal>) {
          return true;
        } else if constexpr (std::is_same_v<T, ast::Parameter>) {
          if (parameters_ != nullptr && parameters_->count(node.name) == 0) {
            return QueryError{ErrorClass::kParameterMissing, "MissingParameter",
                              "parameter $" + node.name + " was not given", expression.position};
          }
          return true;
        } else if constexpr (std::is_same_v<T, ast::Variable>) {
          return BindVariableUse(&expression, node.name, expression.position, *scope);
        } else if constexpr (std::is_same_v<T, ast::PropertyAccess>) {
          if (const auto* variable = std::get_if<ast::Variable>(&node.object->node)) {
            auto found = scope->find(variable->name);
            if (found != scope->end() && (found->second.kind == VariableKind::kValue ||
                                          found->second.kind == VariableKind::kList ||
                                          found->second.kind == VariableKind::kPath)) {
              // The kit calls a path's property a SyntaxError (MatchWhere1 [14]) and a
              // literal's a TypeError (Graph6 [9]).
              return QueryError{found->second.kind == VariableKind::kPath ? ErrorClass::kSyntaxError
                                                                          : ErrorClass::kTypeError,
                                "InvalidArgumentType", "`" + variable->name + "` has no properties",
                                expression.position};
            }
          }
          return bind(node.object, scope);
        } else if constexpr (std::is_same_v<T, ast::Subscript>) {
          auto object = bind(node.object, scope);
          if (!object.ok()) return object;
          return bind(node.index, scope);
        } else if constexpr (std::is_same_v<T, ast::Slice>) {
          for (const auto* part : {&node.list, &node.from, &node.to}) {
            auto bound = bind(*part, scope);
            if (!bound.ok()) return bound;
          }
          return true;
        } else if constexpr (std::is_same_v<T, ast::LabelTest>) {
          return bind(node.subject, scope);
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          if (node.op == ast::UnaryOperator::kNot) {
            auto operand = CheckBooleanOperand(*node.operand);
            if (!operand.ok()) return operand;
          }
          return bind(node.operand, scope);
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          if (node.op == ast::BinaryOperator::kAnd || node.op == ast::BinaryOperator::kOr ||
              node.op == ast::BinaryOperator::kXor) {
            for (const auto* operand : {&node.left, &node.right}) {
              auto checked = CheckBooleanOperand(**operand);
              if (!checked.ok()) return checked;
            }
          }
          if (IsArithmetic(node.op)) {
            for (const auto* operand : {&node.left, &node.right}) {
              const auto* variable = std::get_if<ast::Variable>(&(*operand)->node);
              if (variable == nullptr) continue;
              auto found = scope->find(variable->name);
              if (found != scope->end() && non_numeric_slots_.count(found->second.slot) != 0) {
                return CompileError("InvalidArgumentType",
                                    "`" + variable->name + "` is a string or boolean, not a number",
                                    (*operand)->position);
              }
            }
          }
          if (node.op == ast::BinaryOperator::kIn) {
            const auto* literal = std::get_if<ast::Literal>(&node.right->node);
            if ((literal != nullptr && !literal->value.is_null()) ||
                std::holds_alternative<ast::MapLiteral>(node.right->node)) {
              return CompileError("InvalidArgumentType", "IN needs a list", node.right->position);
            }
          }
          auto left = bind(node.left, scope);
          if (!left.ok()) return left;
          return bind(node.right, scope);
        } else if constexpr (std::is_same_v<T, ast::ComparisonChain>) {
          for (const auto& operand : node.operands) {
            auto bound = bind(operand, scope);
            if (!bound.ok()) return bound;
          }
          return true;
        } else if constexpr (std::is_same_v<T, ast::FunctionCall>) {
          return BindCall(expression, node, scope, context);
        } else if constexpr (std::is_same_v<T, ast::CountStar>) {
          if (context.projection == nullptr || context.in_aggregate) {
            return CompileError("InvalidAggregation",
                                std::string("count(*) cannot stand in ") + context.place,
                                expression.position);
          }
          out_->uses[&expression] = NewSlot();
          context.projection->aggregate_calls.push_back(&expression);
          return true;
        } else if constexpr (std::is_same_v<T, ast::Case>) {
          auto subject = bind(node.subject, scope);
          if (!subject.ok()) return subject;
          for (const auto& alternative : node.alternatives) {
            auto when = bind(alternative.when, scope);
            if (!when.ok()) return when;
            auto then = bind(alternative.then, scope);
            if (!then.ok()) return then;
          }
          return bind(node.otherwise, scope);
        } else if constexpr (std::is_same_v<T, ast::ListLiteral>) {
          for (const auto& item : node.items) {
            auto bound = bind(item, scope);
            if (!bound.ok()) return bound;
          }
          return true;
        } else if constexpr (std::is_same_v<T, ast::MapLiteral>) {
          for (const auto& entry : node.entries) {
            auto bound = bind(entry.value, scope);
            if (!bound.ok()) return bound;
          }
          return true;
        } else if constexpr (std::is_same_v<T, ast::ListComprehension>) {
          auto list = bind(node.list, scope);
          if (!list.ok()) return list;
          Scope inner = *scope;
          local(&node, node.variable, &inner);
          // Per element, nothing aggregates (List12 [7]).
          ExprContext element{nullptr, context.in_aggregate, "a list comprehension"};
          for (const auto* part : {&node.predicate, &node.projection}) {
            if (!*part) continue;
            auto bound = BindExpression(**part, &inner, element);
            if (!bound.ok()) return bound;
          }
          return true;
        } else if constexpr (std::is_same_v<T, ast::Quantifier>) {
          auto list = bind(node.list, scope);
          if (!list.ok()) return list;
          Scope inner = *scope;
          local(&node, node.variable, &inner);
          if (NonNumericList(*node.list)) non_numeric_slots_.insert(inner[node.variable].slot);
          return bind(node.predicate, &inner);
        } else if constexpr (std::is_same_v<T, ast::Reduce>) {
          auto initial = bind(node.initial, scope);
          if (!initial.ok()) return initial;
          auto list = bind(node.list, scope);
          if (!list.ok()) return list;
          Scope inner = *scope;
          local(&node.step, node.accumulator, &inner);
          local(&node, node.variable, &inner);
          return bind(node.step, &inner);
        } else if constexpr (std::is_same_v<T, ast::PatternComprehension>) {
          Scope inner = *scope;
          auto chain = BindChain(node.pattern, PatternMode::kLocal, &inner, nullptr);
          if (!chain.ok()) return chain;
          if (!node.path_variable.empty()) local(&node, node.path_variable, &inner);
          auto predicate = bind(node.predicate, &inner);
          if (!predicate.ok()) return predicate;
          return bind(node.projection, &inner);
        } else if constexpr (std::is_same_v<T, ast::MapProjection>) {
          auto variable = BindVariableUse(&node, node.variable, expression.position, *scope);
          if (!variable.ok()) return variable;
          for (const ast::MapProjectionItem& item : node.items) {
            if (item.kind == ast::MapProjectionItem::Kind::kEntry) {
              auto value = bind(item.value, scope);
              if (!value.ok()) return value;
            } else if (item.kind == ast::MapProjectionItem::Kind::kVariable) {
              auto use = BindVariableUse(&item, item.key, item.position, *scope);
              if (!use.ok()) return use;
            }
          }
          return true;
        } else if constexpr (std::is_same_v<T, ast::PatternPredicate>) {
          if (node.pattern.steps.empty()) {  // WHERE (n): a node is no predicate (Pattern1 [11])
            return CompileError("InvalidArgumentType", "a pattern predicate needs a relationship",
                                expression.position);
          }
          Scope inner = *scope;
          return BindChain(node.pattern, PatternMode::kPredicate, &inner, nullptr);
        } else {  // ExistsSubquery
          if (node.query) return BindSubquery(node, *scope);
          Scope inner = *scope;
          std::set<std::string> relationships;
          for (const ast::PatternPart& part : node.patterns) {
            auto bound = BindPattern(part, PatternMode::kLocal, &inner, &relationships);
            if (!bound.ok()) return bound;
          }
          return bind(node.predicate, &inner);
        }
      },
      expression.node);
}

}  // namespace tiegraph::cypher
