// Import: file detection, reading into one dataset, and the atomic write.
#include <tiegraph/import.h>

#include <tiegraph/text.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
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

bool ParseBool(std::string_view s, bool* out) {
  if (s == "true" || s == "TRUE" || s == "True" || s == "yes" || s == "1") return *out = true, true;
  if (s == "false" || s == "FALSE" || s == "False" || s == "no" || s == "0")
    return *out = false, true;
  return false;
}

bool ParseNumber(std::string_view s, double* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(*out);
}

bool ParseInteger(std::string_view s, int64_t* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

Result<PropertyValue> ParsePropertyValue(std::string_view text, PropertyType type) {
  switch (type) {
    case PropertyType::kString:
      break;
    case PropertyType::kInt: {
      int64_t v;
      if (!ParseInteger(text, &v))
        return Status::InvalidArgument("'" + std::string(text) + "' is not an integer");
      return PropertyValue(v);
    }
    case PropertyType::kFloat: {
      double v;
      if (!ParseNumber(text, &v))
        return Status::InvalidArgument("'" + std::string(text) + "' is not a number");
      return PropertyValue(v);
    }
    case PropertyType::kBool: {
      bool v;
      if (!ParseBool(text, &v))
        return Status::InvalidArgument("'" + std::string(text) + "' is not true or false");
      return PropertyValue(v);
    }
    case PropertyType::kDate: {
      auto d = ParseDate(text);
      if (!d.ok()) return d.status();
      return PropertyValue(*d);
    }
  }
  return PropertyValue(std::string(text));
}

TextLines::TextLines(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    starts_.push_back(i + 1);
  }
}

size_t TextLines::Line(size_t offset) const {
  return static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                             starts_.begin());
}

size_t TextLines::Column(size_t offset) const {
  offset = std::min(offset, text_.size());
  size_t column = 1;
  for (size_t i = starts_[Line(offset) - 1]; i < offset; ++i) {
    column += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;  // lead bytes
  }
  return column;
}

std::string Origins::Describe(RecordKind kind, size_t index) const {
  const auto& list = records[static_cast<int>(kind)];
  if (index >= list.size()) return "record #" + std::to_string(index + 1);
  const At& at = list[index];
  if (naming[at.file] == Naming::kSeed) {
    const char* array = kind == RecordKind::kInstitution ? "institutions"
                        : kind == RecordKind::kEvent     ? "events"
                                                         : "ties";
    return files[at.file] + ": $." + array + "[" + std::to_string(at.line) + "]";
  }
  return files[at.file] + ":" + std::to_string(at.line);
}

std::string Origins::FieldName(RecordKind kind, size_t index, std::string_view field) const {
  const auto& list = records[static_cast<int>(kind)];
  if (index >= list.size()) return std::string(field);
  switch (naming[list[index].file]) {
    case Naming::kSeed:
      return SeedFieldName(kind, field);
    case Naming::kXml:
      return field == "key" ? "id" : std::string(field);
    case Naming::kModel:
      break;
  }
  return std::string(field);
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

// The lower-case extension of a path, with its dot: ".graphml"; "" when there is none.
std::string Extension(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(path.substr(dot));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

Result<InputFormat> Detect(const InputFile& f, std::string_view text) {
  if (f.format != InputFormat::kAuto) return f.format;
  const std::string ext = Extension(f.path);
  if (ext == ".graphml") return InputFormat::kGraphml;
  if (ext == ".gexf") return InputFormat::kGexf;
  if (ext == ".xml") {  // either: told by the root element
    const std::string_view head = text.substr(0, 4096);
    if (head.find("<graphml") != std::string_view::npos) return InputFormat::kGraphml;
    if (head.find("<gexf") != std::string_view::npos) return InputFormat::kGexf;
    return Status::InvalidArgument(f.path +
                                   ": an XML file that is neither GraphML nor GEXF (no <graphml> "
                                   "or <gexf> root element near its start)");
  }
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
                                 ": cannot tell the format from the name; use .csv, .jsonl, "
                                 ".json, .graphml or .gexf, or name the format");
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
      std::string where = files[i].path + ":" + std::to_string(TextLines(texts[i]).Line(at)) + ": ";
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
    origins->naming.push_back(format == InputFormat::kSeed ? Naming::kSeed
                              : format == InputFormat::kGraphml || format == InputFormat::kGexf
                                  ? Naming::kXml
                                  : Naming::kModel);
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
      case InputFormat::kGraphml:
        TIEGRAPH_RETURN_IF_ERROR(ReadGraphml(ctx, text));
        break;
      case InputFormat::kGexf:
        TIEGRAPH_RETURN_IF_ERROR(ReadGexf(ctx, text));
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
