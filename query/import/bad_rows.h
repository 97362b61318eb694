// The input errors of one import, gathered so that one run shows everything wrong with the
// files: the first `limit` messages are kept, the rest only counted.
#ifndef TIEGRAPH_QUERY_BAD_ROWS_H_
#define TIEGRAPH_QUERY_BAD_ROWS_H_

#include <string>
#include <vector>

#include <tiegraph/status.h>

namespace tiegraph {

class BadRows {
 public:
  explicit BadRows(size_t limit) : limit_(limit > 0 ? limit : 1) {}
  // Records one bad row (or bad file); `error` must not be OK.
  void Add(const Status& error);
  // Adds `later`'s rows after this one's, as if they had been added here.
  void Append(const BadRows& later);
  bool empty() const { return count() == 0; }
  size_t count() const { return shown_.size() + more_; }
  size_t limit() const { return limit_; }
  // OK when there are none; otherwise the kept messages, one a line, then "… and N more bad
  // rows" for the rest. InvalidArgument, unless a kept error was a storage or I/O one.
  Status ToStatus() const;

 private:
  size_t limit_;
  std::vector<Status> shown_;
  size_t more_ = 0;
};

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_BAD_ROWS_H_
