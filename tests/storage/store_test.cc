// The store: opening and recognising directories, atomic writes, indexes, snapshots.
#include <catch2/catch.hpp>

#include <rocksdb/db.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "key_format.h"
#include "raw_db.h"
#include "test_util.h"

namespace tiegraph {
namespace {

using test::DumpOf;
using test::OpenStore;
using test::TempDir;

Dataset SmallNetwork() {
  Dataset d;
  Institution a;
  a.key = "ktl";
  a.name = "한국산업기술시험원";
  a.aliases = {"Korea Testing Laboratory", "KTL"};
  a.sector = Sector::kPublicAgency;
  Institution b;
  b.key = "cn";
  b.name = "충청남도";
  b.sector = Sector::kGovernment;
  Institution c;
  c.key = "ktl-center";
  c.name = "KTL Bio-Medical Center";
  c.parent = "ktl";
  c.kind = "facility";
  d.institutions = {a, b, c};
  Tie t1;
  t1.key = "T1";
  t1.source = "cn";
  t1.target = "ktl";
  t1.type = "planned_cooperation";
  t1.status = TieStatus::kPlanned;
  Tie t2;
  t2.source = "ktl-center";
  t2.target = "ktl";
  t2.type = "part_of";
  t2.directed = true;
  d.ties = {t1, t2};
  return d;
}

TEST_CASE("a missing database is not created unless asked", "[store]") {
  TempDir dir;
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir.File("db"), OpenOptions{}, &store);
  CHECK(s.IsNotFound());
  CHECK_THAT(s.message(), Catch::Contains("init"));
  CHECK_FALSE(std::filesystem::exists(dir.File("db")));
}

TEST_CASE("error_if_exists creates a new database and refuses an existing one", "[store]") {
  TempDir dir;
  OpenOptions options;
  options.create_if_missing = true;
  options.error_if_exists = true;
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir.File("db"), options, &store).ok());
  store.reset();
  Status s = Store::Open(dir.File("db"), options, &store);
  CHECK(s.IsInvalidArgument());
  CHECK(s.message() == "the tiegraph database at " + dir.File("db") + " already exists");
  CHECK(store == nullptr);
}

TEST_CASE("foreign directories give a clear error, never a crash", "[store]") {
  TempDir dir;
  OpenOptions create;
  create.create_if_missing = true;
  std::unique_ptr<Store> store;

  SECTION("a directory with other files") {
    dir.Write("notes.txt", "hello");
    Status s = Store::Open(dir.path(), create, &store);
    CHECK(s.IsCorruption());
    CHECK_THAT(s.message(), Catch::Contains("not a tiegraph database"));
  }
  SECTION("a regular file") {
    std::string file = dir.Write("file", "x");
    CHECK(Store::Open(file, create, &store).IsCorruption());
  }
  SECTION("a RocksDB database of someone else") {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(o, dir.File("other"), &raw).ok());
    REQUIRE(raw->Put(rocksdb::WriteOptions(), "k", "v").ok());
    delete raw;
    Status s = Store::Open(dir.File("other"), create, &store);
    CHECK(s.IsCorruption());
    CHECK_THAT(s.message(), Catch::Contains("not a tiegraph one"));
  }
}

TEST_CASE("a database of a newer format is refused", "[store]") {
  TempDir dir;
  { auto store = OpenStore(dir.path()); }
  // Rewrite the format marker the way a future version would.
  test::WriteRawDatabase(dir.path(), keys::kFamilyCount, std::string(keys::kFormatMagic) + "99");
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir.path(), OpenOptions{}, &store);
  CHECK(s.code() == Status::Code::kNotSupported);
  CHECK_THAT(s.message(), Catch::Contains("format 99"));
}

