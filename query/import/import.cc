// Import: file detection, reading into one dataset, and the atomic write.
#include <tiegraph/import.h>

#include <tiegraph/text.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "import_internal.h"

namespace tiegraph {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitList(std::string_view text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(sep, start);
    if (end == std::string_view::npos) end = text.size();
    auto part = Trim(text.substr(start, end - start));
    if (!part.empty()) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

std::string Origins::Describe(RecordKind kind, size_t index) const {
  const auto& list = records[static_cast<int>(kind)];
  if (index >= list.size()) return "record #" + std::to_string(index + 1);
  const At& at = list[index];
  if (json_paths[at.file]) {
    const char* array = kind == RecordKind::kInstitution ? "institutions"
                        : kind == RecordKind::kEvent     ? "events"
                                                         : "ties";
    return files[at.file] + ": $." + array + "[" + std::to_string(at.line) + "]";
  }
  return files[at.file] + ":" + std::to_string(at.line);
}

std::string Origins::FieldName(RecordKind kind, size_t index, std::string_view field) const {
  const auto& list = records[static_cast<int>(kind)];
  if (index >= list.size() || !json_paths[list[index].file]) return std::string(field);
  return SeedFieldName(kind, field);
}

std::string SeedFieldName(RecordKind kind, std::string_view field) {
  if (field == "key") return "id";
  if (field == "kind") return "node_kind";
  if (field == "event") return "event_id";
  if (kind == RecordKind::kInstitution && field == "name") return "name_ko";
  if (kind == RecordKind::kEvent && field == "name") return "desc";
  return std::string(field);
}

Status AsStatus(const std::optional<Breach>& breach) {
  if (!breach) return Status::OK();
  return Status::InvalidArgument("field '" + breach->field + "': " + breach->what);
}

Status ReadContext::Error(size_t line, std::string_view field, const std::string& what) const {
  return Status::InvalidArgument(path + ":" + std::to_string(line) + ": field '" +
                                 std::string(field) + "': " + what);
}

Status ReadContext::Error(size_t line, const std::string& what) const {
  return Status::InvalidArgument(path + ":" + std::to_string(line) + ": " + what);
}

namespace {

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument(path + ": cannot open (no such file, or not readable)");
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size < 0) return Status::IOError(path + ": cannot read");
  out->resize(static_cast<size_t>(size));
  in.seekg(0);
  in.read(out->data(), size);
  if (!in) return Status::IOError(path + ": read failed");
  return Status::OK();
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Result<InputFormat> Detect(const InputFile& f, std::string_view text) {
  if (f.format != InputFormat::kAuto) return f.format;
  if (EndsWith(f.path, ".jsonl") || EndsWith(f.path, ".ndjson")) return InputFormat::kJsonl;
  if (EndsWith(f.path, ".json")) return InputFormat::kSeed;
  if (EndsWith(f.path, ".csv") || EndsWith(f.path, ".tsv")) {
    std::string_view header = text.substr(0, text.find('\n'));
    if (header.substr(0, 3) == "\xEF\xBB\xBF") header.remove_prefix(3);  // UTF-8 byte-order mark
    bool has_source = false, has_target = false, has_participants = false;
    for (const auto& col : SplitList(header, ',')) {
      std::string_view c = Trim(col);
      if (!c.empty() && c.front() == '"') c = c.substr(1, c.size() >= 2 ? c.size() - 2 : 0);
      has_source = has_source || c == "source";
      has_target = has_target || c == "target";
      has_participants = has_participants || c == "participants";
    }
    if (has_source && has_target) return InputFormat::kCsvTies;
    return has_participants ? InputFormat::kCsvEvents : InputFormat::kCsvInstitutions;
  }
  return Status::InvalidArgument(f.path +
                                 ": cannot tell the format from the name; use .csv, .jsonl or "
                                 ".json, or name the format");
}

// The 1-based line holding byte `offset`.
size_t LineOf(std::string_view text, size_t offset) {
  size_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

}  // namespace

Status ReadInputs(const std::vector<InputFile>& files, const ImportOptions& options, Dataset* out,
                  WriteOptions* errors_for) {
  return ReadInputFiles(files, options, out, errors_for, nullptr);
}

Status ReadInputFiles(const std::vector<InputFile>& files, const ImportOptions& options,
                      Dataset* out, WriteOptions* errors_for,
                      std::shared_ptr<Origins>* origins_out) {
  auto origins = std::make_shared<Origins>();
  if (files.empty()) return Status::InvalidArgument("no input files given");
  size_t total = 0, done = 0;
  for (const auto& f : files) {
    std::ifstream probe(f.path, std::ios::binary | std::ios::ate);
    if (probe) total += static_cast<size_t>(probe.tellg());
  }
  // Institutions files first, so ties may name institutions from a file given after them.
  // Every file is read to its end, so that one run reports every bad row of every file.
  BadRows bad(options.max_errors);
  const RecordChecks checks(options);
  std::vector<std::pair<InputFormat, size_t>> order;
  std::vector<std::string> texts(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    if (Status s = ReadWholeFile(files[i].path, &texts[i]); !s.ok()) {
      bad.Add(s);
      continue;
    }
    auto format = Detect(files[i], texts[i]);
    if (!format.ok()) {
      bad.Add(format.status());
      continue;
    }
    // One pass over the bytes here lets the parsers treat every field as valid UTF-8.
    if (size_t at = FindInvalidUtf8(texts[i]); at != std::string_view::npos) {
      std::string where = files[i].path + ":" + std::to_string(LineOf(texts[i], at)) + ": ";
      const bool csv = *format == InputFormat::kCsvInstitutions ||
                       *format == InputFormat::kCsvTies || *format == InputFormat::kCsvEvents;
      if (std::string column = csv ? CsvColumnAt(texts[i], at) : ""; !column.empty()) {
        where += "field '" + column + "': ";
      }
      bad.Add(Status::InvalidArgument(where + "invalid UTF-8 (byte " + std::to_string(at) +
                                      " of the file); files must be UTF-8 encoded"));
      continue;
    }
    order.emplace_back(*format, i);
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return (a.first == InputFormat::kCsvTies) < (b.first == InputFormat::kCsvTies);
  });
  for (const auto& [format, i] : order) {
    origins->files.push_back(files[i].path);
    origins->json_paths.push_back(format == InputFormat::kSeed);
    const auto file = static_cast<uint32_t>(origins->files.size() - 1);
    ReadContext ctx{out, origins.get(), &bad, &checks, file, files[i].path, {}};
    if (options.progress) {
      ctx.progress = [&, base = done](size_t bytes) { options.progress(base + bytes, total); };
    }
    std::string_view text = texts[i];
    switch (format) {
      case InputFormat::kCsvInstitutions:
        TIEGRAPH_RETURN_IF_ERROR(ReadCsvInstitutions(ctx, text));
        break;
      case InputFormat::kCsvTies:
        TIEGRAPH_RETURN_IF_ERROR(ReadCsvTies(ctx, text));
        break;
      case InputFormat::kCsvEvents:
        TIEGRAPH_RETURN_IF_ERROR(ReadCsvEvents(ctx, text));
        break;
      case InputFormat::kJsonl:
        TIEGRAPH_RETURN_IF_ERROR(ReadJsonl(ctx, text));
        break;
      case InputFormat::kSeed:
        TIEGRAPH_RETURN_IF_ERROR(ReadSeed(ctx, text));
        break;
      case InputFormat::kAuto:
        break;
    }
    done += text.size();
    if (options.progress) options.progress(done, total);
  }
  TIEGRAPH_RETURN_IF_ERROR(bad.ToStatus());
  if (errors_for) {
    errors_for->locate = [origins](RecordKind kind, size_t index) {
      return origins->Describe(kind, index);
    };
    errors_for->field_name = [origins](RecordKind kind, size_t index, std::string_view field) {
      return origins->FieldName(kind, index, field);
    };
  }
  if (origins_out) *origins_out = origins;
  return Status::OK();
}

namespace {

using Clock = std::chrono::steady_clock;

// The atomic write that ends an import; `read_start` is when reading began.
Status WriteRead(Store* store, const Dataset& data, WriteOptions write, bool dry_run,
                 Clock::time_point read_start, ImportReport* report) {
  const auto t1 = Clock::now();
  write.dry_run = dry_run;
  WriteSummary summary;
  TIEGRAPH_RETURN_IF_ERROR(store->Write(data, write, &summary));
  const auto t2 = Clock::now();
  if (report) {
    report->summary = summary;
    report->read_seconds = std::chrono::duration<double>(t1 - read_start).count();
    report->write_seconds = std::chrono::duration<double>(t2 - t1).count();
  }
  return Status::OK();
}

// Each record's first broken rule, placed by `locate` (or as "tie #3"), into `bad`.
template <typename Record>
void CheckAll(const RecordChecks& checks, const std::vector<Record>& records, RecordKind kind,
              const std::string& kind_name, const WriteOptions& write, BadRows* bad) {
  for (size_t i = 0; i < records.size(); ++i) {
    auto breach = checks.Check(records[i], FieldStyle::kCsv);
    if (!breach) continue;
    const std::string where =
        write.locate ? write.locate(kind, i) : kind_name + " #" + std::to_string(i + 1);
    bad->Add(AsStatus(breach).WithContext(where));
  }
}

}  // namespace

Status Import(Store* store, const std::vector<InputFile>& files, const ImportOptions& options,
              ImportReport* report) {
  ImportReport own;
  if (!report) report = &own;
  ImportPlan plan;
  TIEGRAPH_RETURN_IF_ERROR(PlanImport(store, files, options, &plan, report));
  if (!options.dry_run) return ApplyImport(store, plan, options, report);
  report->summary.institutions = plan.input.institutions.size();
  report->summary.events = plan.input.events.size();
  report->summary.ties = plan.input.ties.size();
  return Status::OK();
}

Status ImportRecords(Store* store, const Dataset& data, const ImportOptions& options,
                     ImportReport* report) {
  const auto t0 = Clock::now();
  const RecordChecks checks(options);
  BadRows bad(options.max_errors);
  CheckAll(checks, data.institutions, RecordKind::kInstitution, "institution", options.write, &bad);
  CheckAll(checks, data.events, RecordKind::kEvent, "event", options.write, &bad);
  CheckAll(checks, data.ties, RecordKind::kTie, "tie", options.write, &bad);
  TIEGRAPH_RETURN_IF_ERROR(bad.ToStatus());
  return WriteRead(store, data, options.write, options.dry_run, t0, report);
}

}  // namespace tiegraph
