#include "record_values.h"

#include <algorithm>
#include <cmath>

#include <tiegraph/vocabulary.h>

namespace tiegraph::cypher {
namespace {

QueryError PropertyTypeError(const std::string& key, std::string why) {
  return QueryError{ErrorClass::kTypeError,
                    "InvalidPropertyType",
                    "property '" + key + "': " + std::move(why),
                    {}};
}

QueryError FieldError(const std::string& key, std::string why) {
  return QueryError{ErrorClass::kArgumentError,
                    "InvalidArgumentValue",
                    "field '" + key + "': " + std::move(why),
                    {}};
}

Value FromScalar(const PropertyScalar& scalar) {
  return std::visit([](const auto& x) { return Value(x); }, scalar);
}

QueryResult<PropertyScalar> ToScalar(const std::string& key, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kBoolean:
      return PropertyScalar(v.boolean());
    case Value::Kind::kInteger:
      return PropertyScalar(v.integer());
    case Value::Kind::kFloat:
      return PropertyScalar(v.real());
    case Value::Kind::kString:
      return PropertyScalar(v.string());
    case Value::Kind::kDate:
      return PropertyScalar(v.date());
    default:
      return PropertyTypeError(
          key, std::string("a ") + std::string(KindName(v.kind())) + " cannot be stored");
  }
}

Value Strings(const std::vector<std::string>& texts) {
  List out;
  out.reserve(texts.size());
  for (const auto& t : texts) out.emplace_back(t);
  return Value(std::move(out));
}

Value Quotes(const std::vector<Evidence>& evidence) {
  List out;
  for (const auto& e : evidence) out.emplace_back(!e.quote.empty() ? e.quote : e.source);
  return Value(std::move(out));
}

void PutTyped(const std::vector<Property>& properties, Map* out) {
  for (const auto& p : properties) out->emplace(p.name, FromProperty(p.value));  // first wins
}

// A typed property set or removed by name.
QueryResult<bool> SetTyped(std::vector<Property>* properties, const std::string& key,
                           const Value& value) {
  auto it = std::find_if(properties->begin(), properties->end(),
                         [&](const Property& p) { return p.name == key; });
  if (value.is_null()) {
    if (it == properties->end()) return false;
    properties->erase(it);
    return true;
  }
  auto stored = ToProperty(key, value);
  if (!stored.ok()) return stored.error();
  if (it == properties->end()) {
    properties->push_back({key, std::move(*stored)});
  } else {
    it->value = std::move(*stored);
  }
  return true;
}

QueryResult<std::string> Text(const std::string& key, const Value& v) {
  if (v.is_null()) return std::string();
  if (v.kind() != Value::Kind::kString) return FieldError(key, "must be a string");
  return v.string();
}

QueryResult<std::vector<std::string>> Texts(const std::string& key, const Value& v) {
  std::vector<std::string> out;
  if (v.is_null()) return out;
  if (v.kind() == Value::Kind::kString) return std::vector<std::string>{v.string()};
  if (v.kind() != Value::Kind::kList) return FieldError(key, "must be a list of strings");
  for (const Value& item : v.list()) {
    if (item.kind() != Value::Kind::kString) return FieldError(key, "must be a list of strings");
    out.push_back(item.string());
  }
  return out;
}

QueryResult<Date> DateOf(const std::string& key, const Value& v) {
  if (v.is_null()) return Date{};
  if (v.kind() == Value::Kind::kDate) return v.date();
  if (v.kind() == Value::Kind::kString) {
    auto d = ParseDate(v.string());
    if (!d.ok()) return FieldError(key, d.status().message());
    return *d;
  }
  return FieldError(key, "must be a date or a YYYY[-MM[-DD]] string");
}

template <typename Enum>
QueryResult<Enum> Choice(const std::string& key, const Value& v,
                         Result<Enum> (*parse)(std::string_view), Enum fallback) {
  if (v.is_null()) return fallback;
  if (v.kind() != Value::Kind::kString) return FieldError(key, "must be a string");
  auto parsed = parse(v.string());
  if (!parsed.ok()) return FieldError(key, parsed.status().message());
  return *parsed;
}

bool Assigned(const std::string& key) { return !key.empty() && key[0] == '#'; }

}  // namespace

