// Several users of one database: a second writer waits for the first (lock_wait_seconds), and a
// read-only Store sees a writer's later commits after Refresh, while its older snapshots keep
// their view.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "test_util.h"

namespace tiegraph {
namespace {

using Catch::Matchers::Contains;
using Clock = std::chrono::steady_clock;
using test::OpenStore;
using test::TempDir;

Dataset OneInstitution(const std::string& key) {
  Institution in;
  in.key = key;
  in.name = "Institution " + key;
  return Dataset{{in}, {}, {}};
}

double SecondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

TEST_CASE("a second writer waits for the first, up to its limit", "[store][lock]") {
  TempDir dir;
  const std::string path = dir.File("db");
  auto first = OpenStore(path);
  OpenOptions wait;
  wait.lock_wait_seconds = 0.3;
  std::unique_ptr<Store> second;

  SECTION("the first keeps it: the second gives up after the wait") {
    const auto t0 = Clock::now();
    Status s = Store::Open(path, wait, &second);
    const double waited = SecondsSince(t0);
    CHECK(s.IsIOError());
    CHECK_THAT(s.message(), Contains("database " + path + " is in use by another writer") &&
                                Contains("gave up after waiting 0.3 s"));
    CHECK(waited >= 0.3);
    CHECK(waited < 5);
    // Without a wait it fails at once, as before.
    const auto t1 = Clock::now();
    CHECK(Store::Open(path, OpenOptions{}, &second).IsIOError());
    CHECK(SecondsSince(t1) < 0.3);
  }
  SECTION("the first closes within the wait: the second opens and writes") {
    wait.lock_wait_seconds = 30;
    std::thread closer([&]() {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      first.reset();
    });
    const auto t0 = Clock::now();
    Status s = Store::Open(path, wait, &second);
    const double waited = SecondsSince(t0);
    closer.join();
    INFO(s.ToString());
    REQUIRE(s.ok());
    CHECK(waited >= 0.25);
    CHECK(waited < 30);
    REQUIRE(second->Write(OneInstitution("late"), WriteOptions{}).ok());
  }
}

TEST_CASE("a read-only store sees a writer's later commits after Refresh", "[store][refresh]") {
  TempDir dir;
  const std::string path = dir.File("db");
  auto writer = OpenStore(path);
  REQUIRE(writer->Write(OneInstitution("a"), WriteOptions{}).ok());

  OpenOptions read_only;
  read_only.read_only = true;
  std::unique_ptr<Store> reader;
  REQUIRE(Store::Open(path, read_only, &reader).ok());
  auto before = reader->Read();
  CHECK(before->GetCounts()->institutions == 1);

  REQUIRE(writer->Write(OneInstitution("b"), WriteOptions{}).ok());
  // Opened before the commit, the reader does not follow the writer...
  CHECK(reader->Read()->GetCounts()->institutions == 1);
  CHECK(reader->Read()->GetInstitution("b").status().IsNotFound());
  // ...until it refreshes.
  REQUIRE(reader->Refresh().ok());
  auto after = reader->Read();
  CHECK(after->GetCounts()->institutions == 2);
  CHECK(after->GetInstitution("b").ok());
  // The snapshot taken before keeps its view, and outlives the store.
  CHECK(before->GetCounts()->institutions == 1);
  reader.reset();
  CHECK(before->GetInstitution("a").ok());
  CHECK(before->GetInstitution("b").status().IsNotFound());
  CHECK(after->GetInstitution("b").ok());

  // The writer sees its own commits without refreshing; Refresh does nothing to it.
  REQUIRE(writer->Refresh().ok());
  CHECK(writer->Read()->GetCounts()->institutions == 2);
}

TEST_CASE("snapshots may be read while another thread refreshes", "[store][refresh]") {
  TempDir dir;
  const std::string path = dir.File("db");
  auto writer = OpenStore(path);
  REQUIRE(writer->Write(OneInstitution("k0"), WriteOptions{}).ok());
  OpenOptions read_only;
  read_only.read_only = true;
  std::unique_ptr<Store> reader;
  REQUIRE(Store::Open(path, read_only, &reader).ok());
  std::atomic<bool> done{false};
  std::atomic<int> bad_reads{0};
  std::thread readers([&]() {
    uint64_t last = 0;
    while (!done) {
      const uint64_t n = reader->Read()->GetCounts()->institutions;
      if (n < last || n == 0) ++bad_reads;  // counts only grow
      last = n;
    }
  });
  for (int i = 1; i <= 20; ++i) {
    REQUIRE(writer->Write(OneInstitution("k" + std::to_string(i)), WriteOptions{}).ok());
    REQUIRE(reader->Refresh().ok());
  }
  done = true;
  readers.join();
  CHECK(bad_reads == 0);
  CHECK(reader->Read()->GetCounts()->institutions == 21);
}

}  // namespace
}  // namespace tiegraph
