#include "record_checks.h"

#include <chrono>

#include <tiegraph/vocabulary.h>

namespace tiegraph {
namespace {

namespace chr = std::chrono;

Date DateOf(chr::sys_days day) {
  const chr::year_month_day ymd(day);
  return Date{static_cast<int32_t>(static_cast<int>(ymd.year())),
              static_cast<uint8_t>(static_cast<unsigned>(ymd.month())),
              static_cast<uint8_t>(static_cast<unsigned>(ymd.day())), Date::Precision::kDay};
}

// The first day `d` can mean (d known).
chr::sys_days FirstDayOf(const Date& d) {
  const unsigned month = d.precision >= Date::Precision::kMonth ? d.month : 1;
  const unsigned day = d.precision == Date::Precision::kDay ? d.day : 1;
  return chr::sys_days(chr::year(d.year) / chr::month(month) / chr::day(day));
}

// One limit: its value, and the CLI option that sets it ("" for none).
struct Limit {
  size_t value;
  const char* option;
};

// Walks one record's fields and keeps the first breach; every check after it does nothing.
class FirstBreach {
 public:
  FirstBreach(const FieldLimits& limits, FieldStyle style)
      : key_{limits.key_bytes, ""},
        text_{limits.text_bytes, "--max-field-bytes"},
        long_text_{limits.long_text_bytes, "--max-text-bytes"},
        aliases_{limits.aliases, "--max-aliases"},
        items_{limits.list_items, "--max-list-items"},
        style_(style) {}

  const Limit& key() const { return key_; }
  const Limit& text() const { return text_; }
  const Limit& long_text() const { return long_text_; }
  const Limit& aliases() const { return aliases_; }
  const Limit& items() const { return items_; }

  void Fail(const std::string& field, const std::string& what) {
    if (!breach_) breach_ = Breach{field, what};
  }
  // `which` names an entry of a list field ("alias 3 "), or is empty.
  void Text(const std::string& field, const std::string& text, const Limit& limit,
            const std::string& which = "") {
    if (breach_ || text.size() <= limit.value) return;
    Fail(field, which + "is " + std::to_string(text.size()) + " bytes long; the limit is " +
                    std::to_string(limit.value) + " bytes" + Hint(limit));
  }
  void Count(const std::string& field, size_t n, const Limit& limit, const char* entries) {
    if (breach_ || n <= limit.value) return;
    Fail(field, "has " + std::to_string(n) + " " + entries + "; the limit is " +
                    std::to_string(limit.value) + Hint(limit));
  }
  void Texts(const std::string& field, const std::vector<std::string>& list, const Limit& count,
             const Limit& each, const char* entries, const char* entry) {
    Count(field, list.size(), count, entries);
    for (size_t i = 0; i < list.size(); ++i) {
      Text(field, list[i], each, std::string(entry) + " " + std::to_string(i + 1) + " ");
    }
  }
  void Evidence(const std::vector<tiegraph::Evidence>& list) {
    Count("evidence", list.size(), items_, "evidence entries");
    for (size_t i = 0; i < list.size(); ++i) {
      Text(EvidenceField(i, "source"), list[i].source, text_);
      Text(EvidenceField(i, "quote"), list[i].quote, long_text_);
      Text(EvidenceField(i, "url"), list[i].url, text_);
    }
  }
  void Properties(const std::vector<Property>& list) {
    Count("properties", list.size(), items_, "properties");
    for (const Property& p : list) {
      const std::string field = style_ == FieldStyle::kCsv ? p.name : "properties." + p.name;
      Text(field, p.name, text_, "its name ");
      if (const auto* s = std::get_if<std::string>(&p.value)) Text(field, *s, long_text_);
      if (const auto* l = std::get_if<PropertyList>(&p.value)) {
        Count(field, l->items.size(), items_, "items");
        for (const PropertyScalar& item : l->items) {
          if (const auto* s = std::get_if<std::string>(&item)) Text(field, *s, long_text_);
        }
      }
    }
  }
  std::optional<Breach> Take() { return std::move(breach_); }

