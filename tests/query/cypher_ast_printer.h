// A test-only printer of the query syntax tree as an S-expression, so a test can compare a
// whole tree with a string derived by hand from the grammar:
//   RETURN 1 + 2 * 3  ->  (query (return (+ 1 (* 2 3))))
// Patterns print in Cypher's own notation: (a:L {k: 1})-[r:T*1..2]->(b).
#ifndef TIEGRAPH_TESTS_QUERY_CYPHER_AST_PRINTER_H_
#define TIEGRAPH_TESTS_QUERY_CYPHER_AST_PRINTER_H_

#include <sstream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include <tiegraph/cypher_ast.h>

namespace tiegraph::cypher::testing {

class AstPrinter {
 public:
  static std::string Print(const ast::Statement& statement) {
    AstPrinter p;
    if (statement.explain) p.out_ += "(explain ";
    p.Query(statement.query);
    if (statement.explain) p.out_ += ")";
    return p.out_;
  }
  static std::string Print(const ast::Expression& expression) {
    AstPrinter p;
    p.Expr(expression);
    return p.out_;
  }

 private:
  void Query(const ast::Query& query) {
    if (query.parts.size() == 1) return Single(query.parts[0]);
    // Left-deep: the last UNION is the outermost.
    for (size_t i = query.union_all.size(); i-- > 0;) {
      out_ += query.union_all[i] ? "(union-all " : "(union ";
    }
    Single(query.parts[0]);
    for (size_t i = 1; i < query.parts.size(); ++i) {
      out_ += " ";
      Single(query.parts[i]);
      out_ += ")";
    }
  }
  void Single(const ast::SingleQuery& single) {
    out_ += "(query";
    for (const auto& clause : single.clauses) {
      out_ += " ";
      std::visit([this](const auto& c) { Clause(c); }, clause.node);
    }
    out_ += ")";
  }
  void Where(const ast::ExpressionPtr& where) {
    if (!where) return;
    out_ += " (where ";
    Expr(*where);
    out_ += ")";
  }
  void Parts(const std::vector<ast::PatternPart>& parts) {
    for (const auto& part : parts) {
      out_ += " ";
      Part(part);
    }
  }
  void Clause(const ast::Match& m) {
    out_ += m.optional ? "(optional-match" : "(match";
    Parts(m.patterns);
    Where(m.where);
    out_ += ")";
  }
  void Clause(const ast::Unwind& u) {
    out_ += "(unwind ";
    Expr(*u.list);
    out_ += " " + u.variable + ")";
  }
  void Projection(const ast::Projection& p) {
    if (p.distinct) out_ += " distinct";
    if (p.star) out_ += " *";
    for (const auto& item : p.items) {
      out_ += " ";
      if (!item.alias.empty()) out_ += "(as ";
      Expr(*item.expression);
      if (!item.alias.empty()) out_ += " " + item.alias + ")";
    }
    if (!p.order_by.empty()) {
      out_ += " (order-by";
      for (const auto& sort : p.order_by) {
        out_ += sort.descending ? " (desc " : " (asc ";
        Expr(*sort.expression);
        out_ += ")";
      }
      out_ += ")";
    }
    if (p.skip) {
      out_ += " (skip ";
      Expr(*p.skip);
      out_ += ")";
    }
    if (p.limit) {
      out_ += " (limit ";
      Expr(*p.limit);
      out_ += ")";
    }
  }
  void Clause(const ast::With& w) {
    out_ += "(with";
    Projection(w.projection);
    Where(w.where);
    out_ += ")";
  }
  void Clause(const ast::Return& r) {
    out_ += "(return";
    Projection(r.projection);
    out_ += ")";
  }
  void Clause(const ast::Create& c) {
    out_ += "(create";
    Parts(c.patterns);
    out_ += ")";
  }
  void SetItems(const std::vector<ast::SetItem>& items) {
    for (const auto& item : items) {
      switch (item.kind) {
        case ast::SetItem::Kind::kProperty:
          out_ += " (set-property ";
          Expr(*item.property);
          break;
        case ast::SetItem::Kind::kReplaceProperties:
          out_ += " (set-all " + item.variable;
          break;
        case ast::SetItem::Kind::kMergeProperties:
          out_ += " (set-merge " + item.variable;
          break;
        case ast::SetItem::Kind::kLabels:
          out_ += " (set-labels " + item.variable;
          for (const auto& label : item.labels) out_ += " " + label;
          break;
      }
      if (item.value) {
        out_ += " ";
        Expr(*item.value);
      }
      out_ += ")";
    }
  }
  void Clause(const ast::Merge& m) {
    out_ += "(merge ";
    Part(m.pattern);
    if (!m.on_create.empty()) {
      out_ += " (on-create";
      SetItems(m.on_create);
      out_ += ")";
    }
    if (!m.on_match.empty()) {
      out_ += " (on-match";
      SetItems(m.on_match);
      out_ += ")";
    }
    out_ += ")";
  }
  void Clause(const ast::Set& s) {
    out_ += "(set";
    SetItems(s.items);
    out_ += ")";
  }
  void Clause(const ast::Remove& r) {
    out_ += "(remove";
    for (const auto& item : r.items) {
      out_ += " ";
      if (item.kind == ast::RemoveItem::Kind::kProperty) {
        Expr(*item.property);
      } else {
        out_ += "(labels " + item.variable;
        for (const auto& label : item.labels) out_ += " " + label;
        out_ += ")";
      }
    }
    out_ += ")";
  }
  void Clause(const ast::Delete& d) {
    out_ += d.detach ? "(detach-delete" : "(delete";
    for (const auto& e : d.expressions) {
      out_ += " ";
      Expr(*e);
    }
    out_ += ")";
  }
  void Clause(const ast::Call& c) {
    out_ += "(call " + c.procedure;
    if (c.explicit_arguments) {
      out_ += " (args";
      for (const auto& a : c.arguments) {
        out_ += " ";
        Expr(*a);
      }
      out_ += ")";
    }
    if (c.yield_all) out_ += " (yield *)";
    if (!c.yields.empty()) {
      out_ += " (yield";
      for (const auto& y : c.yields) {
        out_ += y.alias.empty() ? " " + y.field : " (as " + y.field + " " + y.alias + ")";
      }
      out_ += ")";
    }
    Where(c.where);
    out_ += ")";
  }

