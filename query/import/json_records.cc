#include "json_records.h"

#include <tiegraph/vocabulary.h>

namespace tiegraph {
namespace {

Status FieldError(std::string_view field, const std::string& what) {
  return Status::InvalidArgument("field '" + std::string(field) + "': " + what);
}

// Readers for optional fields: absent or null leaves the default.
Status GetString(const Json& j, const char* field, std::string* out, bool required = false) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    return required ? FieldError(field, "is missing") : Status::OK();
  }
  if (!it->is_string()) return FieldError(field, "must be a string");
  *out = it->get<std::string>();
  if (required && out->empty()) return FieldError(field, "is empty");
  return Status::OK();
}

Status GetBool(const Json& j, const char* field, bool* out) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return Status::OK();
  if (!it->is_boolean()) return FieldError(field, "must be true or false");
  *out = it->get<bool>();
  return Status::OK();
}

Status GetStrings(const Json& j, const char* field, std::vector<std::string>* out) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return Status::OK();
  if (!it->is_array()) return FieldError(field, "must be an array of strings");
  for (const auto& e : *it) {
    if (!e.is_string()) return FieldError(field, "must be an array of strings");
    out->push_back(e.get<std::string>());
  }
  return Status::OK();
}

Status GetDate(const Json& j, const char* field, Date* out) {
  std::string text;
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, field, &text));
  auto d = ParseDate(text);
  if (!d.ok()) return FieldError(field, d.status().message());
  *out = *d;
  return Status::OK();
}

Status GetSector(const Json& j, const char* field, Sector* out) {
  std::string text;
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, field, &text));
  auto s = ParseSector(text);
  if (!s.ok()) return FieldError(field, s.status().message());
  *out = *s;
  return Status::OK();
}

Status GetProperties(const Json& j, std::vector<Property>* out) {
  auto it = j.find("properties");
  if (it == j.end() || it->is_null()) return Status::OK();
  if (!it->is_object()) return FieldError("properties", "must be an object");
  for (auto p = it->begin(); p != it->end(); ++p) {
    Property prop;
    prop.name = p.key();
    Status s = PropertyValueFromJson(p.value(), &prop.value);
    if (!s.ok()) return FieldError("properties." + p.key(), s.message());
    out->push_back(std::move(prop));
  }
  return Status::OK();
}

Status GetEvidence(const Json& j, std::vector<Evidence>* out) {
  auto it = j.find("evidence");
  if (it == j.end() || it->is_null()) return Status::OK();
  if (!it->is_array()) return FieldError("evidence", "must be an array of objects");
  for (const auto& e : *it) {
    if (!e.is_object()) return FieldError("evidence", "must be an array of objects");
    Evidence ev;
    TIEGRAPH_RETURN_IF_ERROR(GetString(e, "source", &ev.source));
    TIEGRAPH_RETURN_IF_ERROR(GetString(e, "quote", &ev.quote));
    TIEGRAPH_RETURN_IF_ERROR(GetString(e, "url", &ev.url));
    out->push_back(std::move(ev));
  }
  return Status::OK();
}

void PutCommon(Json& j, const std::vector<Property>& props, const std::vector<Evidence>& ev) {
  if (!props.empty()) {
    Json p = Json::object();
    for (const auto& prop : props) p[prop.name] = PropertyValueToJson(prop.value);
    j["properties"] = std::move(p);
  }
  if (!ev.empty()) {
    Json list = Json::array();
    for (const auto& e : ev) {
      Json o = Json::object();
      o["source"] = e.source;
      if (!e.quote.empty()) o["quote"] = e.quote;
      if (!e.url.empty()) o["url"] = e.url;
      list.push_back(std::move(o));
    }
    j["evidence"] = std::move(list);
  }
}

}  // namespace

Json PropertyValueToJson(const PropertyValue& v) {
  return std::visit(
      [](const auto& x) -> Json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Date>) {
          return Json{{"date", FormatDate(x)}};
        } else if constexpr (std::is_same_v<T, PropertyList>) {
          Json list = Json::array();
          for (const PropertyScalar& item : x.items) {
            list.push_back(std::visit(
                [](const auto& y) { return PropertyValueToJson(PropertyValue(y)); }, item));
          }
          return list;
        } else {
          return Json(x);
        }
      },
      v);
}

