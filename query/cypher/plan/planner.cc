// BuildPlan(): each clause becomes a few operators stacked on the operators of the clauses
// before it.
#include <tiegraph/cypher_plan.h>

namespace tiegraph::cypher {
namespace {

using OperatorPtr = std::unique_ptr<PlanOperator>;

OperatorPtr Stack(PlanKind kind, OperatorPtr input) {
  auto op = std::make_unique<PlanOperator>();
  op->kind = kind;
  op->input = std::move(input);
  return op;
}

class Planner {
 public:
  explicit Planner(const BoundQuery& bound) : bound_(bound) {}

  QueryResult<OperatorPtr> PlanSingle(const ast::SingleQuery& query) {
    OperatorPtr current;
    for (const ast::Clause& clause : query.clauses) {
      auto next = PlanClause(clause, std::move(current));
      if (!next.ok()) return next.error();
      current = std::move(next.value());
    }
    return current;
  }

 private:
  int Slot(const void* declaration) const { return bound_.declarations.at(declaration).slot; }
  bool Introduced(const void* declaration) const {
    return bound_.declarations.at(declaration).introduced;
  }

  // The operators matching one pattern part, on top of `current`.
  QueryResult<OperatorPtr> PlanPart(const ast::PatternPart& part, OperatorPtr current,
                                    std::vector<int>* relationships) {
    const ast::PatternChain& chain = part.chain;
    OperatorPtr op = Stack(Introduced(&chain.start) ? PlanKind::kNodeScan : PlanKind::kFilter,
                           std::move(current));
    op->node = &chain.start;
    current = std::move(op);
    if (part.search != ast::PathSearch::kNone) {
      if (chain.steps.size() != 1) {
        return QueryError{ErrorClass::kSemanticError, "UnsupportedPattern",
                          "shortestPath needs a pattern of one relationship", part.position};
      }
      const ast::PatternStep& step = chain.steps[0];
      OperatorPtr end = Stack(Introduced(&step.node) ? PlanKind::kNodeScan : PlanKind::kFilter,
                              std::move(current));
      end->node = &step.node;
      OperatorPtr search = Stack(PlanKind::kShortestPath, std::move(end));
      search->part = &part;
      return search;
    }
    const ast::NodePattern* from = &chain.start;
    for (const ast::PatternStep& step : chain.steps) {
      OperatorPtr expand = Stack(PlanKind::kExpand, std::move(current));
      expand->from_slot = Slot(from);
      expand->relationship = &step.relationship;
      expand->node = &step.node;
      expand->earlier_relationships = *relationships;
      relationships->push_back(Slot(&step.relationship));
      current = std::move(expand);
      from = &step.node;
    }
    if (!part.path_variable.empty()) {
      OperatorPtr path = Stack(PlanKind::kNamedPath, std::move(current));
      path->part = &part;
      current = std::move(path);
    }
    return current;
  }

  QueryResult<OperatorPtr> PlanMatch(const ast::Match& match, OperatorPtr current) {
    OperatorPtr pipeline = match.optional ? nullptr : std::move(current);
    std::vector<int> relationships;
    for (const ast::PatternPart& part : match.patterns) {
      auto next = PlanPart(part, std::move(pipeline), &relationships);
      if (!next.ok()) return next;
      pipeline = std::move(next.value());
    }
    if (match.where) {
      pipeline = Stack(PlanKind::kFilter, std::move(pipeline));
      pipeline->expression = match.where.get();
    }
    if (!match.optional) return pipeline;
    OperatorPtr optional = Stack(PlanKind::kOptional, std::move(current));
    optional->branch = std::move(pipeline);
    return optional;
  }

  OperatorPtr PlanProjection(const ast::Clause& clause, const ast::Projection& projection,
                             const ast::Expression* where, OperatorPtr current) {
    const BoundProjection& bound = bound_.projections.at(&clause);
    auto with_projection = [&](PlanKind kind, OperatorPtr input) {
      OperatorPtr op = Stack(kind, std::move(input));
      op->projection = &projection;
      op->bound_projection = &bound;
      return op;
    };
    current = with_projection(bound.aggregating ? PlanKind::kAggregate : PlanKind::kProject,
                              std::move(current));
    if (projection.distinct) current = with_projection(PlanKind::kDistinct, std::move(current));
    if (!projection.order_by.empty()) {
      current = with_projection(PlanKind::kSort, std::move(current));
    }
    if (projection.skip) {
      current = Stack(PlanKind::kSkip, std::move(current));
      current->expression = projection.skip.get();
    }
    if (projection.limit) {
      current = Stack(PlanKind::kLimit, std::move(current));
      current->expression = projection.limit.get();
    }
    if (where != nullptr) {
      current = Stack(PlanKind::kFilter, std::move(current));
      current->expression = where;
    }
    return current;
  }

