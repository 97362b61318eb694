// The curated seed-network JSON (shared/data/seed-network.json): its vocabulary is mapped onto
// ours here, and only here. The mapping is documented in docs/FORMATS.md ("Seed network").
#include <cctype>
#include <map>

#include <tiegraph/vocabulary.h>

#include "import_internal.h"
#include "json_records.h"
#include "json_syntax.h"

namespace tiegraph {
namespace {

std::string MapKind(const std::string& seed) { return seed == "generic-group" ? "group" : seed; }

// "충청남도 (충남도)" -> base "충청남도", plus any 'quoted' alternative inside the parentheses
// ("한국생명공학연구원 (seed writes '한국생물공학연구원')"), so printed variants resolve.
void AddNameVariants(const std::string& name, std::vector<std::string>* aliases) {
  size_t paren = name.find(" (");
  if (paren == std::string::npos) return;
  aliases->push_back(name.substr(0, paren));
  std::string inner = name.substr(paren + 2);
  if (!inner.empty() && inner.back() == ')') inner.pop_back();
  size_t q1 = inner.find('\'');
  size_t q2 = q1 == std::string::npos ? q1 : inner.find('\'', q1 + 1);
  if (q2 != std::string::npos)
    aliases->push_back(inner.substr(q1 + 1, q2 - q1 - 1));
  else if (inner.find(' ') == std::string::npos && inner.find(':') == std::string::npos)
    aliases->push_back(inner);
}

void AddUnique(std::vector<std::string>* list, const std::string& s, const std::string& name) {
  if (s.empty() || s == name) return;
  for (const auto& x : *list) {
    if (x == s) return;
  }
  list->push_back(s);
}

class SeedReader {
 public:
  SeedReader(ReadContext& ctx) : ctx_(ctx) {}

  Status Error(const std::string& path, const std::string& what) const {
    return Status::InvalidArgument(ctx_.path + ": " + path + ": " + what);
  }
  void Report(const Status& s) {
    if (!s.ok()) ctx_.bad->Add(s);
  }
  // The rules every record meets (record_checks.h), in the seed's field names.
  template <typename Record>
  Status Check(const std::string& path, RecordKind kind, const Record& record) const {
    auto b = ctx_.checks->Check(record, FieldStyle::kJson);
    if (!b) return Status::OK();
    return Error(path, "field '" + SeedFieldName(kind, b->field) + "': " + b->what);
  }

  // String member or "" for absent/null; a non-string is an error.
  Status Str(const Json& j, const std::string& path, const char* field, std::string* out,
             bool required = false) {
    auto it = j.find(field);
    if (it == j.end() || it->is_null()) {
      if (required) return Error(path, std::string("field '") + field + "': is missing");
      out->clear();
      return Status::OK();
    }
    if (!it->is_string())
      return Error(path, std::string("field '") + field + "': must be a string");
    *out = it->get<std::string>();
    if (required && out->empty())
      return Error(path, std::string("field '") + field + "': is empty");
    return Status::OK();
  }

