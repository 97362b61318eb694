// The store's ceilings on one record (tiegraph/model.h: kMaxRecordTextBytes,
// kMaxRecordListEntries, kMaxRecordBytes) hold whatever writes the record: a transaction, a bulk
// write, a query. A record past one is refused naming the field and the limit, and the database
// is as before.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

Status Put(Store* store, const Institution& in) {
  auto txn = Transaction::Begin(store);
  REQUIRE(txn.ok());
  TIEGRAPH_RETURN_IF_ERROR((*txn)->PutInstitution(in));
  return (*txn)->Commit().status();
}

Institution Stored(Store& store, const std::string& key) {
  auto in = store.Read()->GetInstitution(key);
  REQUIRE(in.ok());
  return *in;
}

TEST_CASE("a text at the store's limit is kept; one byte more is refused", "[limits]") {
  TempDir dir;
  auto store = StoreWith(dir.File("db"), {"a", "b"}, {{"a", "b"}});
  const std::string before = DumpOf(*store);

  Institution a = Stored(*store, "a");
  a.name = std::string(kMaxRecordTextBytes + 1, 'n');
  Status s = Put(store.get(), a);
  CHECK(s.IsInvalidArgument());
  CHECK_THAT(s.message(), Contains("name") && Contains("limit is 1048576"));
  CHECK(DumpOf(*store) == before);

  a.name = std::string(kMaxRecordTextBytes, 'n');
  REQUIRE(Put(store.get(), a).ok());
  CHECK(Stored(*store, "a").name.size() == kMaxRecordTextBytes);
}

TEST_CASE("lists past the store's limit are refused, by field", "[limits]") {
  TempDir dir;
  auto store = StoreWith(dir.File("db"), {"a"}, {});
  const std::string before = DumpOf(*store);
  const size_t over = kMaxRecordListEntries + 1;

  Institution aliases = Stored(*store, "a");
  for (size_t i = 0; i < over; ++i) aliases.aliases.push_back("alias " + std::to_string(i));
  CHECK_THAT(Put(store.get(), aliases).message(), Contains("aliases") && Contains("10001 entries"));

  Institution properties = Stored(*store, "a");
  for (size_t i = 0; i < over; ++i) {
    properties.properties.push_back({"p" + std::to_string(i), int64_t{1}});
  }
  CHECK_THAT(Put(store.get(), properties).message(), Contains("properties"));

  Institution list = Stored(*store, "a");
  list.properties.push_back({"scores", PropertyList{std::vector<PropertyScalar>(over, 1.0)}});
  CHECK_THAT(Put(store.get(), list).message(), Contains("scores") && Contains("10001 entries"));
  CHECK(DumpOf(*store) == before);
}

TEST_CASE("a record's texts together are bounded too", "[limits]") {
  TempDir dir;
  auto store = StoreWith(dir.File("db"), {"a"}, {});
  // Seventeen aliases of 1 MiB each: every one within the text limit, 17 MiB in all.
  Institution a = Stored(*store, "a");
  for (char c = 'a'; c < 'a' + 17; ++c) a.aliases.push_back(std::string(kMaxRecordTextBytes, c));
  Status s = Put(store.get(), a);
  CHECK_THAT(s.message(), Contains("aliases") && Contains("16777216 bytes"));
}

TEST_CASE("a bulk write and a query meet the same limits", "[limits]") {
  TempDir dir;
  auto store = StoreWith(dir.File("db"), {"a"}, {});
  const std::string before = DumpOf(*store);

  Dataset data;
  Institution big;
  big.key = "big";
  big.name = std::string(kMaxRecordTextBytes + 1, 'x');
  data.institutions.push_back(big);
  Status s = store->Write(data, {});
  CHECK_THAT(s.message(), Contains("name") && Contains("limit"));

  auto result = cypher::Session(store.get())
                    .Execute("MATCH (i:Institution {key: 'a'}) SET i.notes = $text",
                             {{"text", cypher::Value(std::string(kMaxRecordTextBytes + 1, 'q'))}});
  REQUIRE_FALSE(result.ok());
  CHECK_THAT(result.error().message, Contains("notes") && Contains("limit"));
  CHECK(DumpOf(*store) == before);
}

}  // namespace
}  // namespace tiegraph::test
