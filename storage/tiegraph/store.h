// Store: the RocksDB-backed database of institutions, ties and events.
//
//   std::unique_ptr<tiegraph::Store> store;
//   tiegraph::Status s = tiegraph::Store::Open("/path/db", {}, &store);
//   auto snap = store->Read();                 // consistent view
//   auto ktl = snap->Resolve("한국산업기술시험원");
//
// Thread safety: a Store may be shared; Write calls are serialised internally. A Snapshot is
// immutable and may be read from several threads, and may outlive its Store.
//
// Several processes may read one database at once, and one of them may write it. A reader
// (OpenOptions::read_only) sees the database as it was when opened until it calls Refresh.
#ifndef TIEGRAPH_STORE_H_
#define TIEGRAPH_STORE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/history.h>
#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/tie_types.h>

namespace tiegraph {

struct OpenOptions {
  // Create an empty database when the directory holds none. Default: false.
  bool create_if_missing = false;
  // Refuse a directory that already holds a database (InvalidArgument "… already exists"), so
  // that creating one never silently opens another. Default: false.
  bool error_if_exists = false;
  // Open for reading only (several readers may then share one directory). Default: false.
  bool read_only = false;
  // One process at a time may open a database for writing. While another holds it, wait up to
  // this many seconds for it to close the database, then fail with IOError "… is in use by
  // another writer". Readers never wait. Default: 0 (fail at once).
  double lock_wait_seconds = 0;
  // Block cache for records and indexes, in MiB; the cache fills only as data is read.
  // A network of 1M ties takes about 370 MiB on disk. Default: 256.
  size_t block_cache_mb = 256;
  // Commits are synced to disk before they return, so a finished write survives a power cut.
  // false: not synced, for throwaway databases (test fixtures, the conformance kit's scenarios):
  // a crash may then lose the last commits, never corrupt the database. Default: true.
  bool sync_commits = true;
};

struct WriteOptions {
  // Validate everything, write nothing. Default: false.
  bool dry_run = false;
  // Names the place a record came from, e.g. "ties.csv:12", for error messages.
  // Default: "institution #3" style positions.
  std::function<std::string(RecordKind, size_t index)> locate;
  // The input's name for a record's field ("id" where the model says "key"), for error
  // messages. Default: the model's names.
  std::function<std::string(RecordKind, size_t index, std::string_view field)> field_name;
  // Datasets with more entries than this are written as sorted tables ingested in one atomic
  // step instead of one write batch. Default: 200000.
  size_t bulk_threshold = 200000;
  // Who writes and why, recorded in the history. Default: no author, no message.
  CommitInfo commit;
  // Testing only: fail with an I/O error after this many key-value entries have been staged,
  // before anything is committed. 0 = never.
  size_t fail_after_entries = 0;
};

struct WriteSummary {
  size_t institutions = 0, events = 0, ties = 0;
  bool bulk = false;  // true when written by sorted-table ingestion
  // Where the time went, in seconds: checking the input against itself and the database,
  // ordering the index entries, and writing them (encoding, tables, ingestion or batch).
  double validate_seconds = 0, order_seconds = 0, commit_seconds = 0;
};

// One entry of a node's adjacency: a tie seen from one endpoint.
struct TieRef {
  enum class Direction : uint8_t { kUndirected = 0, kOut, kIn };
  std::string tie_key;
  std::string other;  // the other endpoint's key
  Direction direction = Direction::kUndirected;
  std::string type;
  double strength = 1.0;
  TieStatus status = TieStatus::kRealized;
  Confidence confidence = Confidence::kStated;
};

// The fields of a tie that analyses use, read without copying its texts. `type` points into
// the record and is valid only during the callback that receives it.
struct TieSummary {
  uint64_t sequence = 0;                  // the tie's number, in write order, never reused
  uint32_t source_id = 0, target_id = 0;  // node ids: see Snapshot::ForEachInstitution
  std::string_view type;
  bool directed = false;
  double strength = 1.0;
  TieStatus status = TieStatus::kRealized;
  Confidence confidence = Confidence::kStated;
  Date since, until;
};

// The fields of an institution that projections filter on, read without copying; the views
// are valid only during the callback that receives them.
struct InstitutionSummary {
  uint32_t node_id = 0;
  std::string_view key, kind, parent;
  Sector sector = Sector::kNone;
  std::vector<Sector> other_sectors;
  std::vector<std::string_view> region;
  // Whether the node is labelled Institution; its labels when they are not just that (empty
  // for the usual institution).
  bool institution = true;
  std::vector<std::string_view> labels;
};

struct Counts {
  uint64_t institutions = 0, ties = 0, events = 0;  // records stored now
  // One past the highest node id and tie sequence ever given. Deleted records leave their
  // numbers unused, so these, not the record counts, bound the ids a scan can meet.
  uint64_t next_node_id = 0, next_tie_seq = 0;
};

// What Snapshot::Check found: every index and counter compared with what the records imply.
struct CheckReport {
  Counts records;                     // the records read
  std::vector<std::string> problems;  // one line each, up to the limit asked for
  size_t more_problems = 0;           // found beyond the limit
  bool clean() const { return problems.empty(); }
};

class Snapshot;

class Store {
 public:
  // Opens (or, with create_if_missing, creates) the database at `path`. A directory that is not
  // a tiegraph database, or one written by a newer format, gives a clear error.
  static Status Open(const std::string& path, const OpenOptions& options,
                     std::unique_ptr<Store>* store);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Writes the dataset atomically: all of it or, on any error, nothing. Checks that keys are
  // new, that tie endpoints, parents and event participants exist (here or in the dataset),
  // and every field invariant. Ties without a key are assigned "#<N>", N their sequence number.
  Status Write(const Dataset& data, const WriteOptions& options, WriteSummary* summary = nullptr);

