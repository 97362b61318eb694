// Records and their history as tables.
#include <tiegraph/record_views.h>
#include <tiegraph/vocabulary.h>

#include <ctime>

namespace tiegraph {
namespace {

using enum ColumnType;

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

void Add(Fields* f, std::string field, std::string value) {
  if (!value.empty()) f->emplace_back(std::move(field), std::move(value));
}

void AddCommon(Fields* f, const std::vector<Property>& properties,
               const std::vector<Evidence>& evidence) {
  for (const auto& p : properties) Add(f, p.name, PropertyText(p.value));
  for (const auto& e : evidence) Add(f, "evidence", EvidenceText(e));
}

// "2026-11-30 14:05 UTC".
std::string FormatTime(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

Table CommitsTable(bool with_record) {
  std::vector<Column> columns = {{"commit", kInt},     {"time", kString},    {"author", kString},
                                 {"command", kString}, {"message", kString}, {"records", kInt}};
  if (with_record) columns.push_back({"change", kString});
  return Table{"history", "history", std::move(columns)};
}

std::vector<Cell> CommitRow(const HistoryEntry& e) {
  const int64_t records =
      e.bulk
          ? static_cast<int64_t>(e.created_institutions + e.created_ties + e.created_events.size())
          : static_cast<int64_t>(e.change_count);
  return {static_cast<int64_t>(e.id),
          FormatTime(e.time),
          e.info.author.empty() ? std::string("unknown") : e.info.author,
          e.info.command,
          e.info.message,
          records};
}

}  // namespace

std::string PropertyText(const PropertyValue& v) {
  if (const auto* l = std::get_if<PropertyList>(&v)) {
    std::string out = "[";
    for (const PropertyScalar& item : l->items) {
      if (out.size() > 1) out += ", ";
      out += std::visit([](const auto& x) { return PropertyText(PropertyValue(x)); }, item);
    }
    return out + "]";
  }
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<Date>(&v)) return FormatDate(*d);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  return ShortestReal(std::get<double>(v));
}

std::string EvidenceText(const Evidence& e) {
  if (!e.quote.empty()) return "\"" + e.quote + "\" (" + e.source + ")";
  return e.source.empty() ? e.url : e.source;
}

std::vector<std::pair<std::string, std::string>> RecordFields(const RecordValue& record) {
  Fields f;
  if (const auto* in = std::get_if<Institution>(&record)) {
    Add(&f, "key", in->key);
    if (in->labels != Institution{}.labels) Add(&f, "labels", Join(in->labels, ":"));
    if (!in->is_institution()) {  // a plain node: its key, labels and properties
      AddCommon(&f, in->properties, in->evidence);
      return f;
    }
    Add(&f, "name", in->name);
    Add(&f, "aliases", Join(in->aliases, " | "));
    Add(&f, "sector", SectorLabel(in->sector));
    std::vector<std::string> others;
    for (Sector s : in->other_sectors) others.emplace_back(SectorName(s));
    Add(&f, "other sectors", Join(others, ", "));
    Add(&f, "kind", in->kind);
    Add(&f, "foreign", in->foreign ? "yes" : "no");
    Add(&f, "region", Join(in->region, "/"));
    Add(&f, "parent", in->parent);
    AddCommon(&f, in->properties, in->evidence);
  } else if (const auto* t = std::get_if<Tie>(&record)) {
    Add(&f, "key", t->key);
    Add(&f, "source", t->source);
    Add(&f, "target", t->target);
    Add(&f, "type", t->type);
    Add(&f, "directed", t->directed ? "yes" : "no");
    Add(&f, "strength", ShortestReal(t->strength));
    Add(&f, "status", std::string(TieStatusName(t->status)));
    Add(&f, "confidence", std::string(ConfidenceName(t->confidence)));
    Add(&f, "since", FormatDate(t->since));
    Add(&f, "until", FormatDate(t->until));
    Add(&f, "event", t->event);
    Add(&f, "role", t->role);
    AddCommon(&f, t->properties, t->evidence);
  } else if (const auto* ev = std::get_if<Event>(&record)) {
    Add(&f, "key", ev->key);
    Add(&f, "name", ev->name);
    Add(&f, "type", ev->type);
    Add(&f, "date", FormatDate(ev->date));
    std::vector<std::string> who;
    for (const auto& p : ev->participants)
      who.push_back(p.role.empty() ? p.institution : p.institution + ":" + p.role);
    Add(&f, "participants", Join(who, " | "));
    AddCommon(&f, ev->properties, ev->evidence);
  }
  return f;
}

std::string DescribeChange(const RecordChange& change) {
  if (std::holds_alternative<std::monostate>(change.before)) return "created";
  if (std::holds_alternative<std::monostate>(change.after)) return "deleted";
  // Fields by name; a name given twice (evidence, a property) is compared as a joined list.
  auto collect = [](const RecordValue& v) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& [k, val] : RecordFields(v)) {
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == k; });
      if (it == out.end()) {
        out.emplace_back(k, val);
      } else {
        it->second += " | " + val;
      }
    }
    return out;
  };
  const auto before = collect(change.before), after = collect(change.after);
  auto value_in = [](const auto& fields, const std::string& k) {
    for (const auto& [name, v] : fields) {
      if (name == k) return v;
    }
    return std::string();
  };
  std::vector<std::string> parts;
  auto note = [&](const std::string& k) {
    const std::string a = value_in(before, k), b = value_in(after, k);
    if (a != b)
      parts.push_back(k + ": " + (a.empty() ? "(none)" : a) + " → " + (b.empty() ? "(none)" : b));
  };
  for (const auto& [k, v] : before) note(k);
  for (const auto& [k, v] : after) {
    if (value_in(before, k).empty()) note(k);
  }
  return parts.empty() ? "unchanged" : Join(parts, "; ");
}