  void Properties(const ast::ExpressionPtr& properties) {
    if (!properties) return;
    out_ += " ";
    Expr(*properties);
  }
  void Node(const ast::NodePattern& n) {
    out_ += "(" + n.variable;
    for (const auto& label : n.labels) out_ += ":" + label;
    Properties(n.properties);
    out_ += ")";
  }
  void Chain(const ast::PatternChain& chain) {
    Node(chain.start);
    for (const auto& step : chain.steps) {
      const auto& r = step.relationship;
      out_ += r.direction == ast::Direction::kRightToLeft ? "<-[" : "-[";
      out_ += r.variable;
      for (size_t i = 0; i < r.types.size(); ++i) out_ += (i == 0 ? ":" : "|") + r.types[i];
      if (r.length) {
        out_ += "*";
        if (r.length->min) out_ += std::to_string(*r.length->min);
        if (r.length->min != r.length->max) {
          out_ += "..";
          if (r.length->max) out_ += std::to_string(*r.length->max);
        }
      }
      Properties(r.properties);
      out_ += r.direction == ast::Direction::kLeftToRight ? "]->" : "]-";
      Node(step.node);
    }
  }
  void Part(const ast::PatternPart& part) {
    if (!part.path_variable.empty()) out_ += part.path_variable + " = ";
    if (part.search == ast::PathSearch::kShortest) out_ += "shortestPath ";
    if (part.search == ast::PathSearch::kAllShortest) out_ += "allShortestPaths ";
    Chain(part.chain);
  }

