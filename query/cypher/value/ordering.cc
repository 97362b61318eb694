// Orderability and equivalence: ORDER BY, DISTINCT, grouping keys, UNION.
#include <cmath>
#include <cstring>
#include <functional>

#include <tiegraph/cypher_semantics.h>

#include "value_order.h"

namespace tiegraph::cypher {

namespace {

template <typename T>
int Sign(const T& a, const T& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

bool IsNaN(const Value& v) { return v.kind() == Value::Kind::kFloat && std::isnan(v.real()); }

int OrderNumbers(const Value& a, const Value& b) {
  // NaN is the largest number, and equivalent to itself.
  if (IsNaN(a) || IsNaN(b)) return static_cast<int>(IsNaN(a)) - static_cast<int>(IsNaN(b));
  switch (CompareNumbers(a, b)) {
    case Order::kLess:
      return -1;
    case Order::kGreater:
      return 1;
    default:
      return 0;
  }
}

int OrderDates(const Date& a, const Date& b) {
  // By the first day, then the coarser date first (its precision is the smaller enumerator).
  const int first = Sign(DaysCovered(a).first, DaysCovered(b).first);
  if (first != 0) return first;
  return Sign(static_cast<int>(a.precision), static_cast<int>(b.precision));
}

int OrderLists(const List& a, const List& b) {
  const size_t common = std::min(a.size(), b.size());
  for (size_t i = 0; i < common; ++i) {
    const int c = OrderCompare(a[i], b[i]);
    if (c != 0) return c;
  }
  return Sign(a.size(), b.size());
}

int OrderMaps(const Map& a, const Map& b) {
  auto i = a.begin();
  auto j = b.begin();
  for (; i != a.end() && j != b.end(); ++i, ++j) {
    const int key = i->first.compare(j->first);
    if (key != 0) return key < 0 ? -1 : 1;
    const int value = OrderCompare(i->second, j->second);
    if (value != 0) return value;
  }
  return Sign(a.size(), b.size());
}

int OrderPaths(const PathValue& a, const PathValue& b) {
  const size_t common = std::min(a.nodes.size(), b.nodes.size());
  for (size_t i = 0; i < common; ++i) {
    const int node = Sign(a.nodes[i].id, b.nodes[i].id);
    if (node != 0) return node;
    if (i < a.relationships.size() && i < b.relationships.size()) {
      const int relationship = Sign(a.relationships[i].id, b.relationships[i].id);
      if (relationship != 0) return relationship;
    }
  }
  return Sign(a.nodes.size(), b.nodes.size());
}

void Combine(size_t* seed, size_t value) {
  *seed ^= value + 0x9e3779b97f4a7c15ULL + (*seed << 6) + (*seed >> 2);
}

size_t HashNumber(const Value& v) {
  // Equivalent numbers hash alike: a float with an integral value hashes as that integer.
  if (v.kind() == Value::Kind::kInteger) return std::hash<int64_t>()(v.integer());
  const double d = v.real();
  if (std::isnan(d)) return 0x7ff8dead;
  if (d == std::trunc(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
    return std::hash<int64_t>()(static_cast<int64_t>(d));
  }
  return std::hash<double>()(d);
}

}  // namespace

int SortRank(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::kMap:
      return 0;
    case Value::Kind::kNode:
      return 1;
    case Value::Kind::kRelationship:
      return 2;
    case Value::Kind::kList:
      return 3;
    case Value::Kind::kPath:
      return 4;
    case Value::Kind::kDate:
      return 5;
    case Value::Kind::kString:
      return 6;
    case Value::Kind::kBoolean:
      return 7;
    case Value::Kind::kInteger:
    case Value::Kind::kFloat:
      return 8;
    case Value::Kind::kNull:
      return 9;
  }
  return 9;
}

int OrderCompare(const Value& a, const Value& b) {
  const int rank = Sign(SortRank(a.kind()), SortRank(b.kind()));
  if (rank != 0) return rank;
  switch (a.kind()) {
    case Value::Kind::kNull:
      return 0;
    case Value::Kind::kBoolean:
      return Sign(a.boolean(), b.boolean());
    case Value::Kind::kInteger:
    case Value::Kind::kFloat:
      return OrderNumbers(a, b);
    case Value::Kind::kString: {
      const int c = a.string().compare(b.string());
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case Value::Kind::kDate:
      return OrderDates(a.date(), b.date());
    case Value::Kind::kList:
      return OrderLists(a.list(), b.list());
    case Value::Kind::kMap:
      return OrderMaps(a.map(), b.map());
    case Value::Kind::kNode:
      return Sign(a.node().id, b.node().id);
    case Value::Kind::kRelationship:
      return Sign(a.relationship().id, b.relationship().id);
    case Value::Kind::kPath:
      return OrderPaths(a.path(), b.path());
  }
  return 0;
}

bool Equivalent(const Value& a, const Value& b) { return OrderCompare(a, b) == 0; }

size_t Hash(const Value& v) {
  size_t seed = static_cast<size_t>(SortRank(v.kind()));
  switch (v.kind()) {
    case Value::Kind::kNull:
      break;
    case Value::Kind::kBoolean:
      Combine(&seed, v.boolean() ? 1 : 2);
      break;
    case Value::Kind::kInteger:
    case Value::Kind::kFloat:
      Combine(&seed, HashNumber(v));
      break;
    case Value::Kind::kString:
      Combine(&seed, std::hash<std::string>()(v.string()));
      break;
    case Value::Kind::kDate:
      Combine(&seed, std::hash<int64_t>()(v.date().year));
      Combine(&seed, v.date().month);
      Combine(&seed, v.date().day);
      Combine(&seed, static_cast<size_t>(v.date().precision));
      break;
    case Value::Kind::kList:
      for (const Value& element : v.list()) Combine(&seed, Hash(element));
      Combine(&seed, v.list().size());
      break;
    case Value::Kind::kMap:
      for (const auto& [key, value] : v.map()) {
        Combine(&seed, std::hash<std::string>()(key));
        Combine(&seed, Hash(value));
      }
      break;
    case Value::Kind::kNode:
      Combine(&seed, std::hash<int64_t>()(v.node().id));
      break;
    case Value::Kind::kRelationship:
      Combine(&seed, std::hash<int64_t>()(v.relationship().id));
      break;
    case Value::Kind::kPath:
      for (const NodeValue& node : v.path().nodes) Combine(&seed, std::hash<int64_t>()(node.id));
      for (const RelationshipValue& relationship : v.path().relationships) {
        Combine(&seed, std::hash<int64_t>()(relationship.id));
      }
      break;
  }
  return seed;
}

}  // namespace tiegraph::cypher
