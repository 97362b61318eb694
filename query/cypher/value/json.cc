// Values as JSON.
#include <cmath>
#include <string>

#include <tiegraph/cypher_render.h>
#include <tiegraph/cypher_semantics.h>

#include "quoted_text.h"

namespace tiegraph::cypher {

namespace {

void AppendJsonString(std::string_view text, std::string* out) {
  AppendQuotedText(text, '"', /*escape_control=*/true, out);
}

void WriteObject(const Map* map, std::string* out) {
  *out += '{';
  bool first = true;
  if (map != nullptr) {
    for (const auto& [key, value] : *map) {
      if (!first) *out += ',';
      first = false;
      AppendJsonString(key, out);
      *out += ':';
      WriteJson(value, out);
    }
  }
  *out += '}';
}

void WriteNode(const NodeValue& node, std::string* out) {
  *out += "{\"id\":" + std::to_string(node.id) + ",\"labels\":[";
  for (size_t i = 0; i < node.labels.size(); ++i) {
    if (i > 0) *out += ',';
    AppendJsonString(node.labels[i], out);
  }
  *out += "],\"properties\":";
  WriteObject(node.properties.get(), out);
  *out += '}';
}

void WriteRelationship(const RelationshipValue& relationship, std::string* out) {
  *out += "{\"id\":" + std::to_string(relationship.id) + ",\"type\":";
  AppendJsonString(relationship.type, out);
  *out += ",\"start\":" + std::to_string(relationship.start) +
          ",\"end\":" + std::to_string(relationship.end) + ",\"properties\":";
  WriteObject(relationship.properties.get(), out);
  *out += '}';
}

}  // namespace

void WriteJson(const Value& v, std::string* out) {
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
      if (std::isfinite(v.real())) {
        *out += FloatText(v.real());
      } else {
        AppendJsonString(FloatText(v.real()), out);
      }
      break;
    case Value::Kind::kString:
      AppendJsonString(v.string(), out);
      break;
    case Value::Kind::kDate:
      AppendJsonString(DateText(v.date()), out);
      break;
    case Value::Kind::kList:
      *out += '[';
      for (size_t i = 0; i < v.list().size(); ++i) {
        if (i > 0) *out += ',';
        WriteJson(v.list()[i], out);
      }
      *out += ']';
      break;
    case Value::Kind::kMap:
      WriteObject(&v.map(), out);
      break;
    case Value::Kind::kNode:
      WriteNode(v.node(), out);
      break;
    case Value::Kind::kRelationship:
      WriteRelationship(v.relationship(), out);
      break;
    case Value::Kind::kPath: {
      *out += "{\"nodes\":[";
      const PathValue& path = v.path();
      for (size_t i = 0; i < path.nodes.size(); ++i) {
        if (i > 0) *out += ',';
        WriteNode(path.nodes[i], out);
      }
      *out += "],\"relationships\":[";
      for (size_t i = 0; i < path.relationships.size(); ++i) {
        if (i > 0) *out += ',';
        WriteRelationship(path.relationships[i], out);
      }
      *out += "]}";
      break;
    }
  }
}

}  // namespace tiegraph::cypher
