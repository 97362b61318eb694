// GraphML and GEXF import. Files written by networkx and igraph (tests/data/xml/
// make_fixtures.py states their graphs), by hand in the form Gephi and yEd save, and by
// tiegraph's own export; each is checked against what the file states, read here by eye. Then
// the export round trip, and the errors: file, line (and column) and attribute, and nothing
// written. Line numbers are counted by hand from the files beside them.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "import_fixture.h"
#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

std::string XmlData(const std::string& name) {
  return std::string(TIEGRAPH_SOURCE_DIR) + "/tests/data/xml/" + name;
}

// A fresh store holding `files`, which must import.
std::unique_ptr<Store> Imported(const TempDir& dir, const std::vector<std::string>& files) {
  auto store = OpenStore(dir.File("db"));
  std::vector<InputFile> inputs;
  for (const auto& f : files) inputs.push_back({f, InputFormat::kAuto});
  const Status s = Import(store.get(), inputs, ImportOptions{});
  INFO(s.ToString());
  REQUIRE(s.ok());
  return store;
}

Institution InstitutionOf(Store& store, const std::string& key) {
  auto in = store.Read()->GetInstitution(key);
  INFO(key << ": " << in.status().ToString());
  REQUIRE(in.ok());
  return *in;
}

// Every tie, in the order the file gave them.
std::vector<Tie> TiesOf(Store& store) {
  std::vector<Tie> out;
  REQUIRE(store.Read()
              ->ForEachTie([&](const Tie& t) {
                out.push_back(t);
                return true;
              })
              .ok());
  return out;
}

std::vector<Property> Props(std::vector<Property> list) { return list; }

// ---- networkx, igraph, Gephi, yEd ----------------------------------------------------------

// The undirected graph make_fixtures.py gives networkx, as networkx's GraphML and GEXF state it.
// `tie_keys`: GraphML has no edge ids (tiegraph numbers the ties), GEXF numbers them 0, 1, 2.
void CheckNetworkxGraph(Store& store, const std::vector<std::string>& tie_keys) {
  CHECK(store.Read()->GetCounts()->institutions == 3);
  const Institution ktl = InstitutionOf(store, "ktl");
  CHECK(ktl.name == "한국산업기술시험원");
  CHECK(ktl.sector == Sector::kPublicAgency);
  CHECK(ktl.region == Region{"KR", "Gyeongnam", "Jinju"});
  CHECK(ktl.aliases == std::vector<std::string>{"KTL", "Korea Testing Laboratory"});
  CHECK(ktl.kind == "organization");
  CHECK(ktl.properties == Props({{"founded", int64_t{1966}},
                                 {"budget", 12.5},
                                 {"accredited", true},
                                 {"note", std::string("시험·인증")}}));
  const Institution kribb = InstitutionOf(store, "kribb");
  CHECK(kribb.name == "KRIBB");  // its label (GEXF: the node's label; its id repeats nothing)
  CHECK(kribb.sector == Sector::kResearch);
  CHECK_FALSE(kribb.foreign);
  CHECK(kribb.properties == Props({{"founded", int64_t{1985}}}));
  const Institution snuh = InstitutionOf(store, "snuh");
  CHECK(snuh.name == "snuh");  // no name, no label: the id
  CHECK(snuh.sector == Sector::kHospital);
  CHECK(snuh.properties.empty());  // budget NaN: no value

  const std::vector<Tie> ties = TiesOf(store);
  REQUIRE(ties.size() == 3);
  CHECK(ties[0].key == tie_keys[0]);
  CHECK((ties[0].source == "ktl" && ties[0].target == "kribb"));
  CHECK(ties[0].type == "mou");
  CHECK(ties[0].strength == 2.0);
  CHECK(ties[0].since == Date{2021, 3, 0, Date::Precision::kMonth});
  CHECK(ties[0].status == TieStatus::kRealized);
  CHECK(ties[0].properties == Props({{"year", int64_t{2021}}}));
  CHECK(ties[1].key == tie_keys[1]);
  CHECK((ties[1].source == "ktl" && ties[1].target == "snuh"));
  CHECK(ties[1].type == "tie");
  CHECK(ties[1].strength == 1.0);
  CHECK(ties[1].properties.empty());
  CHECK(ties[2].key == tie_keys[2]);
  CHECK((ties[2].source == "kribb" && ties[2].target == "snuh"));
  CHECK(ties[2].type == "joint_research");  // from `relation`, spelt as the vocabulary spells it
  CHECK(ties[2].strength == 0.5);
  CHECK(ties[2].confidence == Confidence::kImplied);
  CHECK(ties[2].properties == Props({{"note", std::string("pilot")}}));
  for (const Tie& t : ties) CHECK_FALSE(t.directed);  // edgedefault / defaultedgetype undirected
}

