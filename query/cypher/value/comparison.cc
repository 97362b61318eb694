// Comparability: the comparison operators `<`, `<=`, `>`, `>=`.
#include <cmath>

#include <tiegraph/cypher_semantics.h>

#include "value_order.h"

namespace tiegraph::cypher {

namespace {

template <typename T>
Order OrderOf(const T& a, const T& b) {
  return a < b ? Order::kLess : b < a ? Order::kGreater : Order::kEqual;
}

bool MapHoldsNull(const Map& map) {
  for (const auto& [key, value] : map) {
    if (value.is_null()) return true;
  }
  return false;
}

Order CompareLists(const List& a, const List& b) {
  const size_t common = std::min(a.size(), b.size());
  for (size_t i = 0; i < common; ++i) {
    const Order order = CompareForOperators(a[i], b[i]);
    if (order != Order::kEqual) return order;  // the first pair that is not equal decides
  }
  return OrderOf(a.size(), b.size());
}

Order CompareMaps(const Map& a, const Map& b) {
  // Any null value makes maps incomparable (CIP2016-06-14, "regular maps").
  if (MapHoldsNull(a) || MapHoldsNull(b)) return Order::kUnknown;
  auto i = a.begin();
  auto j = b.begin();
  for (; i != a.end() && j != b.end(); ++i, ++j) {
    if (i->first != j->first) return OrderOf(i->first, j->first);
    const Order order = CompareForOperators(i->second, j->second);
    if (order != Order::kEqual) return order;
  }
  return OrderOf(a.size(), b.size());
}

Order ComparePaths(const PathValue& a, const PathValue& b) {
  // As the list n0, r1, n1, r2, … of ids: nodes and relationships never meet at one position.
  const size_t common = std::min(a.nodes.size(), b.nodes.size());
  for (size_t i = 0; i < common; ++i) {
    if (a.nodes[i].id != b.nodes[i].id) return OrderOf(a.nodes[i].id, b.nodes[i].id);
    if (i < a.relationships.size() && i < b.relationships.size() &&
        a.relationships[i].id != b.relationships[i].id) {
      return OrderOf(a.relationships[i].id, b.relationships[i].id);
    }
  }
  return OrderOf(a.nodes.size(), b.nodes.size());
}

}  // namespace

int CompareIntegerWithFloat(int64_t i, double d) {
  constexpr double kTwoTo63 = 9223372036854775808.0;
  if (d >= kTwoTo63) return -1;
  if (d < -kTwoTo63) return 1;
  const double whole = std::trunc(d);
  const auto whole_integer = static_cast<int64_t>(whole);  // exact: |whole| < 2^63
  if (i != whole_integer) return i < whole_integer ? -1 : 1;
  const double fraction = d - whole;
  return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
}

Order CompareNumbers(const Value& a, const Value& b) {
  const bool a_int = a.kind() == Value::Kind::kInteger;
  const bool b_int = b.kind() == Value::Kind::kInteger;
  if (a_int && b_int) return OrderOf(a.integer(), b.integer());
  if (!a_int && std::isnan(a.real())) return Order::kUnordered;
  if (!b_int && std::isnan(b.real())) return Order::kUnordered;
  if (!a_int && !b_int) return OrderOf(a.real(), b.real());
  const int c = a_int ? CompareIntegerWithFloat(a.integer(), b.real())
                      : -CompareIntegerWithFloat(b.integer(), a.real());
  return c < 0 ? Order::kLess : c > 0 ? Order::kGreater : Order::kEqual;
}

Order CompareDates(const Date& a, const Date& b) {
  if (!a.known() || !b.known()) return Order::kUnknown;
  if (a == b) return Order::kEqual;
  const DayRange ra = DaysCovered(a);
  const DayRange rb = DaysCovered(b);
  if (ra.last < rb.first) return Order::kLess;
  if (rb.last < ra.first) return Order::kGreater;
  return Order::kUnknown;  // overlapping intervals: which day the coarser date means is unknown
}

Order CompareForOperators(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Order::kUnknown;
  if (a.is_number() && b.is_number()) return CompareNumbers(a, b);
  if (a.kind() != b.kind()) return Order::kUnknown;
  switch (a.kind()) {
    case Value::Kind::kBoolean:
      return OrderOf(a.boolean(), b.boolean());
    case Value::Kind::kString:
      // std::string compares as unsigned bytes: UTF-8 byte order is code point order.
      return OrderOf(a.string(), b.string());
    case Value::Kind::kDate:
      return CompareDates(a.date(), b.date());
    case Value::Kind::kList:
      return CompareLists(a.list(), b.list());
    case Value::Kind::kMap:
      return CompareMaps(a.map(), b.map());
    case Value::Kind::kNode:
      return OrderOf(a.node().id, b.node().id);
    case Value::Kind::kRelationship:
      return OrderOf(a.relationship().id, b.relationship().id);
    case Value::Kind::kPath:
      return ComparePaths(a.path(), b.path());
    default:
      return Order::kUnknown;
  }
}

Value Compare(ComparisonOp op, const Value& a, const Value& b) {
  const Order order = CompareForOperators(a, b);
  if (order == Order::kUnknown) return Value::Null();
  if (order == Order::kUnordered) return false;
  switch (op) {
    case ComparisonOp::kLess:
      return order == Order::kLess;
    case ComparisonOp::kLessOrEqual:
      return order != Order::kGreater;
    case ComparisonOp::kGreater:
      return order == Order::kGreater;
    case ComparisonOp::kGreaterOrEqual:
      return order != Order::kLess;
  }
  return Value::Null();
}

}  // namespace tiegraph::cypher
