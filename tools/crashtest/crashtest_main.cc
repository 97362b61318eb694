// tiegraph-crashtest: is a committed write kept, whatever happens to the process or the disk?
//
//   tiegraph-crashtest kill --dir /tmp/ct --kills 1000     SIGKILL at random moments
//   tiegraph-crashtest disk-full --dir /tmp/ct             a full file system (needs root)
//   tiegraph-crashtest file-limit --dir /tmp/ct            writes failing with EFBIG
//
// See docs/RELIABILITY.md for what each checks and the figures of the long runs.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "fault_tests.h"
#include "kill_test.h"

int main(int argc, char** argv) {
  using namespace tiegraph::crashtest;
  CLI::App app{"Crash and fault tests of tiegraph's commits"};
  app.require_subcommand(1);
  std::string dir = "crashtest";
  uint64_t seed = 1;

  KillOptions kill;
  auto* kill_cmd = app.add_subcommand("kill", "Kill a writing process at random moments");
  kill_cmd->add_option("--dir", dir, "Work directory (emptied first)");
  kill_cmd->add_option("--kills", kill.kills, "Runs to kill")->capture_default_str();
  kill_cmd->add_option("--seed", seed, "Seed of the first run")->capture_default_str();
  kill_cmd->add_option("--max-delay-ms", kill.max_delay_ms, "Longest run before the kill")
      ->capture_default_str();
  kill_cmd->add_option("--operations", kill.max_operations, "Operations a run asks for at most")
      ->capture_default_str();
  kill_cmd->add_flag("--split-writes", kill.split_bulk_writes,
                     "Break the workload on purpose (bulk imports in two commits): the test "
                     "must then fail");

  std::string child_db, child_ack;
  size_t child_operations = 0;
  auto* child = app.add_subcommand("child", "(internal) the process the kill test kills");
  child->group("");  // not listed in --help
  child->add_option("--db", child_db)->required();
  child->add_option("--ack", child_ack)->required();
  child->add_option("--seed", seed)->required();
  child->add_option("--operations", child_operations)->required();
  bool child_split = false;
  child->add_flag("--split-writes", child_split);

  auto* disk_full = app.add_subcommand("disk-full", "Fill a small tmpfs under a database");
  disk_full->add_option("--dir", dir, "Work directory");
  disk_full->add_option("--seed", seed)->capture_default_str();
  auto* file_limit = app.add_subcommand("file-limit", "Fail writes past a file-size limit");
  file_limit->add_option("--dir", dir, "Work directory (emptied first)");
  file_limit->add_option("--seed", seed)->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  if (child->parsed())
    return RunKillChild(child_db, seed, child_ack, child_operations, child_split);
  std::error_code ec;
  if (!disk_full->parsed()) std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir, ec);
  if (disk_full->parsed()) return RunDiskFullTest(dir, seed, std::cout);
  if (file_limit->parsed()) return RunFileLimitTest(dir, seed, std::cout);
  kill.dir = dir;
  kill.seed = seed;
  kill.self = std::filesystem::read_symlink("/proc/self/exe").string();
  return RunKillTest(kill, std::cout);
}
