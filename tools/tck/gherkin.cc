#include "gherkin.h"

#include <fstream>
#include <map>
#include <sstream>
#include <utility>

namespace tiegraph::tck {
namespace {

std::string_view Trim(std::string_view s) {
  const char* kSpace = " \t\r\f\v";
  size_t begin = s.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = s.find_last_not_of(kSpace);
  return s.substr(begin, end - begin + 1);
}

// "Scenario Outline: title" -> "title" when `line` starts with `keyword` and a colon.
std::optional<std::string_view> AfterKeyword(std::string_view line, std::string_view keyword) {
  if (line.substr(0, keyword.size()) != keyword) return std::nullopt;
  std::string_view rest = Trim(line.substr(keyword.size()));
  if (rest.empty() || rest[0] != ':') return std::nullopt;
  return Trim(rest.substr(1));
}

std::optional<std::pair<std::string, std::string_view>> StepKeyword(std::string_view line) {
  for (std::string_view keyword : {"Given", "When", "Then", "And", "But", "*"}) {
    if (line.substr(0, keyword.size()) == keyword &&
        (line.size() == keyword.size() || line[keyword.size()] == ' ' ||
         line[keyword.size()] == '\t')) {
      return std::make_pair(std::string(keyword), Trim(line.substr(keyword.size())));
    }
  }
  return std::nullopt;
}

// Gherkin's cell escapes: `\|`, `\\` and `\n`; any other backslash stays as written (the
// kit's value notation has escapes of its own, read later).
std::string UnescapeCell(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size()) {
      char next = raw[i + 1];
      if (next == '|' || next == '\\') {
        out += next;
        ++i;
        continue;
      }
      if (next == 'n') {
        out += '\n';
        ++i;
        continue;
      }
    }
    out += raw[i];
  }
  return out;
}