TEST_CASE("a GraphML file from networkx: fields, names and typed properties",
          "[import][xml][graphml]") {
  TempDir dir;
  auto store = Imported(dir, {XmlData("networkx.graphml")});
  CheckNetworkxGraph(*store, {"#0", "#1", "#2"});
}

TEST_CASE("a GEXF file from networkx: the same graph", "[import][xml][gexf]") {
  TempDir dir;
  // networkx writes an edge's `type` attribute as the GEXF edge's type, its weight as weight.
  auto store = Imported(dir, {XmlData("networkx.gexf")});
  CheckNetworkxGraph(*store, {"0", "1", "2"});
}

TEST_CASE("a networkx multigraph's edge keys, repeated as GraphML ids, name no tie",
          "[import][xml][graphml]") {
  TempDir dir;
  auto store = Imported(dir, {XmlData("networkx_multi.graphml")});
  const std::vector<Tie> ties = TiesOf(*store);
  REQUIRE(ties.size() == 3);
  CHECK(ties[0].key == "#0");  // the file's ids are 0, 1, 0
  CHECK(ties[1].key == "#1");
  CHECK(ties[2].key == "#2");
  CHECK((ties[0].source == "a" && ties[0].target == "b" && ties[0].type == "mou"));
  CHECK((ties[1].source == "a" && ties[1].target == "b" && ties[1].type == "funding"));
  CHECK((ties[2].source == "b" && ties[2].target == "c" && ties[2].type == "tie"));
  for (const Tie& t : ties) CHECK(t.directed);
}

TEST_CASE("a GraphML file from igraph: its ids are keys, its name attribute names",
          "[import][xml][graphml]") {
  TempDir dir;
  auto store = Imported(dir, {XmlData("igraph.graphml")});
  // igraph keeps numbers as doubles and leaves NaN out.
  const Institution n0 = InstitutionOf(*store, "n0");
  CHECK(n0.name == "ktl");
  CHECK(n0.properties == Props({{"founded", 1966.0}, {"score", 1.5}, {"public", true}}));
  const Institution n1 = InstitutionOf(*store, "n1");
  CHECK(n1.name == "kribb");
  CHECK(n1.properties == Props({{"founded", 1985.0}, {"public", true}}));
  CHECK(InstitutionOf(*store, "n2").properties ==
        Props({{"founded", 1978.0}, {"score", 2.0}, {"public", false}}));
  const std::vector<Tie> ties = TiesOf(*store);
  REQUIRE(ties.size() == 2);
  CHECK((ties[0].source == "n0" && ties[0].target == "n1" && ties[0].type == "mou"));
  CHECK(ties[0].strength == 2.0);
  CHECK((ties[1].source == "n1" && ties[1].target == "n2" && ties[1].type == "funding"));
  CHECK(ties[1].strength == 3.0);
  for (const Tie& t : ties) CHECK(t.directed);  // edgedefault="directed"
}

