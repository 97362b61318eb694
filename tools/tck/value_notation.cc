#include "value_notation.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <utility>

#include <tiegraph/vocabulary.h>

namespace tiegraph::tck {
namespace {

using cypher::List;
using cypher::Map;
using cypher::NodeValue;
using cypher::PathValue;
using cypher::RelationshipValue;
using cypher::Value;

bool IsNameChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
         u >= 0x80;  // a UTF-8 sequence: names may be in any script
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

void AppendUtf8(std::string& out, uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<Value> ParseWhole() {
    Result<Value> value = ParseAny();
    if (!value.ok()) return value;
    SkipSpace();
    if (pos_ != text_.size()) return Error("the value ends before this");
    return value;
  }

 private:
  Status Error(const std::string& message) const {
    std::string found =
        pos_ < text_.size() ? "'" + std::string(text_.substr(pos_, 12)) + "'" : "the end";
    return Status::InvalidArgument("value notation, column " + std::to_string(pos_ + 1) + ": " +
                                   message + " (at " + found + ")");
  }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  bool LookingAt(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
  // Consumes `c` after optional spaces.
  bool Accept(char c) {
    SkipSpace();
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  // A word such as `null` or `Inf` must not run on into a longer name.
  bool AcceptWord(std::string_view word) {
    if (!LookingAt(word)) return false;
    size_t end = pos_ + word.size();
    if (end < text_.size() && IsNameChar(text_[end])) return false;
    pos_ = end;
    return true;
  }

  Result<Value> ParseAny() {
    SkipSpace();
    if (++depth_ > kMaxDepth) return Error("values nested too deeply");
    Result<Value> value = ParseAnyUnguarded();
    --depth_;
    return value;
  }

  Result<Value> ParseAnyUnguarded() {
    char c = Peek();
    if (AtEnd()) return Error("expected a value");
    if (c == '\'') {
      Result<std::string> s = ParseString();
      if (!s.ok()) return s.status();
      return Value(std::move(*s));
    }
    if (c == '[') return ParseListOrRelationship();
    if (c == '{') {
      Result<Map> map = ParseMap();
      if (!map.ok()) return map.status();
      return Value(std::move(*map));
    }
    if (c == '(') {
      Result<NodeValue> node = ParseNode();
      if (!node.ok()) return node.status();
      return Value(std::move(*node));
    }
    if (c == '<') return ParsePath();
    if (AcceptWord("null")) return Value();
    if (AcceptWord("true")) return Value(true);
    if (AcceptWord("false")) return Value(false);
    if (AcceptWord("NaN")) return Value(std::numeric_limits<double>::quiet_NaN());
    if (AcceptWord("Inf")) return Value(std::numeric_limits<double>::infinity());
    if (AcceptWord("-Inf")) return Value(-std::numeric_limits<double>::infinity());
    if (c == '-' || IsDigit(c)) return ParseNumber();
    return Error("expected a value");
  }

  Result<Value> ParseNumber() {
    size_t start = pos_;
    if (Peek() == '-') ++pos_;
    if (!IsDigit(Peek())) return Error("expected a digit");
    while (IsDigit(Peek())) ++pos_;
    bool is_float = false;
    if (Peek() == '.') {
      is_float = true;
      ++pos_;
      if (!IsDigit(Peek())) return Error("expected a digit after the decimal point");
      while (IsDigit(Peek())) ++pos_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      is_float = true;
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (!IsDigit(Peek())) return Error("expected the exponent's digits");
      while (IsDigit(Peek())) ++pos_;
    }
    if (IsNameChar(Peek())) return Error("a number runs on into a name");
    std::string_view digits = text_.substr(start, pos_ - start);
    if (is_float) {
      std::string copy(digits);
      double d = std::strtod(copy.c_str(), nullptr);
      if (std::isinf(d)) {
        pos_ = start;
        return Error("a float beyond the range of doubles");
      }
      return Value(d);
    }
    int64_t i = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), i);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
      pos_ = start;
      return Error("an integer beyond 64 bits");
    }
    return Value(i);
  }

