// The conformance sweep of the parse stage: every query of the openCypher conformance kit
// (the doc string after "When executing query:") must parse, except those whose scenario
// expects a SyntaxError with one of the lexical or grammatical detail codes, which must fail
// with exactly that code. Scenarios expecting any other compile-time error (undefined
// variables, misplaced aggregations…) fail in a later stage, so their queries must parse.
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
};

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// Reads the queries of one feature file.
void ReadFeature(const std::filesystem::path& path, const std::string& name,
                 std::vector<TckQuery>* out, int* skipped_outlines) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string scenario;
  bool outline = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string line = Trim(lines[i]);
    if (StartsWith(line, "Scenario")) {
      scenario = line;
      outline = StartsWith(line, "Scenario Outline");
    }
    const std::string step = "When executing query:";
    if (!StartsWith(line, step)) continue;
    TckQuery query{name, scenario, Trim(line.substr(step.size())), ""};
    size_t next = i + 1;
    if (query.query.empty()) {
      while (next < lines.size() && Trim(lines[next]) != "\"\"\"") ++next;
      std::string body;
      for (++next; next < lines.size() && Trim(lines[next]) != "\"\"\""; ++next) {
        body += lines[next] + "\n";
      }
      query.query = body;
      ++next;
    }
    for (; next < lines.size(); ++next) {
      const std::string then = Trim(lines[next]);
      if (!StartsWith(then, "Then")) continue;
      const std::string marker = "a SyntaxError should be raised at compile time: ";
      const size_t at = then.find(marker);
      if (at != std::string::npos) {
        const std::string code = Trim(then.substr(at + marker.size()));
        if (kParseCodes.count(code)) query.expected_code = code;
      }
      break;
    }
    if (outline && query.query.find('<') != std::string::npos &&
        query.query.find('>') != std::string::npos) {
      ++*skipped_outlines;
      continue;
    }
    out->push_back(query);
  }
}

TEST_CASE("every conformance kit query parses, or fails with its syntax code", "[cypher-parse]") {
  const std::filesystem::path features = std::filesystem::path(TIEGRAPH_TCK_DIR) / "features";
  if (!std::filesystem::is_directory(features)) {
    WARN("no conformance kit at " << features.string() << ": sweep skipped");
    return;
  }
  std::vector<TckQuery> queries;
  int skipped_outlines = 0;
  int files = 0;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(features)) {
    if (entry.path().extension() == ".feature") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    ++files;
    ReadFeature(path, std::filesystem::relative(path, features).string(), &queries,
                &skipped_outlines);
  }
  int must_parse = 0, parsed = 0, must_fail = 0, failed_right = 0, excluded = 0;
  std::vector<std::string> problems;
  for (const TckQuery& q : queries) {
    const std::string key = q.feature + " | " + q.scenario;
    if (kOutOfSubset.count(key)) {
      ++excluded;
      continue;
    }
    const auto result = Parse(q.query);
    if (q.expected_code.empty()) {
      ++must_parse;
      if (result.ok()) {
        ++parsed;
      } else {
        problems.push_back(key + "\n" + q.query + result.error().Render(q.query));
      }
    } else {
      ++must_fail;
      if (!result.ok() && result.error().code == q.expected_code &&
          result.error().error_class == ErrorClass::kSyntaxError) {
        ++failed_right;
      } else {
        problems.push_back(key + "\n" + q.query + "expected " + q.expected_code + ", got " +
                           (result.ok() ? "a tree" : result.error().Render(q.query)));
      }
    }
  }
  std::cout << "cypher-parse conformance sweep: " << files << " feature files, " << queries.size()
            << " queries (" << skipped_outlines << " outline queries with <placeholders> skipped, "
            << excluded << " out of the subset); must parse: " << parsed << "/" << must_parse
            << "; must fail with a syntax code: " << failed_right << "/" << must_fail << "\n";
  for (const auto& problem : problems) UNSCOPED_INFO(problem);
  CHECK(problems.empty());
  CHECK(parsed == must_parse);
  CHECK(failed_right == must_fail);
  CHECK(must_parse > 900);  // the kit was read
}

}  // namespace
}  // namespace tiegraph::cypher