TEST_CASE("a GEXF 1.3 file from Gephi: drawing left out, labels, kinds, defaults, dates",
          "[import][xml][gexf]") {
  TempDir dir;
  auto store = Imported(dir, {XmlData("gephi.gexf")});
  const Institution jbnu = InstitutionOf(*store, "jbnu");
  CHECK(jbnu.name == "전북대학교");
  CHECK(jbnu.sector == Sector::kAcademia);
  // viz:size, viz:position and viz:color are not read; a list keeps its text.
  CHECK(jbnu.properties == Props({{"founded", int64_t{1947}},
                                  {"opened", Date{1947, 10, 15, Date::Precision::kDay}},
                                  {"tags", std::string("[national, flagship]")},
                                  {"Modularity Class", int64_t{0}},
                                  {"verified", true}}));
  const Institution city = InstitutionOf(*store, "jeonju-city");
  CHECK(city.name == "전주시");
  CHECK(city.sector == Sector::kGovernment);
  // `verified` has the default false.
  CHECK(city.properties == Props({{"Modularity Class", int64_t{0}}, {"verified", false}}));
  CHECK(InstitutionOf(*store, "kist").properties ==
        Props({{"founded", int64_t{1966}}, {"Modularity Class", int64_t{1}}, {"verified", false}}));

  const std::vector<Tie> ties = TiesOf(*store);
  REQUIRE(ties.size() == 3);
  CHECK(ties[0].key == "e1");
  CHECK((ties[0].source == "jeonju-city" && ties[0].target == "jbnu"));
  CHECK(ties[0].type == "mou");   // the label
  CHECK_FALSE(ties[0].directed);  // type="undirected" over the graph's directed
  CHECK(ties[0].strength == 2.0);
  CHECK(ties[0].since == Date{2023, 6, 0, Date::Precision::kMonth});
  CHECK(ties[0].properties.empty());
  CHECK(ties[1].key == "e2");
  // The kind joint-research, as the vocabulary spells it; the label differs, so it stays.
  CHECK(ties[1].type == "joint_research");
  CHECK(ties[1].directed);
  CHECK(ties[1].strength == 1.5);
  CHECK(ties[1].properties == Props({{"amount", 3.5e8}, {"label", std::string("AI 공동연구")}}));
  CHECK(ties[2].key == "e3");
  CHECK(ties[2].type == "tie");
  CHECK(ties[2].strength == 1.0);
  CHECK(ties[2].directed);
}

TEST_CASE("a GraphML file from yEd: graphics left out, labels read from them",
          "[import][xml][graphml]") {
  TempDir dir;
  auto store = Imported(dir, {XmlData("yed.graphml")});
  CHECK(store->Read()->GetCounts()->institutions == 3);
  const Institution n0 = InstitutionOf(*store, "n0");
  CHECK(n0.name == "KTL");  // the y:NodeLabel
  CHECK(n0.properties ==
        Props({{"employees", int64_t{450}}, {"url", std::string("https://www.ktl.re.kr")}}));
  const Institution n1 = InstitutionOf(*store, "n1");
  CHECK(n1.name == "서울대학교병원");
  // `employees` has the default 0.
  CHECK(n1.properties == Props({{"description", std::string("Seoul National University Hospital")},
                                {"employees", int64_t{0}}}));
  const Institution n2 = InstitutionOf(*store, "n2");
  CHECK(n2.name == "n2");  // no label
  CHECK(n2.properties == Props({{"employees", int64_t{0}}}));
  const std::vector<Tie> ties = TiesOf(*store);
  REQUIRE(ties.size() == 2);
  CHECK((ties[0].key == "e0" && ties[0].source == "n0" && ties[0].target == "n1"));
  CHECK(ties[0].type == "mou");  // the y:EdgeLabel
  CHECK(ties[0].directed);
  CHECK(ties[0].properties == Props({{"description", std::string("pilot testing")}}));
  CHECK((ties[1].key == "e1" && ties[1].type == "tie"));
}

