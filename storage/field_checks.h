// The invariants of a record's own fields, checked wherever a record is written (a new one by
// Store::Write, a changed one by Transaction): keys, non-empty UTF-8 texts, strengths, dates.
// References to other records (ends, parents, events) are the writer's to check.
#ifndef TIEGRAPH_STORAGE_FIELD_CHECKS_H_
#define TIEGRAPH_STORAGE_FIELD_CHECKS_H_

#include <optional>
#include <string>
#include <string_view>

#include <tiegraph/model.h>
#include <tiegraph/status.h>

namespace tiegraph {

// A field at fault and what is wrong with it.
struct FieldProblem {
  std::string field, message;
};

Status CheckKey(std::string_view key);    // non-empty, UTF-8, no control character, <= 512 bytes
Status CheckText(std::string_view text);  // valid UTF-8

// All but the key and the references; sizes within the ceilings of tiegraph/model.h.
std::optional<FieldProblem> CheckInstitutionFields(const Institution& in);
std::optional<FieldProblem> CheckTieFields(const Tie& tie);
std::optional<FieldProblem> CheckEventFields(const Event& ev);

}  // namespace tiegraph

#endif  // TIEGRAPH_STORAGE_FIELD_CHECKS_H_
