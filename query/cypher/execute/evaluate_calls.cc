// Evaluation of function calls and of the expressions that bind local variables or read the
// graph: quantifiers, map projections, pattern comprehensions, pattern predicates, EXISTS.
#include <tiegraph/cypher_functions.h>
#include <tiegraph/cypher_semantics.h>

#include "execution_context.h"
#include "operators.h"
#include "pattern_matcher.h"

namespace tiegraph::cypher {

QueryResult<Value> Evaluator::EvaluateCall(const ast::Expression& expression,
                                           const ast::FunctionCall& call, Row* row) {
  const FunctionInfo* info = FindFunction(call.name);
  if (info == nullptr) {
    return QueryError{ErrorClass::kSyntaxError, "UnknownFunction",
                      "there is no function `" + call.name + "`", expression.position};
  }
  if (info->aggregate) return (*row)[context_->Slot(&expression)];
  std::vector<Value> arguments;
  for (const ast::ExpressionPtr& argument : call.arguments) {
    auto value = Evaluate(*argument, row);
    if (!value.ok()) return value;
    // Labels and properties as they are now, after the query's own writes; those of a
    // deleted entity are gone (Return2 [16]), its id is not.
    if (info->name != std::string_view("id") && info->name != std::string_view("type") &&
        (value->kind() == Value::Kind::kNode || value->kind() == Value::Kind::kRelationship)) {
      auto current = value->kind() == Value::Kind::kNode
                         ? LoadNode(context_, value->node().id)
                         : LoadRelationship(context_, value->relationship().id,
                                            value->relationship().start, value->relationship().end);
      if (!current.ok()) return current.error();
      arguments.push_back(std::move(*current));
      continue;
    }
    arguments.push_back(std::move(*value));
  }
  if (info->needs_graph) {
    const Value& relationship = arguments.empty() ? Value() : arguments[0];
    if (relationship.is_null()) return Value();
    if (relationship.kind() != Value::Kind::kRelationship) {
      return RuntimeError(ErrorClass::kTypeError, "InvalidArgumentValue",
                          std::string(info->name) + " needs a relationship, not " +
                              std::string(KindName(relationship.kind())));
    }
    auto stored = context_->graph->Relationship(relationship.relationship().id);
    if (!stored.ok()) return stored.error();
    const bool start = info->name == std::string_view("startNode");
    return LoadNode(context_, start ? stored->start : stored->end);
  }
  auto result = CallFunction(*info, arguments);
  if (!result.ok() && !result.error().position.known()) {
    QueryError error = result.error();
    error.position = expression.position;
    return error;
  }
  return result;
}

QueryResult<Value> Evaluator::EvaluateQuantifier(const ast::Quantifier& quantifier, Row* row) {
  auto list = Evaluate(*quantifier.list, row);
  if (!list.ok()) return list;
  if (list->is_null()) return Value();
  if (list->kind() != Value::Kind::kList) {
    return RuntimeError(ErrorClass::kTypeError, "InvalidArgumentType",
                        "a quantifier needs a list, not " + std::string(KindName(list->kind())));
  }
  const int slot = context_->Declared(&quantifier).slot;
  int64_t trues = 0, falses = 0, nulls = 0;
  for (const Value& item : list->list()) {
    (*row)[slot] = item;
    Value test = item;
    if (quantifier.predicate) {
      auto evaluated = Evaluate(*quantifier.predicate, row);
      if (!evaluated.ok()) return evaluated;
      test = *evaluated;
    }
    if (test.is_null()) {
      ++nulls;
    } else if (test.kind() != Value::Kind::kBoolean) {
      return RuntimeError(ErrorClass::kTypeError, "InvalidArgumentType",
                          "a quantifier's predicate must be a boolean");
    } else if (test.boolean()) {
      ++trues;
    } else {
      ++falses;
    }
  }
  switch (quantifier.kind) {
    case ast::QuantifierKind::kAll:
      if (falses > 0) return Value(false);
      return nulls > 0 ? Value() : Value(true);
    case ast::QuantifierKind::kAny:
      if (trues > 0) return Value(true);
      return nulls > 0 ? Value() : Value(false);
    case ast::QuantifierKind::kNone:
      if (trues > 0) return Value(false);
      return nulls > 0 ? Value() : Value(true);
    case ast::QuantifierKind::kSingle:
      if (trues > 1) return Value(false);
      if (nulls > 0) return Value();
      return Value(trues == 1);
  }
  return Value();
}

QueryResult<Value> Evaluator::EvaluateMapProjection(const ast::MapProjection& projection,
                                                    Row* row) {
  const Value base = Refresh(context_, (*row)[context_->Slot(&projection)]);
  if (base.is_null()) return Value();
  const Map* properties = nullptr;
  if (base.kind() == Value::Kind::kNode) {
    properties = base.node().properties.get();
  } else if (base.kind() == Value::Kind::kRelationship) {
    properties = base.relationship().properties.get();
  } else if (base.kind() == Value::Kind::kMap) {
    properties = &base.map();
  } else {
    return RuntimeError(ErrorClass::kTypeError, "InvalidArgumentType",
                        "a map projection needs a node, relationship or map, not " +
                            std::string(KindName(base.kind())));
  }
  static const Map kEmpty;
  if (properties == nullptr) properties = &kEmpty;
  Map out;
  for (const ast::MapProjectionItem& item : projection.items) {
    switch (item.kind) {
      case ast::MapProjectionItem::Kind::kProperty: {
        auto found = properties->find(item.key);
        out[item.key] = found == properties->end() ? Value() : found->second;
        break;
      }
      case ast::MapProjectionItem::Kind::kAll:
        for (const auto& [key, value] : *properties) out[key] = value;
        break;
      case ast::MapProjectionItem::Kind::kEntry: {
        auto value = Evaluate(*item.value, row);
        if (!value.ok()) return value;
        out[item.key] = std::move(*value);
        break;
      }
      case ast::MapProjectionItem::Kind::kVariable:
        out[item.key] = (*row)[context_->Slot(&item)];
        break;
    }
  }
  return Value(std::move(out));
}

QueryResult<bool> Evaluator::MatchAny(const ast::PatternChain& chain, Row* row, bool* found) {
  return MatchChain(context_, this, chain, row, [&](Row*) -> QueryResult<bool> {
    *found = true;
    return false;
  });
}

QueryResult<Value> Evaluator::EvaluatePatternComprehension(const ast::PatternComprehension& pattern,
                                                           Row* row) {
  Row scratch = *row;
  List out;
  auto matched =
      MatchChain(context_, this, pattern.pattern, &scratch, [&](Row* match) -> QueryResult<bool> {
        if (!pattern.path_variable.empty()) {
          auto path = BuildPath(context_, pattern.pattern, *match);
          if (!path.ok()) return path.error();
          (*match)[context_->Declared(&pattern).slot] = *path;
        }
        if (pattern.predicate) {
          auto keep = Holds(*pattern.predicate, match);
          if (!keep.ok() || !*keep) return keep.ok() ? QueryResult<bool>(true) : keep;
        }
        auto value = Evaluate(*pattern.projection, match);
        if (!value.ok()) return value.error();
        out.push_back(std::move(*value));
        return true;
      });
  if (!matched.ok()) return matched.error();
  return Value(std::move(out));
}

QueryResult<Value> Evaluator::EvaluateExists(const ast::ExistsSubquery& exists, Row* row) {
  if (exists.query) {
    // Any row of the subquery, run from this one, makes it true.
    CursorPtr subquery = MakeCursor(*context_->plan->subqueries.at(&exists), context_, *row);
    Batch batch;
    auto more = subquery->Next(&batch);
    if (!more.ok()) return more.error();
    return Value(*more);
  }
  Row scratch = *row;
  bool found = false;
  // Matches the parts one after another; the predicate decides on a full match.
  std::function<QueryResult<bool>(size_t, Row*)> part = [&](size_t index,
                                                            Row* current) -> QueryResult<bool> {
    if (index == exists.patterns.size()) {
      if (exists.predicate) {
        auto keep = Holds(*exists.predicate, current);
        if (!keep.ok()) return keep;
        if (!*keep) return true;
      }
      found = true;
      return false;
    }
    const ast::PatternPart& pattern = exists.patterns[index];
    return MatchChain(context_, this, pattern.chain, current, [&](Row* match) -> QueryResult<bool> {
      if (!pattern.path_variable.empty()) {
        auto path = BuildPath(context_, pattern.chain, *match);
        if (!path.ok()) return path.error();
        (*match)[context_->Declared(&pattern).slot] = *path;
      }
      return part(index + 1, match);
    });
  };
  auto matched = part(0, &scratch);
  if (!matched.ok()) return matched.error();
  return Value(found);
}

}  // namespace tiegraph::cypher
