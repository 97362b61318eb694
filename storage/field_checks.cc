#include "field_checks.h"

#include <algorithm>
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
  for (const Property& prop : properties) {
    if (prop.name.empty()) return FieldProblem{"property", "has an empty name"};
    if (!CheckText(prop.name).ok()) return FieldProblem{"property", "has a non-UTF-8 name"};
    if (const auto* s = std::get_if<std::string>(&prop.value); s && !CheckText(*s).ok()) {
      return FieldProblem{prop.name, "is not valid UTF-8"};
    }
    if (const auto* l = std::get_if<PropertyList>(&prop.value)) {
      for (const auto& item : l->items) {
        if (item.index() != l->items.front().index())
          return FieldProblem{prop.name, "mixes types in one list"};
        if (const auto* s = std::get_if<std::string>(&item); s && !CheckText(*s).ok())
          return FieldProblem{prop.name, "is not valid UTF-8"};
      }
    }
  }
  return std::nullopt;
}

namespace {

std::optional<FieldProblem> CheckLabels(const Institution& in) {
  for (size_t i = 0; i < in.labels.size(); ++i) {
    const std::string& l = in.labels[i];
    if (!CheckKey(l).ok())
      return FieldProblem{"labels", "has an empty, non-UTF-8 or control label"};
    if (l.size() > kMaxLabelBytes) return FieldProblem{"labels", "has a label over 256 bytes"};
    if (std::find(in.labels.begin(), in.labels.begin() + static_cast<ptrdiff_t>(i), l) !=
        in.labels.begin() + static_cast<ptrdiff_t>(i)) {
      return FieldProblem{"labels", "has '" + l + "' twice"};
    }
    if (in.is_institution() && IsSectorNodeLabel(l)) {
      return FieldProblem{"labels", "has '" + l +
                                        "', a sector's label: an institution's comes from its "
                                        "sector"};
    }
  }
  return std::nullopt;
}

// A node that is not an institution holds its key, labels and properties alone.
std::optional<FieldProblem> CheckPlainNode(const Institution& in) {
  const Institution defaults;
  if (!in.name.empty()) return FieldProblem{"name", "is an institution's field (use a property)"};
  if (!in.aliases.empty()) return FieldProblem{"aliases", "are an institution's field"};
  if (in.sector != Sector::kNone || !in.other_sectors.empty())
    return FieldProblem{"sector", "is an institution's field"};
  if (in.kind != defaults.kind && !in.kind.empty())
    return FieldProblem{"kind", "is an institution's field"};
  if (in.foreign) return FieldProblem{"foreign", "is an institution's field"};
  if (!in.region.empty()) return FieldProblem{"region", "is an institution's field"};
  if (!in.parent.empty()) return FieldProblem{"parent", "is an institution's field"};
  if (!in.evidence.empty()) return FieldProblem{"evidence", "is an institution's field"};
  return CheckProperties(in.properties);
}

}  // namespace

std::optional<FieldProblem> CheckInstitutionFields(const Institution& in) {
  if (auto bad = CheckLabels(in)) return bad;
  if (!in.is_institution()) return CheckPlainNode(in);
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