Status PropertyValueFromJson(const Json& j, PropertyValue* out) {
  if (j.is_array()) {
    // A list of scalars of one type (the store refuses a mix).
    PropertyList list;
    for (const Json& item : j) {
      PropertyValue v;
      if (item.is_array()) return Status::InvalidArgument("a list property holds no lists");
      TIEGRAPH_RETURN_IF_ERROR(PropertyValueFromJson(item, &v));
      list.items.push_back(std::visit(
          [](auto&& x) -> PropertyScalar {
            if constexpr (std::is_same_v<std::decay_t<decltype(x)>, PropertyList>) {
              return std::string();  // unreachable: nested lists are refused above
            } else {
              return std::move(x);
            }
          },
          std::move(v)));
    }
    *out = std::move(list);
  } else if (j.is_string())
    *out = j.get<std::string>();
  else if (j.is_boolean())
    *out = j.get<bool>();
  else if (j.is_number_integer())
    *out = j.get<int64_t>();
  else if (j.is_number())
    *out = j.get<double>();
  else if (j.is_object() && j.size() == 1 && j.contains("date") && j["date"].is_string()) {
    auto d = ParseDate(j["date"].get<std::string>());
    if (!d.ok()) return d.status();
    *out = *d;
  } else {
    return Status::InvalidArgument(
        "must be a string, number, boolean, {\"date\": \"YYYY-MM-DD\"} or a list of these");
  }
  return Status::OK();
}

Json InstitutionToJson(const Institution& in) {
  Json j = Json::object();
  if (!in.is_institution()) {
    // A node of other labels holds its key, labels and properties alone.
    j["record"] = "node";
    j["key"] = in.key;
    j["labels"] = in.labels;
    PutCommon(j, in.properties, in.evidence);
    return j;
  }
  j["record"] = "institution";
  j["key"] = in.key;
  if (in.labels != Institution{}.labels) j["labels"] = in.labels;
  j["name"] = in.name;
  if (!in.aliases.empty()) j["aliases"] = in.aliases;
  if (in.sector != Sector::kNone) j["sector"] = std::string(SectorName(in.sector));
  if (!in.other_sectors.empty()) {
    Json others = Json::array();
    for (Sector s : in.other_sectors) others.push_back(std::string(SectorName(s)));
    j["other_sectors"] = std::move(others);
  }
  j["kind"] = in.kind;
  if (in.foreign) j["foreign"] = true;
  if (!in.region.empty()) j["region"] = in.region;
  if (!in.parent.empty()) j["parent"] = in.parent;
  PutCommon(j, in.properties, in.evidence);
  return j;
}

Status InstitutionFromJson(const Json& j, Institution* out) {
  Institution in;
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "key", &in.key, true));
  const bool node = j.value("record", "") == "node";
  if (node || j.contains("labels")) {
    in.labels.clear();
    TIEGRAPH_RETURN_IF_ERROR(GetStrings(j, "labels", &in.labels));
    if (!node && !in.is_institution()) {
      return FieldError("labels",
                        "of an institution record must include Institution (or write "
                        "\"record\": \"node\")");
    }
    if (node && in.is_institution()) {
      return FieldError("labels", "include Institution: write \"record\": \"institution\"");
    }
  }
  if (node) {
    TIEGRAPH_RETURN_IF_ERROR(GetProperties(j, &in.properties));
    *out = std::move(in);
    return Status::OK();
  }
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "name", &in.name, true));
  TIEGRAPH_RETURN_IF_ERROR(GetStrings(j, "aliases", &in.aliases));
  TIEGRAPH_RETURN_IF_ERROR(GetSector(j, "sector", &in.sector));
  std::vector<std::string> others;
  TIEGRAPH_RETURN_IF_ERROR(GetStrings(j, "other_sectors", &others));
  for (const auto& o : others) {
    auto s = ParseSector(o);
    if (!s.ok()) return FieldError("other_sectors", s.status().message());
    in.other_sectors.push_back(*s);
  }
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "kind", &in.kind));
  TIEGRAPH_RETURN_IF_ERROR(GetBool(j, "foreign", &in.foreign));
  TIEGRAPH_RETURN_IF_ERROR(GetStrings(j, "region", &in.region));
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "parent", &in.parent));
  TIEGRAPH_RETURN_IF_ERROR(GetProperties(j, &in.properties));
  TIEGRAPH_RETURN_IF_ERROR(GetEvidence(j, &in.evidence));
  *out = std::move(in);
  return Status::OK();
}

