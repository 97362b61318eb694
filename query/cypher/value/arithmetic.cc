// Arithmetic: + - * / % ^ and unary minus, with `+` also concatenating strings and lists
// (CIP2017-05-18).
#include <cmath>
#include <string>

#include <tiegraph/cypher_render.h>
#include <tiegraph/cypher_semantics.h>

namespace tiegraph::cypher {

namespace {

QueryError Overflow(std::string_view op) {
  return QueryError{ErrorClass::kArithmeticError,
                    "IntegerOverflow",
                    "integer overflow in " + std::string(op),
                    {}};
}

QueryError WrongTypes(ArithmeticOp op, const Value& a, const Value& b) {
  return QueryError{ErrorClass::kTypeError,
                    "InvalidArgumentType",
                    "cannot apply " + std::string(ArithmeticOpSymbol(op)) + " to " +
                        std::string(KindName(a.kind())) + " and " + std::string(KindName(b.kind())),
                    {}};
}

// The text `+` concatenates for a scalar (as toString gives it); false for other kinds.
bool ConcatenationText(const Value& v, std::string* out) {
  switch (v.kind()) {
    case Value::Kind::kString:
      *out = v.string();
      return true;
    case Value::Kind::kInteger:
      *out = std::to_string(v.integer());
      return true;
    case Value::Kind::kFloat:
      *out = FloatText(v.real());
      return true;
    case Value::Kind::kBoolean:
      *out = v.boolean() ? "true" : "false";
      return true;
    case Value::Kind::kDate:
      *out = DateText(v.date());
      return true;
    default:
      return false;
  }
}

QueryResult<Value> IntegerArithmetic(ArithmeticOp op, int64_t a, int64_t b) {
  int64_t result = 0;
  switch (op) {
    case ArithmeticOp::kAdd:
      if (__builtin_add_overflow(a, b, &result)) return Overflow("+");
      return Value(result);
    case ArithmeticOp::kSubtract:
      if (__builtin_sub_overflow(a, b, &result)) return Overflow("-");
      return Value(result);
    case ArithmeticOp::kMultiply:
      if (__builtin_mul_overflow(a, b, &result)) return Overflow("*");
      return Value(result);
    case ArithmeticOp::kDivide:
    case ArithmeticOp::kModulo:
      if (b == 0) {
        return QueryError{ErrorClass::kArithmeticError,
                          "DivisionByZero",
                          std::string(op == ArithmeticOp::kDivide ? "/" : "%") + " by integer zero",
                          {}};
      }
      if (a == INT64_MIN && b == -1) {
        if (op == ArithmeticOp::kModulo) return Value(int64_t{0});
        return Overflow("/");
      }
      return Value(op == ArithmeticOp::kDivide ? a / b : a % b);  // C++ truncates, as Java
    case ArithmeticOp::kPower:
      return Value(std::pow(static_cast<double>(a), static_cast<double>(b)));
  }
  return Value::Null();
}

Value FloatArithmetic(ArithmeticOp op, double a, double b) {
  switch (op) {
    case ArithmeticOp::kAdd:
      return a + b;
    case ArithmeticOp::kSubtract:
      return a - b;
    case ArithmeticOp::kMultiply:
      return a * b;
    case ArithmeticOp::kDivide:
      return a / b;  // IEEE 754: 1.0 / 0 is Inf, 0.0 / 0 is NaN
    case ArithmeticOp::kModulo:
      return std::fmod(a, b);
    case ArithmeticOp::kPower:
      return std::pow(a, b);
  }
  return Value::Null();
}

}  // namespace

std::string_view ArithmeticOpSymbol(ArithmeticOp op) {
  switch (op) {
    case ArithmeticOp::kAdd:
      return "+";
    case ArithmeticOp::kSubtract:
      return "-";
    case ArithmeticOp::kMultiply:
      return "*";
    case ArithmeticOp::kDivide:
      return "/";
    case ArithmeticOp::kModulo:
      return "%";
    case ArithmeticOp::kPower:
      return "^";
  }
  return "?";
}

QueryResult<Value> Arithmetic(ArithmeticOp op, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  if (a.is_number() && b.is_number()) {
    if (a.kind() == Value::Kind::kInteger && b.kind() == Value::Kind::kInteger) {
      return IntegerArithmetic(op, a.integer(), b.integer());
    }
    return FloatArithmetic(op, a.number(), b.number());
  }
  if (op != ArithmeticOp::kAdd) return WrongTypes(op, a, b);
  const bool a_list = a.kind() == Value::Kind::kList;
  const bool b_list = b.kind() == Value::Kind::kList;
  if (a_list || b_list) {
    List joined;
    if (a_list) {
      joined = a.list();
    } else {
      joined.push_back(a);
    }
    if (b_list) {
      joined.insert(joined.end(), b.list().begin(), b.list().end());
    } else {
      joined.push_back(b);
    }
    return Value(std::move(joined));
  }
  if (a.kind() == Value::Kind::kString || b.kind() == Value::Kind::kString) {
    std::string left;
    std::string right;
    if (ConcatenationText(a, &left) && ConcatenationText(b, &right)) return Value(left + right);
  }
  return WrongTypes(op, a, b);
}

QueryResult<Value> Negate(const Value& a) {
  switch (a.kind()) {
    case Value::Kind::kNull:
      return Value::Null();
    case Value::Kind::kInteger:
      if (a.integer() == INT64_MIN) return Overflow("unary -");
      return Value(-a.integer());
    case Value::Kind::kFloat:
      return Value(-a.real());
    default:
      return QueryError{ErrorClass::kTypeError,
                        "InvalidArgumentType",
                        "cannot apply unary - to " + std::string(KindName(a.kind())),
                        {}};
  }
}

}  // namespace tiegraph::cypher
