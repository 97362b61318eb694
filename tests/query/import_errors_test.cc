// An import with many bad rows reports every one of them, up to ImportOptions::max_errors (20
// by default), in the order of the files and their lines, then "… and N more bad rows"; and
// writes nothing. Each expected line number is counted by hand from the file beside it.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "import_fixture.h"
#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

std::vector<std::string> LinesOf(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST_CASE("import reports every bad row of every file, in order", "[import][bad_rows]") {
  Fixture f;
  const std::string inst = f.Write("inst_bad.csv",
                                   "key,name,sector\n"           // line 1
                                   "g1,Good One,industry\n"      // line 2
                                   "b1,Bad Sector,hospitl\n"     // line 3: no such sector
                                   "g2,Good Two,academia\n"      // line 4
                                   ",No Key,industry\n"          // line 5: empty key
                                   "b2,,industry\n"              // line 6: empty name
                                   "b3,Three,industry,more\n"    // line 7: four cells
                                   "g3,Good Three,research\n");  // line 8
  const std::string ties = f.Write("ties_bad.csv",
                                   "source,target,type,strength\n"  // line 1
                                   "ktl,snuh,mou,1\n"               // line 2
                                   "ktl,snuh,mou,-1\n"              // line 3: negative
                                   "ktl,,mou,1\n");                 // line 4: no target
  // The ties file is given first; institutions are read first all the same.
  const Status s = f.ImportFiles({ties, inst});
  ExpectInvalid(s, {});
  const auto lines = LinesOf(s.message());
  REQUIRE(lines.size() == 6);
  CHECK_THAT(lines[0], StartsWith(At(inst, 3) + " field 'sector': "));
  CHECK(lines[1] == At(inst, 5) + " field 'key': is empty");
  CHECK(lines[2] == At(inst, 6) + " field 'name': is empty");
  CHECK(lines[3] == At(inst, 7) + " has 4 columns, the header has 3");
  CHECK_THAT(lines[4], StartsWith(At(ties, 3) + " field 'strength': "));
  CHECK(lines[5] == At(ties, 4) + " field 'target': is empty");
  f.ExpectUnchanged();
}

// 25 ties whose strength is not a number, on lines 2 to 26.
std::string TwentyFiveBadTies() {
  std::string text = "source,target,strength\n";
  for (int i = 0; i < 25; ++i) text += "ktl,snuh,x" + std::to_string(i) + "\n";
  return text;
}

TEST_CASE("import shows the first 20 bad rows and counts the rest", "[import][bad_rows]") {
  Fixture f;
  const std::string ties = f.Write("ties_25.csv", TwentyFiveBadTies());
  const Status s = f.ImportFiles({ties});
  ExpectInvalid(s, {});
  const auto lines = LinesOf(s.message());
  REQUIRE(lines.size() == 21);
  for (int i = 0; i < 20; ++i) {
    CHECK(lines[i] ==
          At(ties, i + 2) + " field 'strength': 'x" + std::to_string(i) + "' is not a number");
  }
  CHECK(lines[20] == "… and 5 more bad rows");
  f.ExpectUnchanged();

  ImportOptions three;
  three.max_errors = 3;
  const auto few = LinesOf(f.ImportWith({ties}, three).message());
  REQUIRE(few.size() == 4);
  CHECK_THAT(few[2], StartsWith(At(ties, 4)));
  CHECK(few[3] == "… and 22 more bad rows");
  f.ExpectUnchanged();
}

TEST_CASE("import reports every bad line of JSON Lines and every bad seed record",
          "[import][bad_rows]") {
  Fixture f;
  const std::string jsonl =
      f.Write("bad.jsonl",
              "{\"record\":\"institution\",\"key\":\"j1\",\"name\":\"J One\"}\n"  // line 1
              "{\"record\":\"institution\",\"key\":\"j2\"}\n"                     // line 2: no name
              "{\"record\":\"building\",\"key\":\"j3\"}\n"                        // line 3
              "{\"record\":\"institution\",\"key\":\"j4\",\"name\":\"J Four\"}\n");  // line 4
  const Status s = f.ImportFiles({jsonl});
  ExpectInvalid(s, {});
  const auto lines = LinesOf(s.message());
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == At(jsonl, 2) + " field 'name': is missing");
  CHECK_THAT(lines[1],
             StartsWith(At(jsonl, 3) + " field 'record': unknown record kind 'building'"));

  const std::string seed = f.Write("bad_seed.json", R"({"institutions": [
      {"id": "s1", "name_ko": "에스원"},
      {"id": "s2"},
      {"id": "s3", "name_ko": "에스삼", "sector": "hospitl"}]})");
  const Status t = f.ImportFiles({seed});
  ExpectInvalid(t, {});
  const auto seed_lines = LinesOf(t.message());
  REQUIRE(seed_lines.size() == 2);
  CHECK_THAT(seed_lines[0], StartsWith(AtJson(seed, "$.institutions[1]: field 'name_ko'")));
  CHECK_THAT(seed_lines[1], StartsWith(AtJson(seed, "$.institutions[2]: field 'sector'")));
  f.ExpectUnchanged();
}

