// A strict RFC 4180 reader over an in-memory file: quoted fields, "" escapes, CRLF or LF.
// Fields are views into the buffer unless they needed unescaping.
#ifndef TIEGRAPH_QUERY_CSV_READER_H_
#define TIEGRAPH_QUERY_CSV_READER_H_

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/status.h>

namespace tiegraph {

class CsvReader {
 public:
  // `first_line` numbers the first line of `text` (for reading a file from the middle).
  explicit CsvReader(std::string_view text, size_t first_line = 1)
      : text_(text), line_(first_line) {}
  // Reads the next record into `fields`. Returns false at the end of the input or on an error
  // (then status() says what, at error_line() in field number error_field(), 0-based).
  // line() is the line the record started on (1-based), end_line() the one it ended on: they
  // differ when a quoted field holds a line break.
  bool Next(std::vector<std::string_view>* fields);
  const Status& status() const { return status_; }
  size_t error_line() const { return error_line_; }
  size_t error_field() const { return error_field_; }
  size_t line() const { return record_line_; }
  size_t end_line() const { return end_line_; }
  size_t offset() const { return pos_; }  // bytes consumed so far

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t record_line_ = 0, end_line_ = 0;
  void Fail(size_t line, size_t field, const char* what);
  Status status_;
  size_t error_line_ = 0, error_field_ = 0;
  std::deque<std::string> unescaped_;  // fields that contained ""; a deque keeps views valid
  size_t unescaped_used_ = 0;
};

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_CSV_READER_H_
