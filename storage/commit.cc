// Atomic commit of a WritePlan: a WriteBatch for small writes; for large ones, one sorted
// table per column family, ingested together (RocksDB ingests a multi-family set atomically).
#include <rocksdb/sst_file_writer.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "store_impl.h"
#include "write_plan.h"

namespace tiegraph {
namespace {
namespace fs = std::filesystem;

// Counts entries across threads for WriteOptions::fail_after_entries.
class FailureInjector {
 public:
  explicit FailureInjector(size_t after) : after_(after) {}
  Status Tick() {
    if (after_ && written_.fetch_add(1) + 1 > after_) {
      return Status::IOError("injected failure after " + std::to_string(after_) + " entries");
    }
    return Status::OK();
  }

 private:
  size_t after_;
  std::atomic<size_t> written_{0};
};

rocksdb::Slice AsSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

Status CommitBatch(Store::Impl* s, const WritePlan& plan, const WriteOptions& options) {
  rocksdb::WriteBatch batch;
  FailureInjector injector(options.fail_after_entries);
  for (int f = 0; f < keys::kFamilyCount; ++f) {
    TIEGRAPH_RETURN_IF_ERROR(plan.Emit(f, [&](std::string_view k, std::string_view v) {
      TIEGRAPH_RETURN_IF_ERROR(injector.Tick());
      return FromRocks(batch.Put(s->cf[f], AsSlice(k), AsSlice(v)), "staging a write");
    }));
  }
  rocksdb::WriteOptions wo;
  wo.sync = s->options.sync_commits;  // a finished write survives a power cut
  return FromRocks(s->db->Write(wo, &batch), "writing to " + s->path);
}

// Writes one family's entries, already in key order, into the table `file`.
Status WriteTable(Store::Impl* s, const WritePlan& plan, int family, const std::string& file,
                  FailureInjector* injector) {
  // The table is built with the family's options (its format and filters), uncompressed:
  // compression would cost more than the import; compactions compress later.
  rocksdb::ColumnFamilyDescriptor desc;
  auto st = s->cf[family]->GetDescriptor(&desc);
  if (!st.ok()) return FromRocks(st, "reading column family options");
  rocksdb::Options table_options(rocksdb::DBOptions{}, desc.options);
  table_options.compression = rocksdb::kNoCompression;
  // Keep the pages cached: the tables are moved into the database and read soon after.
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), table_options, s->cf[family],
                                /*invalidate_page_cache=*/false);
  st = writer.Open(file);
  if (!st.ok()) return FromRocks(st, "creating " + file);
  TIEGRAPH_RETURN_IF_ERROR(plan.Emit(family, [&](std::string_view k, std::string_view v) {
    TIEGRAPH_RETURN_IF_ERROR(injector->Tick());
    return FromRocks(writer.Put(AsSlice(k), AsSlice(v)), "writing " + file);
  }));
  return FromRocks(writer.Finish(), "finishing " + file);
}

Status CommitTables(Store::Impl* s, const WritePlan& plan, const WriteOptions& options) {
  // Tables are built next to the database so that ingestion moves rather than copies them.
  const fs::path dir = fs::path(s->path) / ("ingest-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir.string() + ": " + ec.message());
  auto file_of = [&](int f) {
    return (dir / (std::string(keys::FamilyName(f)) + ".sst")).string();
  };

  std::vector<int> families;
  for (int f = 0; f < keys::kFamilyCount; ++f) {
    if (plan.EntryCount(f) > 0) families.push_back(f);
  }
  // Largest first, shared by two workers: the adjacency table (twice the ties) dominates.
  std::sort(families.begin(), families.end(),
            [&](int a, int b) { return plan.EntryCount(a) > plan.EntryCount(b); });
  std::vector<Status> results(keys::kFamilyCount);
  std::atomic<size_t> next{0};
  FailureInjector injector(options.fail_after_entries);
  auto work = [&]() {
    for (size_t i; (i = next.fetch_add(1)) < families.size();) {
      results[families[i]] = WriteTable(s, plan, families[i], file_of(families[i]), &injector);
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
      arg.external_files = {file_of(f)};
      arg.options.move_files = true;
      args.push_back(std::move(arg));
    }
    status = FromRocks(s->db->IngestExternalFiles(args), "ingesting into " + s->path);
  }
  fs::remove_all(dir, ec);
  return status;
}

}  // namespace

Status CommitPlan(Store::Impl* s, const WritePlan& plan, const WriteOptions& options,
                  bool* used_bulk) {
  *used_bulk = plan.EntryCount() > options.bulk_threshold;
  return *used_bulk ? CommitTables(s, plan, options) : CommitBatch(s, plan, options);
}

}  // namespace tiegraph