Result<std::vector<Table>> ShowTie(const Snapshot& snap, std::string_view key) {
  auto tie = snap.GetTie(key);
  if (!tie.ok()) return tie.status();
  Table info{"tie", "tie", {{"field", kString}, {"value", kString}}};
  for (auto& [field, value] : RecordFields(*tie)) {
    if (field == "source" || field == "target") {
      auto in = snap.GetInstitution(value);
      if (!in.ok()) return in.status();
      value += " (" + in->name + ")";
    }
    info.AddRow({field, value});
  }
  return std::vector<Table>{std::move(info)};
}

Result<std::vector<Table>> ShowEvent(const Snapshot& snap, std::string_view key) {
  auto ev = snap.GetEvent(key);
  if (!ev.ok()) return ev.status();
  Table info{"event", "event", {{"field", kString}, {"value", kString}}};
  for (auto& [field, value] : RecordFields(*ev)) {
    if (field != "participants") info.AddRow({field, value});
  }
  Table who{"participants",
            "participants",
            {{"institution", kString}, {"name", kString}, {"role", kString}}};
  for (const auto& p : ev->participants) {
    auto in = snap.GetInstitution(p.institution);
    if (!in.ok()) return in.status();
    who.AddRow({p.institution, in->name, p.role});
  }
  Table ties{"ties",
             "ties",
             {{"tie", kString}, {"source", kString}, {"target", kString}, {"type", kString}}};
  // Ties name their event in the record alone: one scan.
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachTie([&](const Tie& t) {
    if (t.event == key) ties.AddRow({t.key, t.source, t.target, t.type});
    return true;
  }));
  return std::vector<Table>{std::move(info), std::move(who), std::move(ties)};
}

Result<Table> HistoryTable(const Snapshot& snap, size_t limit) {
  auto entries = snap.History(limit);
  if (!entries.ok()) return entries.status();
  Table t = CommitsTable(false);
  for (const auto& e : *entries) t.AddRow(CommitRow(e));
  return t;
}

Result<Table> RecordHistoryTable(const Snapshot& snap, RecordKind kind, std::string_view key,
                                 size_t limit) {
  auto entries = snap.HistoryOf(kind, key, limit);
  if (!entries.ok()) return entries.status();
  Table t = CommitsTable(true);
  t.note = std::string(RecordKindName(kind)) + " " + std::string(key);
  for (const auto& e : *entries) {
    std::vector<Cell> row = CommitRow(e);
    row.push_back(e.changes.empty() ? std::string("created") : DescribeChange(e.changes[0]));
    t.AddRow(std::move(row));
  }
  return t;
}

Result<std::vector<Table>> CommitTables(const Snapshot& snap, uint64_t id) {
  auto e = snap.GetHistoryEntry(id);
  if (!e.ok()) return e.status();
  Table head = CommitsTable(false);
  head.AddRow(CommitRow(*e));
  Table changes{"changes", "changes", {{"kind", kString}, {"key", kString}, {"change", kString}}};
  if (e->bulk) {
    changes.note = "a bulk write: " + std::to_string(e->created_institutions) + " institutions, " +
                   std::to_string(e->created_events.size()) + " events, " +
                   std::to_string(e->created_ties) + " ties created";
  }
  for (const auto& c : e->changes)
    changes.AddRow({std::string(RecordKindName(c.kind)), c.key, DescribeChange(c)});
  return std::vector<Table>{std::move(head), std::move(changes)};
}

}  // namespace tiegraph