Value FromProperty(const PropertyValue& value) {
  if (const auto* l = std::get_if<PropertyList>(&value)) {
    List out;
    out.reserve(l->items.size());
    for (const auto& item : l->items) out.push_back(FromScalar(item));
    return Value(std::move(out));
  }
  return std::visit(
      [](const auto& x) -> Value {
        if constexpr (std::is_same_v<std::decay_t<decltype(x)>, PropertyList>) {
          return Value();  // handled above
        } else {
          return Value(x);
        }
      },
      value);
}

QueryResult<PropertyValue> ToProperty(const std::string& key, const Value& value) {
  if (value.kind() != Value::Kind::kList) {
    auto scalar = ToScalar(key, value);
    if (!scalar.ok()) return scalar.error();
    return std::visit([](auto&& x) -> PropertyValue { return std::move(x); }, std::move(*scalar));
  }
  PropertyList list;
  for (const Value& item : value.list()) {
    auto scalar = ToScalar(key, item);
    if (!scalar.ok()) return scalar.error();
    if (!list.items.empty() && list.items.front().index() != scalar->index())
      return PropertyTypeError(key, "a stored list holds values of one type");
    list.items.push_back(std::move(*scalar));
  }
  return PropertyValue(std::move(list));
}

std::vector<std::string> NodeLabels(const Institution& node) {
  std::vector<std::string> out = node.labels;
  if (!node.is_institution()) return out;
  auto add = [&](Sector s) {
    const std::string_view label = SectorNodeLabel(s);
    if (!label.empty() && std::find(out.begin(), out.end(), label) == out.end())
      out.emplace_back(label);
  };
  add(node.sector);
  for (Sector s : node.other_sectors) add(s);
  return out;
}

bool NodeHasLabel(const Institution& node, const std::string& label) {
  if (std::find(node.labels.begin(), node.labels.end(), label) != node.labels.end()) return true;
  if (!node.is_institution() || !IsSectorNodeLabel(label)) return false;
  if (SectorNodeLabel(node.sector) == label) return true;
  return std::any_of(node.other_sectors.begin(), node.other_sectors.end(),
                     [&](Sector s) { return SectorNodeLabel(s) == label; });
}

Map NodeProperties(const Institution& node) {
  Map out;
  if (node.is_institution()) {
    out.emplace("key", node.key);
    out.emplace("name", node.name);
    if (!node.aliases.empty()) out.emplace("aliases", Strings(node.aliases));
    if (node.sector != Sector::kNone) out.emplace("sector", std::string(SectorName(node.sector)));
    if (!node.other_sectors.empty()) {
      std::vector<std::string> names;
      for (Sector s : node.other_sectors) names.emplace_back(SectorName(s));
      out.emplace("other_sectors", Strings(names));
    }
    out.emplace("kind", node.kind);
    out.emplace("foreign", node.foreign);
    if (!node.region.empty()) out.emplace("region", Strings(node.region));
    if (!node.parent.empty()) out.emplace("parent", node.parent);
    if (!node.evidence.empty()) out.emplace("evidence", Quotes(node.evidence));
  }
  PutTyped(node.properties, &out);
  return out;
}

Value NodeProperty(const Institution& node, const std::string& key) {
  if (!node.is_institution()) {
    for (const auto& p : node.properties) {
      if (p.name == key) return FromProperty(p.value);
    }
    return Value();
  }
  Map all = NodeProperties(node);
  auto it = all.find(key);
  return it == all.end() ? Value() : it->second;
}

