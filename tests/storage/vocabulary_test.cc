// Sector, status and confidence names; dates with precision.
#include <catch2/catch.hpp>

#include <tiegraph/vocabulary.h>

namespace tiegraph {
namespace {

TEST_CASE("sector names parse both ways", "[vocabulary]") {
  for (int i = 1; i < kSectorCount; ++i) {
    auto s = static_cast<Sector>(i);
    auto parsed = ParseSector(SectorName(s));
    REQUIRE(parsed.ok());
    CHECK(*parsed == s);
  }
  CHECK(*ParseSector("Public_Agency") == Sector::kPublicAgency);
  CHECK(*ParseSector("") == Sector::kNone);
}

TEST_CASE("an unknown sector suggests the nearest name", "[vocabulary]") {
  auto r = ParseSector("hospitl");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());
  CHECK_THAT(r.status().message(), Catch::Contains("did you mean 'hospital'"));
  auto far = ParseSector("zzzzzz");
  CHECK_THAT(far.status().message(), !Catch::Contains("did you mean"));
}

TEST_CASE("dates keep their precision", "[vocabulary]") {
  CHECK(*ParseDate("2024") == Date{2024, 0, 0, Date::Precision::kYear});
  CHECK(*ParseDate("2024-06") == Date{2024, 6, 0, Date::Precision::kMonth});
  CHECK(*ParseDate("2024-02-29") == Date{2024, 2, 29, Date::Precision::kDay});  // leap year
  CHECK_FALSE(ParseDate("").value().known());
  for (const char* text : {"2024", "2024-06", "2024-02-29", "1999-12-31"}) {
    CHECK(FormatDate(*ParseDate(text)) == text);
  }
}

TEST_CASE("impossible and malformed dates are refused", "[vocabulary]") {
  for (const char* text : {"2024-02-30", "2023-02-29", "2024-13", "2024-00", "2024-04-31",
                           "24-01-01", "2024-1-01", "2024/01/01", "June", "2024-01-01-01"}) {
    INFO(text);
    CHECK(ParseDate(text).status().IsInvalidArgument());
  }
  CHECK(ParseDate("1900-02-29").status().IsInvalidArgument());  // century, not a leap year
  CHECK(ParseDate("2000-02-29").ok());                          // 400-year rule
}

TEST_CASE("interval order respects precision", "[vocabulary]") {
  auto d = [](const char* t) { return *ParseDate(t); };
  CHECK(EndsBeforeStart(d("2024-06-02"), d("2024-06-01")));
  CHECK_FALSE(EndsBeforeStart(d("2024-06-01"), d("2024-06-01")));
  // "until 2024-06" lasts to the end of June, so it does not end before 2024-06-15 begins.
  CHECK_FALSE(EndsBeforeStart(d("2024-06-15"), d("2024-06")));
  CHECK(EndsBeforeStart(d("2024-07"), d("2024-06")));
  CHECK(EndsBeforeStart(d("2025"), d("2024-12-31")));
  CHECK_FALSE(EndsBeforeStart(Date{}, d("2024")));
}

}  // namespace
}  // namespace tiegraph
