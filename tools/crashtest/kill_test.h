// The kill test: a child process runs the workload with synced commits and acknowledges each
// finished operation; the parent kills it with SIGKILL at a random moment, reopens the
// database, runs `check`, and rebuilds what the child was asked to do on a copy taken before
// the run. The database must equal the copy after the acknowledged operations, or after one
// more (a commit that finished but was not yet acknowledged): never anything in between.
#ifndef TIEGRAPH_CRASHTEST_KILL_TEST_H_
#define TIEGRAPH_CRASHTEST_KILL_TEST_H_

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace tiegraph::crashtest {

struct KillOptions {
  std::string dir;                 // work directory: the database, the copy, logs
  std::string self;                // this program, started again as the child
  size_t kills = 20;               // runs to kill
  uint64_t seed = 1;               // the first run's seed; run i uses seed + i
  int max_delay_ms = 400;          // a run is killed after a uniform 0..max_delay_ms
  size_t max_operations = 100;     // a run that finishes them first exits (and is checked too)
  bool split_bulk_writes = false;  // the broken workload (Workload), to show failures are seen
};

// Returns 0 when every run checked out; on a failure, keeps the databases and both states in
// the work directory and says where.
int RunKillTest(const KillOptions& options, std::ostream& log);

// The child: runs `operations` operations of the workload with seed `seed` on `db`, appending
// a line to `ack` after each one returns. Exits non-zero on an error of the database.
int RunKillChild(const std::string& db, uint64_t seed, const std::string& ack, size_t operations,
                 bool split_bulk_writes);

}  // namespace tiegraph::crashtest

#endif  // TIEGRAPH_CRASHTEST_KILL_TEST_H_
