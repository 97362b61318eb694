// `check`: clean after writes, and each kind of damage to an index is found. The damage is
// made by hand with RocksDB directly, so the expectations do not come from the checker.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "key_format.h"
#include "raw_db.h"
#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

std::string FirstTieKey(const std::string& path) {
  std::string key;
  auto store = OpenStore(path);
  REQUIRE(store->Read()
              ->ForEachTie([&](const Tie& t) {
                key = t.key;
                return false;
              })
              .ok());
  return key;
}

CheckReport CheckOf(const std::string& path) {
  auto store = OpenStore(path);
  auto report = store->Read()->Check();
  REQUIRE(report.ok());
  return *report;
}

TEST_CASE("check: a written database is clean and counts its records", "[store][check]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  const auto seed = LoadSampleJson();
  const CheckReport r = CheckOf(db);
  INFO((r.problems.empty() ? std::string() : r.problems.front()));
  CHECK(r.clean());
  CHECK(r.records.institutions == seed["institutions"].size());
  CHECK(r.records.ties == seed["ties"].size());
  CHECK(r.records.events == seed["events"].size());
}

TEST_CASE("check: each damaged index is reported", "[store][check]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  const std::string tie_key = FirstTieKey(db);
  const std::string first_key = "ktl";
  uint64_t ties = 0;
  {
    auto counts = OpenStore(db)->Read()->GetCounts();
    REQUIRE(counts.ok());
    ties = counts->ties;
  }
  SECTION("a name entry removed") {
    // The key itself is one of the names an institution is found by.
    WithRawDb(db, [&](rocksdb::DB* db, auto& cf) {
      REQUIRE(db->Delete({}, cf[keys::kNames], keys::NameKey(first_key, first_key)).ok());
    });
    const CheckReport r = CheckOf(db);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0], Contains("names: missing entry"));
  }
  SECTION("an adjacency entry left behind") {
    WithRawDb(db, [&](rocksdb::DB* db, auto& cf) {
      REQUIRE(db->Put({}, cf[keys::kAdjacency], keys::AdjacencyKey(first_key, 999, 999), "x").ok());
    });
    const CheckReport r = CheckOf(db);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0], Contains("adjacency: entry no record implies"));
  }
  SECTION("a tie key pointing at the wrong tie") {
    WithRawDb(db, [&](rocksdb::DB* db, auto& cf) {
      REQUIRE(db->Put({}, cf[keys::kTieKeys], tie_key, keys::TieSeqKey(12345)).ok());
    });
    const CheckReport r = CheckOf(db);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0], Contains("tie_keys: wrong value"));
  }
  SECTION("a counter off by one") {
    WithRawDb(db, [&](rocksdb::DB* db, auto& cf) {
      std::string v;
      keys::AppendU64(&v, ties + 1);
      REQUIRE(db->Put({}, cf[keys::kMeta], keys::kTieCountKey, v).ok());
    });
    const CheckReport r = CheckOf(db);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0], Contains("count/ties"));
  }
  SECTION("a tie whose record is gone") {
    WithRawDb(db, [&](rocksdb::DB* db, auto& cf) {
      REQUIRE(db->Delete({}, cf[keys::kTies], keys::TieSeqKey(0)).ok());
    });
    // Its key, both adjacency entries, its digest and the tie count all disagree now.
    const CheckReport r = CheckOf(db);
    CHECK(r.problems.size() >= 4);
  }
}

TEST_CASE("check: the CLI exits 1 on a mismatch and 0 when clean", "[cli][check]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  CliResult clean = RunCli({"--db", db, "check"});
  CHECK(clean.exit_code == 0);
  CHECK_THAT(clean.out, Contains("Every index and counter matches the records."));
  WithRawDb(db, [&](rocksdb::DB* raw, auto& cf) {
    REQUIRE(raw->Delete({}, cf[keys::kNames], keys::NameKey("ktl", "ktl")).ok());
  });
  CliResult bad = RunCli({"--db", db, "check"});
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.out, Contains("names: missing entry"));
}

}  // namespace
}  // namespace tiegraph::test
