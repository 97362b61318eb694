// The rules every record meets on its way in, whatever it was read from: fields within the
// limits (FieldLimits), no tie from an institution to itself, no realized tie begun in the
// future. The readers check their own syntax before; Store::Write checks what needs the whole
// input and the database after (keys new, endpoints known).
#ifndef TIEGRAPH_QUERY_RECORD_CHECKS_H_
#define TIEGRAPH_QUERY_RECORD_CHECKS_H_

#include <optional>
#include <string>

#include <tiegraph/import.h>
#include <tiegraph/model.h>

namespace tiegraph {

// How errors name a record's fields: as CSV columns and the CLI's options do
// ("evidence_quote", a property by its name) or as JSON does ("evidence[1].quote",
// "properties.founded"). Both use the model's names for the rest (docs/FORMATS.md).
enum class FieldStyle { kCsv, kJson };

// A rule a record breaks: the field, as `style` names it, and what is wrong with it.
struct Breach {
  std::string field, what;
};

class RecordChecks {
 public:
  explicit RecordChecks(const ImportOptions& options);
  // The first rule the record breaks, if any.
  std::optional<Breach> Check(const Institution& in, FieldStyle style) const;
  std::optional<Breach> Check(const Event& ev, FieldStyle style) const;
  std::optional<Breach> Check(const Tie& t, FieldStyle style) const;

 private:
  FieldLimits limits_;
  bool allow_self_loops_;
  Date today_;         // for the message
  Date latest_start_;  // the latest day a realized tie may begin
};

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_RECORD_CHECKS_H_
