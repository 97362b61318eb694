// Numeric functions.
#include <cmath>
#include <random>
#include <string>

#include "function_bodies.h"

namespace tiegraph::cypher {

namespace {

constexpr double kPi = 3.14159265358979323846;

// A function of one number giving a float; null for null, TypeError for anything else.
QueryResult<Value> FloatOf(std::string_view function, const Args& args, double (*f)(double)) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();
  if (!v.is_number()) return WrongArgument(function, v);
  return Value(f(v.number()));
}

double RoundHalfUp(double x) {
  // Halves go toward positive infinity (round(-2.5) is -2.0), without the x + 0.5 rounding
  // error that turns 0.49999999999999994 into 1.
  const double below = std::floor(x);
  return x - below >= 0.5 ? below + 1 : below;
}

}  // namespace

QueryResult<Value> Abs(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() == Value::Kind::kInteger) {
    if (v.integer() == INT64_MIN) {
      return QueryError{ErrorClass::kArithmeticError,
                        "IntegerOverflow",
                        "abs() of the smallest integer overflows",
                        {}};
    }
    return Value(v.integer() < 0 ? -v.integer() : v.integer());  // Mathematical11 [1]
  }
  if (v.kind() == Value::Kind::kFloat) return Value(std::fabs(v.real()));
  return WrongArgument("abs", v);
}

QueryResult<Value> Ceil(const Args& args) {
  return FloatOf("ceil", args, [](double x) { return std::ceil(x); });
}
QueryResult<Value> Floor(const Args& args) {
  return FloatOf("floor", args, [](double x) { return std::floor(x); });
}

QueryResult<Value> Round(const Args& args) {
  const Value& v = args[0];
  if (v.is_null() || (args.size() > 1 && args[1].is_null())) return Value::Null();
  if (!v.is_number()) return WrongArgument("round", v);
  if (args.size() == 1) return Value(RoundHalfUp(v.number()));
  if (args[1].kind() != Value::Kind::kInteger) return WrongArgument("round", args[1]);
  const int64_t precision = args[1].integer();
  if (precision < 0) {
    return BadArgument("NumberOutOfRange", "round() takes a precision of 0 or more");
  }
  if (precision > 15 || !std::isfinite(v.number())) return Value(v.number());
  const double scale = std::pow(10.0, static_cast<double>(precision));
  return Value(std::round(v.number() * scale) / scale);  // halves away from zero
}

QueryResult<Value> Sign(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();
  if (!v.is_number()) return WrongArgument("sign", v);
  if (v.kind() == Value::Kind::kFloat && std::isnan(v.real())) return Value(int64_t{0});
  const double x = v.number();
  return Value(int64_t{x > 0 ? 1 : x < 0 ? -1 : 0});
}

QueryResult<Value> Sqrt(const Args& args) {
  return FloatOf("sqrt", args, [](double x) { return std::sqrt(x); });
}
QueryResult<Value> Exp(const Args& args) {
  return FloatOf("exp", args, [](double x) { return std::exp(x); });
}
QueryResult<Value> Log(const Args& args) {
  return FloatOf("log", args, [](double x) { return std::log(x); });
}
QueryResult<Value> Log10(const Args& args) {
  return FloatOf("log10", args, [](double x) { return std::log10(x); });
}
QueryResult<Value> E(const Args&) { return Value(std::exp(1.0)); }
QueryResult<Value> Pi(const Args&) { return Value(kPi); }
QueryResult<Value> Rand(const Args&) {
  // Uniform in [0, 1); one generator per thread, seeded from the system's entropy.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return Value(std::uniform_real_distribution<double>(0.0, 1.0)(generator));
}
QueryResult<Value> Sin(const Args& args) {
  return FloatOf("sin", args, [](double x) { return std::sin(x); });
}
QueryResult<Value> Cos(const Args& args) {
  return FloatOf("cos", args, [](double x) { return std::cos(x); });
}
QueryResult<Value> Tan(const Args& args) {
  return FloatOf("tan", args, [](double x) { return std::tan(x); });
}
QueryResult<Value> Cot(const Args& args) {
  return FloatOf("cot", args, [](double x) { return 1.0 / std::tan(x); });
}
QueryResult<Value> Asin(const Args& args) {
  return FloatOf("asin", args, [](double x) { return std::asin(x); });
}
QueryResult<Value> Acos(const Args& args) {
  return FloatOf("acos", args, [](double x) { return std::acos(x); });
}
QueryResult<Value> Atan(const Args& args) {
  return FloatOf("atan", args, [](double x) { return std::atan(x); });
}
QueryResult<Value> Degrees(const Args& args) {
  return FloatOf("degrees", args, [](double x) { return x * 180.0 / kPi; });
}
QueryResult<Value> Radians(const Args& args) {
  return FloatOf("radians", args, [](double x) { return x * kPi / 180.0; });
}

QueryResult<Value> Atan2(const Args& args) {
  if (args[0].is_null() || args[1].is_null()) return Value::Null();
  if (!args[0].is_number()) return WrongArgument("atan2", args[0]);
  if (!args[1].is_number()) return WrongArgument("atan2", args[1]);
  return Value(std::atan2(args[0].number(), args[1].number()));
}

}  // namespace tiegraph::cypher
