// Three-valued boolean logic: AND, OR, XOR, NOT (Boolean1-5).
#include <string>

#include <tiegraph/cypher_semantics.h>

namespace tiegraph::cypher {

namespace {

// Null when v is a boolean or null; else the TypeError that names the operator.
bool IsTruthValue(const Value& v) { return v.is_null() || v.kind() == Value::Kind::kBoolean; }

QueryError NotATruthValue(std::string_view op, const Value& v) {
  return QueryError{
      ErrorClass::kTypeError,
      "InvalidArgumentType",
      std::string(op) + " expects BOOLEAN operands, got " + std::string(KindName(v.kind())),
      {}};
}

}  // namespace

QueryResult<Value> And(const Value& a, const Value& b) {
  if (!IsTruthValue(a)) return NotATruthValue("AND", a);
  if (!IsTruthValue(b)) return NotATruthValue("AND", b);
  if ((!a.is_null() && !a.boolean()) || (!b.is_null() && !b.boolean())) return Value(false);
  if (a.is_null() || b.is_null()) return Value::Null();
  return Value(true);
}

QueryResult<Value> Or(const Value& a, const Value& b) {
  if (!IsTruthValue(a)) return NotATruthValue("OR", a);
  if (!IsTruthValue(b)) return NotATruthValue("OR", b);
  if ((!a.is_null() && a.boolean()) || (!b.is_null() && b.boolean())) return Value(true);
  if (a.is_null() || b.is_null()) return Value::Null();
  return Value(false);
}

QueryResult<Value> Xor(const Value& a, const Value& b) {
  if (!IsTruthValue(a)) return NotATruthValue("XOR", a);
  if (!IsTruthValue(b)) return NotATruthValue("XOR", b);
  if (a.is_null() || b.is_null()) return Value::Null();
  return Value(a.boolean() != b.boolean());
}

QueryResult<Value> Not(const Value& a) {
  if (!IsTruthValue(a)) return NotATruthValue("NOT", a);
  if (a.is_null()) return Value::Null();
  return Value(!a.boolean());
}

}  // namespace tiegraph::cypher
