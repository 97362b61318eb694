// The analytic digests behind the summary scans: every field comes back as written, across
// block boundaries, several writes (extending a partly filled block) and both commit paths.
#include <catch2/catch.hpp>

#include "key_format.h"
#include "test_util.h"

namespace tiegraph {
namespace {

using test::OpenStore;
using test::TempDir;

// Institutions first..first+n-1 with fields that vary by index; ties among all institutions
// so far, with types, dates, codes and strengths that vary by index too.
Dataset Batch(size_t first_inst, size_t n_inst, size_t first_tie, size_t n_ties,
              size_t known_inst) {
  Dataset d;
  const std::vector<std::string> kinds = {"", "facility", "branch"};
  const std::vector<std::string> types = {"mou", "joint_research", "part_of", "기술이전"};
  for (size_t i = first_inst; i < first_inst + n_inst; ++i) {
    Institution in;
    in.key = "i" + std::to_string(i);
    in.name = "기관 " + std::to_string(i);
    in.kind = kinds[i % kinds.size()];
    in.sector = static_cast<Sector>(i % kSectorCount);
    if (i % 5 == 0) in.other_sectors = {static_cast<Sector>((i + 1) % kSectorCount)};
    if (i % 3 == 0) in.region = {"KR", "충청남도"};
    if (i % 7 == 0 && i > 0) in.parent = "i" + std::to_string(i - 1);
    d.institutions.push_back(in);
  }
  const size_t total = known_inst + n_inst;
  for (size_t k = first_tie; k < first_tie + n_ties; ++k) {
    Tie t;
    t.source = "i" + std::to_string(k % total);
    t.target = "i" + std::to_string((k * 7 + 3) % total);
    t.type = types[k % types.size()] + (k % 1000 == 999 ? "-rare" : "");
    t.strength = 0.25 * static_cast<double>(k % 9);
    t.directed = k % 2 == 1;
    t.status = static_cast<TieStatus>(k % 3);
    t.confidence = static_cast<Confidence>((k / 3) % 3);
    if (k % 4 != 0) {
      t.since = {2000 + static_cast<int>(k % 25), 0, 0, Date::Precision::kYear};
      if (k % 4 == 2)
        t.since = {2010, static_cast<uint8_t>(1 + k % 12), 0, Date::Precision::kMonth};
      if (k % 4 == 3) t.until = {2030, 12, static_cast<uint8_t>(1 + k % 28), Date::Precision::kDay};
    }
    d.ties.push_back(t);
  }
  return d;
}

TEST_CASE("summary scans return every field as written, across blocks and writes",
          "[store][digest]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  // 5000 institutions and 4100 ties (over one block of 4096), then 90 institutions and 5000
  // ties as sorted tables (extending the partly filled blocks), then a small batch.
  Dataset all;
  auto write = [&](Dataset d, size_t bulk_threshold) {
    WriteOptions o;
    o.bulk_threshold = bulk_threshold;
    WriteSummary summary;
    Status s = store->Write(d, o, &summary);
    REQUIRE(s.ok());
    CHECK(summary.bulk == (bulk_threshold == 1));
    for (auto& in : d.institutions) all.institutions.push_back(std::move(in));
    for (auto& t : d.ties) all.ties.push_back(std::move(t));
  };
  write(Batch(0, 5000, 0, 4100, 0), 1000000);
  write(Batch(5000, 90, 4100, 5000, 5000), 1);
  write(Batch(5090, 3, 9100, 7, 5090), 1000000);
  auto snap = store->Read();

  size_t seen = 0;
  REQUIRE(snap->ForEachInstitutionSummary([&](const InstitutionSummary& s) {
                REQUIRE(s.node_id == seen);
                const Institution& in = all.institutions[seen++];
                CHECK(s.key == in.key);
                CHECK(s.kind == in.kind);
                CHECK(s.parent == in.parent);
                CHECK(s.sector == in.sector);
                CHECK(s.other_sectors == in.other_sectors);
                CHECK(std::vector<std::string>(s.region.begin(), s.region.end()) == in.region);
                return true;
              })
              .ok());
  CHECK(seen == all.institutions.size());

  auto id_of = [](const std::string& key) {
    return static_cast<uint32_t>(std::stoul(key.substr(1)));
  };
  auto check_range = [&](uint64_t begin, uint64_t end) {
    uint64_t k = begin;
    REQUIRE(snap->ForEachTieSummary(
                    [&](const TieSummary& s) {
                      const Tie& t = all.ties[k++];
                      CHECK(s.source_id == id_of(t.source));
                      CHECK(s.target_id == id_of(t.target));
                      CHECK(s.type == t.type);
                      CHECK(s.strength == t.strength);
                      CHECK(s.directed == t.directed);
                      CHECK(s.status == t.status);
                      CHECK(s.confidence == t.confidence);
                      CHECK(s.since == t.since);
                      CHECK(s.until == t.until);
                      return true;
                    },
                    begin, end)
                .ok());
    CHECK(k == std::min<uint64_t>(end, all.ties.size()));
  };
  check_range(0, UINT64_MAX);
  check_range(4000, 8192);  // ends on a block boundary
  check_range(4096, 4097);
  check_range(8191, 9105);
  check_range(9106, 20000);

  // Stopping early stops.
  size_t visited = 0;
  REQUIRE(snap->ForEachTieSummary([&](const TieSummary&) { return ++visited < 10; }).ok());
  CHECK(visited == 10);
}

TEST_CASE("a database of format 1 is refused with the way to convert it", "[store][digest]") {
  TempDir dir;
  // Format 1 had the same families but the digests.
  test::WriteRawDatabase(dir.path(), keys::kDigests, std::string(keys::kFormatMagic) + "1");
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir.path(), OpenOptions{}, &store);
  CHECK(s.code() == Status::Code::kNotSupported);
  CHECK_THAT(s.message(), Catch::Contains("format 1") && Catch::Contains("dump"));
}

}  // namespace
}  // namespace tiegraph
