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

namespace {

// Counts a record's texts against the ceilings (kMaxRecordTextBytes, kMaxRecordListEntries,
// kMaxRecordBytes), naming the field of the first one past.
class SizeCheck {
 public:
  std::optional<FieldProblem> Text(std::string_view field, std::string_view text) {
    total_ += text.size();
    if (text.size() > kMaxRecordTextBytes) {
      return FieldProblem{std::string(field), "is " + std::to_string(text.size()) +
                                                  " bytes long; the store's limit is " +
                                                  std::to_string(kMaxRecordTextBytes)};
    }
    if (total_ > kMaxRecordBytes) {
      return FieldProblem{std::string(field),
                          "takes the record's texts past the store's limit of " +
                              std::to_string(kMaxRecordBytes) + " bytes"};
    }
    return std::nullopt;
  }
  template <typename List>
  std::optional<FieldProblem> Entries(std::string_view field, const List& list) {
    if (list.size() <= kMaxRecordListEntries) return std::nullopt;
    return FieldProblem{std::string(field), "has " + std::to_string(list.size()) +
                                                " entries; the store's limit is " +
                                                std::to_string(kMaxRecordListEntries)};
  }
  std::optional<FieldProblem> Texts(std::string_view field, const std::vector<std::string>& list) {
    if (auto bad = Entries(field, list)) return bad;
    for (const auto& t : list) {
      if (auto bad = Text(field, t)) return bad;
    }
    return std::nullopt;
  }
  std::optional<FieldProblem> Evidence(const std::vector<tiegraph::Evidence>& evidence) {
    if (auto bad = Entries("evidence", evidence)) return bad;
    for (const auto& e : evidence) {
      for (std::string_view t : {e.source, e.quote, e.url}) {
        if (auto bad = Text("evidence", t)) return bad;
      }
    }
    return std::nullopt;
  }

 private:
  size_t total_ = 0;
};

std::optional<FieldProblem> CheckProperties(const std::vector<Property>& properties,
                                            SizeCheck* sizes) {
  if (auto bad = sizes->Entries("properties", properties)) return bad;
  for (const Property& prop : properties) {
    if (prop.name.empty()) return FieldProblem{"property", "has an empty name"};
    if (!CheckText(prop.name).ok()) return FieldProblem{"property", "has a non-UTF-8 name"};
    if (auto bad = sizes->Text("property", prop.name)) return bad;
    if (const auto* s = std::get_if<std::string>(&prop.value)) {
      if (!CheckText(*s).ok()) return FieldProblem{prop.name, "is not valid UTF-8"};
      if (auto bad = sizes->Text(prop.name, *s)) return bad;
    }
    if (const auto* l = std::get_if<PropertyList>(&prop.value)) {
      if (auto bad = sizes->Entries(prop.name, l->items)) return bad;
      for (const auto& item : l->items) {
        if (item.index() != l->items.front().index())
          return FieldProblem{prop.name, "mixes types in one list"};
        if (const auto* s = std::get_if<std::string>(&item)) {
          if (!CheckText(*s).ok()) return FieldProblem{prop.name, "is not valid UTF-8"};
          if (auto bad = sizes->Text(prop.name, *s)) return bad;
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<FieldProblem> CheckLabels(const Institution& in) {
  if (in.labels.size() > kMaxRecordListEntries) return SizeCheck().Entries("labels", in.labels);
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
  SizeCheck sizes;
  return CheckProperties(in.properties, &sizes);
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
  SizeCheck sizes;
  if (auto bad = sizes.Text("name", in.name)) return bad;
  if (auto bad = sizes.Texts("aliases", in.aliases)) return bad;
  if (auto bad = sizes.Texts("region", in.region)) return bad;
  if (auto bad = sizes.Entries("other_sectors", in.other_sectors)) return bad;
  if (auto bad = sizes.Text("kind", in.kind)) return bad;
  if (auto bad = sizes.Evidence(in.evidence)) return bad;
  return CheckProperties(in.properties, &sizes);
}

std::optional<FieldProblem> CheckTieFields(const Tie& t) {
  if (!std::isfinite(t.strength) || t.strength < 0)
    return FieldProblem{"strength", "must be a finite number >= 0"};
  if (t.type.empty() || !CheckText(t.type).ok())
    return FieldProblem{"type", "is empty or not UTF-8"};
  if (EndsBeforeStart(t.since, t.until))
    return FieldProblem{"until", FormatDate(t.until) + " is before since " + FormatDate(t.since)};
  SizeCheck sizes;
  if (auto bad = sizes.Text("type", t.type)) return bad;
  if (auto bad = sizes.Text("role", t.role)) return bad;
  if (auto bad = sizes.Evidence(t.evidence)) return bad;
  return CheckProperties(t.properties, &sizes);
}

std::optional<FieldProblem> CheckEventFields(const Event& ev) {
  SizeCheck sizes;
  if (auto bad = sizes.Text("name", ev.name)) return bad;
  if (auto bad = sizes.Text("type", ev.type)) return bad;
  if (auto bad = sizes.Entries("participants", ev.participants)) return bad;
  for (const Participant& p : ev.participants) {
    if (auto bad = sizes.Text("participants", p.role)) return bad;
  }
  if (auto bad = sizes.Evidence(ev.evidence)) return bad;
  return CheckProperties(ev.properties, &sizes);
}

}  // namespace tiegraph
