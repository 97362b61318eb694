#include "kill_test.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>
#include <vector>

#include "database_state.h"
#include "workload.h"

extern char** environ;

namespace tiegraph::crashtest {
namespace {
namespace fs = std::filesystem;

// What the child acknowledged: one entry per finished operation, whether it committed.
std::vector<bool> ReadAcknowledgements(const std::string& path) {
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<bool> committed;
  size_t start = 0;
  // A line the kill cut short is no acknowledgement.
  for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    committed.push_back(text.compare(end - 1, 1, "1") == 0);
  }
  return committed;
}

pid_t StartChild(const KillOptions& options, const std::string& db, uint64_t seed,
                 const std::string& ack, const std::string& log) {
  std::vector<std::string> args = {options.self,   "child",
                                   "--db",         db,
                                   "--seed",       std::to_string(seed),
                                   "--ack",        ack,
                                   "--operations", std::to_string(options.max_operations)};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, options.self.c_str(), &files, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  return rc == 0 ? pid : -1;
}

// Replays `done` operations of `workload` (as the run was given it) on the copy at `path`, then
// compares with `actual`; failing that, one operation more. Returns 0 (matches after `done`), 1
// (after one more: a commit that landed unacknowledged), or an error saying how they differ.
Result<int> MatchReplay(const std::string& path, Workload workload, const std::vector<bool>& done,
                        const std::string& actual, std::string* expected) {
  OpenOptions open;
  open.sync_commits = false;  // the copy is rebuilt, not trusted with anything
  std::unique_ptr<Store> store;
  TIEGRAPH_RETURN_IF_ERROR(Store::Open(path, open, &store));
  for (size_t i = 0; i < done.size(); ++i) {
    auto step = workload.Step(store.get());
    if (!step.ok()) return step.status();
    if (step->committed != done[i]) {
      return Status::Corruption("replaying operation " + std::to_string(i) + " (" + step->what +
                                "): it " + (step->committed ? "committed" : "was refused") +
                                " here but not in the killed run");
    }
  }
  auto state = DescribeState(*store);
  if (!state.ok()) return state.status();
  if (*state == actual) return 0;
  *expected = *state;
  auto step = workload.Step(store.get());
  if (!step.ok()) return step.status();
  state = DescribeState(*store);
  if (!state.ok()) return state.status();
  if (*state == actual) return 1;
  return Status::Corruption("the database matches neither the " + std::to_string(done.size()) +
                            " acknowledged operations nor one more (" + step->what + ")");
}

void WriteFile(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

int RunKillChild(const std::string& db, uint64_t seed, const std::string& ack, size_t operations,
                 bool split_bulk_writes) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(db, {}, &store);  // synced commits: what an acknowledgement promises
  if (!s.ok()) {
    std::cerr << "child: " << s.message() << "\n";
    return 3;
  }
  int fd = ::open(ack.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
  if (fd < 0) return 3;
  Workload workload(seed, 1, split_bulk_writes);
  for (size_t i = 0; i < operations; ++i) {
    auto step = workload.Step(store.get());
    if (!step.ok()) {
      std::cerr << "child: operation " << i << ": " << step.status().message() << "\n";
      return 3;
    }
    // One write per line, so a kill leaves whole lines and at most one short one. The page
    // cache outlives the process: no fsync needed for a kill (it would be for a power cut).
    const std::string line = std::to_string(i) + " " + (step->committed ? "1" : "0") + "\n";
    if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return 3;
  }
  ::close(fd);
  return 0;
}

int RunKillTest(const KillOptions& options, std::ostream& log) {
  const fs::path dir = options.dir;
  const std::string db = dir / "db", copy = dir / "copy", ack = dir / "ack";
  const std::string child_log = dir / "child.log";
  std::error_code ec;
  fs::create_directories(dir, ec);
  {
    std::unique_ptr<Store> store;
    Status s = Store::Open(db, {.create_if_missing = true}, &store);
    if (!s.ok()) {
      log << "cannot create " << db << ": " << s.message() << "\n";
      return 1;
    }
  }
  std::mt19937_64 rng(options.seed);
  size_t acknowledged = 0, landed = 0, finished = 0;
  const auto started = std::chrono::steady_clock::now();
  for (size_t run = 0; run < options.kills; ++run) {
    const uint64_t seed = options.seed + run;
    fs::remove_all(copy, ec);
    fs::copy(db, copy, fs::copy_options::recursive, ec);
    if (ec) {
      log << "cannot copy " << db << ": " << ec.message() << "\n";
      return 1;
    }
    fs::remove(ack, ec);
    const pid_t pid = StartChild(options, db, seed, ack, child_log);
    if (pid < 0) {
      log << "cannot start " << options.self << "\n";
      return 1;
    }
    const int delay = std::uniform_int_distribution<int>(0, options.max_delay_ms)(rng);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status)) {
      if (WEXITSTATUS(status) != 0) {
        log << "run " << run << " (seed " << seed << "): the workload failed; see " << child_log
            << "\n";
        return 1;
      }
      ++finished;
    }
    const std::vector<bool> done = ReadAcknowledgements(ack);
    for (bool c : done) acknowledged += c;
    auto actual = OpenCheckDescribe(db);
    std::string expected;
    Result<int> match = actual.ok()
                            ? MatchReplay(copy, Workload(seed, 1, options.split_bulk_writes), done,
                                          *actual, &expected)
                            : Result<int>(actual.status());
    if (!match.ok()) {
      const fs::path keep = dir / ("failure-run-" + std::to_string(run));
      fs::create_directories(keep, ec);
      fs::copy(db, keep / "db", fs::copy_options::recursive, ec);
      if (actual.ok()) WriteFile(keep / "actual.txt", *actual);
      WriteFile(keep / "expected.txt", expected);
      log << "run " << run << " (seed " << seed << ", killed after " << delay << " ms, "
          << done.size() << " operations acknowledged): " << match.status().message()
          << "\nkept in " << keep.string() << "\n";
      return 1;
    }
    landed += *match;
    if ((run + 1) % 50 == 0 || run + 1 == options.kills) {
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      log << "runs " << run + 1 << ": " << acknowledged << " acknowledged commits kept, " << landed
          << " unacknowledged commits found whole, " << finished << " runs finished unkilled, "
          << seconds << " s" << std::endl;
    }
  }
  log << "kill test passed: " << options.kills << " runs, " << options.kills - finished
      << " killed, 0 failures\n";
  return 0;
}

}  // namespace tiegraph::crashtest
