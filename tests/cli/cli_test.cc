// End-to-end tests of the `tiegraph` binary. Expected answers are computed here from the seed
// network JSON (examples/seed-network.json) read with nlohmann::json, not taken from the
// library, so a mistake in the import or a query shows as a difference.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/tiegraph.h>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;
using nlohmann::json;

json LoadSeed() {
  std::ifstream in(SamplePath());
  REQUIRE(in);
  return json::parse(in);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A database holding the sample network, imported through the CLI.
class SampleDb {
 public:
  SampleDb() : db_(dir_.File("db")) {
    RunOk({"--db", db_, "init"});
    CliResult r = RunOk({"--db", db_, "import", SamplePath()});
    import_out_ = r.out;
  }
  const std::string& db() const { return db_; }
  const TempDir& dir() const { return dir_; }
  const std::string& import_out() const { return import_out_; }

 private:
  TempDir dir_;
  std::string db_;
  std::string import_out_;
};

// The seed's ties as an undirected adjacency (all types, part_of included).
std::map<std::string, std::set<std::string>> SeedAdjacency(const json& seed) {
  std::map<std::string, std::set<std::string>> adj;
  for (const auto& t : seed["ties"]) {
    const auto s = t["source"].get<std::string>(), d = t["target"].get<std::string>();
    adj[s].insert(d);
    adj[d].insert(s);
  }
  return adj;
}

// Breadth-first hop counts from `start` up to `hops`, without `start` itself.
std::map<std::string, int> SeedNeighbors(const json& seed, const std::string& start, int hops) {
  auto adj = SeedAdjacency(seed);
  std::map<std::string, int> seen{{start, 0}};
  std::vector<std::string> frontier{start};
  for (int d = 1; d <= hops; ++d) {
    std::vector<std::string> next;
    for (const auto& v : frontier) {
      for (const auto& w : adj[v]) {
        if (seen.emplace(w, d).second) next.push_back(w);
      }
    }
    frontier = std::move(next);
  }
  seen.erase(start);
  return seen;
}

// One CSV record without line breaks in fields (RFC 4180 quotes and "" escapes).
std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        out.back() += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Columns a string takes on a terminal: Hangul syllables (U+AC00..U+D7A3) two, any other
// character one.
size_t Width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = c;
    if (len == 3 && i + 2 < s.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    }
    width += cp >= 0xAC00 && cp <= 0xD7A3 ? 2 : 1;
    i += len;
  }
  return width;
}

// The value of a "field, value" row of `show`'s institution table.
std::string FieldOf(const json& show, const std::string& field) {
  for (const auto& row : show["institution"]) {
    if (row["field"] == field) return row["value"].get<std::string>();
  }
  return "";
}

TEST_CASE("cli init creates an empty database", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("db");
  CliResult r = RunOk({"--db", db, "init"});
  CHECK_THAT(r.out, Contains(db));
  CHECK(std::filesystem::is_directory(db));
  json overview = RunJson(db, {"overview"});
  for (const auto& row : overview["totals"]) CHECK(row["count"] == 0);
  // Again: init says the database is there rather than "created", and leaves it alone.
  RunOk({"--db", db, "add", "institution", "a", "--name", "A"});
  CliResult again = RunCli({"--db", db, "init"});
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Contains(db) && Contains("already exists"));
  CHECK_THAT(again.out, !Contains("created"));
  CHECK(RunJson(db, {"show", "a"}).at("institution").size() > 0);
  // Reading needs a database: a missing one is an input error pointing at init.
  CliResult missing = RunCli({"--db", dir.File("nothing-here"), "stats"});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Contains("init"));
}

