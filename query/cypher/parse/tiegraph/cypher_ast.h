// The syntax tree of a query, as the parse stage builds it and the bind stage walks it.
//
// Each node is a plain struct; an expression, a clause and a pattern element carry the
// TextPosition of the token that starts them (1-based line, column in code points), so later
// stages can point at the place an error concerns. Alternatives are std::variant members, so a
// walker is a std::visit with one overload per kind. Children are owned (unique_ptr): the tree
// is moved, never copied.
//
// The tree records what was written and nothing more: names are not resolved, no semantic rule
// (defined variables, aggregation placement, clause order beyond the grammar's) is checked.
#ifndef TIEGRAPH_CYPHER_AST_H_
#define TIEGRAPH_CYPHER_AST_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <tiegraph/cypher_value.h>
#include <tiegraph/query_error.h>

namespace tiegraph::cypher::ast {

struct Expression;
struct Query;
using ExpressionPtr = std::unique_ptr<Expression>;

// ---------------------------------------------------------------------------------------------
// Patterns

// (variable:Label1:Label2 {key: value}) or (variable $parameter).
struct NodePattern {
  TextPosition position;
  std::string variable;  // empty: anonymous
  std::vector<std::string> labels;
  ExpressionPtr properties;  // a MapLiteral or a Parameter; null when absent
};

// Undirected covers both `-[]-` and `<-[]->` (openCypher reads an arrow at both ends as none).
enum class Direction { kUndirected, kLeftToRight, kRightToLeft };

// The `*min..max` of a variable-length relationship; an absent bound is open.
// `*` = {}, `*2` = {2, 2}, `*1..3` = {1, 3}, `*..3` = {nullopt, 3}, `*2..` = {2, nullopt}.
struct VariableLength {
  std::optional<int64_t> min;
  std::optional<int64_t> max;
};

// -[variable:T1|T2 *min..max {key: value}]->
struct RelationshipPattern {
  TextPosition position;  // the first dash or the `<` of the arrow
  std::string variable;
  std::vector<std::string> types;  // alternatives: any of them matches
  Direction direction = Direction::kUndirected;
  std::optional<VariableLength> length;  // set: variable length
  ExpressionPtr properties;              // a MapLiteral or a Parameter; null when absent
};

// One relationship and the node it leads to.
struct PatternStep {
  RelationshipPattern relationship;
  NodePattern node;
};

// A chain of nodes joined by relationships: (a)-[r]->(b)<-[s]-(c).
struct PatternChain {
  NodePattern start;
  std::vector<PatternStep> steps;
};

enum class PathSearch { kNone, kShortest, kAllShortest };

// One comma-separated part of a pattern: `p = shortestPath((a)-[*]-(b))`.
struct PatternPart {
  TextPosition position;
  std::string path_variable;  // empty: unnamed
  PathSearch search = PathSearch::kNone;
  PatternChain chain;
};

// ---------------------------------------------------------------------------------------------
// Expressions

struct Literal {
  Value value;  // null, boolean, integer, float or string
};

struct Parameter {
  std::string name;  // `$name` -> "name", `$0` -> "0"
};

struct Variable {
  std::string name;
};

struct PropertyAccess {  // object.key
  ExpressionPtr object;
  std::string key;
};

struct Subscript {  // list[index] or map[key]
  ExpressionPtr object;
  ExpressionPtr index;
};

struct Slice {  // list[from..to]; either bound may be null
  ExpressionPtr list;
  ExpressionPtr from;
  ExpressionPtr to;
};

struct LabelTest {  // subject:L1:L2 (true when the node has every label)
  ExpressionPtr subject;
  std::vector<std::string> labels;
};

enum class UnaryOperator { kNot, kNegate, kPlus, kIsNull, kIsNotNull };

struct Unary {
  UnaryOperator op;
  ExpressionPtr operand;
};

enum class BinaryOperator {
  kOr,
  kXor,
  kAnd,
  kEqual,
  kNotEqual,
  kLess,
  kGreater,
  kLessEqual,
  kGreaterEqual,
  kRegexMatch,  // =~
  kIn,
  kStartsWith,
  kEndsWith,
  kContains,
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
  kPower,
};

struct Binary {
  BinaryOperator op;
  ExpressionPtr left;
  ExpressionPtr right;
};

// Two or more chained comparisons: `a < b <= c` means `a < b AND b <= c`, with `b` evaluated
// once. operands.size() == operators.size() + 1; every operator is a comparison (= <> < > <= >=).
// A single comparison is a Binary.
struct ComparisonChain {
  std::vector<ExpressionPtr> operands;
  std::vector<BinaryOperator> operators;
};

// name(args), name(DISTINCT args); a namespaced name keeps its dots: "date.truncate".
struct FunctionCall {
  std::string name;
  bool distinct = false;
  std::vector<ExpressionPtr> arguments;
};

struct CountStar {};  // count(*)

// CASE [subject] WHEN a THEN b ... [ELSE c] END; subject null: the searched form.
struct CaseAlternative {
  ExpressionPtr when;
  ExpressionPtr then;
};
struct Case {
  ExpressionPtr subject;
  std::vector<CaseAlternative> alternatives;
  ExpressionPtr otherwise;  // null: ELSE null
};

struct ListLiteral {
  std::vector<ExpressionPtr> items;
};

struct MapEntry {
  std::string key;
  ExpressionPtr value;
};
struct MapLiteral {
  std::vector<MapEntry> entries;  // in written order
};

// [variable IN list WHERE predicate | projection]; predicate and projection may be null.
struct ListComprehension {
  std::string variable;
  ExpressionPtr list;
  ExpressionPtr predicate;
  ExpressionPtr projection;
};

// [path = (a)-->(b) WHERE predicate | projection]; path_variable may be empty.
struct PatternComprehension {
  std::string path_variable;
  PatternChain pattern;
  ExpressionPtr predicate;
  ExpressionPtr projection;
};

enum class QuantifierKind { kAll, kAny, kNone, kSingle };

// all(variable IN list WHERE predicate); predicate may be null.
struct Quantifier {
  QuantifierKind kind;
  std::string variable;
  ExpressionPtr list;
  ExpressionPtr predicate;
};

// reduce(accumulator = initial, variable IN list | step)
struct Reduce {
  std::string accumulator;
  ExpressionPtr initial;
  std::string variable;
  ExpressionPtr list;
  ExpressionPtr step;
};

// One element of n{.a, .*, b: e, c}.
struct MapProjectionItem {
  enum class Kind {
    kProperty,  // .key
    kAll,       // .*
    kEntry,     // key: value
    kVariable,  // variable (key and value both named after it)
  };
  TextPosition position;
  Kind kind = Kind::kProperty;
  std::string key;      // kProperty, kEntry: the key; kVariable: the variable
  ExpressionPtr value;  // kEntry only
};
struct MapProjection {
  std::string variable;
  std::vector<MapProjectionItem> items;
};

// A relationship pattern used as a boolean: WHERE (a)-[:T]->(b). Allowed only where the value
// is a predicate: the expression of a WHERE, an operand of NOT, AND, OR, XOR there, the
// argument of exists(), a condition of a searched CASE (elsewhere it is a SyntaxError).
struct PatternPredicate {
  PatternChain pattern;
};

// EXISTS { pattern [WHERE predicate] } or EXISTS { full query }: exactly one form is set.
struct ExistsSubquery {
  std::vector<PatternPart> patterns;
  ExpressionPtr predicate;
  std::unique_ptr<Query> query;
};

struct Expression {
  TextPosition position;
  std::variant<Literal, Parameter, Variable, PropertyAccess, Subscript, Slice, LabelTest, Unary,
               Binary, ComparisonChain, FunctionCall, CountStar, Case, ListLiteral, MapLiteral,
               ListComprehension, PatternComprehension, Quantifier, Reduce, MapProjection,
               PatternPredicate, ExistsSubquery>
      node;
};

// ---------------------------------------------------------------------------------------------
// Clauses

// MATCH or OPTIONAL MATCH.
struct Match {
  bool optional = false;
  std::vector<PatternPart> patterns;
  ExpressionPtr where;
};

struct Unwind {
  ExpressionPtr list;
  std::string variable;
};

// `expression [AS alias]`. text is the item as written (without the alias), the column name of
// an unaliased item: "n.name", "count(*)".
struct ProjectionItem {
  TextPosition position;
  ExpressionPtr expression;
  std::string alias;  // empty: none given
  std::string text;
};

struct SortItem {
  ExpressionPtr expression;
  bool descending = false;
};

// What WITH and RETURN share.
struct Projection {
  bool distinct = false;
  bool star = false;  // `*` (possibly followed by items)
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExpressionPtr skip;   // null: none
  ExpressionPtr limit;  // null: none
};

struct With {
  Projection projection;
  ExpressionPtr where;
};

struct Return {
  Projection projection;
};

struct Create {
  std::vector<PatternPart> patterns;
};

// One item of SET (also of MERGE's ON CREATE SET / ON MATCH SET).
struct SetItem {
  enum class Kind {
    kProperty,           // target.key = value (target: a PropertyAccess expression)
    kReplaceProperties,  // variable = map
    kMergeProperties,    // variable += map
    kLabels,             // variable:L1:L2
  };
  TextPosition position;
  Kind kind = Kind::kProperty;
  ExpressionPtr property;           // kProperty: the PropertyAccess being assigned
  std::string variable;             // the other kinds
  ExpressionPtr value;              // kProperty, kReplaceProperties, kMergeProperties
  std::vector<std::string> labels;  // kLabels
};

struct Merge {
  PatternPart pattern;
  std::vector<SetItem> on_create;  // every ON CREATE SET, in order
  std::vector<SetItem> on_match;   // every ON MATCH SET, in order
};

struct Set {
  std::vector<SetItem> items;
};

struct RemoveItem {
  enum class Kind { kProperty, kLabels };
  TextPosition position;
  Kind kind = Kind::kProperty;
  ExpressionPtr property;           // kProperty: a PropertyAccess
  std::string variable;             // kLabels
  std::vector<std::string> labels;  // kLabels
};

struct Remove {
  std::vector<RemoveItem> items;
};

struct Delete {
  bool detach = false;
  std::vector<ExpressionPtr> expressions;
};

struct YieldItem {
  TextPosition position;
  std::string field;  // the procedure's output column
  std::string alias;  // empty: bound under the field's name
};

// CALL name(arguments) [YIELD items [WHERE predicate]], or the standalone forms
// `CALL name` (no parentheses: arguments come from the parameters) and `YIELD *`.
struct Call {
  std::string procedure;            // dotted: "test.my.proc"
  bool explicit_arguments = false;  // parentheses were written
  std::vector<ExpressionPtr> arguments;
  bool yield_all = false;  // YIELD *
  std::vector<YieldItem> yields;
  ExpressionPtr where;
};

struct Clause {
  TextPosition position;
  std::variant<Match, Unwind, With, Return, Create, Merge, Set, Remove, Delete, Call> node;
};

// ---------------------------------------------------------------------------------------------
// Queries

struct SingleQuery {
  TextPosition position;
  std::vector<Clause> clauses;
};

// part[0] UNION [ALL] part[1] ...; union_all[i] says how part[i] and part[i + 1] are joined.
struct Query {
  std::vector<SingleQuery> parts;
  std::vector<bool> union_all;
  std::vector<TextPosition> union_positions;  // of each UNION keyword
};

struct Statement {
  bool explain = false;  // EXPLAIN: plan, do not run
  Query query;
};

}  // namespace tiegraph::cypher::ast

#endif  // TIEGRAPH_CYPHER_AST_H_