  // 'text' with the escapes of Cypher's string literals.
  Result<std::string> ParseString() {
    ++pos_;  // the opening quote
    std::string out;
    while (true) {
      if (AtEnd()) return Error("a string without its closing quote");
      char c = text_[pos_++];
      if (c == '\'') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (AtEnd()) return Error("a string ends in a backslash");
      char e = text_[pos_++];
      switch (e) {
        case '\\':
        case '\'':
        case '"':
        case '/':
          out += e;
          break;
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u':
        case 'U': {
          size_t width = e == 'u' ? 4 : 8;
          uint32_t code_point = 0;
          std::string_view hex = text_.substr(pos_, width);
          auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), code_point, 16);
          if (hex.size() != width || ec != std::errc() || end != hex.data() + hex.size() ||
              code_point > 0x10FFFF) {
            return Error("expected " + std::to_string(width) + " hex digits after \\" + e);
          }
          pos_ += width;
          AppendUtf8(out, code_point);
          break;
        }
        default:
          --pos_;
          return Error("an unknown escape in a string");
      }
    }
  }

  // A map key, property key, label or type: a name, or any text between backticks.
  Result<std::string> ParseName(const char* what) {
    SkipSpace();
    if (Peek() == '`') {
      ++pos_;
      std::string out;
      while (true) {
        if (AtEnd()) return Error("a name without its closing backtick");
        char c = text_[pos_++];
        if (c == '`') {
          if (Peek() == '`') {  // a doubled backtick stands for one
            ++pos_;
            out += '`';
            continue;
          }
          return out;
        }
        out += c;
      }
    }
    size_t start = pos_;
    while (IsNameChar(Peek())) ++pos_;
    if (pos_ == start) return Error(std::string("expected ") + what);
    return std::string(text_.substr(start, pos_ - start));
  }

  Result<Map> ParseMap() {
    ++pos_;  // {
    Map map;
    if (Accept('}')) return map;
    while (true) {
      Result<std::string> key = ParseName("a key");
      if (!key.ok()) return key.status();
      if (!Accept(':')) return Error("expected ':' after a key");
      Result<Value> value = ParseAny();
      if (!value.ok()) return value.status();
      if (!map.emplace(*key, std::move(*value)).second) return Error("a key twice: " + *key);
      if (Accept('}')) return map;
      if (!Accept(',')) return Error("expected ',' or '}' in a map");
    }
  }

  // Optional properties of a node or relationship: a map or nothing.
  Result<std::shared_ptr<const Map>> ParseProperties() {
    SkipSpace();
    if (Peek() != '{') return std::make_shared<const Map>();
    Result<Map> map = ParseMap();
    if (!map.ok()) return map.status();
    return std::make_shared<const Map>(std::move(*map));
  }

  Result<NodeValue> ParseNode() {
    SkipSpace();
    if (Peek() != '(') return Error("expected '(' opening a node");
    ++pos_;
    NodeValue node;
    while (Accept(':')) {
      Result<std::string> label = ParseName("a label");
      if (!label.ok()) return label.status();
      node.labels.push_back(std::move(*label));
    }
    Result<std::shared_ptr<const Map>> properties = ParseProperties();
    if (!properties.ok()) return properties.status();
    node.properties = std::move(*properties);
    if (!Accept(')')) return Error("expected ')' closing a node");
    return node;
  }

  // `[:T {…}]`; the opening bracket is consumed.
  Result<RelationshipValue> ParseRelationshipBody() {
    RelationshipValue relationship;
    if (!Accept(':')) return Error("expected ':' and a relationship type");
    Result<std::string> type = ParseName("a relationship type");
    if (!type.ok()) return type.status();
    relationship.type = std::move(*type);
    Result<std::shared_ptr<const Map>> properties = ParseProperties();
    if (!properties.ok()) return properties.status();
    relationship.properties = std::move(*properties);
    if (!Accept(']')) return Error("expected ']' closing a relationship");
    return relationship;
  }

  Result<Value> ParseListOrRelationship() {
    ++pos_;  // [
    SkipSpace();
    if (Peek() == ':') {
      Result<RelationshipValue> relationship = ParseRelationshipBody();
      if (!relationship.ok()) return relationship.status();
      return Value(std::move(*relationship));
    }
    List list;
    if (Accept(']')) return Value(std::move(list));
    while (true) {
      Result<Value> item = ParseAny();
      if (!item.ok()) return item.status();
      list.push_back(std::move(*item));
      if (Accept(']')) return Value(std::move(list));
      if (!Accept(',')) return Error("expected ',' or ']' in a list");
    }
  }

  // <(a)-[:T]->(b)<-[:U]-(c)>: node i has id i, and each relationship's start and end follow
  // its arrow.
  Result<Value> ParsePath() {
    ++pos_;  // <
    PathValue path;
    Result<NodeValue> first = ParseNode();
    if (!first.ok()) return first.status();
    path.nodes.push_back(std::move(*first));
    while (true) {
      SkipSpace();
      if (Peek() == '>') {
        ++pos_;
        return Value(std::move(path));
      }
      bool backward = false;
      if (LookingAt("<-[")) {
        backward = true;
        pos_ += 3;
      } else if (LookingAt("-[")) {
        pos_ += 2;
      } else {
        return Error("expected '-[' or '<-[' or the path's closing '>'");
      }
      Result<RelationshipValue> relationship = ParseRelationshipBody();
      if (!relationship.ok()) return relationship.status();
      std::string_view arrow = backward ? "-" : "->";
      if (!LookingAt(arrow)) return Error("expected '" + std::string(arrow) + "' after ']'");
      pos_ += arrow.size();
      Result<NodeValue> node = ParseNode();
      if (!node.ok()) return node.status();
      int64_t from = static_cast<int64_t>(path.nodes.size()) - 1;
      node->id = from + 1;
      relationship->start = backward ? from + 1 : from;
      relationship->end = backward ? from : from + 1;
      path.relationships.push_back(std::move(*relationship));
      path.nodes.push_back(std::move(*node));
    }
  }

  static constexpr int kMaxDepth = 200;
  std::string_view text_;
  size_t pos_ = 0;
  int depth_ = 0;
};

