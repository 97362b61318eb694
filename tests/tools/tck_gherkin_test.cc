// The Gherkin reader of tiegraph-tck on small features written here; the expected scenarios
// and cells are worked out by hand from Gherkin's rules (docstring indentation, cell escapes,
// outline expansion).
#include <catch2/catch.hpp>

#include <string>

#include "gherkin.h"

namespace tiegraph::tck {
namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

Feature Read(const std::string& text) {
  Result<Feature> feature = ReadFeature(text, "f.feature");
  INFO(feature.status().message());
  REQUIRE(feature.ok());
  return *feature;
}

std::string ErrorOf(const std::string& text) {
  Result<Feature> feature = ReadFeature(text, "bad.feature");
  REQUIRE_FALSE(feature.ok());
  return feature.status().message();
}

TEST_CASE("tck gherkin: scenarios, steps, doc strings, tables, tags and comments", "[tck]") {
  Feature f = Read(R"(# a comment before everything
@featuretag
Feature: Match1 - Basic node matching
  Some description of the feature.

  @ignore @other
  Scenario: [1] Match a node
    Given an empty graph
    # a comment between steps
    And having executed:
      """
      CREATE (:A)
        WITH 1 AS x
      # not a comment inside a doc string
      """
    When executing query: MATCH (n) RETURN n
    Then the result should be, in any order:
      | n    |
      # a commented-out row
      | (:A) |
    And no side effects

  Scenario: [2] Second
    Given any graph
)");
  CHECK(f.path == "f.feature");
  CHECK(f.title == "Match1 - Basic node matching");
  REQUIRE(f.scenarios.size() == 2);
  const Scenario& s = f.scenarios[0];
  CHECK(s.line == 7);
  CHECK(s.title == "[1] Match a node");
  CHECK(s.example == 0);
  CHECK(s.tags == std::vector<std::string>{"@featuretag", "@ignore", "@other"});
  REQUIRE(s.steps.size() == 5);
  CHECK(s.steps[0].keyword == "Given");
  CHECK(s.steps[0].text == "an empty graph");
  CHECK(s.steps[0].line == 8);
  CHECK(s.steps[1].keyword == "And");
  CHECK(s.steps[1].text == "having executed:");
  REQUIRE(s.steps[1].doc_string);
  // The doc string loses the delimiter's indentation, keeps deeper indentation and '#' lines.
  CHECK(*s.steps[1].doc_string ==
        "CREATE (:A)\n  WITH 1 AS x\n# not a comment inside a doc string");
  CHECK(s.steps[2].text == "executing query: MATCH (n) RETURN n");
  CHECK_FALSE(s.steps[2].doc_string);
  REQUIRE(s.steps[3].table);
  CHECK(s.steps[3].table->rows == std::vector<std::vector<std::string>>{{"n"}, {"(:A)"}});
  CHECK(s.steps[3].table->row_lines == std::vector<int>{18, 20});
  CHECK(s.steps[4].text == "no side effects");
  CHECK(f.scenarios[1].tags == std::vector<std::string>{"@featuretag"});
  CHECK(f.scenarios[1].line == 23);
}

TEST_CASE("tck gherkin: table cells are trimmed and unescaped as Gherkin does", "[tck]") {
  Feature f = Read(R"(Feature: F
  Scenario: S
    Given a table:
      | a\|b | c\\d | e\nf | 'it\'s' |   spaced out   |
      | 1    |      | x    | y       | z              |
    And a procedure with no columns:
      |
)");
  const auto& rows = f.scenarios[0].steps[0].table->rows;
  REQUIRE(rows.size() == 2);
  // \| is a bar, \\ a backslash, \n a newline; other escapes stay for the value notation.
  CHECK(rows[0] == std::vector<std::string>{"a|b", "c\\d", "e\nf", "'it\\'s'", "spaced out"});
  CHECK(rows[1] == std::vector<std::string>{"1", "", "x", "y", "z"});
  const auto& empty = f.scenarios[0].steps[1].table->rows;
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].empty());
}

TEST_CASE("tck gherkin: the kit's escaped-backslash string survives both unescapings", "[tck]") {
  // Literals6 [5]: the cell 'a\\\\bcn5t\'"\\\\//\\\\"\'' stands for Cypher's
  // 'a\\bcn5t\'"\\//\\"\'' (Gherkin halves the backslash pairs).
  Feature f = Read(
      "Feature: F\n  Scenario: S\n    Then t:\n"
      "      | 'a\\\\\\\\bcn5t\\'\"\\\\\\\\//\\\\\\\\\"\\'' |\n");
  CHECK(f.scenarios[0].steps[0].table->rows[0][0] == "'a\\\\bcn5t\\'\"\\\\//\\\\\"\\''");
}

