// Internal: the bodies of the pure functions (one file per family) and the errors they share.
#ifndef TIEGRAPH_CYPHER_FUNCTION_BODIES_H_
#define TIEGRAPH_CYPHER_FUNCTION_BODIES_H_

#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/cypher_value.h>
#include <tiegraph/query_error.h>

namespace tiegraph::cypher {

using Args = std::vector<Value>;

// TypeError (InvalidArgumentValue): "toFloat() cannot take a BOOLEAN".
QueryError WrongArgument(std::string_view function, const Value& argument);
// ArgumentError with the given code and message.
QueryError BadArgument(std::string_view code, std::string message);

// Conversion (function_conversion.cc)
QueryResult<Value> ToStringFunction(const Args& args);
QueryResult<Value> ToIntegerFunction(const Args& args);
QueryResult<Value> ToFloatFunction(const Args& args);
QueryResult<Value> ToBooleanFunction(const Args& args);
QueryResult<Value> ToStringOrNull(const Args& args);
QueryResult<Value> ToIntegerOrNull(const Args& args);
QueryResult<Value> ToFloatOrNull(const Args& args);
QueryResult<Value> ToBooleanOrNull(const Args& args);

// Strings (function_string.cc)
QueryResult<Value> ToLower(const Args& args);
QueryResult<Value> ToUpper(const Args& args);
QueryResult<Value> Trim(const Args& args);
QueryResult<Value> LTrim(const Args& args);
QueryResult<Value> RTrim(const Args& args);
QueryResult<Value> Substring(const Args& args);
QueryResult<Value> Replace(const Args& args);
QueryResult<Value> Split(const Args& args);
QueryResult<Value> Left(const Args& args);
QueryResult<Value> Right(const Args& args);
QueryResult<Value> Reverse(const Args& args);
// The number of code points in UTF-8 text.
int64_t CodePointCount(std::string_view text);

// Lists, maps and graph values (function_list.cc)
QueryResult<Value> Size(const Args& args);
QueryResult<Value> Head(const Args& args);
QueryResult<Value> Last(const Args& args);
QueryResult<Value> Tail(const Args& args);
QueryResult<Value> Range(const Args& args);
QueryResult<Value> Coalesce(const Args& args);
QueryResult<Value> Keys(const Args& args);
QueryResult<Value> Properties(const Args& args);
QueryResult<Value> Labels(const Args& args);
QueryResult<Value> Type(const Args& args);
QueryResult<Value> Id(const Args& args);
QueryResult<Value> Nodes(const Args& args);
QueryResult<Value> Relationships(const Args& args);
QueryResult<Value> Length(const Args& args);

// Numbers (function_math.cc)
QueryResult<Value> Abs(const Args& args);
QueryResult<Value> Ceil(const Args& args);
QueryResult<Value> Floor(const Args& args);
QueryResult<Value> Round(const Args& args);
QueryResult<Value> Sign(const Args& args);
QueryResult<Value> Sqrt(const Args& args);
QueryResult<Value> Exp(const Args& args);
QueryResult<Value> Log(const Args& args);
QueryResult<Value> Log10(const Args& args);
QueryResult<Value> E(const Args& args);
QueryResult<Value> Pi(const Args& args);
QueryResult<Value> Rand(const Args& args);
QueryResult<Value> Sin(const Args& args);
QueryResult<Value> Cos(const Args& args);
QueryResult<Value> Tan(const Args& args);
QueryResult<Value> Cot(const Args& args);
QueryResult<Value> Asin(const Args& args);
QueryResult<Value> Acos(const Args& args);
QueryResult<Value> Atan(const Args& args);
QueryResult<Value> Atan2(const Args& args);
QueryResult<Value> Degrees(const Args& args);
QueryResult<Value> Radians(const Args& args);

// Dates (function_date.cc)
QueryResult<Value> DateFunction(const Args& args);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_FUNCTION_BODIES_H_
