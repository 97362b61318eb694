// The projecting operators: Project, Aggregate, Distinct, Sort, Skip, Limit, Union, Produce.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <tiegraph/cypher_aggregates.h>
#include <tiegraph/cypher_semantics.h>

#include "operators.h"

namespace tiegraph::cypher {
namespace {

using ValueSet = std::unordered_set<Value, ValueHash, ValueEquivalent>;

QueryResult<Value> ItemValue(Evaluator* evaluator, const BoundItem& item, Row* row) {
  if (item.expression == nullptr) return (*row)[item.source_slot];
  return evaluator->Evaluate(*item.expression, row);
}

class ProjectCursor : public RowCursor {
 public:
  ProjectCursor(const PlanOperator& op, CursorPtr input, ExecutionContext* context)
      : RowCursor(std::move(input), context), projection_(*op.bound_projection) {}

 protected:
  QueryResult<bool> Apply(Row* row, Batch* out) override {
    std::vector<Value> values;
    for (const BoundItem& item : projection_.items) {
      auto value = ItemValue(&evaluator_, item, row);
      if (!value.ok()) return value.error();
      values.push_back(std::move(*value));
    }
    for (size_t i = 0; i < values.size(); ++i) (*row)[projection_.items[i].slot] = values[i];
    out->push_back(std::move(*row));
    return true;
  }

 private:
  const BoundProjection& projection_;
};

// Groups rows by the items without aggregates; each group keeps its first row and one
// accumulator per aggregate call.
class AggregateCursor : public EagerCursor {
 public:
  AggregateCursor(const PlanOperator& op, CursorPtr input, ExecutionContext* context)
      : EagerCursor(std::move(input), context), projection_(*op.bound_projection) {}

 protected:
  QueryResult<bool> Consume(Row* row) override {
    List key;
    for (const BoundItem& item : projection_.items) {
      if (item.aggregate) continue;
      auto value = ItemValue(&evaluator_, item, row);
      if (!value.ok()) return value.error();
      key.push_back(std::move(*value));
    }
    Value group_key(std::move(key));
    auto found = index_.find(group_key);
    size_t group;
    if (found == index_.end()) {
      group = groups_.size();
      index_.emplace(group_key, group);
      groups_.push_back(NewGroup(*row));
      auto held = context_->CheckHeld(groups_.size(), groups_.size() * EstimateBytes(*row));
      if (!held.ok()) return held;
    } else {
      group = found->second;
    }
    return Accumulate(&groups_[group], row);
  }

  QueryResult<bool> Finish() override {
    bool keyed = std::any_of(projection_.items.begin(), projection_.items.end(),
                             [](const BoundItem& item) { return !item.aggregate; });
    if (groups_.empty() && !keyed) {
      groups_.push_back(NewGroup(Row(context_->bound->slot_count)));
    }
    for (Group& group : groups_) {
      Row row = std::move(group.first);
      for (size_t i = 0; i < projection_.aggregate_calls.size(); ++i) {
        row[context_->Slot(projection_.aggregate_calls[i])] = group.aggregators[i]->Result();
      }
      std::vector<Value> values;
      for (const BoundItem& item : projection_.items) {
        auto value = ItemValue(&evaluator_, item, &row);
        if (!value.ok()) return value.error();
        values.push_back(std::move(*value));
      }
      for (size_t i = 0; i < values.size(); ++i) row[projection_.items[i].slot] = values[i];
      auto held = Hold(std::move(row));
      if (!held.ok()) return held;
    }
    return true;
  }

 private:
  struct Group {
    Row first;
    std::vector<std::unique_ptr<Aggregator>> aggregators;
  };

  Group NewGroup(const Row& row) {
    Group group{row, {}};
    for (const ast::Expression* call : projection_.aggregate_calls) {
      if (const auto* function = std::get_if<ast::FunctionCall>(&call->node)) {
        group.aggregators.push_back(MakeAggregator(function->name, function->distinct));
      } else {
        group.aggregators.push_back(MakeCountStar());
      }
    }
    return group;
  }

