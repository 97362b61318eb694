// Nodes of any label (docs/DATA_MODEL.md, "Nodes and labels"): a node that is not an
// institution holds its key, labels and typed properties (lists among them); the projection
// leaves it out unless asked. Expectations are worked out by hand from the documented rules.
#include <catch2/catch.hpp>

#include <capnp/message.h>
#include <capnp/serialize.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <tiegraph/dump.h>
#include <tiegraph/import.h>

#include "record_codec.h"
#include "records.capnp.h"
#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

Institution Person(std::string key, std::vector<Property> properties = {}) {
  Institution p;
  p.key = std::move(key);
  p.labels = {"Person"};
  p.properties = std::move(properties);
  return p;
}

Institution Org(std::string key) {
  Institution in;
  in.key = key;
  in.name = key;
  return in;
}

Status CreateAll(Store* store, const std::vector<Institution>& nodes, const std::vector<Tie>& ties,
                 std::vector<std::string>* keys = nullptr) {
  auto txn = Transaction::Begin(store);
  if (!txn.ok()) return txn.status();
  for (const auto& n : nodes) {
    auto key = (*txn)->CreateInstitution(n);
    if (!key.ok()) return key.status();
    if (keys) keys->push_back(*key);
  }
  for (const auto& t : ties) {
    auto key = (*txn)->CreateTie(t);
    if (!key.ok()) return key.status();
  }
  return (*txn)->Commit().status();
}

Tie Link(std::string a, std::string b, std::string type = "knows") {
  Tie t;
  t.source = std::move(a);
  t.target = std::move(b);
  t.type = std::move(type);
  t.directed = true;
  return t;
}

TEST_CASE("a node of another label keeps its labels and typed properties", "[labels]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  const Date march{2024, 3, 0, Date::Precision::kMonth};
  Institution kim = Person("", {{"name", std::string("Kim")},
                                {"born", int64_t{1980}},
                                {"langs", PropertyList{{std::string("ko"), std::string("en")}}},
                                {"scores", PropertyList{{1.5, 2.0}}},
                                {"met", PropertyList{{march}}}});
  Institution untitled;  // no label at all
  untitled.labels.clear();
  std::vector<std::string> keys;
  REQUIRE(CreateAll(store.get(), {Org("ktl"), kim, untitled}, {}, &keys).ok());
  // Keys are given as ties' are: "#" and the node id (ktl took id 0).
  REQUIRE(keys == std::vector<std::string>{"ktl", "#1", "#2"});

  auto snap = store->Read();
  auto back = snap->GetInstitution("#1");
  REQUIRE(back.ok());
  kim.key = "#1";
  CHECK(*back == kim);
  CHECK_FALSE(back->is_institution());
  auto none = snap->GetInstitution("#2");
  REQUIRE(none.ok());
  CHECK(none->labels.empty());
  auto org = snap->GetInstitution("ktl");
  REQUIRE(org.ok());
  CHECK(org->labels == std::vector<std::string>{"Institution"});

  // The digests say which nodes are institutions, and the others' labels.
  std::vector<std::pair<std::string, bool>> seen;
  std::vector<std::string> person_labels;
  REQUIRE(snap->ForEachInstitutionSummary([&](const InstitutionSummary& s) {
                seen.emplace_back(std::string(s.key), s.institution);
                if (s.key == "#1") person_labels.assign(s.labels.begin(), s.labels.end());
                return true;
              })
              .ok());
  CHECK(seen ==
        std::vector<std::pair<std::string, bool>>{{"ktl", true}, {"#1", false}, {"#2", false}});
  CHECK(person_labels == std::vector<std::string>{"Person"});
  auto report = snap->Check();
  REQUIRE(report.ok());
  CHECK(report->clean());
}

TEST_CASE("an institution may carry labels besides Institution", "[labels]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Institution in = Org("startup-1");
  in.labels = {"Institution", "Startup"};
  in.sector = Sector::kIndustry;
  Dataset d;
  d.institutions.push_back(in);
  REQUIRE(store->Write(d, WriteOptions{}).ok());
  auto back = store->Read()->GetInstitution("startup-1");
  REQUIRE(back.ok());
  CHECK(*back == in);
  CHECK(back->is_institution());
}

TEST_CASE("a record written before nodes had labels is an institution", "[labels]") {
  // An InstitutionRec without the labels fields, as every earlier version wrote it.
  capnp::MallocMessageBuilder message;
  auto rec = message.initRoot<InstitutionRec>();
  rec.setKey("old");
  rec.setName("Old Univ");
  rec.setKind("organization");
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  Institution out;
  REQUIRE(DecodeInstitution(
              std::string_view(reinterpret_cast<const char*>(bytes.begin()), bytes.size()), &out,
              nullptr)
              .ok());
  CHECK(out.labels == std::vector<std::string>{"Institution"});
  CHECK(out.is_institution());
}