TEST_CASE("records, names and adjacency are written and read back", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  WriteSummary summary;
  REQUIRE(store->Write(SmallNetwork(), WriteOptions{}, &summary).ok());
  CHECK(summary.institutions == 3);
  CHECK(summary.ties == 2);
  auto snap = store->Read();
  CHECK(snap->GetCounts()->institutions == 3);
  CHECK(snap->GetCounts()->ties == 2);

  auto ktl = snap->GetInstitution("ktl");
  REQUIRE(ktl.ok());
  CHECK(ktl->aliases == std::vector<std::string>{"Korea Testing Laboratory", "KTL"});

  for (const char* name : {"KTL", "ktl", "Korea Testing Laboratory", "korea  testing laboratory",
                           "한국산업기술시험원"}) {
    INFO(name);
    auto found = snap->LookupName(name);
    REQUIRE(found.ok());
    CHECK(*found == std::vector<std::string>{"ktl"});
  }
  CHECK(snap->LookupName("nobody")->empty());

  std::vector<TieRef> refs;
  REQUIRE(snap->TiesOf("ktl", &refs).ok());
  REQUIRE(refs.size() == 2);
  std::sort(refs.begin(), refs.end(),
            [](const auto& a, const auto& b) { return a.other < b.other; });
  CHECK(refs[0].other == "cn");
  CHECK(refs[0].tie_key == "T1");
  CHECK(refs[0].direction == TieRef::Direction::kUndirected);
  CHECK(refs[0].status == TieStatus::kPlanned);
  CHECK(refs[1].other == "ktl-center");
  CHECK(refs[1].direction == TieRef::Direction::kIn);  // ktl-center -> ktl, seen from ktl
  CHECK(refs[1].tie_key == "#1");                      // assigned: the second tie written
  REQUIRE(snap->TiesOf("ktl-center", &refs).ok());
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].direction == TieRef::Direction::kOut);
  CHECK(snap->TiesOf("nobody", &refs).IsNotFound());

  auto tie = snap->GetTie("T1");
  REQUIRE(tie.ok());
  CHECK(tie->source == "cn");
}

TEST_CASE("a snapshot does not see later writes", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  REQUIRE(store->Write(SmallNetwork(), WriteOptions{}).ok());
  auto before = store->Read();
  Dataset more;
  Institution x;
  x.key = "x";
  x.name = "X";
  more.institutions = {x};
  REQUIRE(store->Write(more, WriteOptions{}).ok());
  CHECK(before->GetCounts()->institutions == 3);
  CHECK(before->GetInstitution("x").status().IsNotFound());
  CHECK(store->Read()->GetCounts()->institutions == 4);
}

TEST_CASE("a failure in the middle of a write leaves the database unchanged", "[store][atomic]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  REQUIRE(store->Write(SmallNetwork(), WriteOptions{}).ok());
  const std::string before = DumpOf(*store);

  // A second, larger dataset; the injected failure strikes after some of its entries.
  Dataset d;
  for (int i = 0; i < 50; ++i) {
    Institution in;
    in.key = "n" + std::to_string(i);
    in.name = "Node " + std::to_string(i);
    d.institutions.push_back(in);
  }
  for (int i = 0; i < 49; ++i) {
    Tie t;
    t.source = "n" + std::to_string(i);
    t.target = "n" + std::to_string(i + 1);
    d.ties.push_back(t);
  }
  const bool bulk = GENERATE(false, true);
  INFO((bulk ? "bulk ingestion" : "write batch"));
  WriteOptions options;
  options.bulk_threshold = bulk ? 10 : 1000000;
  options.fail_after_entries = 120;
  Status s = store->Write(d, options);
  CHECK(s.IsIOError());
  CHECK_THAT(s.message(), Catch::Contains("injected"));
  CHECK(DumpOf(*store) == before);
  CHECK(store->Read()->GetCounts()->institutions == 3);
  CHECK(store->Read()->LookupName("Node 7")->empty());
  // No ingestion leftovers in the directory.
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    CHECK(e.path().filename().string().rfind("ingest-", 0) != 0);
  }
  // And the same write without the failure succeeds afterwards.
  options.fail_after_entries = 0;
  REQUIRE(store->Write(d, options).ok());
  CHECK(store->Read()->GetCounts()->institutions == 53);
  CHECK(store->Read()->GetCounts()->ties == 51);
}

