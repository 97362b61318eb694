// Import of the sample network and of CSV, and the dump round trip.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>

#include "test_util.h"

namespace tiegraph {
namespace {

using test::DumpOf;
using test::OpenStore;
using test::TempDir;

TEST_CASE("the whole sample network loads with its evidence", "[import][sample]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ImportReport report;
  Status s =
      Import(store.get(), {{test::SamplePath(), InputFormat::kAuto}}, ImportOptions{}, &report);
  INFO(s.ToString());
  REQUIRE(s.ok());
  const auto seed = test::LoadSampleJson();
  auto snap = store->Read();
  CHECK(snap->GetCounts()->institutions == seed["institutions"].size());
  CHECK(snap->GetCounts()->ties == seed["ties"].size());
  CHECK(snap->GetCounts()->events == seed["events"].size());
  CHECK(seed["institutions"].size() == 73);
  CHECK(seed["ties"].size() == 85);
  CHECK(seed["events"].size() == 7);

  // Every tie keeps its seed quote and source article.
  for (const auto& t : seed["ties"]) {
    auto tie = snap->GetTie(t["id"].get<std::string>());
    REQUIRE(tie.ok());
    REQUIRE_FALSE(tie->evidence.empty());
    CHECK(tie->evidence[0].source == t["evidence"]["seed"].get<std::string>());
    CHECK(tie->evidence[0].quote == t["evidence"]["quote"].get<std::string>());
  }
  // Names in either language and abbreviations resolve to the same institution.
  for (const char* name : {"KTL", "ktl", "Korea Testing Laboratory", "한국산업기술시험원"}) {
    INFO(name);
    CHECK(*ResolveInstitution(*snap, name) == "ktl");
  }
  // The seed's printed variant 한국생물공학연구원 is an alias of KRIBB (domain.md §f).
  CHECK(*ResolveInstitution(*snap, "한국생물공학연구원") == "kribb");
  // Event participants come from the ties that name the event: the national council's
  // launch lists MOHW as chair.
  auto council = snap->GetEvent("E-bio-cluster-council-1st");
  REQUIRE(council.ok());
  REQUIRE_FALSE(council->participants.empty());
  CHECK(council->participants[0].institution == "mohw");
  CHECK(council->participants[0].role == "chair");
}

TEST_CASE("seed dates map to intervals", "[import][sample]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  REQUIRE(Import(store.get(), {{test::SamplePath()}}, ImportOptions{}).ok());
  auto snap = store->Read();
  const auto seed = test::LoadSampleJson();
  for (const auto& t : seed["ties"]) {
    if (!t["date"].is_string()) continue;
    const std::string date = t["date"];
    auto tie = snap->GetTie(t["id"].get<std::string>());
    REQUIRE(tie.ok());
    INFO(date);
    if (date.rfind("<=", 0) == 0) {
      CHECK(FormatDate(tie->until) == date.substr(2));
      CHECK_FALSE(tie->since.known());
    } else if (date.size() >= 4 && std::isdigit(static_cast<unsigned char>(date[3])) &&
               date.find('/') != std::string::npos) {
      CHECK(FormatDate(tie->since) + "/" + FormatDate(tie->until) == date);
    } else if (date.size() >= 4 && std::isdigit(static_cast<unsigned char>(date[0])) &&
               std::isdigit(static_cast<unsigned char>(date[3]))) {
      CHECK(FormatDate(tie->since) == date);
    } else {
      CHECK_FALSE(tie->since.known());  // free text, kept as the property date_text
      bool kept = false;
      for (const auto& p : tie->properties)
        kept = kept || (p.name == "date_text" && std::get<std::string>(p.value) == date);
      CHECK(kept);
    }
  }
}

TEST_CASE("dump then import gives an identical database", "[import][roundtrip]") {
  TempDir dir;
  auto first = OpenStore(dir.File("a"));
  REQUIRE(Import(first.get(), {{test::SamplePath()}}, ImportOptions{}).ok());
  // Add typed properties of every kind, so each value type crosses the round trip.
  Dataset extra;
  Institution in;
  in.key = "typed";
  in.name = "Typed 속성";
  in.other_sectors = {Sector::kResearch};
  in.properties = {{"i", int64_t{-7}},
                   {"f", 0.125},
                   {"b", true},
                   {"s", std::string("a\"b\n")},
                   {"d", Date{2024, 5, 0, Date::Precision::kMonth}}};
  extra.institutions = {in};
  Tie t;
  t.source = "typed";
  t.target = "ktl";
  t.strength = 2.5;
  t.since = Date{2024, 0, 0, Date::Precision::kYear};
  extra.ties = {t};
  REQUIRE(first->Write(extra, WriteOptions{}).ok());
  const std::string dump1 = DumpOf(*first);
  dir.Write("dump.jsonl", dump1);

  auto second = OpenStore(dir.File("b"));
  Status s = Import(second.get(), {{dir.File("dump.jsonl")}}, ImportOptions{});
  INFO(s.ToString());
  REQUIRE(s.ok());
  CHECK(DumpOf(*second) == dump1);
  // Records compare equal field by field, not only as text.
  auto a = first->Read(), b = second->Read();
  REQUIRE(a->ForEachInstitution([&](const Institution& x) {
             auto y = b->GetInstitution(x.key);
             CHECK((y.ok() && *y == x));
             return true;
           }).ok());
  REQUIRE(a->ForEachTie([&](const Tie& x) {
             auto y = b->GetTie(x.key);
             CHECK((y.ok() && *y == x));
             return true;
           }).ok());
  CHECK(a->GetCounts()->events == b->GetCounts()->events);
}

TEST_CASE("CSV columns map by header name, extra columns become typed properties",
          "[import][csv]") {
  TempDir dir;
  dir.Write("inst.csv",
            "name,key,sector,aliases,region,founded:int,public:bool,note\n"
            "한국산업기술시험원,ktl,public-agency,KTL|Korea Testing "
            "Laboratory,KR/Gyeongnam/Jinju,1966,true,\n"
            "\"Goyang City, Gyeonggi\",goyang,government,,KR/Gyeonggi/Goyang,,false,\"says "
            "\"\"hi\"\"\"\n");
  dir.Write("ties.csv",
            "target,source,type,weight,since,until,status,evidence_quote\n"
            "ktl,goyang,mou,2.5,2024-02,2024-12-31,planned,\"quoted, with comma\"\r\n");
  auto store = OpenStore(dir.File("db"));
  Status s = Import(store.get(), {{dir.File("ties.csv")}, {dir.File("inst.csv")}}, ImportOptions{});
  INFO(s.ToString());
  REQUIRE(s.ok());
  auto snap = store->Read();
  auto ktl = snap->GetInstitution("ktl");
  REQUIRE(ktl.ok());
  CHECK(ktl->sector == Sector::kPublicAgency);
  CHECK(ktl->region == Region{"KR", "Gyeongnam", "Jinju"});
  CHECK(ktl->aliases == std::vector<std::string>{"KTL", "Korea Testing Laboratory"});
  REQUIRE(ktl->properties.size() == 2);  // the empty `note` cell adds nothing
  CHECK(ktl->properties[0] == Property{"founded", int64_t{1966}});
  CHECK(ktl->properties[1] == Property{"public", true});
  auto goyang = snap->GetInstitution("goyang");
  CHECK(goyang->name == "Goyang City, Gyeonggi");
  CHECK(goyang->properties.back() == Property{"note", std::string("says \"hi\"")});
  std::vector<TieRef> refs;
  REQUIRE(snap->TiesOf("goyang", &refs).ok());
  REQUIRE(refs.size() == 1);
  auto tie = snap->GetTie(refs[0].tie_key);
  CHECK(tie->strength == 2.5);
  CHECK(tie->type == "mou");
  CHECK(tie->status == TieStatus::kPlanned);
  CHECK(FormatDate(tie->since) == "2024-02");
  CHECK(FormatDate(tie->until) == "2024-12-31");
  CHECK(tie->evidence.at(0).quote == "quoted, with comma");
}

TEST_CASE("a large events CSV (read in two halves) keeps every event", "[import][csv]") {
  TempDir dir;
  dir.Write("inst.csv", "key,name\na,A\nb,B\nc,C\n");
  // Over 4 MB of rows: the reader splits the body between two threads.
  std::string events = "key,name,type,date,participants\n";
  const int rows = 70000;
  for (int i = 0; i < rows; ++i) {
    events += "e" + std::to_string(i) + ",A meeting of the three partners number " +
              std::to_string(i) + ",meeting,2023-01-01,a:host|b|c\n";
  }
  REQUIRE(events.size() > (4u << 20) + 100000);
  dir.Write("events.csv", events);
  auto store = OpenStore(dir.File("db"));
  Status s =
      Import(store.get(), {{dir.File("inst.csv")}, {dir.File("events.csv")}}, ImportOptions{});
  INFO(s.ToString());
  REQUIRE(s.ok());
  auto snap = store->Read();
  CHECK(snap->GetCounts()->events == static_cast<uint64_t>(rows));
  auto last = snap->GetEvent("e" + std::to_string(rows - 1));
  REQUIRE(last.ok());
  CHECK(last->participants.size() == 3);
}

TEST_CASE("an events CSV gives events with their participants and roles", "[import][csv]") {
  TempDir dir;
  dir.Write("inst.csv",
            "key,name,sector\n"
            "ktl,한국산업기술시험원,public-agency\n"
            "kribb,한국생명공학연구원,research\n"
            "jbnu,전북대학교,academia\n");
  // Told apart by its `participants` column; a tie names the event by key.
  dir.Write("events.csv",
            "key,name,type,date,participants,evidence_quote,budget:float\n"
            "e1,협의체 1차 회의,council,2023-05-10,ktl:chair|kribb|jbnu:member,\"회의, 1차\",1.5\n"
            "e2,,meeting,,kribb,,\n");
  dir.Write("ties.csv", "source,target,type,event\nktl,kribb,council-membership,e1\n");
  auto store = OpenStore(dir.File("db"));
  Status s = Import(store.get(),
                    {{dir.File("ties.csv")}, {dir.File("events.csv")}, {dir.File("inst.csv")}},
                    ImportOptions{});
  INFO(s.ToString());
  REQUIRE(s.ok());
  auto snap = store->Read();
  CHECK(snap->GetCounts()->events == 2);
  auto e1 = snap->GetEvent("e1");
  REQUIRE(e1.ok());
  CHECK(e1->name == "협의체 1차 회의");
  CHECK(e1->type == "council");
  CHECK(FormatDate(e1->date) == "2023-05-10");
  CHECK(e1->participants ==
        std::vector<Participant>{{"ktl", "chair"}, {"kribb", ""}, {"jbnu", "member"}});
  CHECK(e1->evidence.at(0).quote == "회의, 1차");
  CHECK(e1->properties == std::vector<Property>{{"budget", 1.5}});
  auto e2 = snap->GetEvent("e2");
  REQUIRE(e2.ok());
  CHECK_FALSE(e2->date.known());
  CHECK(e2->participants == std::vector<Participant>{{"kribb", ""}});
}

}  // namespace
}  // namespace tiegraph