TEST_CASE("labels and plain nodes are checked", "[labels]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto refused = [&](Institution n, const std::string& words) {
    auto txn = Transaction::Begin(store.get());
    REQUIRE(txn.ok());
    auto key = (*txn)->CreateInstitution(n);
    REQUIRE_FALSE(key.ok());
    CHECK_THAT(key.status().message(), Contains(words));
  };
  Institution named = Person("p");
  named.name = "Kim";  // a plain node's name is a property
  refused(named, "name is an institution's field");
  Institution placed = Person("p");
  placed.region = {"KR"};
  refused(placed, "region is an institution's field");
  Institution twice = Person("p");
  twice.labels = {"Person", "Person"};
  refused(twice, "has 'Person' twice");
  Institution hospital = Org("h");
  hospital.labels = {"Institution", "Hospital"};
  refused(hospital, "a sector's label");
  Institution empty_label = Person("p");
  empty_label.labels = {""};
  refused(empty_label, "has an empty");
  Institution mixed = Person("p", {{"xs", PropertyList{{int64_t{1}, std::string("a")}}}});
  refused(mixed, "mixes types in one list");
  // A non-institution node may take a sector's name as a label of its own: only an
  // institution's comes from its sector.
  Institution ward = Person("w");
  ward.labels = {"Hospital"};
  REQUIRE(CreateAll(store.get(), {ward}, {}).ok());
}

TEST_CASE("the projection takes institutions unless told other labels", "[labels]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  // a - b, a -> kim, kim -> lee: by default the projection is a - b alone.
  REQUIRE(CreateAll(store.get(), {Org("a"), Org("b"), Person("kim"), Person("lee")},
                    {Link("a", "b", "mou"), Link("a", "kim"), Link("kim", "lee")})
              .ok());
  auto snap = store->Read();
  auto keys_of = [](const Projection& g) {
    return std::set<std::string>(g.keys().begin(), g.keys().end());
  };
  auto plain = BuildProjection(*snap, ProjectionOptions{});
  REQUIRE(plain.ok());
  CHECK(keys_of(*plain) == std::set<std::string>{"a", "b"});
  CHECK(plain->edge_count() == 1);

  ProjectionOptions people;
  people.filter.labels = {"Person"};
  auto p = BuildProjection(*snap, people);
  REQUIRE(p.ok());
  CHECK(keys_of(*p) == std::set<std::string>{"kim", "lee"});
  CHECK(p->edge_count() == 1);

  ProjectionOptions both;
  both.filter.labels = {"Person", "Institution"};
  auto all = BuildProjection(*snap, both);
  REQUIRE(all.ok());
  CHECK(all->node_count() == 4);
  CHECK(all->edge_count() == 3);
}

TEST_CASE("merge refuses plain nodes; rename keeps no alias for them", "[labels]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  REQUIRE(
      CreateAll(store.get(), {Org("a"), Person("kim"), Person("lee")}, {Link("kim", "a")}).ok());
  {
    auto txn = Transaction::Begin(store.get());
    REQUIRE(txn.ok());
    auto merged = (*txn)->Merge("kim", "lee");
    REQUIRE_FALSE(merged.ok());
    CHECK_THAT(merged.status().message(), Contains("merge joins institutions"));
  }
  auto txn = Transaction::Begin(store.get());
  REQUIRE(txn.ok());
  REQUIRE((*txn)->Rename("kim", "kim-2").ok());
  REQUIRE((*txn)->Commit().ok());
  auto snap = store->Read();
  auto renamed = snap->GetInstitution("kim-2");
  REQUIRE(renamed.ok());
  CHECK(renamed->aliases.empty());
  std::vector<TieRef> ties;
  REQUIRE(snap->TiesOf("kim-2", &ties).ok());
  CHECK(ties.size() == 1);
  auto report = snap->Check();
  REQUIRE(report.ok());
  CHECK(report->clean());
}

TEST_CASE("a dump writes plain nodes as node records, and imports them back", "[labels]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  REQUIRE(CreateAll(store.get(),
                    {Org("a"), Person("kim", {{"langs", PropertyList{{std::string("ko")}}}})},
                    {Link("kim", "a", "works_at")})
              .ok());
  std::ostringstream dump;
  REQUIRE(DumpJsonl(*store->Read(), dump).ok());
  // The node line as docs/FORMATS.md gives it.
  CHECK_THAT(
      dump.str(),
      Contains(
          R"({"record":"node","key":"kim","labels":["Person"],"properties":{"langs":["ko"]}})"));

  TempDir other;
  auto copy = OpenStore(other.path());
  const std::string path = dir.path() + "/dump.jsonl";
  std::ofstream(path) << dump.str();
  REQUIRE(Import(copy.get(), {InputFile{path}}, ImportOptions{}).ok());
  auto a = store->Read()->GetInstitution("kim");
  auto b = copy->Read()->GetInstitution("kim");
  REQUIRE((a.ok() && b.ok()));
  CHECK(*a == *b);
}

}  // namespace
}  // namespace tiegraph::test
