// ExecuteStatement(): bind, plan, then pull the result's rows from the plan's top operator.
#include <tiegraph/cypher_bind.h>
#include <tiegraph/cypher_execute.h>
#include <tiegraph/cypher_plan.h>

#include "operators.h"

namespace tiegraph::cypher {
namespace {

// The start of a pipeline: the row it is given, once.
class ArgumentCursor : public Cursor {
 public:
  explicit ArgumentCursor(Row row) : row_(std::move(row)) {}
  QueryResult<bool> Next(Batch* batch) override {
    batch->clear();
    if (done_) return false;
    done_ = true;
    batch->push_back(row_);
    return true;
  }

 private:
  Row row_;
  bool done_ = false;
};

SideEffects Difference(const SideEffects& after, const SideEffects& before) {
  SideEffects out;
  out.nodes_created = after.nodes_created - before.nodes_created;
  out.nodes_deleted = after.nodes_deleted - before.nodes_deleted;
  out.relationships_created = after.relationships_created - before.relationships_created;
  out.relationships_deleted = after.relationships_deleted - before.relationships_deleted;
  out.labels_added = after.labels_added - before.labels_added;
  out.labels_removed = after.labels_removed - before.labels_removed;
  out.properties_set = after.properties_set - before.properties_set;
  out.properties_removed = after.properties_removed - before.properties_removed;
  return out;
}

}  // namespace

CursorPtr MakeCursor(const PlanOperator& op, ExecutionContext* context, const Row& argument) {
  CursorPtr input = op.input ? MakeCursor(*op.input, context, argument)
                             : std::make_unique<ArgumentCursor>(argument);
  switch (op.kind) {
    case PlanKind::kNodeScan:
    case PlanKind::kExpand:
    case PlanKind::kShortestPath:
    case PlanKind::kNamedPath:
    case PlanKind::kFilter:
    case PlanKind::kOptional:
    case PlanKind::kUnwind:
      return MakeReadCursor(op, std::move(input), context);
    case PlanKind::kCreate:
    case PlanKind::kMerge:
    case PlanKind::kSetProperties:
    case PlanKind::kRemove:
    case PlanKind::kDelete:
      return MakeWriteCursor(op, std::move(input), context);
    case PlanKind::kUnion:
      return MakeProjectionCursor(op, std::move(input), MakeCursor(*op.branch, context, argument),
                                  context);
    default:
      return MakeProjectionCursor(op, std::move(input), nullptr, context);
  }
}

QueryResult<QueryOutput> ExecuteStatement(const ast::Statement& statement, GraphAccess* graph,
                                          const ExecuteOptions& options) {
  auto bound = Bind(statement, &options.parameters);
  if (!bound.ok()) return bound.error();
  auto plan = BuildPlan(statement, *bound);
  if (!plan.ok()) return plan.error();
  QueryOutput output;
  output.columns = plan->columns;
  output.writes = plan->writes;
  if (statement.explain) {
    output.plan = ExplainPlan(*plan);
    return output;
  }
  const SideEffects before = graph->effects();
  ExecutionContext context;
  context.graph = graph;
  context.bound = &*bound;
  context.plan = &*plan;
  context.options = &options;
  context.deadline = std::chrono::steady_clock::now() + options.timeout;
  CursorPtr root = MakeCursor(*plan->root, &context, Row(bound->slot_count));
  Batch batch;
  size_t bytes = 0;
  while (true) {
    auto more = root->Next(&batch);
    if (!more.ok()) return more.error();
    if (!*more) break;
    for (Row& row : batch) {
      bytes += EstimateBytes(row);
      output.rows.push_back(std::move(row));
    }
    auto held = context.CheckHeld(output.rows.size(), bytes);
    if (!held.ok()) return held.error();
  }
  output.effects = Difference(graph->effects(), before);
  return output;
}

}  // namespace tiegraph::cypher