TEST_CASE("tck gherkin: an outline becomes one scenario per example row", "[tck]") {
  Feature f = Read(R"(Feature: F
  Background:
    Given any graph

  @outline
  Scenario Outline: [3] Compare <lhs>
    When executing query:
      """
      RETURN <lhs> < <rhs> AS r, <unknown>, '<-[' AS arrow
      """
    Then the result should be, in any order:
      | r        |
      | <result> |

    Examples:
      | lhs | rhs | result |
      | 1   | 2   | true   |
      | 'b' | 'a' | false  |

    @second
    Examples: more
      | lhs | rhs  | result |
      | [1] | null | null   |
)");
  REQUIRE(f.scenarios.size() == 3);
  const Scenario& first = f.scenarios[0];
  CHECK(first.title == "[3] Compare <lhs>");  // the title keeps its placeholders
  CHECK(first.example == 1);
  CHECK(first.line == 17);
  CHECK(first.tags == std::vector<std::string>{"@outline"});
  REQUIRE(first.steps.size() == 3);
  CHECK(first.steps[0].text == "any graph");  // the Background first
  CHECK(*first.steps[1].doc_string == "RETURN 1 < 2 AS r, <unknown>, '<-[' AS arrow");
  CHECK(first.steps[2].table->rows[1][0] == "true");
  CHECK(*f.scenarios[1].steps[1].doc_string == "RETURN 'b' < 'a' AS r, <unknown>, '<-[' AS arrow");
  CHECK(f.scenarios[1].example == 2);
  const Scenario& third = f.scenarios[2];
  CHECK(third.example == 3);  // numbered across every Examples block
  CHECK(third.line == 23);
  CHECK(third.tags == std::vector<std::string>{"@outline", "@second"});
  CHECK(*third.steps[1].doc_string == "RETURN [1] < null AS r, <unknown>, '<-[' AS arrow");
  CHECK(third.steps[2].table->rows[1][0] == "null");
}

TEST_CASE("tck gherkin: placeholders in step text and table cells", "[tck]") {
  Feature f = Read(R"(Feature: F
  Scenario Outline: O
    And parameters are:
      | p | <value> |
    Then a <class> should be raised at runtime: <code>

    Examples:
      | value | class     | code                |
      | 'x'   | TypeError | InvalidArgumentType |
)");
  REQUIRE(f.scenarios.size() == 1);
  CHECK(f.scenarios[0].steps[0].table->rows[0][1] == "'x'");
  CHECK(f.scenarios[0].steps[1].text ==
        "a TypeError should be raised at runtime: InvalidArgumentType");
}

TEST_CASE("tck gherkin: backtick doc strings and escaped delimiters", "[tck]") {
  Feature f = Read(
      "Feature: F\n  Scenario: S\n    When executing query:\n      ```\n"
      "      RETURN 1\n      ```\n    And a note:\n      \"\"\"\n"
      "      say \\\"\\\"\\\" here\n    less indented\n      \"\"\"\n");
  CHECK(*f.scenarios[0].steps[0].doc_string == "RETURN 1");
  CHECK(*f.scenarios[0].steps[1].doc_string == "say \"\"\" here\nless indented");
}

TEST_CASE("tck gherkin: errors name the file and the line", "[tck]") {
  CHECK_THAT(ErrorOf("Feature: F\n  Scenario: S\n    When executing query:\n      \"\"\"\n"
                     "      RETURN 1\n"),
             StartsWith("bad.feature:4: ") && Contains("closing"));
  CHECK_THAT(ErrorOf("Feature: F\n  Scenario: S\n    Then t:\n      | a | b |\n      | 1 |\n"),
             StartsWith("bad.feature:5: ") && Contains("1 cells"));
  CHECK_THAT(ErrorOf("Feature: F\n  Scenario: S\n    Then t:\n      | a | b\n"),
             StartsWith("bad.feature:4: ") && Contains("end with |"));
  CHECK_THAT(ErrorOf("Feature: F\n  Given any graph\n  Scenario: S\n"),
             StartsWith("bad.feature:2: "));
  CHECK_THAT(ErrorOf("Feature: F\n  Scenario: S\n    Given any graph\n  Examples:\n"),
             StartsWith("bad.feature:4: ") && Contains("Scenario Outline"));
  CHECK_THAT(ErrorOf("Feature: F\n  Scenario Outline: S\n    Given any graph\n"),
             StartsWith("bad.feature:2: ") && Contains("without Examples"));
  CHECK_THAT(ErrorOf("Scenario: S\n"), StartsWith("bad.feature:1: ") && Contains("Feature"));
  CHECK_THAT(ErrorOf("# only a comment\n"), StartsWith("bad.feature:1: "));
  CHECK_THAT(ErrorOf("Feature: F\nFeature: G\n"), StartsWith("bad.feature:2: "));
  CHECK_THAT(ErrorOf("Feature: F\n  Scenario: S\n    Given any graph\n    stray words\n"),
             StartsWith("bad.feature:4: ") && Contains("stray words"));
  CHECK_THAT(ErrorOf("Feature: F\n  Scenario: S\n    | a |\n"), StartsWith("bad.feature:3: "));
  CHECK_THAT(ErrorOf("Feature: F\n  Scenario: S\n    Given x\n      | a |\n      \"\"\"\n"
                     "      q\n      \"\"\"\n"),
             StartsWith("bad.feature:5: "));
  CHECK_THAT(ErrorOf("Feature: F\n  @tag\n"), StartsWith("bad.feature:2: "));
}

TEST_CASE("tck gherkin: a file that cannot be opened", "[tck]") {
  Result<Feature> feature = ReadFeatureFile("/nonexistent/x.feature", "x.feature");
  REQUIRE_FALSE(feature.ok());
  CHECK_THAT(feature.status().message(), StartsWith("x.feature: "));
}

}  // namespace
}  // namespace tiegraph::tck