TEST_CASE("Gephi's GraphML drawing attributes are left out, a property named size is kept",
          "[import][xml][graphml]") {
  TempDir dir;
  // Gephi names its drawing keys by their attribute names; networkx numbers its keys.
  const std::string gephi = dir.Write(
      "gephi.graphml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "<key attr.name=\"label\" attr.type=\"string\" for=\"node\" id=\"label\"/>\n"
      "<key attr.name=\"weight\" attr.type=\"double\" for=\"edge\" id=\"weight\"/>\n"
      "<key attr.name=\"r\" attr.type=\"int\" for=\"node\" id=\"r\"/>\n"
      "<key attr.name=\"x\" attr.type=\"float\" for=\"node\" id=\"x\"/>\n"
      "<key attr.name=\"size\" attr.type=\"float\" for=\"node\" id=\"size\"/>\n"
      "<key attr.name=\"sector\" attr.type=\"string\" for=\"node\" id=\"sector\"/>\n"
      "<graph edgedefault=\"undirected\">\n"
      "<node id=\"a\"><data key=\"label\">Alpha</data><data key=\"sector\">industry</data>"
      "<data key=\"r\">31</data><data key=\"x\">-12.5</data><data key=\"size\">10.0</data></node>\n"
      "<node id=\"b\"><data key=\"label\">Beta</data><data key=\"size\">4.0</data></node>\n"
      "<edge source=\"a\" target=\"b\"><data key=\"weight\">2.0</data></edge>\n"
      "</graph></graphml>\n");
  const std::string nx = dir.Write(
      "nx.graphml",
      "<graphml><key id=\"d0\" for=\"node\" attr.name=\"size\" attr.type=\"long\"/>\n"
      "<graph edgedefault=\"undirected\"><node id=\"c\"><data key=\"d0\">250</data></node>"
      "</graph></graphml>\n");
  auto store = Imported(dir, {gephi, nx});
  const Institution a = InstitutionOf(*store, "a");
  CHECK(a.name == "Alpha");
  CHECK(a.sector == Sector::kIndustry);
  CHECK(a.properties.empty());
  CHECK(InstitutionOf(*store, "b").properties.empty());
  CHECK(InstitutionOf(*store, "c").properties == Props({{"size", int64_t{250}}}));
  const std::vector<Tie> ties = TiesOf(*store);
  REQUIRE(ties.size() == 1);
  CHECK(ties[0].strength == 2.0);
}

// ---- tiegraph's own export, imported back ---------------------------------------------------

std::vector<nlohmann::json> Records(const std::string& dump) {
  std::vector<nlohmann::json> out;
  std::istringstream in(dump);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

// What an export cannot carry, taken out of a dump's records: institutions' evidence and other
// sectors, evidence URLs (docs/FORMATS.md, "GraphML and GEXF").
std::vector<nlohmann::json> Exportable(std::vector<nlohmann::json> records) {
  for (auto& r : records) {
    if (r["record"] == "institution") {
      r.erase("evidence");
      r.erase("other_sectors");
    } else if (r["record"] == "tie" && r.contains("evidence")) {
      nlohmann::json kept = nlohmann::json::array();
      for (auto e : r["evidence"]) {
        e.erase("url");
        if (!e.empty()) kept.push_back(e);
      }
      if (kept.empty()) {
        r.erase("evidence");
      } else {
        r["evidence"] = kept;
      }
    }
  }
  return records;
}

// The event records of a dump, as JSON Lines: an export holds none.
std::string EventLines(const std::string& dump) {
  std::string out;
  std::istringstream in(dump);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("{\"record\":\"event\"", 0) == 0) out += line + "\n";
  }
  return out;
}

