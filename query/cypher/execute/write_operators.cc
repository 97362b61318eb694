// The updating operators: Create, Merge, SetProperties, Remove, Delete. Each reads all its
// input before it writes, so a clause never sees its own changes while it matches.
#include <set>

#include "operators.h"
#include "pattern_matcher.h"

namespace tiegraph::cypher {
namespace {

// Maps, nodes, relationships and paths cannot be stored as properties (nor in lists).
QueryResult<bool> CheckStorable(const Value& value, const std::string& key) {
  switch (value.kind()) {
    case Value::Kind::kMap:
    case Value::Kind::kNode:
    case Value::Kind::kRelationship:
    case Value::Kind::kPath:
      return RuntimeError(
          ErrorClass::kTypeError, "InvalidPropertyType",
          "property `" + key + "` cannot hold a " + std::string(KindName(value.kind())));
    case Value::Kind::kList:
      for (const Value& item : value.list()) {
        if (item.kind() == Value::Kind::kList) {
          return RuntimeError(ErrorClass::kTypeError, "InvalidPropertyType",
                              "property `" + key + "` cannot hold nested lists");
        }
        auto storable = CheckStorable(item, key);
        if (!storable.ok()) return storable;
      }
      return true;
    default:
      return true;
  }
}

// A pattern's properties to create with: nulls are left out.
QueryResult<Map> PropertiesToCreate(Evaluator* evaluator, const ast::ExpressionPtr& properties,
                                    Row* row) {
  Map out;
  if (!properties) return out;
  auto value = evaluator->Evaluate(*properties, row);
  if (!value.ok()) return value.error();
  if (value->is_null()) return out;
  if (value->kind() != Value::Kind::kMap) {
    return RuntimeError(ErrorClass::kTypeError, "InvalidArgumentType",
                        "a pattern's properties must be a map");
  }
  for (const auto& [key, item] : value->map()) {
    if (item.is_null()) continue;
    auto storable = CheckStorable(item, key);
    if (!storable.ok()) return storable.error();
    out[key] = item;
  }
  return out;
}

QueryResult<NodeId> CreatedOrBoundNode(ExecutionContext* context, Evaluator* evaluator,
                                       const ast::NodePattern& node, Row* row) {
  const Declaration& declared = context->Declared(&node);
  if (!declared.introduced) {
    const Value& bound = (*row)[declared.slot];
    if (bound.kind() != Value::Kind::kNode) {
      return RuntimeError(ErrorClass::kSemanticError, "CreateOnNull",
                          "`" + node.variable + "` is null: no relationship can be created");
    }
    return bound.node().id;
  }
  auto properties = PropertiesToCreate(evaluator, node.properties, row);
  if (!properties.ok()) return properties.error();
  auto id = context->graph->CreateNode(node.labels, *properties);
  if (!id.ok()) return id.error();
  auto value = LoadNode(context, *id);
  if (!value.ok()) return value.error();
  (*row)[declared.slot] = std::move(*value);
  return *id;
}

QueryResult<bool> CreatePart(ExecutionContext* context, Evaluator* evaluator,
                             const ast::PatternPart& part, Row* row) {
  auto from = CreatedOrBoundNode(context, evaluator, part.chain.start, row);
  if (!from.ok()) return from.error();
  NodeId at = *from;
  for (const ast::PatternStep& step : part.chain.steps) {
    auto to = CreatedOrBoundNode(context, evaluator, step.node, row);
    if (!to.ok()) return to.error();
    const ast::RelationshipPattern& rel = step.relationship;
    auto properties = PropertiesToCreate(evaluator, rel.properties, row);
    if (!properties.ok()) return properties.error();
    const bool reversed = rel.direction == ast::Direction::kRightToLeft;
    const NodeId start = reversed ? *to : at, end = reversed ? at : *to;
    auto id = context->graph->CreateRelationship(start, end, rel.types[0], *properties);
    if (!id.ok()) return id.error();
    auto value = LoadRelationship(context, *id, start, end);
    if (!value.ok()) return value.error();
    (*row)[context->Declared(&rel).slot] = std::move(*value);
    at = *to;
  }
  if (!part.path_variable.empty()) {
    auto path = BuildPath(context, part.chain, *row);
    if (!path.ok()) return path.error();
    (*row)[context->Declared(&part).slot] = std::move(*path);
  }
  return true;
}

QueryResult<bool> SetProperty(ExecutionContext* context, const Value& target,
                              const std::string& key, const Value& value) {
  auto storable = CheckStorable(value, key);
  if (!storable.ok()) return storable;
  if (target.kind() == Value::Kind::kNode) {
    return context->graph->SetNodeProperty(target.node().id, key, value);
  }
  return context->graph->SetRelationshipProperty(target.relationship().id, key, value);
}

QueryResult<bool> CheckEntity(const Value& target, const char* clause) {
  if (target.kind() == Value::Kind::kNode || target.kind() == Value::Kind::kRelationship) {
    return true;
  }
  return RuntimeError(ErrorClass::kTypeError, "InvalidArgumentType",
                      std::string(clause) + " needs a node or relationship, not " +
                          std::string(KindName(target.kind())));
}

QueryResult<bool> ApplySetItem(ExecutionContext* context, Evaluator* evaluator,
                               const ast::SetItem& item, Row* row) {
  if (item.kind == ast::SetItem::Kind::kProperty) {
    const auto& access = std::get<ast::PropertyAccess>(item.property->node);
    auto target = evaluator->Evaluate(*access.object, row);
    if (!target.ok()) return target.error();
    if (target->is_null()) return true;
    auto entity = CheckEntity(*target, "SET");
    if (!entity.ok()) return entity;
    auto value = evaluator->Evaluate(*item.value, row);
    if (!value.ok()) return value.error();
    return SetProperty(context, *target, access.key, *value);
  }
  const Value target = (*row)[context->Slot(&item)];
  if (target.is_null()) return true;
  if (item.kind == ast::SetItem::Kind::kLabels) {
    if (target.kind() != Value::Kind::kNode) return CheckEntity(Value(), "SET labels");
    for (const std::string& label : item.labels) {
      auto added = context->graph->AddLabel(target.node().id, label);
      if (!added.ok()) return added;
    }
    return true;
  }
  auto entity = CheckEntity(target, "SET");
  if (!entity.ok()) return entity;
  auto value = evaluator->Evaluate(*item.value, row);
  if (!value.ok()) return value.error();
  Value source = Refresh(context, *value);
  Map entries;
  if (source.kind() == Value::Kind::kMap) {
    entries = source.map();
  } else if (source.kind() == Value::Kind::kNode) {
    entries = *source.node().properties;
  } else if (source.kind() == Value::Kind::kRelationship) {
    entries = *source.relationship().properties;
  } else if (!source.is_null()) {
    return RuntimeError(
        ErrorClass::kTypeError, "InvalidArgumentType",
        "SET needs a map of properties, not " + std::string(KindName(source.kind())));
  }
  if (item.kind == ast::SetItem::Kind::kReplaceProperties) {
    const Value current = Refresh(context, target);
    const auto& properties = current.kind() == Value::Kind::kNode
                                 ? current.node().properties
                                 : current.relationship().properties;
    if (properties) {
      for (const auto& [key, old] : *properties) {
        if (entries.count(key) != 0) continue;
        auto removed = SetProperty(context, target, key, Value());
        if (!removed.ok()) return removed;
      }
    }
  }
  for (const auto& [key, entry] : entries) {
    auto set = SetProperty(context, target, key, entry);
    if (!set.ok()) return set;
  }
  return true;
}

class CreateCursor : public OperatorCursor<EagerCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Consume(Row* row) override {
    for (const ast::PatternPart* part : op_.parts) {
      auto created = CreatePart(context_, &evaluator_, *part, row);
      if (!created.ok()) return created;
    }
    return Hold(std::move(*row));
  }
};

// MERGE: the rows of the pattern's matches (ON MATCH SET applied), or the pattern created
// (ON CREATE SET applied). Later rows see what earlier rows created.
class MergeCursor : public OperatorCursor<EagerCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  // A null property in a MERGE pattern could never be matched by what MERGE creates
  // (Merge1 [17], Merge5 [29]).
  QueryResult<bool> CheckNoNullProperties(const ast::PatternChain& chain, Row* row) {
    std::vector<const ast::ExpressionPtr*> all{&chain.start.properties};
    for (const ast::PatternStep& step : chain.steps) {
      all.push_back(&step.relationship.properties);
      all.push_back(&step.node.properties);
    }
    for (const ast::ExpressionPtr* properties : all) {
      if (!*properties) continue;
      auto value = evaluator_.Evaluate(**properties, row);
      if (!value.ok()) return value.error();
      if (value->kind() != Value::Kind::kMap) continue;
      for (const auto& [key, item] : value->map()) {
        if (item.is_null()) {
          return RuntimeError(ErrorClass::kSemanticError, "MergeReadOwnWrites",
                              "MERGE cannot use null for property `" + key + "`");
        }
      }
    }
    return true;
  }

