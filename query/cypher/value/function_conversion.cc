// toString, toInteger, toFloat, toBoolean and their OrNull forms (TypeConversion1-4).
#include <charconv>
#include <cmath>
#include <string>

#include <tiegraph/cypher_render.h>
#include <tiegraph/cypher_semantics.h>

#include "function_bodies.h"

namespace tiegraph::cypher {

namespace {

std::string_view TrimAsciiSpace(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// The whole of `text` as a double; false when it is not a number.
bool ReadDouble(std::string_view text, double* out) {
  text = TrimAsciiSpace(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc() && end == text.data() + text.size();
}

// A float truncated toward zero, or null when no integer holds it (NaN, infinities, > 2^63).
Value TruncatedInteger(double d) {
  if (!std::isfinite(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
    return Value::Null();
  }
  return Value(static_cast<int64_t>(std::trunc(d)));
}

Value IntegerFromString(std::string_view raw) {
  const std::string_view text = TrimAsciiSpace(raw);
  int64_t integer = 0;
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), integer);
  if (!digits.empty() && error == std::errc() && end == digits.data() + digits.size()) {
    return Value(integer);
  }
  double d = 0;
  if (ReadDouble(text, &d)) return TruncatedInteger(d);  // TypeConversion2 [4]: '1.7' is 1
  return Value::Null();
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

QueryResult<Value> ConvertToString(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return Value::Null();
    case Value::Kind::kString:
      return v;
    case Value::Kind::kInteger:
      return Value(std::to_string(v.integer()));
    case Value::Kind::kFloat:
      return Value(FloatText(v.real()));
    case Value::Kind::kBoolean:
      return Value(v.boolean() ? "true" : "false");
    case Value::Kind::kDate:
      return Value(DateText(v.date()));
    default:
      return WrongArgument("toString", v);
  }
}

QueryResult<Value> ConvertToInteger(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
    case Value::Kind::kInteger:
      return v;
    case Value::Kind::kFloat:
      return TruncatedInteger(v.real());  // TypeConversion2 [1]: 82.9 is 82
    case Value::Kind::kBoolean:
      return Value(int64_t{v.boolean() ? 1 : 0});
    case Value::Kind::kString:
      return IntegerFromString(v.string());
    default:
      return WrongArgument("toInteger", v);
  }
}

QueryResult<Value> ConvertToFloat(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
    case Value::Kind::kFloat:
      return v;
    case Value::Kind::kInteger:
      return Value(static_cast<double>(v.integer()));
    case Value::Kind::kString: {
      double d = 0;
      return ReadDouble(v.string(), &d) ? Value(d) : Value::Null();
    }
    default:
      return WrongArgument("toFloat", v);  // TypeConversion3 [6]: booleans too
  }
}

QueryResult<Value> ConvertToBoolean(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
    case Value::Kind::kBoolean:
      return v;
    case Value::Kind::kInteger:
      return Value(v.integer() != 0);
    case Value::Kind::kString:
      if (EqualsIgnoringCase(v.string(), "true")) return Value(true);
      if (EqualsIgnoringCase(v.string(), "false")) return Value(false);
      return Value::Null();  // TypeConversion1 [4]: '', ' tru ', 'f alse'
    default:
      return WrongArgument("toBoolean", v);  // TypeConversion1 [5]: floats too
  }
}

Value OrNull(const QueryResult<Value>& result) { return result.ok() ? *result : Value::Null(); }

}  // namespace

QueryResult<Value> ToStringFunction(const Args& args) { return ConvertToString(args[0]); }
QueryResult<Value> ToIntegerFunction(const Args& args) { return ConvertToInteger(args[0]); }
QueryResult<Value> ToFloatFunction(const Args& args) { return ConvertToFloat(args[0]); }
QueryResult<Value> ToBooleanFunction(const Args& args) { return ConvertToBoolean(args[0]); }
QueryResult<Value> ToStringOrNull(const Args& args) { return OrNull(ConvertToString(args[0])); }
QueryResult<Value> ToIntegerOrNull(const Args& args) { return OrNull(ConvertToInteger(args[0])); }
QueryResult<Value> ToFloatOrNull(const Args& args) { return OrNull(ConvertToFloat(args[0])); }
QueryResult<Value> ToBooleanOrNull(const Args& args) { return OrNull(ConvertToBoolean(args[0])); }

}  // namespace tiegraph::cypher
