// Expression evaluation: variables, literals, operators, property access, subscripts and
// slices, CASE. Function calls and the constructs that bind local variables are in
// evaluate_calls.cc.
#include <regex>

#include <tiegraph/cypher_functions.h>
#include <tiegraph/cypher_semantics.h>

#include "execution_context.h"

namespace tiegraph::cypher {

QueryError RuntimeError(ErrorClass error_class, const std::string& code,
                        const std::string& message) {
  return QueryError{error_class, code, message, {}};
}

QueryResult<bool> ExecutionContext::CheckTime() const {
  if (std::chrono::steady_clock::now() > deadline) {
    return RuntimeError(ErrorClass::kTimeout, "Timeout",
                        "the query ran longer than its time limit of " +
                            std::to_string(options->timeout.count()) + " ms");
  }
  return true;
}

QueryResult<bool> ExecutionContext::CheckHeld(size_t rows, size_t bytes) const {
  if (rows > options->max_rows) {
    return RuntimeError(
        ErrorClass::kLimitExceeded, "RowLimit",
        "the query holds more rows than the limit of " + std::to_string(options->max_rows));
  }
  if (bytes > options->max_memory_bytes) {
    return RuntimeError(ErrorClass::kLimitExceeded, "MemoryLimit",
                        "the query needs more memory than the limit of " +
                            std::to_string(options->max_memory_bytes) + " bytes");
  }
  return true;
}

namespace {

size_t EstimateValue(const Value& value) {
  size_t bytes = sizeof(Value);
  switch (value.kind()) {
    case Value::Kind::kString:
      return bytes + value.string().size();
    case Value::Kind::kList:
      for (const Value& item : value.list()) bytes += EstimateValue(item);
      return bytes;
    case Value::Kind::kMap:
      for (const auto& [key, item] : value.map()) bytes += key.size() + EstimateValue(item);
      return bytes;
    case Value::Kind::kNode:
    case Value::Kind::kRelationship:
      return bytes + 64;
    case Value::Kind::kPath:
      return bytes + 64 * (2 * value.path().relationships.size() + 1);
    default:
      return bytes;
  }
}

QueryError TypeMismatch(const std::string& what, const Value& value) {
  return RuntimeError(ErrorClass::kTypeError, "InvalidArgumentType",
                      what + ", not " + std::string(KindName(value.kind())));
}

ComparisonOp ToComparison(ast::BinaryOperator op) {
  switch (op) {
    case ast::BinaryOperator::kLess:
      return ComparisonOp::kLess;
    case ast::BinaryOperator::kLessEqual:
      return ComparisonOp::kLessOrEqual;
    case ast::BinaryOperator::kGreater:
      return ComparisonOp::kGreater;
    default:
      return ComparisonOp::kGreaterOrEqual;
  }
}

// `=`, `<>`, `<`… on two values.
Value Comparison(ast::BinaryOperator op, const Value& a, const Value& b) {
  if (op == ast::BinaryOperator::kEqual) return Equals(a, b);
  if (op == ast::BinaryOperator::kNotEqual) return NotEquals(a, b);
  return Compare(ToComparison(op), a, b);
}

}  // namespace

size_t EstimateBytes(const Row& row) {
  size_t bytes = sizeof(Row);
  for (const Value& value : row) bytes += EstimateValue(value);
  return bytes;
}

QueryResult<Value> LoadNode(ExecutionContext* context, NodeId id) {
  auto node = context->graph->Node(id);
  if (!node.ok()) return node.error();
  return Value(std::move(*node));
}

QueryResult<Value> LoadRelationship(ExecutionContext* context, RelationshipId id, NodeId start,
                                    NodeId end) {
  auto relationship = context->graph->Relationship(id);
  if (!relationship.ok()) return relationship.error();
  relationship->start = start;
  relationship->end = end;
  return Value(std::move(*relationship));
}

Value Refresh(ExecutionContext* context, const Value& value) {
  if (value.kind() == Value::Kind::kNode) {
    auto node = LoadNode(context, value.node().id);
    return node.ok() ? *node : value;
  }
  if (value.kind() == Value::Kind::kRelationship) {
    const RelationshipValue& old = value.relationship();
    auto relationship = LoadRelationship(context, old.id, old.start, old.end);
    return relationship.ok() ? *relationship : value;
  }
  return value;
}

QueryResult<bool> Evaluator::Holds(const ast::Expression& expression, Row* row) {
  auto value = Evaluate(expression, row);
  if (!value.ok()) return value.error();
  if (value->is_null()) return false;
  if (value->kind() != Value::Kind::kBoolean)
    return TypeMismatch("a predicate must be a boolean", *value);
  return value->boolean();
}

QueryResult<Value> Evaluator::EvaluateProperty(const Value& object, const std::string& key) {
  // Nodes and relationships are read from the graph: the query's own writes show.
  if (object.kind() == Value::Kind::kNode) {
    return context_->graph->NodeProperty(object.node().id, key);
  }
  if (object.kind() == Value::Kind::kRelationship) {
    return context_->graph->RelationshipProperty(object.relationship().id, key);
  }
  return Property(object, key);
}

QueryResult<Value> Evaluator::EvaluateSubscript(const Value& object, const Value& index) {
  if ((object.kind() == Value::Kind::kNode || object.kind() == Value::Kind::kRelationship) &&
      index.kind() == Value::Kind::kString) {
    return EvaluateProperty(object, index.string());
  }
  return Subscript(object, index);
}

QueryResult<Value> Evaluator::EvaluateSlice(const ast::Slice& slice, Row* row) {
  auto list = Evaluate(*slice.list, row);
  if (!list.ok()) return list;
  std::optional<Value> bounds[2];
  const ast::ExpressionPtr* parts[2] = {&slice.from, &slice.to};
  for (int i = 0; i < 2; ++i) {
    if (!*parts[i]) continue;
    auto bound = Evaluate(**parts[i], row);
    if (!bound.ok()) return bound;
    bounds[i] = std::move(*bound);
  }
  return Slice(*list, bounds[0], bounds[1]);
}

QueryResult<Value> Evaluator::EvaluateBinary(const ast::Binary& binary, Row* row) {
  using Op = ast::BinaryOperator;
  auto left = Evaluate(*binary.left, row);
  if (!left.ok()) return left;
  if (binary.op == Op::kAnd && left->kind() == Value::Kind::kBoolean && !left->boolean()) {
    return Value(false);
  }
  if (binary.op == Op::kOr && left->kind() == Value::Kind::kBoolean && left->boolean()) {
    return Value(true);
  }
  auto right = Evaluate(*binary.right, row);
  if (!right.ok()) return right;
  const Value& a = *left;
  const Value& b = *right;
  switch (binary.op) {
    case Op::kOr:
      return Or(a, b);
    case Op::kXor:
      return Xor(a, b);
    case Op::kAnd:
      return And(a, b);
    case Op::kEqual:
    case Op::kNotEqual:
    case Op::kLess:
    case Op::kGreater:
    case Op::kLessEqual:
    case Op::kGreaterEqual:
      return Comparison(binary.op, a, b);
    case Op::kRegexMatch: {
      if (a.kind() != Value::Kind::kString || b.kind() != Value::Kind::kString) return Value();
      try {
        return Value(std::regex_match(a.string(), std::regex(b.string())));
      } catch (const std::regex_error&) {
        return RuntimeError(ErrorClass::kArgumentError, "InvalidArgumentValue",
                            "`" + b.string() + "` is not a regular expression");
      }
    }
    case Op::kIn:
      if (!b.is_null() && b.kind() != Value::Kind::kList) {
        return TypeMismatch("IN needs a list", b);
      }
      return In(a, b);
    case Op::kStartsWith:
      return StringMatch(StringOp::kStartsWith, a, b);
    case Op::kEndsWith:
      return StringMatch(StringOp::kEndsWith, a, b);
    case Op::kContains:
      return StringMatch(StringOp::kContains, a, b);
    case Op::kAdd:
      return Arithmetic(ArithmeticOp::kAdd, a, b);
    case Op::kSubtract:
      return Arithmetic(ArithmeticOp::kSubtract, a, b);
    case Op::kMultiply:
      return Arithmetic(ArithmeticOp::kMultiply, a, b);
    case Op::kDivide:
      return Arithmetic(ArithmeticOp::kDivide, a, b);
    case Op::kModulo:
      return Arithmetic(ArithmeticOp::kModulo, a, b);
    case Op::kPower:
      return Arithmetic(ArithmeticOp::kPower, a, b);
  }
  return Value();
}

QueryResult<Value> Evaluator::Evaluate(const ast::Expression& expression, Row* row) {
  return std::visit(
      [&](const auto& node) -> QueryResult<Value> {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::Literal>) {
          return node.value;
        } else if constexpr (std::is_same_v<T, ast::Parameter>) {
          auto found = context_->options->parameters.find(node.name);
          if (found == context_->options->parameters.end()) {
            return QueryError{ErrorClass::kParameterMissing, "MissingParameter",
                              "parameter $" + node.name + " was not given", expression.position};
          }
          return found->second;
        } else if constexpr (std::is_same_v<T, ast::Variable>) {
          return (*row)[context_->Slot(&expression)];
        } else if constexpr (std::is_same_v<T, ast::PropertyAccess>) {
          // After aggregation, ORDER BY reads a property projected as an item from its slot.
          auto projected = context_->bound->uses.find(&expression);
          if (projected != context_->bound->uses.end()) return (*row)[projected->second];
          auto object = Evaluate(*node.object, row);
          if (!object.ok()) return object;
          return EvaluateProperty(*object, node.key);
        } else if constexpr (std::is_same_v<T, ast::Subscript>) {
          auto object = Evaluate(*node.object, row);
          if (!object.ok()) return object;
          auto index = Evaluate(*node.index, row);
          if (!index.ok()) return index;
          return EvaluateSubscript(*object, *index);
        } else if constexpr (std::is_same_v<T, ast::Slice>) {
          return EvaluateSlice(node, row);
        } else if constexpr (std::is_same_v<T, ast::LabelTest>) {
          auto subject = Evaluate(*node.subject, row);
          if (!subject.ok()) return subject;
          if (subject->is_null()) return Value();
          if (subject->kind() != Value::Kind::kNode) {
            return TypeMismatch("a label test needs a node", *subject);
          }
          for (const std::string& label : node.labels) {
            auto has = context_->graph->HasLabel(subject->node().id, label);
            if (!has.ok()) return has.error();
            if (!*has) return Value(false);
          }
          return Value(true);
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          auto operand = Evaluate(*node.operand, row);
          if (!operand.ok()) return operand;
          switch (node.op) {
            case ast::UnaryOperator::kNot:
              return Not(*operand);
            case ast::UnaryOperator::kNegate:
              return Negate(*operand);
            case ast::UnaryOperator::kPlus:
              if (!operand->is_null() && !operand->is_number()) {
                return TypeMismatch("unary + needs a number", *operand);
              }
              return operand;
            case ast::UnaryOperator::kIsNull:
              return Value(operand->is_null());
            case ast::UnaryOperator::kIsNotNull:
              return Value(!operand->is_null());
          }
          return Value();
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          return EvaluateBinary(node, row);
        } else if constexpr (std::is_same_v<T, ast::ComparisonChain>) {
          Value result(true);
          auto previous = Evaluate(*node.operands[0], row);
          if (!previous.ok()) return previous;
          for (size_t i = 0; i < node.operators.size(); ++i) {
            auto next = Evaluate(*node.operands[i + 1], row);
            if (!next.ok()) return next;
            auto both = And(result, Comparison(node.operators[i], *previous, *next));
            if (!both.ok()) return both;
            result = *both;
            previous = std::move(next);
          }
          return result;
        } else if constexpr (std::is_same_v<T, ast::FunctionCall>) {
          return EvaluateCall(expression, node, row);
        } else if constexpr (std::is_same_v<T, ast::CountStar>) {
          return (*row)[context_->Slot(&expression)];
        } else if constexpr (std::is_same_v<T, ast::Case>) {
          Value subject;
          if (node.subject) {
            auto evaluated = Evaluate(*node.subject, row);
            if (!evaluated.ok()) return evaluated;
            subject = *evaluated;
          }
          for (const ast::CaseAlternative& alternative : node.alternatives) {
            auto when = Evaluate(*alternative.when, row);
            if (!when.ok()) return when;
            const Value test = node.subject ? Equals(subject, *when) : *when;
            if (test.kind() == Value::Kind::kBoolean && test.boolean()) {
              return Evaluate(*alternative.then, row);
            }
          }
          if (node.otherwise) return Evaluate(*node.otherwise, row);
          return Value();
        } else if constexpr (std::is_same_v<T, ast::ListLiteral>) {
          List items;
          for (const ast::ExpressionPtr& item : node.items) {
            auto value = Evaluate(*item, row);
            if (!value.ok()) return value;
            items.push_back(std::move(*value));
          }
          return Value(std::move(items));
        } else if constexpr (std::is_same_v<T, ast::MapLiteral>) {
          Map entries;
          for (const ast::MapEntry& entry : node.entries) {
            auto value = Evaluate(*entry.value, row);
            if (!value.ok()) return value;
            entries[entry.key] = std::move(*value);
          }
          return Value(std::move(entries));
        } else if constexpr (std::is_same_v<T, ast::ListComprehension>) {
          auto list = Evaluate(*node.list, row);
          if (!list.ok()) return list;
          if (list->is_null()) return Value();
          if (list->kind() != Value::Kind::kList) {
            return TypeMismatch("a list comprehension needs a list", *list);
          }
          const int slot = context_->Declared(&node).slot;
          List out;
          for (const Value& item : list->list()) {
            (*row)[slot] = item;
            if (node.predicate) {
              auto keep = Holds(*node.predicate, row);
              if (!keep.ok()) return keep.error();
              if (!*keep) continue;
            }
            if (node.projection) {
              auto projected = Evaluate(*node.projection, row);
              if (!projected.ok()) return projected;
              out.push_back(std::move(*projected));
            } else {
              out.push_back(item);
            }
          }
          return Value(std::move(out));
        } else if constexpr (std::is_same_v<T, ast::PatternComprehension>) {
          return EvaluatePatternComprehension(node, row);
        } else if constexpr (std::is_same_v<T, ast::Quantifier>) {
          return EvaluateQuantifier(node, row);
        } else if constexpr (std::is_same_v<T, ast::Reduce>) {
          auto accumulator = Evaluate(*node.initial, row);
          if (!accumulator.ok()) return accumulator;
          auto list = Evaluate(*node.list, row);
          if (!list.ok()) return list;
          if (list->is_null()) return Value();
          if (list->kind() != Value::Kind::kList) return TypeMismatch("reduce needs a list", *list);
          const int accumulator_slot = context_->Declared(&node.step).slot;
          const int slot = context_->Declared(&node).slot;
          Value current = *accumulator;
          for (const Value& item : list->list()) {
            (*row)[accumulator_slot] = current;
            (*row)[slot] = item;
            auto step = Evaluate(*node.step, row);
            if (!step.ok()) return step;
            current = std::move(*step);
          }
          return current;
        } else if constexpr (std::is_same_v<T, ast::MapProjection>) {
          return EvaluateMapProjection(node, row);
        } else if constexpr (std::is_same_v<T, ast::PatternPredicate>) {
          Row scratch = *row;
          bool found = false;
          auto matched = MatchAny(node.pattern, &scratch, &found);
          if (!matched.ok()) return matched.error();
          return Value(found);
        } else {
          return EvaluateExists(node, row);
        }
      },
      expression.node);
}

}  // namespace tiegraph::cypher
