// Re-import (docs/FORMATS.md, "Re-import"): records already stored are refused, skipped,
// updated with the fields the input gives, or replaced; a tie without a key is matched by its
// identity (ends, type, since, direction). Every expected value is read by hand from the small
// inputs below, whose lines are numbered beside them.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

constexpr char kInstitutions[] =
    "key,name,sector,region\n"              // line 1
    "ktl,KTL,public-agency,KR/Gyeongnam\n"  // line 2
    "kitech,KITECH,research,KR/Chungnam\n"  // line 3
    "snuh,SNUH,hospital,KR/Seoul\n";        // line 4

// No key column: each tie is known by what it states. Lines 3 and 5 state the same undirected
// tie (ends in either order): two ties of one identity, matched in order on a re-import.
constexpr char kTies[] =
    "source,target,type,strength,since,role\n"  // line 1
    "ktl,kitech,mou,2,2020-01,host\n"           // line 2: written first, key "#0"
    "ktl,snuh,joint-research,1,2024,\n"         // line 3: "#1"
    "kitech,snuh,mou,1,,\n"                     // line 4: "#2"
    "snuh,ktl,joint-research,3,2024,\n";        // line 5: "#3"

class Db {
 public:
  Db() : store_(OpenStore(dir_.File("db"))) {
    REQUIRE(Import({Write("inst.csv", kInstitutions), Write("ties.csv", kTies)}, {}).ok());
  }
  std::string Write(const std::string& name, const std::string& text) const {
    return dir_.Write(name, text);
  }
  Status Import(const std::vector<std::string>& paths, ImportOptions options,
                ImportReport* report = nullptr) {
    options.write.commit.command = "import";
    return tiegraph::Import(store_.get(), Files(paths), options, report);
  }
  Status Plan(const std::vector<std::string>& paths, OnExisting mode, ImportPlan* plan) {
    ImportOptions options;
    options.on_existing = mode;
    return PlanImport(store_.get(), Files(paths), options, plan);
  }
  Store& store() { return *store_; }
  Counts counts() { return store_->Read()->GetCounts().value(); }
  size_t commits() { return store_->Read()->History().value().size(); }
  Tie tie(const std::string& key) { return store_->Read()->GetTie(key).value(); }
  Institution institution(const std::string& key) {
    return store_->Read()->GetInstitution(key).value();
  }
  void ExpectClean() {
    auto report = store_->Read()->Check();
    REQUIRE(report.ok());
    INFO((report->problems.empty() ? std::string() : report->problems.front()));
    CHECK(report->clean());
  }

 private:
  static std::vector<InputFile> Files(const std::vector<std::string>& paths) {
    std::vector<InputFile> files;
    for (const auto& p : paths) files.push_back({p, InputFormat::kAuto});
    return files;
  }
  TempDir dir_;
  std::unique_ptr<Store> store_;
};

ImportOptions Mode(OnExisting mode) {
  ImportOptions options;
  options.on_existing = mode;
  return options;
}

// The dump's records by kind and key, parsed.
std::map<std::string, nlohmann::json> Records(Store& store) {
  std::map<std::string, nlohmann::json> out;
  for (const std::string& line : LinesOf(DumpOf(store))) {
    auto j = nlohmann::json::parse(line);
    out[j["record"].get<std::string>() + " " + j["key"].get<std::string>()] = j;
  }
  return out;
}

TEST_CASE("re-import: keyless ties imported twice are found, not doubled", "[import][reimport]") {
  Db db;
  REQUIRE(db.counts().ties == 4);  // the four rows of kTies
  const std::string before = DumpOf(db.store());
  const size_t commits = db.commits();
  const std::string ties = db.Write("ties_again.csv", kTies);

  SECTION("error (the default) refuses, naming every row, and writes nothing") {
    Status s = db.Import({ties}, {});
    REQUIRE_FALSE(s.ok());
    CHECK(s.IsInvalidArgument());
    for (int line = 2; line <= 5; ++line)
      CHECK_THAT(s.message(), Contains(ties + ":" + std::to_string(line) + ":"));
    CHECK_THAT(s.message(), Contains("ktl -- kitech (mou, since 2020-01)"));
    CHECK_THAT(s.message(), Contains("already in the database, as '#0'"));
  }
  SECTION("skip and update change nothing, and commit nothing") {
    for (OnExisting mode : {OnExisting::kSkip, OnExisting::kUpdate, OnExisting::kReplace}) {
      ImportPlan plan;
      REQUIRE(db.Plan({ties}, mode, &plan).ok());
      CHECK(plan.of(RecordKind::kTie).unchanged == 4);
      CHECK(plan.of(RecordKind::kTie).added == 0);
      CHECK_FALSE(plan.writes());
      ImportReport report;
      REQUIRE(db.Import({ties}, Mode(mode), &report).ok());
      CHECK(report.commit == 0);
    }
  }
  CHECK(db.counts().ties == 4);
  CHECK(DumpOf(db.store()) == before);
  CHECK(db.commits() == commits);
}

