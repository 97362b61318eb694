// ExplainPlan(): the operator tree as text, for EXPLAIN.
#include <tiegraph/cypher_plan.h>

namespace tiegraph::cypher {
namespace {

std::string NodeText(const ast::NodePattern& node) {
  std::string text = node.variable.empty() ? "()" : node.variable;
  for (const std::string& label : node.labels) text += ":" + label;
  return text;
}

std::string Details(const PlanOperator& op) {
  switch (op.kind) {
    case PlanKind::kNodeScan:
      return " " + NodeText(*op.node);
    case PlanKind::kFilter:
      return op.node != nullptr ? " " + NodeText(*op.node) : "";
    case PlanKind::kExpand: {
      const ast::RelationshipPattern& rel = *op.relationship;
      std::string text = " -[" + rel.variable;
      for (size_t i = 0; i < rel.types.size(); ++i) text += (i == 0 ? ":" : "|") + rel.types[i];
      if (rel.length) {
        text += "*";
        if (rel.length->min) text += std::to_string(*rel.length->min);
        if (rel.length->min != rel.length->max || !rel.length->min) {
          text += "..";
          if (rel.length->max) text += std::to_string(*rel.length->max);
        }
      }
      text += rel.direction == ast::Direction::kLeftToRight   ? "]-> "
              : rel.direction == ast::Direction::kRightToLeft ? "]<- "
                                                              : "]- ";
      return text + NodeText(*op.node);
    }
    case PlanKind::kShortestPath:
    case PlanKind::kNamedPath:
      return op.part->path_variable.empty() ? "" : " " + op.part->path_variable;
    case PlanKind::kUnion:
      return op.union_all ? " ALL" : "";
    case PlanKind::kDelete:
      return op.detach ? " DETACH" : "";
    case PlanKind::kProject:
    case PlanKind::kAggregate:
    case PlanKind::kProduce: {
      std::string text;
      std::vector<std::string> names = op.columns;
      if (op.bound_projection != nullptr) {
        for (const BoundItem& item : op.bound_projection->items) names.push_back(item.column);
      }
      for (size_t i = 0; i < names.size(); ++i) text += (i == 0 ? " " : ", ") + names[i];
      return text;
    }
    default:
      return "";
  }
}

void Write(const PlanOperator& op, int depth, std::string* out) {
  out->append(static_cast<size_t>(depth) * 2, ' ');
  out->append(PlanKindName(op.kind));
  out->append(Details(op));
  out->push_back('\n');
  if (op.branch) Write(*op.branch, depth + 1, out);
  if (op.input) Write(*op.input, depth + 1, out);
}

}  // namespace

std::string_view PlanKindName(PlanKind kind) {
  switch (kind) {
    case PlanKind::kNodeScan:
      return "NodeScan";
    case PlanKind::kExpand:
      return "Expand";
    case PlanKind::kShortestPath:
      return "ShortestPath";
    case PlanKind::kNamedPath:
      return "NamedPath";
    case PlanKind::kFilter:
      return "Filter";
    case PlanKind::kOptional:
      return "Optional";
    case PlanKind::kUnwind:
      return "Unwind";
    case PlanKind::kProject:
      return "Project";
    case PlanKind::kAggregate:
      return "Aggregate";
    case PlanKind::kDistinct:
      return "Distinct";
    case PlanKind::kSort:
      return "Sort";
    case PlanKind::kSkip:
      return "Skip";
    case PlanKind::kLimit:
      return "Limit";
    case PlanKind::kUnion:
      return "Union";
    case PlanKind::kCreate:
      return "Create";
    case PlanKind::kMerge:
      return "Merge";
    case PlanKind::kSetProperties:
      return "SetProperties";
    case PlanKind::kRemove:
      return "Remove";
    case PlanKind::kDelete:
      return "Delete";
    case PlanKind::kProduce:
      return "Produce";
  }
  return "?";
}

std::string ExplainPlan(const Plan& plan) {
  std::string out;
  if (plan.root) Write(*plan.root, 0, &out);
  return out;
}

}  // namespace tiegraph::cypher
