// Atoms: literals, parameters, variables, parenthesized expressions, lists and maps, and the
// dispatch to the compound forms (compound_expressions.cc).
#include <cstdint>
#include <memory>
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
                 "WHERE, exists(), a CASE condition); use EXISTS { … } or a pattern "
                 "comprehension [(…)-->(…) | …] here");
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

}  // namespace tiegraph::cypher
