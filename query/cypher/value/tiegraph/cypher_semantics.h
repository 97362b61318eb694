// The semantics of the query language's values, after the openCypher 9 specification
// (CIP2016-06-14 "comparability, equality, orderability and equivalence", CIP2017-05-18 "plus
// operators") and the conformance kit's scenarios (features/expressions/{comparison, boolean,
// list, map, null, mathematical, string}). Where the two disagree, the kit wins:
//   - NaN: `NaN = x` is false and `NaN < x` (<=, >, >=) is false for any number x (the
//     specification calls NaN incomparable, i.e. null); a comparison of NaN with a non-number
//     is null (Comparison1 [8], Comparison2 [5]).
//   - Lists compare in dictionary order and stop at the first pair that decides:
//     `[1, null] >= [1]` is true, `[1, 2] >= [3, null]` is false, `[1, 2] >= [1, null]` is null
//     (Comparison2 [4]; the specification calls any list holding a null incomparable).
//
// Three notions of sameness:
//   Equals      `=`, `<>`, IN: three-valued; null when a null decides (null = null is null).
//   Compare     `<`, `<=`, `>`, `>=`: null for values of different kinds (integers and floats
//               compare with each other, exactly, as if both were arbitrary-precision decimals).
//   OrderCompare / Equivalent / Hash: ORDER BY, DISTINCT, grouping keys, UNION: a total order in
//               which null equals null and NaN equals NaN, and 1 and 1.0 are the same (numbers
//               form one type in the specification's global sort order).
//
// Dates keep tiegraph's precision (a year, a month or a day). A date stands for the interval of
// days it covers: 2024 is 2024-01-01..2024-12-31, 2024-03 is 2024-03-01..2024-03-31.
//   `=`          true for identical dates; false when the intervals are disjoint; null when they
//                overlap but the dates differ (2024-03 = 2024-03-15 is null: the month may or
//                may not be that day).
//   `<` etc.     identical dates compare as equal values (2024-03 <= 2024-03 is true); dates
//                whose intervals are disjoint compare by their days; overlapping but different
//                dates give null (2024 < 2024-06 is null).
//   ORDER BY     by the first day, then the coarser date first: 2024 < 2024-01 < 2024-01-01 <
//                2024-01-02 < 2024-02. Equivalent (DISTINCT) only when identical.
//   Text         2024, 2024-03, 2024-03-15 (DateText).
// A date Value always has a known precision; a date of unknown precision is represented by null.
// The global sort order places dates between paths and strings:
//   map < node < relationship < list < path < date < string < boolean < number (NaN last) < null.
#ifndef TIEGRAPH_CYPHER_SEMANTICS_H_
#define TIEGRAPH_CYPHER_SEMANTICS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <tiegraph/cypher_value.h>
#include <tiegraph/model.h>
#include <tiegraph/query_error.h>

