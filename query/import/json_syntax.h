// Parsing JSON text with a usable account of a syntax error: where the parser stopped, as a
// line and a column an editor shows, and what it expected there.
#ifndef TIEGRAPH_QUERY_JSON_SYNTAX_H_
#define TIEGRAPH_QUERY_JSON_SYNTAX_H_

#include <optional>
#include <string>
#include <string_view>

#include "json_records.h"

namespace tiegraph {

struct JsonSyntaxError {
  size_t line = 1;    // 1-based, within the text parsed
  size_t column = 1;  // 1-based, in characters (UTF-8 code points), not bytes
  std::string what;   // the parser's words: "… unexpected '}'; expected string literal"
};

// Parses `text` into `out`, or says why it is not JSON.
std::optional<JsonSyntaxError> ParseJson(std::string_view text, Json* out);

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_JSON_SYNTAX_H_