TEST_CASE("the sample network exported as GraphML or GEXF imports back to the same graph",
          "[import][xml][roundtrip]") {
  TempDir dir;
  const std::string db = SampleDatabase(dir);
  const std::string dump = RunOk({"--db", db, "dump"}).out;
  const std::string events = dir.Write("events.jsonl", EventLines(dump));
  REQUIRE_FALSE(events.empty());
  const auto expected = Exportable(Records(dump));
  REQUIRE(expected.size() == 73 + 7 + 85);
  for (const std::string format : {"graphml", "gexf"}) {
    INFO(format);
    const std::string file = dir.File("net." + format);
    // part_of ties are left out of an export unless asked for, as from every analysis.
    RunOk({"--db", db, "export", "--format", format, "--include-part-of", "--out", file});
    const std::string copy = dir.File("copy-" + format);
    RunOk({"--db", copy, "import", "--create", events, file});
    const auto got = Records(RunOk({"--db", copy, "dump"}).out);
    REQUIRE(got.size() == expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
      INFO(expected[i].dump());
      CHECK(got[i] == expected[i]);
    }
  }
}

TEST_CASE("an export imports back with its property types, exact strengths and reserved names",
          "[import][xml][roundtrip]") {
  TempDir dir;
  const std::string db = dir.File("db");
  // Properties of every type but dates; text with line breaks, markup and padding; names a
  // field or a drawing takes ("name", "Sector", "x", "size", a tie's "type" and "weight": the
  // export writes them as prop_name…; "r" is Gephi's red, not tiegraph's); a name and an alias
  // with "; "; a strength of one third.
  RunOk(
      {"--db", db, "import", "--create",
       dir.Write(
           "net.jsonl",
           R"({"record":"institution","key":"a","name":"Alpha; A","aliases":["A-1; x","Alpha"],"sector":"industry","kind":"organization","foreign":true,"region":["KR","Seoul"],"properties":{"n":-7,"r":0.125,"ok":true,"text":" two\nlines & <tags> \"q\"\t","name":"prop-name","Sector":"mixed case","x":1.5,"size":"big"}})"
           "\n"
           R"({"record":"institution","key":"b","name":"Beta","kind":"facility","parent":"a","properties":{"n":3,"r":2.5,"ok":false}})"
           "\n"
           R"({"record":"tie","key":"t1","source":"a","target":"b","type":"mou","directed":false,"strength":0.3333333333333333,"status":"realized","confidence":"implied","since":"2020-05","until":"2021","role":"chair"})"
           "\n"
           R"({"record":"tie","key":"t2","source":"b","target":"a","type":"funding","directed":true,"strength":1.0,"status":"planned","confidence":"stated","properties":{"type":"grant","weight":4}})"
           "\n")});
  const std::string original = RunOk({"--db", db, "dump"}).out;
  for (const std::string format : {"graphml", "gexf"}) {
    INFO(format);
    const std::string file = dir.File("net." + format);
    RunOk({"--db", db, "export", "--format", format, "--out", file});
    const std::string copy = dir.File("copy-" + format);
    RunOk({"--db", copy, "import", "--create", file});
    CHECK(RunOk({"--db", copy, "dump"}).out == original);
  }
}