// A mistyped --db once became a new, empty database that the import or add then filled.
TEST_CASE("cli import and add need an existing database or --create", "[cli]") {
  TempDir dir;
  const std::string inst = dir.Write("inst.csv", "key,name\na,A\nb,B\n");
  const std::string typo = dir.File("nett.db");
  for (const std::vector<std::string>& command : {std::vector<std::string>{"import", inst},
                                                  {"import", "--dry-run", inst},
                                                  {"add", "institution", "c", "--name", "C"},
                                                  {"add", "tie", "a", "b"},
                                                  {"add", "event", "E-1", "--participant", "a"}}) {
    std::vector<std::string> args = {"--db", typo};
    args.insert(args.end(), command.begin(), command.end());
    INFO(Describe(args));
    CliResult r = RunCli(args);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("no tiegraph database at " + typo));
    CHECK(r.out.empty());
    CHECK_FALSE(std::filesystem::exists(typo));
  }
  // The writing commands say how to create one here and now.
  CHECK_THAT(RunCli({"--db", typo, "import", inst}).err, Contains("--create"));

  // --create: a dry run checks against an empty database and leaves none behind.
  CliResult dry = RunOk({"--db", typo, "import", "--create", "--dry-run", inst});
  CHECK_THAT(dry.out, Contains("checked 2 institutions"));
  CHECK_FALSE(std::filesystem::exists(typo));
  CliResult made = RunOk({"--db", typo, "import", "--create", inst});
  CHECK_THAT(made.out, Contains("imported 2 institutions"));
  // Given an existing database, --create changes nothing about it.
  RunOk({"--db", typo, "add", "institution", "c", "--name", "C", "--create"});
  RunOk({"--db", typo, "add", "tie", "a", "c"});
  const json overview = RunJson(typo, {"overview"});
  std::map<std::string, int64_t> totals;
  for (const auto& row : overview.at("totals")) totals[row.at("what")] = row.at("count");
  CHECK(totals["institutions"] == 3);
  CHECK(totals["ties"] == 1);
  const std::string fresh = dir.File("fresh.db");
  RunOk({"--db", fresh, "add", "institution", "x", "--name", "X", "--create"});
  CHECK(std::filesystem::is_directory(fresh));
}

TEST_CASE("cli import of the sample network loads every record", "[cli]") {
  const json seed = LoadSeed();
  // Independently of the library: the seed's own arrays.
  REQUIRE(seed["institutions"].size() == 73);
  REQUIRE(seed["events"].size() == 7);
  REQUIRE(seed["ties"].size() == 85);
  SampleDb sample;
  CHECK_THAT(sample.import_out(), Contains("imported 73 institutions, 7 events, 85 ties"));
  json overview = RunJson(sample.db(), {"overview"});
  std::map<std::string, int64_t> totals;
  for (const auto& row : overview["totals"]) {
    totals[row["what"].get<std::string>()] = row["count"].get<int64_t>();
  }
  CHECK(totals["institutions"] == 73);
  CHECK(totals["events"] == 7);
  CHECK(totals["ties"] == 85);
  // The same file a second time: every key is a duplicate, nothing changes.
  const std::string before = RunOk({"--db", sample.db(), "dump"}).out;
  CliResult again = RunCli({"--db", sample.db(), "import", SamplePath()});
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Contains("$.institutions[0]"));
  CHECK(RunOk({"--db", sample.db(), "dump"}).out == before);
}

TEST_CASE("cli stats counts institutions by sector as the seed does", "[cli]") {
  const json seed = LoadSeed();
  // Seed sectors that are not functional sectors (council, place, mixed) become no sector.
  std::map<std::string, int64_t> expected;
  for (const auto& in : seed["institutions"]) {
    auto sector = in["sector"].get<std::string>();
    // One label for no sector everywhere in output: "none".
    if (sector == "council" || sector == "place" || sector == "mixed") sector = "none";
    ++expected[sector];
  }
  REQUIRE(expected["none"] == 6);
  std::map<std::string, int64_t> statuses;
  for (const auto& t : seed["ties"]) ++statuses[t["status"].get<std::string>()];

  SampleDb sample;
  json stats = RunJson(sample.db(), {"stats"});
  std::map<std::string, int64_t> actual;
  for (const auto& row : stats["institutions_by_sector"]) {
    actual[row["sector"].get<std::string>()] = row["count"].get<int64_t>();
  }
  CHECK(actual == expected);
  std::map<std::string, int64_t> actual_statuses;
  for (const auto& row : stats["ties_by_status"]) {
    actual_statuses[row["status"].get<std::string>()] = row["count"].get<int64_t>();
  }
  CHECK(actual_statuses == statuses);
  int64_t by_type = 0;
  for (const auto& row : stats["ties_by_type"]) by_type += row["count"].get<int64_t>();
  CHECK(by_type == 85);
}

