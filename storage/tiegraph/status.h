// Status: the outcome of every fallible call in the public API.
// No exception crosses the API; callers test ok() and read message().
#ifndef TIEGRAPH_STATUS_H_
#define TIEGRAPH_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace tiegraph {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // bad input or usage: CLI exit code 1
    kCorruption,       // a record or directory that is not what it should be: exit 2
    kIOError,          // the file system or RocksDB failed: exit 2
    kNotSupported,
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status NotSupported(std::string msg) {
    return Status(Code::kNotSupported, std::move(msg));
  }

  bool ok() const { return code_ == Code::kOk; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsIOError() const { return code_ == Code::kIOError; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "Invalid argument: <message>", or "OK".
  std::string ToString() const;
  // The same status with "context: " before its message (an error names where it arose).
  Status WithContext(std::string_view context) const {
    return ok() ? *this : Status(code_, std::string(context) + ": " + message_);
  }
  // For an intentionally ignored status (makes the intent visible at the call site).
  void PermitUnchecked() const {}

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains its absence.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() { return value_; }
  const T& value() const { return value_; }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }
  T& operator*() { return value_; }
  const T& operator*() const { return value_; }

 private:
  Status status_;
  T value_{};
};

}  // namespace tiegraph

#define TIEGRAPH_RETURN_IF_ERROR(expr) \
  do {                                 \
    ::tiegraph::Status _tg_s = (expr); \
    if (!_tg_s.ok()) return _tg_s;     \
  } while (0)

#endif  // TIEGRAPH_STATUS_H_
