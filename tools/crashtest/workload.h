// A random but reproducible stream of writes for the crash test: bulk imports, re-imports,
// single edits, merges, renames, deletes, undo and queries that write, one commit each.
//
// The stream is a function of the seed and of the database it runs on: two databases in the same
// state, given the same seed, receive the same operations. The crash test relies on that to
// rebuild, on a copy taken before a run, exactly what the killed process was asked to do.
#ifndef TIEGRAPH_CRASHTEST_WORKLOAD_H_
#define TIEGRAPH_CRASHTEST_WORKLOAD_H_

#include <cstdint>
#include <random>
#include <string>

#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph::crashtest {

struct StepResult {
  std::string what;        // "bulk import of 5 institutions, 3 ties", for logs and failures
  bool committed = false;  // false: refused by the database's rules (still a valid outcome)
};

class Workload {
 public:
  // `size` scales the records a bulk import writes (the disk-full test asks for large ones).
  // `split_bulk_writes` breaks the workload on purpose: a bulk import is written as two
  // commits, institutions then ties, so that a kill between them leaves half of it, which the
  // kill test must notice.
  explicit Workload(uint64_t seed, size_t size = 1, bool split_bulk_writes = false)
      : rng_(seed), size_(size), split_(split_bulk_writes) {}

  // Runs the next operation on `store`. A refusal (a rule of the data model) is a result; an
  // error of the database itself (I/O, corruption) is the Status.
  Result<StepResult> Step(Store* store);

 private:
  std::mt19937_64 rng_;
  size_t size_;
  bool split_;
};

}  // namespace tiegraph::crashtest

#endif  // TIEGRAPH_CRASHTEST_WORKLOAD_H_
