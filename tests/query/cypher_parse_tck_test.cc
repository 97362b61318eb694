// The conformance sweep of the parse stage: every query of the openCypher conformance kit
// (the doc string after "When executing query:") must parse, except those whose scenario
// expects a SyntaxError with one of the lexical or grammatical detail codes, which must fail
// with exactly that code. Scenarios expecting any other compile-time error (undefined
// variables, misplaced aggregations…) fail in a later stage, so their queries must parse.
// Scenario Outlines whose query has <placeholders> are counted apart, once per Examples row
// with the row's values filled in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <tiegraph/cypher_parser.h>

namespace tiegraph::cypher {
namespace {

// The codes the parse stage owns.
const std::set<std::string> kParseCodes = {
    "UnexpectedSyntax",      "InvalidNumberLiteral",    "IntegerOverflow",
    "InvalidUnicodeLiteral", "InvalidUnicodeCharacter", "InvalidRelationshipPattern",
};

// Queries deliberately outside the subset: none so far. Key: "<feature file> | <scenario>".
const std::map<std::string, std::string> kOutOfSubset = {};

struct TckQuery {
  std::string feature;   // path under features/
  std::string scenario;  // the Scenario line
  std::string query;
  std::string expected_code;  // empty: must parse
  bool from_outline = false;  // a Scenario Outline's query with an Examples row filled in
};

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// The cells of a Gherkin table row "| a | b |".
std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  size_t at = row.find('|');
  while (at != std::string::npos) {
    const size_t next = row.find('|', at + 1);
    if (next == std::string::npos) break;
    cells.push_back(Trim(row.substr(at + 1, next - at - 1)));
    at = next;
  }
  return cells;
}

std::string Substitute(std::string text, const std::vector<std::string>& names,
                       const std::vector<std::string>& values) {
  for (size_t i = 0; i < names.size() && i < values.size(); ++i) {
    const std::string placeholder = "<" + names[i] + ">";
    for (size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + values[i].size())) {
      text.replace(at, placeholder.size(), values[i]);
    }
  }
  return text;
}

// The detail code a Then step expects of the parse stage, or "" when the query must parse.
std::string ExpectedCode(const std::string& then) {
  const std::string marker = "a SyntaxError should be raised at compile time: ";
  const size_t at = then.find(marker);
  if (at == std::string::npos) return "";
  const std::string code = Trim(then.substr(at + marker.size()));
  return kParseCodes.count(code) ? code : "";
}

// Reads the queries of one scenario (lines [begin, end) of a feature file). A Scenario
// Outline whose query has <placeholders> yields one query per row of its Examples tables.
void ReadScenario(const std::vector<std::string>& lines, size_t begin, size_t end,
                  const std::string& feature, std::vector<TckQuery>* out) {
  const std::string scenario = Trim(lines[begin]);
  const bool outline = StartsWith(scenario, "Scenario Outline");
  const std::string step = "When executing query:";
  std::string query, then;
  bool found = false;
  size_t i = begin;
  for (; i < end; ++i) {
    const std::string line = Trim(lines[i]);
    if (!StartsWith(line, step)) continue;
    found = true;
    query = Trim(line.substr(step.size()));
    if (query.empty()) {
      size_t next = i + 1;
      while (next < end && Trim(lines[next]) != "\"\"\"") ++next;
      for (++next; next < end && Trim(lines[next]) != "\"\"\""; ++next) {
        query += lines[next] + "\n";
      }
      i = next;
    }
    break;
  }
  if (!found) return;
  for (; i < end; ++i) {
    if (StartsWith(Trim(lines[i]), "Then")) {
      then = Trim(lines[i]);
      break;
    }
  }
  const bool placeholders =
      outline && query.find('<') != std::string::npos && query.find('>') != std::string::npos;
  if (!placeholders) {
    out->push_back({feature, scenario, query, ExpectedCode(then), false});
    return;
  }
  for (i = begin; i < end; ++i) {
    if (!StartsWith(Trim(lines[i]), "Examples")) continue;
    std::vector<std::string> names;
    for (size_t row = i + 1; row < end; ++row) {
      const std::string line = Trim(lines[row]);
      if (line.empty() || StartsWith(line, "#")) continue;
      if (!StartsWith(line, "|")) break;
      if (names.empty()) {
        names = Cells(line);
        continue;
      }
      const std::vector<std::string> values = Cells(line);
      out->push_back({feature, scenario + " " + line, Substitute(query, names, values),
                      ExpectedCode(Substitute(then, names, values)), true});
    }
  }
}