  QueryResult<bool> Consume(Row* row) override {
    const ast::PatternPart& part = *op_.part;
    auto nulls = CheckNoNullProperties(part.chain, row);
    if (!nulls.ok()) return nulls;
    Batch matches;
    Row scratch = *row;
    auto matched = MatchChain(context_, &evaluator_, part.chain, &scratch,
                              [&](Row* match) -> QueryResult<bool> {
                                if (!part.path_variable.empty()) {
                                  auto path = BuildPath(context_, part.chain, *match);
                                  if (!path.ok()) return path.error();
                                  (*match)[context_->Declared(&part).slot] = *path;
                                }
                                matches.push_back(*match);
                                return true;
                              });
    if (!matched.ok()) return matched;
    if (matches.empty()) {
      auto created = CreatePart(context_, &evaluator_, part, row);
      if (!created.ok()) return created;
      for (const ast::SetItem* item : op_.set_items) {
        auto set = ApplySetItem(context_, &evaluator_, *item, row);
        if (!set.ok()) return set;
      }
      return Hold(std::move(*row));
    }
    for (Row& match : matches) {
      for (const ast::SetItem* item : op_.on_match_items) {
        auto set = ApplySetItem(context_, &evaluator_, *item, &match);
        if (!set.ok()) return set;
      }
      auto held = Hold(std::move(match));
      if (!held.ok()) return held;
    }
    return true;
  }
};

