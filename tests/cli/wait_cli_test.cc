// `--wait SECONDS`: a command that writes waits while another process writes the database,
// then fails with exit 2 and says so; a read never waits.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;
using Clock = std::chrono::steady_clock;

TEST_CASE("cli --wait waits for another writer, then gives up clearly", "[cli][lock]") {
  TempDir dir;
  const std::string db = dir.File("db");
  RunOk({"--db", db, "init"});
  auto holder = OpenStore(db);  // this process writes while the CLI tries to

  const auto t0 = Clock::now();
  CliResult r = RunCli({"--db", db, "--wait", "0.5", "add", "institution", "x", "--name", "X"});
  const double waited = std::chrono::duration<double>(Clock::now() - t0).count();
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("is in use by another writer; gave up after waiting 0.5 s"));
  CHECK(waited >= 0.5);
  // Reading needs no lock.
  CHECK(RunCli({"--db", db, "stats"}).exit_code == 0);

  // The holder closes after 300 ms; a CLI that waits up to 30 s then writes.
  std::thread closer([&]() {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    holder.reset();
  });
  CliResult later = RunCli({"--db", db, "--wait", "30", "add", "institution", "x", "--name", "X"});
  closer.join();
  CHECK(later.exit_code == 0);
  CHECK_THAT(later.out, Contains("added institution x"));
  CHECK(RunCli({"--db", db, "--wait", "-1", "stats"}).exit_code == 1);  // not a duration
}

}  // namespace
}  // namespace tiegraph::test