  QueryResult<bool> Accumulate(Group* group, Row* row) {
    for (size_t i = 0; i < projection_.aggregate_calls.size(); ++i) {
      const ast::Expression* call = projection_.aggregate_calls[i];
      const auto* function = std::get_if<ast::FunctionCall>(&call->node);
      QueryResult<bool> added = true;
      if (function == nullptr) {
        added = group->aggregators[i]->Add(Value(true));
      } else {
        auto value = evaluator_.Evaluate(*function->arguments[0], row);
        if (!value.ok()) return value.error();
        if (function->arguments.size() > 1) {
          auto percentile = evaluator_.Evaluate(*function->arguments[1], row);
          if (!percentile.ok()) return percentile.error();
          added = group->aggregators[i]->Add(*value, *percentile);
        } else {
          added = group->aggregators[i]->Add(*value);
        }
      }
      if (!added.ok()) {
        QueryError error = added.error();
        if (!error.position.known()) error.position = call->position;
        return error;
      }
    }
    return true;
  }

  const BoundProjection& projection_;
  std::vector<Group> groups_;
  std::unordered_map<Value, size_t, ValueHash, ValueEquivalent> index_;
};

class DistinctCursor : public RowCursor {
 public:
  DistinctCursor(const PlanOperator& op, CursorPtr input, ExecutionContext* context)
      : RowCursor(std::move(input), context), projection_(*op.bound_projection) {}

 protected:
  QueryResult<bool> Apply(Row* row, Batch* out) override {
    List key;
    for (const BoundItem& item : projection_.items) key.push_back((*row)[item.slot]);
    if (seen_.insert(Value(std::move(key))).second) {
      auto held = context_->CheckHeld(seen_.size(), seen_.size() * EstimateBytes(*row));
      if (!held.ok()) return held;
      out->push_back(std::move(*row));
    }
    return true;
  }

 private:
  const BoundProjection& projection_;
  ValueSet seen_;
};

class SortCursor : public OperatorCursor<EagerCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Consume(Row* row) override {
    List key;
    for (const ast::SortItem& sort : op_.projection->order_by) {
      const auto& items = op_.bound_projection->sort_item;
      auto item = items.find(sort.expression.get());
      if (item != items.end()) {
        key.push_back((*row)[op_.bound_projection->items[item->second].slot]);
        continue;
      }
      auto value = evaluator_.Evaluate(*sort.expression, row);
      if (!value.ok()) return value.error();
      key.push_back(std::move(*value));
    }
    row->push_back(Value(std::move(key)));  // the key rides along as an extra slot
    return Hold(std::move(*row));
  }

  QueryResult<bool> Finish() override {
    const auto& order = op_.projection->order_by;
    std::stable_sort(held_.begin(), held_.end(), [&](const Row& a, const Row& b) {
      const List& x = a.back().list();
      const List& y = b.back().list();
      for (size_t i = 0; i < order.size(); ++i) {
        int c = OrderCompare(x[i], y[i]);
        if (c != 0) return order[i].descending ? c > 0 : c < 0;
      }
      return false;
    });
    for (Row& row : held_) row.pop_back();
    return true;
  }
};

// SKIP and LIMIT: the count is a constant expression, evaluated once.
QueryResult<int64_t> Count(ExecutionContext* context, const ast::Expression& expression,
                           const char* what) {
  Evaluator evaluator(context);
  Row row(context->bound->slot_count);
  auto value = evaluator.Evaluate(expression, &row);
  if (!value.ok()) return value.error();
  if (value->kind() != Value::Kind::kInteger) {
    return QueryError{ErrorClass::kSyntaxError, "InvalidArgumentType",
                      std::string(what) + " must be an integer", expression.position};
  }
  if (value->integer() < 0) {
    return QueryError{ErrorClass::kSyntaxError, "NegativeIntegerArgument",
                      std::string(what) + " must not be negative", expression.position};
  }
  return value->integer();
}

class SkipLimitCursor : public Cursor {
 public:
  SkipLimitCursor(const PlanOperator& op, CursorPtr input, ExecutionContext* context)
      : op_(op), input_(std::move(input)), context_(context) {}

