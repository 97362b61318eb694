// Shorthands for building query-language values in tests.
#ifndef TIEGRAPH_TESTS_QUERY_CYPHER_TEST_VALUES_H_
#define TIEGRAPH_TESTS_QUERY_CYPHER_TEST_VALUES_H_

#include <cmath>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include <tiegraph/cypher_value.h>

namespace tiegraph::cypher::testing {

inline Value L(std::initializer_list<Value> elements) { return Value(List(elements)); }
inline Value M(std::initializer_list<std::pair<const std::string, Value>> entries) {
  return Value(Map(entries));
}
inline const Value kNull = Value::Null();
inline Value NaN() { return Value(std::nan("")); }

inline Value Year(int y) { return Value(Date{y, 0, 0, Date::Precision::kYear}); }
inline Value Month(int y, int m) {
  return Value(Date{y, static_cast<uint8_t>(m), 0, Date::Precision::kMonth});
}
inline Value Day(int y, int m, int d) {
  return Value(Date{y, static_cast<uint8_t>(m), static_cast<uint8_t>(d), Date::Precision::kDay});
}

inline NodeValue Node(int64_t id, std::vector<std::string> labels, Map properties = {}) {
  return NodeValue{id, std::move(labels), std::make_shared<const Map>(std::move(properties))};
}
inline RelationshipValue Rel(int64_t id, std::string type, int64_t start, int64_t end,
                             Map properties = {}) {
  return RelationshipValue{id, std::move(type), start, end,
                           std::make_shared<const Map>(std::move(properties))};
}

// "true", "false" or "null": a three-valued result, for readable expectations.
inline std::string Truth(const Value& v) {
  if (v.is_null()) return "null";
  if (v.kind() != Value::Kind::kBoolean) return "not a boolean";
  return v.boolean() ? "true" : "false";
}

}  // namespace tiegraph::cypher::testing

#endif  // TIEGRAPH_TESTS_QUERY_CYPHER_TEST_VALUES_H_
