// `import --on-existing` and `import --dry-run` from the command line: the plan printed, and
// nothing written unless asked. Expected counts are read by hand from the inputs below.
#include <catch2/catch.hpp>

#include <string>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;
using nlohmann::json;

size_t CommitCount(const std::string& db) {
  return RunJson(db, {"history", "--limit", "0"}).at("history").size();
}

TEST_CASE("cli re-import of the sample: refused by default, unchanged with update",
          "[cli][reimport]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  const json seed = LoadSampleJson();
  const std::string first = seed["institutions"][0]["id"].get<std::string>();
  const std::string before = RunOk({"--db", db, "dump"}).out;
  const size_t commits = CommitCount(db);

  CliResult again = RunCli({"--db", db, "import", SamplePath()});
  INFO(again.err);
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Contains("$.institutions[0]: field 'id': institution '" + first +
                                 "' is already in the database"));
  CHECK_THAT(again.err, Contains("--on-existing"));
  CHECK_THAT(again.err, Contains("nothing was imported"));
  CHECK(RunOk({"--db", db, "dump"}).out == before);

  for (const char* mode : {"skip", "update", "replace"}) {
    CliResult r = RunOk({"--db", db, "import", "--on-existing", mode, SamplePath()});
    CHECK_THAT(r.out, Contains("nothing to import"));
    // Every record of the seed, unchanged.
    CHECK_THAT(r.out,
               Contains("institutions " + std::to_string(seed["institutions"].size()) +
                        " unchanged; events " + std::to_string(seed["events"].size()) +
                        " unchanged; ties " + std::to_string(seed["ties"].size()) + " unchanged"));
  }
  CHECK(RunOk({"--db", db, "dump"}).out == before);
  CHECK(CommitCount(db) == commits);

  CliResult bad = RunCli({"--db", db, "import", "--on-existing", "merge", SamplePath()});
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Contains("'merge'"));
}

TEST_CASE("cli import --dry-run prints the plan and writes nothing", "[cli][reimport]") {
  TempDir dir;
  const std::string db = dir.File("db");
  RunOk({"--db", db, "import", "--create",
         dir.Write("inst.csv",
                   "key,name,sector\n"         // line 1
                   "ktl,KTL,public-agency\n"   // line 2
                   "kitech,KITECH,research\n"  // line 3
                   "snuh,SNUH,hospital\n"),    // line 4
         dir.Write("ties.csv",
                   "source,target,type,strength\n"  // line 1
                   "ktl,kitech,mou,2\n"             // line 2
                   "ktl,snuh,mou,1\n")});           // line 3
  const std::string inst = dir.Write("inst2.csv",
                                     "key,name,sector\n"         // line 1
                                     "ktl,KTL,public-agency\n"   // line 2: unchanged
                                     "kitech,KITECH,industry\n"  // line 3: sector
                                     "kaist,KAIST,academia\n");  // line 4: new
  const std::string ties = dir.Write("ties2.csv",
                                     "source,target,type,strength\n"  // line 1
                                     "ktl,kitech,mou,2\n"             // line 2: unchanged
                                     "snuh,ktl,mou,3\n"               // line 3: strength
                                     "kaist,snuh,mou,1\n");           // line 4: new
  const std::string before = RunOk({"--db", db, "dump"}).out;

  const json plan = RunJson(db, {"import", "--dry-run", "--on-existing", "update", inst, ties});
  const json expected_counts = {
      {{"kind", "institutions"}, {"new", 1}, {"changed", 1}, {"unchanged", 1}, {"skipped", 0}},
      {{"kind", "events"}, {"new", 0}, {"changed", 0}, {"unchanged", 0}, {"skipped", 0}},
      {{"kind", "ties"}, {"new", 1}, {"changed", 1}, {"unchanged", 1}, {"skipped", 0}}};
  CHECK(plan.at("import_plan") == expected_counts);
  const json& changes = plan.at("import_changes");
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].at("kind") == "institution");
  CHECK(changes[0].at("key") == "kitech");
  CHECK(changes[0].at("action") == "changed");
  CHECK(changes[0].at("at") == inst + ":3");
  CHECK(changes[0].at("fields") == "sector");
  CHECK(changes[1].at("kind") == "tie");
  CHECK(changes[1].at("at") == ties + ":3");
  CHECK(changes[1].at("fields") == "strength");
  CHECK(RunOk({"--db", db, "dump"}).out == before);

  CliResult text = RunOk({"--db", db, "import", "--dry-run", "--on-existing", "update",
                          "--list-changes", "1", inst, ties});
  CHECK_THAT(text.out, Contains("the first 1 of 2"));
  CHECK_THAT(text.out, Contains("dry run: nothing written"));
  CHECK(RunOk({"--db", db, "dump"}).out == before);

  // Applied: the summary line says what happened.
  CliResult applied = RunOk({"--db", db, "import", "--on-existing", "update", inst, ties});
  CHECK_THAT(applied.out, Contains("institutions 1 new, 1 changed, 1 unchanged; ties 1 new, "
                                   "1 changed, 1 unchanged"));
  CHECK(RunOk({"--db", db, "check"}).exit_code == 0);
}

}  // namespace
}  // namespace tiegraph::test