  QueryResult<OperatorPtr> PlanClause(const ast::Clause& clause, OperatorPtr current) {
    if (const auto* match = std::get_if<ast::Match>(&clause.node)) {
      return PlanMatch(*match, std::move(current));
    }
    if (const auto* unwind = std::get_if<ast::Unwind>(&clause.node)) {
      OperatorPtr op = Stack(PlanKind::kUnwind, std::move(current));
      op->expression = unwind->list.get();
      op->from_slot = Slot(unwind);
      return op;
    }
    if (const auto* with = std::get_if<ast::With>(&clause.node)) {
      return PlanProjection(clause, with->projection, with->where.get(), std::move(current));
    }
    if (const auto* ret = std::get_if<ast::Return>(&clause.node)) {
      OperatorPtr projected = PlanProjection(clause, ret->projection, nullptr, std::move(current));
      OperatorPtr produce = Stack(PlanKind::kProduce, std::move(projected));
      for (const BoundItem& item : bound_.projections.at(&clause).items) {
        produce->columns.push_back(item.column);
        produce->column_slots.push_back(item.slot);
      }
      return produce;
    }
    if (const auto* create = std::get_if<ast::Create>(&clause.node)) {
      OperatorPtr op = Stack(PlanKind::kCreate, std::move(current));
      for (const ast::PatternPart& part : create->patterns) op->parts.push_back(&part);
      return op;
    }
    if (const auto* merge = std::get_if<ast::Merge>(&clause.node)) {
      OperatorPtr op = Stack(PlanKind::kMerge, std::move(current));
      op->part = &merge->pattern;
      for (const ast::SetItem& item : merge->on_create) op->set_items.push_back(&item);
      for (const ast::SetItem& item : merge->on_match) op->on_match_items.push_back(&item);
      return op;
    }
    if (const auto* set = std::get_if<ast::Set>(&clause.node)) {
      OperatorPtr op = Stack(PlanKind::kSetProperties, std::move(current));
      for (const ast::SetItem& item : set->items) op->set_items.push_back(&item);
      return op;
    }
    if (const auto* remove = std::get_if<ast::Remove>(&clause.node)) {
      OperatorPtr op = Stack(PlanKind::kRemove, std::move(current));
      for (const ast::RemoveItem& item : remove->items) op->remove_items.push_back(&item);
      return op;
    }
    if (const auto* del = std::get_if<ast::Delete>(&clause.node)) {
      OperatorPtr op = Stack(PlanKind::kDelete, std::move(current));
      op->detach = del->detach;
      for (const ast::ExpressionPtr& expression : del->expressions) {
        op->expressions.push_back(expression.get());
      }
      return op;
    }
    return QueryError{ErrorClass::kProcedureError, "ProcedureNotFound",
                      "procedures are not supported", clause.position};
  }

  const BoundQuery& bound_;
};

}  // namespace

QueryResult<Plan> BuildPlan(const ast::Statement& statement, const BoundQuery& bound) {
  Planner planner(bound);
  Plan plan;
  plan.bound = &bound;
  plan.columns = bound.columns;
  plan.writes = bound.writes;
  for (const ast::ExistsSubquery* exists : bound.subqueries) {
    auto part = planner.PlanSingle(exists->query->parts[0]);
    if (!part.ok()) return part.error();
    plan.subqueries[exists] = std::move(part.value());
  }
  const ast::Query& query = statement.query;
  for (size_t i = 0; i < query.parts.size(); ++i) {
    auto part = planner.PlanSingle(query.parts[i]);
    if (!part.ok()) return part.error();
    OperatorPtr root = std::move(part.value());
    if (!root || root->kind != PlanKind::kProduce)
      root = Stack(PlanKind::kProduce, std::move(root));
    if (i == 0) {
      plan.root = std::move(root);
    } else {
      OperatorPtr both = Stack(PlanKind::kUnion, std::move(plan.root));
      both->branch = std::move(root);
      both->union_all = query.union_all[i - 1];
      plan.root = std::move(both);
    }
  }
  return plan;
}

}  // namespace tiegraph::cypher
