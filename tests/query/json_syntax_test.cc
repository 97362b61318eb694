// Malformed JSON names the file, the line, the column (in characters, as an editor counts
// them) and what the parser expected there. Columns are counted by hand from the lines beside
// them.
#include <catch2/catch.hpp>

#include <string>

#include "import_fixture.h"
#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;

TEST_CASE("malformed JSON Lines give line, column and what was expected", "[import][json_syntax]") {
  Fixture f;
  const std::string path =
      f.Write("syntax.jsonl",
              "{\"record\":\"institution\",\"key\":\"j1\",\"name\":\"J One\"}\n"  // line 1: fine
              "{\"a\":1,}\n"       // 2: '}' is char 8
              "  {\"한\": 1 2}\n"  // 3: '2' is char 11
              "{\"a\":\"abc\n"     // 4: ends after char 9
              "{\"record\":\"institution\",\"key\":\"j5\",\"name\":\"J Five\"}\n");  // line 5: fine
  const Status s = f.ImportFiles({path});
  ExpectInvalid(
      s, {At(path, 2) + " column 8: not valid JSON: syntax error while parsing object key - "
                        "unexpected '}'; expected string literal",
          // Byte 13 of the line, but 한 is one character of three bytes.
          At(path, 3) + " column 11: not valid JSON: syntax error while parsing object - "
                        "unexpected number literal; expected '}'",
          At(path, 4) + " column 10: not valid JSON: syntax error while parsing value - invalid "
                        "string: missing closing quote"});
  CHECK_THAT(s.message(), !Contains(At(path, 1)) && !Contains(At(path, 5)));
  f.ExpectUnchanged();
}

TEST_CASE("malformed seed JSON gives the line and column in the file", "[import][json_syntax]") {
  Fixture f;
  const std::string path = f.Write("syntax.json",
                                   "{\"institutions\": [\n"     // line 1
                                   "  {\"id\": \"s1\",\n"       // line 2
                                   "   \"name_ko\": 에스원}\n"  // line 3: 에 is char 15
                                   "]}\n");                     // line 4
  const Status s = f.ImportFiles({path});
  ExpectInvalid(s, {At(path, 3) + " column 15: not valid JSON: syntax error while parsing value "
                                  "- invalid literal"});
  // The parser quotes what it read up to the byte it failed on, the first of 에's three; the
  // message keeps whole characters only.
  CHECK(FindInvalidUtf8(s.message()) == std::string::npos);
  f.ExpectUnchanged();
}

TEST_CASE("a runaway string is quoted in short", "[import][json_syntax]") {
  Fixture f;
  const std::string path =
      f.Write("runaway.jsonl", "{\"record\":\"institution\",\"name\":\"" +
                                   std::string(100000, 'x') + "\n");  // line 1: never closed
  const Status s = f.ImportFiles({path});
  // 32 characters before the x's, 100,000 x's, and the parser stops one past the last.
  ExpectInvalid(s, {At(path, 1) + " column 100033: not valid JSON: "});
  CHECK(s.message().size() < 400);
  CHECK_THAT(s.message(), EndsWith("…"));
}

}  // namespace
}  // namespace tiegraph::test