  // A consistent read view of the database as it is now.
  std::unique_ptr<Snapshot> Read() const;

  // Lets a read-only Store see what writers have committed since it was opened (or last
  // refreshed): a read-only Store otherwise keeps reading the database as it was when opened.
  // It reopens the database under the hood, which costs about what Open costs (milliseconds);
  // snapshots taken before stay valid and keep their view. Safe to call while other threads
  // Read. A read-write Store already sees every commit (it is the only writer), so for it this
  // does nothing. Errors are those of Open; the Store then reads as before.
  Status Refresh();

  const std::string& path() const;

  struct Impl;

 private:
  friend class Transaction;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// An immutable view. All reads of one Snapshot see the same state.
class Snapshot {
 public:
  ~Snapshot();
  // How many institutions, ties and events the snapshot holds; an unreadable counter is an
  // error, never 0.
  Result<Counts> GetCounts() const;

  Result<Institution> GetInstitution(std::string_view key) const;
  Result<Tie> GetTie(std::string_view key) const;
  Result<Event> GetEvent(std::string_view key) const;
  // A tie's sequence number (TieSummary::sequence) from its key, without reading the record;
  // NotFound for none.
  Result<uint64_t> TieSequence(std::string_view key) const;
  // The tie with that sequence number; NotFound for a number never given or a deleted tie.
  Result<Tie> GetTieAt(uint64_t sequence) const;

  // Keys of the institutions whose key, name or alias equals `name` after Unicode
  // normalisation (NFKC + case folding + collapsed spaces). Empty when none.
  Result<std::vector<std::string>> LookupName(std::string_view name) const;
  // Up to `limit` keys whose names contain `fragment` or are a near miss of it, best first.
  Result<std::vector<std::string>> SuggestNames(std::string_view fragment, size_t limit) const;

  // The ties of one institution, one prefix scan of the adjacency index.
  Status TiesOf(std::string_view key, std::vector<TieRef>* out) const;

  // Every tie type written so far, in the order first seen.
  Result<std::vector<std::string>> TieTypes() const;
  // The vocabulary writes canonicalise tie types with: built-in types, the user's aliases
  // (Transaction::AliasTieType) and the stored types. Filters match types through it.
  Result<TieTypeVocabulary> GetTieTypeVocabulary() const;

  // Full scans; the callback returns false to stop early. Institutions come in node-id order
  // (the order they were written in; a deleted institution's id is not reused). Events come
  // in key order, ties in the order they were written.
  Status ForEachInstitution(const std::function<bool(const Institution&)>& fn) const;
  Status ForEachEvent(const std::function<bool(const Event&)>& fn) const;
  Status ForEachTie(const std::function<bool(const Tie&)>& fn) const;
  // The same, with each tie's sequence number (TieSummary::sequence).
  Status ForEachTieWithSequence(const std::function<bool(uint64_t, const Tie&)>& fn) const;
  // The analytic view of every institution, in node-id order: the fast path for projections
  // (read from packed digests, no record decoded).
  Status ForEachInstitutionSummary(const std::function<bool(const InstitutionSummary&)>& fn) const;
  // The analytic view of the ties with sequence numbers in [begin, end) (ties are numbered
  // 0, 1, … in write order, below Counts::next_tie_seq; deleted ones are skipped), in that
  // order. Ranges may be read from several threads at once.
  Status ForEachTieSummary(const std::function<bool(const TieSummary&)>& fn, uint64_t begin = 0,
                           uint64_t end = UINT64_MAX) const;
  // The same, a block of consecutive ties per call (fewer calls for full scans).
  Status ForEachTieSummaryBatch(const std::function<bool(const TieSummary* ties, size_t count)>& fn,
                                uint64_t begin = 0, uint64_t end = UINT64_MAX) const;

  // The history (tiegraph/history.h), newest first, up to `limit` commits, without their
  // changes.
  Result<std::vector<HistoryEntry>> History(size_t limit = SIZE_MAX) const;
  // The commits that created or changed one record, newest first, each with that record's
  // change alone (a bulk write that created it comes with no change: it recorded none).
  Result<std::vector<HistoryEntry>> HistoryOf(RecordKind kind, std::string_view key,
                                              size_t limit = SIZE_MAX) const;
  // One commit with all its changes; NotFound for a number never given.
  Result<HistoryEntry> GetHistoryEntry(uint64_t id) const;

  // Verifies every index against the records: the node ids, the name index (keys, names,
  // aliases), the tie keys, the adjacency of both ends, the analytic digests, the tie-type
  // dictionary and the counters; and that every reference (tie ends, parents, event
  // participants, a tie's event) names a stored record. Reads the whole database once.
  // An error reading is the Status; what does not match goes in the report.
  Result<CheckReport> Check(size_t limit = 100) const;

  struct Impl;
  explicit Snapshot(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiegraph

#endif  // TIEGRAPH_STORE_H_
