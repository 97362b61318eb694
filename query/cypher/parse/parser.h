// The recursive-descent parser behind Parse(). Its members are split by topic: token handling
// and errors in parser.cc, clauses in clauses.cc, patterns in patterns.cc, operators in
// expressions.cc, atoms in atoms.cc, comprehensions, CASE, EXISTS and calls in
// compound_expressions.cc.
//
// Errors: the first failure is kept in error_ and every parsing function returns false (or
// null) from then on. The few places where the grammar needs to look past one token (a
// parenthesis that opens a pattern or an expression) try one reading and rewind to try the
// other; a budget on the tokens read bounds the work such retries can do.
#ifndef TIEGRAPH_CYPHER_PARSE_PARSER_H_
#define TIEGRAPH_CYPHER_PARSE_PARSER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tiegraph/cypher_ast.h>
#include <tiegraph/cypher_parser.h>
#include <tiegraph/query_error.h>

#include "lexer.h"

namespace tiegraph::cypher {

// A new expression node of kind T at `position`.
template <typename T>
ast::ExpressionPtr MakeExpression(TextPosition position, T node) {
  auto expression = std::make_unique<ast::Expression>();
  expression->position = position;
  expression->node = std::move(node);
  return expression;
}

class Parser {
 public:
  explicit Parser(std::string_view text);

  QueryResult<ast::Statement> ParseStatement();

 private:
  // --- tokens (parser.cc)
  const Token& Peek(size_t ahead = 0) const;
  const Token& Next();
  bool AtSymbol(std::string_view symbol, size_t ahead = 0) const;
  bool AtKeyword(std::string_view keyword, size_t ahead = 0) const;
  bool AtName(size_t ahead = 0) const;  // an identifier, keyword or not
  bool AcceptSymbol(std::string_view symbol);
  bool AcceptKeyword(std::string_view keyword);
  // Consumes `symbol` or fails with "expected <symbol> <purpose>".
  bool ExpectSymbol(std::string_view symbol, std::string_view purpose);
  bool ExpectKeyword(std::string_view keyword, std::string_view purpose);
  // Consumes the `close` symbol of a construct opened at `opened`, or fails saying so.
  bool ExpectClose(std::string_view close, std::string_view construct, TextPosition opened);
  // A name (labels, types, keys, variables): any identifier, keywords included.
  bool ParseName(std::string* name, std::string_view what);
  // The text of the tokens [first, pos_) as written.
  std::string TextSince(size_t first) const;

  // --- errors (parser.cc)
  bool failed() const { return error_.has_value(); }
  // Records an error at `token` (the first error wins) and returns false.
  bool Fail(const Token& token, std::string message, std::string code = "UnexpectedSyntax");
  // "expected <what>, found <the next token>"; a lexical error token reports its own error.
  bool FailExpected(std::string_view what);
  std::string Describe(const Token& token) const;
  static std::string Where(TextPosition position);

  // --- bounded recursion and backtracking (parser.cc)
  class DepthGuard {
   public:
    explicit DepthGuard(Parser* parser);
    ~DepthGuard() { --parser_->depth_; }
    bool ok() const { return ok_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser* parser_;
    bool ok_;
  };
  // Counts the operators of a left-deep chain (a + b + c …) towards the depth, so the tree's
  // height stays bounded too.
  class ChainDepth {
   public:
    explicit ChainDepth(Parser* parser) : parser_(parser) {}
    ~ChainDepth() { parser_->depth_ -= added_; }
    bool Step();
    ChainDepth(const ChainDepth&) = delete;
    ChainDepth& operator=(const ChainDepth&) = delete;

   private:
    Parser* parser_;
    int added_ = 0;
  };
  bool FailTooDeep();
  size_t Mark() const { return pos_; }
  void Rewind(size_t mark);  // back to `mark`, forgetting an error made since

  // --- statements and clauses (clauses.cc)
  bool ParseQuery(ast::Query* query, bool in_subquery);
  bool ParseSingleQuery(ast::SingleQuery* single, bool in_subquery, bool whole_statement);
  bool AtQueryEnd(bool in_subquery) const;
  bool ParseClause(ast::Clause* clause, bool first_clause, bool in_subquery);
  bool ParseMatch(ast::Match* match);
  bool ParseUnwind(ast::Unwind* unwind);
  bool ParseProjection(ast::Projection* projection);  // what WITH and RETURN share
  bool ParseProjectionItem(ast::ProjectionItem* item);
  bool ParseMerge(ast::Merge* merge);
  bool ParseSetItems(std::vector<ast::SetItem>* items);
  bool ParseSetItem(ast::SetItem* item);
  bool ParseRemoveItem(ast::RemoveItem* item);
  bool ParseDelete(ast::Delete* del);
  bool ParseCall(ast::Call* call, bool may_stand_alone);
  bool NoClauseFollows() const;  // only the end of the statement is left at this nesting level
  bool ParseProcedureName(std::string* name);
  bool ParseWhere(ast::ExpressionPtr* where);  // WHERE <predicate>, if present

