// Internals shared by the Store's files (open, write, commit, snapshot). RocksDB types stay here.
#ifndef TIEGRAPH_STORAGE_STORE_IMPL_H_
#define TIEGRAPH_STORAGE_STORE_IMPL_H_

#include <rocksdb/db.h>

#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <tiegraph/store.h>

#include "key_format.h"

namespace tiegraph {

// Maps a RocksDB status to ours; `context` says what was being done.
Status FromRocks(const rocksdb::Status& s, const std::string& context);

struct Store::Impl {
  std::string path;
  std::unique_ptr<rocksdb::DB> db;
  std::array<rocksdb::ColumnFamilyHandle*, keys::kFamilyCount> cf{};
  bool read_only = false;
  std::mutex write_mu;  // serialises Write: counters are read, then advanced
  ~Impl();
};

struct Snapshot::Impl {
  const Store::Impl* store = nullptr;
  const rocksdb::Snapshot* snapshot = nullptr;
  rocksdb::ReadOptions ReadOpts() const {
    rocksdb::ReadOptions o;
    o.snapshot = snapshot;
    return o;
  }
  rocksdb::ColumnFamilyHandle* cf(int family) const { return store->cf[family]; }
  ~Impl();
};

class WritePlan;

// Commits the plan atomically: one WriteBatch, or (above options.bulk_threshold entries) one
// sorted table per column family, ingested together. On error nothing is visible.
Status CommitPlan(Store::Impl* store, const WritePlan& plan, const WriteOptions& options,
                  bool* used_bulk);

}  // namespace tiegraph

#endif  // TIEGRAPH_STORAGE_STORE_IMPL_H_