void ReadFeature(const std::filesystem::path& path, const std::string& name,
                 std::vector<TckQuery>* out) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<size_t> starts;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (StartsWith(Trim(lines[i]), "Scenario")) starts.push_back(i);
  }
  for (size_t s = 0; s < starts.size(); ++s) {
    ReadScenario(lines, starts[s], s + 1 < starts.size() ? starts[s + 1] : lines.size(), name, out);
  }
}

struct Counts {
  int must_parse = 0, parsed = 0, must_fail = 0, failed_right = 0;
};

TEST_CASE("every conformance kit query parses, or fails with its syntax code", "[cypher-parse]") {
  const std::filesystem::path features = std::filesystem::path(TIEGRAPH_TCK_DIR) / "features";
  if (!std::filesystem::is_directory(features)) {
    WARN("no conformance kit at " << features.string() << ": sweep skipped");
    return;
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(features)) {
    if (entry.path().extension() == ".feature") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<TckQuery> queries;
  for (const auto& path : paths) {
    ReadFeature(path, std::filesystem::relative(path, features).string(), &queries);
  }
  Counts plain, outlines;
  int excluded = 0;
  std::vector<std::string> problems;
  for (const TckQuery& q : queries) {
    const std::string key = q.feature + " | " + q.scenario;
    if (kOutOfSubset.count(key)) {
      ++excluded;
      continue;
    }
    Counts& counts = q.from_outline ? outlines : plain;
    const auto result = Parse(q.query);
    if (q.expected_code.empty()) {
      ++counts.must_parse;
      if (result.ok()) {
        ++counts.parsed;
      } else {
        problems.push_back(key + "\n" + q.query + result.error().Render(q.query));
      }
    } else {
      ++counts.must_fail;
      if (!result.ok() && result.error().code == q.expected_code &&
          result.error().error_class == ErrorClass::kSyntaxError) {
        ++counts.failed_right;
      } else {
        problems.push_back(key + "\n" + q.query + "expected " + q.expected_code + ", got " +
                           (result.ok() ? "a tree" : result.error().Render(q.query)));
      }
    }
  }
  std::cout << "cypher-parse conformance sweep: " << paths.size() << " feature files, " << excluded
            << " queries out of the subset\n"
            << "  queries as written: must parse " << plain.parsed << "/" << plain.must_parse
            << ", must fail with a syntax code " << plain.failed_right << "/" << plain.must_fail
            << "\n  outline queries with Examples filled in: must parse " << outlines.parsed << "/"
            << outlines.must_parse << ", must fail with a syntax code " << outlines.failed_right
            << "/" << outlines.must_fail << "\n";
  for (const auto& problem : problems) UNSCOPED_INFO(problem);
  CHECK(problems.empty());
  CHECK(plain.parsed == plain.must_parse);
  CHECK(plain.failed_right == plain.must_fail);
  CHECK(outlines.parsed == outlines.must_parse);
  CHECK(outlines.failed_right == outlines.must_fail);
  CHECK(plain.must_parse > 900);  // the kit was read
  CHECK(outlines.must_parse > 1000);
}

// Every prefix of every kit query, and copies with one character replaced: the parser must
// come back (with a tree or an error placed inside the text), never crash or hang.
TEST_CASE("damaged conformance kit queries yield a tree or a placed error", "[cypher-parse]") {
  const std::filesystem::path features = std::filesystem::path(TIEGRAPH_TCK_DIR) / "features";
  if (!std::filesystem::is_directory(features)) return;
  std::vector<TckQuery> queries;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(features)) {
    if (entry.path().extension() == ".feature") ReadFeature(entry.path(), "", &queries);
  }
  const std::string replacements = "()[]{}<>-=.:,|$'\"`*\\ 0aZ";
  size_t parses = 0, errors = 0;
  auto check = [&](const std::string& text) {
    ++parses;
    const auto result = Parse(text);
    if (result.ok()) return;
    ++errors;
    const auto lines = std::count(text.begin(), text.end(), '\n') + 1;
    if (!result.error().position.known() || result.error().position.line > lines) {
      FAIL_CHECK("misplaced error for: " << text << "\n" << result.error().Render(text));
    }
  };
  for (size_t q = 0; q < queries.size(); ++q) {
    const std::string& text = queries[q].query;
    // At most about 400 places per query: the kit's few very long queries (setting up large
    // graphs) would otherwise take minutes for nothing new.
    const size_t step = 1 + text.size() / 400;
    for (size_t cut = 0; cut < text.size(); cut += step) check(text.substr(0, cut));
    for (size_t at = q % 7; at < text.size(); at += 7 * step) {
      std::string damaged = text;
      damaged[at] = replacements[(at + q) % replacements.size()];
      check(damaged);
    }
  }
  CHECK(parses > 100000);
  CHECK(errors > 0);
}

}  // namespace
}  // namespace tiegraph::cypher
