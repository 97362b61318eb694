// Import: reading institutions, events and ties from files into a Store, all or nothing.
//
// Formats (docs/FORMATS.md):
//   csv    institutions, ties and events files, columns mapped by header name
//   jsonl  one record per line, as `dump` writes it
//   seed   the curated seed-network JSON (shared/data/seed-network.json)
#ifndef TIEGRAPH_IMPORT_H_
#define TIEGRAPH_IMPORT_H_

#include <functional>
#include <string>
#include <vector>

#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

enum class InputFormat { kAuto, kCsvInstitutions, kCsvTies, kCsvEvents, kJsonl, kSeed };

struct InputFile {
  std::string path;
  // kAuto decides by extension (.jsonl, .json = seed) and, for .csv, by the header: a file
  // with `source` and `target` columns holds ties, one with `participants` events, otherwise
  // institutions.
  InputFormat format = InputFormat::kAuto;
};

struct ImportOptions {
  bool dry_run = false;  // validate everything, write nothing
  // Called now and then while reading, with bytes read so far and the total. Default: none.
  std::function<void(size_t done, size_t total)> progress;
  WriteOptions write;  // `locate` and `dry_run` are set by Import
};

struct ImportReport {
  WriteSummary summary;
  double read_seconds = 0;   // parsing and field validation
  double write_seconds = 0;  // cross-record validation and the atomic commit
};

// Parses the files into one dataset. Errors name the file, the line (or JSON path) and field.
// `errors_for`, when given, learns to name records and fields as the files do: its `locate`
// gives where each record came from ("ties.csv:12"), its `field_name` the file's name for a
// field (a seed file's "id" for a key), so that Store::Write's errors point into the input.
Status ReadInputs(const std::vector<InputFile>& files, const ImportOptions& options, Dataset* out,
                  WriteOptions* errors_for = nullptr);

// Reads the files and writes them to `store` in one atomic step.
Status Import(Store* store, const std::vector<InputFile>& files, const ImportOptions& options,
              ImportReport* report = nullptr);

}  // namespace tiegraph

#endif  // TIEGRAPH_IMPORT_H_
