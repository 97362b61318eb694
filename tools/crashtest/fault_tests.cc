#include "fault_tests.h"

#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "database_state.h"
#include "workload.h"

namespace tiegraph::crashtest {
namespace {
namespace fs = std::filesystem;

// Bulk imports of institutions with 4 KiB names: a few megabytes fill in a few commits.
constexpr size_t kLargeRecords = 64;

// Runs large writes on `store` until one fails with the database's own error, keeping the
// description of the database after the last commit that succeeded. Returns that error, or OK
// when 200 operations all succeeded.
Status WriteUntilFailure(Store* store, uint64_t seed, std::string* last_state, std::ostream& log) {
  Workload workload(seed, kLargeRecords);
  for (int i = 0; i < 200; ++i) {
    auto step = workload.Step(store);
    if (!step.ok()) return step.status();
    if (step->committed) {
      auto state = DescribeState(*store);
      if (!state.ok()) return state.status();
      *last_state = std::move(*state);
      log << "  committed: " << step->what << "\n";
    }
  }
  return Status::OK();
}

// Whether the database at `db` checks clean and holds `expected`; says so on `log`.
bool ReopensAsBefore(const std::string& db, const std::string& expected, std::ostream& log) {
  auto state = OpenCheckDescribe(db);
  if (!state.ok()) {
    log << "reopening after the failure: " << state.status().message() << "\n";
    return false;
  }
  if (*state != expected) {
    log << "the database does not hold what the commits before the failure left\n";
    return false;
  }
  log << "reopened: check clean, every commit before the failure there, nothing of the failed "
         "one\n";
  return true;
}

bool Mentions(const Status& s, const char* what, std::ostream& log) {
  log << "the failing write said: " << s.message() << "\n";
  if (s.message().find(what) != std::string::npos) return true;
  log << "expected the message to say \"" << what << "\"\n";
  return false;
}

// Creates the database at `db` and describes it as created; null (said on `log`) on failure.
std::unique_ptr<Store> CreateDescribed(const std::string& db, std::string* state,
                                       std::ostream& log) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(db, {.create_if_missing = true}, &store);
  auto described = s.ok() ? DescribeState(*store) : Result<std::string>(s);
  if (!described.ok()) {
    log << "cannot create " << db << ": " << described.status().message() << "\n";
    return nullptr;
  }
  *state = std::move(*described);
  return store;
}

}  // namespace

int RunDiskFullTest(const std::string& dir, uint64_t seed, std::ostream& log) {
  const fs::path disk = fs::path(dir) / "small-disk";
  std::error_code ec;
  fs::create_directories(disk, ec);
  if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=4m") != 0) {
    log << "cannot mount a small tmpfs at " << disk.string() << " (" << std::strerror(errno)
        << "): the disk-full test needs root; skipped\n";
    return kSkipped;
  }
  // However the test ends, the small disk goes.
  auto unmount = [](const fs::path* p) { ::umount2(p->c_str(), MNT_DETACH); };
  std::unique_ptr<const fs::path, decltype(unmount)> mounted(&disk, unmount);

  const std::string db = disk / "db";
  std::string last_state;
  Status failure;
  {
    std::unique_ptr<Store> store = CreateDescribed(db, &last_state, log);
    if (!store) return 1;
    failure = WriteUntilFailure(store.get(), seed, &last_state, log);
    if (failure.ok()) {
      log << "the 4 MiB disk never filled\n";
      return 1;
    }
    if (!Mentions(failure, "No space left on device", log)) return 1;
    // Reads go on while the disk is full.
    if (!store->Read()->GetCounts().ok()) {
      log << "reading failed while the disk was full\n";
      return 1;
    }
  }
  // Opening while the disk is still full may fail (RocksDB writes a new log and manifest),
  // but must say why and change nothing.
  std::unique_ptr<Store> full;
  Status s = Store::Open(db, {}, &full);
  log << "opening while full: " << (s.ok() ? "opened" : s.message()) << "\n";
  full.reset();
  if (::mount("tmpfs", disk.c_str(), "tmpfs", MS_REMOUNT, "size=64m") != 0) {
    log << "cannot enlarge the tmpfs: " << std::strerror(errno) << "\n";
    return 1;
  }
  if (!ReopensAsBefore(db, last_state, log)) return 1;
  log << "disk-full test passed\n";
  return 0;
}

int RunFileLimitTest(const std::string& dir, uint64_t seed, std::ostream& log) {
  const std::string db = fs::path(dir) / "file-limit-db";
  std::error_code ec;
  fs::remove_all(db, ec);
  std::string last_state;
  Status failure;
  // Past the limit a write fails with EFBIG instead of the process dying of SIGXFSZ.
  ::signal(SIGXFSZ, SIG_IGN);
  rlimit unlimited{};
  ::getrlimit(RLIMIT_FSIZE, &unlimited);
  {
    std::unique_ptr<Store> store = CreateDescribed(db, &last_state, log);
    if (!store) return 1;
    rlimit limited = unlimited;
    limited.rlim_cur = 1 << 20;  // no file may grow past 1 MiB
    ::setrlimit(RLIMIT_FSIZE, &limited);
    failure = WriteUntilFailure(store.get(), seed, &last_state, log);
    // The store closes under the limit too, as it would on a failing disk.
  }
  ::setrlimit(RLIMIT_FSIZE, &unlimited);
  if (failure.ok()) {
    log << "no write reached the file-size limit\n";
    return 1;
  }
  if (!Mentions(failure, "File too large", log)) return 1;
  if (!ReopensAsBefore(db, last_state, log)) return 1;
  log << "file-limit test passed\n";
  return 0;
}

}  // namespace tiegraph::crashtest
