#include <tiegraph/cypher_value.h>

namespace tiegraph::cypher {

std::string_view KindName(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::kNull:
      return "NULL";
    case Value::Kind::kBoolean:
      return "BOOLEAN";
    case Value::Kind::kInteger:
      return "INTEGER";
    case Value::Kind::kFloat:
      return "FLOAT";
    case Value::Kind::kString:
      return "STRING";
    case Value::Kind::kDate:
      return "DATE";
    case Value::Kind::kList:
      return "LIST";
    case Value::Kind::kMap:
      return "MAP";
    case Value::Kind::kNode:
      return "NODE";
    case Value::Kind::kRelationship:
      return "RELATIONSHIP";
    case Value::Kind::kPath:
      return "PATH";
  }
  return "?";
}

}  // namespace tiegraph::cypher
