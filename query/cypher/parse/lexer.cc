#include "lexer.h"

#include <utf8proc.h>

#include <charconv>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace tiegraph::cypher {
namespace {

// The symbols of the language, longest first so that "<=" wins over "<".
constexpr std::string_view kSymbols[] = {
    "..", "<>", "<=", ">=", "=~", "+=", "(", ")", "[", "]", "{", "}", ",", ".",
    ":",  "|",  ";",  "$",  "+",  "-",  "*", "/", "%", "^", "=", "<", ">",
};

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  return (c | 0x20) - 'a' + 10;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> Run() {
    std::vector<Token> tokens;
    while (true) {
      SkipSpaceAndComments(&tokens);
      Token token;
      token.position = {line_, column_};
      token.begin = pos_;
      if (pos_ >= text_.size()) {
        token.end = pos_;
        tokens.push_back(std::move(token));
        return tokens;
      }
      LexToken(&token);
      token.end = pos_;
      tokens.push_back(std::move(token));
    }
  }

 private:
  // The code point at byte `at` and its length in bytes; length 0 for malformed UTF-8.
  std::pair<int32_t, size_t> CodePointAt(size_t at) const {
    utf8proc_int32_t code = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text_.data() + at),
                                    static_cast<utf8proc_ssize_t>(text_.size() - at), &code);
    if (n <= 0) return {-1, 0};
    return {code, static_cast<size_t>(n)};
  }

  // Moves to byte `to`, keeping the line and the column (in code points) up to date.
  void AdvanceTo(size_t to) {
    while (pos_ < to) {
      const auto byte = static_cast<unsigned char>(text_[pos_]);
      if (byte == '\n') {
        ++line_;
        column_ = 1;
      } else if ((byte & 0xC0) != 0x80) {
        ++column_;
      }
      ++pos_;
    }
  }
  void Advance(size_t bytes = 1) { AdvanceTo(std::min(pos_ + bytes, text_.size())); }
  char At(size_t at) const { return at < text_.size() ? text_[at] : '\0'; }

  bool IsIdentifierStart(size_t at) const {
    const char c = At(at);
    if (IsAsciiLetter(c) || c == '_') return true;
    if (static_cast<unsigned char>(c) < 0x80) return false;
    const auto [code, length] = CodePointAt(at);
    if (length == 0) return false;
    switch (utf8proc_category(code)) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
      case UTF8PROC_CATEGORY_NL:
        return true;
      default:
        return false;
    }
  }
  // The length in bytes of the identifier character at `at`, 0 if there is none.
  size_t IdentifierPartLength(size_t at) const {
    const char c = At(at);
    if (IsAsciiLetter(c) || IsDigit(c) || c == '_') return 1;
    if (static_cast<unsigned char>(c) < 0x80) return 0;
    const auto [code, length] = CodePointAt(at);
    if (length == 0) return 0;
    if (IsIdentifierStart(at)) return length;
    switch (utf8proc_category(code)) {
      case UTF8PROC_CATEGORY_MN:
      case UTF8PROC_CATEGORY_MC:
      case UTF8PROC_CATEGORY_ND:
      case UTF8PROC_CATEGORY_PC:
        return length;
      default:
        return 0;
    }
  }
  // The length of the white space character at `at` (ASCII or a Unicode separator), else 0.
  size_t SpaceLength(size_t at) const {
    const char c = At(at);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (static_cast<unsigned char>(c) < 0x80) return 0;
    const auto [code, length] = CodePointAt(at);
    if (length == 0) return 0;
    const auto category = utf8proc_category(code);
    const bool space = category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
                       category == UTF8PROC_CATEGORY_ZP || code == 0xFEFF;
    return space ? length : 0;
  }

  void SkipSpaceAndComments(std::vector<Token>* tokens) {
    while (pos_ < text_.size()) {
      if (const size_t n = SpaceLength(pos_)) {
        Advance(n);
      } else if (At(pos_) == '/' && At(pos_ + 1) == '/') {
        while (pos_ < text_.size() && At(pos_) != '\n') Advance();
      } else if (At(pos_) == '/' && At(pos_ + 1) == '*') {
        Token token;
        token.position = {line_, column_};
        token.begin = pos_;
        const size_t close = text_.find("*/", pos_ + 2);
        if (close == std::string_view::npos) {
          AdvanceTo(text_.size());
          token.end = pos_;
          Fail(&token, "UnexpectedSyntax", "the comment opened here is never closed by '*/'");
          tokens->push_back(std::move(token));
          return;
        }
        AdvanceTo(close + 2);
      } else {
        return;
      }
    }
  }

  void Fail(Token* token, std::string code, std::string message) {
    token->kind = TokenKind::kError;
    token->error.error_class = ErrorClass::kSyntaxError;
    token->error.code = std::move(code);
    token->error.message = std::move(message);
    token->error.position = token->position;
  }

  void LexToken(Token* token) {
    const char c = At(pos_);
    if (IsDigit(c) || (c == '.' && IsDigit(At(pos_ + 1)))) return LexNumber(token);
    if (c == '\'' || c == '"') return LexString(token);
    if (c == '`') return LexQuotedName(token);
    if (IsIdentifierStart(pos_)) {
      token->kind = TokenKind::kIdentifier;
      while (const size_t n = IdentifierPartLength(pos_)) Advance(n);
      token->text = std::string(text_.substr(token->begin, pos_ - token->begin));
      return;
    }
    for (std::string_view symbol : kSymbols) {
      if (text_.substr(pos_, symbol.size()) == symbol) {
        token->kind = TokenKind::kSymbol;
        token->text = std::string(symbol);
        Advance(symbol.size());
        return;
      }
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      const auto [code, length] = CodePointAt(pos_);
      const std::string shown(text_.substr(pos_, length == 0 ? 1 : length));
      Advance(length == 0 ? 1 : length);
      Fail(token, "InvalidUnicodeCharacter",
           length == 0
               ? "the text is not valid UTF-8 here"
               : "the character '" + shown + "' has no meaning in a query outside a string");
      return;
    }
    Advance();
    Fail(token, "UnexpectedSyntax",
         std::string("the character '") + c + "' has no meaning in a query outside a string");
  }

  // Consumes the letters, digits and underscores glued to a number, which make it invalid.
  bool ConsumeTrailingNameCharacters() {
    bool any = false;
    while (const size_t n = IdentifierPartLength(pos_)) {
      Advance(n);
      any = true;
    }
    return any;
  }

  void LexNumber(Token* token) {
    const char c = At(pos_);
    const char radix_letter = static_cast<char>(At(pos_ + 1) | 0x20);
    if (c == '0' && (radix_letter == 'x' || radix_letter == 'o')) {
      const int radix = radix_letter == 'x' ? 16 : 8;
      Advance(2);
      const size_t digits_begin = pos_;
      ConsumeTrailingNameCharacters();
      const std::string_view digits = text_.substr(digits_begin, pos_ - digits_begin);
      token->kind = TokenKind::kInteger;
      for (char d : digits) {
        const bool valid = radix == 16 ? IsHexDigit(d) : (d >= '0' && d <= '7');
        if (!valid) {
          return Fail(token, "InvalidNumberLiteral",
                      "'" + std::string(text_.substr(token->begin, pos_ - token->begin)) +
                          "' is not a valid " + (radix == 16 ? "hexadecimal" : "octal") +
                          " integer");
        }
        const uint64_t value = static_cast<uint64_t>(HexValue(d));
        if (token->integer > (UINT64_MAX - value) / static_cast<uint64_t>(radix)) {
          token->overflow = true;
        }
        token->integer = token->integer * static_cast<uint64_t>(radix) + value;
      }
      if (digits.empty()) {
        return Fail(token, "InvalidNumberLiteral",
                    std::string("'") + std::string(text_.substr(token->begin, 2)) +
                        "' needs digits after it");
      }
      return;
    }
    bool is_float = false;
    while (IsDigit(At(pos_))) Advance();
    if (At(pos_) == '.' && IsDigit(At(pos_ + 1))) {
      is_float = true;
      Advance();
      while (IsDigit(At(pos_))) Advance();
    }
    if ((At(pos_) | 0x20) == 'e') {
      is_float = true;
      Advance();
      if (At(pos_) == '+' || At(pos_) == '-') Advance();
      if (!IsDigit(At(pos_))) {
        ConsumeTrailingNameCharacters();
        return Fail(token, "InvalidNumberLiteral",
                    "'" + std::string(text_.substr(token->begin, pos_ - token->begin)) +
                        "' is not a valid number: the exponent has no digits");
      }
      while (IsDigit(At(pos_))) Advance();
    }
    const std::string_view number = text_.substr(token->begin, pos_ - token->begin);
    if (ConsumeTrailingNameCharacters()) {
      return Fail(token, "InvalidNumberLiteral",
                  "'" + std::string(text_.substr(token->begin, pos_ - token->begin)) +
                      "' is not a valid number");
    }
    if (is_float) {
      token->kind = TokenKind::kFloat;
      std::from_chars(number.data(), number.data() + number.size(), token->real);
      return;
    }
    token->kind = TokenKind::kInteger;
    for (char d : number) {
      const auto value = static_cast<uint64_t>(d - '0');
      if (token->integer > (UINT64_MAX - value) / 10) token->overflow = true;
      token->integer = token->integer * 10 + value;
    }
  }

  // Appends code point `code` to `out` in UTF-8.
  static void AppendUtf8(int32_t code, std::string* out) {
    utf8proc_uint8_t buffer[4];
    const auto n = utf8proc_encode_char(code, buffer);
    out->append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
  }

  // Reads `count` hex digits at pos_ into *code; false if they are not all there.
  bool ReadHex(int count, int32_t* code) {
    *code = 0;
    for (int i = 0; i < count; ++i) {
      if (!IsHexDigit(At(pos_ + static_cast<size_t>(i)))) return false;
      *code = *code * 16 + HexValue(At(pos_ + static_cast<size_t>(i)));
    }
    Advance(static_cast<size_t>(count));
    return true;
  }

  void LexString(Token* token) {
    const char quote = At(pos_);
    Advance();
    token->kind = TokenKind::kString;
    std::string value;
    while (true) {
      if (pos_ >= text_.size()) {
        return Fail(token, "UnexpectedSyntax",
                    std::string("the string opened here is never closed by ") + quote);
      }
      const char c = At(pos_);
      if (c == quote) {
        Advance();
        token->text = std::move(value);
        return;
      }
      if (c != '\\') {
        const size_t start = pos_;
        Advance();
        while (pos_ < text_.size() && (static_cast<unsigned char>(At(pos_)) & 0xC0) == 0x80) {
          Advance();
        }
        value.append(text_.substr(start, pos_ - start));
        continue;
      }
      const TextPosition escape_position{line_, column_};
      const size_t escape_begin = pos_;
      Advance();
      const char e = At(pos_);
      Advance();
      switch (e) {
        case '\\':
        case '\'':
        case '"':
          value += e;
          continue;
        case 'b':
        case 'B':
          value += '\b';
          continue;
        case 'f':
        case 'F':
          value += '\f';
          continue;
        case 'n':
        case 'N':
          value += '\n';
          continue;
        case 'r':
        case 'R':
          value += '\r';
          continue;
        case 't':
        case 'T':
          value += '\t';
          continue;
        case 'u':
        case 'U': {
          int32_t code = 0;
          const bool ok = ReadHex(e == 'u' ? 4 : 8, &code);
          bool valid = ok && code <= 0x10FFFF;
          if (valid && code >= 0xD800 && code <= 0xDBFF && At(pos_) == '\\' &&
              At(pos_ + 1) == 'u') {
            // A UTF-16 surrogate pair written as two escapes, as Java strings spell them.
            const size_t saved = pos_;
            const int saved_column = column_;
            Advance(2);
            int32_t low = 0;
            if (ReadHex(4, &low) && low >= 0xDC00 && low <= 0xDFFF) {
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            } else {
              pos_ = saved;  // still on the same line
              column_ = saved_column;
              valid = false;
            }
          }
          if (valid && code >= 0xD800 && code <= 0xDFFF) valid = false;
          if (!valid) {
            const std::string written(text_.substr(escape_begin, 2));
            token->position = escape_position;
            return Fail(token, "InvalidUnicodeLiteral",
                        "'" + written + "' must be followed by " + (e == 'u' ? "4" : "8") +
                            " hexadecimal digits naming a Unicode scalar value");
          }
          AppendUtf8(code, &value);
          continue;
        }
        default:
          token->position = escape_position;
          return Fail(token, "UnexpectedSyntax",
                      std::string("'\\") + e + "' is not an escape sequence of a string");
      }
    }
  }

  void LexQuotedName(Token* token) {
    Advance();
    token->kind = TokenKind::kIdentifier;
    token->quoted = true;
    while (true) {
      if (pos_ >= text_.size()) {
        return Fail(token, "UnexpectedSyntax", "the name opened here is never closed by '`'");
      }
      if (At(pos_) == '`') {
        if (At(pos_ + 1) == '`') {
          token->text += '`';
          Advance(2);
          continue;
        }
        Advance();
        return;
      }
      token->text += At(pos_);
      Advance();
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view text) { return Lexer(text).Run(); }

}  // namespace tiegraph::cypher
