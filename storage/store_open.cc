// Store::Open: creating, recognising and version-checking a database directory.
#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <thread>

#include "store_impl.h"

namespace tiegraph {
namespace fs = std::filesystem;

Status FromRocks(const rocksdb::Status& s, const std::string& context) {
  if (s.ok()) return Status::OK();
  std::string msg = context + ": " + s.ToString();
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsCorruption()) return Status::Corruption(msg);
  if (s.IsInvalidArgument()) return Status::InvalidArgument(msg);
  if (s.IsNotSupported()) return Status::NotSupported(msg);
  return Status::IOError(msg);
}

namespace {

// "0.5", "2", "120": seconds as the user gave them.
std::string FormatSeconds(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", seconds);
  return buf;
}

rocksdb::ColumnFamilyOptions FamilyOptions(int family,
                                           const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  // Whole-key Bloom filters help point lookups; the adjacency and name indexes are read by
  // prefix scans, which they cannot help.
  if (family != keys::kAdjacency && family != keys::kNames) {
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  }
  table.cache_index_and_filter_blocks = false;
  // 16 KiB blocks: fewer index entries and checksums per table, which bulk imports feel, at
  // little cost to a point lookup in uncompressed or cached blocks.
  table.block_size = 16 << 10;
  rocksdb::ColumnFamilyOptions cf;
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  cf.write_buffer_size = 64 << 20;
  // Digests are read whole by every projection build; decompressing them would cost more
  // than reading them.
  if (family == keys::kDigests) cf.compression = rocksdb::kNoCompression;
  return cf;
}

// Explains why `path` cannot be opened as ours, or OK when it looks like a database to open.
Status CheckDirectory(const std::string& path, const OpenOptions& options, bool* exists) {
  std::error_code ec;
  *exists = fs::exists(fs::path(path) / "CURRENT", ec);
  if (*exists) return Status::OK();
  if (fs::exists(path, ec) && !fs::is_directory(path, ec)) {
    return Status::Corruption(path + " is a file, not a tiegraph database directory");
  }
  if (fs::exists(path, ec) && !fs::is_empty(path, ec)) {
    return Status::Corruption(path +
                              " is not a tiegraph database (a non-empty directory without one); "
                              "choose an empty or new directory");
  }
  if (!options.create_if_missing || options.read_only) {
    return Status::NotFound("no tiegraph database at " + path +
                            "; create one with `tiegraph --db " + path + " init`");
  }
  // RocksDB creates the last directory only; make the parents too.
  fs::create_directories(path, ec);
  if (ec) return Status::IOError("cannot create " + path + ": " + ec.message());
  return Status::OK();
}

// The database `raw` opened, with its column families, owned jointly by the Store and its
// snapshots: the last owner closes the families and then the database.
std::shared_ptr<rocksdb::DB> Share(rocksdb::DB* raw, const Families& cf) {
  return std::shared_ptr<rocksdb::DB>(raw, [cf](rocksdb::DB* db) {
    for (auto* h : cf) {
      if (h) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    }
    db->Close().PermitUncheckedError();
    delete db;
  });
}

bool IsLockError(const rocksdb::Status& s) {
  return s.IsIOError() && s.ToString().find("lock") != std::string::npos;
}

// Opens read-write, waiting up to options.lock_wait_seconds while another writer holds the
// database's lock (RocksDB's LOCK file: one writing process at a time), or read-only, which
// takes no lock.
rocksdb::Status OpenRocks(const rocksdb::DBOptions& db_options, const std::string& path,
                          const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors,
                          const OpenOptions& options,
                          std::vector<rocksdb::ColumnFamilyHandle*>* handles, rocksdb::DB** raw) {
  if (options.read_only) {
    return rocksdb::DB::OpenForReadOnly(db_options, path, descriptors, handles, raw);
  }
  using Clock = std::chrono::steady_clock;
  const auto deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(std::max(0.0, options.lock_wait_seconds)));
  while (true) {
    rocksdb::Status s = rocksdb::DB::Open(db_options, path, descriptors, handles, raw);
    const auto now = Clock::now();
    if (!IsLockError(s) || now >= deadline) return s;
    // A writer's import may take minutes; a tenth of a second is soon enough to notice its end.
    std::this_thread::sleep_for(
        std::min<Clock::duration>(std::chrono::milliseconds(100), deadline - now));
  }
}

// Removes the tables a bulk write was building when its process died (storage/commit.cc builds
// them in ingest-<pid>/ and removes them when it ends). Only the writer builds them, and the
// writer's lock is ours, so any found are left over.
void RemoveAbandonedTables(const std::string& path) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.is_directory(ec) && entry.path().filename().string().rfind("ingest-", 0) == 0) {
      fs::remove_all(entry.path(), ec);
    }
  }
}