class SetCursor : public OperatorCursor<EagerCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Consume(Row* row) override {
    for (const ast::SetItem* item : op_.set_items) {
      auto set = ApplySetItem(context_, &evaluator_, *item, row);
      if (!set.ok()) return set;
    }
    return Hold(std::move(*row));
  }
};

class RemoveCursor : public OperatorCursor<EagerCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Consume(Row* row) override {
    for (const ast::RemoveItem* item : op_.remove_items) {
      if (item->kind == ast::RemoveItem::Kind::kProperty) {
        const auto& access = std::get<ast::PropertyAccess>(item->property->node);
        auto target = evaluator_.Evaluate(*access.object, row);
        if (!target.ok()) return target.error();
        if (target->is_null()) continue;
        auto entity = CheckEntity(*target, "REMOVE");
        if (!entity.ok()) return entity;
        auto removed = SetProperty(context_, *target, access.key, Value());
        if (!removed.ok()) return removed;
        continue;
      }
      const Value& target = (*row)[context_->Slot(item)];
      if (target.is_null()) continue;
      if (target.kind() != Value::Kind::kNode) return CheckEntity(Value(), "REMOVE labels");
      for (const std::string& label : item->labels) {
        auto removed = context_->graph->RemoveLabel(target.node().id, label);
        if (!removed.ok()) return removed;
      }
    }
    return Hold(std::move(*row));
  }
};

// DELETE: collects what every row deletes, then deletes the relationships before the nodes
// (a node whose relationships go in the same clause is not connected any more).
class DeleteCursor : public OperatorCursor<EagerCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Consume(Row* row) override {
    for (const ast::Expression* expression : op_.expressions) {
      auto value = evaluator_.Evaluate(*expression, row);
      if (!value.ok()) return value.error();
      auto collected = Collect(*value);
      if (!collected.ok()) {
        QueryError error = collected.error();
        error.position = expression->position;
        return error;
      }
    }
    return Hold(std::move(*row));
  }

  QueryResult<bool> Finish() override {
    for (RelationshipId id : relationships_) {
      auto deleted = context_->graph->DeleteRelationship(id);
      if (!deleted.ok()) return deleted;
    }
    for (NodeId id : nodes_) {
      auto deleted = context_->graph->DeleteNode(id, op_.detach);
      if (!deleted.ok()) return deleted;
    }
    return true;
  }

 private:
  QueryResult<bool> Collect(const Value& value) {
    switch (value.kind()) {
      case Value::Kind::kNull:
        return true;
      case Value::Kind::kNode:
        if (seen_nodes_.insert(value.node().id).second) nodes_.push_back(value.node().id);
        return true;
      case Value::Kind::kRelationship:
        if (seen_relationships_.insert(value.relationship().id).second) {
          relationships_.push_back(value.relationship().id);
        }
        return true;
      case Value::Kind::kPath:
        for (const RelationshipValue& relationship : value.path().relationships) {
          auto collected = Collect(Value(relationship));
          if (!collected.ok()) return collected;
        }
        for (const NodeValue& node : value.path().nodes) {
          auto collected = Collect(Value(node));
          if (!collected.ok()) return collected;
        }
        return true;
      default:
        return RuntimeError(ErrorClass::kTypeError, "InvalidArgumentType",
                            "DELETE needs a node, relationship or path, not " +
                                std::string(KindName(value.kind())));
    }
  }

  std::vector<NodeId> nodes_;
  std::vector<RelationshipId> relationships_;
  std::set<NodeId> seen_nodes_;
  std::set<RelationshipId> seen_relationships_;
};

}  // namespace

CursorPtr MakeWriteCursor(const PlanOperator& op, CursorPtr input, ExecutionContext* context) {
  switch (op.kind) {
    case PlanKind::kCreate:
      return std::make_unique<CreateCursor>(op, std::move(input), context);
    case PlanKind::kMerge:
      return std::make_unique<MergeCursor>(op, std::move(input), context);
    case PlanKind::kSetProperties:
      return std::make_unique<SetCursor>(op, std::move(input), context);
    case PlanKind::kRemove:
      return std::make_unique<RemoveCursor>(op, std::move(input), context);
    default:
      return std::make_unique<DeleteCursor>(op, std::move(input), context);
  }
}

}  // namespace tiegraph::cypher
