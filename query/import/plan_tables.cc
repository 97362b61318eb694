// An import plan for people and programs: its counts and its changed records as tables, and
// a one-line summary.
#include <tiegraph/import.h>
#include <tiegraph/table.h>
#include <tiegraph/vocabulary.h>

#include "import_internal.h"

namespace tiegraph {

namespace {

constexpr RecordKind kKinds[] = {RecordKind::kInstitution, RecordKind::kEvent, RecordKind::kTie};

}  // namespace

std::vector<Table> PlanTables(const ImportPlan& plan, size_t max_listed) {
  Table counts(
      "import_plan",
      "import plan (records already stored: " + std::string(OnExistingName(plan.on_existing)) + ")",
      {{"kind", ColumnType::kString},
       {"new", ColumnType::kInt},
       {"changed", ColumnType::kInt},
       {"unchanged", ColumnType::kInt},
       {"skipped", ColumnType::kInt}});
  for (RecordKind kind : kKinds) {
    const ImportPlan::Counts& c = plan.of(kind);
    counts.AddRow({std::string(RecordKindName(kind, true)), static_cast<int64_t>(c.added),
                   static_cast<int64_t>(c.changed), static_cast<int64_t>(c.unchanged),
                   static_cast<int64_t>(c.skipped)});
  }
  Table changes("import_changes",
                plan.on_existing == OnExisting::kSkip ? "records stored and different, skipped"
                                                      : "records changed",
                {{"kind", ColumnType::kString},
                 {"key", ColumnType::kString},
                 {"action", ColumnType::kString},
                 {"at", ColumnType::kString},
                 {"fields", ColumnType::kString}});
  const size_t total = plan.changes.size();
  if (total > max_listed) {
    changes.note = "the first " + std::to_string(max_listed) + " of " + std::to_string(total);
  }
  for (size_t n = 0; n < total && n < max_listed; ++n) {
    const PlannedChange& c = plan.changes[n];
    std::string fields;
    for (const std::string& f : c.fields) fields += (fields.empty() ? "" : ", ") + f;
    changes.AddRow({std::string(RecordKindName(c.kind)), c.key,
                    std::string(PlanActionName(c.action)),
                    plan.locate ? plan.locate(c.kind, c.index) : std::string(), fields});
  }
  return {counts, changes};
}

std::string PlanSummary(const ImportPlan& plan) {
  std::string out;
  for (RecordKind kind : kKinds) {
    const ImportPlan::Counts& c = plan.of(kind);
    if (c.total() == 0) continue;
    std::string parts;
    const std::pair<size_t, const char*> counted[] = {{c.added, " new"},
                                                      {c.changed, " changed"},
                                                      {c.unchanged, " unchanged"},
                                                      {c.skipped, " skipped"}};
    for (const auto& [n, what] : counted) {
      if (n > 0) parts += (parts.empty() ? "" : ", ") + std::to_string(n) + what;
    }
    out += (out.empty() ? "" : "; ") + std::string(RecordKindName(kind, true)) + " " + parts;
  }
  return out.empty() ? "no records" : out;
}

}  // namespace tiegraph