TEST_CASE("re-import: a third tie of an identity stored twice is new", "[import][reimport]") {
  Db db;
  const std::string ties = db.Write("three.csv",
                                    "source,target,type,strength,since\n"  // line 1
                                    "ktl,snuh,joint-research,1,2024\n"     // line 2: "#1"
                                    "snuh,ktl,joint-research,3,2024\n"     // line 3: "#3"
                                    "ktl,snuh,joint-research,5,2024\n");   // line 4: new
  ImportPlan plan;
  REQUIRE(db.Plan({ties}, OnExisting::kUpdate, &plan).ok());
  CHECK(plan.of(RecordKind::kTie).unchanged == 2);
  CHECK(plan.of(RecordKind::kTie).added == 1);
  REQUIRE(db.Import({ties}, Mode(OnExisting::kUpdate)).ok());
  CHECK(db.counts().ties == 5);
  db.ExpectClean();
}

TEST_CASE("re-import: update changes only the fields given", "[import][reimport]") {
  Db db;
  const auto before = Records(db.store());
  const size_t commits = db.commits();
  // kitech's sector, and the strength of the mou between ktl and kitech ("#0"); the files
  // give no region and no role.
  const std::string inst = db.Write("inst_fix.csv",
                                    "key,name,sector\n"         // line 1
                                    "kitech,KITECH,industry\n"  // line 2: sector changes
                                    "snuh,SNUH,hospital\n");    // line 3: as stored
  const std::string ties = db.Write("ties_fix.csv",
                                    "source,target,type,since,strength\n"  // line 1
                                    "kitech,ktl,mou,2020-01,5\n");         // line 2

  ImportPlan plan;
  REQUIRE(db.Plan({inst, ties}, OnExisting::kUpdate, &plan).ok());
  CHECK(plan.of(RecordKind::kInstitution).changed == 1);
  CHECK(plan.of(RecordKind::kInstitution).unchanged == 1);
  CHECK(plan.of(RecordKind::kTie).changed == 1);
  REQUIRE(plan.changes.size() == 2);
  CHECK(plan.changes[0].key == "kitech");
  CHECK(plan.changes[0].fields == std::vector<std::string>{"sector"});
  CHECK(plan.changes[1].key == "#0");
  CHECK(plan.changes[1].fields == std::vector<std::string>{"strength"});

  ImportReport report;
  REQUIRE(db.Import({inst, ties}, Mode(OnExisting::kUpdate), &report).ok());
  CHECK(report.commit == commits + 1);
  // Exactly the two records differ, and in exactly those fields.
  auto after = Records(db.store());
  REQUIRE(after.size() == before.size());
  for (auto& [key, record] : after) {
    nlohmann::json expected = before.at(key);
    if (key == "institution kitech") expected["sector"] = "industry";
    if (key == "tie #0") expected["strength"] = 5.0;
    CHECK(record == expected);
  }
  CHECK(db.institution("kitech").region == Region{"KR", "Chungnam"});  // not given: kept
  CHECK(db.tie("#0").role == "host");
  db.ExpectClean();
  // One commit, of the import, recording the two records.
  auto snap = db.store().Read();
  auto history = snap->History().value();
  REQUIRE(history.size() == commits + 1);
  auto entry = snap->GetHistoryEntry(history.front().id).value();
  CHECK(entry.info.command == "import");
  CHECK_FALSE(entry.bulk);
  REQUIRE(entry.changes.size() == 2);
  std::map<std::string, RecordKind> changed;
  for (const RecordChange& c : entry.changes) changed[c.key] = c.kind;
  CHECK(changed == std::map<std::string, RecordKind>{{"kitech", RecordKind::kInstitution},
                                                     {"#0", RecordKind::kTie}});
}

