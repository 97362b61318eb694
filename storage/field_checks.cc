#include "field_checks.h"

#include <cmath>

#include <tiegraph/text.h>
#include <tiegraph/vocabulary.h>

namespace tiegraph {

Status CheckKey(std::string_view key) {
  if (key.empty()) return Status::InvalidArgument("is empty");
  if (key.size() > 512) return Status::InvalidArgument("is longer than 512 bytes");
  if (FindInvalidUtf8(key) != std::string_view::npos) {
    return Status::InvalidArgument("is not valid UTF-8");
  }
  for (unsigned char c : key) {
    if (c < 0x20 || c == 0x7f) return Status::InvalidArgument("contains a control character");
  }
  return Status::OK();
}

Status CheckText(std::string_view text) {
  if (FindInvalidUtf8(text) != std::string_view::npos) {
    return Status::InvalidArgument("is not valid UTF-8");
  }
  return Status::OK();
}

std::optional<FieldProblem> CheckProperties(const std::vector<Property>& properties) {
  for (const auto& prop : properties) {
    if (prop.name.empty()) return FieldProblem{"property", "has an empty name"};
    if (const auto* s = std::get_if<std::string>(&prop.value); s && !CheckText(*s).ok()) {
      return FieldProblem{prop.name, "is not valid UTF-8"};
    }
  }
  return std::nullopt;
}

std::optional<FieldProblem> CheckInstitutionFields(const Institution& in) {
  if (in.name.empty()) return FieldProblem{"name", "is empty"};
  if (!CheckText(in.name).ok()) return FieldProblem{"name", "is not valid UTF-8"};
  for (const auto& a : in.aliases) {
    if (a.empty() || !CheckText(a).ok())
      return FieldProblem{"aliases", "has an empty or non-UTF-8 alias"};
  }
  for (const auto& r : in.region) {
    if (r.empty() || !CheckText(r).ok())
      return FieldProblem{"region", "has an empty or non-UTF-8 level"};
  }
  if (!CheckText(in.kind).ok()) return FieldProblem{"kind", "is not valid UTF-8"};
  if (!in.parent.empty() && in.parent == in.key)
    return FieldProblem{"parent", "is the institution itself"};
  return CheckProperties(in.properties);
}

std::optional<FieldProblem> CheckTieFields(const Tie& t) {
  if (!std::isfinite(t.strength) || t.strength < 0)
    return FieldProblem{"strength", "must be a finite number >= 0"};
  if (t.type.empty() || !CheckText(t.type).ok())
    return FieldProblem{"type", "is empty or not UTF-8"};
  if (EndsBeforeStart(t.since, t.until))
    return FieldProblem{"until", FormatDate(t.until) + " is before since " + FormatDate(t.since)};
  return CheckProperties(t.properties);
}

}  // namespace tiegraph
