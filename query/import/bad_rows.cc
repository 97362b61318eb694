#include "bad_rows.h"

namespace tiegraph {

void BadRows::Add(const Status& error) {
  if (shown_.size() < limit_) {
    shown_.push_back(error);
  } else {
    ++more_;
  }
}

void BadRows::Append(const BadRows& later) {
  for (const Status& s : later.shown_) Add(s);
  more_ += later.more_;
}

Status BadRows::ToStatus() const {
  if (empty()) return Status::OK();
  std::string message;
  Status::Code code = Status::Code::kInvalidArgument;
  for (const Status& s : shown_) {
    if (!message.empty()) message += '\n';
    message += s.message();
    // One error the user cannot fix in the input decides the exit code.
    if (!s.IsInvalidArgument() && !s.IsNotFound()) code = s.code();
  }
  if (more_ > 0) {
    if (!message.empty()) message += '\n';
    message += "… and " + std::to_string(more_) + " more bad row" + (more_ == 1 ? "" : "s");
  }
  switch (code) {
    case Status::Code::kCorruption:
      return Status::Corruption(message);
    case Status::Code::kIOError:
      return Status::IOError(message);
    case Status::Code::kNotSupported:
      return Status::NotSupported(message);
    default:
      return Status::InvalidArgument(message);
  }
}

}  // namespace tiegraph
