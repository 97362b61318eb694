// Name normalisation (NFKC + case folding + spaces), UTF-8 checking, display width.
#include <catch2/catch.hpp>

#include <tiegraph/text.h>

namespace tiegraph {
namespace {

std::string Norm(std::string_view s) {
  std::string out;
  REQUIRE(NormalizeName(s, &out));
  return out;
}

TEST_CASE("English names meet regardless of case and spacing", "[text]") {
  CHECK(Norm("KTL") == "ktl");
  CHECK(Norm("ktl") == "ktl");
  CHECK(Norm("  Korea   Testing\tLaboratory ") == "korea testing laboratory");
  CHECK(Norm("Korea Testing Laboratory") == Norm("KOREA TESTING LABORATORY"));
}

TEST_CASE("control characters are dropped, in ASCII and non-ASCII names alike", "[text]") {
  CHECK(Norm("K\x01T\x7fL") == "ktl");
  CHECK(Norm("\xED\x95\x9C\x01\xEA\xB5\xAD") == "\xED\x95\x9C\xEA\xB5\xAD");  // 한<SOH>국
  CHECK(Norm("\xED\x95\x9C  Korea") == "\xED\x95\x9C korea");
}

TEST_CASE("compatibility forms fold (NFKC)", "[text]") {
  CHECK(Norm("\xEF\xBC\xAB\xEF\xBC\xB4\xEF\xBC\xAC") == "ktl");  // fullwidth ＫＴＬ
  CHECK(Norm("\xE2\x84\xAA") == "k");                            // KELVIN SIGN folds to k
  CHECK(Norm("Stra\xC3\x9F"
             "e") == "strasse");  // ß case-folds to ss
}

TEST_CASE("Korean names are composed, so decomposed jamo meet the syllables", "[text]") {
  // 한 as a precomposed syllable (U+D55C) and as jamo ᄒ ᅡ ᆫ (U+1112 U+1161 U+11AB).
  CHECK(Norm("\xED\x95\x9C") == Norm("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"));
  CHECK(Norm("한국산업기술시험원") == "한국산업기술시험원");
}

TEST_CASE("invalid UTF-8 is found and refused", "[text]") {
  CHECK(FindInvalidUtf8("plain ascii") == std::string_view::npos);
  CHECK(FindInvalidUtf8("한국") == std::string_view::npos);
  CHECK(FindInvalidUtf8("ab\xff"
                        "cd") == 2);
  CHECK(FindInvalidUtf8("\xED\x95") == 0);  // a truncated three-byte sequence
  std::string out;
  CHECK_FALSE(NormalizeName("ab\xff", &out));
}

TEST_CASE("display width counts Hangul as two columns", "[text]") {
  CHECK(DisplayWidth("KTL") == 3);
  CHECK(DisplayWidth("전주시") == 6);
  CHECK(DisplayWidth("LIH-G 분원") == 10);
}

}  // namespace
}  // namespace tiegraph
