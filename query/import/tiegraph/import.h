// Import: reading institutions, events and ties from files into a Store, all or nothing.
//
// Formats (docs/FORMATS.md):
//   csv    institutions, ties and events files, columns mapped by header name
//   jsonl  one record per line, as `dump` writes it
//   seed   the curated seed-network JSON (shared/data/seed-network.json)
//   graphml, gexf  graphs written by Gephi, yEd, networkx, igraph or tiegraph's own export:
//          nodes become institutions and edges ties, attributes fields or typed properties
//
// Re-import (docs/FORMATS.md, "Re-import"): an import is first planned against the database,
// each record found new, changed, unchanged or skipped, then applied in one atomic commit:
//
//   tiegraph::ImportOptions options;
//   options.on_existing = tiegraph::OnExisting::kUpdate;
//   tiegraph::ImportPlan plan;
//   s = tiegraph::PlanImport(store.get(), files, options, &plan);      // reads, writes nothing
//   if (s.ok()) s = tiegraph::ApplyImport(store.get(), plan, options);  // or Import() for both
#ifndef TIEGRAPH_IMPORT_H_
#define TIEGRAPH_IMPORT_H_

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

class Table;  // tiegraph/table.h

enum class InputFormat {
  kAuto,
  kCsvInstitutions,
  kCsvTies,
  kCsvEvents,
  kJsonl,
  kSeed,
  kGraphml,
  kGexf
};

struct InputFile {
  std::string path;
  // kAuto decides by extension (.jsonl, .json = seed, .graphml, .gexf, and .xml by its root
  // element) and, for .csv, by the header: a file with `source` and `target` columns holds
  // ties, one with `participants` events, otherwise institutions.
  InputFormat format = InputFormat::kAuto;
};

// How large one record's fields may be (docs/FORMATS.md, "Limits"). A field past its limit is
// an input error naming the file, the line and the field: the defaults leave room for any real
// institution and stop a runaway field (an unclosed quote, a document pasted into a cell)
// before it reaches the database, where every name is indexed.
struct FieldLimits {
  // Keys, and the keys records name (source, target, parent, event, participants). The store
  // refuses keys over 512 bytes whatever this says. Default: 512.
  size_t key_bytes = 512;
  // Every other short text: names, aliases, sectors, kinds, types, roles, region levels,
  // property names, evidence sources and URLs. Default: 4 KiB.
  size_t text_bytes = 4 << 10;
  // Long texts: evidence quotes and string property values. Default: 64 KiB.
  size_t long_text_bytes = 64 << 10;
  // Aliases of one institution. Default: 100.
  size_t aliases = 100;
  // Entries of every other list of one record: region levels, other sectors, properties,
  // evidence, participants. Default: 1000.
  size_t list_items = 1000;
};

// What an import does with a record the database already holds: one with the same key, or,
// for a tie without a key, the same identity (its ends, type, since and direction; see
// docs/FORMATS.md, "Re-import"). Records the input does not name are never deleted.
enum class OnExisting {
  kError,    // refuse the whole import, naming each such record (the default)
  kSkip,     // keep the stored record as it is; the input's is ignored
  kUpdate,   // the fields the input gives replace the stored ones; the others stay
  kReplace,  // the input's record replaces the stored one whole (a tie keeps its key and ends)
};
std::string_view OnExistingName(OnExisting mode);  // "error", "skip", "update", "replace"
Result<OnExisting> ParseOnExisting(std::string_view text);

struct ImportOptions {
  bool dry_run = false;  // validate everything, write nothing
  // What to do with records already in the database. Default: kError.
  OnExisting on_existing = OnExisting::kError;
  FieldLimits limits;
  // Keep ties from an institution to itself. The data model holds them, but the analyses leave
  // them out, so in input they are most likely a mistake. Default: false (an input error).
  bool allow_self_loops = false;
  // A realized tie may begin at most this many days after `today`: analyses take the latest
  // realized tie's start as "now" (docs/GAPS.md), so one misdated tie would age every other.
  // Planned and proposed ties may begin at any date. Default: 7.
  int future_days = 7;
  // Today, for that check. Default (unknown): the system clock's date, in UTC.
  Date today;
  // Bad rows reported before the rest are only counted ("… and 12 more bad rows"). Every
  // file is read to its end either way, and nothing is written. Default: 20.
  size_t max_errors = 20;
  // Called now and then while reading, with bytes read so far and the total. Default: none.
  std::function<void(size_t done, size_t total)> progress;
  WriteOptions write;  // `locate` and `dry_run` are set by Import
};

struct ImportReport {
  WriteSummary summary;      // the records created (by a bulk write) and where its time went
  double read_seconds = 0;   // parsing and field validation
  double plan_seconds = 0;   // matching the input against the database (PlanImport)
  double write_seconds = 0;  // cross-record validation and the atomic commit
  uint64_t commit = 0;       // the commit's number (Snapshot::History); 0: nothing written
};

// Which fields of a record its input gives (docs/FORMATS.md, "Re-import"): bit i stands for
// RecordFields(kind)[i]. Properties are given one by one, by name: those the record holds.
using FieldMask = uint32_t;
inline constexpr FieldMask kAllFields = ~FieldMask{0};
// The names of a kind's fields in bit order, as the model names them (docs/FORMATS.md); the key
// is not among them.
const std::vector<std::string_view>& RecordFields(RecordKind kind);

