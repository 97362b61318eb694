// The table of functions, looked up by case-insensitive name.
#include <array>
#include <string>

#include <tiegraph/cypher_functions.h>

#include "function_bodies.h"

namespace tiegraph::cypher {

namespace {

constexpr int kAny = FunctionInfo::kVariadic;

// name, min arity, max arity, aggregate, needs graph, deterministic, body
constexpr FunctionInfo kFunctions[] = {
    // Conversion
    {"toString", 1, 1, false, false, true, ToStringFunction},
    {"toInteger", 1, 1, false, false, true, ToIntegerFunction},
    {"toFloat", 1, 1, false, false, true, ToFloatFunction},
    {"toBoolean", 1, 1, false, false, true, ToBooleanFunction},
    {"toStringOrNull", 1, 1, false, false, true, ToStringOrNull},
    {"toIntegerOrNull", 1, 1, false, false, true, ToIntegerOrNull},
    {"toFloatOrNull", 1, 1, false, false, true, ToFloatOrNull},
    {"toBooleanOrNull", 1, 1, false, false, true, ToBooleanOrNull},
    // Strings
    {"toLower", 1, 1, false, false, true, ToLower},
    {"toUpper", 1, 1, false, false, true, ToUpper},
    {"trim", 1, 1, false, false, true, Trim},
    {"ltrim", 1, 1, false, false, true, LTrim},
    {"rtrim", 1, 1, false, false, true, RTrim},
    {"substring", 2, 3, false, false, true, Substring},
    {"replace", 3, 3, false, false, true, Replace},
    {"split", 2, 2, false, false, true, Split},
    {"left", 2, 2, false, false, true, Left},
    {"right", 2, 2, false, false, true, Right},
    {"reverse", 1, 1, false, false, true, Reverse},
    // Lists, maps, graph values
    {"size", 1, 1, false, false, true, Size},
    {"head", 1, 1, false, false, true, Head},
    {"last", 1, 1, false, false, true, Last},
    {"tail", 1, 1, false, false, true, Tail},
    {"range", 2, 3, false, false, true, Range},
    {"coalesce", 1, kAny, false, false, true, Coalesce},
    {"keys", 1, 1, false, false, true, Keys},
    {"properties", 1, 1, false, false, true, Properties},
    {"labels", 1, 1, false, false, true, Labels},
    {"type", 1, 1, false, false, true, Type},
    {"id", 1, 1, false, false, true, Id},
    {"nodes", 1, 1, false, false, true, Nodes},
    {"relationships", 1, 1, false, false, true, Relationships},
    {"length", 1, 1, false, false, true, Length},
    {"startNode", 1, 1, false, true, true, nullptr},
    {"endNode", 1, 1, false, true, true, nullptr},
    // Numbers
    {"abs", 1, 1, false, false, true, Abs},
    {"ceil", 1, 1, false, false, true, Ceil},
    {"floor", 1, 1, false, false, true, Floor},
    {"round", 1, 2, false, false, true, Round},
    {"sign", 1, 1, false, false, true, Sign},
    {"sqrt", 1, 1, false, false, true, Sqrt},
    {"exp", 1, 1, false, false, true, Exp},
    {"log", 1, 1, false, false, true, Log},
    {"log10", 1, 1, false, false, true, Log10},
    {"e", 0, 0, false, false, true, E},
    {"pi", 0, 0, false, false, true, Pi},
    {"rand", 0, 0, false, false, false, Rand},
    {"sin", 1, 1, false, false, true, Sin},
    {"cos", 1, 1, false, false, true, Cos},
    {"tan", 1, 1, false, false, true, Tan},
    {"cot", 1, 1, false, false, true, Cot},
    {"asin", 1, 1, false, false, true, Asin},
    {"acos", 1, 1, false, false, true, Acos},
    {"atan", 1, 1, false, false, true, Atan},
    {"atan2", 2, 2, false, false, true, Atan2},
    {"degrees", 1, 1, false, false, true, Degrees},
    {"radians", 1, 1, false, false, true, Radians},
    // Dates: date() without an argument is today, hence not deterministic.
    {"date", 0, 1, false, false, false, DateFunction},
    // Aggregates (cypher_aggregates.h)
    {"count", 1, 1, true, false, true, nullptr},
    {"sum", 1, 1, true, false, true, nullptr},
    {"avg", 1, 1, true, false, true, nullptr},
    {"min", 1, 1, true, false, true, nullptr},
    {"max", 1, 1, true, false, true, nullptr},
    {"collect", 1, 1, true, false, true, nullptr},
    {"percentileCont", 2, 2, true, false, true, nullptr},
    {"percentileDisc", 2, 2, true, false, true, nullptr},
    {"stDev", 1, 1, true, false, true, nullptr},
    {"stDevP", 1, 1, true, false, true, nullptr},
};

bool SameNameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

QueryError WrongArgument(std::string_view function, const Value& argument) {
  return QueryError{
      ErrorClass::kTypeError,
      "InvalidArgumentValue",
      std::string(function) + "() cannot take a " + std::string(KindName(argument.kind())),
      {}};
}

QueryError BadArgument(std::string_view code, std::string message) {
  return QueryError{ErrorClass::kArgumentError, std::string(code), std::move(message), {}};
}

const FunctionInfo* FindFunction(std::string_view name) {
  for (const FunctionInfo& function : kFunctions) {
    if (SameNameIgnoringCase(function.name, name)) return &function;
  }
  return nullptr;
}

QueryResult<Value> CallFunction(const FunctionInfo& function, const std::vector<Value>& args) {
  const int arity = static_cast<int>(args.size());
  if (function.body == nullptr || arity < function.min_arity ||
      (function.max_arity != FunctionInfo::kVariadic && arity > function.max_arity)) {
    return QueryError{ErrorClass::kSemanticError,
                      "InvalidFunctionCall",
                      std::string(function.name) + "() cannot be called this way here",
                      {}};
  }
  return function.body(args);
}

}  // namespace tiegraph::cypher
