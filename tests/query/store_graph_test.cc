// The store as the query language sees it (docs/QUERY.md, "The data model"): institutions
// with their sector labels and fields as properties, ties as relationships matched both ways
// when undirected, and writes that go into the transaction. Expectations follow by hand from
// the documented mapping.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "store_graph.h"
#include "test_util.h"

namespace tiegraph::test {
namespace {

using cypher::ExpandDirection;
using cypher::Expansion;
using cypher::StoreGraph;
using cypher::Value;

// a (hospital) -- b (industry), undirected mou since 2024-03; b -> c directed funding.
std::unique_ptr<Store> Small(const TempDir& dir) {
  auto store = OpenStore(dir.path());
  Dataset d;
  auto inst = [&](std::string key, Sector s) {
    Institution in;
    in.key = key;
    in.name = key + " name";
    in.sector = s;
    d.institutions.push_back(in);
  };
  inst("a", Sector::kHospital);
  inst("b", Sector::kIndustry);
  inst("c", Sector::kNone);
  Tie mou;
  mou.key = "T1";
  mou.source = "a";
  mou.target = "b";
  mou.type = "MOU";
  mou.since = {2024, 3, 0, Date::Precision::kMonth};
  Tie fund;
  fund.source = "b";
  fund.target = "c";
  fund.type = "funding";
  fund.directed = true;
  fund.strength = 2;
  d.ties = {mou, fund};
  REQUIRE(store->Write(d, WriteOptions{}).ok());
  return store;
}

std::set<std::pair<int64_t, int64_t>> Others(StoreGraph& g, int64_t from, ExpandDirection dir,
                                             std::vector<std::string> types = {}) {
  auto e = g.Expand(from, dir, types);
  REQUIRE(e.ok());
  std::set<std::pair<int64_t, int64_t>> out;
  for (const Expansion& x : *e) out.emplace(x.relationship, x.other);
  return out;
}

TEST_CASE("stored institutions and ties as nodes and relationships", "[cypher-store]") {
  TempDir dir;
  auto store = Small(dir);
  auto snap = store->Read();
  StoreGraph g(snap.get(), nullptr);
  // Node ids 0, 1, 2 in write order; tie sequences 0 (mou) and 1 (funding).
  auto a = g.Node(0);
  REQUIRE(a.ok());
  CHECK(a->labels == std::vector<std::string>{"Institution", "Hospital"});
  CHECK(a->properties->at("name").string() == "a name");
  CHECK(a->properties->at("sector").string() == "hospital");
  CHECK(a->properties->at("foreign").boolean() == false);

  std::vector<int64_t> hospitals;
  const std::string hospital = "Hospital";
  REQUIRE(g.ForEachNode(&hospital, [&](int64_t id) {
             hospitals.push_back(id);
             return true;
           }).ok());
  CHECK(hospitals == std::vector<int64_t>{0});

  // Every tie runs from its source to its target, the undirected mou too (a -> b); an
  // undirected pattern (kBoth) matches it from either end.
  using P = std::set<std::pair<int64_t, int64_t>>;
  CHECK(Others(g, 0, ExpandDirection::kOutgoing) == P{{0, 1}});
  CHECK(Others(g, 0, ExpandDirection::kIncoming).empty());
  CHECK(Others(g, 0, ExpandDirection::kBoth) == P{{0, 1}});
  CHECK(Others(g, 1, ExpandDirection::kOutgoing) == P{{1, 2}});
  CHECK(Others(g, 1, ExpandDirection::kIncoming) == P{{0, 0}});
  CHECK(Others(g, 1, ExpandDirection::kBoth) == P{{0, 0}, {1, 2}});
  CHECK(Others(g, 2, ExpandDirection::kIncoming) == P{{1, 1}});
  CHECK(Others(g, 2, ExpandDirection::kOutgoing).empty());
  // Types match through the vocabulary: the stored type is mou.
  CHECK(Others(g, 1, ExpandDirection::kBoth, {"MOU"}) == P{{0, 0}});
  CHECK(Others(g, 1, ExpandDirection::kBoth, {"업무협약"}) == P{{0, 0}});
  CHECK(Others(g, 1, ExpandDirection::kBoth, {"tenancy"}).empty());

  auto mou = g.Relationship(0);
  REQUIRE(mou.ok());
  CHECK(mou->type == "mou");
  CHECK(mou->properties->at("key").string() == "T1");
  CHECK(mou->properties->at("since").date() == Date{2024, 3, 0, Date::Precision::kMonth});
  CHECK(mou->properties->at("strength").real() == 1.0);
  auto fund = g.Relationship(1);
  REQUIRE(fund.ok());
  CHECK(fund->start == 1);
  CHECK(fund->end == 2);
  CHECK(fund->properties->count("key") == 0);  // an assigned key is no property

  auto write = g.CreateNode({"Person"}, {});
  REQUIRE_FALSE(write.ok());
}

TEST_CASE("writes through the graph go into the transaction", "[cypher-store]") {
  TempDir dir;
  auto store = Small(dir);
  {
    auto txn = Transaction::Begin(store.get(), TransactionOptions{.allow_self_loops = true});
    REQUIRE(txn.ok());
    auto snap = store->Read();
    StoreGraph g(snap.get(), txn->get());
    auto kim = g.CreateNode({"Person"},
                            {{"name", Value("Kim")}, {"langs", Value(cypher::List{Value("ko")})}});
    REQUIRE(kim.ok());
    CHECK(*kim == 3);
    auto works = g.CreateRelationship(*kim, 0, "WORKS_AT", {{"since", Value(int64_t{2020})}});
    REQUIRE(works.ok());
    CHECK(*works == 2);
    auto loop = g.CreateRelationship(*kim, *kim, "SELF", {});
    REQUIRE(loop.ok());
    // A tie with a non-institution end keeps its properties typed: since is an integer here.
    auto rel = g.Relationship(*works);
    REQUIRE(rel.ok());
    CHECK(rel->properties->size() == 1);
    CHECK(rel->properties->at("since").integer() == 2020);
    // The new node is seen by scans and expansions within the transaction.
    const std::string person = "Person";
    std::vector<int64_t> people;
    REQUIRE(g.ForEachNode(&person, [&](int64_t id) {
               people.push_back(id);
               return true;
             }).ok());
    CHECK(people == std::vector<int64_t>{3});
    CHECK(Others(g, 0, ExpandDirection::kIncoming, {"WORKS_AT"}) ==
          std::set<std::pair<int64_t, int64_t>>{{2, 3}});
    // An institution's field set through a property; a sector label set as the sector.
    REQUIRE(
        g.SetNodeProperty(2, "region", Value(cypher::List{Value("KR"), Value("Gangwon")})).ok());
    REQUIRE(g.AddLabel(2, "Research").ok());
    auto bad = g.SetNodeProperty(2, "sector", Value("bank"));
    CHECK_FALSE(bad.ok());
    auto c = g.Node(2);
    REQUIRE(c.ok());
    CHECK(c->labels == std::vector<std::string>{"Institution", "Research"});
    // Deleting a connected node needs detach.
    auto refused = g.DeleteNode(1, false);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "DeleteConnectedNode");
    REQUIRE(g.DeleteNode(1, true).ok());
    CHECK(g.effects().nodes_deleted == 1);
    CHECK(g.effects().relationships_deleted == 2);
    auto gone = g.Node(1);
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error().code == "DeletedEntityAccess");
    REQUIRE((*txn)->Commit({.author = "t", .message = "graph writes", .command = "test"}).ok());
  }
  auto snap = store->Read();
  auto kim = snap->GetInstitution("#3");
  REQUIRE(kim.ok());
  CHECK(kim->labels == std::vector<std::string>{"Person"});
  auto c = snap->GetInstitution("c");
  REQUIRE(c.ok());
  CHECK(c->sector == Sector::kResearch);
  CHECK(c->region == std::vector<std::string>{"KR", "Gangwon"});
  CHECK_FALSE(snap->GetInstitution("b").ok());
  auto report = snap->Check();
  REQUIRE(report.ok());
  CHECK(report->clean());
}

