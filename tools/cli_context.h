// What every CLI command shares: the database path, the output format, and how a Status
// becomes a message and an exit code (0 ok, 1 usage or input error, 2 storage or I/O error).
#ifndef TIEGRAPH_TOOLS_CLI_CONTEXT_H_
#define TIEGRAPH_TOOLS_CLI_CONTEXT_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tiegraph/tiegraph.h>

namespace tiegraph::cli {

enum ExitCode { kExitOk = 0, kExitInput = 1, kExitStorage = 2 };

// How a command opens the database. Only `init` and a command given --create make one: a
// mistyped --db must not become a new, empty database.
enum class Access {
  kRead,       // read-only; several readers and one writer may share the database
  kWrite,      // read-write; the database must exist
  kCreate,     // read-write; created when missing (--create)
  kCreateNew,  // created; an existing database is an error (init)
};

struct Context {
  std::string db_path;
  std::string format = "text";
  std::string table;        // --table NAME: print only this table of the result
  double wait_seconds = 0;  // --wait: how long a writing command waits for another writer
  std::string author;       // --author: recorded in the history (default: the OS user)
  std::string message;      // --message: recorded in the history

  // Who commits, and why, for the history; `command` names the CLI command.
  CommitInfo Commit(std::string command) const;
  // Opens the database for writing, runs fn in a transaction and commits it. Prints the error
  // and sets *exit_code on failure; returns the commit's number (0: nothing changed).
  std::optional<uint64_t> Transact(const std::string& command,
                                   const std::function<Status(Transaction&)>& fn,
                                   int* exit_code) const;

  TableFormat table_format() const;
  // Prints `s` to stderr and returns its exit code.
  int Fail(const Status& s) const;
  // Opens the database; prints the error and returns false on failure.
  bool Open(Access access, std::unique_ptr<Store>* store, int* exit_code) const;
  // Prints the result (or only the --table one). NotFound for an unknown --table, naming the
  // tables there are; an invalid table (a producer's bug) is refused rather than printed.
  Status Print(const std::vector<Table>& tables) const;
};

int ExitCodeFor(const Status& s);

}  // namespace tiegraph::cli

#endif  // TIEGRAPH_TOOLS_CLI_CONTEXT_H_
