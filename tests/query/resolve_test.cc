// ResolveInstitution: an exact key wins over names and aliases; a name or alias shared by
// several institutions stays ambiguous. Each expectation follows from the four institutions
// below, worked out by hand.
#include <catch2/catch.hpp>

#include "test_util.h"

namespace tiegraph {
namespace {

using Catch::Matchers::Contains;

// knu (Kongju) and kyungpook (whose alias is KNU) meet on "knu" after case folding; snu and snuh
// both carry the alias SNU.
std::unique_ptr<Store> Universities(const std::string& path) {
  auto store = test::OpenStore(path);
  Dataset d;
  auto add = [&](const char* key, const char* name, std::vector<std::string> aliases) {
    Institution in;
    in.key = key;
    in.name = name;
    in.aliases = std::move(aliases);
    d.institutions.push_back(in);
  };
  add("knu", "공주대학교", {"Kongju National University"});
  add("kyungpook", "경북대학교", {"KNU", "Kyungpook National University"});
  add("snu", "서울대학교", {"SNU"});
  add("snuh", "서울대학교병원", {"SNU", "SNUH"});
  Status s = store->Write(d, WriteOptions{});
  INFO(s.ToString());
  REQUIRE(s.ok());
  return store;
}

TEST_CASE("an exact key wins over another institution's alias", "[resolve]") {
  test::TempDir dir;
  auto store = Universities(dir.File("db"));
  auto snap = store->Read();
  CHECK(*ResolveInstitution(*snap, "knu") == "knu");
  CHECK(*ResolveInstitution(*snap, "snu") == "snu");
  CHECK(*ResolveInstitution(*snap, "kyungpook") == "kyungpook");
  // Names and aliases that only one institution has still resolve.
  CHECK(*ResolveInstitution(*snap, "Kongju National University") == "knu");
  CHECK(*ResolveInstitution(*snap, "kyungpook national university") == "kyungpook");
  CHECK(*ResolveInstitution(*snap, "SNUH") == "snuh");
}

TEST_CASE("a name or alias several institutions share stays ambiguous", "[resolve]") {
  test::TempDir dir;
  auto store = Universities(dir.File("db"));
  auto snap = store->Read();
  // "KNU" is not a key (keys are case-sensitive): it is kyungpook's alias and, folded, knu's key.
  auto knu = ResolveInstitution(*snap, "KNU");
  REQUIRE(knu.status().IsInvalidArgument());
  CHECK_THAT(knu.status().message(), Contains("ambiguous") && Contains("2 institutions") &&
                                         Contains("knu  공주대학교") &&
                                         Contains("kyungpook  경북대학교"));
  // "SNU" is the alias of two institutions.
  auto snu = ResolveInstitution(*snap, "SNU");
  REQUIRE(snu.status().IsInvalidArgument());
  CHECK_THAT(snu.status().message(), Contains("2 institutions") && Contains("snu  서울대학교") &&
                                         Contains("snuh  서울대학교병원"));
  CHECK(ResolveInstitution(*snap, "nobody").status().IsNotFound());
}

}  // namespace
}  // namespace tiegraph
