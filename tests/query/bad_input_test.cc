// Bad input through tiegraph::Import and the CLI: every rejection is an InvalidArgument (or
// NotFound) whose message names the file, the line (seed JSON: a JSON path such as
// "$.ties[3]") and the field, and leaves the database exactly as it was: the same dump and the
// same counts. Every case starts from a store that already holds a small valid import, so
// "unchanged" means something, and most bad files hold valid records before the bad one, so a
// partial write would show.
//
// Expected line numbers are counted by hand from the file contents written below; each file's
// lines are numbered in a comment beside it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <tiegraph/tiegraph.h>

#include "import_fixture.h"
#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

TEST_CASE("import rejects a key that repeats within one CSV file", "[import][bad_input]") {
  Fixture f;
  const std::string path = f.Write("inst_dup.csv",
                                   "key,name,sector\n"              // line 1
                                   "a1,Alpha Corp,industry\n"       // line 2
                                   "b1,Beta University,academia\n"  // line 3
                                   "a1,Alpha Again,industry\n");    // line 4: a1 again
  ExpectInvalid(f.ImportFiles({path}), {At(path, 4), "field 'key'", "'a1'"});
  f.ExpectUnchanged();
}

TEST_CASE("import rejects a key that repeats within one JSON Lines file", "[import][bad_input]") {
  Fixture f;
  const std::string path =
      f.Write("dup.jsonl",
              "{\"record\":\"institution\",\"key\":\"j1\",\"name\":\"J One\"}\n"          // line 1
              "{\"record\":\"institution\",\"key\":\"j2\",\"name\":\"J Two\"}\n"          // line 2
              "{\"record\":\"institution\",\"key\":\"j1\",\"name\":\"J One again\"}\n");  // line 3
  ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "field 'key'", "'j1'"});
  f.ExpectUnchanged();
}

TEST_CASE("import rejects a key that is already in the database", "[import][bad_input]") {
  Fixture f;
  SECTION("csv") {
    const std::string path = f.Write("inst_exists.csv",
                                     "key,name\n"            // line 1
                                     "new1,New Institute\n"  // line 2
                                     "ktl,Another KTL\n");   // line 3: ktl is in the base
    ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "field 'key'", "'ktl'", "database"});
  }
  SECTION("seed json") {
    const std::string path = f.Write("seed_dup.json",
                                     R"({"institutions": [
                      {"id": "s1", "name_ko": "첫째", "sector": "industry"},
                      {"id": "ktl", "name_ko": "둘째", "sector": "industry"}]})");
    Status s = f.ImportFiles({path});
    ExpectInvalid(s, {AtJson(path, "$.institutions[1]"), "'ktl'"});
    // The seed calls the key "id": the message uses the file's name for the field.
    CHECK_THAT(s.message(), Contains("field 'id'"));
  }
  f.ExpectUnchanged();
}

TEST_CASE("import rejects a tie whose endpoint does not exist", "[import][bad_input]") {
  Fixture f;
  SECTION("csv, with a valid institutions file in the same import") {
    const std::string institutions = f.Write("new_institutions.csv", kNewInstitutions);
    const std::string ties = f.Write("ties_missing.csv",
                                     "source,target,type\n"  // line 1
                                     "n1,ktl,visit\n"        // line 2: n1 from the other file
                                     "n2,nowhere,mou\n");    // line 3: no such institution
    // The ties file comes first: institutions files are read first whatever the order.
    ExpectInvalid(f.ImportFiles({ties, institutions}),
                  {At(ties, 3), "field 'target'", "'nowhere'"});
  }
  SECTION("seed json") {
    const std::string path = f.Write("seed_missing.json", R"({
      "institutions": [{"id": "s1", "name_ko": "첫째"}],
      "ties": [
        {"id": "X1", "source": "s1", "target": "ktl", "type": "mou"},
        {"id": "X2", "source": "ghost", "target": "s1", "type": "mou"}]})");
    Status s = f.ImportFiles({path});
    ExpectInvalid(s, {AtJson(path, "$.ties[1]"), "field 'source'", "'ghost'"});
  }
  f.ExpectUnchanged();
}

