// GraphML and GEXF: what both readers share. The mapping (docs/FORMATS.md, "GraphML and GEXF"):
// a field is filled from the first value among the names it reads (name, else label; type,
// else relation…); the other values of those names are kept as properties unless they repeat
// it; every value no field reads becomes a typed property.
#include "xml_graph.h"

#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace tiegraph {

bool XmlText::Parse(ReadContext& ctx) {
  // The text is valid UTF-8 (ReadInputs checked), whatever its declaration says. Only the
  // predefined and numeric entities are expanded; a document type's are not read at all.
  const pugi::xml_parse_result result =
      doc_.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
  if (result) return true;
  const auto at =
      std::min(static_cast<size_t>(std::max<ptrdiff_t>(result.offset, 0)), text_.size());
  std::string what = result.description();
  if (result.status == pugi::status_end_element_mismatch) {
    // pugixml stops at the name in an end tag, or at the end of a file cut short.
    if (at >= 2 && text_.substr(at - 2, 2) == "</") {
      const std::string_view rest = text_.substr(at);
      what = "the end tag </" + std::string(rest.substr(0, rest.find_first_of("> \t\r\n"))) +
             "> does not match the element open here";
    } else {
      what = "the file ends before its elements are closed (is it cut short?)";
    }
  }
  ctx.bad->Add(ctx.Error(
      lines_.Line(at), "column " + std::to_string(lines_.Column(at)) + ": not valid XML: " + what));
  return false;
}

size_t XmlText::Line(const pugi::xml_node& element) const {
  return lines_.Line(static_cast<size_t>(std::max<ptrdiff_t>(element.offset_debug(), 0)));
}

std::string ElementText(const pugi::xml_node& element) {
  std::string text;
  for (const pugi::xml_node& child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
      text += child.value();
  }
  return text;
}

void AddDefaults(const std::vector<XmlDefault>& defaults, XmlRecord* r) {
  for (const XmlDefault& d : defaults) {
    const bool given = std::any_of(r->values.begin(), r->values.end(),
                                   [&](const XmlValue& v) { return !v.own && v.name == d.name; });
    if (!given) r->values.push_back({d.name, d.type, d.text, r->line, false});
  }
}

