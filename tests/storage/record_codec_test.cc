// The record codec: every field survives encode/decode; damaged bytes are Corruption, not a crash.
#include <catch2/catch.hpp>

#include "record_codec.h"

namespace tiegraph {
namespace {

Institution FullInstitution() {
  Institution in;
  in.key = "ktl";
  in.name = "한국산업기술시험원";
  in.aliases = {"Korea Testing Laboratory", "KTL"};
  in.sector = Sector::kPublicAgency;
  in.other_sectors = {Sector::kResearch, Sector::kSupportOrg};
  in.kind = "organization";
  in.foreign = true;
  in.region = {"KR", "Gyeongnam", "Jinju"};
  in.parent = "motie";
  in.properties = {{"founded", int64_t{1970}},
                   {"budget", 12.5},
                   {"generic", false},
                   {"note", std::string("HQ 진주")},
                   {"opened", Date{2025, 9, 11, Date::Precision::kDay}}};
  in.evidence = {{"001.txt", "한국산업기술시험원(KTL)과", "https://example.org/a"}};
  return in;
}

TEST_CASE("institution records round-trip every field", "[codec]") {
  const Institution in = FullInstitution();
  std::string bytes;
  EncodeInstitution(in, 4242, &bytes);
  Institution out;
  uint32_t node_id = 0;
  REQUIRE(DecodeInstitution(bytes, &out, &node_id).ok());
  CHECK(out == in);
  CHECK(node_id == 4242);
  uint32_t only_id = 0;
  REQUIRE(DecodeInstitutionNodeId(bytes, &only_id).ok());
  CHECK(only_id == 4242);
}

TEST_CASE("tie records round-trip every field, with the key given apart", "[codec]") {
  Tie t;
  t.key = "ignored";
  t.source = "goyang-city";
  t.target = "lih-g";
  t.type = "investment_intent";
  t.directed = true;
  t.strength = 2.75;
  t.status = TieStatus::kProposed;
  t.confidence = Confidence::kImplied;
  t.since = Date{2024, 2, 0, Date::Precision::kMonth};
  t.until = Date{2027, 0, 0, Date::Precision::kYear};
  t.event = "E-1";
  t.role = "chair";
  t.properties = {{"notes", std::string("x")}};
  t.evidence = {{"004.txt", "quote", ""}, {"external", "fact", "https://example.org"}};
  std::string bytes;
  EncodeTie(t, "T077", 1, 2, &bytes);
  Tie out;
  REQUIRE(DecodeTie(bytes, &out).ok());
  Tie expected = t;
  expected.key = "T077";
  CHECK(out == expected);
}

TEST_CASE("event records round-trip", "[codec]") {
  Event e;
  e.key = "E-council";
  e.name = "Bio Cluster Council launch";
  e.type = "council";
  e.date = Date{2024, 5, 29, Date::Precision::kDay};
  e.participants = {{"mohw", "chair"}, {"motie", ""}};
  e.properties = {{"date_source", std::string("seed")}};
  e.evidence = {{"003.txt", "", ""}};
  std::string bytes;
  EncodeEvent(e, &bytes);
  Event out;
  REQUIRE(DecodeEvent(bytes, &out).ok());
  CHECK(out == e);
}

TEST_CASE("damaged records decode to Corruption", "[codec]") {
  std::string bytes;
  EncodeInstitution(FullInstitution(), 1, &bytes);
  Institution out;
  CHECK(DecodeInstitution("", &out).IsCorruption());
  CHECK(DecodeInstitution(bytes.substr(0, bytes.size() - 8), &out).IsCorruption());
  CHECK(DecodeInstitution(bytes.substr(0, 13), &out).IsCorruption());  // not whole words
  std::string garbage(64, '\xff');
  CHECK(DecodeInstitution(garbage, &out).IsCorruption());
}

}  // namespace
}  // namespace tiegraph
