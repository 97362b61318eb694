// The compound expressions: list and pattern comprehensions, CASE, EXISTS { }, quantifiers,
// reduce() and function calls.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parser.h"

namespace tiegraph::cypher {

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
