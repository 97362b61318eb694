// Expressions, from OR down to atoms, with openCypher's precedence:
//   OR < XOR < AND < NOT < comparison (= <> < > <= >=, chained)
//   < string, list and null predicates (=~ STARTS WITH ENDS WITH CONTAINS IN IS [NOT] NULL)
//   < + - < * / % < ^ < unary + - < property lookup, subscript, slice, label test < atom.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parser.h"

namespace tiegraph::cypher {
namespace {

// Keywords that never start an expression: seen where an operand is due, they mean the
// operand is missing.
constexpr std::string_view kNotAnOperand[] = {
    "AND",    "AS",         "ASC",    "ASCENDING", "BY",       "CONTAINS", "CREATE", "DELETE",
    "DESC",   "DESCENDING", "DETACH", "ELSE",      "END",      "ENDS",     "IN",     "IS",
    "LIMIT",  "MATCH",      "MERGE",  "ON",        "OPTIONAL", "OR",       "ORDER",  "REMOVE",
    "RETURN", "SET",        "SKIP",   "STARTS",    "THEN",     "UNION",    "UNWIND", "WHEN",
    "WHERE",  "WITH",       "XOR",    "YIELD",
};

}  // namespace

ast::ExpressionPtr Parser::ParseExpression(bool predicate) {
  DepthGuard depth(this);
  if (!depth.ok()) return nullptr;
  return ParseOr(predicate);
}

ast::ExpressionPtr Parser::ParseOr(bool predicate) {
  const TextPosition start = Peek().position;
  ast::ExpressionPtr left = ParseXor(predicate);
  ChainDepth chain(this);
  while (left && AtKeyword("OR")) {
    Next();
    if (!chain.Step()) return nullptr;
    ast::ExpressionPtr right = ParseXor(predicate);
    if (!right) return nullptr;
    left = MakeExpression(start,
                          ast::Binary{ast::BinaryOperator::kOr, std::move(left), std::move(right)});
  }
  return left;
}

ast::ExpressionPtr Parser::ParseXor(bool predicate) {
  const TextPosition start = Peek().position;
  ast::ExpressionPtr left = ParseAnd(predicate);
  ChainDepth chain(this);
  while (left && AtKeyword("XOR")) {
    Next();
    if (!chain.Step()) return nullptr;
    ast::ExpressionPtr right = ParseAnd(predicate);
    if (!right) return nullptr;
    left = MakeExpression(
        start, ast::Binary{ast::BinaryOperator::kXor, std::move(left), std::move(right)});
  }
  return left;
}

ast::ExpressionPtr Parser::ParseAnd(bool predicate) {
  const TextPosition start = Peek().position;
  ast::ExpressionPtr left = ParseNot(predicate);
  ChainDepth chain(this);
  while (left && AtKeyword("AND")) {
    Next();
    if (!chain.Step()) return nullptr;
    ast::ExpressionPtr right = ParseNot(predicate);
    if (!right) return nullptr;
    left = MakeExpression(
        start, ast::Binary{ast::BinaryOperator::kAnd, std::move(left), std::move(right)});
  }
  return left;
}

ast::ExpressionPtr Parser::ParseNot(bool predicate) {
  if (!AtKeyword("NOT")) return ParseComparison(predicate);
  const TextPosition start = Next().position;
  DepthGuard depth(this);
  if (!depth.ok()) return nullptr;
  ast::ExpressionPtr operand = ParseNot(predicate);
  if (!operand) return nullptr;
  return MakeExpression(start, ast::Unary{ast::UnaryOperator::kNot, std::move(operand)});
}

bool Parser::AtOperandContinuation(size_t ahead) const {
  for (std::string_view symbol :
       {"=", "<>", "<", ">", "<=", ">=", "=~", "+", "-", "*", "/", "%", "^", ".", "[", ":"}) {
    if (AtSymbol(symbol, ahead)) return true;
  }
  for (std::string_view keyword : {"IN", "STARTS", "ENDS", "CONTAINS", "IS"}) {
    if (AtKeyword(keyword, ahead)) return true;
  }
  return false;
}

// Where a boolean is expected, a parenthesis may open a pattern predicate, or a parenthesized
// predicate that may hold one. Returns null, without an error, when neither applies.
ast::ExpressionPtr Parser::ParsePredicateOperand() {
  if (LooksLikeRelationshipsPattern()) {
    const size_t mark = Mark();
    const TextPosition start = Peek().position;
    ast::PatternChain chain;
    if (TryRelationshipsPattern(&chain)) {
      if (!AtOperandContinuation()) {
        return MakeExpression(start, ast::PatternPredicate{std::move(chain)});
      }
      Rewind(mark);  // a pattern inside a larger expression: ParseAtom reports it
    }
  }
  if (AtSymbol("(")) {
    const size_t close = MatchingClose(0);
    if (close != 0 && !AtOperandContinuation(close + 1)) return ParseParenthesized(true);
  }
  return nullptr;
}

ast::ExpressionPtr Parser::ParseComparison(bool predicate) {
  if (predicate) {
    ast::ExpressionPtr operand = ParsePredicateOperand();
    if (operand || failed()) return operand;
  }
  const TextPosition start = Peek().position;
  ast::ExpressionPtr first = ParseStringListNull();
  if (!first) return nullptr;
  std::vector<ast::ExpressionPtr> operands;
  std::vector<ast::BinaryOperator> operators;
  operands.push_back(std::move(first));
  ChainDepth chain(this);
  while (true) {
    ast::BinaryOperator op;
    if (AtSymbol("=")) {
      op = ast::BinaryOperator::kEqual;
    } else if (AtSymbol("<>")) {
      op = ast::BinaryOperator::kNotEqual;
    } else if (AtSymbol("<")) {
      op = ast::BinaryOperator::kLess;
    } else if (AtSymbol(">")) {
      op = ast::BinaryOperator::kGreater;
    } else if (AtSymbol("<=")) {
      op = ast::BinaryOperator::kLessEqual;
    } else if (AtSymbol(">=")) {
      op = ast::BinaryOperator::kGreaterEqual;
    } else {
      break;
    }
    Next();
    if (!chain.Step()) return nullptr;
    ast::ExpressionPtr operand = ParseStringListNull();
    if (!operand) return nullptr;
    operators.push_back(op);
    operands.push_back(std::move(operand));
  }
  if (operators.empty()) return std::move(operands.front());
  if (operators.size() == 1) {
    return MakeExpression(
        start, ast::Binary{operators.front(), std::move(operands[0]), std::move(operands[1])});
  }
  return MakeExpression(start, ast::ComparisonChain{std::move(operands), std::move(operators)});
}

ast::ExpressionPtr Parser::ParseStringListNull() {
  const TextPosition start = Peek().position;
  ast::ExpressionPtr left = ParseAddSubtract();
  ChainDepth chain(this);
  while (left) {
    if (AtKeyword("IS")) {
      Next();
      const bool negated = AcceptKeyword("NOT");
      if (!ExpectKeyword("NULL", negated ? "after IS NOT" : "or NOT NULL after IS")) {
        return nullptr;
      }
      if (!chain.Step()) return nullptr;
      left = MakeExpression(
          start, ast::Unary{negated ? ast::UnaryOperator::kIsNotNull : ast::UnaryOperator::kIsNull,
                            std::move(left)});
      continue;
    }
    ast::BinaryOperator op;
    if (AtSymbol("=~")) {
      op = ast::BinaryOperator::kRegexMatch;
    } else if (AtKeyword("IN")) {
      op = ast::BinaryOperator::kIn;
    } else if (AtKeyword("CONTAINS")) {
      op = ast::BinaryOperator::kContains;
    } else if (AtKeyword("STARTS")) {
      op = ast::BinaryOperator::kStartsWith;
    } else if (AtKeyword("ENDS")) {
      op = ast::BinaryOperator::kEndsWith;
    } else {
      break;
    }
    const bool two_words = AtKeyword("STARTS") || AtKeyword("ENDS");
    const std::string first_word = Next().text;
    if (two_words && !ExpectKeyword("WITH", "after " + first_word)) return nullptr;
    if (!chain.Step()) return nullptr;
    ast::ExpressionPtr right = ParseAddSubtract();
    if (!right) return nullptr;
    left = MakeExpression(start, ast::Binary{op, std::move(left), std::move(right)});
  }
  return left;
}

ast::ExpressionPtr Parser::ParseAddSubtract() {
  const TextPosition start = Peek().position;
  ast::ExpressionPtr left = ParseMultiplyDivide();
  ChainDepth chain(this);
  while (left && (AtSymbol("+") || AtSymbol("-"))) {
    const auto op = Next().text == "+" ? ast::BinaryOperator::kAdd : ast::BinaryOperator::kSubtract;
    if (!chain.Step()) return nullptr;
    ast::ExpressionPtr right = ParseMultiplyDivide();
    if (!right) return nullptr;
    left = MakeExpression(start, ast::Binary{op, std::move(left), std::move(right)});
  }
  return left;
}

ast::ExpressionPtr Parser::ParseMultiplyDivide() {
  const TextPosition start = Peek().position;
  ast::ExpressionPtr left = ParsePower();
  ChainDepth chain(this);
  while (left && (AtSymbol("*") || AtSymbol("/") || AtSymbol("%"))) {
    const std::string symbol = Next().text;
    const auto op = symbol == "*"   ? ast::BinaryOperator::kMultiply
                    : symbol == "/" ? ast::BinaryOperator::kDivide
                                    : ast::BinaryOperator::kModulo;
    if (!chain.Step()) return nullptr;
    ast::ExpressionPtr right = ParsePower();
    if (!right) return nullptr;
    left = MakeExpression(start, ast::Binary{op, std::move(left), std::move(right)});
  }
  return left;
}

// openCypher's grammar makes ^ left-associative and binds unary minus tighter: -2^2 is 4.
ast::ExpressionPtr Parser::ParsePower() {
  const TextPosition start = Peek().position;
  ast::ExpressionPtr left = ParseUnary();
  ChainDepth chain(this);
  while (left && AtSymbol("^")) {
    Next();
    if (!chain.Step()) return nullptr;
    ast::ExpressionPtr right = ParseUnary();
    if (!right) return nullptr;
    left = MakeExpression(
        start, ast::Binary{ast::BinaryOperator::kPower, std::move(left), std::move(right)});
  }
  return left;
}

ast::ExpressionPtr Parser::ParseUnary() {
  if (!AtSymbol("-") && !AtSymbol("+")) return ParsePostfix(/*labels=*/true);
  // A minus sign before a number makes a negative literal, so that the smallest integer,
  // -9223372036854775808, can be written although its magnitude alone overflows.
  const TokenKind number = Peek(1).kind;
  if (AtSymbol("-") && (number == TokenKind::kInteger || number == TokenKind::kFloat) &&
      !AtSymbol(".", 2) && !AtSymbol("[", 2) && !AtSymbol(":", 2)) {
    const TextPosition start = Next().position;
    ast::ExpressionPtr literal = ParseNumber(/*negated=*/true);
    if (literal) literal->position = start;
    return literal;
  }
  const Token& sign = Next();
  DepthGuard depth(this);
  if (!depth.ok()) return nullptr;
  ast::ExpressionPtr operand = ParseUnary();
  if (!operand) return nullptr;
  return MakeExpression(sign.position, ast::Unary{sign.text == "-" ? ast::UnaryOperator::kNegate
                                                                   : ast::UnaryOperator::kPlus,
                                                  std::move(operand)});
}

ast::ExpressionPtr Parser::ParsePostfix(bool labels) {
  const TextPosition start = Peek().position;
  ast::ExpressionPtr expression = ParseAtom();
  ChainDepth chain(this);
  while (expression) {
    if (AtSymbol(".")) {
      Next();
      std::string key;
      if (!chain.Step() || !ParseName(&key, "a property key after '.'")) return nullptr;
      expression = MakeExpression(start, ast::PropertyAccess{std::move(expression), key});
    } else if (AtSymbol("[")) {
      const TextPosition opened = Next().position;
      if (!chain.Step()) return nullptr;
      ast::ExpressionPtr from;
      if (!AtSymbol("..")) {
        from = ParseExpression();
        if (!from) return nullptr;
      }
      if (AcceptSymbol("..")) {
        ast::ExpressionPtr to;
        if (!AtSymbol("]")) {
          to = ParseExpression();
          if (!to) return nullptr;
        }
        expression = MakeExpression(
            start, ast::Slice{std::move(expression), std::move(from), std::move(to)});
      } else {
        expression = MakeExpression(start, ast::Subscript{std::move(expression), std::move(from)});
      }
      if (!ExpectClose("]", "the subscript", opened)) return nullptr;
    } else {
      break;
    }
  }
  if (expression && labels && AtSymbol(":")) {
    std::vector<std::string> names;
    if (!ParseLabels(&names)) return nullptr;
    expression = MakeExpression(start, ast::LabelTest{std::move(expression), std::move(names)});
  }
  return expression;
}

ast::ExpressionPtr Parser::ParseNumber(bool negated) {
  const Token& token = Peek();
  if (token.kind == TokenKind::kFloat) {
    Next();
    return MakeExpression(token.position, ast::Literal{Value(negated ? -token.real : token.real)});
  }
  if (token.kind != TokenKind::kInteger) {
    FailExpected("a number");
    return nullptr;
  }
  const uint64_t limit = static_cast<uint64_t>(INT64_MAX) + (negated ? 1 : 0);
  if (token.overflow || token.integer > limit) {
    const std::string written(text_.substr(token.begin, token.end - token.begin));
    Fail(token,
         "the integer " + std::string(negated ? "-" : "") + written +
             " does not fit in 64 bits (from -2^63 to 2^63 - 1)",
         "IntegerOverflow");
    return nullptr;
  }
  Next();
  int64_t value = 0;
  if (negated) {
    value = token.integer == limit ? INT64_MIN : -static_cast<int64_t>(token.integer);
  } else {
    value = static_cast<int64_t>(token.integer);
  }
  return MakeExpression(token.position, ast::Literal{Value(value)});
}

ast::ExpressionPtr Parser::ParseParameter() {
  const TextPosition start = Next().position;  // $
  const Token& name = Peek();
  if (name.kind == TokenKind::kIdentifier) {
    Next();
    return MakeExpression(start, ast::Parameter{name.text});
  }
  if (name.kind == TokenKind::kInteger && !name.overflow) {
    Next();
    return MakeExpression(
        start, ast::Parameter{std::string(text_.substr(name.begin, name.end - name.begin))});
  }
  FailExpected("a parameter name after '$'");
  return nullptr;
}

ast::ExpressionPtr Parser::ParseParenthesized(bool predicate) {
  const TextPosition opened = Next().position;
  ast::ExpressionPtr inner = ParseExpression(predicate);
  if (!inner || !ExpectClose(")", "the parenthesized expression", opened)) return nullptr;
  return inner;
}

ast::ExpressionPtr Parser::ParseAtom() {
  const Token& token = Peek();
  switch (token.kind) {
    case TokenKind::kError:
      if (!error_) error_ = token.error;
      return nullptr;
    case TokenKind::kInteger:
    case TokenKind::kFloat:
      return ParseNumber(/*negated=*/false);
    case TokenKind::kString:
      Next();
      return MakeExpression(token.position, ast::Literal{Value(token.text)});
    case TokenKind::kEnd:
      FailExpected("an expression");
      return nullptr;
    case TokenKind::kSymbol:
      if (token.text == "$") return ParseParameter();
      if (token.text == "[") return ParseBracket();
      if (token.text == "{") return ParseMapLiteral();
      if (token.text == "(") {
        if (LooksLikeRelationshipsPattern()) {
          const size_t mark = Mark();
          ast::PatternChain chain;
          if (TryRelationshipsPattern(&chain)) {
            Rewind(mark);
            Fail(token,
                 "a pattern can stand as an expression only where a boolean is expected (a "
                 "WHERE, or inside exists()); use EXISTS { … } or a pattern comprehension "
                 "[(…)-->(…) | …] here");
            return nullptr;
          }
        }
        return ParseParenthesized(/*predicate=*/false);
      }
      FailExpected("an expression");
      return nullptr;
    case TokenKind::kIdentifier:
      break;
  }
  if (!token.quoted) {
    if (AtKeyword("TRUE") || AtKeyword("FALSE")) {
      const bool value = AtKeyword("TRUE");
      Next();
      return MakeExpression(token.position, ast::Literal{Value(value)});
    }
    if (AtKeyword("NULL")) {
      Next();
      return MakeExpression(token.position, ast::Literal{Value()});
    }
    if (AtKeyword("CASE")) return ParseCase();
    if (AtKeyword("EXISTS") && AtSymbol("{", 1)) return ParseExists();
    if (AtKeyword("COUNT") && AtSymbol("(", 1) && AtSymbol("*", 2) && AtSymbol(")", 3)) {
      for (int i = 0; i < 4; ++i) Next();
      return MakeExpression(token.position, ast::CountStar{});
    }
    if (AtSymbol("(", 1) && AtName(2) && AtKeyword("IN", 3)) {
      if (AtKeyword("ALL")) return ParseQuantifier(ast::QuantifierKind::kAll);
      if (AtKeyword("ANY")) return ParseQuantifier(ast::QuantifierKind::kAny);
      if (AtKeyword("NONE")) return ParseQuantifier(ast::QuantifierKind::kNone);
      if (AtKeyword("SINGLE")) return ParseQuantifier(ast::QuantifierKind::kSingle);
    }
    if (AtKeyword("REDUCE") && AtSymbol("(", 1)) return ParseReduce();
  }
  if (AtFunctionCall()) return ParseFunctionCall();
  if (!token.quoted) {
    for (std::string_view keyword : kNotAnOperand) {
      if (AtKeyword(keyword)) {
        FailExpected("an expression");
        return nullptr;
      }
    }
  }
  if (AtSymbol("{", 1)) return ParseMapProjection();
  Next();
  return MakeExpression(token.position, ast::Variable{token.text});
}

ast::ExpressionPtr Parser::ParseBracket() {
  if (AtName(1) && AtKeyword("IN", 2)) return ParseListComprehension();
  if (LooksLikeRelationshipsPattern(1) ||
      (AtName(1) && AtSymbol("=", 2) && LooksLikeRelationshipsPattern(3))) {
    const size_t mark = Mark();
    Next();
    if (AtName()) {  // path =
      Next();
      Next();
    }
    ast::PatternChain chain;
    const bool comprehension =
        TryRelationshipsPattern(&chain) && (AtKeyword("WHERE") || AtSymbol("|"));
    Rewind(mark);
    if (comprehension) return ParsePatternComprehension();
  }
  const TextPosition opened = Next().position;
  ast::ListLiteral list;
  if (!AtSymbol("]")) {
    do {
      ast::ExpressionPtr item = ParseExpression();
      if (!item) return nullptr;
      list.items.push_back(std::move(item));
    } while (AcceptSymbol(","));
  }
  if (!ExpectClose("]", "the list", opened)) return nullptr;
  return MakeExpression(opened, std::move(list));
}

ast::ExpressionPtr Parser::ParseListComprehension() {
  const TextPosition opened = Next().position;
  ast::ListComprehension comprehension;
  comprehension.variable = Next().text;
  Next();  // IN
  comprehension.list = ParseExpression();
  if (!comprehension.list) return nullptr;
  if (AcceptKeyword("WHERE")) {
    comprehension.predicate = ParseExpression(/*predicate=*/true);
    if (!comprehension.predicate) return nullptr;
  }
  if (AcceptSymbol("|")) {
    comprehension.projection = ParseExpression();
    if (!comprehension.projection) return nullptr;
  }
  if (!ExpectClose("]", "the list comprehension", opened)) return nullptr;
  return MakeExpression(opened, std::move(comprehension));
}

ast::ExpressionPtr Parser::ParsePatternComprehension() {
  const TextPosition opened = Next().position;
  ast::PatternComprehension comprehension;
  if (AtName()) {
    comprehension.path_variable = Next().text;
    Next();  // =
  }
  if (!ParseRelationshipsPattern(&comprehension.pattern)) return nullptr;
  if (AcceptKeyword("WHERE")) {
    comprehension.predicate = ParseExpression(/*predicate=*/true);
    if (!comprehension.predicate) return nullptr;
  }
  if (!ExpectSymbol("|", "and the expression a pattern comprehension collects")) return nullptr;
  comprehension.projection = ParseExpression();
  if (!comprehension.projection || !ExpectClose("]", "the pattern comprehension", opened)) {
    return nullptr;
  }
  return MakeExpression(opened, std::move(comprehension));
}

ast::ExpressionPtr Parser::ParseMapLiteral() {
  const TextPosition opened = Next().position;
  ast::MapLiteral map;
  if (!AtSymbol("}")) {
    do {
      ast::MapEntry entry;
      if (!ParseName(&entry.key, "a property key name") ||
          !ExpectSymbol(":", "between the key and its value")) {
        return nullptr;
      }
      entry.value = ParseExpression();
      if (!entry.value) return nullptr;
      map.entries.push_back(std::move(entry));
    } while (AcceptSymbol(","));
  }
  if (!ExpectClose("}", "the map", opened)) return nullptr;
  return MakeExpression(opened, std::move(map));
}

ast::ExpressionPtr Parser::ParseMapProjection() {
  const Token& variable = Next();
  const TextPosition opened = Next().position;
  ast::MapProjection projection;
  projection.variable = variable.text;
  if (!AtSymbol("}")) {
    do {
      ast::MapProjectionItem item;
      item.position = Peek().position;
      if (AcceptSymbol(".")) {
        if (AcceptSymbol("*")) {
          item.kind = ast::MapProjectionItem::Kind::kAll;
        } else if (!ParseName(&item.key, "a property key or '*' after '.'")) {
          return nullptr;
        }
      } else if (!ParseName(&item.key, "'.key', '.*', 'key: value' or a variable")) {
        return nullptr;
      } else if (AcceptSymbol(":")) {
        item.kind = ast::MapProjectionItem::Kind::kEntry;
        item.value = ParseExpression();
        if (!item.value) return nullptr;
      } else {
        item.kind = ast::MapProjectionItem::Kind::kVariable;
      }
      projection.items.push_back(std::move(item));
    } while (AcceptSymbol(","));
  }
  if (!ExpectClose("}", "the map projection", opened)) return nullptr;
  return MakeExpression(variable.position, std::move(projection));
}

ast::ExpressionPtr Parser::ParseCase() {
  const TextPosition opened = Next().position;
  ast::Case result;
  if (!AtKeyword("WHEN")) {
    result.subject = ParseExpression();
    if (!result.subject) return nullptr;
  }
  if (!AtKeyword("WHEN")) {
    FailExpected("WHEN in the CASE opened at " + Where(opened));
    return nullptr;
  }
  while (AcceptKeyword("WHEN")) {
    ast::CaseAlternative alternative;
    // The searched form's conditions are predicates; the simple form's are values.
    alternative.when = ParseExpression(/*predicate=*/result.subject == nullptr);
    if (!alternative.when || !ExpectKeyword("THEN", "after WHEN's expression")) return nullptr;
    alternative.then = ParseExpression();
    if (!alternative.then) return nullptr;
    result.alternatives.push_back(std::move(alternative));
  }
  if (AcceptKeyword("ELSE")) {
    result.otherwise = ParseExpression();
    if (!result.otherwise) return nullptr;
  }
  if (!ExpectKeyword("END", "to close the CASE opened at " + Where(opened))) return nullptr;
  return MakeExpression(opened, std::move(result));
}

ast::ExpressionPtr Parser::ParseExists() {
  const TextPosition start = Next().position;  // EXISTS
  const TextPosition opened = Next().position;
  DepthGuard depth(this);
  if (!depth.ok()) return nullptr;
  ast::ExistsSubquery exists;
  bool full_query = false;
  for (std::string_view keyword : {"MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "CALL",
                                   "CREATE", "MERGE", "SET", "REMOVE", "DELETE", "DETACH"}) {
    full_query = full_query || AtKeyword(keyword);
  }
  if (full_query) {
    exists.query = std::make_unique<ast::Query>();
    if (!ParseQuery(exists.query.get(), /*in_subquery=*/true)) return nullptr;
  } else if (!ParsePatternList(&exists.patterns) || !ParseWhere(&exists.predicate)) {
    return nullptr;
  }
  if (!ExpectClose("}", "the EXISTS subquery", opened)) return nullptr;
  return MakeExpression(start, std::move(exists));
}

ast::ExpressionPtr Parser::ParseQuantifier(ast::QuantifierKind kind) {
  const TextPosition start = Next().position;
  const TextPosition opened = Next().position;
  ast::Quantifier quantifier;
  quantifier.kind = kind;
  quantifier.variable = Next().text;
  Next();  // IN
  quantifier.list = ParseExpression();
  if (!quantifier.list) return nullptr;
  if (AcceptKeyword("WHERE")) {
    quantifier.predicate = ParseExpression(/*predicate=*/true);
    if (!quantifier.predicate) return nullptr;
  }
  if (!ExpectClose(")", "the quantifier", opened)) return nullptr;
  return MakeExpression(start, std::move(quantifier));
}

ast::ExpressionPtr Parser::ParseReduce() {
  const TextPosition start = Next().position;
  const TextPosition opened = Next().position;
  ast::Reduce reduce;
  if (!ParseName(&reduce.accumulator, "the accumulator's name") ||
      !ExpectSymbol("=", "and the accumulator's initial value")) {
    return nullptr;
  }
  reduce.initial = ParseExpression();
  if (!reduce.initial || !ExpectSymbol(",", "after the accumulator's initial value") ||
      !ParseName(&reduce.variable, "a variable") ||
      !ExpectKeyword("IN", "and the list reduce() walks")) {
    return nullptr;
  }
  reduce.list = ParseExpression();
  if (!reduce.list || !ExpectSymbol("|", "and the expression of each step")) return nullptr;
  reduce.step = ParseExpression();
  if (!reduce.step || !ExpectClose(")", "reduce(…)", opened)) return nullptr;
  return MakeExpression(start, std::move(reduce));
}

bool Parser::AtFunctionCall() const {
  if (!AtName()) return false;
  size_t ahead = 1;
  while (AtSymbol(".", ahead) && AtName(ahead + 1)) ahead += 2;
  return AtSymbol("(", ahead);
}

ast::ExpressionPtr Parser::ParseFunctionCall() {
  const TextPosition start = Peek().position;
  // exists(pattern) tests a pattern: its argument is a predicate.
  const bool predicate = AtKeyword("EXISTS") && AtSymbol("(", 1);
  ast::FunctionCall call;
  call.name = Next().text;
  while (AcceptSymbol(".")) call.name += "." + Next().text;
  const TextPosition opened = Next().position;
  call.distinct = AcceptKeyword("DISTINCT");
  if (!AtSymbol(")")) {
    do {
      ast::ExpressionPtr argument = ParseExpression(predicate);
      if (!argument) return nullptr;
      call.arguments.push_back(std::move(argument));
    } while (AcceptSymbol(","));
  }
  if (!ExpectClose(")", "the arguments of " + call.name + "()", opened)) return nullptr;
  return MakeExpression(start, std::move(call));
}

}  // namespace tiegraph::cypher
