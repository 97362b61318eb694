// The reading operators: NodeScan, Expand, ShortestPath, NamedPath, Filter, Optional, Unwind;
// and the two cursor shapes every operator builds on.
#include "operators.h"
#include "pattern_matcher.h"

namespace tiegraph::cypher {

QueryResult<bool> RowCursor::Next(Batch* batch) {
  batch->clear();
  // A batch ends once it is full, even in the middle of an input batch: a cartesian product
  // must not hold all its rows at once.
  while (batch->size() < kBatchSize) {
    if (next_in_ == in_.size()) {
      next_in_ = 0;
      auto more = input_->Next(&in_);
      if (!more.ok()) return more;
      if (!*more) {
        in_.clear();
        break;
      }
    }
    auto applied = Apply(&in_[next_in_++], batch);
    if (!applied.ok()) return applied;
    if (next_in_ % 64 == 0) {
      auto time = context_->CheckTime();
      if (!time.ok()) return time;
    }
  }
  auto time = context_->CheckTime();
  if (!time.ok()) return time;
  return !batch->empty();
}

QueryResult<bool> EagerCursor::Hold(Row row) {
  held_bytes_ += EstimateBytes(row);
  held_.push_back(std::move(row));
  return context_->CheckHeld(held_.size(), held_bytes_);
}

QueryResult<bool> EagerCursor::Next(Batch* batch) {
  batch->clear();
  if (!consumed_) {
    consumed_ = true;
    Batch in;
    while (true) {
      auto more = input_->Next(&in);
      if (!more.ok()) return more;
      if (!*more) break;
      for (Row& row : in) {
        auto consumed = Consume(&row);
        if (!consumed.ok()) return consumed;
      }
      auto time = context_->CheckTime();
      if (!time.ok()) return time;
    }
    auto finished = Finish();
    if (!finished.ok()) return finished;
  }
  while (next_ < held_.size() && batch->size() < kBatchSize) {
    batch->push_back(std::move(held_[next_++]));
  }
  return !batch->empty();
}

QueryResult<bool> BoundNodeHolds(ExecutionContext* context, Evaluator* evaluator,
                                 const ast::NodePattern& node, Row* row) {
  const Value& bound = (*row)[context->Declared(&node).slot];
  if (bound.kind() != Value::Kind::kNode) return false;
  return NodeMatches(context, evaluator, node, bound.node().id, row);
}

namespace {

// One row per node (with the pattern's first label) that matches the node pattern.
class NodeScanCursor : public RowCursor {
 public:
  NodeScanCursor(const PlanOperator& op, CursorPtr input, ExecutionContext* context)
      : RowCursor(std::move(input), context), node_(*op.node) {}

 protected:
  QueryResult<bool> Apply(Row* row, Batch* out) override {
    std::vector<NodeId> ids;
    const std::string* label = node_.labels.empty() ? nullptr : &node_.labels[0];
    auto scanned = context_->graph->ForEachNode(label, [&](NodeId id) {
      ids.push_back(id);
      return true;
    });
    if (!scanned.ok()) return scanned;
    const int slot = context_->Declared(&node_).slot;
    for (NodeId id : ids) {
      auto matches = NodeMatches(context_, &evaluator_, node_, id, row);
      if (!matches.ok()) return matches;
      if (!*matches) continue;
      auto value = LoadNode(context_, id);
      if (!value.ok()) return value.error();
      out->push_back(*row);
      out->back()[slot] = std::move(*value);
    }
    return true;
  }

 private:
  const ast::NodePattern& node_;
};

class FilterCursor : public OperatorCursor<RowCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Apply(Row* row, Batch* out) override {
    auto keep = op_.node != nullptr ? BoundNodeHolds(context_, &evaluator_, *op_.node, row)
                                    : evaluator_.Holds(*op_.expression, row);
    if (!keep.ok()) return keep;
    if (*keep) out->push_back(std::move(*row));
    return true;
  }
};

class ExpandCursor : public OperatorCursor<RowCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Apply(Row* row, Batch* out) override {
    const Value& from = (*row)[op_.from_slot];
    if (from.kind() != Value::Kind::kNode) return true;
    std::vector<RelationshipId> used;
    for (int slot : op_.earlier_relationships) CollectRelationshipIds((*row)[slot], &used);
    Row scratch = *row;
    auto expanded = ExpandStep(context_, &evaluator_, &scratch, from.node().id, *op_.relationship,
                               *op_.node, used, [&](Row* match) {
                                 out->push_back(*match);
                                 return QueryResult<bool>(true);
                               });
    if (!expanded.ok()) return expanded;
    return true;
  }
};

class ShortestPathCursor : public OperatorCursor<RowCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Apply(Row* row, Batch* out) override {
    auto found = ShortestPaths(context_, &evaluator_, *op_.part, row, [&](Row* match) {
      out->push_back(*match);
      return QueryResult<bool>(true);
    });
    if (!found.ok()) return found;
    return true;
  }
};

class NamedPathCursor : public OperatorCursor<RowCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Apply(Row* row, Batch* out) override {
    auto path = BuildPath(context_, op_.part->chain, *row);
    if (!path.ok()) return path.error();
    (*row)[context_->Declared(op_.part).slot] = std::move(*path);
    out->push_back(std::move(*row));
    return true;
  }
};

// OPTIONAL MATCH: the branch runs from each input row; no match keeps the row, whose slots
// the branch would have bound are still null.
class OptionalCursor : public OperatorCursor<RowCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Apply(Row* row, Batch* out) override {
    CursorPtr branch = MakeCursor(*op_.branch, context_, *row);
    Batch matches;
    bool any = false;
    while (true) {
      auto more = branch->Next(&matches);
      if (!more.ok()) return more;
      if (!*more) break;
      any = true;
      for (Row& match : matches) out->push_back(std::move(match));
    }
    if (!any) out->push_back(std::move(*row));
    return true;
  }
};

class UnwindCursor : public OperatorCursor<RowCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Apply(Row* row, Batch* out) override {
    auto list = evaluator_.Evaluate(*op_.expression, row);
    if (!list.ok()) return list.error();
    if (list->is_null()) return true;
    if (list->kind() != Value::Kind::kList) {
      out->push_back(*row);
      out->back()[op_.from_slot] = *list;
      return true;
    }
    for (const Value& item : list->list()) {
      out->push_back(*row);
      out->back()[op_.from_slot] = item;
    }
    return true;
  }
};

}  // namespace

CursorPtr MakeReadCursor(const PlanOperator& op, CursorPtr input, ExecutionContext* context) {
  switch (op.kind) {
    case PlanKind::kNodeScan:
      return std::make_unique<NodeScanCursor>(op, std::move(input), context);
    case PlanKind::kExpand:
      return std::make_unique<ExpandCursor>(op, std::move(input), context);
    case PlanKind::kShortestPath:
      return std::make_unique<ShortestPathCursor>(op, std::move(input), context);
    case PlanKind::kNamedPath:
      return std::make_unique<NamedPathCursor>(op, std::move(input), context);
    case PlanKind::kFilter:
      return std::make_unique<FilterCursor>(op, std::move(input), context);
    case PlanKind::kOptional:
      return std::make_unique<OptionalCursor>(op, std::move(input), context);
    default:
      return std::make_unique<UnwindCursor>(op, std::move(input), context);
  }
}

}  // namespace tiegraph::cypher
