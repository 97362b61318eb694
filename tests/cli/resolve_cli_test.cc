// The CLI finds an institution by its exact key even when another one has that key as an
// alias: show, add tie and suggest all resolve through ResolveInstitution.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;
using nlohmann::json;

TEST_CASE("cli: key knu is Kongju even though Kyungpook's alias is KNU", "[cli][resolve]") {
  TempDir dir;
  const std::string db = dir.File("db");
  const std::string institutions =
      dir.Write("inst.csv",
                "key,name,aliases,sector\n"
                "knu,공주대학교,Kongju National University,academia\n"
                "kyungpook,경북대학교,KNU|Kyungpook National University,academia\n"
                "ktl,한국산업기술시험원,KTL,public-agency\n");
  RunOk({"--db", db, "init"});
  RunOk({"--db", db, "import", "--institutions", institutions});

  const json show = RunJson(db, {"show", "knu"});
  bool is_kongju = false;
  for (const auto& row : show.at("institution")) {
    is_kongju = is_kongju || (row.at("field") == "key" && row.at("value") == "knu");
  }
  CHECK(is_kongju);

  RunOk({"--db", db, "add", "tie", "knu", "KTL", "--key", "t1", "--type", "mou"});
  const json ties = RunJson(db, {"show", "ktl"});
  REQUIRE(ties.at("ties").size() == 1);
  CHECK(ties.at("ties")[0].at("other") == "knu");

  CHECK(RunCli({"--db", db, "suggest", "knu"}).exit_code == 0);

  // "KNU" is Kyungpook's alias and, case folded, Kongju's key: truly ambiguous.
  CliResult ambiguous = RunCli({"--db", db, "show", "KNU"});
  CHECK(ambiguous.exit_code == 1);
  CHECK_THAT(ambiguous.err, Contains("ambiguous") && Contains("kyungpook"));
}

}  // namespace
}  // namespace tiegraph::test
