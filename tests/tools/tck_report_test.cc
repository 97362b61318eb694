// tiegraph-tck's reports, scenario ids, expectation lists, feature-file discovery and the
// splitting of named-graph scripts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "expectations.h"
#include "feature_files.h"
#include "named_graph.h"
#include "report.h"
#include "test_util.h"

namespace tiegraph::tck {
namespace {

using Catch::Matchers::Contains;

ScenarioRecord Record(const std::string& path, const std::string& title, int example,
                      Verdict verdict, const std::string& reason = "") {
  Scenario scenario;
  scenario.title = title;
  scenario.example = example;
  return ScenarioRecord{ScenarioId(path, scenario), path, 7, title, example, {verdict, reason}};
}

TEST_CASE("tck report: scenario lines, the summary and folders", "[tck]") {
  ScenarioRecord plain = Record("clauses/match/Match1.feature", "[1] Match", 0, Verdict::kPass);
  CHECK(plain.id == "clauses/match/Match1.feature:[1] Match");
  CHECK(FormatRecordLine(plain, true) == "PASS  clauses/match/Match1.feature:7  [1] Match");
  ScenarioRecord example = Record("clauses/match/Match1.feature", "[2] Outline: <x>", 3,
                                  Verdict::kFail, "columns [a]\nexpected [b]");
  CHECK(example.id == "clauses/match/Match1.feature:[2] Outline: <x>:3");
  CHECK(FormatRecordLine(example, false) ==
        "FAIL  clauses/match/Match1.feature:7  [2] Outline: <x> (example 3)");
  CHECK(FormatRecordLine(example, true) ==
        "FAIL  clauses/match/Match1.feature:7  [2] Outline: <x> (example 3)  -- columns [a] "
        "expected [b]");
  // A long reason is cut, and never inside a UTF-8 sequence.
  ScenarioRecord wordy = Record("x.feature", "[1] X", 0, Verdict::kFail,
                                std::string(299, 'a') + "\u00e9" + std::string(100, 'b'));
  CHECK(FormatRecordLine(wordy, true) ==
        "FAIL  x.feature:7  [1] X  -- " + std::string(299, 'a') + "...");
  std::vector<ScenarioRecord> records = {
      plain, example, Record("clauses/match/Match2.feature", "[1] M", 0, Verdict::kPass),
      Record("expressions/list/List1.feature", "[1] L", 0, Verdict::kSkip, "why"),
      Record("top.feature", "[1] T", 0, Verdict::kFail)};
  CHECK(FormatSummary(records) == "2 passed, 2 failed, 1 skipped");
  std::string table = FormatByFolder(records);
  std::istringstream lines(table);
  std::string header, match, list, top, all;
  std::getline(lines, header);
  std::getline(lines, top);
  std::getline(lines, match);
  std::getline(lines, list);
  std::getline(lines, all);
  CHECK_THAT(header, Contains("folder") && Contains("pass"));
  // clauses/match: 2 of 3 pass.
  CHECK_THAT(top, Contains(".") && Contains("0.0%"));
  CHECK_THAT(match, Contains("clauses/match ") && Contains("      2       1       0       3 ") &&
                        Contains("66.7%"));
  CHECK_THAT(list, Contains("expressions/list") && Contains("0.0%"));
  CHECK_THAT(all, Contains("(all)") && Contains("40.0%"));  // 2 of 5
}

TEST_CASE("tck expectations: regressions, improvements, missing and out of scope", "[tck]") {
  std::vector<ScenarioRecord> records = {
      Record("a/A.feature", "[1] one", 0, Verdict::kPass),
      Record("a/A.feature", "[2] two: with colon", 0, Verdict::kFail),
      Record("a/A.feature", "[3] three", 1, Verdict::kPass),
      Record("a/A.feature", "[3] three", 2, Verdict::kSkip)};
  std::set<std::string> expected = {"a/A.feature:[2] two: with colon", "a/A.feature:[3] three:2",
                                    "a/A.feature:[1] one", "a/A.feature:[9] renamed",
                                    "b/B.feature:[1] not read"};
  std::set<std::string> paths = {"a/A.feature"};
  ExpectationCheck check = CheckExpectations(expected, records, paths, "");
  CHECK(check.regressions ==
        std::vector<std::string>{"a/A.feature:[2] two: with colon", "a/A.feature:[3] three:2"});
  CHECK(check.improvements == std::vector<std::string>{"a/A.feature:[3] three:1"});
  CHECK(check.missing == std::vector<std::string>{"a/A.feature:[9] renamed"});
  CHECK(check.out_of_scope == 1);
  // A filter puts the expected ids it does not select out of scope.
  ExpectationCheck filtered = CheckExpectations(expected, {}, paths, "[1]");
  CHECK(filtered.missing == std::vector<std::string>{"a/A.feature:[1] one"});
  CHECK(filtered.out_of_scope == 4);
}

TEST_CASE("tck expectations: lists are written sorted and read back", "[tck]") {
  test::TempDir dir;
  std::vector<ScenarioRecord> records = {Record("b.feature", "[1] b", 0, Verdict::kPass),
                                         Record("a.feature", "[1] a", 2, Verdict::kPass),
                                         Record("a.feature", "[2] f", 0, Verdict::kFail)};
  REQUIRE(WritePassingIds(dir.File("passing"), records).ok());
  std::ifstream in(dir.File("passing"));
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == "a.feature:[1] a:2\nb.feature:[1] b\n");
  dir.Write("list", "# passing scenarios\n\na.feature:[1] a:2\r\nb.feature:[1] b\n");
  Result<std::set<std::string>> ids = ReadIdList(dir.File("list"));
  REQUIRE(ids.ok());
  CHECK(*ids == std::set<std::string>{"a.feature:[1] a:2", "b.feature:[1] b"});
  CHECK_FALSE(ReadIdList(dir.File("absent")).ok());
  CHECK_FALSE(WritePassingIds(dir.File("no/such/folder/list"), records).ok());
}

TEST_CASE("tck feature files: found recursively, sorted, relative to the folder", "[tck]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.File("kit/features/b"));
  std::filesystem::create_directories(dir.File("kit/features/a/deep"));
  std::filesystem::create_directories(dir.File("kit/graphs"));
  dir.Write("kit/features/b/B.feature", "");
  dir.Write("kit/features/a/deep/A.feature", "");
  dir.Write("kit/features/a/notes.txt", "");
  Result<std::vector<FeatureFile>> files = FindFeatureFiles(dir.File("kit/features"));
  REQUIRE(files.ok());
  REQUIRE(files->size() == 2);
  CHECK((*files)[0].path == "a/deep/A.feature");
  CHECK((*files)[1].path == "b/B.feature");
  Result<std::vector<FeatureFile>> one = FindFeatureFiles(dir.File("kit/features/b/B.feature"));
  REQUIRE(one.ok());
  CHECK((*one)[0].path == "B.feature");
  CHECK(FindFeatureFiles(dir.File("nothing")).status().IsNotFound());
  CHECK(std::filesystem::equivalent(FindGraphsDir(dir.File("kit/features/a/deep")),
                                    dir.File("kit/graphs")));
  CHECK(std::filesystem::equivalent(FindGraphsDir(dir.File("kit")), dir.File("kit/graphs")));
}

TEST_CASE("tck named graphs: statements split at semicolons outside quotes and comments", "[tck]") {
  CHECK(SplitStatements("CREATE (a);\n  CREATE (b) ;\n\n;") ==
        std::vector<std::string>{"CREATE (a)", "CREATE (b)"});
  CHECK(SplitStatements("RETURN 'a;b', \"c;d\", `e;f`, 'it\\'s;'") ==
        std::vector<std::string>{"RETURN 'a;b', \"c;d\", `e;f`, 'it\\'s;'"});
  CHECK(SplitStatements("CREATE () // no; split\n/* nor; here */ RETURN 1; RETURN 2") ==
        std::vector<std::string>{"CREATE () // no; split\n/* nor; here */ RETURN 1", "RETURN 2"});
  CHECK(SplitStatements("  \n").empty());
  CHECK(LoadNamedGraph("", "x").status().IsNotFound());
  CHECK_FALSE(LoadNamedGraph("/tmp", "../etc").ok());
}

}  // namespace
}  // namespace tiegraph::tck
