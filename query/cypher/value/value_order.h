// Internal: the comparison of two values as the language's comparison operators see it, shared
// by Compare (three-valued), the list and map rules, and the aggregates.
#ifndef TIEGRAPH_CYPHER_VALUE_ORDER_H_
#define TIEGRAPH_CYPHER_VALUE_ORDER_H_

#include <cstdint>

#include <tiegraph/cypher_value.h>
#include <tiegraph/model.h>

namespace tiegraph::cypher {

// How a comparison of two values came out.
enum class Order {
  kLess,
  kEqual,
  kGreater,
  kUnordered,  // NaN against a number: every comparison operator is false (Comparison2 [5])
  kUnknown,    // null involved, or incomparable kinds: every comparison operator is null
};

// Integers and floats compared exactly (as arbitrary-precision decimals would be), so that
// 9007199254740993 > 9007199254740992.0. NaN gives kUnordered. REQUIRES: both are numbers.
Order CompareNumbers(const Value& a, const Value& b);

// -1, 0, 1 for an integer against a float that is not NaN.
int CompareIntegerWithFloat(int64_t i, double d);

// Dates as intervals of days (see cypher_semantics.h): kEqual only when identical; kUnknown
// when the intervals overlap but the dates differ.
Order CompareDates(const Date& a, const Date& b);

// The comparison behind Compare: numbers, strings, booleans, dates, lists, maps without nulls,
// nodes, relationships and paths; kUnknown for anything else.
Order CompareForOperators(const Value& a, const Value& b);

// A value's place in the global sort order (map 0 … null 9).
int SortRank(Value::Kind kind);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_VALUE_ORDER_H_
