// The tie-type vocabulary: spellings that differ in case, dots and separators are one type,
// aliases join other words, and writes, filters and transactions all go through it. Expected
// spellings follow the rule in docs/DATA_MODEL.md, applied by hand.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "test_util.h"

namespace tiegraph::test {
namespace {

TEST_CASE("tie-type keys: case, dots, separators and full-width forms do not count", "[types]") {
  CHECK(TieTypeKey("M.O.U.") == "mou");
  CHECK(TieTypeKey("Joint-Research") == "joint_research");
  CHECK(TieTypeKey("  joint  research ") == "joint_research");
  CHECK(TieTypeKey("JOINT__RESEARCH") == "joint_research");
  CHECK(TieTypeKey("part / of") == "part_of");
  CHECK(TieTypeKey("ＭＯＵ") == "mou");  // full-width letters, NFKC
  CHECK(TieTypeKey("업무 협약") == "업무_협약");
}

TEST_CASE("the built-in vocabulary: canonical snake_case, aliases, others as first spelt",
          "[types]") {
  TieTypeVocabulary v = TieTypeVocabulary::BuiltIn();
  CHECK(v.Canonical("MOU") == "mou");
  CHECK(v.Canonical("업무협약") == "mou");
  CHECK(v.Canonical("investment_intention_agreement") == "investment_intent");
  CHECK(v.Canonical("Part-Of") == "part_of");
  CHECK(v.Canonical("Advisory Board") == "Advisory Board");
  CHECK(v.Learn("Advisory Board") == "Advisory Board");
  CHECK(v.Learn("advisory-board") == "Advisory Board");
  CHECK_FALSE(v.AddAlias("mou", "joint_research").empty());  // a type is not an alias
  CHECK(v.AddAlias("협약식", "MOU").empty());
  CHECK(v.Canonical("협약식") == "mou");
}

TEST_CASE("writes store canonical types; filters and aliases match through the vocabulary",
          "[types]") {
  TempDir dir;
  auto store = OpenStore(dir.File("db"));
  Dataset d;
  for (const char* k : {"a", "b", "c", "d"}) {
    Institution in;
    in.key = in.name = k;
    d.institutions.push_back(in);
  }
  auto tie = [&](const char* s, const char* t, const char* type) {
    Tie x;
    x.source = s;
    x.target = t;
    x.type = type;
    d.ties.push_back(x);
  };
  tie("a", "b", "MOU");
  tie("b", "c", "업무협약");
  tie("c", "d", "Advisory Board");
  tie("a", "d", "advisory-board");
  tie("a", "c", "협약식");
  REQUIRE(store->Write(d, {}).ok());
  auto snap = store->Read();
  CHECK(snap->GetTie("#1")->type == "mou");
  CHECK(snap->GetTie("#3")->type == "Advisory Board");
  CHECK(snap->TieTypes().value() == std::vector<std::string>{"mou", "Advisory Board", "협약식"});
  // A filter in another spelling selects the same ties: a-b and b-c.
  ProjectionOptions o;
  o.filter.tie_types = {"M.O.U."};
  auto g = BuildProjection(*snap, o);
  REQUIRE(g.ok());
  CHECK(g->ties_used() == 2);

  // An alias added later gives the stored ties of that spelling the type, in one commit.
  auto txn = Transaction::Begin(store.get());
  REQUIRE(txn.ok());
  REQUIRE((*txn)->AliasTieType("협약식", "mou").ok());
  auto id = (*txn)->Commit({"kim", "", "types alias"});
  REQUIRE(id.ok());
  snap = store->Read();
  CHECK(snap->GetTie("#4")->type == "mou");
  CHECK(snap->GetTieTypeVocabulary()->Canonical("협약식") == "mou");
  auto entry = snap->GetHistoryEntry(*id);
  REQUIRE(entry.ok());
  REQUIRE(entry->changes.size() == 1);
  CHECK(entry->changes[0].key == "#4");
  auto report = snap->Check();
  REQUIRE(report.ok());
  CHECK(report->clean());
  // Later writes in the alias's spelling are `mou` too.
  Dataset more;
  Tie x;
  x.source = "b";
  x.target = "d";
  x.type = "협약식";
  more.ties.push_back(x);
  REQUIRE(store->Write(more, {}).ok());
  CHECK(store->Read()->GetTie("#5")->type == "mou");
}

}  // namespace
}  // namespace tiegraph::test