// The part of a doc string line beyond the delimiter's indentation (less when the line is less
// indented, as Gherkin does).
std::string_view Dedent(std::string_view line, size_t indent) {
  size_t n = 0;
  while (n < indent && n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return line.substr(n);
}

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// Replaces each `<name>` whose name heads a column of the Examples; anything else between
// angle brackets (a comparison, an arrow, a path value) stays.
std::string Substitute(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      size_t close = text.find_first_of("<>", i + 1);
      if (close != std::string_view::npos && text[close] == '>') {
        auto it = values.find(std::string(text.substr(i + 1, close - i - 1)));
        if (it != values.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

struct Examples {
  int line = 0;
  std::vector<std::string> tags;
  DataTable table;
};

// A Scenario or Scenario Outline being read.
struct ScenarioDraft {
  int line = 0;
  std::string title;
  bool outline = false;
  std::vector<std::string> tags;
  std::vector<Step> steps;
  std::vector<Examples> examples;
};

class Reader {
 public:
  Reader(std::string_view text, std::string path) : path_(std::move(path)) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte order mark
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      start = end + 1;
    }
  }

  Result<Feature> Read() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      Status s = ReadLine(i);
      if (!s.ok()) return s;
    }
    if (!seen_feature_) return Error(1, "no Feature in the file");
    Status s = FinishScenario();
    if (!s.ok()) return s;
    if (!pending_tags_.empty()) return Error(pending_tags_line_, "tags before nothing");
    return std::move(feature_);
  }

 private:
  enum class Section { kNone, kFeature, kBackground, kScenario, kExamples };

  Status Error(int line, const std::string& message) const {
    return Status::InvalidArgument(path_ + ":" + std::to_string(line) + ": " + message);
  }

  // Reads the line at index `i` (and, for a doc string, the lines up to its end: `i` moves).
  Status ReadLine(size_t& i) {
    const int number = static_cast<int>(i) + 1;
    std::string_view line = Trim(lines_[i]);
    if (line.empty() || line[0] == '#') return Status::OK();
    if (line[0] == '@') return ReadTags(line, number);
    if (auto title = AfterKeyword(line, "Feature")) {
      if (seen_feature_) return Error(number, "a second Feature");
      seen_feature_ = true;
      feature_.title = std::string(*title);
      feature_tags_ = TakeTags();
      section_ = Section::kFeature;
      return Status::OK();
    }
    if (!seen_feature_) return Error(number, "expected Feature, found: " + std::string(line));
    if (AfterKeyword(line, "Background")) {
      if (section_ != Section::kFeature || has_background_) {
        return Error(number, "Background must come once, before every scenario");
      }
      has_background_ = true;
      section_ = Section::kBackground;
      if (!pending_tags_.empty()) return Error(number, "tags on a Background");
      return Status::OK();
    }
    for (std::string_view keyword :
         {"Scenario Outline", "Scenario Template", "Scenario", "Example"}) {
      if (auto title = AfterKeyword(line, keyword)) {
        TIEGRAPH_RETURN_IF_ERROR(FinishScenario());
        draft_ = ScenarioDraft{};
        draft_->line = number;
        draft_->title = std::string(*title);
        draft_->outline = keyword == "Scenario Outline" || keyword == "Scenario Template";
        draft_->tags = TakeTags();
        section_ = Section::kScenario;
        return Status::OK();
      }
    }
    if (AfterKeyword(line, "Examples") || AfterKeyword(line, "Scenarios")) {
      if (!draft_ || !draft_->outline) return Error(number, "Examples outside a Scenario Outline");
      draft_->examples.push_back(Examples{number, TakeTags(), {}});
      section_ = Section::kExamples;
      return Status::OK();
    }
    if (!pending_tags_.empty()) {
      return Error(pending_tags_line_, "tags before something untaggable");
    }
    if (auto step = StepKeyword(line)) {
      if (section_ != Section::kBackground && section_ != Section::kScenario) {
        return Error(number, "a step outside a Scenario or Background");
      }
      Steps().push_back(
          Step{number, step->first, std::string(step->second), std::nullopt, std::nullopt});
      return Status::OK();
    }
    if (line[0] == '|') return ReadRow(line, number);
    if (line.substr(0, 3) == "\"\"\"" || line.substr(0, 3) == "```") return ReadDocString(i);
    // Free text: a description, allowed under a header before its first step or row.
    bool description =
        section_ == Section::kFeature ||
        ((section_ == Section::kBackground || section_ == Section::kScenario) && Steps().empty()) ||
        (section_ == Section::kExamples && draft_->examples.back().table.rows.empty());
    if (description) return Status::OK();
    return Error(number, "unexpected line: " + std::string(line));
  }

  Status ReadTags(std::string_view line, int number) {
    std::istringstream words{std::string(line)};
    std::string word;
    while (words >> word) {
      if (word[0] == '#') break;  // a comment after the tags
      if (word[0] != '@' || word.size() == 1) return Error(number, "not a tag: " + word);
      pending_tags_.push_back(word);
    }
    pending_tags_line_ = number;
    return Status::OK();
  }

  std::vector<std::string> TakeTags() { return std::exchange(pending_tags_, {}); }

  std::vector<Step>& Steps() {
    return section_ == Section::kBackground ? background_ : draft_->steps;
  }

  Status ReadRow(std::string_view line, int number) {
    std::vector<std::string> cells;
    size_t start = 1;
    size_t i = 1;
    for (; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;  // an escaped character never ends a cell
      } else if (line[i] == '|') {
        cells.push_back(UnescapeCell(Trim(line.substr(start, i - start))));
        start = i + 1;
      }
    }
    if (start != line.size() && !Trim(line.substr(std::min(start, line.size()))).empty()) {
      return Error(number, "a table row must end with |");
    }
    DataTable* table = nullptr;
    if (section_ == Section::kExamples) {
      table = &draft_->examples.back().table;
    } else if ((section_ == Section::kBackground || section_ == Section::kScenario) &&
               !Steps().empty()) {
      Step& step = Steps().back();
      if (step.doc_string) return Error(number, "a step with both a doc string and a table");
      if (!step.table) step.table = DataTable{number, {}, {}};
      table = &*step.table;
    } else {
      return Error(number, "a table row that belongs to no step or Examples");
    }
    if (!table->rows.empty() && table->rows.front().size() != cells.size()) {
      return Error(number, "this row has " + std::to_string(cells.size()) +
                               " cells, the table's first row " +
                               std::to_string(table->rows.front().size()));
    }
    table->rows.push_back(std::move(cells));
    table->row_lines.push_back(number);
    return Status::OK();
  }

  Status ReadDocString(size_t& i) {
    const int number = static_cast<int>(i) + 1;
    if ((section_ != Section::kBackground && section_ != Section::kScenario) || Steps().empty()) {
      return Error(number, "a doc string that belongs to no step");
    }
    Step& step = Steps().back();
    if (step.doc_string || step.table) return Error(number, "a step with a second argument");
    std::string_view opening = lines_[i];
    size_t indent = opening.find_first_not_of(" \t");
    std::string_view delimiter = Trim(opening).substr(0, 3);
    std::string text;
    for (size_t j = i + 1; j < lines_.size(); ++j) {
      if (Trim(lines_[j]) == delimiter) {
        step.doc_string = std::move(text);
        i = j;
        return Status::OK();
      }
      if (j > i + 1) text += '\n';
      std::string escaped =
          std::string("\\") + delimiter[0] + "\\" + delimiter[0] + "\\" + delimiter[0];
      text += ReplaceAll(std::string(Dedent(lines_[j], indent)), escaped, delimiter);
    }
    return Error(number, "a doc string without its closing " + std::string(delimiter));
  }

  // Turns the scenario being read into runnable scenarios (one per example row of an outline).
  Status FinishScenario() {
    if (!draft_) return Status::OK();
    ScenarioDraft draft = std::move(*draft_);
    draft_.reset();
    std::vector<std::string> tags = feature_tags_;
    tags.insert(tags.end(), draft.tags.begin(), draft.tags.end());
    if (!draft.outline) {
      Scenario scenario{draft.line, draft.title, 0, tags, background_};
      scenario.steps.insert(scenario.steps.end(), draft.steps.begin(), draft.steps.end());
      feature_.scenarios.push_back(std::move(scenario));
      return Status::OK();
    }
    if (draft.examples.empty()) return Error(draft.line, "a Scenario Outline without Examples");
    int example = 0;
    for (const Examples& examples : draft.examples) {
      const auto& rows = examples.table.rows;
      if (rows.empty()) return Error(examples.line, "Examples without a table");
      for (size_t r = 1; r < rows.size(); ++r) {
        std::map<std::string, std::string> values;
        for (size_t c = 0; c < rows[0].size(); ++c) values[rows[0][c]] = rows[r][c];
        Scenario scenario{examples.table.row_lines[r], draft.title, ++example, tags, background_};
        scenario.tags.insert(scenario.tags.end(), examples.tags.begin(), examples.tags.end());
        for (Step step : draft.steps) {
          step.text = Substitute(step.text, values);
          if (step.doc_string) step.doc_string = Substitute(*step.doc_string, values);
          if (step.table) {
            for (auto& row : step.table->rows) {
              for (auto& cell : row) cell = Substitute(cell, values);
            }
          }
          scenario.steps.push_back(std::move(step));
        }
        feature_.scenarios.push_back(std::move(scenario));
      }
    }
    return Status::OK();
  }

  std::string path_;
  std::vector<std::string_view> lines_;
  Feature feature_;
  bool seen_feature_ = false;
  bool has_background_ = false;
  Section section_ = Section::kNone;
  std::vector<std::string> feature_tags_;
  std::vector<std::string> pending_tags_;
  int pending_tags_line_ = 0;
  std::vector<Step> background_;
  std::optional<ScenarioDraft> draft_;
};

}  // namespace

Result<Feature> ReadFeature(std::string_view text, const std::string& path) {
  Result<Feature> feature = Reader(text, path).Read();
  if (feature.ok()) feature->path = path;
  return feature;
}

Result<Feature> ReadFeatureFile(const std::string& file, const std::string& path) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open " + file);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": cannot read " + file);
  return ReadFeature(text.str(), path);
}

}  // namespace tiegraph::tck