TEST_CASE("what an export cannot carry: events, dates as text, evidence of institutions",
          "[import][xml][roundtrip]") {
  TempDir dir;
  const std::string db = dir.File("db");
  const std::string events = dir.Write(
      "events.jsonl",
      R"({"record":"event","key":"E1","name":"Launch","type":"meeting","date":"2024-05","participants":[{"institution":"a"},{"institution":"b"}]})"
      "\n");
  RunOk(
      {"--db", db, "import", "--create", events,
       dir.Write(
           "net.jsonl",
           R"({"record":"institution","key":"a","name":"A","other_sectors":["research"],"properties":{"opened":{"date":"2024-05"}},"evidence":[{"source":"001.txt"}]})"
           "\n"
           R"({"record":"institution","key":"b","name":"B"})"
           "\n"
           R"({"record":"tie","key":"t1","source":"a","target":"b","event":"E1","evidence":[{"source":"001.txt","quote":"q","url":"https://x"}]})"
           "\n")});
  for (const std::string format : {"graphml", "gexf"}) {
    INFO(format);
    const std::string file = dir.File("net." + format);
    RunOk({"--db", db, "export", "--format", format, "--out", file});
    // The tie names an event the export does not hold.
    const std::string bare = dir.File("bare-" + format);
    CliResult r = RunCli({"--db", bare, "import", "--create", file});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains(file + ":") && Contains("field 'event': unknown event 'E1'"));
    // With the events beside it, it goes in.
    TempDir copy_dir;
    auto copy = Imported(copy_dir, {events, file});
    const Institution a = InstitutionOf(*copy, "a");
    CHECK(a.properties == Props({{"opened", std::string("2024-05")}}));  // text, not a date
    CHECK(a.other_sectors.empty());
    CHECK(a.evidence.empty());
    auto t1 = copy->Read()->GetTie("t1");
    REQUIRE(t1.ok());
    CHECK(t1->event == "E1");
    CHECK(t1->evidence == std::vector<Evidence>{{"001.txt", "q", ""}});  // no URL
  }
}

// ---- errors ----------------------------------------------------------------------------------

TEST_CASE("malformed XML is placed by line and column", "[import][xml][errors]") {
  Fixture f;
  const std::string graphml = f.Write("bad.graphml",
                                      "<?xml version=\"1.0\"?>\n"               // line 1
                                      "<graphml>\n"                             // line 2
                                      "  <graph edgedefault=\"undirected\">\n"  // line 3
                                      "    <node id=\"전북\"></nod>\n"  // line 4: 'nod' at char 21
                                      "  </graph>\n"
                                      "</graphml>\n");
  const std::string gexf = f.Write("bad.gexf",
                                   "<gexf>\n"                     // line 1
                                   "  <graph>\n"                  // line 2
                                   "    <nodes><node id=a/>\n");  // line 3: unquoted, char 21
  const std::string cut = f.Write("cut.graphml",
                                  "<graphml>\n"                  // line 1
                                  "<graph><node id=\"a\"/>\n");  // line 2: its end, char 22
  const std::string good = f.Write("good.csv", kNewInstitutions);
  ExpectInvalid(f.ImportFiles({good, graphml, gexf, cut}),
                {At(graphml, 4) + " column 21: not valid XML: the end tag </nod> does not match "
                                  "the element open here",
                 At(gexf, 3) + " column 21: not valid XML: Error parsing element attribute",
                 At(cut, 2) + " column 22: not valid XML: the file ends before its elements are "
                              "closed (is it cut short?)"});
  f.ExpectUnchanged();
}

