#include "csv_reader.h"

#include <cstring>

namespace tiegraph {

void CsvReader::Fail(size_t line, size_t field, const char* what) {
  error_line_ = line;
  error_field_ = field;
  status_ = Status::InvalidArgument(what);
}

bool CsvReader::Next(std::vector<std::string_view>* fields) {
  fields->clear();
  unescaped_used_ = 0;
  // Blank lines between records are skipped.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  const char* data = text_.data();
  const size_t n = text_.size();
  while (true) {
    if (pos_ < n && data[pos_] == '"') {
      const size_t open_line = line_;
      size_t start = ++pos_;
      bool escaped = false;
      while (true) {
        const void* q = std::memchr(data + pos_, '"', n - pos_);
        if (!q) {
          Fail(open_line, fields->size(),
               "unterminated quoted field: the \" opened on this line is never closed, so the "
               "field runs to the end of the file");
          return false;
        }
        size_t qpos = static_cast<size_t>(static_cast<const char*>(q) - data);
        for (size_t i = pos_; i < qpos; ++i) line_ += data[i] == '\n';
        if (qpos + 1 < n && data[qpos + 1] == '"') {
          escaped = true;
          pos_ = qpos + 2;
          continue;
        }
        pos_ = qpos + 1;
        std::string_view raw(data + start, qpos - start);
        if (!escaped) {
          fields->push_back(raw);
        } else {
          if (unescaped_used_ == unescaped_.size()) unescaped_.emplace_back();
          std::string& s = unescaped_[unescaped_used_++];
          s.clear();
          for (size_t i = 0; i < raw.size(); ++i) {
            s.push_back(raw[i]);
            if (raw[i] == '"') ++i;  // skip the second quote of ""
          }
          fields->push_back(s);
        }
        break;
      }
      if (pos_ < n && data[pos_] != ',' && data[pos_] != '\n' && data[pos_] != '\r') {
        Fail(line_, fields->size() - 1, "text after a closing quote");
        return false;
      }
    } else {
      size_t start = pos_;
      while (pos_ < n && data[pos_] != ',' && data[pos_] != '\n' && data[pos_] != '\r') {
        if (data[pos_] == '"') {
          Fail(line_, fields->size(), "a quote inside an unquoted field (quote the whole field)");
          return false;
        }
        ++pos_;
      }
      fields->emplace_back(data + start, pos_ - start);
    }
    end_line_ = line_;
    if (pos_ >= n) return true;
    if (data[pos_] == ',') {
      ++pos_;
      continue;
    }
    // End of record: CRLF or LF.
    if (data[pos_] == '\r') ++pos_;
    if (pos_ < n && data[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    return true;
  }
}

}  // namespace tiegraph
