// `add event`: participants given by any name are stored by key, with their roles.
#include <catch2/catch.hpp>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using nlohmann::json;

TEST_CASE("cli add event resolves participants and refuses bad ones", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("db");
  RunOk({"--db", db, "import", "--create", SamplePath()});
  RunOk({"--db", db, "add", "event", "E-test", "--name", "MOU signing", "--type", "meeting",
         "--date", "2025-03-04", "--participant", "KTL=host", "--participant", "고양시"});
  auto store = OpenStore(db);
  auto ev = store->Read()->GetEvent("E-test");
  REQUIRE(ev.ok());
  CHECK(ev->name == "MOU signing");
  CHECK(ev->type == "meeting");
  CHECK(FormatDate(ev->date) == "2025-03-04");
  // KTL is ktl's abbreviation; 고양시 is goyang-city's name with its parenthesis dropped.
  REQUIRE(ev->participants.size() == 2);
  CHECK(ev->participants[0] == Participant{"ktl", "host"});
  CHECK(ev->participants[1] == Participant{"goyang-city", ""});
  store.reset();
  // An unknown participant, a duplicate key and an impossible date: exit 1, nothing added.
  CHECK(RunCli({"--db", db, "add", "event", "E-2", "--participant", "nobody"}).exit_code == 1);
  CHECK(RunCli({"--db", db, "add", "event", "E-test"}).exit_code == 1);
  CHECK(RunCli({"--db", db, "add", "event", "E-3", "--date", "2025-02-30"}).exit_code == 1);
  auto again = OpenStore(db);
  CHECK(again->Read()->GetCounts()->events == 8);  // the sample's 7 and E-test
  again.reset();

  // `show` lists the events an institution took part in, with its role.
  json show = RunJson(db, {"show", "고양시"});
  bool listed = false;
  for (const auto& row : show.at("events")) {
    if (row.at("event") == "E-test") {
      listed = true;
      CHECK(row.at("name") == "MOU signing");
      CHECK(row.at("date") == "2025-03-04");
      CHECK(row.at("role") == "");
    }
  }
  CHECK(listed);
  json ktl = RunJson(db, {"show", "ktl"});
  bool host = false;
  for (const auto& row : ktl.at("events"))
    host = host || (row.at("event") == "E-test" && row.at("role") == "host");
  CHECK(host);
}

}  // namespace
}  // namespace tiegraph::test
