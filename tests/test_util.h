// Helpers shared by the tests: temporary directories, files, and running the CLI.
#ifndef TIEGRAPH_TESTS_TEST_UTIL_H_
#define TIEGRAPH_TESTS_TEST_UTIL_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <tiegraph/tiegraph.h>

namespace tiegraph::test {

// A fresh directory under /tmp, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  // path()/name
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  // Writes `content` to path()/name (making its folders) and returns the full path.
  std::string Write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

// The sample network shipped in examples/.
std::string SamplePath();
// The sample network file, parsed.
nlohmann::json LoadSampleJson();
// The sample network imported by the CLI into dir/db; returns that path.
std::string SampleDatabase(const TempDir& dir);

// Opens (creating) a store at `path`, failing the test on error.
std::unique_ptr<Store> OpenStore(const std::string& path);

// A tie for StoreWith.
struct TieSpec {
  std::string source, target;
  double strength = 1;
  bool directed = false;
};
// A store at `path` holding institutions with the given keys (each its own name) and ties.
std::unique_ptr<Store> StoreWith(const std::string& path, const std::vector<std::string>& keys,
                                 const std::vector<TieSpec>& ties);

// Writes, with RocksDB directly, a database at `path` that has the first `families` column
// families of the current format and the format marker `marker` (e.g. "tiegraph-format 99"):
// what an older or newer tiegraph would leave.
void WriteRawDatabase(const std::string& path, int families, const std::string& marker);

// Everything in the store as JSON Lines (the dump), for comparing two states.
std::string DumpOf(Store& store);
// The lines of a text as a multiset: two dumps hold the same records in any order.
std::multiset<std::string> LinesOf(const std::string& text);

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};
// Runs the built `tiegraph` binary with `args` (no shell: each is one argument).
CliResult RunCli(const std::vector<std::string>& args);
// Runs the program at `program` (another of the project's binaries) the same way.
CliResult RunProgram(const std::string& program, const std::vector<std::string>& args);
// "tiegraph 'a' 'b'": a command line for failure messages.
std::string Describe(const std::vector<std::string>& args);
// Runs the CLI and requires it to succeed.
CliResult RunOk(const std::vector<std::string>& args);
// A table's cells by column name, requiring the cell to be there and of the type asked for.
std::string StringAt(const Table& t, size_t row, std::string_view column);
int64_t IntAt(const Table& t, size_t row, std::string_view column);
double RealAt(const Table& t, size_t row, std::string_view column);
bool EmptyAt(const Table& t, size_t row, std::string_view column);
// The table named `name` of a result, required to be there.
const Table& TableNamed(const std::vector<Table>& tables, std::string_view name);

// Runs the CLI on `db` with --format json, requires success, parses its output and checks its
// shape ({"tables":[{"name","title","columns":[{"name","type"}],"rows":[{column: value}]}]},
// column names unique, each row keyed by exactly the columns, each value of its column's type).
// Returns the whole document.
nlohmann::json RunJsonTables(const std::string& db, std::vector<std::string> args);
// The same, returning each table's rows keyed by the table's name.
nlohmann::json RunJson(const std::string& db, std::vector<std::string> args);

}  // namespace tiegraph::test

#endif  // TIEGRAPH_TESTS_TEST_UTIL_H_