TEST_CASE("import rejects an unknown sector and suggests the one meant", "[import][bad_input]") {
  Fixture f;
  SECTION("csv") {
    const std::string path = f.Write("inst_sector.csv",
                                     "key,name,sector\n"               // line 1
                                     "h1,First Hospital,hospital\n"    // line 2
                                     "h2,Second Hospital,hospitl\n");  // line 3: a typo
    ExpectInvalid(f.ImportFiles({path}),
                  {At(path, 3), "field 'sector'", "'hospitl'", "did you mean 'hospital'"});
  }
  SECTION("json lines") {
    // Line 2 misspells "government".
    const std::string path = f.Write(
        "sector.jsonl",
        "{\"record\":\"institution\",\"key\":\"g1\",\"name\":\"G\",\"sector\":\"government\"}\n"
        "{\"record\":\"institution\",\"key\":\"g2\",\"name\":\"G2\",\"sector\":\"goverment\"}\n");
    ExpectInvalid(f.ImportFiles({path}),
                  {At(path, 2), "field 'sector'", "did you mean 'government'"});
  }
  SECTION("seed json") {
    const std::string path = f.Write("seed_sector.json", R"({"institutions": [
        {"id": "s1", "name_ko": "첫째", "sector": "industry"},
        {"id": "s2", "name_ko": "둘째", "sector": "acadmia"}]})");
    ExpectInvalid(f.ImportFiles({path}),
                  {AtJson(path, "$.institutions[1]"), "field 'sector'", "did you mean 'academia'"});
  }
  f.ExpectUnchanged();
}

TEST_CASE("import rejects malformed and impossible dates", "[import][bad_input]") {
  struct Case {
    const char* column;
    const char* value;
  };
  // Malformed: month 13, a two-digit year. Impossible: 30 February, 29 February of 2023.
  const std::vector<Case> cases = {{"since", "2024-13"},
                                   {"since", "24-01-01"},
                                   {"until", "2024-02-30"},
                                   {"until", "2023-02-29"}};
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.column << " = " << c.value) {
      Fixture f;
      const std::string bad_row = std::string(c.column) == "since"
                                      ? "ktl,snuh,mou," + std::string(c.value) + ",\n"
                                      : "ktl,snuh,mou,," + std::string(c.value) + "\n";
      const std::string path = f.Write("ties_date.csv",
                                       "source,target,type,since,until\n"  // line 1
                                       "ktl,kitech,visit,2021-05-03,\n"    // line 2
                                           + bad_row);                     // line 3
      ExpectInvalid(f.ImportFiles({path}),
                    {At(path, 3), "field '" + std::string(c.column) + "'", c.value});
      f.ExpectUnchanged();
    }
  }
}

TEST_CASE("import rejects impossible dates in seed JSON and JSON Lines", "[import][bad_input]") {
  for (const char* value : {"2024-13", "2024-02-30", "2023-02-29"}) {
    DYNAMIC_SECTION("seed date " << value) {
      Fixture f;
      // ties[0..2] carry valid dates (a leap day, an upper bound, an interval); ties[3] is bad.
      const std::string path = f.Write("seed_date.json", std::string(R"({
        "institutions": [{"id": "s1", "name_ko": "첫째"}, {"id": "s2", "name_ko": "둘째"}],
        "ties": [
          {"id": "D0", "source": "s1", "target": "s2", "type": "mou", "date": "2024-02-29"},
          {"id": "D1", "source": "s1", "target": "ktl", "type": "mou", "date": "<=2023-02-28"},
          {"id": "D2", "source": "s2", "target": "ktl", "type": "mou", "date": "2021/2022-06"},
          {"id": "D3", "source": "s2", "target": "snuh", "type": "mou", "date": ")") +
                                                             value + R"("}]})");
      ExpectInvalid(f.ImportFiles({path}), {AtJson(path, "$.ties[3]"), "field 'date'", value});
      f.ExpectUnchanged();
    }
  }
  SECTION("json lines since = 24-01-01") {
    Fixture f;
    const std::string path = f.Write(
        "date.jsonl",
        "{\"record\":\"tie\",\"source\":\"ktl\",\"target\":\"kitech\",\"since\":\"2021\"}\n"  // 1
        "{\"record\":\"tie\",\"source\":\"ktl\",\"target\":\"snuh\",\"since\":\"24-01-01\"}\n");
    ExpectInvalid(f.ImportFiles({path}), {At(path, 2), "field 'since'", "24-01-01"});
    f.ExpectUnchanged();
  }
}

