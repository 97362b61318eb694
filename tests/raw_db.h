// Tests that damage a database on purpose reach RocksDB directly, below the store.
#ifndef TIEGRAPH_TESTS_RAW_DB_H_
#define TIEGRAPH_TESTS_RAW_DB_H_

#include <catch2/catch.hpp>

#include <rocksdb/db.h>

#include <string>
#include <vector>

#include "key_format.h"

namespace tiegraph::test {

// Runs fn(db, handles) on the database's column families with RocksDB directly; the store
// must be closed.
template <typename Fn>
void WithRawDb(const std::string& path, Fn&& fn) {
  rocksdb::DBOptions o;
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (int i = 0; i < keys::kFamilyCount; ++i)
    cfs.emplace_back(keys::FamilyName(i), rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::Open(o, path, cfs, &handles, &raw).ok());
  fn(raw, handles);
  for (auto* h : handles) REQUIRE(raw->DestroyColumnFamilyHandle(h).ok());
  delete raw;
}

}  // namespace tiegraph::test

#endif  // TIEGRAPH_TESTS_RAW_DB_H_
