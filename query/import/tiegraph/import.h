// Import: reading institutions, events and ties from files into a Store, all or nothing.
//
// Formats (docs/FORMATS.md):
//   csv    institutions, ties and events files, columns mapped by header name
//   jsonl  one record per line, as `dump` writes it
//   seed   the curated seed-network JSON (shared/data/seed-network.json)
//   graphml, gexf  graphs written by Gephi, yEd, networkx, igraph or tiegraph's own export:
//          nodes become institutions and edges ties, attributes fields or typed properties
#ifndef TIEGRAPH_IMPORT_H_
#define TIEGRAPH_IMPORT_H_

#include <functional>
#include <string>
#include <vector>

#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

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

struct ImportOptions {
  bool dry_run = false;  // validate everything, write nothing
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
  WriteSummary summary;
  double read_seconds = 0;   // parsing and field validation
  double write_seconds = 0;  // cross-record validation and the atomic commit
};

// Parses the files into one dataset. Errors name the file, the line (or JSON path) and field;
// every bad row is reported, up to options.max_errors, one a line.
// `errors_for`, when given, learns to name records and fields as the files do: its `locate`
// gives where each record came from ("ties.csv:12"), its `field_name` the file's name for a
// field (a seed file's "id" for a key), so that Store::Write's errors point into the input.
Status ReadInputs(const std::vector<InputFile>& files, const ImportOptions& options, Dataset* out,
                  WriteOptions* errors_for = nullptr);

// Reads the files and writes them to `store` in one atomic step.
Status Import(Store* store, const std::vector<InputFile>& files, const ImportOptions& options,
              ImportReport* report = nullptr);

// Writes records made in code (the CLI's `add`) in one atomic step, held to the rules records
// read from files are held to; options.write.locate names them in errors.
Status ImportRecords(Store* store, const Dataset& data, const ImportOptions& options,
                     ImportReport* report = nullptr);

}  // namespace tiegraph

#endif  // TIEGRAPH_IMPORT_H_
