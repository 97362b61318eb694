// The operators of expressions, from OR down to postfix lookups, with openCypher's precedence:
//   OR < XOR < AND < NOT < comparison (= <> < > <= >=, chained)
//   < string, list and null predicates (=~ STARTS WITH ENDS WITH CONTAINS IN IS [NOT] NULL)
//   < + - < * / % < ^ < unary + - < property lookup, subscript, slice, label test < atom
// (atoms.cc).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parser.h"

namespace tiegraph::cypher {

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

}  // namespace tiegraph::cypher