namespace {

std::string_view Clean(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A name a field reads; `own_only`: only the format's own field of that name (GEXF's edge
// kind), not a declared attribute.
struct Source {
  std::string_view name;
  bool own_only = false;
};

// The values of one record, taken by the fields that read them; what is left becomes
// properties.
class Fields {
 public:
  Fields(ReadContext& ctx, const XmlRecord& r) : ctx_(ctx), r_(r), taken_(r.values.size()) {}

  // The first value with text among `sources`, in their order (for each name, declared
  // attributes before the format's own field); null when none has one. The other values of
  // these names are dropped where they repeat it (as numbers, when `numeric`) or say `also`
  // (a node's id, for its name), and otherwise left to become properties.
  const XmlValue* Choose(std::initializer_list<Source> sources, bool numeric = false,
                         std::string_view also = {}) {
    const XmlValue* chosen = nullptr;
    for (const Source& s : sources) {
      for (size_t i = 0; i < r_.values.size() && !chosen; ++i) {
        if (Reads(s, r_.values[i]) && !Clean(r_.values[i].text).empty()) {
          chosen = &r_.values[i];
          taken_[i] = true;
        }
      }
    }
    const std::string_view text = chosen ? Clean(chosen->text) : std::string_view();
    double number;
    const bool is_number = numeric && ParseNumber(text, &number);
    for (size_t i = 0; i < r_.values.size(); ++i) {
      const XmlValue& v = r_.values[i];
      if (taken_[i] || std::none_of(sources.begin(), sources.end(),
                                    [&](const Source& s) { return Reads(s, v); })) {
        continue;
      }
      const std::string_view other = Clean(v.text);
      double n;
      taken_[i] = other.empty() || other == text || (!also.empty() && other == also) ||
                  (is_number && ParseNumber(other, &n) && n == number);
    }
    return chosen;
  }

  // "path:line: field 'name': what", at the line of the value.
  Status Error(const XmlValue& v, const std::string& what) const {
    return ctx_.Error(v.line, v.name, what);
  }
  Status Error(const XmlValue& v, const Status& s) const { return Error(v, s.message()); }

  // Every value no field took, as a typed property. `reserved`: the names the record's fields
  // read, and that tiegraph's export keeps for its own columns; the export writes a property
  // of such a name with the prefix "prop_", which goes again.
  Status Properties(const std::vector<std::string_view>& reserved, std::vector<Property>* out) {
    for (size_t i = 0; i < r_.values.size(); ++i) {
      const XmlValue& v = r_.values[i];
      if (taken_[i] || Clean(v.text).empty()) continue;
      std::string name(v.name);
      if (name.rfind("prop_", 0) == 0 &&
          std::find(reserved.begin(), reserved.end(), Lower(name.substr(5))) != reserved.end()) {
        name.erase(0, 5);
      }
      // A property given twice (the format's own field beside a declared attribute): the
      // first counts.
      if (std::any_of(out->begin(), out->end(), [&](const Property& p) { return p.name == name; }))
        continue;
      std::string_view text =
          v.type == PropertyType::kString ? std::string_view(v.text) : Clean(v.text);
      // NaN stands for a missing number in the tools that write these files.
      if (v.type == PropertyType::kFloat && Lower(text) == "nan") continue;
      auto value = ParsePropertyValue(text, v.type);
      if (!value.ok()) return Error(v, value.status());
      out->push_back({std::move(name), std::move(*value)});
    }
    return Status::OK();
  }

  // A declared attribute given more than once (a GEXF attribute with values over time).
  Status CheckRepeatedAttributes() const {
    for (size_t i = 0; i < r_.values.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        const XmlValue &a = r_.values[j], &b = r_.values[i];
        if (!a.own && !b.own && a.name == b.name) {
          return Error(b, "is given again (first on line " + std::to_string(a.line) +
                              "); tiegraph keeps one value of an attribute, not values over time");
        }
      }
    }
    return Status::OK();
  }

 private:
  static bool Reads(const Source& s, const XmlValue& v) {
    return v.name == s.name && (v.own || !s.own_only);
  }

  ReadContext& ctx_;
  const XmlRecord& r_;
  std::vector<bool> taken_;  // by a field, or dropped as a repeat of what a field took
};

// Evidence from its three fields, each a list joined by " | " as tiegraph's export writes
// them: the i-th source goes with the i-th quote and URL. Lists of different lengths (a quote
// that holds " | " itself) make one entry of the whole texts.
void ReadEvidence(const XmlValue* source, const XmlValue* quote, const XmlValue* url,
                  std::vector<Evidence>* out) {
  const XmlValue* parts[3] = {source, quote, url};
  std::vector<std::string> lists[3];
  size_t n = 0;
  bool agree = true;
  for (int k = 0; k < 3; ++k) {
    if (!parts[k]) continue;
    const std::string& text = parts[k]->text;
    for (size_t start = 0;;) {
      const size_t bar = text.find(" | ", start);
      lists[k].push_back(text.substr(start, bar == std::string::npos ? bar : bar - start));
      if (bar == std::string::npos) break;
      start = bar + 3;
    }
    if (n != 0 && lists[k].size() != n) agree = false;
    n = std::max(n, lists[k].size());
  }
  if (!agree) {
    for (int k = 0; k < 3; ++k) lists[k] = {parts[k] ? parts[k]->text : ""};
    n = 1;
  }
  for (size_t i = 0; i < n; ++i) {
    Evidence e;
    std::string* fields[3] = {&e.source, &e.quote, &e.url};
    for (int k = 0; k < 3; ++k) {
      if (i < lists[k].size()) *fields[k] = lists[k][i];
    }
    if (!e.source.empty() || !e.quote.empty() || !e.url.empty()) out->push_back(std::move(e));
  }
}

// What a record's checks (limits and rules) say, at the record's line.
template <typename Record>
Status Checked(const ReadContext& ctx, const XmlRecord& r, const Record& record) {
  if (auto b = ctx.checks->Check(record, FieldStyle::kCsv))
    return ctx.Error(r.line, b->field, b->what);
  return Status::OK();
}

}  // namespace

pugi::xml_node XmlGraphReader::Root(const char* name) {
  if (!xml_.Parse(ctx_)) return {};
  const pugi::xml_node root = xml_.root();
  if (std::string_view(root.name()) == name) return root;
  Fail(root, "the root element is <" + std::string(root.name()) + ">, not <" + name + ">");
  return {};
}