TEST_CASE("bulk ingestion and write batches give the same database", "[store]") {
  TempDir a, b;
  auto batch = OpenStore(a.path());
  auto bulk = OpenStore(b.path());
  WriteOptions batch_opts, bulk_opts;
  bulk_opts.bulk_threshold = 1;
  WriteSummary s1, s2;
  REQUIRE(batch->Write(SmallNetwork(), batch_opts, &s1).ok());
  REQUIRE(bulk->Write(SmallNetwork(), bulk_opts, &s2).ok());
  CHECK_FALSE(s1.bulk);
  CHECK(s2.bulk);
  CHECK(DumpOf(*batch) == DumpOf(*bulk));
  std::vector<TieRef> ra, rb;
  REQUIRE(batch->Read()->TiesOf("ktl", &ra).ok());
  REQUIRE(bulk->Read()->TiesOf("ktl", &rb).ok());
  CHECK(ra.size() == rb.size());
  CHECK(*bulk->Read()->LookupName("KTL") == std::vector<std::string>{"ktl"});
}

TEST_CASE("the store survives reopening", "[store]") {
  TempDir dir;
  std::string before;
  {
    auto store = OpenStore(dir.path());
    WriteOptions bulk;
    bulk.bulk_threshold = 1;
    REQUIRE(store->Write(SmallNetwork(), bulk).ok());
    before = DumpOf(*store);
  }
  auto store = OpenStore(dir.path());
  CHECK(DumpOf(*store) == before);
  // Counters continue: the next assigned tie key follows the two ties already written.
  Dataset d;
  Tie t;
  t.source = "cn";
  t.target = "ktl-center";
  d.ties = {t};
  REQUIRE(store->Write(d, WriteOptions{}).ok());
  CHECK(store->Read()->GetTie("#2").ok());
}

TEST_CASE("a corrupt id counter fails the write instead of reusing ids", "[store]") {
  TempDir dir;
  { REQUIRE(OpenStore(dir.path())->Write(SmallNetwork(), WriteOptions{}).ok()); }
  {
    // Three bytes where the 8-byte next node id belongs, written with RocksDB directly.
    test::WithRawDb(dir.path(), [](rocksdb::DB* raw, auto& handles) {
      REQUIRE(raw->Put(rocksdb::WriteOptions(), handles[keys::kMeta], keys::kNextNodeIdKey, "bad")
                  .ok());
    });
  }
  auto store = OpenStore(dir.path());
  const std::string before = DumpOf(*store);
  Dataset d;
  Institution in;
  in.key = "new";
  in.name = "New Institute";
  d.institutions = {in};
  const Status s = store->Write(d, WriteOptions{});
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK_THAT(s.message(), Catch::Matchers::Contains("next_node_id"));
  CHECK(DumpOf(*store) == before);  // nothing written, no id handed out twice
}

TEST_CASE("assigned and given tie keys are all found after a bulk write", "[store]") {
  // 1200 ties: assigned keys #0 … #1199 must be written in byte order ("#1", "#10", "#100",
  // "#1000", "#1001", … "#2") among given keys that sort before, between and after them.
  TempDir dir;
  auto store = OpenStore(dir.path());
  Dataset d = SmallNetwork();
  d.ties.clear();
  for (int i = 0; i < 1200; ++i) {
    Tie t;
    t.source = "cn";
    t.target = "ktl";
    if (i % 7 == 0) t.key = (i % 2 ? "#" : (i % 3 ? "!" : "~")) + std::to_string(i) + "given";
    d.ties.push_back(t);
  }
  WriteOptions bulk;
  bulk.bulk_threshold = 1;  // sorted tables: an out-of-order key would fail the write
  REQUIRE(store->Write(d, bulk).ok());
  auto snap = store->Read();
  for (int i = 0; i < 1200; ++i) {
    const std::string key = i % 7 == 0
                                ? (i % 2 ? "#" : (i % 3 ? "!" : "~")) + std::to_string(i) + "given"
                                : "#" + std::to_string(i);
    INFO(key);
    REQUIRE(snap->GetTie(key).ok());
  }
}

}  // namespace
}  // namespace tiegraph
