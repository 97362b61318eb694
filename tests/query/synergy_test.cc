// Helix synergy: Leydesdorff's T on hand-worked distributions, and over stored events.
#include <catch2/catch.hpp>

#include <tiegraph/gap_analysis.h>

#include "test_util.h"

namespace tiegraph {
namespace {

// Bits: U = 1, I = 2, G = 4.
std::vector<uint32_t> Repeat(const std::vector<std::pair<uint32_t, int>>& counts) {
  std::vector<uint32_t> out;
  for (auto [pattern, n] : counts) out.insert(out.end(), static_cast<size_t>(n), pattern);
  return out;
}

TEST_CASE("T_UIG by hand: XOR is -1 bit, three copies +1 bit", "[synergy]") {
  // G = U xor I, four equally likely patterns: H_U = H_I = H_G = 1, every pair 2, all 2,
  // so T = 3 - 6 + 2 = -1.
  CHECK(HelixMutualInformation({0, 3, 5, 6}, 3) == Approx(-1));
  // U = I = G: every entropy is 1, T = 3 - 3 + 1 = 1.
  CHECK(HelixMutualInformation({0, 7}, 3) == Approx(1));
  // Independent helices share nothing.
  CHECK(HelixMutualInformation({0, 1, 2, 3, 4, 5, 6, 7}, 3) == Approx(0).margin(1e-12));
  // Two helices: T_UI = H_U + H_I - H_UI; U = I gives 1 + 1 - 1.
  CHECK(HelixMutualInformation({0, 3}, 2) == Approx(1));
}

TEST_CASE("T_UIG of a mixed distribution, computed by its definition", "[synergy]") {
  // U only 60, I only 10, G only 10, UI 8, UG 6, IG 2, UIG 4 (100 units). By the definition
  // with log2 (computed separately with Python): T = -0.1701964334 bits.
  const auto units = Repeat({{1, 60}, {2, 10}, {4, 10}, {3, 8}, {5, 6}, {6, 2}, {7, 4}});
  CHECK(HelixMutualInformation(units, 3) == Approx(-0.1701964334).epsilon(1e-9));
}

TEST_CASE("synergy over events: patterns from participants' sectors", "[synergy]") {
  test::TempDir dir;
  auto store = test::OpenStore(dir.path());
  Dataset d;
  auto inst = [&](const std::string& key, Sector s) {
    Institution in;
    in.key = key;
    in.name = key;
    in.sector = s;
    d.institutions.push_back(in);
  };
  inst("uni", Sector::kAcademia);
  inst("firm", Sector::kIndustry);
  inst("gov", Sector::kGovernment);
  inst("agency", Sector::kPublicAgency);  // G too, by the default mapping
  inst("lab", Sector::kResearch);         // no helix by default
  auto event = [&](const std::string& key, std::vector<std::string> who) {
    Event e;
    e.key = key;
    for (auto& w : who) e.participants.push_back({w, ""});
    d.events.push_back(e);
  };
  // The XOR distribution again: none (the lab alone), U+I, U+G, I+G.
  event("e1", {"lab"});
  event("e2", {"uni", "firm"});
  event("e3", {"uni", "agency"});
  event("e4", {"firm", "gov", "lab"});
  REQUIRE(store->Write(d, WriteOptions{}).ok());
  auto tables = SynergyTables(*store->Read(), SynergyRequest{});
  REQUIRE(tables.ok());
  REQUIRE(tables->size() == 2);
  const Table& summary = test::TableNamed(*tables, "helix_synergy");
  CHECK(test::IntAt(summary, 0, "events") == 4);
  CHECK(test::IntAt(summary, 0, "joining_3_or_more") == 0);  // no event joins three helices
  const Table& t = test::TableNamed(*tables, "mutual_information");
  // Rows: UI, UG, IG, UIG.
  REQUIRE(t.rows.size() == 4);
  CHECK(test::StringAt(t, 3, "helices") == "UIG");
  CHECK(test::RealAt(t, 3, "t_bits") == Approx(-1));
  CHECK(test::RealAt(t, 0, "t_bits") == Approx(0).margin(1e-12));  // U and I independent

  auto four = ParseHelices("U=academia;I=industry;G=government,public-agency;R=research");
  REQUIRE(four.ok());
  CHECK(four->size() == 4);
  CHECK_FALSE(ParseHelices("U=academia").ok());
  CHECK_FALSE(ParseHelices("U=academia;I=industri").ok());
}

}  // namespace
}  // namespace tiegraph
