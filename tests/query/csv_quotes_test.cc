// A CSV quote left open: a line break may sit inside a quoted value only in the columns of long
// texts (evidence_quote, text properties); anywhere else it is an error at the line the quote
// opened on, and a quote never closed is an error there too (docs/FORMATS.md, "CSV"). Each
// file's lines are numbered beside it, and the expected messages are worked out from them.
#include <catch2/catch.hpp>

#include <string>

#include "import_fixture.h"
#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

TEST_CASE("a quote left open in a name does not swallow the next row", "[import][csv][quotes]") {
  Fixture f;
  const std::string path = f.Write("inst_open.csv",
                                   "key,name,sector\n"           // line 1
                                   "a1,\"Alpha Corp,industry\n"  // line 2: the quote opens
                                   "b1,Beta Uni\",academia\n"    // line 3: ... and closes
                                   "c1,Gamma Lab,research\n");   // line 4
  const Status s = f.ImportFiles({path});
  ExpectInvalid(s, {At(path, 2) + " field 'name': the quoted value opened on this line holds a "
                                  "line break (it runs on to line 3), and this field is one "
                                  "line: is a closing quote missing?"});
  CHECK_THAT(s.message(), !Contains(At(path, 4)));  // the row after is read, and is fine
  f.ExpectUnchanged();
}

TEST_CASE("line breaks stay welcome in evidence quotes and text properties",
          "[import][csv][quotes]") {
  Fixture f;
  const std::string ties = f.Write("ties_quote.csv",
                                   "source,target,evidence_quote,strength\n"  // line 1
                                   "ktl,snuh,\"first line\n"                  // line 2
                                   "second line\",1\n"                        // line 3
                                   "ktl,kitech,plain,x\n");                   // line 4: bad
  // The row after a two-line quote is numbered by the file's own lines.
  const Status s = f.ImportFiles({ties});
  ExpectInvalid(s, {At(ties, 4) + " field 'strength': 'x' is not a number"});
  CHECK_THAT(s.message(), !Contains(At(ties, 2)));

  const std::string inst = f.Write("inst_notes.csv",
                                   "key,notes,name,founded:int\n"  // line 1
                                   "n1,\"a\n"                      // line 2: notes open
                                   "b\",\"Name\n"                  // line 3: name opens
                                   "more\",1990\n"                 // line 4
                                   "n2,\"c\n"                      // line 5
                                   "d\",Two,\"19\n"                // line 6: founded opens
                                   "91\"\n");                      // line 7
  // A malformed cell is named by its column, as the file's header writes it.
  ExpectInvalid(f.ImportFiles({inst}),
                {At(inst, 3) + " field 'name': the quoted value opened on this line holds a "
                               "line break (it runs on to line 4)",
                 At(inst, 6) + " field 'founded:int': the quoted value opened on this line holds "
                               "a line break (it runs on to line 7)"});
  f.ExpectUnchanged();

  const std::string good = f.Write("ties_good.csv",
                                   "key,source,target,evidence_quote,note\n"
                                   "q1,ktl,snuh,\"first line\nsecond line\",\"x\ny\"\n");
  REQUIRE(f.ImportFiles({good}).ok());
  auto tie = f.store().Read()->GetTie("q1");
  REQUIRE(tie.ok());
  CHECK(tie->evidence.at(0).quote == "first line\nsecond line");
  REQUIRE(tie->properties.size() == 1);
  CHECK(tie->properties[0].value == PropertyValue(std::string("x\ny")));
}

TEST_CASE("a quote never closed is an error at the line it opened on", "[import][csv][quotes]") {
  Fixture f;
  const std::string ties = f.Write("ties_eof.csv",
                                   "source,target,evidence_quote\n"  // line 1
                                   "ktl,snuh,fine\n"                 // line 2
                                   "ktl,kitech,\"never closed\n"     // line 3: opens
                                   "ktl,snuh,more\n");               // line 4
  ExpectInvalid(f.ImportFiles({ties}),
                {At(ties, 3) + " field 'evidence_quote': unterminated quoted field: the \" "
                               "opened on this line is never closed, so the field runs to the "
                               "end of the file"});
  f.ExpectUnchanged();
}

}  // namespace
}  // namespace tiegraph::test
