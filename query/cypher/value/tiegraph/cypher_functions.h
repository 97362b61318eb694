// The query language's functions by name: what the binder needs to check a call (arity, whether
// it aggregates, whether it reads the graph) and the evaluation of the pure ones.
//
// Errors follow the conformance kit: an argument of the wrong kind at run time is a TypeError
// (InvalidArgumentValue: TypeConversion1-4, Graph3 [9]); range() with a non-integer argument is
// an ArgumentError (InvalidArgumentType) and with step 0 an ArgumentError (NumberOutOfRange)
// (List11 [4], [5]). When the argument's kind is known at compile time the binder raises the
// kit's SyntaxError (InvalidArgumentType) instead. A null argument gives null, except in
// coalesce() and where noted.
//
// Strings are measured and indexed in Unicode code points (size, substring, left, right,
// reverse); toLower/toUpper change ASCII letters only and trim/ltrim/rtrim remove ASCII white
// space (Hangul and other scripts pass through unchanged).
#ifndef TIEGRAPH_CYPHER_FUNCTIONS_H_
#define TIEGRAPH_CYPHER_FUNCTIONS_H_

#include <string_view>
#include <vector>

#include <tiegraph/cypher_value.h>
#include <tiegraph/model.h>
#include <tiegraph/query_error.h>

namespace tiegraph::cypher {

using FunctionBody = QueryResult<Value> (*)(const std::vector<Value>& args);

struct FunctionInfo {
  std::string_view name;  // as the documentation spells it: "toString", "percentileCont"
  int min_arity = 0;
  int max_arity = 0;  // kVariadic: any number from min_arity up (coalesce)
  bool aggregate = false;
  // Needs the graph (startNode, endNode): the executor evaluates it, CallFunction refuses.
  bool needs_graph = false;
  // False for date() without arguments (today): the planner must not fold it into a constant.
  bool deterministic = true;
  FunctionBody body = nullptr;  // null for aggregates and for functions that need the graph

  static constexpr int kVariadic = -1;
};

// The function called `name`, case-insensitively ("TOSTRING", "tostring"), or nullptr (the
// binder raises UnknownFunction).
const FunctionInfo* FindFunction(std::string_view name);

// Calls a function that neither aggregates nor needs the graph. The caller has checked the
// arity; a wrong one, an aggregate or a graph function here is a SemanticError.
//
//   Conversion: toString, toInteger, toFloat, toBoolean, and toStringOrNull, toIntegerOrNull,
//     toFloatOrNull, toBooleanOrNull (null instead of an error). A string that does not read as
//     the type gives null: toInteger('abc') is null, toInteger('1.7') is 1, toFloat('foo') is
//     null, toBoolean(' tru ') is null; toBoolean accepts 'true'/'false' in any case and
//     integers (0 is false); toInteger truncates floats and reads booleans as 0/1; toFloat(true)
//     and toBoolean(1.0) are type errors (TypeConversion1 [5], TypeConversion3 [6]).
//   Strings: toLower, toUpper, trim, ltrim, rtrim, substring(s, start[, length]),
//     replace(s, search, replacement), split(s, delimiter), left(s, n), right(s, n),
//     reverse(string or list). Negative positions or lengths are ArgumentErrors
//     (NumberOutOfRange).
//   Lists and maps: size (string or list), head, last, tail, range(start, end[, step]),
//     coalesce, keys and properties (of a map, node or relationship), labels, type, id, nodes,
//     relationships, length (of a path).
//   Numbers: abs, ceil, floor, round(x[, precision]), sign, sqrt, exp, log, log10, e, pi, sin,
//     cos, tan, cot, asin, acos, atan, atan2, degrees, radians. abs and sign keep integers;
//     ceil, floor and round give floats; round(x) rounds halves up (-2.5 to -2.0), round(x, p)
//     rounds halves away from zero at p decimals.
//   Dates: date() is today (UTC); date('2024'), date('2024-03'), date('2024-03-15') keep the
//     text's precision (and 20240315 is read as a day); date({year: 2024, month: 3}) gives the
//     precision of the keys present (a deliberate difference from the kit's Temporal1 [4],
//     where full ISO dates are completed to the first day); date(aDate) is aDate. An unreadable
//     or impossible date is an ArgumentError (InvalidArgumentValue).
QueryResult<Value> CallFunction(const FunctionInfo& function, const std::vector<Value>& args);

// Property access on a date (`d.year`): year, month, day, quarter; for dates known to the day
// also week, weekYear (ISO 8601 weeks), dayOfWeek / weekDay (Monday = 1), ordinalDay and
// dayOfQuarter. Null when the date's precision does not reach the component (the month of
// 2024). An unknown component name is a TypeError (InvalidArgumentValue).
QueryResult<Value> DateComponent(const Date& date, std::string_view component);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_FUNCTIONS_H_
