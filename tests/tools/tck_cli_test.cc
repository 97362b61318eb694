// The tiegraph-tck program end to end: usage errors, unreadable feature files, output lines,
// the summary, --filter, --by-folder, --write-expected and --expect. The tiny feature has one
// scenario any engine passes (RETURN 1 is 1), one no engine passes (it expects RETURN 1 to be
// 2) and one skipped (its named graph does not exist).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::Equals;

CliResult Tck(const std::vector<std::string>& args) { return RunProgram(TIEGRAPH_TCK_PATH, args); }

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* kFeature = R"(Feature: Tiny
  Scenario: [1] Return one
    Given any graph
    When executing query:
      """
      RETURN 1 AS x
      """
    Then the result should be, in any order:
      | x |
      | 1 |
    And no side effects

  Scenario: [3] Expects the wrong value
    Given any graph
    When executing query:
      """
      RETURN 1 AS x
      """
    Then the result should be, in any order:
      | x |
      | 2 |
    And no side effects

  Scenario Outline: [2] Needs a graph
    Given the <graph> graph
    When executing query: MATCH (n) RETURN n
    Then the result should be empty

    Examples:
      | graph |
      | nowhere |
)";

TEST_CASE("tck cli: bad usage and unreadable feature files exit 2", "[tck]") {
  TempDir dir;
  CHECK(Tck({}).exit_code == 2);
  CHECK(Tck({"--no-such-option", dir.path()}).exit_code == 2);
  CHECK(Tck({dir.path(), "--filter"}).exit_code == 2);
  CHECK(Tck({"--timeout-ms", "soon", dir.path()}).exit_code == 2);
  CHECK(Tck({dir.File("absent")}).exit_code == 2);
  CHECK(Tck({"--expect", dir.File("absent"), dir.path()}).exit_code == 2);
  CliResult help = Tck({"--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Contains("--write-expected"));
  dir.Write("features/sub/Broken.feature",
            "Feature: B\n  Scenario: S\n    Given x\n      \"\"\"\n");
  CliResult broken = Tck({dir.File("features")});
  CHECK(broken.exit_code == 2);
  CHECK_THAT(broken.err, Contains("sub/Broken.feature:4: "));
}

TEST_CASE("tck cli: one line per scenario, the summary, filter and folders", "[tck]") {
  TempDir dir;
  dir.Write("features/group/Tiny.feature", kFeature);
  CliResult run = Tck({"--verbose", dir.File("features")});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Contains("PASS  group/Tiny.feature:2  [1] Return one\n"));
  CHECK_THAT(run.out, Contains("FAIL  group/Tiny.feature:13  [3] Expects the wrong value  -- "));
  CHECK_THAT(run.out, Contains("SKIP  group/Tiny.feature:31  [2] Needs a graph (example 1)  -- "));
  CHECK_THAT(run.out, Contains("nowhere"));
  CHECK_THAT(run.out, Contains("1 passed, 1 failed, 1 skipped\n"));

  CliResult quiet = Tck({"--filter", "wrong value", dir.File("features")});
  CHECK_THAT(quiet.out, Equals("FAIL  group/Tiny.feature:13  [3] Expects the wrong value\n"
                               "0 passed, 1 failed, 0 skipped\n"));

  CliResult folders = Tck({"--by-folder", dir.File("features")});
  CHECK_THAT(folders.out,
             Contains("folder") && Contains("group ") && Contains("(all)") && Contains("33.3%"));
}

TEST_CASE("tck cli: --write-expected and --expect", "[tck]") {
  TempDir dir;
  dir.Write("features/Tiny.feature", kFeature);
  CliResult written = Tck({"--write-expected", dir.File("passing"), dir.File("features")});
  CHECK(written.exit_code == 0);
  CHECK(Slurp(dir.File("passing")) == "Tiny.feature:[1] Return one\n");
  CliResult same = Tck({"--expect", dir.File("passing"), dir.File("features")});
  CHECK(same.exit_code == 0);

  dir.Write("expected", "# what passed last time\nTiny.feature:[3] Expects the wrong value\n");
  CliResult regressed = Tck({"--expect", dir.File("expected"), dir.File("features")});
  CHECK(regressed.exit_code == 1);
  CHECK_THAT(regressed.out, Contains("REGRESSION  Tiny.feature:[3] Expects the wrong value\n") &&
                                Contains("1 regressions, 0 missing, 1 improvements"));

  dir.Write("renamed", "Tiny.feature:[1] Return two\n");
  CliResult missing = Tck({"--expect", dir.File("renamed"), dir.File("features")});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.out, Contains("MISSING  Tiny.feature:[1] Return two"));

  dir.Write("elsewhere", "Other.feature:[1] Elsewhere\n");
  CliResult elsewhere = Tck({"--expect", dir.File("elsewhere"), dir.File("features")});
  CHECK(elsewhere.exit_code == 0);
  CHECK_THAT(elsewhere.out, Contains("(1 expected ids not run)"));
}

}  // namespace
}  // namespace tiegraph::test
