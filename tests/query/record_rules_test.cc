// The rules every imported record meets, whatever its format (docs/FORMATS.md, "Limits" and
// "Rules"): fields within FieldLimits, no tie from an institution to itself, no realized tie
// begun after today. Expected messages are written out by hand from the inputs beside them.
#include <catch2/catch.hpp>

#include <string>

#include "import_fixture.h"
#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

constexpr size_t k15MB = 15 * 1024 * 1024;  // 15,728,640 bytes

TEST_CASE("a 15 MB name is refused in every format", "[import][limits]") {
  Fixture f;
  const std::string huge(k15MB, 'A');
  const std::string csv = f.Write("huge.csv",
                                  "key,name\n"  // line 1
                                  "ok1,Fine\n"  // line 2
                                  "big," +
                                      huge + "\n");  // line 3
  ExpectInvalid(f.ImportFiles({csv}),
                {At(csv, 3) + " field 'name': is 15728640 bytes long; the limit is 4096 bytes "
                              "(import --max-field-bytes)"});
  const std::string jsonl = f.Write(
      "huge.jsonl", "{\"record\":\"institution\",\"key\":\"big\",\"name\":\"" + huge + "\"}\n");
  ExpectInvalid(f.ImportFiles({jsonl}), {At(jsonl, 1) + " field 'name': is 15728640 bytes long"});
  const std::string seed =
      f.Write("huge.json", "{\"institutions\":[{\"id\":\"big\",\"name_ko\":\"" + huge + "\"}]}");
  ExpectInvalid(f.ImportFiles({seed}),
                {AtJson(seed, "$.institutions[0]") + ": field 'name_ko': is 15728640 bytes long"});
  f.ExpectUnchanged();
}

TEST_CASE("every kind of field has its limit, and the limits can be raised", "[import][limits]") {
  Fixture f;
  const std::string name5000(5000, 'n');
  const std::string quote70k(70000, 'q');
  const std::string key600(600, 'k');
  std::string aliases101 = "a0";
  for (int i = 1; i <= 100; ++i) aliases101 += "|a" + std::to_string(i);
  const std::string inst = f.Write("inst.csv",
                                   "key,name,aliases,notes\n"  // line 1
                                   "n1," +
                                       name5000 +
                                       ",,\n"  // line 2
                                       "n2,Two," +
                                       aliases101 +
                                       ",\n"  // line 3
                                       "n3,Three,short|" +
                                       name5000 +
                                       ",\n"  // line 4
                                       "n4,Four,,\"" +
                                       quote70k + "\"\n"         // line 5
                                       + key600 + ",Five,,\n");  // line 6
  const std::string ties = f.Write("ties.csv",
                                   "source,target,evidence_source,evidence_quote\n"  // line 1
                                   "ktl,snuh,a.txt," +
                                       quote70k + "\n");  // line 2
  const Status s = f.ImportFiles({inst, ties});
  ExpectInvalid(
      s, {
             At(inst, 2) + " field 'name': is 5000 bytes long; the limit is 4096 bytes "
                           "(import --max-field-bytes)",
             At(inst, 3) +
                 " field 'aliases': has 101 aliases; the limit is 100 (import --max-aliases)",
             At(inst, 4) + " field 'aliases': alias 2 is 5000 bytes long; the limit is 4096 bytes",
             At(inst, 5) + " field 'notes': is 70000 bytes long; the limit is 65536 bytes "
                           "(import --max-text-bytes)",
             At(inst, 6) + " field 'key': is 600 bytes long; the limit is 512 bytes\n",
             At(ties, 2) + " field 'evidence_quote': is 70000 bytes long; the limit is 65536 bytes",
         });
  f.ExpectUnchanged();

  // JSON names the evidence entry and the property as JSON does.
  const std::string jsonl = f.Write(
      "long.jsonl",
      "{\"record\":\"tie\",\"source\":\"ktl\",\"target\":\"snuh\",\"evidence\":[{\"source\":\"a\"},"
      "{\"source\":\"b\",\"quote\":\"" +
          quote70k +
          "\"}]}\n"  // line 1
          "{\"record\":\"tie\",\"source\":\"ktl\",\"target\":\"snuh\",\"properties\":{\"notes\":"
          "\"" +
          quote70k + "\"}}\n");  // line 2
  ExpectInvalid(f.ImportFiles({jsonl}), {At(jsonl, 1) + " field 'evidence[1].quote': is 70000",
                                         At(jsonl, 2) + " field 'properties.notes': is 70000"});

  ImportOptions raised;
  raised.limits.text_bytes = 8192;
  raised.limits.long_text_bytes = 100000;
  raised.limits.aliases = 200;
  raised.limits.key_bytes = 511;  // lower: still refuses the 600-byte key
  ExpectInvalid(f.ImportWith({inst, ties}, raised), {At(inst, 6) + " field 'key'"});
  const std::string good_inst = f.Write("good.csv",
                                        "key,name,aliases,notes\n"
                                        "n1," +
                                            name5000 + ",short|" + name5000 + ",\"" + quote70k +
                                            "\"\n"
                                            "n2,Two," +
                                            aliases101 + ",\n");
  REQUIRE(f.ImportWith({good_inst, ties}, raised).ok());
  auto n1 = f.store().Read()->GetInstitution("n1");
  REQUIRE(n1.ok());
  CHECK(n1->name == name5000);
}