TEST_CASE("import accepts 29 February of a leap year", "[import][bad_input]") {
  Fixture f;
  const std::string path = f.Write("ties_leap.csv",
                                   "source,target,type,since,until\n"             // line 1
                                   "kitech,snuh,visit,2024-02-29,2024-02-29\n");  // line 2
  Status s = f.ImportFiles({path});
  INFO(s.ToString());
  REQUIRE(s.ok());
  CHECK(f.store().Read()->GetCounts()->ties == 3);
}

TEST_CASE("import rejects a tie that ends before it starts", "[import][bad_input]") {
  Fixture f;
  SECTION("csv") {
    const std::string path = f.Write("ties_order.csv",
                                     "source,target,type,since,until\n"          // line 1
                                     "ktl,kitech,visit,2021-05-03,2021-05-03\n"  // line 2: one day
                                     "ktl,snuh,mou,2023-05,2023-04-30\n");       // line 3
    ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "field 'until'", "2023-04-30"});
  }
  SECTION("json lines") {
    const std::string path = f.Write(
        "order.jsonl",
        "{\"record\":\"tie\",\"source\":\"ktl\",\"target\":\"kitech\",\"since\":\"2021\"}\n"  // 1
        "{\"record\":\"tie\",\"source\":\"ktl\",\"target\":\"snuh\",\"since\":\"2022\","
        "\"until\":\"2021-12\"}\n");  // line 2
    ExpectInvalid(f.ImportFiles({path}), {At(path, 2), "field 'until'", "2021-12"});
  }
  f.ExpectUnchanged();
}

// "\xC3\x28": a two-byte lead followed by '(' is not UTF-8. The byte offset is
// 16 ("key,name,sector\n") + 23 ("u1,Valid Name,industry\n") + 7 ("u2,Bad ") = 46.
constexpr char kBadUtf8[] =
    "key,name,sector\n"                 // line 1
    "u1,Valid Name,industry\n"          // line 2
    "u2,Bad \xC3\x28 Name,industry\n";  // line 3: invalid bytes in the name

TEST_CASE("import rejects invalid UTF-8 and names the line", "[import][bad_input]") {
  Fixture f;
  const std::string path = f.Write("inst_utf8.csv", kBadUtf8);
  ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "UTF-8"});
  f.ExpectUnchanged();
}

// The library finds bad UTF-8 before it parses the file, so the error names no field.
TEST_CASE("import names the field that holds invalid UTF-8", "[import][bad_input]") {
  Fixture f;
  const std::string path = f.Write("inst_utf8.csv", kBadUtf8);
  ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "field 'name'"});
  f.ExpectUnchanged();
}

TEST_CASE("import rejects a row with the wrong number of columns", "[import][bad_input]") {
  Fixture f;
  SECTION("too few") {
    const std::string path = f.Write("ties_cols.csv",
                                     "source,target,type\n"  // line 1
                                     "ktl,kitech,visit\n"    // line 2
                                     "\n"                    // line 3: blank, skipped
                                     "ktl,snuh\n");          // line 4: two columns
    ExpectInvalid(f.ImportFiles({path}), {At(path, 4), "2 columns", "header has 3"});
  }
  SECTION("too many") {
    const std::string path = f.Write("inst_cols.csv",
                                     "key,name\n"           // line 1
                                     "c1,One\n"             // line 2
                                     "c2,Two,industry\n");  // line 3: three columns
    ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "3 columns", "header has 2"});
  }
  f.ExpectUnchanged();
}

// The quote opened on line 3 is never closed: no later line holds a quote character.
constexpr char kUnterminated[] =
    "key,name,sector\n"               // line 1
    "q1,\"Quoted, Inc.\",industry\n"  // line 2: a proper quoted field
    "q2,\"Open quote,industry\n"      // line 3: the quote opens here
    "q3,Next,industry\n";             // line 4