// Opens (or creates) the database at `path`: everything Store::Open does but the Store.
Status OpenImpl(const std::string& path, const OpenOptions& options,
                std::unique_ptr<Store::Impl>* out) {
  bool exists = false;
  TIEGRAPH_RETURN_IF_ERROR(CheckDirectory(path, options, &exists));

  rocksdb::DBOptions db_options;
  db_options.create_if_missing = !exists;
  db_options.create_missing_column_families = !exists;
  db_options.max_background_jobs = 2;
  // RocksDB starts a new info LOG at every open and keeps the old ones (a thousand by default,
  // a quarter of a megabyte each): a CLI run is an open, so keep only the last few.
  db_options.keep_log_file_num = 5;
  auto cache = rocksdb::NewLRUCache(options.block_cache_mb << 20);

  if (exists) {
    std::vector<std::string> families;
    auto s = rocksdb::DB::ListColumnFamilies(db_options, path, &families);
    if (!s.ok()) return FromRocks(s, "reading " + path);
    auto has = [&](int family) {
      return std::find(families.begin(), families.end(), keys::FamilyName(family)) !=
             families.end();
    };
    bool ours = families.size() == keys::kFamilyCount;
    for (int i = 1; ours && i < keys::kFamilyCount; ++i) ours = has(i);
    // Format 1 had every family but the digests.
    bool format1 = families.size() + 1 == keys::kFamilyCount && !has(keys::kDigests);
    for (int i = 1; format1 && i < keys::kDigests; ++i) format1 = has(i);
    if (format1) {
      return Status::NotSupported(
          path + " uses tiegraph format 1; this build reads format " +
          std::to_string(keys::kFormatVersion) +
          ". Export it with the tiegraph that wrote it (`tiegraph --db " + path +
          " dump -o FILE.jsonl`) and import that file into a new database.");
    }
    if (!ours) {
      return Status::Corruption(path +
                                " is a RocksDB database but not a tiegraph one (its column "
                                "families differ)");
    }
    if (options.error_if_exists) {
      return Status::InvalidArgument("the tiegraph database at " + path + " already exists");
    }
  }

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (int i = 0; i < keys::kFamilyCount; ++i) {
    descriptors.emplace_back(keys::FamilyName(i), FamilyOptions(i, cache));
  }
  auto impl = std::make_unique<Store::Impl>();
  impl->path = path;
  impl->options = options;
  impl->read_only = options.read_only;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = OpenRocks(db_options, path, descriptors, options, &handles, &raw);
  if (!s.ok()) {
    if (IsLockError(s)) {
      const std::string waited =
          options.lock_wait_seconds > 0
              ? "; gave up after waiting " + FormatSeconds(options.lock_wait_seconds) + " s"
              : "";
      return Status::IOError("database " + path + " is in use by another writer" + waited +
                             " (`tiegraph --wait SECONDS` waits for it; " + s.ToString() + ")");
    }
    return FromRocks(s, "opening " + path);
  }
  for (int i = 0; i < keys::kFamilyCount; ++i) impl->cf[i] = handles[i];
  impl->db = Share(raw, impl->cf);
  if (!options.read_only) RemoveAbandonedTables(path);

  std::string format;
  s = impl->db->Get(rocksdb::ReadOptions(), impl->cf[keys::kMeta], keys::kFormatKey, &format);
  if (s.IsNotFound() && !exists) {
    format = std::string(keys::kFormatMagic) + std::to_string(keys::kFormatVersion);
    s = impl->db->Put(rocksdb::WriteOptions(), impl->cf[keys::kMeta], keys::kFormatKey, format);
    if (!s.ok()) return FromRocks(s, "initialising " + path);
  } else if (s.IsNotFound()) {
    return Status::Corruption(path +
                              " has no tiegraph format marker; it is not a tiegraph "
                              "database or its creation was interrupted");
  } else if (!s.ok()) {
    return FromRocks(s, "reading the format of " + path);
  }
  if (format.compare(0, keys::kFormatMagic.size(), keys::kFormatMagic) != 0) {
    return Status::Corruption(path + " has an unrecognised format marker");
  }
  const std::string version = format.substr(keys::kFormatMagic.size());
  if (version != std::to_string(keys::kFormatVersion)) {
    return Status::NotSupported(path + " uses tiegraph format " + version +
                                "; this build reads format " +
                                std::to_string(keys::kFormatVersion));
  }
  *out = std::move(impl);
  return Status::OK();
}

}  // namespace

Status Store::Open(const std::string& path, const OpenOptions& options,
                   std::unique_ptr<Store>* store) {
  std::unique_ptr<Impl> impl;
  TIEGRAPH_RETURN_IF_ERROR(OpenImpl(path, options, &impl));
  store->reset(new Store(std::move(impl)));
  return Status::OK();
}

Status Store::Refresh() {
  // A writer sees every commit already: no other process can have written.
  if (!impl_->read_only) return Status::OK();
  std::unique_ptr<Impl> fresh;
  TIEGRAPH_RETURN_IF_ERROR(OpenImpl(impl_->path, impl_->options, &fresh));
  // Snapshots taken before hold the old database open until they go.
  std::lock_guard<std::mutex> lock(impl_->reopen_mu);
  impl_->db = std::move(fresh->db);
  impl_->cf = fresh->cf;
  return Status::OK();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
const std::string& Store::path() const { return impl_->path; }

}  // namespace tiegraph