// A CSV file over 4 MiB is read in two halves at once; the bad rows still come in file order.
TEST_CASE("bad rows of a large CSV come in file order from both halves", "[import][bad_rows]") {
  Fixture f;
  // 400,000 rows of 13 bytes after the header: 5.2 MB, split near the middle. Rows 1..15 and
  // the last 10 rows have a bad strength; each row is on line row + 1.
  constexpr int kRows = 400000;
  std::string text = "source,target,strength\n";
  text.reserve(kRows * 16);
  for (int row = 1; row <= kRows; ++row) {
    const bool bad = row <= 15 || row > kRows - 10;
    text += bad ? "ktl,snuh,bad\n" : "ktl,snuh,0.5\n";
  }
  const std::string ties = f.Write("ties_large.csv", text);
  const Status s = f.ImportFiles({ties});
  ExpectInvalid(s, {});
  const auto lines = LinesOf(s.message());
  REQUIRE(lines.size() == 21);
  for (int i = 0; i < 15; ++i) CHECK_THAT(lines[i], StartsWith(At(ties, i + 2) + " "));
  // Then the first five of the last ten rows: rows kRows-9 .. kRows-5, on lines one further.
  for (int i = 0; i < 5; ++i) {
    CHECK_THAT(lines[15 + i], StartsWith(At(ties, kRows - 9 + i + 1) + " "));
  }
  CHECK(lines[20] == "… and 5 more bad rows");
  f.ExpectUnchanged();
}

TEST_CASE("cli import lists the bad rows, honours --max-errors and writes nothing",
          "[cli][import][bad_rows]") {
  TempDir dir;
  const std::string db = dir.File("db");
  RunOk({"--db", db, "init"});
  const std::string ties = dir.Write("ties_25.csv", TwentyFiveBadTies());
  const std::string inst = dir.Write("inst.csv", "key,name\nktl,KTL\nsnuh,SNUH\n");
  CliResult r = RunCli({"--db", db, "import", inst, ties});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains(At(ties, 2) + " field 'strength'") &&
                        Contains(At(ties, 21) + " field 'strength'") && !Contains(At(ties, 22)) &&
                        Contains("… and 5 more bad rows") && Contains("nothing was imported"));
  CliResult two = RunCli({"--db", db, "import", "--max-errors", "2", inst, ties});
  CHECK(two.exit_code == 1);
  CHECK_THAT(two.err,
             Contains(At(ties, 3)) && !Contains(At(ties, 4)) && Contains("… and 23 more bad rows"));
  CHECK(RunOk({"--db", db, "dump"}).out.empty());
}

}  // namespace
}  // namespace tiegraph::test
