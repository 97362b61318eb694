// Atomic commit of staged entries: a WriteBatch for small writes; for large ones, one sorted
// table per column family, ingested together (RocksDB ingests a multi-family set atomically).
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "storage/store_impl.h"

namespace tiegraph {
namespace {
namespace fs = std::filesystem;

Status CommitBatch(Store::Impl* s, StagedWrite* staged, const WriteOptions& options) {
  rocksdb::WriteBatch batch;
  size_t n = 0;
  for (int f = 0; f < keys::kFamilyCount; ++f) {
    for (const auto& [k, v] : staged->entries[f]) {
      if (options.fail_after_entries && ++n > options.fail_after_entries) {
        return Status::IOError("injected failure after " +
                               std::to_string(options.fail_after_entries) + " entries");
      }
      auto st = batch.Put(s->cf[f], k, v);
      if (!st.ok()) return FromRocks(st, "staging a write");
    }
  }
  rocksdb::WriteOptions wo;
  wo.sync = true;  // a finished import survives a power cut
  return FromRocks(s->db->Write(wo, &batch), "writing to " + s->path);
}

// Writes one family's entries, sorted, into `file`. `written` counts entries across threads
// for the failure-injection hook.
Status WriteTable(Store::Impl* s, int family, std::vector<std::pair<std::string, std::string>>* e,
                  const std::string& file, const WriteOptions& options,
                  std::atomic<size_t>* written) {
  auto less = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (!std::is_sorted(e->begin(), e->end(), less)) std::sort(e->begin(), e->end(), less);
  // The table must be built with the family's options (its table format and filters).
  rocksdb::ColumnFamilyDescriptor desc;
  auto st = s->cf[family]->GetDescriptor(&desc);
  if (!st.ok()) return FromRocks(st, "reading column family options");
  rocksdb::Options table_options(rocksdb::DBOptions{}, desc.options);
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), table_options, s->cf[family]);
  st = writer.Open(file);
  if (!st.ok()) return FromRocks(st, "creating " + file);
  for (const auto& [k, v] : *e) {
    if (options.fail_after_entries && ++*written > options.fail_after_entries) {
      return Status::IOError("injected failure after " +
                             std::to_string(options.fail_after_entries) + " entries");
    }
    st = writer.Put(k, v);
    if (!st.ok()) return FromRocks(st, "writing " + file);
  }
  return FromRocks(writer.Finish(), "finishing " + file);
}

Status CommitTables(Store::Impl* s, StagedWrite* staged, const WriteOptions& options) {
  // Tables are built next to the database so that ingestion moves rather than copies them.
  const fs::path dir = fs::path(s->path) / ("ingest-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir.string() + ": " + ec.message());

  std::vector<int> families;
  for (int f = 0; f < keys::kFamilyCount; ++f) {
    if (!staged->entries[f].empty()) families.push_back(f);
  }
  // Largest first, shared by two workers: the adjacency table (twice the ties) dominates.
  std::sort(families.begin(), families.end(), [&](int a, int b) {
    return staged->entries[a].size() > staged->entries[b].size();
  });
  std::vector<Status> results(keys::kFamilyCount);
  std::atomic<size_t> next{0}, written{0};
  auto work = [&]() {
    for (size_t i; (i = next.fetch_add(1)) < families.size();) {
      int f = families[i];
      results[f] = WriteTable(s, f, &staged->entries[f],
                              (dir / (std::string(keys::FamilyName(f)) + ".sst")).string(),
                              options, &written);
    }
  };
  std::thread helper(work);
  work();
  helper.join();

  Status status;
  for (int f : families) {
    if (!results[f].ok()) {
      status = results[f];
      break;
    }
  }
  if (status.ok()) {
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (int f : families) {
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = s->cf[f];
      arg.external_files = {(dir / (std::string(keys::FamilyName(f)) + ".sst")).string()};
      arg.options.move_files = true;
      args.push_back(std::move(arg));
    }
    status = FromRocks(s->db->IngestExternalFiles(args), "ingesting into " + s->path);
  }
  fs::remove_all(dir, ec);
  return status;
}

}  // namespace

Status CommitStaged(Store::Impl* s, StagedWrite* staged, const WriteOptions& options,
                    bool* used_bulk) {
  *used_bulk = staged->Size() > options.bulk_threshold;
  return *used_bulk ? CommitTables(s, staged, options) : CommitBatch(s, staged, options);
}

}  // namespace tiegraph