QueryResult<bool> SetNodeProperty(Institution* node, const std::string& key, const Value& value) {
  if (!node->is_institution()) return SetTyped(&node->properties, key, value);
  if (key == "key") {
    return FieldError(key, "an institution's key changes by rename (tiegraph rename), not SET");
  }
  if (key == "evidence") return FieldError(key, "evidence is written by imports and `set`");
  if (key == "name") {
    auto v = Text(key, value);
    if (!v.ok()) return v.error();
    if (v->empty()) return FieldError(key, "an institution's name cannot be removed");
    node->name = std::move(*v);
  } else if (key == "aliases" || key == "region") {
    auto v = Texts(key, value);
    if (!v.ok()) return v.error();
    (key == "aliases" ? node->aliases : node->region) = std::move(*v);
  } else if (key == "sector") {
    auto v = Choice<Sector>(key, value, &ParseSector, Sector::kNone);
    if (!v.ok()) return v.error();
    node->sector = *v;
  } else if (key == "other_sectors") {
    auto v = Texts(key, value);
    if (!v.ok()) return v.error();
    node->other_sectors.clear();
    for (const auto& name : *v) {
      auto s = ParseSector(name);
      if (!s.ok()) return FieldError(key, s.status().message());
      node->other_sectors.push_back(*s);
    }
  } else if (key == "kind") {
    auto v = Text(key, value);
    if (!v.ok()) return v.error();
    node->kind = v->empty() ? Institution{}.kind : *v;
  } else if (key == "foreign") {
    if (!value.is_null() && value.kind() != Value::Kind::kBoolean)
      return FieldError(key, "must be true or false");
    node->foreign = !value.is_null() && value.boolean();
  } else if (key == "parent") {
    auto v = Text(key, value);
    if (!v.ok()) return v.error();
    node->parent = std::move(*v);
  } else {
    return SetTyped(&node->properties, key, value);
  }
  return true;
}

Map EventProperties(const Event& event) {
  Map out;
  out.emplace("key", event.key);
  if (!event.name.empty()) out.emplace("name", event.name);
  out.emplace("type", event.type);
  if (event.date.known()) out.emplace("date", event.date);
  if (!event.evidence.empty()) out.emplace("evidence", Quotes(event.evidence));
  PutTyped(event.properties, &out);
  return out;
}

Map TieProperties(const Tie& tie, bool domain) {
  Map out;
  const Tie defaults;
  if (domain && !Assigned(tie.key)) out.emplace("key", tie.key);
  if (domain || tie.strength != defaults.strength) out.emplace("strength", tie.strength);
  if (domain || tie.status != defaults.status)
    out.emplace("status", std::string(TieStatusName(tie.status)));
  if (domain || tie.confidence != defaults.confidence)
    out.emplace("confidence", std::string(ConfidenceName(tie.confidence)));
  if (domain) out.emplace("directed", tie.directed);
  if (tie.since.known()) out.emplace("since", tie.since);
  if (tie.until.known()) out.emplace("until", tie.until);
  if (!tie.event.empty()) out.emplace("event", tie.event);
  if (!tie.role.empty()) out.emplace("role", tie.role);
  if (!tie.evidence.empty()) out.emplace("evidence", Quotes(tie.evidence));
  PutTyped(tie.properties, &out);
  return out;
}

Value TieProperty(const Tie& tie, bool domain, const std::string& key) {
  Map all = TieProperties(tie, domain);
  auto it = all.find(key);
  return it == all.end() ? Value() : it->second;
}

QueryResult<bool> SetTieProperty(Tie* tie, bool domain, const std::string& key,
                                 const Value& value) {
  if (!domain) return SetTyped(&tie->properties, key, value);
  if (key == "key") return FieldError(key, "a tie's key is given when it is created");
  if (key == "evidence") return FieldError(key, "evidence is written by imports and `set`");
  if (key == "strength") {
    if (value.is_null()) {
      tie->strength = Tie{}.strength;
    } else if (!value.is_number() || !std::isfinite(value.number()) || value.number() < 0) {
      return FieldError(key, "must be a finite number >= 0");
    } else {
      tie->strength = value.number();
    }
  } else if (key == "status") {
    auto v = Choice<TieStatus>(key, value, &ParseTieStatus, TieStatus::kRealized);
    if (!v.ok()) return v.error();
    tie->status = *v;
  } else if (key == "confidence") {
    auto v = Choice<Confidence>(key, value, &ParseConfidence, Confidence::kStated);
    if (!v.ok()) return v.error();
    tie->confidence = *v;
  } else if (key == "directed") {
    if (!value.is_null() && value.kind() != Value::Kind::kBoolean)
      return FieldError(key, "must be true or false");
    tie->directed = !value.is_null() && value.boolean();
  } else if (key == "since" || key == "until") {
    auto v = DateOf(key, value);
    if (!v.ok()) return v.error();
    (key == "since" ? tie->since : tie->until) = *v;
  } else if (key == "event" || key == "role") {
    auto v = Text(key, value);
    if (!v.ok()) return v.error();
    (key == "event" ? tie->event : tie->role) = std::move(*v);
  } else {
    return SetTyped(&tie->properties, key, value);
  }
  return true;
}

}  // namespace tiegraph::cypher