TEST_CASE("re-import: replace clears the fields the input lacks", "[import][reimport]") {
  Db db;
  const std::string inst = db.Write("inst_fix.csv",
                                    "key,name,sector\n"           // line 1
                                    "kitech,KITECH,industry\n");  // line 2: no region
  const std::string ties = db.Write("ties_fix.csv",
                                    "source,target,type,since,strength\n"  // line 1
                                    "ktl,kitech,mou,2020-01,2\n");         // line 2: no role
  ImportPlan plan;
  REQUIRE(db.Plan({inst, ties}, OnExisting::kReplace, &plan).ok());
  REQUIRE(plan.changes.size() == 2);
  CHECK(plan.changes[0].fields == std::vector<std::string>{"sector", "region"});
  CHECK(plan.changes[1].fields == std::vector<std::string>{"role"});
  REQUIRE(db.Import({inst, ties}, Mode(OnExisting::kReplace)).ok());
  const Institution kitech = db.institution("kitech");
  CHECK(kitech.sector == Sector::kIndustry);
  CHECK(kitech.region.empty());
  const Tie t = db.tie("#0");
  CHECK(t.role.empty());
  CHECK(t.strength == 2);
  CHECK(t.source == "ktl");
  CHECK(t.target == "kitech");
  db.ExpectClean();
}

TEST_CASE("re-import: skip keeps the stored records and reports the differences",
          "[import][reimport]") {
  Db db;
  const std::string before = DumpOf(db.store());
  const std::string inst = db.Write("inst_fix.csv",
                                    "key,name,sector\n"         // line 1
                                    "kitech,KITECH,industry\n"  // line 2: differs, skipped
                                    "kaist,KAIST,academia\n");  // line 3: new
  ImportPlan plan;
  REQUIRE(db.Plan({inst}, OnExisting::kSkip, &plan).ok());
  CHECK(plan.of(RecordKind::kInstitution).skipped == 1);
  CHECK(plan.of(RecordKind::kInstitution).added == 1);
  REQUIRE(plan.changes.size() == 1);
  CHECK(plan.changes[0].action == PlanAction::kSkipped);
  CHECK(plan.changes[0].fields == std::vector<std::string>{"sector"});
  REQUIRE(db.Import({inst}, Mode(OnExisting::kSkip)).ok());
  CHECK(db.institution("kitech").sector == Sector::kResearch);
  CHECK(db.institution("kaist").sector == Sector::kAcademia);
  CHECK(db.counts().institutions == 4);
}

TEST_CASE("re-import: JSON Lines give the fields present, and [] clears a list",
          "[import][reimport]") {
  Db db;
  const std::string fix = db.Write(
      "fix.jsonl",
      R"({"record":"institution","key":"ktl","name":"KTL","aliases":["Korea Testing Lab"]})"
      "\n"
      R"({"record":"institution","key":"snuh","name":"SNUH","region":[]})"
      "\n");
  REQUIRE(db.Import({fix}, Mode(OnExisting::kUpdate)).ok());
  const Institution ktl = db.institution("ktl");
  CHECK(ktl.aliases == std::vector<std::string>{"Korea Testing Lab"});
  CHECK(ktl.sector == Sector::kPublicAgency);  // absent: kept
  CHECK(ktl.region == Region{"KR", "Gyeongnam"});
  CHECK(db.institution("snuh").region.empty());  // given, empty
  db.ExpectClean();
  // A dump read back changes nothing, whatever the mode.
  const std::string dump = db.Write("dump.jsonl", DumpOf(db.store()));
  for (OnExisting mode : {OnExisting::kSkip, OnExisting::kUpdate, OnExisting::kReplace}) {
    ImportPlan plan;
    REQUIRE(db.Plan({dump}, mode, &plan).ok());
    CHECK_FALSE(plan.writes());
    CHECK(plan.changes.empty());
  }
}

