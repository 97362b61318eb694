// delete, merge, rename, undo, history and show by key, through the CLI on the sample network.
// Expectations come from the seed file read by hand: jbnu (전북대학교) has ties T001 and T004
// with jeonju-city, T003 from its part jbnu-startup-group, and takes part in one event.
#include <catch2/catch.hpp>

#include <string>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

void RequireCheckClean(const std::string& db) { RunOk({"--db", db, "check"}); }

TEST_CASE("delete: refused with references, --detach lists what went, undo restores", "[edit]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  std::string before;
  {
    auto store = OpenStore(db);
    before = DumpOf(*store);
  }
  CliResult refused = RunCli({"--db", db, "delete", "jbnu"});
  CHECK(refused.exit_code == 1);
  CHECK_THAT(refused.err, Contains("T001") && Contains("jbnu-startup-group") &&
                              Contains("E-jeonju-final-report") && Contains("detach"));
  CliResult done =
      RunOk({"--db", db, "--author", "lee", "-m", "closed", "delete", "jbnu", "--detach"});
  CHECK_THAT(done.out, Contains("ties deleted (3): T001 T004 T003"));
  RequireCheckClean(db);
  CliResult gone = RunCli({"--db", db, "show", "전북대학교"});
  CHECK(gone.exit_code == 1);
  // The history names the author and the message; the tie's history shows its deletion.
  const auto history = RunJsonTables(db, {"history", "T001"});
  const auto& rows = history["tables"][0]["rows"];
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["author"] == "lee");
  CHECK(rows[0]["message"] == "closed");
  CHECK(rows[0]["change"] == "deleted");
  CHECK(rows[1]["command"] == "import");
  const int64_t commit = rows[0]["commit"];
  RunOk({"--db", db, "undo", std::to_string(commit)});
  RequireCheckClean(db);
  auto store = OpenStore(db);
  // Undo recreates the records with new node ids: compare the dumps as sets of lines.
  CHECK(LinesOf(DumpOf(*store)) == LinesOf(before));
}

TEST_CASE("merge and rename: old keys and names resolve to the kept key", "[edit]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  CliResult merged = RunOk({"--db", db, "merge", "jeonju-city", "jbnu"});
  // T001 and T004 joined the two: they would become self-loops and are deleted.
  CHECK_THAT(merged.out, Contains("T001") && Contains("T004"));
  RequireCheckClean(db);
  const auto shown = RunJsonTables(db, {"show", "전북대학교"});
  CHECK(shown["tables"][0]["rows"][0]["value"] == "jeonju-city");
  RunOk({"--db", db, "rename", "jeonju-city", "jeonju"});
  RequireCheckClean(db);
  const auto renamed = RunJsonTables(db, {"show", "jeonju-city"});
  CHECK(renamed["tables"][0]["rows"][0]["value"] == "jeonju");
  // T003 went from jbnu-startup-group to jbnu, then to jeonju-city, then to jeonju.
  const auto tie = RunJsonTables(db, {"show", "T003"});
  bool found = false;
  for (const auto& row : tie["tables"][0]["rows"]) {
    if (row["field"] == "target") {
      CHECK(row["value"] == "jeonju (전주시)");
      found = true;
    }
  }
  CHECK(found);
  CliResult taken = RunCli({"--db", db, "rename", "jeonju", "ktl"});
  CHECK(taken.exit_code == 1);
  CHECK_THAT(taken.err, Contains("exists"));
}

TEST_CASE("show by key: a tie's fields and ends, an event's participants and ties", "[edit]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  const auto tie = RunJsonTables(db, {"show", "T001"});
  CHECK(tie["tables"][0]["name"] == "tie");
  CHECK(tie.dump().find("visit_meeting") != std::string::npos);
  const auto event = RunJsonTables(db, {"show", "E-jeonju-final-report"});
  CHECK(event["tables"][1]["name"] == "participants");
  CHECK(event.dump().find("jbnu") != std::string::npos);
}

}  // namespace
}  // namespace tiegraph::test