  // --- patterns (patterns.cc)
  bool ParsePatternList(std::vector<ast::PatternPart>* parts);
  bool ParsePatternPart(ast::PatternPart* part);
  bool ParsePatternChain(ast::PatternChain* chain);
  bool ParseNodePattern(ast::NodePattern* node);
  bool ParseRelationshipPattern(ast::RelationshipPattern* relationship);
  bool ParseRelationshipDetail(ast::RelationshipPattern* relationship);
  bool ParseVariableLength(ast::RelationshipPattern* relationship);
  bool ParseLabels(std::vector<std::string>* labels);  // :A:B, at least one
  bool ParsePatternProperties(ast::ExpressionPtr* properties);
  bool AtRelationshipStart(size_t ahead = 0) const;
  // The offset (from pos_) of the token that closes the bracket at `ahead`, or 0 if none does.
  size_t MatchingClose(size_t ahead) const;
  // True when the parenthesis at pos_ + ahead opens a relationship pattern: (…)-[ or (…)<-…
  bool LooksLikeRelationshipsPattern(size_t ahead = 0) const;
  // A chain with at least one relationship (what pattern predicates and comprehensions take).
  bool ParseRelationshipsPattern(ast::PatternChain* chain);
  // The same as one reading of an ambiguous text: on failure, rewinds without an error and
  // remembers that no pattern starts here, so later retries skip the attempt.
  bool TryRelationshipsPattern(ast::PatternChain* chain);

  // --- expressions (expressions.cc, atoms.cc, compound_expressions.cc)
  // `predicate`: the value is used as a boolean (a WHERE, an operand of NOT/AND/OR/XOR there,
  // the argument of exists(), a condition of a searched CASE), the only place a bare pattern
  // may stand as an expression.
  ast::ExpressionPtr ParseExpression(bool predicate = false);
  ast::ExpressionPtr ParseOr(bool predicate);
  ast::ExpressionPtr ParseXor(bool predicate);
  ast::ExpressionPtr ParseAnd(bool predicate);
  ast::ExpressionPtr ParseNot(bool predicate);
  ast::ExpressionPtr ParseComparison(bool predicate);
  ast::ExpressionPtr ParsePredicateOperand();
  ast::ExpressionPtr ParseStringListNull();
  ast::ExpressionPtr ParseAddSubtract();
  ast::ExpressionPtr ParseMultiplyDivide();
  ast::ExpressionPtr ParsePower();
  ast::ExpressionPtr ParseUnary();
  // An atom and its property lookups and subscripts; with `labels`, a trailing label test.
  ast::ExpressionPtr ParsePostfix(bool labels);
  ast::ExpressionPtr ParseAtom();
  ast::ExpressionPtr ParseNumber(bool negated);
  ast::ExpressionPtr ParseParameter();
  ast::ExpressionPtr ParseParenthesized(bool predicate);
  ast::ExpressionPtr ParseBracket();  // list literal or list / pattern comprehension
  ast::ExpressionPtr ParseListComprehension();
  ast::ExpressionPtr ParsePatternComprehension();
  ast::ExpressionPtr ParseMapLiteral();
  ast::ExpressionPtr ParseMapProjection();
  ast::ExpressionPtr ParseCase();
  ast::ExpressionPtr ParseExists();
  ast::ExpressionPtr ParseQuantifier(ast::QuantifierKind kind);
  ast::ExpressionPtr ParseReduce();
  ast::ExpressionPtr ParseFunctionCall();
  bool AtFunctionCall() const;  // name(.name)* (
  // A token after an operand that would continue it below the boolean operators.
  bool AtOperandContinuation(size_t ahead = 0) const;

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  size_t budget_;  // tokens the parser may still read, retries included
  bool exhausted_ = false;
  std::vector<bool> not_a_pattern_;  // by token index: a pattern reading failed there
  std::vector<size_t> closer_;       // by token index: the bracket closing this one, or 0
  std::optional<QueryError> error_;
};

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_PARSE_PARSER_H_
