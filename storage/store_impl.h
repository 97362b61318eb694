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

using Families = std::array<rocksdb::ColumnFamilyHandle*, keys::kFamilyCount>;

struct Store::Impl {
  std::string path;
  OpenOptions options;  // as opened, for Refresh to open again
  // The open database and its column families. The database is shared with the snapshots
  // read from it, so that a snapshot outlives a Refresh that reopens the database; its last
  // owner closes the families and then the database. Refresh replaces both under reopen_mu.
  std::shared_ptr<rocksdb::DB> db;
  Families cf{};
  bool read_only = false;
  std::mutex write_mu;           // serialises Write: counters are read, then advanced
  mutable std::mutex reopen_mu;  // guards db and cf, for Read, against Refresh
};

struct Snapshot::Impl {
  std::shared_ptr<rocksdb::DB> db;  // keeps the database it reads open
  Families families{};
  const rocksdb::Snapshot* snapshot = nullptr;
  rocksdb::ReadOptions ReadOpts() const {
    rocksdb::ReadOptions o;
    o.snapshot = snapshot;
    return o;
  }
  rocksdb::ColumnFamilyHandle* cf(int family) const { return families[family]; }
  ~Impl();
};

// A counter of the metadata; 0 when it was never written (an empty database). A failed read
// or a malformed value is an error.
Result<uint64_t> ReadCounter(Store::Impl* s, std::string_view key);
// The number the next commit gets in the history: 1 for the first.
Result<uint64_t> NextCommitNumber(Store::Impl* s);

class WritePlan;

// Commits the plan atomically: one WriteBatch, or (above options.bulk_threshold entries) one
// sorted table per column family, ingested together. On error nothing is visible.
Status CommitPlan(Store::Impl* store, const WritePlan& plan, const WriteOptions& options,
                  bool* used_bulk);

}  // namespace tiegraph

#endif  // TIEGRAPH_STORAGE_STORE_IMPL_H_
