// Equality: `=`, `<>`, IN, and the string predicates.
#include <string_view>

#include <tiegraph/cypher_semantics.h>

#include "value_order.h"

namespace tiegraph::cypher {

namespace {

// Three-valued conjunction of the pairwise results: a false pair decides, else a null one.
class AllEqual {
 public:
  void Add(const Value& pair_result) {
    if (pair_result.is_null()) {
      unknown_ = true;
    } else if (!pair_result.boolean()) {
      false_ = true;
    }
  }
  bool decided_false() const { return false_; }
  Value Result() const { return false_ ? Value(false) : unknown_ ? Value::Null() : Value(true); }

 private:
  bool false_ = false;
  bool unknown_ = false;
};

Value ListsEqual(const List& a, const List& b) {
  if (a.size() != b.size()) return false;  // List3 [2]: [1] = [1, null] is false
  AllEqual all;
  for (size_t i = 0; i < a.size() && !all.decided_false(); ++i) all.Add(Equals(a[i], b[i]));
  return all.Result();
}

Value MapsEqual(const Map& a, const Map& b) {
  if (a.size() != b.size()) return false;
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
    if (i->first != j->first) return false;  // different keys: {k: null} = {} is false
  }
  AllEqual all;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && !all.decided_false(); ++i, ++j) {
    all.Add(Equals(i->second, j->second));
  }
  return all.Result();
}

bool PathsEqual(const PathValue& a, const PathValue& b) {
  if (a.nodes.size() != b.nodes.size() || a.relationships.size() != b.relationships.size()) {
    return false;
  }
  for (size_t i = 0; i < a.nodes.size(); ++i) {
    if (a.nodes[i].id != b.nodes[i].id) return false;
  }
  for (size_t i = 0; i < a.relationships.size(); ++i) {
    if (a.relationships[i].id != b.relationships[i].id) return false;
  }
  return true;
}

Value DatesEqual(const Date& a, const Date& b) {
  switch (CompareDates(a, b)) {
    case Order::kEqual:
      return true;
    case Order::kUnknown:
      return Value::Null();
    default:
      return false;
  }
}

}  // namespace

Value Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  if (a.is_number() && b.is_number()) return CompareNumbers(a, b) == Order::kEqual;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::kBoolean:
      return a.boolean() == b.boolean();
    case Value::Kind::kString:
      return a.string() == b.string();
    case Value::Kind::kDate:
      return DatesEqual(a.date(), b.date());
    case Value::Kind::kList:
      return ListsEqual(a.list(), b.list());
    case Value::Kind::kMap:
      return MapsEqual(a.map(), b.map());
    case Value::Kind::kNode:
      return a.node().id == b.node().id;
    case Value::Kind::kRelationship:
      return a.relationship().id == b.relationship().id;
    case Value::Kind::kPath:
      return PathsEqual(a.path(), b.path());
    default:
      return false;
  }
}

Value NotEquals(const Value& a, const Value& b) {
  const Value equal = Equals(a, b);
  return equal.is_null() ? equal : Value(!equal.boolean());
}

Value In(const Value& element, const Value& list) {
  if (list.is_null() || list.kind() != Value::Kind::kList) return Value::Null();
  bool unknown = false;
  for (const Value& candidate : list.list()) {
    const Value equal = Equals(element, candidate);
    if (equal.is_null()) {
      unknown = true;
    } else if (equal.boolean()) {
      return true;  // List5 [24]: 3 IN [1, null, 3] is true
    }
  }
  return unknown ? Value::Null() : Value(false);
}

Value StringMatch(StringOp op, const Value& a, const Value& b) {
  if (a.kind() != Value::Kind::kString || b.kind() != Value::Kind::kString) return Value::Null();
  const std::string_view text = a.string();
  const std::string_view part = b.string();
  switch (op) {
    case StringOp::kStartsWith:
      return text.substr(0, part.size()) == part;
    case StringOp::kEndsWith:
      return text.size() >= part.size() && text.substr(text.size() - part.size()) == part;
    case StringOp::kContains:
      return text.find(part) != std::string_view::npos;
  }
  return Value::Null();
}

}  // namespace tiegraph::cypher