  QueryResult<bool> Next(Batch* batch) override {
    batch->clear();
    if (count_ < 0) {
      auto count = Count(context_, *op_.expression, op_.kind == PlanKind::kSkip ? "SKIP" : "LIMIT");
      if (!count.ok()) return count.error();
      count_ = *count;
    }
    const bool limit = op_.kind == PlanKind::kLimit;
    while (batch->empty()) {
      if (limit && seen_ >= count_) {
        // The rows beyond the limit are not returned, but their writes happen (Create6 [1]).
        if (context_->bound->writes) {
          Batch rest;
          while (true) {
            auto more = input_->Next(&rest);
            if (!more.ok()) return more;
            if (!*more) break;
          }
        }
        return false;
      }
      Batch in;
      auto more = input_->Next(&in);
      if (!more.ok() || !*more) return more;
      for (Row& row : in) {
        const int64_t index = seen_++;
        if (limit ? index < count_ : index >= count_) batch->push_back(std::move(row));
      }
    }
    return true;
  }

 private:
  const PlanOperator& op_;
  CursorPtr input_;
  ExecutionContext* context_;
  int64_t count_ = -1;
  int64_t seen_ = 0;
};

class UnionCursor : public Cursor {
 public:
  UnionCursor(const PlanOperator& op, CursorPtr left, CursorPtr right, ExecutionContext* context)
      : all_(op.union_all), context_(context) {
    parts_[0] = std::move(left);
    parts_[1] = std::move(right);
  }

  QueryResult<bool> Next(Batch* batch) override {
    batch->clear();
    while (batch->empty() && part_ < 2) {
      Batch in;
      auto more = parts_[part_]->Next(&in);
      if (!more.ok()) return more;
      if (!*more) {
        ++part_;
        continue;
      }
      for (Row& row : in) {
        if (!all_) {
          if (!seen_.insert(Value(List(row))).second) continue;
          auto held = context_->CheckHeld(seen_.size(), seen_.size() * EstimateBytes(row));
          if (!held.ok()) return held;
        }
        batch->push_back(std::move(row));
      }
    }
    return !batch->empty();
  }

 private:
  bool all_;
  ExecutionContext* context_;
  CursorPtr parts_[2];
  int part_ = 0;
  ValueSet seen_;
};

// The result's columns, with nodes and relationships as the graph holds them now.
class ProduceCursor : public OperatorCursor<RowCursor> {
 public:
  using OperatorCursor::OperatorCursor;

 protected:
  QueryResult<bool> Apply(Row* row, Batch* out) override {
    if (op_.column_slots.empty()) return true;
    Row columns;
    for (int slot : op_.column_slots) columns.push_back(Refresh(context_, (*row)[slot]));
    out->push_back(std::move(columns));
    return true;
  }
};

}  // namespace

CursorPtr MakeProjectionCursor(const PlanOperator& op, CursorPtr input, CursorPtr branch,
                               ExecutionContext* context) {
  switch (op.kind) {
    case PlanKind::kProject:
      return std::make_unique<ProjectCursor>(op, std::move(input), context);
    case PlanKind::kAggregate:
      return std::make_unique<AggregateCursor>(op, std::move(input), context);
    case PlanKind::kDistinct:
      return std::make_unique<DistinctCursor>(op, std::move(input), context);
    case PlanKind::kSort:
      return std::make_unique<SortCursor>(op, std::move(input), context);
    case PlanKind::kSkip:
    case PlanKind::kLimit:
      return std::make_unique<SkipLimitCursor>(op, std::move(input), context);
    case PlanKind::kUnion:
      return std::make_unique<UnionCursor>(op, std::move(input), std::move(branch), context);
    default:
      return std::make_unique<ProduceCursor>(op, std::move(input), context);
  }
}

}  // namespace tiegraph::cypher
