// Patterns: parts, named paths, shortestPath, node and relationship patterns.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "parser.h"

namespace tiegraph::cypher {

bool Parser::ParsePatternList(std::vector<ast::PatternPart>* parts) {
  do {
    parts->emplace_back();
    if (!ParsePatternPart(&parts->back())) return false;
  } while (AcceptSymbol(","));
  return true;
}

bool Parser::ParsePatternPart(ast::PatternPart* part) {
  part->position = Peek().position;
  if (AtName() && AtSymbol("=", 1)) {
    part->path_variable = Next().text;
    Next();
  }
  const bool shortest = AtKeyword("shortestPath") && AtSymbol("(", 1);
  const bool all_shortest = AtKeyword("allShortestPaths") && AtSymbol("(", 1);
  if (!shortest && !all_shortest) return ParsePatternChain(&part->chain);
  part->search = shortest ? ast::PathSearch::kShortest : ast::PathSearch::kAllShortest;
  const std::string function = Next().text;
  const TextPosition opened = Next().position;
  return ParsePatternChain(&part->chain) && ExpectClose(")", function + "(…)", opened);
}

bool Parser::ParsePatternChain(ast::PatternChain* chain) {
  DepthGuard depth(this);
  if (!depth.ok()) return false;
  if (AtSymbol("(") && AtSymbol("(", 1)) {  // a parenthesized pattern: ((a)-->(b))
    const TextPosition opened = Next().position;
    return ParsePatternChain(chain) && ExpectClose(")", "the parenthesized pattern", opened);
  }
  if (!ParseNodePattern(&chain->start)) return false;
  while (AtRelationshipStart()) {
    ast::PatternStep step;
    if (!ParseRelationshipPattern(&step.relationship) || !ParseNodePattern(&step.node)) {
      return false;
    }
    chain->steps.push_back(std::move(step));
  }
  return true;
}

bool Parser::ParseRelationshipsPattern(ast::PatternChain* chain) {
  if (!ParsePatternChain(chain)) return false;
  if (chain->steps.empty()) return FailExpected("a relationship pattern such as -[]->");
  return true;
}

bool Parser::TryRelationshipsPattern(ast::PatternChain* chain) {
  const size_t mark = Mark();
  if (not_a_pattern_[mark]) return false;
  if (ParseRelationshipsPattern(chain)) return true;
  Rewind(mark);
  not_a_pattern_[mark] = true;
  return false;
}

bool Parser::ParseNodePattern(ast::NodePattern* node) {
  node->position = Peek().position;
  if (!AtSymbol("(")) return FailExpected("'(' to open a node pattern");
  const TextPosition opened = Next().position;
  if (AtName()) node->variable = Next().text;
  if (AtSymbol(":") && !ParseLabels(&node->labels)) return false;
  if (!ParsePatternProperties(&node->properties)) return false;
  return ExpectClose(")", "the node pattern", opened);
}

bool Parser::ParseLabels(std::vector<std::string>* labels) {
  if (!AtSymbol(":")) return FailExpected("':' and a label");
  while (AcceptSymbol(":")) {
    labels->emplace_back();
    if (!ParseName(&labels->back(), "a label name after ':'")) return false;
  }
  return true;
}

bool Parser::ParsePatternProperties(ast::ExpressionPtr* properties) {
  if (AtSymbol("{")) {
    *properties = ParseMapLiteral();
  } else if (AtSymbol("$")) {
    *properties = ParseParameter();
  } else {
    return true;
  }
  return *properties != nullptr;
}

bool Parser::AtRelationshipStart(size_t ahead) const {
  if (AtSymbol("<", ahead)) ++ahead;
  return AtSymbol("-", ahead) && (AtSymbol("[", ahead + 1) || AtSymbol("-", ahead + 1));
}

bool Parser::ParseRelationshipPattern(ast::RelationshipPattern* relationship) {
  relationship->position = Peek().position;
  const bool left = AcceptSymbol("<");
  if (!ExpectSymbol("-", "to start a relationship pattern")) return false;
  if (AtSymbol("[") && !ParseRelationshipDetail(relationship)) return false;
  if (!ExpectSymbol("-", "to finish the relationship pattern")) return false;
  const bool right = AcceptSymbol(">");
  // openCypher reads an arrow head at both ends as no direction at all.
  relationship->direction = left == right ? ast::Direction::kUndirected
                            : left        ? ast::Direction::kRightToLeft
                                          : ast::Direction::kLeftToRight;
  return true;
}

bool Parser::ParseRelationshipDetail(ast::RelationshipPattern* relationship) {
  const TextPosition opened = Next().position;
  if (AtName()) relationship->variable = Next().text;
  if (AcceptSymbol(":")) {
    do {
      AcceptSymbol(":");  // -[:A|:B]- spells the alternatives with or without colons
      relationship->types.emplace_back();
      if (!ParseName(&relationship->types.back(), "a relationship type")) return false;
    } while (AcceptSymbol("|"));
  }
  if (AtSymbol("*") && !ParseVariableLength(relationship)) return false;
  if (!ParsePatternProperties(&relationship->properties)) return false;
  const Token& next = Peek();
  if (next.kind == TokenKind::kInteger || AtSymbol("..") || AtSymbol("*")) {
    return Fail(next,
                "a relationship's length is written once, after '*', as in -[:T*1..3]-; found " +
                    Describe(next),
                "InvalidRelationshipPattern");
  }
  return ExpectClose("]", "the relationship pattern", opened);
}

bool Parser::ParseVariableLength(ast::RelationshipPattern* relationship) {
  Next();  // *
  ast::VariableLength length;
  auto bound = [this](std::optional<int64_t>* value) {
    const Token& token = Peek();
    if (token.kind == TokenKind::kError) return FailExpected("a length");
    if (token.kind == TokenKind::kFloat ||
        (token.kind == TokenKind::kInteger && (token.overflow || token.integer > INT64_MAX))) {
      return Fail(token, "a relationship's length must be an integer between 0 and 2^63 - 1",
                  "InvalidRelationshipPattern");
    }
    if (token.kind == TokenKind::kInteger) *value = static_cast<int64_t>(Next().integer);
    return true;
  };
  if (!bound(&length.min)) return false;
  if (AcceptSymbol("..")) {
    if (!bound(&length.max)) return false;
  } else if (length.min) {
    length.max = length.min;  // *2: exactly two
  }
  relationship->length = length;
  return true;
}

size_t Parser::MatchingClose(size_t ahead) const {
  const size_t at = std::min(pos_ + ahead, tokens_.size() - 1);
  return closer_[at] == 0 ? 0 : closer_[at] - pos_;
}

bool Parser::LooksLikeRelationshipsPattern(size_t ahead) const {
  if (!AtSymbol("(", ahead)) return false;
  const size_t close = MatchingClose(ahead);
  return close != 0 && AtRelationshipStart(close + 1);
}

}  // namespace tiegraph::cypher