  void Opt(const ast::ExpressionPtr& e) {
    out_ += " ";
    if (e) {
      Expr(*e);
    } else {
      out_ += "_";
    }
  }
  static const char* Name(ast::BinaryOperator op) {
    using B = ast::BinaryOperator;
    switch (op) {
      case B::kOr:
        return "or";
      case B::kXor:
        return "xor";
      case B::kAnd:
        return "and";
      case B::kEqual:
        return "=";
      case B::kNotEqual:
        return "<>";
      case B::kLess:
        return "<";
      case B::kGreater:
        return ">";
      case B::kLessEqual:
        return "<=";
      case B::kGreaterEqual:
        return ">=";
      case B::kRegexMatch:
        return "=~";
      case B::kIn:
        return "in";
      case B::kStartsWith:
        return "starts-with";
      case B::kEndsWith:
        return "ends-with";
      case B::kContains:
        return "contains";
      case B::kAdd:
        return "+";
      case B::kSubtract:
        return "-";
      case B::kMultiply:
        return "*";
      case B::kDivide:
        return "/";
      case B::kModulo:
        return "%";
      case B::kPower:
        return "^";
    }
    return "?";
  }
  void Expr(const ast::Expression& e) {
    std::visit([this](const auto& node) { Node(node); }, e.node);
  }
  void Node(const ast::Literal& l) {
    const Value& v = l.value;
    switch (v.kind()) {
      case Value::Kind::kNull:
        out_ += "null";
        break;
      case Value::Kind::kBoolean:
        out_ += v.boolean() ? "true" : "false";
        break;
      case Value::Kind::kInteger:
        out_ += std::to_string(v.integer());
        break;
      case Value::Kind::kFloat: {
        std::ostringstream s;
        s << v.real();
        out_ += s.str() + "f";
        break;
      }
      case Value::Kind::kString:
        out_ += "'" + v.string() + "'";
        break;
      default:
        out_ += "?";
        break;
    }
  }
  void Node(const ast::Parameter& p) { out_ += "$" + p.name; }
  void Node(const ast::Variable& v) { out_ += v.name; }
  void Node(const ast::PropertyAccess& p) {
    out_ += "(. ";
    Expr(*p.object);
    out_ += " " + p.key + ")";
  }
  void Node(const ast::Subscript& s) {
    out_ += "(index ";
    Expr(*s.object);
    Opt(s.index);
    out_ += ")";
  }
  void Node(const ast::Slice& s) {
    out_ += "(slice ";
    Expr(*s.list);
    Opt(s.from);
    Opt(s.to);
    out_ += ")";
  }
  void Node(const ast::LabelTest& l) {
    out_ += "(labels ";
    Expr(*l.subject);
    for (const auto& label : l.labels) out_ += " " + label;
    out_ += ")";
  }
  void Node(const ast::Unary& u) {
    using U = ast::UnaryOperator;
    out_ += u.op == U::kNot      ? "(not "
            : u.op == U::kNegate ? "(neg "
            : u.op == U::kPlus   ? "(pos "
            : u.op == U::kIsNull ? "(is-null "
                                 : "(is-not-null ";
    Expr(*u.operand);
    out_ += ")";
  }
  void Node(const ast::Binary& b) {
    out_ += "(" + std::string(Name(b.op)) + " ";
    Expr(*b.left);
    out_ += " ";
    Expr(*b.right);
    out_ += ")";
  }
  void Node(const ast::ComparisonChain& c) {
    out_ += "(chain ";
    Expr(*c.operands[0]);
    for (size_t i = 0; i < c.operators.size(); ++i) {
      out_ += " " + std::string(Name(c.operators[i])) + " ";
      Expr(*c.operands[i + 1]);
    }
    out_ += ")";
  }
  void Node(const ast::FunctionCall& f) {
    out_ += "(" + f.name + (f.distinct ? " distinct" : "");
    for (const auto& a : f.arguments) {
      out_ += " ";
      Expr(*a);
    }
    out_ += ")";
  }
  void Node(const ast::CountStar&) { out_ += "(count *)"; }
  void Node(const ast::Case& c) {
    out_ += "(case";
    Opt(c.subject);
    for (const auto& alternative : c.alternatives) {
      out_ += " (when ";
      Expr(*alternative.when);
      out_ += " ";
      Expr(*alternative.then);
      out_ += ")";
    }
    Opt(c.otherwise);
    out_ += ")";
  }
  void Node(const ast::ListLiteral& l) {
    out_ += "(list";
    for (const auto& item : l.items) Opt(item);
    out_ += ")";
  }
  void Node(const ast::MapLiteral& m) {
    out_ += "{";
    for (size_t i = 0; i < m.entries.size(); ++i) {
      out_ += (i ? ", " : "") + m.entries[i].key + ": ";
      Expr(*m.entries[i].value);
    }
    out_ += "}";
  }
  void Node(const ast::ListComprehension& c) {
    out_ += "(list-comp " + c.variable;
    Opt(c.list);
    Opt(c.predicate);
    Opt(c.projection);
    out_ += ")";
  }
  void Node(const ast::PatternComprehension& c) {
    out_ += "(pattern-comp " + (c.path_variable.empty() ? "_" : c.path_variable) + " ";
    Chain(c.pattern);
    Opt(c.predicate);
    Opt(c.projection);
    out_ += ")";
  }
  void Node(const ast::Quantifier& q) {
    using Q = ast::QuantifierKind;
    out_ += q.kind == Q::kAll    ? "(all "
            : q.kind == Q::kAny  ? "(any "
            : q.kind == Q::kNone ? "(none "
                                 : "(single ";
    out_ += q.variable;
    Opt(q.list);
    Opt(q.predicate);
    out_ += ")";
  }
  void Node(const ast::Reduce& r) {
    out_ += "(reduce " + r.accumulator;
    Opt(r.initial);
    out_ += " " + r.variable;
    Opt(r.list);
    Opt(r.step);
    out_ += ")";
  }
  void Node(const ast::MapProjection& m) {
    out_ += "(map-proj " + m.variable;
    for (const auto& item : m.items) {
      using K = ast::MapProjectionItem::Kind;
      switch (item.kind) {
        case K::kProperty:
          out_ += " ." + item.key;
          break;
        case K::kAll:
          out_ += " .*";
          break;
        case K::kVariable:
          out_ += " " + item.key;
          break;
        case K::kEntry:
          out_ += " (" + item.key + " ";
          Expr(*item.value);
          out_ += ")";
          break;
      }
    }
    out_ += ")";
  }
  void Node(const ast::PatternPredicate& p) {
    out_ += "(pattern ";
    Chain(p.pattern);
    out_ += ")";
  }
  void Node(const ast::ExistsSubquery& e) {
    out_ += "(exists";
    if (e.query) {
      out_ += " ";
      Query(*e.query);
    } else {
      Parts(e.patterns);
      Where(e.predicate);
    }
    out_ += ")";
  }

  std::string out_;
};

}  // namespace tiegraph::cypher::testing

#endif  // TIEGRAPH_TESTS_QUERY_CYPHER_AST_PRINTER_H_