TEST_CASE("a tie from an institution to itself is refused unless allowed", "[import][self_loop]") {
  Fixture f;
  const std::string ties = f.Write("loops.csv",
                                   "source,target,type\n"  // line 1
                                   "ktl,snuh,mou\n"        // line 2
                                   "ktl,ktl,mou\n");       // line 3
  const std::string message =
      " field 'target': is the source itself ('ktl'): a tie joins two institutions";
  ExpectInvalid(f.ImportFiles({ties}), {At(ties, 3) + message});
  const std::string jsonl = f.Write(
      "loops.jsonl", "{\"record\":\"tie\",\"source\":\"snuh\",\"target\":\"snuh\"}\n");  // 1
  ExpectInvalid(f.ImportFiles({jsonl}), {At(jsonl, 1) + " field 'target': is the source itself"});
  const std::string seed =
      f.Write("loops.json", R"({"ties": [{"source": "ktl", "target": "ktl", "type": "mou"}]})");
  ExpectInvalid(f.ImportFiles({seed}),
                {AtJson(seed, "$.ties[0]") + ": field 'target': is the source itself"});
  f.ExpectUnchanged();

  ImportOptions allow;
  allow.allow_self_loops = true;
  REQUIRE(f.ImportWith({ties}, allow).ok());
  CHECK(f.store().Read()->GetCounts()->ties == 2 + 2);
}

TEST_CASE("a realized tie may not begin after today; a planned one may", "[import][future]") {
  Fixture f;
  ImportOptions options;
  options.today = Date{2026, 3, 15, Date::Precision::kDay};  // future_days: 7, to 2026-03-22
  const std::string ties = f.Write("future.csv",
                                   "key,source,target,status,since,until\n"  // line 1
                                   "f1,ktl,snuh,realized,2032,\n"            // line 2
                                   "f2,ktl,snuh,planned,2032,\n"             // line 3: fine
                                   "f3,ktl,snuh,realized,2026-03-22,\n"      // line 4: fine
                                   "f4,ktl,snuh,realized,2026-03-23,\n"      // line 5
                                   "f5,ktl,snuh,realized,2026-04,\n"         // line 6: 04-01
                                   "f6,ktl,snuh,realized,2026-03,2030\n"     // line 7: fine
                                   "f7,ktl,snuh,proposed,2040-01-01,\n");    // line 8: fine
  const Status s = f.ImportWith({ties}, options);
  ExpectInvalid(s, {At(ties, 2) + " field 'since': 2032 is after today (2026-03-15), and a "
                                  "realized tie cannot have begun yet",
                    At(ties, 5) + " field 'since': 2026-03-23 is after today (2026-03-15)",
                    At(ties, 6) + " field 'since': 2026-04 is after today (2026-03-15)"});
  for (int fine : {3, 4, 7, 8}) CHECK_THAT(s.message(), !Contains(At(ties, fine)));
  f.ExpectUnchanged();

  // A month's grace lets the tie of April in.
  options.future_days = 31;  // to 2026-04-15
  const Status month = f.ImportWith({ties}, options);
  CHECK_THAT(month.message(), Contains(At(ties, 2)) && !Contains(At(ties, 6)));
  const std::string jsonl = f.Write(
      "future.jsonl",
      "{\"record\":\"tie\",\"source\":\"ktl\",\"target\":\"snuh\",\"since\":\"2030-01\"}\n");
  ExpectInvalid(f.ImportWith({jsonl}, options),
                {At(jsonl, 1) + " field 'since': 2030-01 is after today (2026-03-15)"});
  f.ExpectUnchanged();
}

TEST_CASE("cli add holds one record to the import's rules", "[cli][self_loop][future]") {
  TempDir dir;
  const std::string db = dir.File("db");
  RunOk({"--db", db, "init"});
  RunOk(
      {"--db", db, "add", "institution", "ktl", "--name", "한국산업기술시험원", "--alias", "KTL"});
  // The same institution by key and by alias: a self-loop once resolved.
  CliResult loop = RunCli({"--db", db, "add", "tie", "ktl", "KTL"});
  CHECK(loop.exit_code == 1);
  CHECK_THAT(loop.err, Contains("field 'target': is the source itself ('ktl')"));
  // The year 2999 is after any day these tests run on.
  RunOk({"--db", db, "add", "institution", "snuh", "--name", "서울대학교병원"});
  CliResult future = RunCli({"--db", db, "add", "tie", "ktl", "snuh", "--since", "2999"});
  CHECK(future.exit_code == 1);
  CHECK_THAT(future.err, Contains("field 'since': 2999 is after today"));
  RunOk({"--db", db, "add", "tie", "ktl", "snuh", "--since", "2999", "--status", "planned"});
  CliResult name =
      RunCli({"--db", db, "add", "institution", "big", "--name", std::string(5000, 'x')});
  CHECK(name.exit_code == 1);
  CHECK_THAT(name.err, Contains("institution big: field 'name': is 5000 bytes long"));
}

}  // namespace
}  // namespace tiegraph::test