namespace tiegraph::cypher {

// ---- Equality and comparison (three-valued: the result is true, false or null) ----

// `a = b`. Lists are equal when they have the same size and every pair of elements is equal;
// maps when they have the same keys and every pair of values is equal (a false pair makes the
// whole false, else a null pair makes it null). Nodes and relationships are equal by id; paths
// by their sequence of nodes and relationships. Values of different kinds are not equal, except
// integers and floats (1 = 1.0 is true).
Value Equals(const Value& a, const Value& b);
// `a <> b`: the negation of Equals (null stays null).
Value NotEquals(const Value& a, const Value& b);

enum class ComparisonOp { kLess, kLessOrEqual, kGreater, kGreaterOrEqual };

// `a < b` and its siblings. Comparable pairs: numbers with numbers; strings (by Unicode code
// point, i.e. by UTF-8 bytes); booleans (false < true); dates (see above); lists (dictionary
// order, element by element with these same rules); nodes and relationships (by id); paths (as
// the list of their alternating nodes and relationships); maps without null values (by their
// sorted keys, then their values key by key; the specification leaves the order of maps to the
// implementation). Anything else, and any comparison with null, is null.
Value Compare(ComparisonOp op, const Value& a, const Value& b);

// `element IN list`: true when some element of `list` equals `element`, else null when some
// comparison was null, else false. Null when `list` is null. REQUIRES: list is null or a list
// (the caller raises the type error).
Value In(const Value& element, const Value& list);

enum class StringOp { kStartsWith, kEndsWith, kContains };
// `a STARTS WITH b` and its siblings: null unless both are strings (String8 [8], String9 [8]).
Value StringMatch(StringOp op, const Value& a, const Value& b);

// ---- Access: `v.key`, `v[index]`, `list[from..to]` ----
// Null when the value (or the index, or a given bound) is null.

// `v.key`: a map's, node's or relationship's value under `key` (null when absent: Map1 [1]); a
// date's component (DateComponent in cypher_functions.h). Anything else is a TypeError
// (InvalidArgumentType, Map1 [6]).
QueryResult<Value> Property(const Value& v, std::string_view key);

// `v[index]`: a list's element (a negative index counts from the end; out of range is null);
// a map's, node's or relationship's value under a string key. A list with a non-integer index
// is a TypeError (ListElementAccessByNonInteger), a map with a non-string key too
// (MapElementAccessByNonString, Map2 [7]); any other container as well (InvalidArgumentType,
// List1 [7], Map2 [8]).
QueryResult<Value> Subscript(const Value& v, const Value& index);

// `list[from..to]`: the elements from `from` up to, not including, `to`; a negative bound counts
// from the end, bounds beyond the list are clamped, and from >= to gives [] (List2). A missing
// bound (nullopt: `list[1..]`) is the list's start or end; a null bound gives null (List2 [9]).
// Non-integer bounds and non-lists are TypeErrors.
QueryResult<Value> Slice(const Value& list, const std::optional<Value>& from,
                         const std::optional<Value>& to);

// ---- Orderability and equivalence (two-valued) ----

// The total order of ORDER BY (ascending): negative when a sorts before b, 0 when they are
// equivalent, positive after. Kinds follow the global sort order above; within a kind it follows
// Compare, except that null equals null, NaN equals NaN and sorts after every other number, and
// lists and maps compare element by element with OrderCompare itself (so [1, 'a'] < [1, null]).
int OrderCompare(const Value& a, const Value& b);

// DISTINCT, grouping keys and UNION: OrderCompare(a, b) == 0. Null is equivalent to null, NaN
// to NaN, 1 to 1.0; [null] to [null].
bool Equivalent(const Value& a, const Value& b);

// A hash consistent with Equivalent: equivalent values hash alike.
size_t Hash(const Value& v);

// Function objects for unordered containers keyed by values.
struct ValueHash {
  size_t operator()(const Value& v) const { return Hash(v); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return Equivalent(a, b); }
};

// ---- Boolean logic (three-valued: null is "unknown") ----
// Each operand must be a boolean or null; anything else is a TypeError (InvalidArgumentType).
// (A literal of the wrong type is the binder's SyntaxError at compile time, Boolean1-4.)
QueryResult<Value> And(const Value& a, const Value& b);  // false wins over null
QueryResult<Value> Or(const Value& a, const Value& b);   // true wins over null
QueryResult<Value> Xor(const Value& a, const Value& b);  // null when either is null
QueryResult<Value> Not(const Value& a);

// ---- Arithmetic ----

enum class ArithmeticOp { kAdd, kSubtract, kMultiply, kDivide, kModulo, kPower };

// `a + b`, `a - b`, `a * b`, `a / b`, `a % b`, `a ^ b`. Null when either operand is null.
//   Numbers: two integers give an integer (division truncates toward zero, % takes the sign of
//     the dividend); any float gives a float; `^` always gives a float. Integer overflow and
//     integer division (or %) by zero are ArithmeticErrors (IntegerOverflow, DivisionByZero);
//     float division by zero gives Inf, -Inf or NaN as IEEE 754 says.
//   `+` also concatenates: a list with a list, or a list with any other value (appended or
//     prepended as one element: [1] + 2 = [1, 2], 0 + [1] = [0, 1]); a string with a string,
//     number, boolean or date, converted as toString does ('a' + 1 = 'a1').
// Other operand types are a TypeError (InvalidArgumentType) naming the operator and the kinds.
QueryResult<Value> Arithmetic(ArithmeticOp op, const Value& a, const Value& b);
// Unary minus: `-a` (the same rules; -(-9223372036854775808) overflows).
QueryResult<Value> Negate(const Value& a);

std::string_view ArithmeticOpSymbol(ArithmeticOp op);  // "+", "-", "*", "/", "%", "^"

// ---- Dates ----

// The days a date covers, counted from 1970-01-01 (proleptic Gregorian calendar), inclusive.
struct DayRange {
  int64_t first = 0;
  int64_t last = 0;
};
// REQUIRES: date.known().
DayRange DaysCovered(const Date& date);
// Days from 1970-01-01 to the given day (month 1..12, day 1..31).
int64_t DaysFromCivil(int64_t year, int month, int day);
int DaysInMonth(int64_t year, int month);
// The day `days` after 1970-01-01, as a date known to the day (the inverse of DaysFromCivil).
Date DateFromDays(int64_t days);

// "2024", "2024-03", "2024-03-15" (years outside 0..9999 as +/-YYYYY, as ISO 8601 extends
// them). An unknown date gives "".
std::string DateText(const Date& date);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_SEMANTICS_H_
