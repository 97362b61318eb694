// Shared by the import readers: where each record came from, and how errors are worded.
#ifndef TIEGRAPH_QUERY_IMPORT_INTERNAL_H_
#define TIEGRAPH_QUERY_IMPORT_INTERNAL_H_

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/import.h>

#include "bad_rows.h"
#include "record_checks.h"

namespace tiegraph {

// How a file places its records and names their fields in errors.
enum class Naming {
  kModel,  // file:line, the model's field names (CSV, JSON Lines)
  kSeed,   // file: $.ties[i], the seed format's names (SeedFieldName)
  kXml,    // file:line of the element, "id" for the key (GraphML, GEXF)
};

// Records' origins: file index and line (for seed JSON, the index in its array).
struct Origins {
  struct At {
    uint32_t file;
    uint32_t line;
    FieldMask given = kAllFields;  // the fields the record states (tiegraph/import.h)
  };
  std::vector<std::string> files;
  std::vector<Naming> naming;              // per file
  std::array<std::vector<At>, 3> records;  // by RecordKind

  std::string Describe(RecordKind kind, size_t index) const;
  // The input's name for a model field of the record ("id" for "key" in a seed file).
  std::string FieldName(RecordKind kind, size_t index, std::string_view field) const;
};

// The seed format's name for a model field ("id" for "key"; docs/FORMATS.md).
std::string SeedFieldName(RecordKind kind, std::string_view field);

// "field 'f': what", the form readers give a field's error in; OK for none.
Status AsStatus(const std::optional<Breach>& breach);

// A reader adds each good record to `out` (and says so with Added) and each bad one to `bad`,
// then reads on: a row's error leaves the rows after it to be checked. Every record read is
// held to `checks` before it is added.
struct ReadContext {
  Dataset* out;
  Origins* origins;
  BadRows* bad;
  const RecordChecks* checks;
  uint32_t file;
  const std::string& path;
  // Reports how many bytes of this file have been read; may be empty.
  std::function<void(size_t bytes)> progress;
  // `given`: the fields the record states, for a re-import's update (docs/FORMATS.md).
  void Added(RecordKind kind, size_t line, FieldMask given = kAllFields) {
    origins->records[static_cast<int>(kind)].push_back({file, static_cast<uint32_t>(line), given});
  }
  // "path:line: field 'f': what"
  Status Error(size_t line, std::string_view field, const std::string& what) const;
  // "path:line: what"
  Status Error(size_t line, const std::string& what) const;
};

// ReadInputs, also giving the records' origins (and so which fields each states).
Status ReadInputFiles(const std::vector<InputFile>& files, const ImportOptions& options,
                      Dataset* out, WriteOptions* errors_for, std::shared_ptr<Origins>* origins);

// Checks what applying `plan` would write, naming input records as the plan does: the new
// records by a dry run of the write that creates them, the changed ones' references (parent,
// event, participants). Only with options.dry_run or when records change: a plan of new
// records alone is checked by its write.
Status ValidatePlan(Store* store, const Snapshot& snap, const ImportOptions& options,
                    const ImportPlan& plan);

// The bits of each kind's fields in a FieldMask, in RecordFields(kind) order.
struct InstitutionFields {
  enum : FieldMask {
    kName = 1u << 0,
    kAliases = 1u << 1,
    kSector = 1u << 2,
    kOtherSectors = 1u << 3,
    kKind = 1u << 4,
    kForeign = 1u << 5,
    kRegion = 1u << 6,
    kParent = 1u << 7,
    kEvidence = 1u << 8,
    kLabels = 1u << 9,
  };
};
struct TieFields {
  enum : FieldMask {
    kSource = 1u << 0,
    kTarget = 1u << 1,
    kType = 1u << 2,
    kDirected = 1u << 3,
    kStrength = 1u << 4,
    kStatus = 1u << 5,
    kConfidence = 1u << 6,
    kSince = 1u << 7,
    kUntil = 1u << 8,
    kEvent = 1u << 9,
    kRole = 1u << 10,
    kEvidence = 1u << 11,
  };
};
struct EventFields {
  enum : FieldMask {
    kName = 1u << 0,
    kType = 1u << 1,
    kDate = 1u << 2,
    kParticipants = 1u << 3,
    kEvidence = 1u << 4,
  };
};

// Each reader returns an error only when it cannot go on (a file it cannot read); bad rows and
// bad files go to ctx.bad.
Status ReadCsvInstitutions(ReadContext& ctx, std::string_view text);
Status ReadCsvTies(ReadContext& ctx, std::string_view text);
Status ReadCsvEvents(ReadContext& ctx, std::string_view text);
Status ReadJsonl(ReadContext& ctx, std::string_view text);
Status ReadSeed(ReadContext& ctx, std::string_view text);
Status ReadGraphml(ReadContext& ctx, std::string_view text);
Status ReadGexf(ReadContext& ctx, std::string_view text);

// The header name of the CSV column holding byte `offset` of `text`, or "" if none does.
std::string CsvColumnAt(std::string_view text, size_t offset);

// Splits "a|b|c" into trimmed, non-empty parts.
std::vector<std::string> SplitList(std::string_view text, char sep);
std::string_view Trim(std::string_view s);

// Values as text: booleans (true/false/yes/no/1/0, also True and TRUE), finite numbers,
// integers. Each is false for anything else, the empty text included.
bool ParseBool(std::string_view s, bool* out);
bool ParseNumber(std::string_view s, double* out);
bool ParseInteger(std::string_view s, int64_t* out);

// The type a property's values are read as: a CSV column's ":int" suffix, a GraphML key's
// attr.type, a GEXF attribute's type.
enum class PropertyType { kString, kInt, kFloat, kBool, kDate };
// `text` as a value of `type`; an error says what is wrong with the text ("'x' is not an
// integer"), and the caller names the field. Text is taken as it is: trim it first if need be.
Result<PropertyValue> ParsePropertyValue(std::string_view text, PropertyType type);

// Lines and columns of byte offsets in a text, as an editor shows them: both from 1, columns
// in characters (UTF-8 code points), not bytes.
class TextLines {
 public:
  explicit TextLines(std::string_view text);
  size_t Line(size_t offset) const;
  size_t Column(size_t offset) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;  // the offset each line starts at
};

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_IMPORT_INTERNAL_H_