void XmlGraphReader::Fail(const pugi::xml_node& e, const std::string& what) {
  ctx_.bad->Add(ctx_.Error(xml_.Line(e), what));
}

void XmlGraphReader::Fail(const pugi::xml_node& e, std::string_view field,
                          const std::string& what) {
  ctx_.bad->Add(ctx_.Error(xml_.Line(e), field, what));
}

bool XmlGraphReader::AddDefault(const pugi::xml_node& element, std::string_view name,
                                PropertyType type, const std::vector<std::string_view>& classes) {
  std::string text = ElementText(element);
  const std::string_view value = Clean(text);
  if (type != PropertyType::kString && !value.empty() &&
      !(type == PropertyType::kFloat && Lower(value) == "nan")) {
    if (auto parsed = ParsePropertyValue(value, type); !parsed.ok()) {
      Fail(element, name, "default: " + parsed.status().message());
      return false;
    }
  }
  for (std::string_view what : classes) defaults_[std::string(what)].push_back({name, type, text});
  return true;
}

Status XmlGraphReader::CheckEnds(const XmlRecord& r) const {
  for (auto [field, key] : {std::pair{"source", r.source}, std::pair{"target", r.target}}) {
    if (key.empty()) return ctx_.Error(r.line, field, "is missing");
    if (!nodes_.count(key)) {
      return ctx_.Error(r.line, field,
                        "'" + std::string(key) + "' is not the id of a node in this file");
    }
  }
  return Status::OK();
}

void XmlGraphReader::AddNode(Status read, const XmlRecord& r) {
  if (read.ok()) read = AddInstitution(ctx_, r);
  if (!read.ok()) ctx_.bad->Add(read);
}

void XmlGraphReader::AddEdge(Status read, const XmlRecord& r) {
  if (read.ok()) read = AddTie(ctx_, r);
  if (!read.ok()) ctx_.bad->Add(read);
}

Status AddInstitution(ReadContext& ctx, const XmlRecord& r) {
  Fields f(ctx, r);
  TIEGRAPH_RETURN_IF_ERROR(f.CheckRepeatedAttributes());
  Institution in;
  in.key = std::string(Clean(r.id));
  if (in.key.empty()) return ctx.Error(r.line, "id", "is missing");
  const XmlValue* name = f.Choose({{"name"}, {"label"}}, false, in.key);
  in.name = name ? std::string(Clean(name->text)) : in.key;
  if (const XmlValue* v = f.Choose({{"sector"}})) {
    const std::string_view text = Clean(v->text);
    if (Lower(text) != "none") {
      auto sector = ParseSector(text);
      if (!sector.ok()) return f.Error(*v, sector.status());
      in.sector = *sector;
    }
  }
  if (const XmlValue* v = f.Choose({{"other_sectors"}})) {
    std::string text = v->text;
    std::replace(text.begin(), text.end(), '|', ';');
    for (const std::string& s : SplitList(text, ';')) {
      auto sector = ParseSector(s);
      if (!sector.ok()) return f.Error(*v, sector.status());
      in.other_sectors.push_back(*sector);
    }
  }
  if (const XmlValue* v = f.Choose({{"kind"}})) in.kind = std::string(Clean(v->text));
  if (const XmlValue* v = f.Choose({{"foreign"}})) {
    if (!ParseBool(Clean(v->text), &in.foreign))
      return f.Error(*v, "'" + std::string(Clean(v->text)) + "' is not true or false");
  }
  if (const XmlValue* v = f.Choose({{"region"}})) in.region = SplitList(v->text, '/');
  if (const XmlValue* v = f.Choose({{"aliases"}})) in.aliases = SplitList(v->text, '|');
  if (const XmlValue* v = f.Choose({{"parent"}})) in.parent = std::string(Clean(v->text));
  const XmlValue* source = f.Choose({{"evidence_source"}});
  const XmlValue* quote = f.Choose({{"evidence_quote"}});
  const XmlValue* url = f.Choose({{"evidence_url"}});
  ReadEvidence(source, quote, url, &in.evidence);
  static const std::vector<std::string_view> kReserved = {"name",
                                                          "label",
                                                          "sector",
                                                          "other_sectors",
                                                          "kind",
                                                          "foreign",
                                                          "region",
                                                          "aliases",
                                                          "parent",
                                                          "evidence_source",
                                                          "evidence_quote",
                                                          "evidence_url",
                                                          "id",
                                                          "key",
                                                          "value",
                                                          "x",
                                                          "y",
                                                          "size",
                                                          "color"};
  TIEGRAPH_RETURN_IF_ERROR(f.Properties(kReserved, &in.properties));
  TIEGRAPH_RETURN_IF_ERROR(Checked(ctx, r, in));
  ctx.out->institutions.push_back(std::move(in));
  ctx.Added(RecordKind::kInstitution, r.line);
  return Status::OK();
}

