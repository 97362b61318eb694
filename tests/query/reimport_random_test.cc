// Re-imports against a plain model: rounds of random inputs that change some stored records
// (whole, `--on-existing replace`) and add new ones are planned and applied; after each round
// the database's dump equals the dump of a fresh database holding the model's records, `check`
// is clean, and planning the same input again finds nothing to write (docs/FORMATS.md,
// "Re-import": the input's record replaces the stored one; records it does not name stay).
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "test_util.h"

namespace tiegraph::test {
namespace {

const char* const kTypes[] = {"mou", "joint_research", "funding", "tenancy", "membership"};
const Sector kSectors[] = {Sector::kIndustry, Sector::kAcademia, Sector::kHospital,
                           Sector::kResearch, Sector::kGovernment};

struct Model {
  std::map<std::string, Institution> institutions;
  std::map<std::string, Tie> ties;
  Dataset AsDataset() const {
    Dataset d;
    for (const auto& [k, in] : institutions) d.institutions.push_back(in);
    for (const auto& [k, t] : ties) d.ties.push_back(t);
    return d;
  }
};

class Rounds {
 public:
  explicit Rounds(uint64_t seed) : rng_(seed) {}

  Institution NewInstitution() {
    Institution in;
    in.key = "i" + std::to_string(next_institution_++);
    Rename(&in);
    return in;
  }
  void Rename(Institution* in) {
    in->name = "name " + std::to_string(Pick(1000));
    in->sector = kSectors[Pick(std::size(kSectors))];
  }
  Tie NewTie(const Model& m) {
    Tie t;
    t.key = "T" + std::to_string(next_tie_++);
    auto it = m.institutions.begin();
    std::advance(it, static_cast<long>(Pick(m.institutions.size())));
    t.source = it->first;
    do {
      it = m.institutions.begin();
      std::advance(it, static_cast<long>(Pick(m.institutions.size())));
    } while (it->first == t.source);
    t.target = it->first;
    Retype(&t);
    return t;
  }
  void Retype(Tie* t) {
    t->type = kTypes[Pick(std::size(kTypes))];
    t->strength = 1.0 + static_cast<double>(Pick(3));
    t->since =
        Pick(2) ? Date{2020 + static_cast<int32_t>(Pick(5)), 0, 0, Date::Precision::kYear} : Date{};
  }
  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

 private:
  std::mt19937_64 rng_;
  int next_institution_ = 0, next_tie_ = 0;
};

std::string FreshDump(const TempDir& dir, const Model& m, int round) {
  auto fresh = OpenStore(dir.path() + "/fresh-" + std::to_string(round));
  REQUIRE(fresh->Write(m.AsDataset(), WriteOptions{}).ok());
  return DumpOf(*fresh);
}

TEST_CASE("re-imports with replace agree with a model of their documented semantics",
          "[reimport][model]") {
  for (uint64_t seed : {1, 2, 3}) {
    INFO("seed " << seed);
    TempDir dir;
    auto store = OpenStore(dir.path() + "/db");
    Rounds r(seed);
    Model m;
    for (int i = 0; i < 25; ++i) {
      Institution in = r.NewInstitution();
      m.institutions[in.key] = in;
    }
    for (int i = 0; i < 50; ++i) {
      Tie t = r.NewTie(m);
      m.ties[t.key] = t;
    }
    REQUIRE(store->Write(m.AsDataset(), WriteOptions{}).ok());

    for (int round = 1; round <= 4; ++round) {
      INFO("round " << round);
      Dataset input;
      // Some stored records changed (the input gives them whole), some new ones.
      for (int i = 0; i < 6; ++i) {
        auto it = m.institutions.begin();
        std::advance(it, static_cast<long>(r.Pick(m.institutions.size())));
        Institution changed = it->second;
        r.Rename(&changed);
        input.institutions.push_back(changed);
      }
      for (int i = 0; i < 3; ++i) input.institutions.push_back(r.NewInstitution());
      for (const auto& in : input.institutions) m.institutions[in.key] = in;
      for (int i = 0; i < 10; ++i) {
        auto it = m.ties.begin();
        std::advance(it, static_cast<long>(r.Pick(m.ties.size())));
        Tie changed = it->second;  // a tie keeps its ends: only its other fields change
        r.Retype(&changed);
        input.ties.push_back(changed);
      }
      for (int i = 0; i < 4; ++i) input.ties.push_back(r.NewTie(m));
      // A record named twice in one input: the last one counts (as the model's map does).
      std::map<std::string, size_t> last_institution, last_tie;
      for (size_t i = 0; i < input.institutions.size(); ++i)
        last_institution[input.institutions[i].key] = i;
      for (size_t i = 0; i < input.ties.size(); ++i) last_tie[input.ties[i].key] = i;
      Dataset unique;
      for (const auto& [k, i] : last_institution)
        unique.institutions.push_back(input.institutions[i]);
      for (const auto& [k, i] : last_tie) unique.ties.push_back(input.ties[i]);
      for (const auto& t : unique.ties) m.ties[t.key] = t;

      ImportOptions options;
      options.on_existing = OnExisting::kReplace;
      ImportPlan plan;
      plan.input = unique;
      REQUIRE(PlanRecords(store.get(), options, &plan).ok());
      REQUIRE(ApplyImport(store.get(), plan, options).ok());

      CHECK(LinesOf(DumpOf(*store)) == LinesOf(FreshDump(dir, m, round)));
      auto report = store->Read()->Check();
      REQUIRE(report.ok());
      CHECK(report->clean());
      // The same input again: nothing to write.
      ImportPlan again;
      again.input = unique;
      REQUIRE(PlanRecords(store.get(), options, &again).ok());
      CHECK_FALSE(again.writes());
    }
  }
}

}  // namespace
}  // namespace tiegraph::test