bool IsPlainName(const std::string& name) {
  if (name.empty() || IsDigit(name[0])) return false;
  for (char c : name) {
    if (!IsNameChar(c)) return false;
  }
  return true;
}

std::string FormatName(const std::string& name) {
  if (IsPlainName(name)) return name;
  std::string out = "`";
  for (char c : name) out += c == '`' ? std::string("``") : std::string(1, c);
  return out + "`";
}

std::string FormatString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out + "'";
}

std::string FormatFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Inf" : "-Inf";
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
  std::string out(buffer, ec == std::errc() ? end : buffer);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";  // a float never looks whole
  return out;
}

std::string FormatMap(const Map& map) {
  std::string out = "{";
  bool first = true;
  for (const auto& [key, value] : map) {
    if (!first) out += ", ";
    first = false;
    out += FormatName(key) + ": " + FormatValue(value);
  }
  return out + "}";
}

std::string FormatNode(const NodeValue& node) {
  std::string out = "(";
  for (const std::string& label : node.labels) out += ":" + FormatName(label);
  if (node.properties && !node.properties->empty()) {
    if (!node.labels.empty()) out += " ";
    out += FormatMap(*node.properties);
  }
  return out + ")";
}

std::string FormatRelationship(const RelationshipValue& relationship) {
  std::string out = "[:" + FormatName(relationship.type);
  if (relationship.properties && !relationship.properties->empty()) {
    out += " " + FormatMap(*relationship.properties);
  }
  return out + "]";
}

}  // namespace

Result<Value> ParseValue(std::string_view text) { return Parser(text).ParseWhole(); }

std::string FormatValue(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBoolean:
      return value.boolean() ? "true" : "false";
    case Value::Kind::kInteger:
      return std::to_string(value.integer());
    case Value::Kind::kFloat:
      return FormatFloat(value.real());
    case Value::Kind::kString:
      return FormatString(value.string());
    case Value::Kind::kDate:
      return FormatString(FormatDate(value.date()));
    case Value::Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < value.list().size(); ++i) {
        out += (i ? ", " : "") + FormatValue(value.list()[i]);
      }
      return out + "]";
    }
    case Value::Kind::kMap:
      return FormatMap(value.map());
    case Value::Kind::kNode:
      return FormatNode(value.node());
    case Value::Kind::kRelationship:
      return FormatRelationship(value.relationship());
    case Value::Kind::kPath: {
      const PathValue& path = value.path();
      std::string out = "<";
      for (size_t i = 0; i < path.nodes.size(); ++i) {
        if (i > 0 && i - 1 < path.relationships.size()) {
          const RelationshipValue& r = path.relationships[i - 1];
          bool backward =
              r.start == path.nodes[i].id && r.end == path.nodes[i - 1].id && r.start != r.end;
          out += (backward ? "<-" : "-") + FormatRelationship(r) + (backward ? "-" : "->");
        }
        out += FormatNode(path.nodes[i]);
      }
      return out + ">";
    }
  }
  return "?";
}

}  // namespace tiegraph::tck
