// Large CSV files are read in two halves at once: records keep the file's order and errors in
// the second half report the file's own line numbers.
#include <catch2/catch.hpp>

#include <sstream>

#include "test_util.h"

namespace tiegraph {
namespace {

using test::OpenStore;
using test::TempDir;

// Writes a ties file of `rows` rows (over the 4 MiB two-half threshold for 150000 rows), every
// 1000th with a quoted, two-line evidence quote. Returns the line each row starts on, counted
// as the file is written. `bad_row`, if set, gets an impossible date.
std::vector<size_t> WriteTies(const TempDir& dir, size_t rows, size_t bad_row, std::string* path) {
  std::ostringstream out;
  out << "key,source,target,since,evidence_quote\n";
  size_t line = 2;
  std::vector<size_t> starts;
  for (size_t i = 0; i < rows; ++i) {
    starts.push_back(line);
    // The target is 1 to 95 places after the source: never the source itself.
    out << "k" << i << ",n" << (i % 97) << ",n" << ((i + 1 + i % 95) % 97) << ","
        << (i == bad_row ? "2024-02-30" : "2024-01-15") << ",";
    if (i % 1000 == 0) {
      out << "\"first line, \"\"quoted\"\"\nsecond line\"\n";
      line += 2;
    } else {
      out << "plain evidence text for the row\n";
      line += 1;
    }
  }
  *path = dir.Write("ties.csv", out.str());
  return starts;
}

std::string Institutions(const TempDir& dir) {
  std::ostringstream out;
  out << "key,name\n";
  for (int i = 0; i < 97; ++i) out << "n" << i << ",Node " << i << "\n";
  return dir.Write("inst.csv", out.str());
}

TEST_CASE("a large CSV keeps its order and its quoted line breaks", "[import][csv][large]") {
  TempDir dir;
  std::string ties;
  const size_t rows = 150000;
  WriteTies(dir, rows, SIZE_MAX, &ties);
  auto store = OpenStore(dir.File("db"));
  Status s = Import(store.get(), {{Institutions(dir)}, {ties}}, ImportOptions{});
  INFO(s.ToString());
  REQUIRE(s.ok());
  auto snap = store->Read();
  CHECK(snap->GetCounts()->ties == rows);
  // Ties are stored in input order: the i-th tie written has sequence i, and its fields.
  size_t i = 0;
  bool in_order = true;
  REQUIRE(snap->ForEachTie([&](const Tie& t) {
                in_order = in_order && t.key == "k" + std::to_string(i) &&
                           t.source == "n" + std::to_string(i % 97);
                ++i;
                return true;
              })
              .ok());
  CHECK(in_order);
  CHECK(i == rows);
  auto quoted = snap->GetTie("k75000");
  REQUIRE(quoted.ok());
  CHECK(quoted->evidence.at(0).quote == "first line, \"quoted\"\nsecond line");
}

TEST_CASE("an error in the second half of a large CSV names its true line",
          "[import][csv][large]") {
  TempDir dir;
  std::string ties;
  const size_t bad = 140123;
  auto starts = WriteTies(dir, 150000, bad, &ties);
  auto store = OpenStore(dir.File("db"));
  Status s = Import(store.get(), {{Institutions(dir)}, {ties}}, ImportOptions{});
  REQUIRE(s.IsInvalidArgument());
  CHECK_THAT(s.message(),
             Catch::Contains("ties.csv:" + std::to_string(starts[bad]) + ": field 'since'"));
  CHECK(store->Read()->GetCounts()->ties == 0);
}

}  // namespace
}  // namespace tiegraph