TEST_CASE("events as nodes with their participants, read-only", "[cypher-store]") {
  TempDir dir;
  auto store = Small(dir);
  Dataset d;
  Event council;
  council.key = "E-1";
  council.name = "council";
  council.type = "council";
  council.date = {2024, 5, 29, Date::Precision::kDay};
  council.participants = {{"a", "chair"}, {"c", ""}};
  d.events.push_back(council);
  REQUIRE(store->Write(d, WriteOptions{}).ok());
  auto snap = store->Read();
  StoreGraph g(snap.get(), nullptr);
  // The one event takes the first event id, 2^40; its participations the first relationship
  // ids from 2^40, in the event's order (a, then c).
  const int64_t first = int64_t{1} << 40;
  const std::string event_label = "Event";
  std::vector<int64_t> events;
  REQUIRE(g.ForEachNode(&event_label, [&](int64_t id) {
             events.push_back(id);
             return true;
           }).ok());
  CHECK(events == std::vector<int64_t>{first});
  auto node = g.Node(first);
  REQUIRE(node.ok());
  CHECK(node->labels == std::vector<std::string>{"Event"});
  CHECK(node->properties->at("date").date() == council.date);
  using P = std::set<std::pair<int64_t, int64_t>>;
  // From institution a (node 0): its ties, and its participation out to the event.
  CHECK(Others(g, 0, ExpandDirection::kOutgoing, {"PARTICIPATED_IN"}) == P{{first, first}});
  CHECK(Others(g, first, ExpandDirection::kIncoming) == P{{first, 0}, {first + 1, 2}});
  CHECK(Others(g, first, ExpandDirection::kOutgoing).empty());
  auto chair = g.Relationship(first);
  REQUIRE(chair.ok());
  CHECK(chair->type == "PARTICIPATED_IN");
  CHECK(chair->start == 0);
  CHECK(chair->end == first);
  CHECK(chair->properties->at("role").string() == "chair");
  auto plain = g.Relationship(first + 1);
  REQUIRE(plain.ok());
  CHECK(plain->properties->empty());  // no role given
  // Even in a transaction, events do not change through the language.
  auto txn = Transaction::Begin(store.get());
  REQUIRE(txn.ok());
  auto base = store->Read();
  StoreGraph writing(base.get(), txn->get());
  auto refused = writing.SetNodeProperty(first, "name", Value("x"));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "ReadOnlyEvent");
  auto unlinked = writing.DeleteRelationship(first);
  REQUIRE_FALSE(unlinked.ok());
  CHECK(unlinked.error().code == "ReadOnlyEvent");
}

}  // namespace
}  // namespace tiegraph::test