Status AddTie(ReadContext& ctx, const XmlRecord& r) {
  Fields f(ctx, r);
  TIEGRAPH_RETURN_IF_ERROR(f.CheckRepeatedAttributes());
  Tie t;
  const XmlValue* key = f.Choose({{"tie_key"}});
  t.key = std::string(key ? Clean(key->text) : Clean(r.id));
  t.source = std::string(Clean(r.source));
  if (t.source.empty()) return ctx.Error(r.line, "source", "is missing");
  t.target = std::string(Clean(r.target));
  if (t.target.empty()) return ctx.Error(r.line, "target", "is missing");
  if (const XmlValue* v = f.Choose({{"type"}, {"relation"}, {"kind", true}, {"label"}}))
    t.type = std::string(Clean(v->text));
  t.directed = r.directed;
  if (const XmlValue* v = f.Choose({{"directed"}})) {
    if (!ParseBool(Clean(v->text), &t.directed))
      return f.Error(*v, "'" + std::string(Clean(v->text)) + "' is not true or false");
  }
  if (const XmlValue* v = f.Choose({{"strength"}, {"weight"}}, true)) {
    const std::string_view text = Clean(v->text);
    if (!ParseNumber(text, &t.strength))
      return f.Error(*v, "'" + std::string(text) + "' is not a number");
    if (t.strength < 0)
      return f.Error(*v, "is negative (" + std::string(text) + "); strengths are >= 0");
  }
  if (const XmlValue* v = f.Choose({{"status"}})) {
    auto status = ParseTieStatus(Clean(v->text));
    if (!status.ok()) return f.Error(*v, status.status());
    t.status = *status;
  }
  if (const XmlValue* v = f.Choose({{"confidence"}})) {
    auto confidence = ParseConfidence(Clean(v->text));
    if (!confidence.ok()) return f.Error(*v, confidence.status());
    t.confidence = *confidence;
  }
  const XmlValue* since = f.Choose({{"since"}});
  const XmlValue* until = f.Choose({{"until"}});
  for (auto [v, date] : {std::pair{since, &t.since}, std::pair{until, &t.until}}) {
    if (!v) continue;
    auto d = ParseDate(Clean(v->text));
    if (!d.ok()) return f.Error(*v, d.status());
    *date = *d;
  }
  if (EndsBeforeStart(t.since, t.until))
    return f.Error(*until, FormatDate(t.until) + " is before since " + FormatDate(t.since));
  if (const XmlValue* v = f.Choose({{"event"}})) t.event = std::string(Clean(v->text));
  if (const XmlValue* v = f.Choose({{"role"}})) t.role = std::string(Clean(v->text));
  const XmlValue* source = f.Choose({{"evidence_source"}});
  const XmlValue* quote = f.Choose({{"evidence_quote"}});
  const XmlValue* url = f.Choose({{"evidence_url"}});
  ReadEvidence(source, quote, url, &t.evidence);
  static const std::vector<std::string_view> kReserved = {
      "tie_key",      "type",   "relation", "label",           "directed",
      "strength",     "weight", "status",   "confidence",      "since",
      "until",        "event",  "role",     "evidence_source", "evidence_quote",
      "evidence_url", "id",     "key",      "source",          "target"};
  TIEGRAPH_RETURN_IF_ERROR(f.Properties(kReserved, &t.properties));
  TIEGRAPH_RETURN_IF_ERROR(Checked(ctx, r, t));
  ctx.out->ties.push_back(std::move(t));
  ctx.Added(RecordKind::kTie, r.line);
  return Status::OK();
}

}  // namespace tiegraph