TEST_CASE("import rejects an unterminated quote", "[import][bad_input]") {
  Fixture f;
  const std::string path = f.Write("inst_quote.csv", kUnterminated);
  Status s = f.ImportFiles({path});
  ExpectInvalid(s, {path, "unterminated"});
  CHECK_THAT(s.message(), Contains(" 3:") || Contains(":3:"));
  f.ExpectUnchanged();
}

// Every other error starts "file:LINE:"; this one says "file:line 3:", and names no column.
TEST_CASE("an unterminated quote is reported as file:LINE: with its column",
          "[import][bad_input]") {
  Fixture f;
  const std::string path = f.Write("inst_quote.csv", kUnterminated);
  ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "'name'"});
  f.ExpectUnchanged();
}

TEST_CASE("import rejects an empty name", "[import][bad_input]") {
  Fixture f;
  SECTION("csv, blank after trimming") {
    const std::string path = f.Write("inst_empty.csv",
                                     "key,name,sector\n"       // line 1
                                     "e1,Has Name,industry\n"  // line 2
                                     "e2,   ,industry\n");     // line 3: only spaces
    ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "field 'name'", "empty"});
  }
  SECTION("json lines") {
    const std::string path =
        f.Write("empty.jsonl",
                "{\"record\":\"institution\",\"key\":\"e1\",\"name\":\"Has Name\"}\n"  // line 1
                "{\"record\":\"institution\",\"key\":\"e2\",\"name\":\"\"}\n");        // line 2
    ExpectInvalid(f.ImportFiles({path}), {At(path, 2), "field 'name'", "empty"});
  }
  SECTION("seed json") {
    const std::string path = f.Write("seed_empty.json", R"({"institutions": [
        {"id": "s1", "name_ko": "첫째"},
        {"id": "s2", "name_ko": "", "name_en": null}]})");
    ExpectInvalid(f.ImportFiles({path}), {AtJson(path, "$.institutions[1]"), "field 'name_ko'"});
  }
  f.ExpectUnchanged();
}

TEST_CASE("import rejects a negative weight", "[import][bad_input]") {
  Fixture f;
  SECTION("csv weight column") {
    const std::string path = f.Write("ties_weight.csv",
                                     "source,target,type,weight\n"  // line 1
                                     "ktl,kitech,visit,0.5\n"       // line 2
                                     "ktl,snuh,mou,-1\n");          // line 3
    ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "field 'weight'", "negative"});
  }
  SECTION("csv strength column") {
    const std::string path = f.Write("ties_strength.csv",
                                     "source,target,type,strength\n"  // line 1
                                     "ktl,kitech,visit,0\n"           // line 2: zero is fine
                                     "ktl,snuh,mou,-0.5\n");          // line 3
    ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "field 'strength'", "-0.5"});
  }
  SECTION("json lines") {
    const std::string path = f.Write(
        "weight.jsonl",
        "{\"record\":\"tie\",\"source\":\"ktl\",\"target\":\"kitech\",\"strength\":2}\n"   // 1
        "{\"record\":\"tie\",\"source\":\"ktl\",\"target\":\"snuh\",\"strength\":-2}\n");  // 2
    ExpectInvalid(f.ImportFiles({path}), {At(path, 2), "field 'strength'"});
  }
  f.ExpectUnchanged();
}

TEST_CASE("import rejects a weight that is not a number", "[import][bad_input]") {
  for (const char* value : {"strong", "nan", "2x"}) {
    DYNAMIC_SECTION("weight = " << value) {
      Fixture f;
      const std::string path = f.Write("ties_weight.csv",
                                       std::string("source,target,type,weight\n"  // line 1
                                                   "ktl,kitech,visit,3\n"         // line 2
                                                   "ktl,snuh,mou,") +
                                           value + "\n");  // line 3
      ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "field 'weight'", value});
      f.ExpectUnchanged();
    }
  }
  SECTION("json lines string strength") {
    Fixture f;
    const std::string path = f.Write(
        "weight.jsonl",
        "{\"record\":\"tie\",\"source\":\"ktl\",\"target\":\"snuh\",\"strength\":\"high\"}\n");
    ExpectInvalid(f.ImportFiles({path}), {At(path, 1), "field 'strength'", "number"});
    f.ExpectUnchanged();
  }
}

