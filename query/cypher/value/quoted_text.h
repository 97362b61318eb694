// Internal: string literals with backslash escapes, shared by the kit's notation and JSON.
#ifndef TIEGRAPH_CYPHER_QUOTED_TEXT_H_
#define TIEGRAPH_CYPHER_QUOTED_TEXT_H_

#include <string>
#include <string_view>

namespace tiegraph::cypher {

// Appends `text` between `quote`s, escaping the quote, the backslash, newline, carriage return
// and tab with a backslash. Other control characters become \uXXXX when `escape_control` (JSON
// requires it) and are kept as they are otherwise.
void AppendQuotedText(std::string_view text, char quote, bool escape_control, std::string* out);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_QUOTED_TEXT_H_
