// Pattern matching through GraphAccess, one row at a time.
#include "pattern_matcher.h"

#include <algorithm>
#include <deque>
#include <map>

#include <tiegraph/cypher_semantics.h>

namespace tiegraph::cypher {
namespace {

// The properties a pattern requires, evaluated once per row (empty when none are written).
QueryResult<Map> RequiredProperties(Evaluator* evaluator, const ast::ExpressionPtr& properties,
                                    Row* row) {
  if (!properties) return Map{};
  auto value = evaluator->Evaluate(*properties, row);
  if (!value.ok()) return value.error();
  if (value->is_null()) return Map{};
  if (value->kind() != Value::Kind::kMap) {
    return RuntimeError(ErrorClass::kTypeError, "InvalidArgumentType",
                        "a pattern's properties must be a map");
  }
  return value->map();
}

bool IsTrue(const Value& value) { return value.kind() == Value::Kind::kBoolean && value.boolean(); }

QueryResult<bool> RelationshipMatches(ExecutionContext* context, const Map& required,
                                      RelationshipId id) {
  for (const auto& [key, expected] : required) {
    auto actual = context->graph->RelationshipProperty(id, key);
    if (!actual.ok()) return actual.error();
    if (!IsTrue(Equals(*actual, expected))) return false;
  }
  return true;
}

bool Contains(const std::vector<RelationshipId>& ids, RelationshipId id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Binds the node a step reaches: checks a bound one, or the pattern of a new one.
QueryResult<bool> BindReached(ExecutionContext* context, Evaluator* evaluator,
                              const ast::NodePattern& node, NodeId id, Row* row) {
  const Declaration& declared = context->Declared(&node);
  if (!declared.introduced) {
    const Value& bound = (*row)[declared.slot];
    if (bound.kind() != Value::Kind::kNode || bound.node().id != id) return false;
    return NodeMatches(context, evaluator, node, id, row);
  }
  auto matches = NodeMatches(context, evaluator, node, id, row);
  if (!matches.ok() || !*matches) return matches;
  auto value = LoadNode(context, id);
  if (!value.ok()) return value.error();
  (*row)[declared.slot] = std::move(*value);
  return true;
}

struct WalkState {
  ExecutionContext* context;
  Evaluator* evaluator;
  const ast::RelationshipPattern* relationship;
  const ast::NodePattern* node;
  const std::vector<RelationshipId>* used;
  const RowCallback* emit;
  Map required;
  int64_t min = 1;
  std::optional<int64_t> max;
  std::vector<Value> walked;  // relationships so far
  std::vector<RelationshipId> walked_ids;
};

// Depth-first variable-length walk; returns false when the callback asked to stop.
QueryResult<bool> Walk(WalkState* state, NodeId at, Row* row) {
  auto time = state->context->CheckTime();
  if (!time.ok()) return time;
  const int64_t depth = static_cast<int64_t>(state->walked.size());
  if (depth >= state->min) {
    auto reached = BindReached(state->context, state->evaluator, *state->node, at, row);
    if (!reached.ok()) return reached;
    const Declaration& declared = state->context->Declared(state->relationship);
    bool keep = *reached;
    if (keep && !declared.introduced) {
      keep = Equivalent((*row)[declared.slot], Value(List(state->walked)));
    }
    if (keep) {
      if (declared.introduced) (*row)[declared.slot] = Value(List(state->walked));
      auto more = (*state->emit)(row);
      if (!more.ok() || !*more) return more;
    }
  }
  if (state->max && depth >= *state->max) return true;
  auto expansions = state->context->graph->Expand(
      at, ToExpandDirection(state->relationship->direction), state->relationship->types);
  if (!expansions.ok()) return expansions.error();
  for (const Expansion& e : *expansions) {
    if (Contains(*state->used, e.relationship) || Contains(state->walked_ids, e.relationship)) {
      continue;
    }
    auto matches = RelationshipMatches(state->context, state->required, e.relationship);
    if (!matches.ok()) return matches;
    if (!*matches) continue;
    const size_t limit = state->context->options->max_path_length;
    if (state->walked.size() >= limit) {
      return RuntimeError(ErrorClass::kLimitExceeded, "PathLengthLimit",
                          "a variable-length pattern walked more than the limit of " +
                              std::to_string(limit) + " relationships");
    }
    auto value = LoadRelationship(state->context, e.relationship, e.start, e.end);
    if (!value.ok()) return value.error();
    state->walked.push_back(std::move(*value));
    state->walked_ids.push_back(e.relationship);
    auto more = Walk(state, e.other, row);
    state->walked.pop_back();
    state->walked_ids.pop_back();
    if (!more.ok() || !*more) return more;
  }
  return true;
}

QueryResult<bool> MatchSteps(ExecutionContext* context, Evaluator* evaluator,
                             const ast::PatternChain& chain, size_t step, NodeId from, Row* row,
                             std::vector<RelationshipId>* used, const RowCallback& emit) {
  if (step == chain.steps.size()) return emit(row);
  const ast::PatternStep& next = chain.steps[step];
  return ExpandStep(
      context, evaluator, row, from, next.relationship, next.node, *used,
      [&](Row* extended) -> QueryResult<bool> {
        const size_t before = used->size();
        CollectRelationshipIds((*extended)[context->Declared(&next.relationship).slot], used);
        NodeId reached = (*extended)[context->Declared(&next.node).slot].node().id;
        auto more = MatchSteps(context, evaluator, chain, step + 1, reached, extended, used, emit);
        used->resize(before);
        return more;
      });
}

}  // namespace

ExpandDirection ToExpandDirection(ast::Direction direction) {
  switch (direction) {
    case ast::Direction::kLeftToRight:
      return ExpandDirection::kOutgoing;
    case ast::Direction::kRightToLeft:
      return ExpandDirection::kIncoming;
    case ast::Direction::kUndirected:
      return ExpandDirection::kBoth;
  }
  return ExpandDirection::kBoth;
}

QueryResult<bool> NodeMatches(ExecutionContext* context, Evaluator* evaluator,
                              const ast::NodePattern& pattern, NodeId id, Row* row) {
  for (const std::string& label : pattern.labels) {
    auto has = context->graph->HasLabel(id, label);
    if (!has.ok() || !*has) return has;
  }
  auto required = RequiredProperties(evaluator, pattern.properties, row);
  if (!required.ok()) return required.error();
  for (const auto& [key, expected] : *required) {
    auto actual = context->graph->NodeProperty(id, key);
    if (!actual.ok()) return actual.error();
    if (!IsTrue(Equals(*actual, expected))) return false;
  }
  return true;
}

void CollectRelationshipIds(const Value& value, std::vector<RelationshipId>* ids) {
  if (value.kind() == Value::Kind::kRelationship) {
    ids->push_back(value.relationship().id);
  } else if (value.kind() == Value::Kind::kList) {
    for (const Value& item : value.list()) CollectRelationshipIds(item, ids);
  }
}

QueryResult<bool> ExpandStep(ExecutionContext* context, Evaluator* evaluator, Row* row, NodeId from,
                             const ast::RelationshipPattern& relationship,
                             const ast::NodePattern& node, const std::vector<RelationshipId>& used,
                             const RowCallback& emit) {
  auto required = RequiredProperties(evaluator, relationship.properties, row);
  if (!required.ok()) return required.error();
  if (relationship.length) {
    WalkState state{context,   evaluator, &relationship, &node, &used, &emit,
                    *required, 1,         std::nullopt,  {},    {}};
    state.min = relationship.length->min.value_or(1);
    state.max = relationship.length->max;
    auto walked = Walk(&state, from, row);
    if (!walked.ok()) return walked;
    return true;
  }
  const Declaration& declared = context->Declared(&relationship);
  auto expansions =
      context->graph->Expand(from, ToExpandDirection(relationship.direction), relationship.types);
  if (!expansions.ok()) return expansions.error();
  for (const Expansion& e : *expansions) {
    if (Contains(used, e.relationship)) continue;
    if (!declared.introduced) {
      const Value& bound = (*row)[declared.slot];
      if (bound.kind() != Value::Kind::kRelationship || bound.relationship().id != e.relationship) {
        continue;
      }
    }
    auto matches = RelationshipMatches(context, *required, e.relationship);
    if (!matches.ok()) return matches;
    if (!*matches) continue;
    auto reached = BindReached(context, evaluator, node, e.other, row);
    if (!reached.ok()) return reached;
    if (!*reached) continue;
    if (declared.introduced) {
      auto value = LoadRelationship(context, e.relationship, e.start, e.end);
      if (!value.ok()) return value.error();
      (*row)[declared.slot] = std::move(*value);
    }
    auto more = emit(row);
    if (!more.ok() || !*more) return more;
  }
  return true;
}

QueryResult<bool> MatchChain(ExecutionContext* context, Evaluator* evaluator,
                             const ast::PatternChain& chain, Row* row, const RowCallback& emit) {
  const Declaration& declared = context->Declared(&chain.start);
  std::vector<RelationshipId> used;
  if (!declared.introduced) {
    const Value& bound = (*row)[declared.slot];
    if (bound.kind() != Value::Kind::kNode) return true;
    auto matches = NodeMatches(context, evaluator, chain.start, bound.node().id, row);
    if (!matches.ok() || !*matches) return matches;
    return MatchSteps(context, evaluator, chain, 0, bound.node().id, row, &used, emit);
  }
  std::vector<NodeId> ids;
  const std::string* label = chain.start.labels.empty() ? nullptr : &chain.start.labels[0];
  auto scanned = context->graph->ForEachNode(label, [&](NodeId id) {
    ids.push_back(id);
    return true;
  });
  if (!scanned.ok()) return scanned;
  for (NodeId id : ids) {
    auto matches = NodeMatches(context, evaluator, chain.start, id, row);
    if (!matches.ok()) return matches;
    if (!*matches) continue;
    auto value = LoadNode(context, id);
    if (!value.ok()) return value.error();
    (*row)[declared.slot] = std::move(*value);
    auto more = MatchSteps(context, evaluator, chain, 0, id, row, &used, emit);
    if (!more.ok() || !*more) return more;
  }
  return true;
}

QueryResult<Value> BuildPath(ExecutionContext* context, const ast::PatternChain& chain,
                             const Row& row) {
  PathValue path;
  const Value& start = row[context->Declared(&chain.start).slot];
  if (start.kind() != Value::Kind::kNode) return Value();
  path.nodes.push_back(start.node());
  for (const ast::PatternStep& step : chain.steps) {
    const Value& relationship = row[context->Declared(&step.relationship).slot];
    const Value& node = row[context->Declared(&step.node).slot];
    if (node.kind() != Value::Kind::kNode) return Value();
    if (relationship.kind() == Value::Kind::kRelationship) {
      path.relationships.push_back(relationship.relationship());
    } else if (relationship.kind() == Value::Kind::kList) {
      const List& hops = relationship.list();
      for (size_t i = 0; i < hops.size(); ++i) {
        const RelationshipValue& hop = hops[i].relationship();
        path.relationships.push_back(hop);
        if (i + 1 == hops.size()) break;
        NodeId at = path.nodes.back().id;
        auto next = LoadNode(context, hop.start == at ? hop.end : hop.start);
        if (!next.ok()) return next.error();
        path.nodes.push_back(next->node());
      }
      if (hops.empty()) continue;
    } else {
      return Value();
    }
    path.nodes.push_back(node.node());
  }
  return Value(std::move(path));
}

QueryResult<bool> ShortestPaths(ExecutionContext* context, Evaluator* evaluator,
                                const ast::PatternPart& part, Row* row, const RowCallback& emit) {
  const ast::PatternStep& step = part.chain.steps[0];
  const Value& from = (*row)[context->Declared(&part.chain.start).slot];
  const Value& to = (*row)[context->Declared(&step.node).slot];
  if (from.kind() != Value::Kind::kNode || to.kind() != Value::Kind::kNode) return true;
  const bool all = part.search == ast::PathSearch::kAllShortest;
  const int64_t min = step.relationship.length ? step.relationship.length->min.value_or(1) : 1;
  const std::optional<int64_t> max =
      step.relationship.length ? step.relationship.length->max : std::optional<int64_t>(1);
  auto required = RequiredProperties(evaluator, step.relationship.properties, row);
  if (!required.ok()) return required.error();
  const NodeId source = from.node().id, target = to.node().id;
  // Breadth first; every node keeps the expansions that reached it at its first depth.
  std::map<NodeId, int64_t> depth{{source, 0}};
  std::map<NodeId, std::vector<std::pair<NodeId, Expansion>>> parents;
  std::vector<NodeId> layer{source};
  bool found = source == target && min == 0;
  for (int64_t d = 1; !found && !layer.empty() && (!max || d <= *max); ++d) {
    auto time = context->CheckTime();
    if (!time.ok()) return time;
    std::vector<NodeId> next;
    for (NodeId at : layer) {
      auto expansions = context->graph->Expand(at, ToExpandDirection(step.relationship.direction),
                                               step.relationship.types);
      if (!expansions.ok()) return expansions.error();
      for (const Expansion& e : *expansions) {
        auto matches = RelationshipMatches(context, *required, e.relationship);
        if (!matches.ok()) return matches;
        if (!*matches) continue;
        auto seen = depth.find(e.other);
        if (seen == depth.end()) {
          depth[e.other] = d;
          next.push_back(e.other);
          parents[e.other].push_back({at, e});
        } else if (seen->second == d) {
          parents[e.other].push_back({at, e});
        }
      }
    }
    if (depth.count(target) != 0 && depth[target] >= min) found = true;
    layer = std::move(next);
  }
  if (!found) return true;
  // Paths back from the target, each a list of expansions from the source.
  std::vector<std::vector<Expansion>> paths;
  std::function<void(NodeId, std::vector<Expansion>&)> back = [&](NodeId at,
                                                                  std::vector<Expansion>& tail) {
    if (!all && !paths.empty()) return;
    if (at == source) {
      paths.emplace_back(tail.rbegin(), tail.rend());
      return;
    }
    for (const auto& [parent, e] : parents[at]) {
      tail.push_back(e);
      back(parent, tail);
      tail.pop_back();
    }
  };
  std::vector<Expansion> tail;
  back(target, tail);
  for (const std::vector<Expansion>& hops : paths) {
    PathValue path;
    List relationships;
    path.nodes.push_back(from.node());
    for (const Expansion& e : hops) {
      auto relationship = LoadRelationship(context, e.relationship, e.start, e.end);
      if (!relationship.ok()) return relationship.error();
      auto node = LoadNode(context, e.other);
      if (!node.ok()) return node.error();
      path.relationships.push_back(relationship->relationship());
      path.nodes.push_back(node->node());
      relationships.push_back(*relationship);
    }
    const Declaration& rel = context->Declared(&step.relationship);
    if (rel.introduced) {
      (*row)[rel.slot] = step.relationship.length     ? Value(std::move(relationships))
                         : path.relationships.empty() ? Value()
                                                      : Value(path.relationships[0]);
    }
    if (!part.path_variable.empty()) {
      (*row)[context->Declared(&part).slot] = Value(std::move(path));
    }
    auto more = emit(row);
    if (!more.ok() || !*more) return more;
  }
  return true;
}

}  // namespace tiegraph::cypher