TEST_CASE("import of a file that does not exist fails and writes nothing", "[import][bad_input]") {
  Fixture f;
  const std::string good = f.Write("new_institutions.csv", kNewInstitutions);
  const std::string missing = f.File("no_such_file.csv");
  Status s = f.ImportFiles({good, missing});
  INFO("status: " << s.ToString());
  REQUIRE_FALSE(s.ok());
  CHECK((s.IsInvalidArgument() || s.IsNotFound()));
  CHECK_THAT(s.message(), Contains(missing));
  f.ExpectUnchanged();
}

TEST_CASE("import rejects a JSON Lines line that is not JSON", "[import][bad_input]") {
  Fixture f;
  const std::string path =
      f.Write("bad.jsonl",
              "{\"record\":\"institution\",\"key\":\"j1\",\"name\":\"J One\"}\n"      // line 1
              "\n"                                                                    // line 2
              "{\"record\":\"institution\",\"key\":\"j2\",\"name\": \n"               // line 3
              "{\"record\":\"institution\",\"key\":\"j3\",\"name\":\"J Three\"}\n");  // 4
  ExpectInvalid(f.ImportFiles({path}), {At(path, 3), "not valid JSON"});
  f.ExpectUnchanged();
}

TEST_CASE("import rejects an unknown JSON Lines record kind", "[import][bad_input]") {
  Fixture f;
  const std::string path =
      f.Write("kind.jsonl",
              "{\"record\":\"institution\",\"key\":\"j1\",\"name\":\"J One\"}\n"  // line 1
              "{\"record\":\"person\",\"key\":\"p1\",\"name\":\"Someone\"}\n");   // line 2
  ExpectInvalid(f.ImportFiles({path}), {At(path, 2), "field 'record'", "'person'"});
  f.ExpectUnchanged();
}

TEST_CASE("dry run checks valid input, reports counts and writes nothing", "[import][dry_run]") {
  Fixture f;
  const std::string institutions = f.Write("new_institutions.csv", kNewInstitutions);
  const std::string ties = f.Write("new_ties.csv",
                                   "source,target,type\n"  // line 1
                                   "n1,ktl,mou\n");        // line 2
  ImportReport report;
  Status s = f.ImportFiles({institutions, ties}, /*dry_run=*/true, &report);
  INFO(s.ToString());
  REQUIRE(s.ok());
  CHECK(report.summary.institutions == 2);
  CHECK(report.summary.events == 0);
  CHECK(report.summary.ties == 1);
  f.ExpectUnchanged();

  SECTION("the same input then imports for real") {
    REQUIRE(f.ImportFiles({institutions, ties}).ok());
    Counts now = f.store().Read()->GetCounts().value();
    CHECK(now.institutions == 5);
    CHECK(now.ties == 3);
  }
  SECTION("a dry run still reports bad input") {
    const std::string bad = f.Write("inst_exists.csv",
                                    "key,name\n"           // line 1
                                    "ktl,Another KTL\n");  // line 2
    ExpectInvalid(f.ImportFiles({bad}, /*dry_run=*/true), {At(bad, 2), "field 'key'"});
    f.ExpectUnchanged();
  }
}

