// Key layout: big-endian integers so byte order is numeric order; adjacency values round-trip.
#include <catch2/catch.hpp>

#include "key_format.h"

namespace tiegraph::keys {
namespace {

TEST_CASE("integers are written big-endian", "[keys]") {
  CHECK(NodeIdKey(0x01020304) == std::string("\x01\x02\x03\x04", 4));
  CHECK(TieSeqKey(0x0102030405060708ULL) == std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8));
  CHECK(ReadU32("\x01\x02\x03\x04") == 0x01020304u);
  CHECK(ReadU64("\x01\x02\x03\x04\x05\x06\x07\x08") == 0x0102030405060708ULL);
}

TEST_CASE("byte order of keys is numeric order", "[keys]") {
  // 255 < 256 numerically; as little-endian bytes they would sort the other way.
  CHECK(NodeIdKey(255) < NodeIdKey(256));
  CHECK(TieSeqKey(255) < TieSeqKey(65536));
  CHECK(AdjacencyKey("a", 9, 9) < AdjacencyKey("b", 0, 0));
  CHECK(AdjacencyKey("a", 1, 300) < AdjacencyKey("a", 2, 1));
  // The NUL after the key keeps "ab" entries apart from (and before) "abc" entries.
  CHECK(AdjacencyKey("ab", UINT32_MAX, UINT64_MAX) < AdjacencyKey("abc", 0, 0));
}

TEST_CASE("adjacency keys share their institution's prefix", "[keys]") {
  std::string k = AdjacencyKey("ktl", 8, 9);
  CHECK(k == std::string("ktl\0\0\0\0\x08\0\0\0\0\0\0\0\x09", 16));
  CHECK(k.rfind(AdjacencyPrefix("ktl"), 0) == 0);
  CHECK(k.rfind(AdjacencyPrefix("kt"), 0) != 0);
}

TEST_CASE("name keys separate the name from the key with a NUL", "[keys]") {
  CHECK(NameKey("ktl", "ktl") == std::string("ktl\0ktl", 7));
  // "ab" + key sorts before "abc" + key: a prefix scan for "ab\0" never sees "abc".
  CHECK(NameKey("ab", "zzz") < NameKey("abc", "a"));
}

TEST_CASE("adjacency values round-trip and reject damage", "[keys]") {
  TieRef ref;
  ref.tie_key = "T001";
  ref.other = "jbnu";
  ref.direction = TieRef::Direction::kIn;
  ref.type = "visit_meeting";
  ref.strength = 0.5;
  ref.status = TieStatus::kPlanned;
  ref.confidence = Confidence::kDerived;
  std::string v;
  EncodeAdjacencyValue(ref, &v);
  TieRef out;
  REQUIRE(DecodeAdjacencyValue(v, &out));
  CHECK(out.tie_key == "T001");
  CHECK(out.other == "jbnu");
  CHECK(out.direction == TieRef::Direction::kIn);
  CHECK(out.type == "visit_meeting");
  CHECK(out.strength == 0.5);
  CHECK(out.status == TieStatus::kPlanned);
  CHECK(out.confidence == Confidence::kDerived);
  CHECK_FALSE(DecodeAdjacencyValue(v.substr(0, v.size() - 1), &out));
  CHECK_FALSE(DecodeAdjacencyValue(v + "x", &out));
  CHECK_FALSE(DecodeAdjacencyValue("", &out));
}

}  // namespace
}  // namespace tiegraph::keys
