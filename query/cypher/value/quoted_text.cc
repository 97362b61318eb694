// String literals with backslash escapes.
#include "quoted_text.h"

#include <cstdio>

namespace tiegraph::cypher {

void AppendQuotedText(std::string_view text, char quote, bool escape_control, std::string* out) {
  *out += quote;
  for (const char c : text) {
    if (c == quote || c == '\\') {
      *out += '\\';
      *out += c;
      continue;
    }
    switch (c) {
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (escape_control && static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          *out += escaped;
        } else {
          *out += c;
        }
    }
  }
  *out += quote;
}

}  // namespace tiegraph::cypher