  Status Institution_(const Json& j, size_t i) {
    const std::string path = "$.institutions[" + std::to_string(i) + "]";
    if (!j.is_object()) return Error(path, "is not an object");
    Institution in;
    std::string name_ko, name_en, abbr, sector, kind, region, text;
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "id", &in.key, true));
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "name_ko", &name_ko));
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "name_en", &name_en));
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "abbr", &abbr));
    // Korean name first: the analysts' language; English and abbreviation become aliases.
    in.name = !name_ko.empty() ? name_ko : name_en;
    if (in.name.empty()) return Error(path, "field 'name_ko': is empty, and so is 'name_en'");
    AddUnique(&in.aliases, name_en, in.name);
    AddUnique(&in.aliases, abbr, in.name);
    std::vector<std::string> variants;
    AddNameVariants(name_ko, &variants);
    AddNameVariants(name_en, &variants);
    for (const auto& v : variants) AddUnique(&in.aliases, v, in.name);

    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "sector", &sector));
    if (sector == "council" || sector == "place" || sector == "mixed") {
      // Not functional sectors: the node kind says what a council or place is.
      in.properties.push_back({"seed_sector", sector});
    } else {
      auto s = ParseSector(sector);
      if (!s.ok()) return Error(path, "field 'sector': " + s.status().message());
      in.sector = *s;
    }
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "node_kind", &kind));
    if (!kind.empty()) in.kind = MapKind(kind);
    if (auto f = j.find("is_foreign"); f != j.end() && f->is_boolean()) in.foreign = f->get<bool>();
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "region", &region));
    if (size_t paren = region.find(" ("); paren != std::string::npos) {
      in.properties.push_back({"region_note", region.substr(paren + 2, region.size() - paren - 3)});
      region = region.substr(0, paren);
    }
    in.region = SplitList(region, '/');
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "parent", &in.parent));
    if (auto g = j.find("generic"); g != j.end() && g->is_boolean())
      in.properties.push_back({"generic", g->get<bool>()});
    for (const char* field : {"region_source", "notes"}) {
      TIEGRAPH_RETURN_IF_ERROR(Str(j, path, field, &text));
      if (!text.empty()) in.properties.push_back({field, text});
    }
    if (auto people = j.find("people_mentioned"); people != j.end() && people->is_array()) {
      std::string joined;
      for (const auto& p : *people) {
        if (!p.is_string()) return Error(path, "field 'people_mentioned': must be strings");
        joined += (joined.empty() ? "" : "; ") + p.get<std::string>();
      }
      if (!joined.empty()) in.properties.push_back({"people_mentioned", joined});
    }
    if (auto seeds = j.find("mentioned_in"); seeds != j.end() && seeds->is_array()) {
      for (const auto& s : *seeds) {
        if (s.is_string()) in.evidence.push_back({s.get<std::string>(), "", ""});
      }
    }
    TIEGRAPH_RETURN_IF_ERROR(Check(path, RecordKind::kInstitution, in));
    ctx_.out->institutions.push_back(std::move(in));
    ctx_.Added(RecordKind::kInstitution, i);
    return Status::OK();
  }

  // Seed dates: "YYYY[-MM[-DD]]" (since), "<=DATE" (until), "A/B" (since A until B); any other
  // text (e.g. "June (year not stated)") is kept as the property date_text.
  Status Dates(const std::string& path, const std::string& text, Tie* t) {
    auto parse = [&](const std::string& s, Date* d) -> Status {
      auto r = ParseDate(s);
      if (!r.ok()) return Error(path, "field 'date': " + r.status().message());
      *d = *r;
      return Status::OK();
    };
    if (text.empty()) return Status::OK();
    // Anything that starts like a date is held to being one; free text is kept as it is.
    auto looks_like_date = [](const std::string& s) {
      return s.size() >= 4 && std::isdigit(static_cast<unsigned char>(s[0])) &&
             std::isdigit(static_cast<unsigned char>(s[3])) && (s.size() == 4 || s[4] == '-');
    };
    if (text.rfind("<=", 0) == 0 && looks_like_date(text.substr(2)))
      return parse(text.substr(2), &t->until);
    if (size_t slash = text.find('/'); slash != std::string::npos &&
                                       looks_like_date(text.substr(0, slash)) &&
                                       looks_like_date(text.substr(slash + 1))) {
      TIEGRAPH_RETURN_IF_ERROR(parse(text.substr(0, slash), &t->since));
      return parse(text.substr(slash + 1), &t->until);
    }
    if (looks_like_date(text)) return parse(text, &t->since);
    t->properties.push_back({"date_text", text});
    return Status::OK();
  }

  Status Tie_(const Json& j, size_t i) {
    const std::string path = "$.ties[" + std::to_string(i) + "]";
    if (!j.is_object()) return Error(path, "is not an object");
    Tie t;
    std::string type, text;
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "id", &t.key));
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "source", &t.source, true));
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "target", &t.target, true));
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "type", &type, true));
    t.type = type;  // the store canonicalises it (tie_types.h)
    if (auto d = j.find("directed"); d != j.end() && d->is_boolean()) t.directed = d->get<bool>();
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "status", &text));
    if (!text.empty()) {
      auto s = ParseTieStatus(text);
      if (!s.ok()) return Error(path, "field 'status': " + s.status().message());
      t.status = *s;
    }
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "confidence", &text));
    if (!text.empty()) {
      auto c = ParseConfidence(text);
      if (!c.ok()) return Error(path, "field 'confidence': " + c.status().message());
      t.confidence = *c;
    }
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "date", &text));
    TIEGRAPH_RETURN_IF_ERROR(Dates(path, text, &t));
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "date_precision", &text));
    if (text == "before" || text == "day-of-month")
      t.properties.push_back({"date_precision", text});
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "event_id", &t.event));
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "role", &t.role));
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "notes", &text));
    if (!text.empty()) t.properties.push_back({"notes", text});
    if (auto ev = j.find("evidence"); ev != j.end() && ev->is_object()) {
      Evidence e;
      TIEGRAPH_RETURN_IF_ERROR(Str(*ev, path + ".evidence", "seed", &e.source));
      TIEGRAPH_RETURN_IF_ERROR(Str(*ev, path + ".evidence", "quote", &e.quote));
      t.evidence.push_back(std::move(e));
    }
    if (auto ext = j.find("external_corroboration"); ext != j.end() && ext->is_array()) {
      for (const auto& x : *ext) {
        Evidence e;
        e.source = "external";
        TIEGRAPH_RETURN_IF_ERROR(Str(x, path + ".external_corroboration", "fact", &e.quote));
        TIEGRAPH_RETURN_IF_ERROR(Str(x, path + ".external_corroboration", "source", &e.url));
        t.evidence.push_back(std::move(e));
      }
    }
    TIEGRAPH_RETURN_IF_ERROR(Check(path, RecordKind::kTie, t));
    ctx_.out->ties.push_back(std::move(t));
    ctx_.Added(RecordKind::kTie, i);
    return Status::OK();
  }

  Status Event_(const Json& j, size_t i, const Json& ties) {
    const std::string path = "$.events[" + std::to_string(i) + "]";
    if (!j.is_object()) return Error(path, "is not an object");
    Event ev;
    std::string text;
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "id", &ev.key, true));
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "desc", &ev.name));
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "date", &text));
    auto d = ParseDate(text);
    if (!d.ok()) return Error(path, "field 'date': " + d.status().message());
    ev.date = *d;
    for (const char* field : {"date_source", "date_text"}) {
      TIEGRAPH_RETURN_IF_ERROR(Str(j, path, field, &text));
      if (!text.empty()) ev.properties.push_back({field, text});
    }
    TIEGRAPH_RETURN_IF_ERROR(Str(j, path, "seed", &text));
    if (!text.empty()) ev.evidence.push_back({text, "", ""});
    // Participants: the endpoints of the ties that name this event, in order of appearance;
    // a tie's role belongs to its source.
    for (const auto& t : ties) {
      if (!t.is_object() || t.value("event_id", Json()) != Json(ev.key)) continue;
      for (const char* end : {"source", "target"}) {
        if (!t.contains(end) || !t[end].is_string()) continue;
        std::string who = t[end].get<std::string>();
        std::string role =
            std::string(end) == "source" && t.contains("role") && t["role"].is_string()
                ? t["role"].get<std::string>()
                : "";
        bool seen = false;
        for (auto& p : ev.participants) {
          if (p.institution == who) {
            seen = true;
            if (p.role.empty()) p.role = role;
          }
        }
        if (!seen) ev.participants.push_back({who, role});
      }
    }
    TIEGRAPH_RETURN_IF_ERROR(Check(path, RecordKind::kEvent, ev));
    ctx_.out->events.push_back(std::move(ev));
    ctx_.Added(RecordKind::kEvent, i);
    return Status::OK();
  }

  // Reads every record it can; bad ones go to ctx.bad.
  void Read(std::string_view text) {
    Json root;
    if (auto syntax = ParseJson(text, &root)) {
      return Report(ctx_.Error(syntax->line, "column " + std::to_string(syntax->column) +
                                                 ": not valid JSON: " + syntax->what));
    }
    if (!root.is_object()) return Report(Error("$", "is not a JSON object"));
    static const Json kEmpty = Json::array();
    auto array = [&](const char* name) -> Result<const Json*> {
      auto it = root.find(name);
      if (it == root.end()) return &kEmpty;
      if (!it->is_array()) return Error(std::string("$.") + name, "is not an array");
      return &*it;
    };
    auto institutions = array("institutions");
    auto events = array("events");
    auto ties = array("ties");
    bool arrays_ok = true;
    for (auto* r : {&institutions, &events, &ties}) {
      if (!r->ok()) Report(r->status());
      arrays_ok = arrays_ok && r->ok();
    }
    if (!arrays_ok) return;
    for (size_t i = 0; i < (*institutions)->size(); ++i) {
      Report(Institution_((**institutions)[i], i));
    }
    for (size_t i = 0; i < (*events)->size(); ++i) Report(Event_((**events)[i], i, **ties));
    for (size_t i = 0; i < (*ties)->size(); ++i) Report(Tie_((**ties)[i], i));
  }

 private:
  ReadContext& ctx_;
};

}  // namespace

Status ReadSeed(ReadContext& ctx, std::string_view text) {
  SeedReader(ctx).Read(text);
  return Status::OK();
}

}  // namespace tiegraph