Json EventToJson(const Event& ev) {
  Json j = Json::object();
  j["record"] = "event";
  j["key"] = ev.key;
  if (!ev.name.empty()) j["name"] = ev.name;
  j["type"] = ev.type;
  if (ev.date.known()) j["date"] = FormatDate(ev.date);
  if (!ev.participants.empty()) {
    Json parts = Json::array();
    for (const auto& p : ev.participants) {
      Json o = Json::object();
      o["institution"] = p.institution;
      if (!p.role.empty()) o["role"] = p.role;
      parts.push_back(std::move(o));
    }
    j["participants"] = std::move(parts);
  }
  PutCommon(j, ev.properties, ev.evidence);
  return j;
}

Status EventFromJson(const Json& j, Event* out) {
  Event ev;
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "key", &ev.key, true));
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "name", &ev.name));
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "type", &ev.type));
  TIEGRAPH_RETURN_IF_ERROR(GetDate(j, "date", &ev.date));
  if (auto it = j.find("participants"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) return FieldError("participants", "must be an array of objects");
    for (const auto& p : *it) {
      if (!p.is_object()) return FieldError("participants", "must be an array of objects");
      Participant part;
      TIEGRAPH_RETURN_IF_ERROR(GetString(p, "institution", &part.institution, true));
      TIEGRAPH_RETURN_IF_ERROR(GetString(p, "role", &part.role));
      ev.participants.push_back(std::move(part));
    }
  }
  TIEGRAPH_RETURN_IF_ERROR(GetProperties(j, &ev.properties));
  TIEGRAPH_RETURN_IF_ERROR(GetEvidence(j, &ev.evidence));
  *out = std::move(ev);
  return Status::OK();
}

Json TieToJson(const Tie& t) {
  Json j = Json::object();
  j["record"] = "tie";
  j["key"] = t.key;
  j["source"] = t.source;
  j["target"] = t.target;
  j["type"] = t.type;
  j["directed"] = t.directed;
  j["strength"] = t.strength;
  j["status"] = std::string(TieStatusName(t.status));
  j["confidence"] = std::string(ConfidenceName(t.confidence));
  if (t.since.known()) j["since"] = FormatDate(t.since);
  if (t.until.known()) j["until"] = FormatDate(t.until);
  if (!t.event.empty()) j["event"] = t.event;
  if (!t.role.empty()) j["role"] = t.role;
  PutCommon(j, t.properties, t.evidence);
  return j;
}

Status TieFromJson(const Json& j, Tie* out) {
  Tie t;
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "key", &t.key));
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "source", &t.source, true));
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "target", &t.target, true));
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "type", &t.type));
  TIEGRAPH_RETURN_IF_ERROR(GetBool(j, "directed", &t.directed));
  if (auto it = j.find("strength"); it != j.end() && !it->is_null()) {
    if (!it->is_number()) return FieldError("strength", "must be a number");
    t.strength = it->get<double>();
    if (t.strength < 0) return FieldError("strength", "must be >= 0");
  }
  std::string text;
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "status", &text));
  if (!text.empty()) {
    auto s = ParseTieStatus(text);
    if (!s.ok()) return FieldError("status", s.status().message());
    t.status = *s;
  }
  text.clear();
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "confidence", &text));
  if (!text.empty()) {
    auto c = ParseConfidence(text);
    if (!c.ok()) return FieldError("confidence", c.status().message());
    t.confidence = *c;
  }
  TIEGRAPH_RETURN_IF_ERROR(GetDate(j, "since", &t.since));
  TIEGRAPH_RETURN_IF_ERROR(GetDate(j, "until", &t.until));
  if (EndsBeforeStart(t.since, t.until)) {
    return FieldError("until", FormatDate(t.until) + " is before since " + FormatDate(t.since));
  }
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "event", &t.event));
  TIEGRAPH_RETURN_IF_ERROR(GetString(j, "role", &t.role));
  TIEGRAPH_RETURN_IF_ERROR(GetProperties(j, &t.properties));
  TIEGRAPH_RETURN_IF_ERROR(GetEvidence(j, &t.evidence));
  *out = std::move(t);
  return Status::OK();
}

}  // namespace tiegraph
