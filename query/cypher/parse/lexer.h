// The lexer: a query's text as a sequence of tokens, each with its place in the text.
//
// Lexical errors do not stop the lexer: the offending text becomes a kError token carrying its
// QueryError, and the parser reports it when it reaches the token. That lets the parser decide
// what a malformed number means where it stands (an invalid literal where an expression was
// expected, unexpected syntax where a name was).
#ifndef TIEGRAPH_CYPHER_PARSE_LEXER_H_
#define TIEGRAPH_CYPHER_PARSE_LEXER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/query_error.h>

namespace tiegraph::cypher {

enum class TokenKind {
  kIdentifier,  // a name or a keyword; `quoted` tells a backquoted name (never a keyword)
  kInteger,     // magnitude in `integer`; `overflow` when beyond 2^64 - 1
  kFloat,
  kString,
  kSymbol,  // punctuation and operators: `text` is the symbol ("(", "<=", "..", "+=")
  kError,   // a lexical error: `error`
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // identifier (unescaped), string (decoded) or symbol
  bool quoted = false;
  uint64_t integer = 0;
  bool overflow = false;
  double real = 0;
  QueryError error;
  TextPosition position;
  size_t begin = 0;  // byte offsets in the query text
  size_t end = 0;
};

// Every token of `text`, ending with one kEnd token.
std::vector<Token> Tokenize(std::string_view text);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_PARSE_LEXER_H_
