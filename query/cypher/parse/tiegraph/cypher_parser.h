// The parse stage of the query language: text in, syntax tree (cypher_ast.h) out.
//
// The language is a subset of openCypher: MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN, CREATE,
// MERGE, SET, REMOVE, DELETE, CALL, UNION, and EXPLAIN before a query. A text that is not a
// sentence of the grammar yields a QueryError of class SyntaxError whose code is the
// conformance kit's (UnexpectedSyntax, InvalidNumberLiteral, IntegerOverflow,
// InvalidUnicodeLiteral, InvalidUnicodeCharacter, InvalidRelationshipPattern) and whose
// position is the offending token. Semantic rules (undefined variables and the like) are the
// bind stage's.
#ifndef TIEGRAPH_CYPHER_PARSER_H_
#define TIEGRAPH_CYPHER_PARSER_H_

#include <string_view>

#include <tiegraph/cypher_ast.h>
#include <tiegraph/query_error.h>

namespace tiegraph::cypher {

// Nesting deeper than this (parentheses, lists, maps, patterns, chained operators) is refused
// with a SyntaxError rather than risking the stack. At the limit the parser uses about 1.5 MB
// of stack: call Parse on a thread with the default (8 MB) stack, not a smaller one.
inline constexpr int kMaxParseDepth = 500;

QueryResult<ast::Statement> Parse(std::string_view text);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_PARSER_H_
