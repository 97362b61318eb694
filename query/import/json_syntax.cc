#include "json_syntax.h"

#include <tiegraph/text.h>

#include <algorithm>

#include "import_internal.h"

namespace tiegraph {
namespace {

// The parser's message without its own "[json.exception…] parse error at line 1, column 9: "
// (its column counts bytes), and shortened: the token it quotes may be a whole runaway string.
// That quote ends at the byte the parser failed on, perhaps inside a character: that part goes.
std::string Explanation(const char* message) {
  std::string m = message;
  if (size_t error = m.find("parse error"); error != std::string::npos) {
    if (size_t colon = m.find(": ", error); colon != std::string::npos) m.erase(0, colon + 2);
  }
  for (size_t bad; (bad = FindInvalidUtf8(m)) != std::string::npos;) m.erase(bad, 1);
  constexpr size_t kMax = 200;
  if (m.size() <= kMax) return m;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(m[cut]) & 0xC0) == 0x80) --cut;  // whole chars
  return m.substr(0, cut) + "…";
}

}  // namespace

std::optional<JsonSyntaxError> ParseJson(std::string_view text, Json* out) {
  try {
    *out = Json::parse(text.begin(), text.end());
    return std::nullopt;
  } catch (const Json::parse_error& e) {
    // e.byte is one past the byte the parser stopped at (text.size() + 1 at the end).
    const size_t at = std::min(e.byte > 0 ? e.byte - 1 : 0, text.size());
    const TextLines lines(text);
    return JsonSyntaxError{lines.Line(at), lines.Column(at), Explanation(e.what())};
  } catch (const Json::exception& e) {  // none is known to arise while parsing; no surprises
    return JsonSyntaxError{1, 1, e.what()};
  }
}

}  // namespace tiegraph
