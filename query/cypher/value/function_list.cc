// Functions of lists, maps, nodes, relationships and paths.
#include <string>

#include "function_bodies.h"

namespace tiegraph::cypher {

namespace {

// range() refuses more elements than this (a LimitExceeded error) rather than exhaust memory.
constexpr int64_t kMaxRangeElements = 10'000'000;

const Map& PropertiesOf(const Value& v) {
  static const Map kEmpty;
  switch (v.kind()) {
    case Value::Kind::kNode:
      return v.node().properties ? *v.node().properties : kEmpty;
    case Value::Kind::kRelationship:
      return v.relationship().properties ? *v.relationship().properties : kEmpty;
    default:
      return v.map();
  }
}

bool HasProperties(const Value& v) {
  return v.kind() == Value::Kind::kMap || v.kind() == Value::Kind::kNode ||
         v.kind() == Value::Kind::kRelationship;
}

}  // namespace

QueryResult<Value> Size(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();  // List6 [4]
  if (v.kind() == Value::Kind::kList) return Value(static_cast<int64_t>(v.list().size()));
  if (v.kind() == Value::Kind::kString) return Value(CodePointCount(v.string()));
  return WrongArgument("size", v);  // List6 [5]: not of a path (length() is)
}

QueryResult<Value> Head(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() != Value::Kind::kList) return WrongArgument("head", v);
  return v.list().empty() ? Value::Null() : v.list().front();
}

QueryResult<Value> Last(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() != Value::Kind::kList) return WrongArgument("last", v);
  return v.list().empty() ? Value::Null() : v.list().back();
}

QueryResult<Value> Tail(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() != Value::Kind::kList) return WrongArgument("tail", v);
  if (v.list().empty()) return Value(List{});
  return Value(List(v.list().begin() + 1, v.list().end()));
}

QueryResult<Value> Range(const Args& args) {
  // List11 [5]: every argument must be an integer (not even 0.0), else ArgumentError.
  for (const Value& arg : args) {
    if (arg.kind() != Value::Kind::kInteger) {
      return BadArgument("InvalidArgumentType", "range() takes INTEGER arguments, got " +
                                                    std::string(KindName(arg.kind())));
    }
  }
  const int64_t start = args[0].integer();
  const int64_t end = args[1].integer();
  const int64_t step = args.size() > 2 ? args[2].integer() : 1;
  if (step == 0) return BadArgument("NumberOutOfRange", "range() cannot step by 0");  // [4]
  List list;
  // Empty when the step points away from the end (List11 [3]). Count in 128 bits: no overflow.
  const __int128 span = static_cast<__int128>(end) - start;
  if ((span >= 0) != (step > 0) && span != 0) return Value(std::move(list));
  const __int128 count = span / step + 1;
  if (count > kMaxRangeElements) {
    return QueryError{
        ErrorClass::kLimitExceeded,
        "",
        "range() would have more than " + std::to_string(kMaxRangeElements) + " elements",
        {}};
  }
  list.reserve(static_cast<size_t>(count));
  for (__int128 i = 0; i < count; ++i) list.emplace_back(static_cast<int64_t>(start + i * step));
  return Value(std::move(list));
}

QueryResult<Value> Coalesce(const Args& args) {
  for (const Value& v : args) {
    if (!v.is_null()) return v;
  }
  return Value::Null();
}

QueryResult<Value> Keys(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();  // Map3 [3]
  if (!HasProperties(v)) return WrongArgument("keys", v);
  List keys;
  for (const auto& [key, value] : PropertiesOf(v)) keys.emplace_back(key);  // Map3 [4]
  return Value(std::move(keys));
}

QueryResult<Value> Properties(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();  // Graph9 [3]
  if (!HasProperties(v)) return WrongArgument("properties", v);
  if (v.kind() == Value::Kind::kMap) return v;  // Graph9 [4]
  return Value(PropertiesOf(v));
}

QueryResult<Value> Labels(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();                                  // Graph3 [7]
  if (v.kind() != Value::Kind::kNode) return WrongArgument("labels", v);  // Graph3 [9]
  List labels;
  for (const std::string& label : v.node().labels) labels.emplace_back(label);
  return Value(std::move(labels));
}

QueryResult<Value> Type(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();  // Graph4 [3]
  if (v.kind() != Value::Kind::kRelationship) return WrongArgument("type", v);
  return Value(v.relationship().type);
}

QueryResult<Value> Id(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() == Value::Kind::kNode) return Value(v.node().id);
  if (v.kind() == Value::Kind::kRelationship) return Value(v.relationship().id);
  return WrongArgument("id", v);
}

QueryResult<Value> Nodes(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() != Value::Kind::kPath) return WrongArgument("nodes", v);
  List nodes;
  for (const NodeValue& node : v.path().nodes) nodes.emplace_back(node);
  return Value(std::move(nodes));
}

QueryResult<Value> Relationships(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() != Value::Kind::kPath) return WrongArgument("relationships", v);
  List relationships;
  for (const RelationshipValue& r : v.path().relationships) relationships.emplace_back(r);
  return Value(std::move(relationships));
}

QueryResult<Value> Length(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() != Value::Kind::kPath) return WrongArgument("length", v);  // Path3 [3]
  return Value(static_cast<int64_t>(v.path().relationships.size()));
}

}  // namespace tiegraph::cypher
