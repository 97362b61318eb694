// Reads the openCypher conformance kit as data for the value tests: the kit's notation for
// values (null, booleans, numbers, 'strings', lists, maps; not graph elements), the tables of
// a scenario, and the query text. The kit stays outside the repository; its folder is
// $TIEGRAPH_TCK_DIR or ../shared/tck beside the source tree.
#ifndef TIEGRAPH_TESTS_QUERY_CYPHER_KIT_READER_H_
#define TIEGRAPH_TESTS_QUERY_CYPHER_KIT_READER_H_

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/cypher_value.h>

namespace tiegraph::cypher::testing {

inline std::string KitDirectory() {
  if (const char* dir = std::getenv("TIEGRAPH_TCK_DIR")) return dir;
  return std::string(TIEGRAPH_SOURCE_DIR) + "/../shared/tck";
}

// The text of features/<relative>, or "" when the kit is not there.
inline std::string ReadFeature(const std::string& relative) {
  std::ifstream in(KitDirectory() + "/features/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A value in the kit's notation; nullopt for anything else (an expression such as 0.0 / 0.0).
class KitValueReader {
 public:
  static std::optional<Value> Read(std::string_view text) {
    KitValueReader reader(text);
    std::optional<Value> v = reader.ReadValue();
    reader.SkipSpace();
    if (!v || reader.at_ < text.size()) return std::nullopt;
    return v;
  }

 private:
  explicit KitValueReader(std::string_view text) : text_(text) {}

  void SkipSpace() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
  }
  bool Take(std::string_view word) {
    SkipSpace();
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  std::optional<Value> ReadValue() {
    SkipSpace();
    if (at_ >= text_.size()) return std::nullopt;
    const char c = text_[at_];
    if (c == '[') return ReadList();
    if (c == '{') return ReadMap();
    if (c == '\'') return ReadString();
    if (Take("null")) return Value::Null();
    if (Take("true")) return Value(true);
    if (Take("false")) return Value(false);
    if (Take("NaN")) return Value(std::nan(""));
    if (Take("Inf")) return Value(HUGE_VAL);
    if (Take("-Inf")) return Value(-HUGE_VAL);
    return ReadNumber();
  }

  std::optional<Value> ReadNumber() {
    const size_t start = at_;
    if (at_ < text_.size() && text_[at_] == '-') ++at_;
    bool is_float = false;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '.' || c == 'e' || c == 'E') {
        is_float = true;
      } else if (!std::isdigit(static_cast<unsigned char>(c)) &&
                 !((c == '-' || c == '+') && (text_[at_ - 1] == 'e' || text_[at_ - 1] == 'E'))) {
        break;
      }
      ++at_;
    }
    const std::string number(text_.substr(start, at_ - start));
    if (number.empty() || number == "-") return std::nullopt;
    if (is_float) return Value(std::strtod(number.c_str(), nullptr));
    return Value(static_cast<int64_t>(std::strtoll(number.c_str(), nullptr, 10)));
  }

  std::optional<Value> ReadString() {
    std::string out;
    ++at_;  // the opening quote
    while (at_ < text_.size() && text_[at_] != '\'') {
      if (text_[at_] == '\\' && at_ + 1 < text_.size()) {
        ++at_;
        const char escaped = text_[at_];
        out += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
      } else {
        out += text_[at_];
      }
      ++at_;
    }
    if (at_ >= text_.size()) return std::nullopt;
    ++at_;
    return Value(std::move(out));
  }

  std::optional<Value> ReadList() {
    ++at_;
    List list;
    if (Take("]")) return Value(std::move(list));
    do {
      std::optional<Value> element = ReadValue();
      if (!element) return std::nullopt;
      list.push_back(*element);
    } while (Take(","));
    if (!Take("]")) return std::nullopt;
    return Value(std::move(list));
  }

  std::optional<Value> ReadMap() {
    ++at_;
    Map map;
    if (Take("}")) return Value(std::move(map));
    do {
      SkipSpace();
      std::string key;
      if (Take("`")) {
        while (at_ < text_.size() && text_[at_] != '`') key += text_[at_++];
        ++at_;
      } else {
        while (at_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[at_])) || text_[at_] == '_')) {
          key += text_[at_++];
        }
      }
      if (!Take(":")) return std::nullopt;
      std::optional<Value> value = ReadValue();
      if (!value) return std::nullopt;
      map[key] = *value;
    } while (Take(","));
    if (!Take("}")) return std::nullopt;
    return Value(std::move(map));
  }

  std::string_view text_;
  size_t at_ = 0;
};

// The part of a feature file that belongs to the scenario whose title holds `tag` ("[6]").
inline std::string ScenarioText(const std::string& feature, std::string_view tag) {
  size_t start = std::string::npos;
  for (size_t at = feature.find("Scenario"); at != std::string::npos;
       at = feature.find("Scenario", at + 1)) {
    const size_t line_end = feature.find('\n', at);
    if (feature.substr(at, line_end - at).find(tag) != std::string::npos) {
      start = at;
      break;
    }
  }
  if (start == std::string::npos) return "";
  const size_t next = feature.find("\n  Scenario", start + 1);
  return feature.substr(start, next == std::string::npos ? std::string::npos : next - start);
}

// The rows of the first table after `marker` in `text` (header first), cells trimmed, the
// table's escapes (\\ and \|) undone.
inline std::vector<std::vector<std::string>> TableAfter(const std::string& text,
                                                        std::string_view marker) {
  std::vector<std::vector<std::string>> rows;
  size_t at = text.find(marker);
  if (at == std::string::npos) return rows;
  at = text.find('\n', at);
  std::istringstream lines(text.substr(at + 1));
  std::string line;
  while (std::getline(lines, line)) {
    const size_t bar = line.find_first_not_of(" ");
    if (bar == std::string::npos || line[bar] != '|') {
      if (rows.empty()) continue;
      break;
    }
    std::vector<std::string> cells;
    std::string cell;
    for (size_t i = bar + 1; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size() && (line[i + 1] == '\\' || line[i + 1] == '|')) {
        cell += line[++i];
      } else if (line[i] == '|') {
        const size_t first = cell.find_first_not_of(' ');
        const size_t last = cell.find_last_not_of(' ');
        cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
        cell.clear();
      } else {
        cell += line[i];
      }
    }
    rows.push_back(cells);
  }
  return rows;
}

// The query of a scenario: the text between the first pair of """ lines after "executing query".
inline std::string QueryOf(const std::string& scenario) {
  const size_t when = scenario.find("executing query");
  const size_t open = scenario.find("\"\"\"", when);
  const size_t close = scenario.find("\"\"\"", open + 3);
  if (when == std::string::npos || open == std::string::npos || close == std::string::npos) {
    return "";
  }
  return scenario.substr(open + 3, close - open - 3);
}

}  // namespace tiegraph::cypher::testing

#endif  // TIEGRAPH_TESTS_QUERY_CYPHER_KIT_READER_H_
