// QueryError: why a query could not be compiled or run, in the classes and detail codes of the
// openCypher conformance kit (SyntaxError / UndefinedVariable, TypeError / InvalidArgumentValue…),
// with the place in the query text it concerns. No exception crosses the API: every stage of
// the query pipeline returns a QueryResult<T>.
#ifndef TIEGRAPH_QUERY_ERROR_H_
#define TIEGRAPH_QUERY_ERROR_H_

#include <string>
#include <string_view>
#include <utility>

namespace tiegraph::cypher {

// The error classes of the openCypher TCK ("a SyntaxError should be raised at compile time"),
// and the limits every query runs under.
enum class ErrorClass {
  kSyntaxError,
  kSemanticError,
  kTypeError,
  kArgumentError,
  kArithmeticError,  // integer overflow, integer division by zero (the kit's README lists it)
  kEntityNotFound,
  kConstraintVerificationFailed,
  kParameterMissing,
  kProcedureError,
  kTimeout,        // the query ran longer than its time limit
  kLimitExceeded,  // rows or memory beyond the configured limits
  kStorageError,   // the database refused or failed (the message says why)
};

std::string_view ErrorClassName(ErrorClass error_class);  // "SyntaxError", …

// A place in the query text: 1-based line, and 1-based column counted in code points.
// Line 0 means the error concerns no particular place (a runtime limit, a storage failure).
struct TextPosition {
  int line = 0;
  int column = 0;
  bool known() const { return line > 0; }
};

struct QueryError {
  ErrorClass error_class = ErrorClass::kSyntaxError;
  std::string code;  // the TCK's detail code: "UnexpectedSyntax", "VariableAlreadyBound"…
  std::string message;
  TextPosition position;

  // "SyntaxError (UndefinedVariable) at 1:14: variable `x` is not defined", then, when the
  // position is known, the offending line of `query` and a caret under the column.
  std::string Render(std::string_view query) const;
};

// A value or the QueryError that explains its absence.
template <typename T>
class [[nodiscard]] QueryResult {
 public:
  QueryResult(T value) : value_(std::move(value)) {}                       // NOLINT: implicit
  QueryResult(QueryError error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  const QueryError& error() const { return error_; }
  // REQUIRES: ok()
  T& value() { return value_; }
  const T& value() const { return value_; }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }
  T& operator*() { return value_; }
  const T& operator*() const { return value_; }

 private:
  T value_{};
  QueryError error_;
  bool ok_ = true;
};

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_QUERY_ERROR_H_