TEST_CASE("cli show resolves a key, its case, the Korean and the English name", "[cli]") {
  SampleDb sample;
  for (const char* name : {"ktl", "KTL", "한국산업기술시험원", "Korea Testing Laboratory",
                           "korea  testing laboratory", "ＫＴＬ"}) {
    DYNAMIC_SECTION("show " << name) {
      json show = RunJson(sample.db(), {"show", name});
      CHECK(FieldOf(show, "key") == "ktl");
      CHECK(FieldOf(show, "name") == "한국산업기술시험원");
      CHECK(FieldOf(show, "sector") == "public-agency");
    }
  }
}

TEST_CASE("cli show of an unknown name exits 1 and lists candidates", "[cli]") {
  SampleDb sample;
  CliResult r = RunCli({"--db", sample.db(), "show", "Korea Testing"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("Korea Testing"));
  CHECK_THAT(r.err, Contains("ktl"));
  CHECK_THAT(r.err, Contains("한국산업기술시험원"));

  CliResult none = RunCli({"--db", sample.db(), "show", "zzz-no-such-institution"});
  CHECK(none.exit_code == 1);
  CHECK_THAT(none.err, Contains("zzz-no-such-institution"));
}

// Snapshot::SuggestNames promises "names [that] contain `fragment` or are a near miss of it";
// only containment is implemented, so a one-letter typo gets no candidates.
TEST_CASE("cli show suggests near misses of a misspelt name", "[cli]") {
  SampleDb sample;
  for (const char* typo : {"Korea Testing Laboratry", "KTLL"}) {
    DYNAMIC_SECTION("show " << typo) {
      CliResult r = RunCli({"--db", sample.db(), "show", typo});
      CHECK(r.exit_code == 1);
      CHECK_THAT(r.err, Contains("ktl"));
    }
  }
}

TEST_CASE("cli neighbors lists the institutions tied to ktl in the seed", "[cli]") {
  const json seed = LoadSeed();
  SampleDb sample;
  for (int hops : {1, 2}) {
    DYNAMIC_SECTION("--hops " << hops) {
      const std::map<std::string, int> expected = SeedNeighbors(seed, "ktl", hops);
      REQUIRE_FALSE(expected.empty());
      CliResult r = RunOk({"--db", sample.db(), "--format", "csv", "neighbors", "ktl", "--hops",
                           std::to_string(hops)});
      std::vector<std::string> lines = Lines(r.out);
      REQUIRE_FALSE(lines.empty());
      CHECK(lines[0] == "key,name,sector,hops,via,from");
      std::map<std::string, int> actual;
      for (size_t i = 1; i < lines.size(); ++i) {
        std::vector<std::string> cells = SplitCsvLine(lines[i]);
        REQUIRE(cells.size() == 6);
        CHECK(actual.emplace(cells[0], std::stoi(cells[3])).second);  // each key once
      }
      CHECK(actual == expected);
    }
  }
  SECTION("by name, through a hop-1 neighbor") {
    const std::map<std::string, int> expected = SeedNeighbors(seed, "ktl", 1);
    json j = RunJson(sample.db(), {"neighbors", "Korea Testing Laboratory"});
    std::set<std::string> keys;
    for (const auto& row : j["neighbors"]) keys.insert(row["key"].get<std::string>());
    std::set<std::string> want;
    for (const auto& [k, d] : expected) want.insert(k);
    CHECK(keys == want);
  }
}

// The brief's own examples put --format after the command ("stats --format json",
// "neighbors ktl --hops 1 --format csv"); the CLI takes it only before the command.
TEST_CASE("cli accepts --format after the command", "[cli]") {
  SampleDb sample;
  CliResult after =
      RunCli({"--db", sample.db(), "neighbors", "ktl", "--hops", "1", "--format", "csv"});
  CliResult before =
      RunCli({"--db", sample.db(), "--format", "csv", "neighbors", "ktl", "--hops", "1"});
  INFO("stderr: " << after.err);
  CHECK(after.exit_code == 0);
  CHECK(after.out == before.out);
  CliResult stats = RunCli({"--db", sample.db(), "stats", "--format", "json"});
  CHECK(stats.exit_code == 0);
}

TEST_CASE("cli list --sector hospital lists the seed's hospitals", "[cli]") {
  const json seed = LoadSeed();
  std::set<std::string> expected;
  for (const auto& in : seed["institutions"]) {
    if (in["sector"] == "hospital") expected.insert(in["id"].get<std::string>());
  }
  REQUIRE(expected.size() == 6);
  SampleDb sample;
  json j = RunJson(sample.db(), {"list", "--sector", "hospital"});
  std::set<std::string> actual;
  for (const auto& row : j["institutions"]) {
    actual.insert(row["key"].get<std::string>());
    CHECK(row["sector"] == "hospital");
  }
  CHECK(actual == expected);
}

TEST_CASE("cli add institution and add tie, then show them", "[cli]") {
  SampleDb sample;
  const std::string& db = sample.db();
  RunOk({"--db", db, "add", "institution", "newlab", "--name", "새 연구소", "--alias", "New Lab",
         "--sector", "research", "--region", "KR/Seoul"});
  // Endpoints by alias and by name; one tie keyed, one not.
  RunOk({"--db", db, "add", "tie", "New Lab", "KTL", "--key", "x-1", "--type", "mou", "--since",
         "2024-02-29", "--evidence-source", "note.txt", "--evidence-quote", "they signed"});
  RunOk({"--db", db, "add", "tie", "newlab", "ncc", "--type", "joint_research", "--status",
         "planned"});

  json show = RunJson(db, {"show", "New Lab"});
  CHECK(FieldOf(show, "key") == "newlab");
  CHECK(FieldOf(show, "name") == "새 연구소");
  CHECK(FieldOf(show, "sector") == "research");
  CHECK(FieldOf(show, "region") == "KR/Seoul");
  std::map<std::string, json> ties;
  for (const auto& row : show["ties"]) ties[row["other"].get<std::string>()] = row;
  REQUIRE(ties.size() == 2);
  REQUIRE(ties.count("ktl"));
  CHECK(ties["ktl"]["tie"] == "x-1");
  CHECK(ties["ktl"]["type"] == "mou");
  CHECK(ties["ktl"]["since"] == "2024-02-29");
  CHECK_THAT(ties["ktl"]["evidence"].get<std::string>(), Contains("they signed"));
  REQUIRE(ties.count("ncc"));
  CHECK(ties["ncc"]["type"] == "joint_research");
  CHECK(ties["ncc"]["status"] == "planned");

  // And from the other end.
  json ktl = RunJson(db, {"show", "ktl"});
  bool seen = false;
  for (const auto& row : ktl["ties"]) seen = seen || row["other"] == "newlab";
  CHECK(seen);

  SECTION("bad adds exit 1 and change nothing") {
    const std::string before = RunOk({"--db", db, "dump"}).out;
    CHECK(RunCli({"--db", db, "add", "institution", "ktl", "--name", "Dup"}).exit_code == 1);
    CHECK(RunCli({"--db", db, "add", "tie", "ktl", "nobody-at-all"}).exit_code == 1);
    CHECK(RunCli({"--db", db, "add", "tie", "ktl", "ncc", "--since", "2023-02-29"}).exit_code == 1);
    CHECK(RunCli({"--db", db, "add", "institution", "h9", "--name", "H", "--sector", "hospitl"})
              .exit_code == 1);
    CHECK(RunOk({"--db", db, "dump"}).out == before);
  }
}

TEST_CASE("cli dump, import into a fresh database and dump again is byte-identical", "[cli]") {
  SampleDb sample;
  const std::string first = sample.dir().File("first.jsonl");
  const std::string second = sample.dir().File("second.jsonl");
  const std::string fresh = sample.dir().File("fresh");
  RunOk({"--db", sample.db(), "dump", "-o", first});
  RunOk({"--db", fresh, "import", "--create", first});
  RunOk({"--db", fresh, "dump", "-o", second});
  const std::string a = ReadFile(first), b = ReadFile(second);
  CHECK(Lines(a).size() == 73 + 7 + 85);
  CHECK(a == b);
  // Without -o the dump goes to standard output, the same bytes.
  CHECK(RunOk({"--db", sample.db(), "dump"}).out == a);
}

// A tie added without --key is stored as "#<N>"; its dump must import again (it once failed:
// "may not start with '#' (reserved for assigned keys)").
TEST_CASE("cli dump round trip keeps a tie added without a key", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("db"), fresh = dir.File("fresh");
  RunOk({"--db", db, "add", "institution", "a", "--name", "A", "--create"});
  RunOk({"--db", db, "add", "institution", "b", "--name", "B"});
  RunOk({"--db", db, "add", "tie", "a", "b"});
  const std::string first = dir.File("first.jsonl"), second = dir.File("second.jsonl");
  RunOk({"--db", db, "dump", "-o", first});
  CliResult r = RunCli({"--db", fresh, "import", "--create", first});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  RunOk({"--db", fresh, "dump", "-o", second});
  CHECK(ReadFile(first) == ReadFile(second));
  // The next tie added without a key must not take the imported tie's key.
  RunOk({"--db", fresh, "add", "tie", "b", "a", "--type", "visit"});
  json show = RunJson(fresh, {"show", "a"});
  std::set<std::string> keys;
  for (const auto& row : show["ties"]) keys.insert(row["tie"].get<std::string>());
  CHECK(keys.size() == 2);
}

TEST_CASE("cli exit codes: 1 for usage and input errors, 2 for storage errors", "[cli]") {
  SampleDb sample;
  const std::string& db = sample.db();
  SECTION("usage errors") {
    CHECK(RunCli({"--db", db, "frobnicate"}).exit_code == 1);
    CHECK(RunCli({"--db", db, "--format", "xml", "stats"}).exit_code == 1);
    CHECK(RunCli({"--db", db, "neighbors", "ktl", "--hops", "abc"}).exit_code == 1);
    CHECK(RunCli({"--db", db, "neighbors", "ktl", "--hops", "0"}).exit_code == 1);
    CHECK(RunCli({"--db", db, "neighbors", "ktl", "--hops", "17"}).exit_code == 1);
    CliResult sector = RunCli({"--db", db, "list", "--sector", "hospitl"});
    CHECK(sector.exit_code == 1);
    CHECK_THAT(sector.err, Contains("did you mean 'hospital'"));
    CHECK(RunCli({"stats"}).exit_code == 1);               // no --db and no TIEGRAPH_DB
    CHECK(RunCli({"--db", db, "import"}).exit_code == 1);  // no files
  }
  SECTION("input errors") {
    CHECK(RunCli({"--db", db, "show", "nobody-at-all"}).exit_code == 1);
    CHECK(RunCli({"--db", db, "import", sample.dir().File("missing.csv")}).exit_code == 1);
  }
  SECTION("a directory whose RocksDB files are broken") {
    const std::string broken = sample.dir().File("broken");
    std::filesystem::create_directory(broken);
    sample.dir().Write("broken/CURRENT", "MANIFEST-000099\n");
    CliResult r = RunCli({"--db", broken, "stats"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains(broken));
  }
  SECTION("a database locked by another writer") {
    auto holder = OpenStore(db);  // this process holds the lock while the CLI tries to write
    CliResult r = RunCli({"--db", db, "add", "institution", "x", "--name", "X"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("in use"));
  }
}

// status.h: Corruption is "a record or directory that is not what it should be: exit 2", and
// the brief names "--db pointing at a regular file" as a storage error; the library reports it
// as InvalidArgument, so the CLI exits 1.
TEST_CASE("cli --db naming a regular file is a storage error", "[cli]") {
  TempDir dir;
  const std::string file = dir.Write("plain.txt", "not a database\n");
  CliResult r = RunCli({"--db", file, "stats"});
  CHECK_THAT(r.err, Contains(file));
  CHECK(r.exit_code == 2);
}

TEST_CASE("cli overview shows the sample's connected components", "[cli]") {
  const json seed = LoadSeed();
  // Union-find over every tie, part_of included.
  std::map<std::string, std::string> parent;
  for (const auto& in : seed["institutions"]) {
    const auto id = in["id"].get<std::string>();
    parent[id] = id;
  }
  std::function<std::string(const std::string&)> find = [&](const std::string& x) {
    return parent[x] == x ? x : parent[x] = find(parent[x]);
  };
  for (const auto& t : seed["ties"]) {
    parent[find(t["source"].get<std::string>())] = find(t["target"].get<std::string>());
  }
  std::map<std::string, int64_t> sizes;
  for (const auto& in : seed["institutions"]) ++sizes[find(in["id"].get<std::string>())];
  std::vector<int64_t> expected;
  for (const auto& [root, n] : sizes) expected.push_back(n);
  std::sort(expected.rbegin(), expected.rend());
  REQUIRE(expected == std::vector<int64_t>{49, 14, 7, 3});

  SampleDb sample;
  json overview = RunJson(sample.db(), {"overview"});
  std::vector<int64_t> actual;
  for (const auto& row : overview["components"]) {
    actual.push_back(row["institutions"].get<int64_t>());
  }
  CHECK(actual == expected);  // largest first

  CliResult text = RunOk({"--db", sample.db(), "overview"});
  CHECK_THAT(text.out, Contains("connected components"));
}

TEST_CASE("cli list text output aligns columns by display width", "[cli]") {
  SampleDb sample;
  for (const char* sector : {"", "hospital"}) {
    DYNAMIC_SECTION("list " << sector) {
      std::vector<std::string> args = {"list"};
      if (*sector) args.insert(args.end(), {"--sector", sector});
      json j = RunJson(sample.db(), args);
      args.insert(args.begin(), {"--db", sample.db()});
      const std::vector<std::string> lines = Lines(RunOk(args).out);
      const auto& rows = j["institutions"];
      REQUIRE(lines.size() == rows.size() + 3);  // title, header, rule, rows
      const std::vector<std::string> columns = {"key",  "name",   "sector",
                                                "kind", "region", "foreign"};
      // The display column each cell starts at, per column, over the header and every row.
      std::vector<std::set<size_t>> starts(columns.size());
      auto measure = [&](const std::string& line, const std::vector<std::string>& cells) {
        size_t pos = 0;
        for (size_t c = 0; c < cells.size(); ++c) {
          if (cells[c].empty()) continue;
          while (pos < line.size() && line[pos] == ' ') ++pos;
          INFO("line: " << line << "\ncell: " << cells[c]);
          REQUIRE(line.compare(pos, cells[c].size(), cells[c]) == 0);
          starts[c].insert(Width(line.substr(0, pos)));
          pos += cells[c].size();
        }
      };
      measure(lines[1], columns);
      bool has_hangul = false;
      for (size_t r = 0; r < rows.size(); ++r) {
        std::vector<std::string> cells;
        for (const auto& col : columns) cells.push_back(rows[r][col].get<std::string>());
        has_hangul = has_hangul || Width(cells[1]) != cells[1].size();
        measure(lines[r + 3], cells);
      }
      CHECK(has_hangul);
      for (size_t c = 0; c < columns.size(); ++c) {
        INFO("column " << columns[c]);
        CHECK(starts[c].size() == 1);
      }
    }
  }
}

}  // namespace
}  // namespace tiegraph::test