// What an import does with one input record.
enum class PlanAction : uint8_t {
  kNew,        // no such record: created
  kChanged,    // stored, and the input changes these fields (update, replace)
  kUnchanged,  // stored, and the input would change nothing
  kSkipped,    // stored and different, kept as it is (skip)
};
std::string_view PlanActionName(PlanAction action);  // "new", "changed", "unchanged", "skipped"

// An input record that is already stored and differs from it.
struct PlannedChange {
  RecordKind kind = RecordKind::kInstitution;
  size_t index = 0;  // in the input's records of its kind (ImportPlan::input)
  std::string key;   // the stored record's key (a tie without a key takes its match's)
  PlanAction action = PlanAction::kChanged;  // kChanged or kSkipped
  // The fields that change (or, skipped, that differ), by the model's names; a property as
  // "properties.NAME".
  std::vector<std::string> fields;
};

// An import planned against one state of the database, ready to apply.
struct ImportPlan {
  struct Counts {
    size_t added = 0, changed = 0, unchanged = 0, skipped = 0;  // added: the new ones
    size_t total() const { return added + changed + unchanged + skipped; }
  };

  OnExisting on_existing = OnExisting::kError;
  // The records read, and which fields each gives (empty: every field). PlanImport reads
  // them; an embedder planning records made in code fills them and calls PlanRecords.
  Dataset input;
  std::array<std::vector<FieldMask>, 3> given;  // by RecordKind
  // Where input records came from ("ties.csv:12") and the input's name for a field; set by
  // PlanImport, optional for PlanRecords.
  std::function<std::string(RecordKind, size_t index)> locate;
  std::function<std::string(RecordKind, size_t index, std::string_view field)> field_name;

  // What planning found.
  std::array<Counts, 3> counts;                    // by RecordKind
  std::array<std::vector<PlanAction>, 3> actions;  // each input record's, by RecordKind
  std::vector<PlannedChange> changes;              // changed and skipped records, in order
  // The changed records (kChanged, not kSkipped) as they will be stored, in `changes` order,
  // and as the plan found them.
  Dataset after, before;
  uint64_t last_commit = 0;  // the newest commit when planned: applying checks it still is

  const Counts& of(RecordKind kind) const { return counts[static_cast<int>(kind)]; }
  // Does applying write anything (a record new or changed)?
  bool writes() const;
};

// Reads the files (as ReadInputs) and plans them against the database as it is now, with
// options.on_existing. With kError, records already stored are the error, each named (up to
// options.max_errors). The records the plan would write are checked here (as a write checks
// them, errors naming the input's lines) when options.dry_run or when records change; a plan
// of new records alone is checked by ApplyImport's write, with the same messages.
Status PlanImport(Store* store, const std::vector<InputFile>& files, const ImportOptions& options,
                  ImportPlan* plan, ImportReport* report = nullptr);
// Plans plan->input (with plan->given, plan->locate) against the database.
Status PlanRecords(Store* store, const ImportOptions& options, ImportPlan* plan);

// Writes the plan in one atomic commit: only new records, by the bulk write path (Store::Write);
// any change, by one Transaction (tiegraph/transaction.h) recording each record's before and
// after. A plan that writes nothing commits nothing. Refused (InvalidArgument) when another
// commit came after the plan was made: plan again.
Status ApplyImport(Store* store, const ImportPlan& plan, const ImportOptions& options,
                   ImportReport* report = nullptr);

// The plan as tables (docs/FORMATS.md, "Re-import"): `import_plan`, counts per kind, and
// `import_changes`, the changed and skipped records with their fields (the first `max_listed`;
// the note gives how many there are).
std::vector<Table> PlanTables(const ImportPlan& plan, size_t max_listed = SIZE_MAX);
// One line: "institutions 2 new, 1 changed, 70 unchanged; events 7 unchanged; ties …".
std::string PlanSummary(const ImportPlan& plan);

// Parses the files into one dataset. Errors name the file, the line (or JSON path) and field;
// every bad row is reported, up to options.max_errors, one a line.
// `errors_for`, when given, learns to name records and fields as the files do: its `locate`
// gives where each record came from ("ties.csv:12"), its `field_name` the file's name for a
// field (a seed file's "id" for a key), so that Store::Write's errors point into the input.
Status ReadInputs(const std::vector<InputFile>& files, const ImportOptions& options, Dataset* out,
                  WriteOptions* errors_for = nullptr);

// Reads the files and writes them to `store` in one atomic step: PlanImport, then (unless
// options.dry_run) ApplyImport.
Status Import(Store* store, const std::vector<InputFile>& files, const ImportOptions& options,
              ImportReport* report = nullptr);

// Writes records made in code (the CLI's `add`) in one atomic step, held to the rules records
// read from files are held to; options.write.locate names them in errors.
Status ImportRecords(Store* store, const Dataset& data, const ImportOptions& options,
                     ImportReport* report = nullptr);

}  // namespace tiegraph

#endif  // TIEGRAPH_IMPORT_H_
