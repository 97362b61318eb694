// Values in the conformance kit's notation, and as table cells.
#include <cmath>
#include <string>

#include <tiegraph/cypher_render.h>
#include <tiegraph/cypher_semantics.h>

#include "quoted_text.h"

namespace tiegraph::cypher {

namespace {

void AppendQuoted(std::string_view text, std::string* out) {
  AppendQuotedText(text, '\'', /*escape_control=*/false, out);
}

bool IsPlainIdentifier(std::string_view name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) return false;
  }
  return true;
}

void AppendName(std::string_view name, std::string* out) {
  if (IsPlainIdentifier(name)) {
    *out += name;
    return;
  }
  *out += '`';
  for (const char c : name) {
    if (c == '`') *out += '`';  // a backquote inside backquotes is doubled
    *out += c;
  }
  *out += '`';
}

void AppendValue(const Value& v, std::string* out);

void AppendProperties(const Map& map, std::string* out) {
  *out += '{';
  bool first = true;
  for (const auto& [key, value] : map) {
    if (!first) *out += ", ";
    first = false;
    AppendName(key, out);
    *out += ": ";
    AppendValue(value, out);
  }
  *out += '}';
}

void AppendNode(const NodeValue& node, std::string* out) {
  *out += '(';
  for (const std::string& label : node.labels) {
    *out += ':';
    AppendName(label, out);
  }
  if (node.properties && !node.properties->empty()) {
    if (!node.labels.empty()) *out += ' ';
    AppendProperties(*node.properties, out);
  }
  *out += ')';
}

void AppendRelationship(const RelationshipValue& relationship, std::string* out) {
  *out += "[:";
  AppendName(relationship.type, out);
  if (relationship.properties && !relationship.properties->empty()) {
    *out += ' ';
    AppendProperties(*relationship.properties, out);
  }
  *out += ']';
}

void AppendPath(const PathValue& path, std::string* out) {
  *out += '<';
  for (size_t i = 0; i < path.nodes.size(); ++i) {
    AppendNode(path.nodes[i], out);
    if (i >= path.relationships.size()) continue;
    const RelationshipValue& relationship = path.relationships[i];
    // Backward when the relationship starts at the next node and ends at this one.
    const bool backward =
        relationship.start != relationship.end && relationship.end == path.nodes[i].id;
    *out += backward ? "<-" : "-";
    AppendRelationship(relationship, out);
    *out += backward ? "-" : "->";
  }
  *out += '>';
}

void AppendValue(const Value& v, std::string* out) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      *out += "null";
      break;
    case Value::Kind::kBoolean:
      *out += v.boolean() ? "true" : "false";
      break;
    case Value::Kind::kInteger:
      *out += std::to_string(v.integer());
      break;
    case Value::Kind::kFloat:
      // The kit writes negative zero as 0.0 (Literals5 [10]).
      *out += v.real() == 0 ? "0.0" : FloatText(v.real());
      break;
    case Value::Kind::kString:
      AppendQuoted(v.string(), out);
      break;
    case Value::Kind::kDate:
      AppendQuoted(DateText(v.date()), out);
      break;
    case Value::Kind::kList: {
      *out += '[';
      bool first = true;
      for (const Value& element : v.list()) {
        if (!first) *out += ", ";
        first = false;
        AppendValue(element, out);
      }
      *out += ']';
      break;
    }
    case Value::Kind::kMap:
      AppendProperties(v.map(), out);
      break;
    case Value::Kind::kNode:
      AppendNode(v.node(), out);
      break;
    case Value::Kind::kRelationship:
      AppendRelationship(v.relationship(), out);
      break;
    case Value::Kind::kPath:
      AppendPath(v.path(), out);
      break;
  }
}

}  // namespace

std::string RenderValue(const Value& v) {
  std::string out;
  AppendValue(v, &out);
  return out;
}

std::string DisplayText(const Value& v) {
  if (v.kind() == Value::Kind::kString) return v.string();
  if (v.kind() == Value::Kind::kDate) return DateText(v.date());
  return RenderValue(v);
}

}  // namespace tiegraph::cypher
