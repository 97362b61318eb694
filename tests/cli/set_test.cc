// set: a corrected field is seen by every read path (record, name lookup, adjacency, the
// analytic projection) and `check` stays clean. Expectations are the values set by hand.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

std::string FirstTieKeyOf(Store& store, const std::string& institution) {
  std::vector<TieRef> refs;
  REQUIRE(store.Read()->TiesOf(institution, &refs).ok());
  REQUIRE_FALSE(refs.empty());
  return refs.front().tie_key;
}

TEST_CASE("set institution: fields change, names follow, indexes stay exact", "[set]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  RunOk({"--db", db, "set", "institution", "ktl", "--sector", "research", "--name",
         "Korea Testing Lab", "--add-alias", "KTL-Osong", "--region", "KR/Chungbuk/Osong"});
  {
    auto store = OpenStore(db);
    auto snap = store->Read();
    auto in = snap->GetInstitution("ktl");
    REQUIRE(in.ok());
    CHECK(in->sector == Sector::kResearch);
    CHECK(in->name == "Korea Testing Lab");
    CHECK(in->region == std::vector<std::string>{"KR", "Chungbuk", "Osong"});
    // The new alias and name resolve; the old name no longer does.
    CHECK(snap->LookupName("ktl-osong").value() == std::vector<std::string>{"ktl"});
    CHECK(snap->LookupName("korea testing lab").value() == std::vector<std::string>{"ktl"});
    CHECK(snap->LookupName("한국산업기술시험원").value().empty());
    auto report = snap->Check();
    REQUIRE(report.ok());
    INFO((report->problems.empty() ? std::string() : report->problems.front()));
    CHECK(report->clean());
  }
  // The projection's sector filter sees the new sector at once.
  const auto research = RunJsonTables(db, {"list", "--sector", "research"});
  CHECK(research.dump().find("\"ktl\"") != std::string::npos);
  // Bad values are refused, naming the option, and change nothing.
  CliResult bad = RunCli({"--db", db, "set", "institution", "ktl", "--sector", "hospitl"});
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Contains("--sector"));
  CliResult cycle = RunCli({"--db", db, "set", "institution", "ktl", "--parent", "ktl"});
  CHECK(cycle.exit_code == 1);
  CliResult missing = RunCli({"--db", db, "set", "institution", "no-such", "--kind", "x"});
  CHECK(missing.exit_code != 0);
  auto store = OpenStore(db);
  CHECK(store->Read()->GetInstitution("ktl")->sector == Sector::kResearch);
}

TEST_CASE("set tie: the tie's fields, its adjacency and its digest change together", "[set]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  std::string key;
  {
    auto store = OpenStore(db);
    key = FirstTieKeyOf(*store, "ktl");
  }
  RunOk({"--db", db, "set", "tie", key, "--since", "2024-03", "--strength", "2.5", "--type",
         "joint_research-x", "--status", "planned"});
  auto store = OpenStore(db);
  auto snap = store->Read();
  auto tie = snap->GetTie(key);
  REQUIRE(tie.ok());
  CHECK(FormatDate(tie->since) == "2024-03");
  CHECK(tie->strength == 2.5);
  CHECK(tie->type == "joint_research-x");
  CHECK(tie->status == TieStatus::kPlanned);
  // Both ends list the tie with its new type, strength and status.
  for (const std::string& end : {tie->source, tie->target}) {
    std::vector<TieRef> refs;
    REQUIRE(snap->TiesOf(end, &refs).ok());
    bool seen = false;
    for (const TieRef& r : refs) {
      if (r.tie_key != key) continue;
      seen = true;
      CHECK(r.type == "joint_research-x");
      CHECK(r.strength == 2.5);
      CHECK(r.status == TieStatus::kPlanned);
    }
    CHECK(seen);
  }
  // The digest: a projection filtered on the new type holds exactly this tie.
  ProjectionOptions only;
  only.filter.tie_types = {"joint_research-x"};
  auto g = BuildProjection(*snap, only);
  REQUIRE(g.ok());
  CHECK(g->ties_used() == 1);
  auto report = snap->Check();
  REQUIRE(report.ok());
  INFO((report->problems.empty() ? std::string() : report->problems.front()));
  CHECK(report->clean());
  snap.reset();
  store.reset();  // the CLI opens the database itself
  CliResult bad = RunCli({"--db", db, "set", "tie", key, "--until", "2020"});
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Contains("until"));
}

TEST_CASE("a transaction holds the write lock: a second one waits for the first", "[set]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  auto store = OpenStore(db);
  auto first = Transaction::Begin(store.get());
  REQUIRE(first.ok());
  auto in = (*first)->GetInstitution("ktl");
  REQUIRE(in.ok());
  in->kind = "first";
  REQUIRE((*first)->PutInstitution(*in).ok());
  std::string seen_by_second;
  std::thread second([&] {
    auto txn = Transaction::Begin(store.get());  // blocks until the first commits
    REQUIRE(txn.ok());
    auto mine = (*txn)->GetInstitution("ktl");
    REQUIRE(mine.ok());
    seen_by_second = mine->kind;
    mine->kind = "second";
    REQUIRE((*txn)->PutInstitution(*mine).ok());
    REQUIRE((*txn)->Commit().ok());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  REQUIRE((*first)->Commit().ok());
  second.join();
  CHECK(seen_by_second == "first");  // it began after the first's commit, never between
  CHECK(store->Read()->GetInstitution("ktl")->kind == "second");
}

}  // namespace
}  // namespace tiegraph::test

namespace tiegraph::test {
namespace {

// The seed's E-jeonju-final-report has three participants (jeonju-city, jbnu,
// jbnu-startup-group) and the date 2021-09-13.
TEST_CASE("set event: date, added and removed participants; unknown ones refused", "[set]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  RunOk({"--db", db, "set", "event", "E-jeonju-final-report", "--date", "2021-09",
         "--add-participant", "ktl=observer", "--remove-participant", "jbnu-startup-group"});
  auto store = OpenStore(db);
  auto ev = store->Read()->GetEvent("E-jeonju-final-report");
  REQUIRE(ev.ok());
  CHECK(FormatDate(ev->date) == "2021-09");
  CHECK(ev->participants ==
        std::vector<Participant>{{"jeonju-city", ""}, {"jbnu", ""}, {"ktl", "observer"}});
  store.reset();
  CliResult unknown =
      RunCli({"--db", db, "set", "event", "E-jeonju-final-report", "--add-participant", "no-such"});
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Matchers::Contains("no-such"));
}

}  // namespace
}  // namespace tiegraph::test
