// Property access, subscripts and slices (Map1, Map2, List1, List2).
#include <algorithm>
#include <string>

#include <tiegraph/cypher_functions.h>
#include <tiegraph/cypher_semantics.h>

namespace tiegraph::cypher {

namespace {

QueryError TypeError(std::string code, std::string message) {
  return QueryError{ErrorClass::kTypeError, std::move(code), std::move(message), {}};
}

// The properties of a map, node or relationship; nullptr for other kinds.
const Map* PropertiesOf(const Value& v) {
  static const Map kEmpty;
  switch (v.kind()) {
    case Value::Kind::kMap:
      return &v.map();
    case Value::Kind::kNode:
      return v.node().properties ? v.node().properties.get() : &kEmpty;
    case Value::Kind::kRelationship:
      return v.relationship().properties ? v.relationship().properties.get() : &kEmpty;
    default:
      return nullptr;
  }
}

Value Lookup(const Map& map, const std::string& key) {
  const auto it = map.find(key);
  return it == map.end() ? Value::Null() : it->second;
}

}  // namespace

QueryResult<Value> Property(const Value& v, std::string_view key) {
  if (v.is_null()) return Value::Null();  // Map1 [2]
  if (v.kind() == Value::Kind::kDate) return DateComponent(v.date(), key);
  const Map* properties = PropertiesOf(v);
  if (properties == nullptr) {
    return TypeError("InvalidArgumentType", "cannot read property `" + std::string(key) +
                                                "` of a " + std::string(KindName(v.kind())));
  }
  return Lookup(*properties, std::string(key));
}

QueryResult<Value> Subscript(const Value& v, const Value& index) {
  if (v.is_null() || index.is_null()) return Value::Null();  // Map2 [3], [4]
  if (v.kind() == Value::Kind::kList) {
    if (index.kind() != Value::Kind::kInteger) {
      return TypeError("ListElementAccessByNonInteger", "a list index must be an INTEGER, not a " +
                                                            std::string(KindName(index.kind())));
    }
    const auto size = static_cast<int64_t>(v.list().size());
    const int64_t i = index.integer() < 0 ? index.integer() + size : index.integer();
    if (i < 0 || i >= size) return Value::Null();
    return v.list()[static_cast<size_t>(i)];
  }
  const Map* properties = PropertiesOf(v);
  if (properties == nullptr) {
    return TypeError("InvalidArgumentType",
                     "cannot subscript a " + std::string(KindName(v.kind())));
  }
  if (index.kind() != Value::Kind::kString) {
    return TypeError("MapElementAccessByNonString",
                     "a map key must be a STRING, not a " + std::string(KindName(index.kind())));
  }
  return Lookup(*properties, index.string());
}

QueryResult<Value> Slice(const Value& list, const std::optional<Value>& from,
                         const std::optional<Value>& to) {
  if (list.is_null() || (from && from->is_null()) || (to && to->is_null())) return Value::Null();
  if (list.kind() != Value::Kind::kList) {
    return TypeError("InvalidArgumentType", "cannot slice a " + std::string(KindName(list.kind())));
  }
  for (const std::optional<Value>* bound : {&from, &to}) {
    if (*bound && (*bound)->kind() != Value::Kind::kInteger) {
      return TypeError("InvalidArgumentType", "a slice bound must be an INTEGER, not a " +
                                                  std::string(KindName((*bound)->kind())));
    }
  }
  const auto size = static_cast<int64_t>(list.list().size());
  auto position = [size](const std::optional<Value>& bound, int64_t absent) {
    if (!bound) return absent;
    const int64_t i = bound->integer() < 0 ? bound->integer() + size : bound->integer();
    return std::clamp<int64_t>(i, 0, size);
  };
  const int64_t begin = position(from, 0);
  const int64_t end = position(to, size);
  if (begin >= end) return Value(List{});
  return Value(List(list.list().begin() + begin, list.list().begin() + end));
}

}  // namespace tiegraph::cypher