TEST_CASE("a bad value names the file, the line of its element and the attribute",
          "[import][xml][errors]") {
  Fixture f;
  const std::string graphml =
      f.Write("values.graphml",
              "<graphml>\n"                                                                // line 1
              "<key id=\"d0\" for=\"node\" attr.name=\"founded\" attr.type=\"int\"/>\n"    // line 2
              "<key id=\"d1\" for=\"node\" attr.name=\"sector\"/>\n"                       // line 3
              "<key id=\"d2\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"  // line 4
              "<key id=\"d3\" for=\"edge\" attr.name=\"since\"/>\n"                        // line 5
              "<graph edgedefault=\"undirected\">\n"                                       // line 6
              "<node id=\"x1\">\n"                                                         // line 7
              "  <data key=\"d0\">abc</data>\n"                                            // line 8
              "</node>\n"                                                                  // line 9
              "<node id=\"x2\"><data key=\"d1\">hospitl</data></node>\n"               // line 10
              "<node id=\"x3\"/>\n"                                                    // line 11
              "<edge source=\"x2\" target=\"nowhere\"/>\n"                             // line 12
              "<edge source=\"x2\" target=\"x3\"><data key=\"d2\">-2</data></edge>\n"  // line 13
              "<edge source=\"x2\" target=\"x3\"><data key=\"d3\">2024-02-30</data></edge>\n"  // 14
              "<edge source=\"x2\" target=\"x3\"><data key=\"d9\">?</data></edge>\n"  // line 15
              "<edge target=\"x3\"/>\n"                                               // line 16
              "</graph>\n"
              "</graphml>\n");
  const std::string gexf =
      f.Write("values.gexf",
              "<gexf><graph defaultedgetype=\"directed\">\n"                    // line 1
              "<attributes class=\"node\">\n"                                   // line 2
              "<attribute id=\"0\" title=\"public\" type=\"boolean\"/>\n"       // line 3
              "</attributes>\n"                                                 // line 4
              "<nodes>\n"                                                       // line 5
              "<node id=\"g1\" label=\"G1\">\n"                                 // line 6
              "<attvalues><attvalue for=\"0\" value=\"maybe\"/></attvalues>\n"  // line 7
              "</node>\n"                                                       // line 8
              "<node id=\"g2\"/>\n"                                             // line 9
              "</nodes>\n"                                                      // line 10
              "<edges><edge id=\"k\" source=\"g2\" target=\"g9\"/></edges>\n"   // line 11
              "</graph></gexf>\n");
  const std::string good = f.Write("good.csv", kNewInstitutions);
  const Status s = f.ImportFiles({good, graphml, gexf});
  ExpectInvalid(
      s, {At(graphml, 8) + " field 'founded': 'abc' is not an integer",
          At(graphml, 10) + " field 'sector': unknown sector 'hospitl'",
          At(graphml, 12) + " field 'target': 'nowhere' is not the id of a node in this file",
          At(graphml, 13) + " field 'weight': is negative (-2); strengths are >= 0",
          At(graphml, 14) + " field 'since': invalid date '2024-02-30'",
          At(graphml, 15) + " field 'key': <data key=\"d9\">: no <key> declares 'd9'",
          At(graphml, 16) + " field 'source': is missing",
          At(gexf, 7) + " field 'public': 'maybe' is not true or false",
          At(gexf, 11) + " field 'target': 'g9' is not the id of a node in this file"});
  CHECK_THAT(s.message(), Contains("did you mean 'hospital'"));
  f.ExpectUnchanged();
}

TEST_CASE("keys new and known are checked as for every import, at the element's line",
          "[import][xml][errors]") {
  Fixture f;
  const std::string twice = f.Write("twice.graphml",
                                    "<graphml><graph>\n"   // line 1
                                    "<node id=\"d1\"/>\n"  // line 2
                                    "<node id=\"d1\"/>\n"  // line 3: again
                                    "</graph></graphml>\n");
  ExpectInvalid(f.ImportFiles({twice}), {At(twice, 3) + " field 'id': duplicate key 'd1'"});
  const std::string known = f.Write("known.gexf",
                                    "<gexf><graph><nodes>\n"  // line 1
                                    "<node id=\"ktl\"/>\n"    // line 2: in the database
                                    "</nodes></graph></gexf>\n");
  ExpectInvalid(f.ImportFiles({known}),
                {At(known, 2) + " field 'id': institution 'ktl' is already in the database"});
  // An attribute given twice (GEXF's values over time) is refused.
  const std::string dynamic =
      f.Write("dynamic.gexf",
              "<gexf><graph>\n"                                                  // line 1
              "<attributes class=\"node\" mode=\"dynamic\">\n"                   // line 2
              "<attribute id=\"0\" title=\"staff\" type=\"integer\"/>\n"         // line 3
              "</attributes><nodes>\n"                                           // line 4
              "<node id=\"z\"><attvalues>\n"                                     // line 5
              "<attvalue for=\"0\" value=\"1\" start=\"2020\" end=\"2021\"/>\n"  // line 6
              "<attvalue for=\"0\" value=\"2\" start=\"2021\"/>\n"               // line 7
              "</attvalues></node></nodes></graph></gexf>\n");
  ExpectInvalid(f.ImportFiles({dynamic}),
                {At(dynamic, 7) + " field 'staff': is given again (first on line 6)"});
  const std::string type = f.Write("type.graphml",
                                   "<graphml>\n"                                               // 1
                                   "<key id=\"d0\" attr.name=\"when\" attr.type=\"date\"/>\n"  // 2
                                   "<graph/></graphml>\n");
  ExpectInvalid(f.ImportFiles({type}),
                {At(type, 2) + " field 'when': attr.type: unknown type 'date' (expected boolean, "
                               "int, long, float, double or string)"});
  f.ExpectUnchanged();
}

