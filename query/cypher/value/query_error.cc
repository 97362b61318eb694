#include <tiegraph/query_error.h>

#include <string>

namespace tiegraph::cypher {

std::string_view ErrorClassName(ErrorClass error_class) {
  switch (error_class) {
    case ErrorClass::kSyntaxError:
      return "SyntaxError";
    case ErrorClass::kSemanticError:
      return "SemanticError";
    case ErrorClass::kTypeError:
      return "TypeError";
    case ErrorClass::kArgumentError:
      return "ArgumentError";
    case ErrorClass::kArithmeticError:
      return "ArithmeticError";
    case ErrorClass::kEntityNotFound:
      return "EntityNotFound";
    case ErrorClass::kConstraintVerificationFailed:
      return "ConstraintVerificationFailed";
    case ErrorClass::kParameterMissing:
      return "ParameterMissing";
    case ErrorClass::kProcedureError:
      return "ProcedureError";
    case ErrorClass::kTimeout:
      return "Timeout";
    case ErrorClass::kLimitExceeded:
      return "LimitExceeded";
    case ErrorClass::kStorageError:
      return "StorageError";
  }
  return "Error";
}

namespace {

// The number of bytes before the `column`-th code point (1-based) of `line`, so the caret
// lands under the right character of a line holding Korean text.
size_t BytesBeforeColumn(std::string_view line, int column) {
  size_t bytes = 0;
  for (int c = 1; c < column && bytes < line.size(); ++c) {
    ++bytes;
    while (bytes < line.size() && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80) {
      ++bytes;
    }
  }
  return bytes;
}

// The display width of `text`: East Asian wide characters (Hangul, CJK) take two cells.
size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    uint32_t code = lead;
    if (length == 3 && i + 2 < text.size()) {
      code = ((lead & 0x0F) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
             (static_cast<unsigned char>(text[i + 2]) & 0x3F);
    }
    const bool wide =
        length == 3 && ((code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
                        (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
                        (code >= 0xFF00 && code <= 0xFF60));
    width += wide ? 2 : 1;
    i += length;
  }
  return width;
}

}  // namespace

std::string QueryError::Render(std::string_view query) const {
  std::string out(ErrorClassName(error_class));
  if (!code.empty()) out += " (" + code + ")";
  if (position.known()) {
    out += " at " + std::to_string(position.line) + ":" + std::to_string(position.column);
  }
  out += ": " + message;
  if (!position.known()) return out;
  std::string_view rest = query;
  for (int l = 1; l < position.line; ++l) {
    const size_t newline = rest.find('\n');
    if (newline == std::string_view::npos) return out;
    rest.remove_prefix(newline + 1);
  }
  std::string_view line = rest.substr(0, rest.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const size_t before = BytesBeforeColumn(line, position.column);
  out += "\n  ";
  out += line;
  out += "\n  ";
  out += std::string(DisplayWidth(line.substr(0, before)), ' ');
  out += '^';
  return out;
}

}  // namespace tiegraph::cypher