 private:
  static std::string Hint(const Limit& limit) {
    return *limit.option ? std::string(" (import ") + limit.option + ")" : "";
  }
  std::string EvidenceField(size_t i, const char* part) const {
    return style_ == FieldStyle::kCsv ? std::string("evidence_") + part
                                      : "evidence[" + std::to_string(i) + "]." + std::string(part);
  }

  Limit key_, text_, long_text_, aliases_, items_;
  FieldStyle style_;
  std::optional<Breach> breach_;
};

}  // namespace

RecordChecks::RecordChecks(const ImportOptions& options)
    : limits_(options.limits), allow_self_loops_(options.allow_self_loops) {
  const chr::sys_days today = options.today.known()
                                  ? FirstDayOf(options.today)
                                  : chr::floor<chr::days>(chr::system_clock::now());
  today_ = DateOf(today);
  latest_start_ = DateOf(today + chr::days(options.future_days));
}

std::optional<Breach> RecordChecks::Check(const Institution& in, FieldStyle style) const {
  FirstBreach b(limits_, style);
  b.Text("key", in.key, b.key());
  b.Texts("labels", in.labels, b.items(), b.key(), "labels", "label");
  b.Text("name", in.name, b.text());
  b.Texts("aliases", in.aliases, b.aliases(), b.text(), "aliases", "alias");
  b.Count("other_sectors", in.other_sectors.size(), b.items(), "sectors");
  b.Text("kind", in.kind, b.text());
  b.Texts("region", in.region, b.items(), b.text(), "levels", "level");
  b.Text("parent", in.parent, b.key());
  b.Properties(in.properties);
  b.Evidence(in.evidence);
  return b.Take();
}

std::optional<Breach> RecordChecks::Check(const Event& ev, FieldStyle style) const {
  FirstBreach b(limits_, style);
  b.Text("key", ev.key, b.key());
  b.Text("name", ev.name, b.text());
  b.Text("type", ev.type, b.text());
  b.Count("participants", ev.participants.size(), b.items(), "participants");
  for (size_t i = 0; i < ev.participants.size(); ++i) {
    const std::string which = "participant " + std::to_string(i + 1) + " ";
    b.Text("participants", ev.participants[i].institution, b.key(), which);
    b.Text("participants", ev.participants[i].role, b.text(), which + "role ");
  }
  b.Properties(ev.properties);
  b.Evidence(ev.evidence);
  return b.Take();
}

std::optional<Breach> RecordChecks::Check(const Tie& t, FieldStyle style) const {
  FirstBreach b(limits_, style);
  b.Text("key", t.key, b.key());
  b.Text("source", t.source, b.key());
  b.Text("target", t.target, b.key());
  b.Text("type", t.type, b.text());
  b.Text("event", t.event, b.key());
  b.Text("role", t.role, b.text());
  b.Properties(t.properties);
  b.Evidence(t.evidence);
  // A tie joins two institutions; the analyses would drop this one without a word.
  if (!allow_self_loops_ && !t.source.empty() && t.source == t.target) {
    b.Fail("target", "is the source itself ('" + t.source +
                         "'): a tie joins two institutions (import --allow-self-loops keeps it; "
                         "analyses leave self-loops out)");
  }
  // Analyses take the latest realized tie's start as "now" (docs/GAPS.md): one tie begun in
  // the future would make every other look overdue. Planned ties may begin at any date.
  if (t.status == TieStatus::kRealized && t.since.known() &&
      CompareDateStart(t.since, latest_start_) > 0) {
    b.Fail("since", FormatDate(t.since) + " is after today (" + FormatDate(today_) +
                        "), and a realized tie cannot have begun yet: correct the date, or give "
                        "the tie status planned");
  }
  return b.Take();
}

}  // namespace tiegraph
