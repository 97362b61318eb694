// CSV import: an institutions file and a ties file, columns mapped by header name.
// Known columns are listed in docs/FORMATS.md; any other column becomes a property, typed by a
// ":int", ":float", ":bool" or ":date" suffix on its header (string otherwise).
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include <tiegraph/vocabulary.h>

#include "query/csv_reader.h"
#include "query/import_internal.h"

namespace tiegraph {
namespace {

// One property column: its name and the type its cells are parsed as.
struct PropertyColumn {
  size_t index;
  std::string name;
  enum class Type { kString, kInt, kFloat, kBool, kDate } type;
};

// The header: known columns by name, the rest as property columns.
struct Header {
  std::unordered_map<std::string, size_t> known;
  std::vector<PropertyColumn> properties;
  size_t width = 0;
  // Index of a known column, or npos.
  size_t operator[](const char* name) const {
    auto it = known.find(name);
    return it == known.end() ? std::string::npos : it->second;
  }
};

Status ParseHeader(ReadContext& ctx, const std::vector<std::string_view>& names,
                   const std::vector<const char*>& known, const std::vector<const char*>& required,
                   Header* h) {
  h->width = names.size();
  for (size_t i = 0; i < names.size(); ++i) {
    std::string name(Trim(names[i]));
    if (i == 0 && name.rfind("\xEF\xBB\xBF", 0) == 0) name = name.substr(3);  // UTF-8 BOM
    if (name.empty()) return ctx.Error(1, "column " + std::to_string(i + 1) + " has no name");
    bool is_known = false;
    for (const char* k : known) is_known = is_known || name == k;
    if (is_known) {
      if (!h->known.emplace(name, i).second) return ctx.Error(1, "column '" + name + "' appears twice");
      continue;
    }
    PropertyColumn p{i, name, PropertyColumn::Type::kString};
    if (size_t colon = name.rfind(':'); colon != std::string::npos) {
      std::string type = name.substr(colon + 1);
      p.name = name.substr(0, colon);
      if (type == "int") p.type = PropertyColumn::Type::kInt;
      else if (type == "float") p.type = PropertyColumn::Type::kFloat;
      else if (type == "bool") p.type = PropertyColumn::Type::kBool;
      else if (type == "date") p.type = PropertyColumn::Type::kDate;
      else if (type != "string") {
        return ctx.Error(1, "column '" + name + "': unknown type '" + type +
                                "' (expected string, int, float, bool or date)");
      }
    }
    h->properties.push_back(std::move(p));
  }
  for (const char* r : required) {
    if (!h->known.count(r)) return ctx.Error(1, std::string("missing required column '") + r + "'");
  }
  return Status::OK();
}

std::string_view Cell(const std::vector<std::string_view>& row, size_t index) {
  return index == std::string::npos ? std::string_view() : row[index];
}

bool ParseBool(std::string_view s, bool* out) {
  if (s == "true" || s == "TRUE" || s == "True" || s == "yes" || s == "1") return *out = true, true;
  if (s == "false" || s == "FALSE" || s == "False" || s == "no" || s == "0") return *out = false, true;
  return false;
}

bool ParseNumber(std::string_view s, double* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(*out);
}

bool ParseInteger(std::string_view s, int64_t* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

Status ReadProperties(ReadContext& ctx, const Header& h, const std::vector<std::string_view>& row,
                      size_t line, std::vector<Property>* out) {
  for (const auto& col : h.properties) {
    std::string_view cell = row[col.index];
    if (cell.empty()) continue;
    Property p{col.name, std::string(cell)};
    switch (col.type) {
      case PropertyColumn::Type::kString: break;
      case PropertyColumn::Type::kInt: {
        int64_t v;
        if (!ParseInteger(cell, &v)) return ctx.Error(line, col.name, "'" + std::string(cell) + "' is not an integer");
        p.value = v;
        break;
      }
      case PropertyColumn::Type::kFloat: {
        double v;
        if (!ParseNumber(cell, &v)) return ctx.Error(line, col.name, "'" + std::string(cell) + "' is not a number");
        p.value = v;
        break;
      }
      case PropertyColumn::Type::kBool: {
        bool v;
        if (!ParseBool(cell, &v)) return ctx.Error(line, col.name, "'" + std::string(cell) + "' is not true or false");
        p.value = v;
        break;
      }
      case PropertyColumn::Type::kDate: {
        auto d = ParseDate(cell);
        if (!d.ok()) return ctx.Error(line, col.name, d.status().message());
        p.value = *d;
        break;
      }
    }
    out->push_back(std::move(p));
  }
  return Status::OK();
}

void ReadEvidence(const Header& h, const std::vector<std::string_view>& row,
                  std::vector<Evidence>* out) {
  Evidence e{std::string(Cell(row, h["evidence_source"])), std::string(Cell(row, h["evidence_quote"])),
             std::string(Cell(row, h["evidence_url"]))};
  if (!e.source.empty() || !e.quote.empty() || !e.url.empty()) out->push_back(std::move(e));
}

// Drives a CSV file: header, then one callback per row with the column count checked.
template <typename RowFn>
Status ForEachRow(ReadContext& ctx, std::string_view text, const std::vector<const char*>& known,
                  const std::vector<const char*>& required, RowFn&& row_fn) {
  CsvReader reader(text);
  std::vector<std::string_view> row;
  Header header;
  if (!reader.Next(&row)) {
    if (!reader.status().ok()) return Status::InvalidArgument(ctx.path + ":" + reader.status().message());
    return ctx.Error(1, "the file is empty (a header row is required)");
  }
  TIEGRAPH_RETURN_IF_ERROR(ParseHeader(ctx, row, known, required, &header));
  while (reader.Next(&row)) {
    if (row.size() != header.width) {
      return ctx.Error(reader.line(), "has " + std::to_string(row.size()) + " columns, the header has " +
                                          std::to_string(header.width));
    }
    TIEGRAPH_RETURN_IF_ERROR(row_fn(header, row, reader.line()));
  }
  if (!reader.status().ok()) return Status::InvalidArgument(ctx.path + ":" + reader.status().message());
  return Status::OK();
}

}  // namespace

Status ReadCsvInstitutions(ReadContext& ctx, std::string_view text) {
  static const std::vector<const char*> kKnown = {
      "key", "name", "aliases", "sector", "other_sectors", "kind", "foreign", "region", "country",
      "province", "city", "parent", "evidence_source", "evidence_quote", "evidence_url"};
  return ForEachRow(ctx, text, kKnown, {"key", "name"}, [&](const Header& h, const auto& row, size_t line) {
    Institution in;
    in.key = std::string(Trim(row[h["key"]]));
    if (in.key.empty()) return ctx.Error(line, "key", "is empty");
    in.name = std::string(Trim(row[h["name"]]));
    if (in.name.empty()) return ctx.Error(line, "name", "is empty");
    in.aliases = SplitList(Cell(row, h["aliases"]), '|');
    auto sector = ParseSector(Trim(Cell(row, h["sector"])));
    if (!sector.ok()) return ctx.Error(line, "sector", sector.status().message());
    in.sector = *sector;
    for (const auto& s : SplitList(Cell(row, h["other_sectors"]), '|')) {
      auto other = ParseSector(s);
      if (!other.ok()) return ctx.Error(line, "other_sectors", other.status().message());
      in.other_sectors.push_back(*other);
    }
    if (auto kind = Trim(Cell(row, h["kind"])); !kind.empty()) in.kind = std::string(kind);
    if (auto f = Trim(Cell(row, h["foreign"])); !f.empty() && !ParseBool(f, &in.foreign)) {
      return ctx.Error(line, "foreign", "'" + std::string(f) + "' is not true or false");
    }
    in.region = SplitList(Cell(row, h["region"]), '/');
    if (in.region.empty()) {
      for (const char* level : {"country", "province", "city"}) {
        auto v = Trim(Cell(row, h[level]));
        if (v.empty()) break;
        in.region.emplace_back(v);
      }
    }
    in.parent = std::string(Trim(Cell(row, h["parent"])));
    TIEGRAPH_RETURN_IF_ERROR(ReadProperties(ctx, h, row, line, &in.properties));
    ReadEvidence(h, row, &in.evidence);
    ctx.out->institutions.push_back(std::move(in));
    ctx.Added(RecordKind::kInstitution, line);
    return Status::OK();
  });
}

Status ReadCsvTies(ReadContext& ctx, std::string_view text) {
  static const std::vector<const char*> kKnown = {
      "key", "source", "target", "type", "directed", "strength", "weight", "status", "confidence",
      "since", "until", "event", "role", "evidence_source", "evidence_quote", "evidence_url"};
  ctx.out->ties.reserve(ctx.out->ties.size() + text.size() / 40);
  return ForEachRow(ctx, text, kKnown, {"source", "target"}, [&](const Header& h, const auto& row, size_t line) {
    Tie t;
    t.key = std::string(Cell(row, h["key"]));
    t.source = std::string(row[h["source"]]);
    if (t.source.empty()) return ctx.Error(line, "source", "is empty");
    t.target = std::string(row[h["target"]]);
    if (t.target.empty()) return ctx.Error(line, "target", "is empty");
    if (auto type = Cell(row, h["type"]); !type.empty()) t.type = std::string(type);
    if (auto d = Cell(row, h["directed"]); !d.empty() && !ParseBool(d, &t.directed)) {
      return ctx.Error(line, "directed", "'" + std::string(d) + "' is not true or false");
    }
    const char* strength_col = h["strength"] != std::string::npos ? "strength" : "weight";
    if (auto w = Cell(row, h[strength_col]); !w.empty()) {
      if (!ParseNumber(w, &t.strength)) {
        return ctx.Error(line, strength_col, "'" + std::string(w) + "' is not a number");
      }
      if (t.strength < 0) return ctx.Error(line, strength_col, "is negative (" + std::string(w) + "); strengths are >= 0");
    }
    if (auto s = Cell(row, h["status"]); !s.empty()) {
      auto status = ParseTieStatus(s);
      if (!status.ok()) return ctx.Error(line, "status", status.status().message());
      t.status = *status;
    }
    if (auto c = Cell(row, h["confidence"]); !c.empty()) {
      auto conf = ParseConfidence(c);
      if (!conf.ok()) return ctx.Error(line, "confidence", conf.status().message());
      t.confidence = *conf;
    }
    for (auto [col, date] : {std::pair{"since", &t.since}, std::pair{"until", &t.until}}) {
      auto d = ParseDate(Cell(row, h[col]));
      if (!d.ok()) return ctx.Error(line, col, d.status().message());
      *date = *d;
    }
    if (EndsBeforeStart(t.since, t.until)) {
      return ctx.Error(line, "until", FormatDate(t.until) + " is before since " + FormatDate(t.since));
    }
    t.event = std::string(Cell(row, h["event"]));
    t.role = std::string(Cell(row, h["role"]));
    TIEGRAPH_RETURN_IF_ERROR(ReadProperties(ctx, h, row, line, &t.properties));
    ReadEvidence(h, row, &t.evidence);
    ctx.out->ties.push_back(std::move(t));
    ctx.Added(RecordKind::kTie, line);
    return Status::OK();
  });
}

}  // namespace tiegraph
