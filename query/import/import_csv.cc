// CSV import: an institutions file and a ties file, columns mapped by header name.
// Known columns are listed in docs/FORMATS.md; any other column becomes a property, typed by a
// ":int", ":float", ":bool" or ":date" suffix on its header (string otherwise).
#include <algorithm>
#include <cstdlib>
#include <thread>
#include <tuple>
#include <unordered_map>

#include <tiegraph/vocabulary.h>

#include "csv_reader.h"
#include "import_internal.h"

namespace tiegraph {
namespace {

// One property column: its name and the type its cells are parsed as.
struct PropertyColumn {
  size_t index;
  std::string name;
  PropertyType type;
};

// The header: known columns by name, the rest as property columns.
struct Header {
  std::unordered_map<std::string, size_t> known;
  std::vector<PropertyColumn> properties;
  std::vector<std::string> names;  // by position
  std::vector<bool> multiline;     // by position: may a value hold line breaks?
  size_t width = 0;
  std::string Name(size_t column) const {
    return column < names.size() ? names[column] : "column " + std::to_string(column + 1);
  }
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
    h->names.push_back(name);
    bool is_known = false;
    for (const char* k : known) is_known = is_known || name == k;
    // Only long texts may run over several lines: quotes, and text properties (a type suffix
    // other than :string marks a one-line value).
    h->multiline.push_back(name == "evidence_quote" ||
                           (!is_known && (name.find(':') == std::string::npos ||
                                          name.substr(name.rfind(':')) == ":string")));
    if (is_known) {
      if (!h->known.emplace(name, i).second)
        return ctx.Error(1, "column '" + name + "' appears twice");
      continue;
    }
    PropertyColumn p{i, name, PropertyType::kString};
    if (size_t colon = name.rfind(':'); colon != std::string::npos) {
      std::string type = name.substr(colon + 1);
      p.name = name.substr(0, colon);
      if (type == "int")
        p.type = PropertyType::kInt;
      else if (type == "float")
        p.type = PropertyType::kFloat;
      else if (type == "bool")
        p.type = PropertyType::kBool;
      else if (type == "date")
        p.type = PropertyType::kDate;
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

Status ReadProperties(ReadContext& ctx, const Header& h, const std::vector<std::string_view>& row,
                      size_t line, std::vector<Property>* out) {
  for (const auto& col : h.properties) {
    std::string_view cell = row[col.index];
    if (cell.empty()) continue;
    auto value = ParsePropertyValue(cell, col.type);
    if (!value.ok()) return ctx.Error(line, col.name, value.status().message());
    out->push_back({col.name, std::move(*value)});
  }
  return Status::OK();
}

// The evidence columns' positions (npos when absent).
struct EvidenceColumns {
  size_t source, quote, url;
  explicit EvidenceColumns(const Header& h)
      : source(h["evidence_source"]), quote(h["evidence_quote"]), url(h["evidence_url"]) {}
  void Read(const std::vector<std::string_view>& row, std::vector<Evidence>* out) const {
    if (Cell(row, source).empty() && Cell(row, quote).empty() && Cell(row, url).empty()) return;
    out->push_back({std::string(Cell(row, source)), std::string(Cell(row, quote)),
                    std::string(Cell(row, url))});
  }
};

// A quoted value may hold line breaks only in the columns of long texts. Anywhere else a line
// break means a quote left open, whose value has swallowed the rows after it: an error at the
// line the quote opened on, before those rows could go in silently as part of a name.
Status CheckLineBreaks(const ReadContext& ctx, const Header& h,
                       const std::vector<std::string_view>& row, size_t line) {
  size_t opens = line;  // the line the current value opens on
  for (size_t i = 0; i < row.size(); ++i) {
    const auto breaks = static_cast<size_t>(std::count(row[i].begin(), row[i].end(), '\n'));
    if (!h.multiline[i] && row[i].find_first_of("\r\n") != std::string_view::npos) {
      return ctx.Error(
          opens, h.Name(i),
          "the quoted value opened on this line holds a line break" +
              (breaks > 0 ? " (it runs on to line " + std::to_string(opens + breaks) + ")"
                          : std::string()) +
              ", and this field is one line: is a closing quote missing?");
    }
    opens += breaks;
  }
  return Status::OK();
}

// Reads the rows of `body` (the text after the header), calling row_fn(ctx, row, line); a bad
// row goes to ctx.bad and the next is read. A malformed quote ends the file: where the rows
// after it begin cannot be known.
template <typename RowFn>
void ReadRows(ReadContext& ctx, std::string_view body, size_t first_line, const Header& header,
              const RowFn& row_fn) {
  CsvReader reader(body, first_line);
  std::vector<std::string_view> row;
  while (reader.Next(&row)) {
    if (row.size() != header.width) {
      ctx.bad->Add(ctx.Error(reader.line(), "has " + std::to_string(row.size()) +
                                                " columns, the header has " +
                                                std::to_string(header.width)));
      continue;
    }
    if (reader.end_line() != reader.line()) {
      if (Status s = CheckLineBreaks(ctx, header, row, reader.line()); !s.ok()) {
        ctx.bad->Add(s);
        continue;
      }
    }
    if (Status s = row_fn(ctx, row, reader.line()); !s.ok()) ctx.bad->Add(s);
    if (ctx.progress && (reader.line() & 0xffff) == 0) ctx.progress(reader.offset());
  }
  if (!reader.status().ok()) {
    ctx.bad->Add(ctx.Error(reader.error_line(), header.Name(reader.error_field()),
                           reader.status().message()));
  }
}

// Drives a CSV file: the header, then one call per row with the column count checked.
// `make_row_fn(header)` is called once, so column positions are looked up once per file; the
// row function it returns gets the context to add records to. A large file whose second half
// starts outside any quoted field (an even number of quotes before it) is read in two halves
// at once; records keep the file's order.
template <typename MakeRowFn>
Status ForEachRow(ReadContext& ctx, std::string_view text, const std::vector<const char*>& known,
                  const std::vector<const char*>& required, MakeRowFn&& make_row_fn) {
  CsvReader header_reader(text);
  std::vector<std::string_view> names;
  Header header;
  if (!header_reader.Next(&names)) {
    ctx.bad->Add(header_reader.status().ok()
                     ? ctx.Error(1, "the file is empty (a header row is required)")
                     : ctx.Error(header_reader.error_line(), header_reader.status().message()));
    return Status::OK();
  }
  if (Status s = ParseHeader(ctx, names, known, required, &header); !s.ok()) {
    ctx.bad->Add(s);  // the rows cannot be read without their columns
    return Status::OK();
  }
  const auto row_fn = make_row_fn(header);
  const size_t body = header_reader.offset();
  const size_t body_line =
      1 + static_cast<size_t>(std::count(text.begin(), text.begin() + body, '\n'));

  constexpr size_t kParallelBytes = 4 << 20;
  size_t split = text.size();
  if (text.size() - body > kParallelBytes) {
    size_t nl = text.find('\n', body + (text.size() - body) / 2);
    if (nl != std::string_view::npos &&
        std::count(text.begin() + body, text.begin() + nl, '"') % 2 == 0) {
      split = nl + 1;
    }
  }
  if (split == text.size()) {
    ReadRows(ctx, text.substr(body), body_line, header, row_fn);
    return Status::OK();
  }

  const size_t split_line =
      body_line + static_cast<size_t>(std::count(text.begin() + body, text.begin() + split, '\n'));
  Dataset second_data;
  Origins second_origins;
  BadRows second_bad(ctx.bad->limit());
  ReadContext second = ctx;  // with records, origins and bad rows of its own; ctx reports
  second.out = &second_data;
  second.origins = &second_origins;
  second.bad = &second_bad;
  second.progress = {};
  std::thread helper([&]() { ReadRows(second, text.substr(split), split_line, header, row_fn); });
  // The first half reports progress for both: twice its own.
  ReadContext first = ctx;
  if (ctx.progress) first.progress = [&](size_t bytes) { ctx.progress(body + 2 * bytes); };
  ReadRows(first, text.substr(body, split - body), body_line, header, row_fn);
  helper.join();
  ctx.bad->Append(second_bad);  // in the file's order: the second half's rows come after
  auto append = [](auto& into, auto& from) {
    into.insert(into.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
  };
  append(ctx.out->institutions, second_data.institutions);
  append(ctx.out->ties, second_data.ties);
  append(ctx.out->events, second_data.events);
  for (size_t k = 0; k < ctx.origins->records.size(); ++k) {
    append(ctx.origins->records[k], second_origins.records[k]);
  }
  return Status::OK();
}

}  // namespace

Status ReadCsvInstitutions(ReadContext& ctx, std::string_view text) {
  static const std::vector<const char*> kKnown = {
      "key",  "name",    "aliases",         "sector",         "other_sectors",
      "kind", "foreign", "region",          "country",        "province",
      "city", "parent",  "evidence_source", "evidence_quote", "evidence_url"};
  return ForEachRow(ctx, text, kKnown, {"key", "name"}, [&](const Header& h) {
    const size_t key = h["key"], name = h["name"], aliases = h["aliases"], sector = h["sector"],
                 others = h["other_sectors"], kind = h["kind"], foreign = h["foreign"],
                 region = h["region"], parent = h["parent"];
    const size_t levels[3] = {h["country"], h["province"], h["city"]};
    const EvidenceColumns evidence(h);
    return [&h, key, name, aliases, sector, others, kind, foreign, region, parent, levels,
            evidence](ReadContext& ctx, const std::vector<std::string_view>& row, size_t line) {
      Institution in;
      in.key = std::string(Trim(row[key]));
      if (in.key.empty()) return ctx.Error(line, "key", "is empty");
      in.name = std::string(Trim(row[name]));
      if (in.name.empty()) return ctx.Error(line, "name", "is empty");
      in.aliases = SplitList(Cell(row, aliases), '|');
      auto primary = ParseSector(Trim(Cell(row, sector)));
      if (!primary.ok()) return ctx.Error(line, "sector", primary.status().message());
      in.sector = *primary;
      for (const auto& s : SplitList(Cell(row, others), '|')) {
        auto other = ParseSector(s);
        if (!other.ok()) return ctx.Error(line, "other_sectors", other.status().message());
        in.other_sectors.push_back(*other);
      }
      if (auto k = Trim(Cell(row, kind)); !k.empty()) in.kind = std::string(k);
      if (auto f = Trim(Cell(row, foreign)); !f.empty() && !ParseBool(f, &in.foreign)) {
        return ctx.Error(line, "foreign", "'" + std::string(f) + "' is not true or false");
      }
      in.region = SplitList(Cell(row, region), '/');
      if (in.region.empty()) {
        for (size_t level : levels) {
          auto v = Trim(Cell(row, level));
          if (v.empty()) break;
          in.region.emplace_back(v);
        }
      }
      in.parent = std::string(Trim(Cell(row, parent)));
      TIEGRAPH_RETURN_IF_ERROR(ReadProperties(ctx, h, row, line, &in.properties));
      evidence.Read(row, &in.evidence);
      if (auto b = ctx.checks->Check(in, FieldStyle::kCsv))
        return ctx.Error(line, b->field, b->what);
      // A field is given by a non-empty cell (docs/FORMATS.md, "Re-import").
      using F = InstitutionFields;
      FieldMask given = F::kName;
      for (auto [col, bit] : {std::pair{aliases, F::kAliases}, std::pair{sector, F::kSector},
                              std::pair{others, F::kOtherSectors}, std::pair{kind, F::kKind},
                              std::pair{foreign, F::kForeign}, std::pair{parent, F::kParent}}) {
        if (!Trim(Cell(row, col)).empty()) given |= bit;
      }
      if (!in.region.empty()) given |= F::kRegion;
      if (!in.evidence.empty()) given |= F::kEvidence;
      ctx.out->institutions.push_back(std::move(in));
      ctx.Added(RecordKind::kInstitution, line, given);
      return Status::OK();
    };
  });
}

Status ReadCsvTies(ReadContext& ctx, std::string_view text) {
  static const std::vector<const char*> kKnown = {
      "key",    "source",          "target",         "type",        "directed", "strength",
      "weight", "status",          "confidence",     "since",       "until",    "event",
      "role",   "evidence_source", "evidence_quote", "evidence_url"};
  ctx.out->ties.reserve(ctx.out->ties.size() + text.size() / 40);
  return ForEachRow(ctx, text, kKnown, {"source", "target"}, [&](const Header& h) {
    const size_t key = h["key"], source = h["source"], target = h["target"], type = h["type"],
                 directed = h["directed"], status = h["status"], confidence = h["confidence"],
                 since = h["since"], until = h["until"], event = h["event"], role = h["role"];
    const char* strength_name = h["strength"] != std::string::npos ? "strength" : "weight";
    const size_t strength = h[strength_name];
    const EvidenceColumns evidence(h);
    return [&h, key, source, target, type, directed, status, confidence, since, until, event, role,
            strength_name, strength,
            evidence](ReadContext& ctx, const std::vector<std::string_view>& row, size_t line) {
      Tie t;
      t.key = std::string(Cell(row, key));
      t.source = std::string(row[source]);
      if (t.source.empty()) return ctx.Error(line, "source", "is empty");
      t.target = std::string(row[target]);
      if (t.target.empty()) return ctx.Error(line, "target", "is empty");
      if (auto v = Cell(row, type); !v.empty()) t.type = std::string(v);
      if (auto v = Cell(row, directed); !v.empty() && !ParseBool(v, &t.directed)) {
        return ctx.Error(line, "directed", "'" + std::string(v) + "' is not true or false");
      }
      if (auto w = Cell(row, strength); !w.empty()) {
        if (!ParseNumber(w, &t.strength)) {
          return ctx.Error(line, strength_name, "'" + std::string(w) + "' is not a number");
        }
        if (t.strength < 0) {
          return ctx.Error(line, strength_name,
                           "is negative (" + std::string(w) + "); strengths are >= 0");
        }
      }
      if (auto v = Cell(row, status); !v.empty()) {
        auto parsed = ParseTieStatus(v);
        if (!parsed.ok()) return ctx.Error(line, "status", parsed.status().message());
        t.status = *parsed;
      }
      if (auto v = Cell(row, confidence); !v.empty()) {
        auto parsed = ParseConfidence(v);
        if (!parsed.ok()) return ctx.Error(line, "confidence", parsed.status().message());
        t.confidence = *parsed;
      }
      for (auto [col, name, date] :
           {std::tuple{since, "since", &t.since}, std::tuple{until, "until", &t.until}}) {
        auto v = Cell(row, col);
        if (v.empty()) continue;
        auto d = ParseDate(v);
        if (!d.ok()) return ctx.Error(line, name, d.status().message());
        *date = *d;
      }
      if (EndsBeforeStart(t.since, t.until)) {
        return ctx.Error(line, "until",
                         FormatDate(t.until) + " is before since " + FormatDate(t.since));
      }
      t.event = std::string(Cell(row, event));
      t.role = std::string(Cell(row, role));
      TIEGRAPH_RETURN_IF_ERROR(ReadProperties(ctx, h, row, line, &t.properties));
      evidence.Read(row, &t.evidence);
      if (auto b = ctx.checks->Check(t, FieldStyle::kCsv))
        return ctx.Error(line, b->field, b->what);
      using F = TieFields;
      FieldMask given = F::kSource | F::kTarget;
      for (auto [col, bit] :
           {std::pair{type, F::kType}, std::pair{directed, F::kDirected},
            std::pair{strength, F::kStrength}, std::pair{status, F::kStatus},
            std::pair{confidence, F::kConfidence}, std::pair{since, F::kSince},
            std::pair{until, F::kUntil}, std::pair{event, F::kEvent}, std::pair{role, F::kRole}}) {
        if (!Cell(row, col).empty()) given |= bit;
      }
      if (!t.evidence.empty()) given |= F::kEvidence;
      ctx.out->ties.push_back(std::move(t));
      ctx.Added(RecordKind::kTie, line, given);
      return Status::OK();
    };
  });
}

Status ReadCsvEvents(ReadContext& ctx, std::string_view text) {
  static const std::vector<const char*> kKnown = {
      "key",         "name", "type", "date", "participants", "evidence_source", "evidence_quote",
      "evidence_url"};
  return ForEachRow(ctx, text, kKnown, {"key", "participants"}, [&](const Header& h) {
    const size_t key = h["key"], name = h["name"], type = h["type"], date = h["date"],
                 participants = h["participants"];
    const EvidenceColumns evidence(h);
    return [&h, key, name, type, date, participants, evidence](
               ReadContext& ctx, const std::vector<std::string_view>& row, size_t line) {
      Event ev;
      ev.key = std::string(Trim(row[key]));
      if (ev.key.empty()) return ctx.Error(line, "key", "is empty");
      ev.name = std::string(Trim(Cell(row, name)));
      if (auto v = Trim(Cell(row, type)); !v.empty()) ev.type = std::string(v);
      if (auto v = Trim(Cell(row, date)); !v.empty()) {
        auto d = ParseDate(v);
        if (!d.ok()) return ctx.Error(line, "date", d.status().message());
        ev.date = *d;
      }
      // "ktl:host|kribb|jbnu:member": institution keys, each with an optional role.
      for (const std::string& entry : SplitList(Cell(row, participants), '|')) {
        const size_t colon = entry.find(':');
        Participant p{std::string(Trim(entry.substr(0, colon))),
                      colon == std::string::npos ? "" : std::string(Trim(entry.substr(colon + 1)))};
        if (p.institution.empty()) {
          return ctx.Error(line, "participants", "'" + entry + "' names no institution");
        }
        for (const Participant& q : ev.participants) {
          if (q.institution == p.institution) {
            return ctx.Error(line, "participants", "'" + p.institution + "' is listed twice");
          }
        }
        ev.participants.push_back(std::move(p));
      }
      TIEGRAPH_RETURN_IF_ERROR(ReadProperties(ctx, h, row, line, &ev.properties));
      evidence.Read(row, &ev.evidence);
      if (auto b = ctx.checks->Check(ev, FieldStyle::kCsv))
        return ctx.Error(line, b->field, b->what);
      using F = EventFields;
      FieldMask given = 0;
      for (auto [col, bit] :
           {std::pair{name, F::kName}, std::pair{type, F::kType}, std::pair{date, F::kDate},
            std::pair{participants, F::kParticipants}}) {
        if (!Trim(Cell(row, col)).empty()) given |= bit;
      }
      if (!ev.evidence.empty()) given |= F::kEvidence;
      ctx.out->events.push_back(std::move(ev));
      ctx.Added(RecordKind::kEvent, line, given);
      return Status::OK();
    };
  });
}

std::string CsvColumnAt(std::string_view text, size_t offset) {
  CsvReader reader(text);
  std::vector<std::string_view> row;
  std::vector<std::string> header;
  const char* base = text.data();
  bool first = true;
  while (reader.Next(&row)) {
    if (first) {
      for (auto f : row) header.emplace_back(Trim(f));
      first = false;
    }
    for (size_t i = 0; i < row.size(); ++i) {
      const char* p = row[i].data();
      if (p >= base && p <= base + offset &&
          offset < static_cast<size_t>(p - base) + row[i].size()) {
        return i < header.size() ? header[i] : "column " + std::to_string(i + 1);
      }
    }
    if (reader.offset() > offset) break;
  }
  return "";
}

}  // namespace tiegraph