TEST_CASE("nested graphs and hyperedges are refused", "[import][xml][errors]") {
  Fixture f;
  const std::string hyper = f.Write("hyper.graphml",
                                    "<graphml><graph>\n"                    // line 1
                                    "<node id=\"h1\"/><node id=\"h2\"/>\n"  // line 2
                                    "<hyperedge><endpoint node=\"h1\"/><endpoint node=\"h2\"/>"
                                    "</hyperedge>\n"  // line 3
                                    "</graph></graphml>\n");
  ExpectInvalid(f.ImportFiles({hyper}),
                {At(hyper, 3) + " a <hyperedge>: a tie joins two institutions; tiegraph does "
                                "not import hyperedges"});
  const std::string group = f.Write("group.graphml",
                                    "<graphml><graph edgedefault=\"directed\">\n"    // line 1
                                    "<node id=\"g\" yfiles.foldertype=\"group\">\n"  // line 2
                                    "<graph id=\"g:\"><node id=\"g::n0\"/></graph>\n"
                                    "</node></graph></graphml>\n");
  ExpectInvalid(f.ImportFiles({group}),
                {At(group, 2) + " <node id=\"g\"> holds a nested graph (a yEd group or a "
                                "hierarchy); tiegraph imports flat graphs only"});
  const std::string tree = f.Write("tree.gexf",
                                   "<gexf><graph><nodes>\n"                  // line 1
                                   "<node id=\"p\"><nodes><node id=\"c\"/>"  // line 2
                                   "</nodes></node>\n"
                                   "</nodes></graph></gexf>\n");
  ExpectInvalid(f.ImportFiles({tree}), {At(tree, 2) + " <node id=\"p\"> holds nodes of its own"});
  f.ExpectUnchanged();
}

TEST_CASE("cli import reads GraphML and GEXF by extension or by option", "[cli][import][xml]") {
  TempDir dir;
  const std::string db = dir.File("db");
  const std::string graphml = XmlData("networkx.graphml");
  // A name that says nothing, read as GraphML because the option says so.
  std::string text;
  {
    std::ifstream in(graphml);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::string plain = dir.Write("network.txt", text);
  CliResult r = RunCli({"--db", db, "import", "--create", plain});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("cannot tell the format from the name"));
  r = RunOk({"--db", db, "import", "--create", "--graphml", plain});
  CHECK_THAT(r.out, Contains("imported 3 institutions, 0 events, 3 ties"));
  // .xml: told by the root element.
  const std::string gexf = dir.Write("gephi.xml", [] {
    std::ifstream in(XmlData("gephi.gexf"));
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }());
  r = RunOk({"--db", db, "import", gexf});
  CHECK_THAT(r.out, Contains("imported 3 institutions, 0 events, 3 ties"));
  const std::string before = RunOk({"--db", db, "dump"}).out;
  r = RunCli({"--db", db, "import", "--gexf", graphml});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains(graphml + ":2: the root element is <graphml>, not <gexf>"));
  CHECK_THAT(r.err, Contains("nothing was imported"));
  CHECK(RunOk({"--db", db, "dump"}).out == before);
}

}  // namespace
}  // namespace tiegraph::test