// The CLI prints the library's message on stderr, exits 1 and leaves the database alone.
TEST_CASE("cli import of bad input exits 1 and changes nothing", "[cli][import][bad_input]") {
  TempDir dir;
  const std::string db = dir.File("db");
  {
    auto store = OpenStore(db);
    std::vector<InputFile> base = {
        {dir.Write("base_institutions.csv", kBaseInstitutions), InputFormat::kAuto},
        {dir.Write("base_ties.csv", kBaseTies), InputFormat::kAuto}};
    REQUIRE(tiegraph::Import(store.get(), base, ImportOptions()).ok());
  }  // closed: the CLI needs the database's lock
  const CliResult before = RunCli({"--db", db, "dump"});
  REQUIRE(before.exit_code == 0);
  REQUIRE_FALSE(before.out.empty());

  struct Case {
    std::string name, path;
    std::vector<std::string> fragments;
  };
  const std::string sector = dir.Write("inst_sector.csv",
                                       "key,name,sector\n"               // line 1
                                       "h1,First Hospital,hospital\n"    // line 2
                                       "h2,Second Hospital,hospitl\n");  // line 3
  const std::string exists = dir.Write("inst_exists.csv",
                                       "key,name\n"            // line 1
                                       "new1,New Institute\n"  // line 2
                                       "ktl,Another KTL\n");   // line 3
  const std::string endpoint = dir.Write("ties_missing.csv",
                                         "source,target,type\n"  // line 1
                                         "ktl,kitech,visit\n"    // line 2
                                         "snuh,nowhere,mou\n");  // line 3
  const std::string missing = dir.File("no_such_file.csv");
  const std::vector<Case> cases = {
      {"unknown sector", sector, {At(sector, 3), "field 'sector'", "did you mean 'hospital'"}},
      {"duplicate key", exists, {At(exists, 3), "field 'key'", "'ktl'"}},
      {"missing endpoint", endpoint, {At(endpoint, 3), "field 'target'", "'nowhere'"}},
      {"missing file", missing, {missing}},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      CliResult r = RunCli({"--db", db, "import", c.path});
      INFO("stderr: " << r.err);
      CHECK(r.exit_code == 1);
      CHECK(r.out.empty());
      for (const auto& f : c.fragments) CHECK_THAT(r.err, Contains(f));
      CHECK_THAT(r.err, Contains("nothing was imported"));
      CHECK(RunCli({"--db", db, "dump"}).out == before.out);
    }
  }
  SECTION("--dry-run on valid input reports counts and writes nothing") {
    const std::string good = dir.Write("new_institutions.csv", kNewInstitutions);
    CliResult r = RunCli({"--db", db, "import", "--dry-run", good});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("checked 2 institutions, 0 events, 0 ties"));
    CHECK_THAT(r.out, Contains("dry run"));
    CHECK(RunCli({"--db", db, "dump"}).out == before.out);
  }
  SECTION("a failed import into a new database leaves no database behind") {
    const std::string fresh = dir.File("fresh");
    CliResult r = RunCli({"--db", fresh, "import", "--create", sector});
    CHECK(r.exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(fresh));
  }
}

TEST_CASE("import rejects bad events CSV rows and names line and field", "[import][bad_input]") {
  Fixture f;
  SECTION("a participant that does not exist") {
    const std::string path = f.Write("events_missing.csv",
                                     "key,participants\n"  // line 1
                                     "e1,ktl|kitech\n"     // line 2
                                     "e2,ktl|ghost\n");    // line 3
    Status s = f.ImportFiles({path});
    INFO(s.ToString());
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.message(), Contains(At(path, 3)));
    CHECK_THAT(s.message(), Contains("participants"));
    CHECK_THAT(s.message(), Contains("'ghost'"));
  }
  SECTION("a participant listed twice") {
    const std::string path = f.Write("events_twice.csv",
                                     "key,participants\n"         // line 1
                                     "e1,ktl:host|ktl:guest\n");  // line 2
    ExpectInvalid(f.ImportFiles({path}), {At(path, 2), "field 'participants'", "'ktl'", "twice"});
  }
  SECTION("an empty participant") {
    const std::string path = f.Write("events_empty.csv",
                                     "key,participants\n"  // line 1
                                     "e1,ktl|:host\n");    // line 2
    ExpectInvalid(f.ImportFiles({path}), {At(path, 2), "field 'participants'"});
  }
  SECTION("an impossible date") {
    const std::string path = f.Write("events_date.csv",
                                     "key,date,participants\n"  // line 1
                                     "e1,2023-02-30,ktl\n");    // line 2
    ExpectInvalid(f.ImportFiles({path}), {At(path, 2), "field 'date'"});
  }
  SECTION("an empty key") {
    const std::string path = f.Write("events_key.csv",
                                     "key,participants\n"  // line 1
                                     ",ktl\n");            // line 2
    ExpectInvalid(f.ImportFiles({path}), {At(path, 2), "field 'key'"});
  }
  f.ExpectUnchanged();
}

}  // namespace
}  // namespace tiegraph::test