TEST_CASE("re-import: a tie cannot move to other institutions", "[import][reimport]") {
  Db db;
  const std::string keyed = db.Write("moved.csv",
                                     "key,source,target,type\n"  // line 1
                                     "#2,kitech,ktl,mou\n");     // line 2: "#2" is kitech-snuh
  Status s = db.Import({keyed}, Mode(OnExisting::kUpdate));
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.message(), Contains(keyed + ":2: field 'target'"));
  CHECK_THAT(s.message(), Contains("cannot move a tie"));
  // Skipped, it is reported as differing in its ends.
  ImportPlan plan;
  REQUIRE(db.Plan({keyed}, OnExisting::kSkip, &plan).ok());
  REQUIRE(plan.changes.size() == 1);
  CHECK(plan.changes[0].fields == std::vector<std::string>{"source", "target"});
  CHECK(db.tie("#2").target == "snuh");
}

TEST_CASE("re-import: new and changed records go in one commit", "[import][reimport]") {
  Db db;
  const size_t commits = db.commits();
  const std::string inst = db.Write("more.csv",
                                    "key,name,sector\n"       // line 1
                                    "kaist,KAIST,academia\n"  // line 2: new
                                    "ktl,KTL,research\n");    // line 3: sector changes
  const std::string ties = db.Write("more_ties.csv",
                                    "source,target,type,strength\n"  // line 1
                                    "kaist,ktl,mou,1\n"              // line 2: new
                                    "kitech,snuh,mou,4\n");          // line 3: "#2", strength
  ImportReport report;
  REQUIRE(db.Import({inst, ties}, Mode(OnExisting::kUpdate), &report).ok());
  CHECK(db.commits() == commits + 1);
  CHECK(db.counts().institutions == 4);
  CHECK(db.counts().ties == 5);
  CHECK(db.tie("#2").strength == 4);
  CHECK(db.institution("ktl").sector == Sector::kResearch);
  auto snap = db.store().Read();
  auto entry = snap->GetHistoryEntry(report.commit).value();
  CHECK(entry.changes.size() == 4);  // two created, two changed
  db.ExpectClean();
}

TEST_CASE("re-import: a plan made before another commit is refused", "[import][reimport]") {
  Db db;
  const std::string inst = db.Write("fix.csv",
                                    "key,name,sector\n"     // line 1
                                    "ktl,KTL,research\n");  // line 2
  ImportOptions options = Mode(OnExisting::kUpdate);
  ImportPlan plan;
  REQUIRE(db.Plan({inst}, OnExisting::kUpdate, &plan).ok());
  Dataset more;
  Institution kaist;
  kaist.key = "kaist";
  kaist.name = "KAIST";
  more.institutions.push_back(kaist);
  REQUIRE(db.store().Write(more, {}).ok());
  Status s = ApplyImport(&db.store(), plan, options);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.message(), Contains("plan it again"));
  CHECK(db.institution("ktl").sector == Sector::kPublicAgency);
}

TEST_CASE("re-import: a few ties against many are looked up one by one", "[import][reimport]") {
  // 40 stored ties (a chain), then an input of 3: planned by lookups rather than a scan.
  TempDir dir;
  std::vector<std::string> keys;
  std::vector<TieSpec> chain;
  for (int i = 0; i <= 40; ++i) keys.push_back("n" + std::to_string(i));
  for (int i = 0; i < 40; ++i) chain.push_back({keys[i], keys[i + 1], 1.0 + i});
  auto store = StoreWith(dir.File("db"), keys, chain);
  // StoreWith's ties have the default type "tie" and no since; tie i joins n<i> and n<i+1>.
  const std::string ties = dir.Write("few.csv",
                                     "source,target,strength,key\n"  // line 1
                                     "n6,n5,9,\n"                    // line 2: the 6th tie
                                     "n7,n8,8,\n"                    // line 3: as stored
                                     "n1,n2,2,#1\n");                // line 4: by key
  ImportOptions options;
  options.on_existing = OnExisting::kUpdate;
  ImportPlan plan;
  REQUIRE(PlanImport(store.get(), {{ties, InputFormat::kAuto}}, options, &plan).ok());
  CHECK(plan.of(RecordKind::kTie).changed == 1);
  CHECK(plan.of(RecordKind::kTie).unchanged == 2);
  REQUIRE(plan.changes.size() == 1);
  CHECK(plan.changes[0].key == "#5");
  CHECK(plan.changes[0].fields == std::vector<std::string>{"strength"});
  REQUIRE(ApplyImport(store.get(), plan, options).ok());
  CHECK(store->Read()->GetTie("#5")->strength == 9);
  CHECK(store->Read()->GetCounts()->ties == 40);
}

}  // namespace
}  // namespace tiegraph::test
