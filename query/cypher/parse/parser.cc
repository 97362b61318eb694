#include "parser.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tiegraph/cypher_parser.h>

namespace tiegraph::cypher {
namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'a' && x <= 'z' ? x - 32 : x) == (y >= 'a' && y <= 'z' ? y - 32 : y);
         });
}

}  // namespace

Parser::Parser(std::string_view text) : text_(text), tokens_(Tokenize(text)) {
  // Retries re-read tokens; this bounds the total (a query without retries reads each once).
  budget_ = 64 * tokens_.size() + 4096;
  not_a_pattern_.assign(tokens_.size(), false);
  // Pairs the brackets once, so that looking past a parenthesis costs nothing.
  closer_.assign(tokens_.size(), 0);
  std::vector<size_t> open;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const Token& token = tokens_[i];
    if (token.kind != TokenKind::kSymbol) continue;
    if (token.text == "(" || token.text == "[" || token.text == "{") {
      open.push_back(i);
    } else if ((token.text == ")" || token.text == "]" || token.text == "}") && !open.empty()) {
      closer_[open.back()] = i;
      open.pop_back();
    }
  }
}

QueryResult<ast::Statement> Parse(std::string_view text) {
  Parser parser(text);
  return parser.ParseStatement();
}

QueryResult<ast::Statement> Parser::ParseStatement() {
  ast::Statement statement;
  statement.explain = AcceptKeyword("EXPLAIN");
  if (ParseQuery(&statement.query, /*in_subquery=*/false)) {
    AcceptSymbol(";");
    if (Peek().kind != TokenKind::kEnd) {
      FailExpected(statement.query.parts.back().clauses.empty()
                       ? "a clause"
                       : "a clause or the end of the query");
    }
  }
  if (error_) return *error_;
  return statement;
}

// --- tokens

const Token& Parser::Peek(size_t ahead) const {
  return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
}

const Token& Parser::Next() {
  const Token& token = Peek();
  if (pos_ + 1 < tokens_.size()) ++pos_;
  if (budget_ == 0) {
    if (!exhausted_) {
      error_.reset();
      Fail(token, "the query is too complex to parse (too many alternative readings)");
      exhausted_ = true;
    }
  } else {
    --budget_;
  }
  return token;
}

bool Parser::AtSymbol(std::string_view symbol, size_t ahead) const {
  const Token& token = Peek(ahead);
  return token.kind == TokenKind::kSymbol && token.text == symbol;
}

bool Parser::AtKeyword(std::string_view keyword, size_t ahead) const {
  const Token& token = Peek(ahead);
  return token.kind == TokenKind::kIdentifier && !token.quoted &&
         EqualsIgnoringCase(token.text, keyword);
}

bool Parser::AtName(size_t ahead) const { return Peek(ahead).kind == TokenKind::kIdentifier; }

bool Parser::AcceptSymbol(std::string_view symbol) {
  if (!AtSymbol(symbol)) return false;
  Next();
  return true;
}

bool Parser::AcceptKeyword(std::string_view keyword) {
  if (!AtKeyword(keyword)) return false;
  Next();
  return true;
}

bool Parser::ExpectSymbol(std::string_view symbol, std::string_view purpose) {
  if (AcceptSymbol(symbol)) return true;
  return FailExpected("'" + std::string(symbol) + "' " + std::string(purpose));
}

bool Parser::ExpectKeyword(std::string_view keyword, std::string_view purpose) {
  if (AcceptKeyword(keyword)) return true;
  return FailExpected(std::string(keyword) + " " + std::string(purpose));
}

bool Parser::ExpectClose(std::string_view close, std::string_view construct, TextPosition opened) {
  if (AcceptSymbol(close)) return true;
  return FailExpected("'" + std::string(close) + "' to close " + std::string(construct) +
                      " opened at " + Where(opened));
}

bool Parser::ParseName(std::string* name, std::string_view what) {
  if (!AtName()) return FailExpected(what);
  *name = Next().text;
  return true;
}

std::string Parser::TextSince(size_t first) const {
  if (pos_ <= first) return "";
  const size_t begin = tokens_[first].begin;
  const size_t end = tokens_[pos_ - 1].end;
  return std::string(text_.substr(begin, end - begin));
}

// --- errors

bool Parser::Fail(const Token& token, std::string message, std::string code) {
  if (!error_) {
    QueryError error;
    error.error_class = ErrorClass::kSyntaxError;
    error.code = std::move(code);
    error.message = std::move(message);
    error.position = token.position;
    error_ = std::move(error);
  }
  return false;
}

bool Parser::FailExpected(std::string_view what) {
  const Token& token = Peek();
  // A malformed number where no number may stand is simply out of place; any other lexical
  // error is reported as itself.
  if (token.kind == TokenKind::kError && token.error.code != "InvalidNumberLiteral") {
    if (!error_) error_ = token.error;
    return false;
  }
  return Fail(token, "expected " + std::string(what) + ", found " + Describe(token));
}

std::string Parser::Describe(const Token& token) const {
  switch (token.kind) {
    case TokenKind::kEnd:
      return "the end of the query";
    case TokenKind::kIdentifier:
      return token.quoted ? "`" + token.text + "`" : "'" + token.text + "'";
    case TokenKind::kString:
      return "a string";
    case TokenKind::kInteger:
    case TokenKind::kFloat:
      return "a number";
    case TokenKind::kSymbol:
      return "'" + token.text + "'";
    case TokenKind::kError:
      return "'" + std::string(text_.substr(token.begin, token.end - token.begin)) + "'";
  }
  return "a token";
}

std::string Parser::Where(TextPosition position) {
  return std::to_string(position.line) + ":" + std::to_string(position.column);
}

// --- bounded recursion and backtracking

bool Parser::FailTooDeep() {
  return Fail(Peek(), "the query nests deeper than " + std::to_string(kMaxParseDepth) +
                          " levels (parentheses, lists, maps, patterns, chained operators)");
}

Parser::DepthGuard::DepthGuard(Parser* parser) : parser_(parser), ok_(true) {
  if (++parser_->depth_ > kMaxParseDepth) ok_ = parser_->FailTooDeep();
  if (parser_->exhausted_) ok_ = false;  // out of budget: stop every reading at once
}

bool Parser::ChainDepth::Step() {
  ++added_;
  if (++parser_->depth_ > kMaxParseDepth) return parser_->FailTooDeep();
  return true;
}

void Parser::Rewind(size_t mark) {
  pos_ = mark;
  if (!exhausted_) error_.reset();
}

}  // namespace tiegraph::cypher
