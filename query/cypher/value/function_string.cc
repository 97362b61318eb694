// String functions, in Unicode code points.
#include <algorithm>
#include <string>
#include <vector>

#include "function_bodies.h"

namespace tiegraph::cypher {

namespace {

// The byte offsets where the code points of UTF-8 `text` begin, and text.size() at the end.
std::vector<size_t> CodePointStarts(std::string_view text) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(text.size());
  return starts;
}

bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool AnyNull(const Args& args) {
  return std::any_of(args.begin(), args.end(), [](const Value& v) { return v.is_null(); });
}

// True, with *error set, when some args[i] is not of the i-th kind.
bool WrongKinds(std::string_view function, const Args& args,
                std::initializer_list<Value::Kind> kinds, QueryError* error) {
  size_t i = 0;
  for (const Value::Kind kind : kinds) {
    if (i < args.size() && args[i].kind() != kind) {
      *error = WrongArgument(function, args[i]);
      return true;
    }
    ++i;
  }
  return false;
}

QueryResult<Value> MapAscii(std::string_view function, const Args& args, char from, char to) {
  if (args[0].is_null()) return Value::Null();
  if (args[0].kind() != Value::Kind::kString) return WrongArgument(function, args[0]);
  std::string text = args[0].string();
  for (char& c : text) {
    if (c >= from && c <= from + 25) c = static_cast<char>(c - from + to);
  }
  return Value(std::move(text));
}

QueryResult<Value> TrimSides(std::string_view function, const Args& args, bool left, bool right) {
  if (args[0].is_null()) return Value::Null();
  if (args[0].kind() != Value::Kind::kString) return WrongArgument(function, args[0]);
  std::string_view text = args[0].string();
  while (left && !text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (right && !text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return Value(std::string(text));
}

QueryResult<Value> NegativeArgument(std::string_view function) {
  return BadArgument("NumberOutOfRange",
                     std::string(function) + "() takes no negative positions or lengths");
}

// The code points [first, first + count) of text (clamped to its end).
std::string CodePoints(std::string_view text, int64_t first, int64_t count) {
  const std::vector<size_t> starts = CodePointStarts(text);
  const auto total = static_cast<int64_t>(starts.size()) - 1;
  const int64_t begin = std::min(first, total);
  const int64_t end = count > total - begin ? total : begin + count;
  return std::string(text.substr(starts[begin], starts[end] - starts[begin]));
}

}  // namespace

int64_t CodePointCount(std::string_view text) {
  return static_cast<int64_t>(CodePointStarts(text).size()) - 1;
}

QueryResult<Value> ToLower(const Args& args) { return MapAscii("toLower", args, 'A', 'a'); }
QueryResult<Value> ToUpper(const Args& args) { return MapAscii("toUpper", args, 'a', 'A'); }
QueryResult<Value> Trim(const Args& args) { return TrimSides("trim", args, true, true); }
QueryResult<Value> LTrim(const Args& args) { return TrimSides("ltrim", args, true, false); }
QueryResult<Value> RTrim(const Args& args) { return TrimSides("rtrim", args, false, true); }

QueryResult<Value> Substring(const Args& args) {
  if (AnyNull(args)) return Value::Null();
  QueryError error;
  if (WrongKinds("substring", args,
                 {Value::Kind::kString, Value::Kind::kInteger, Value::Kind::kInteger}, &error)) {
    return error;
  }
  const int64_t start = args[1].integer();
  const int64_t length = args.size() > 2 ? args[2].integer() : INT64_MAX;
  if (start < 0 || length < 0) return NegativeArgument("substring");
  return Value(CodePoints(args[0].string(), start, length));  // String1 [1]
}

QueryResult<Value> Left(const Args& args) {
  if (AnyNull(args)) return Value::Null();
  QueryError error;
  if (WrongKinds("left", args, {Value::Kind::kString, Value::Kind::kInteger}, &error)) {
    return error;
  }
  if (args[1].integer() < 0) return NegativeArgument("left");
  return Value(CodePoints(args[0].string(), 0, args[1].integer()));
}

QueryResult<Value> Right(const Args& args) {
  if (AnyNull(args)) return Value::Null();
  QueryError error;
  if (WrongKinds("right", args, {Value::Kind::kString, Value::Kind::kInteger}, &error)) {
    return error;
  }
  const int64_t count = args[1].integer();
  if (count < 0) return NegativeArgument("right");
  const int64_t total = CodePointCount(args[0].string());
  const int64_t first = count >= total ? 0 : total - count;
  return Value(CodePoints(args[0].string(), first, count));
}

QueryResult<Value> Replace(const Args& args) {
  if (AnyNull(args)) return Value::Null();
  QueryError error;
  if (WrongKinds("replace", args,
                 {Value::Kind::kString, Value::Kind::kString, Value::Kind::kString}, &error)) {
    return error;
  }
  const std::string& text = args[0].string();
  const std::string& search = args[1].string();
  const std::string& replacement = args[2].string();
  std::string out;
  if (search.empty()) {
    // Between every two code points and at both ends, as Java's String.replace does.
    const std::vector<size_t> starts = CodePointStarts(text);
    for (size_t i = 0; i + 1 < starts.size(); ++i) {
      out += replacement;
      out.append(text, starts[i], starts[i + 1] - starts[i]);
    }
    out += replacement;
    return Value(std::move(out));
  }
  size_t from = 0;
  for (size_t at = text.find(search); at != std::string::npos; at = text.find(search, from)) {
    out.append(text, from, at - from);
    out += replacement;
    from = at + search.size();
  }
  out.append(text, from, std::string::npos);
  return Value(std::move(out));
}

QueryResult<Value> Split(const Args& args) {
  if (AnyNull(args)) return Value::Null();
  if (args[0].kind() != Value::Kind::kString) return WrongArgument("split", args[0]);
  if (args[1].kind() != Value::Kind::kString) return WrongArgument("split", args[1]);
  const std::string& text = args[0].string();
  const std::string& delimiter = args[1].string();
  List parts;
  if (delimiter.empty()) {
    const std::vector<size_t> starts = CodePointStarts(text);
    for (size_t i = 0; i + 1 < starts.size(); ++i) {
      parts.emplace_back(text.substr(starts[i], starts[i + 1] - starts[i]));
    }
    return Value(std::move(parts));
  }
  size_t from = 0;
  for (size_t at = text.find(delimiter); at != std::string::npos; at = text.find(delimiter, from)) {
    parts.emplace_back(text.substr(from, at - from));
    from = at + delimiter.size();
  }
  parts.emplace_back(text.substr(from));  // String4 [1]: split('one1two', '1') has 2 parts
  return Value(std::move(parts));
}

QueryResult<Value> Reverse(const Args& args) {
  const Value& v = args[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() == Value::Kind::kList) {
    List reversed(v.list().rbegin(), v.list().rend());
    return Value(std::move(reversed));
  }
  if (v.kind() != Value::Kind::kString) return WrongArgument("reverse", v);
  const std::string& text = v.string();
  const std::vector<size_t> starts = CodePointStarts(text);
  std::string out;
  for (size_t i = starts.size() - 1; i > 0; --i) {
    out.append(text, starts[i - 1], starts[i] - starts[i - 1]);
  }
  return Value(std::move(out));  // String3 [1]: reverse('raksO') is 'Oskar'
}

}  // namespace tiegraph::cypher
