// The data model: nodes (institutions, and nodes of any other label), ties (edges) and events
// (multi-party records).
// Plain structs: an embedder builds them, Store persists them. See docs/DATA_MODEL.md for the
// model (identity, tie types, changes, history) and docs/FORMATS.md for every field's format.
#ifndef TIEGRAPH_MODEL_H_
#define TIEGRAPH_MODEL_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tiegraph {

// The fixed sector vocabulary used by analysis (domain.md §f). kNone marks a node that is not
// a functional institution (a place, a council) or whose sector is unknown.
enum class Sector : uint8_t {
  kNone = 0,
  kIndustry,
  kAcademia,
  kResearch,
  kHospital,
  kGovernment,
  kPublicAgency,
  kSupportOrg,
};
inline constexpr int kSectorCount = 8;

enum class TieStatus : uint8_t { kRealized = 0, kPlanned, kProposed };
enum class Confidence : uint8_t { kStated = 0, kImplied, kDerived };

// A calendar date known to a year, a month or a day. An unset date has precision kNone.
struct Date {
  enum class Precision : uint8_t { kNone = 0, kYear, kMonth, kDay };
  int32_t year = 0;
  uint8_t month = 0;  // 1..12 when precision >= kMonth
  uint8_t day = 0;    // 1..31 when precision == kDay
  Precision precision = Precision::kNone;

  bool known() const { return precision != Precision::kNone; }
  bool operator==(const Date&) const = default;
};

// A source that supports an institution or a tie.
struct Evidence {
  std::string source;  // document name, e.g. the article file
  std::string quote;   // verbatim text from the source
  std::string url;
  bool operator==(const Evidence&) const = default;
};

// A typed property value: a scalar, or a list of scalars. Dates keep their precision.
using PropertyScalar = std::variant<std::string, int64_t, double, bool, Date>;
struct PropertyList {
  std::vector<PropertyScalar> items;
  bool operator==(const PropertyList&) const = default;
};
using PropertyValue = std::variant<std::string, int64_t, double, bool, Date, PropertyList>;

struct Property {
  std::string name;
  PropertyValue value;
  bool operator==(const Property&) const = default;
};

// A region as a hierarchy, most general first: {"KR", "Gyeonggi", "Goyang"}.
using Region = std::vector<std::string>;

// The label of the nodes that are institutions (the domain's nodes, and the default).
inline constexpr std::string_view kInstitutionLabel = "Institution";

// A node. Most nodes are institutions: labelled Institution, with every field below meaning
// something and validated. A node with other labels (Person, Program, Article…) or none holds
// only its key, labels and properties (the institution fields keep their defaults), and the
// analytic projections leave it out unless asked. See docs/DATA_MODEL.md.
struct Institution {
  std::string key;                   // stable, unique among nodes, e.g. "ktl"
  std::string name;                  // display name
  std::vector<std::string> aliases;  // other names in any language, abbreviations
  Sector sector = Sector::kNone;     // primary sector
  std::vector<Sector> other_sectors;
  std::string kind = "organization";  // open vocabulary; see docs/FORMATS.md
  bool foreign = false;
  Region region;
  std::string parent;  // key of the institution this one is part of, or empty
  std::vector<Property> properties;
  std::vector<Evidence> evidence;
  // The node's labels, in the order given. The sector's label (Hospital, Industry…) is derived
  // from `sector` for the query language, never stored.
  std::vector<std::string> labels = {std::string(kInstitutionLabel)};
  bool operator==(const Institution&) const = default;

  bool is_institution() const {
    return std::find(labels.begin(), labels.end(), kInstitutionLabel) != labels.end();
  }
};

struct Tie {
  std::string key;  // stable, unique; assigned ("#<N>") when empty
  std::string source;
  std::string target;
  std::string type = "tie";  // a vocabulary with aliases: tiegraph/tie_types.h
  bool directed = false;
  double strength = 1.0;  // a strength, never a distance; >= 0
  TieStatus status = TieStatus::kRealized;
  Confidence confidence = Confidence::kStated;
  Date since;  // validity interval; an unknown end is open
  Date until;
  std::string event;  // key of the event this tie belongs to, or empty
  std::string role;   // the source's role in the event or tie (chair, member…)
  std::vector<Property> properties;
  std::vector<Evidence> evidence;
  bool operator==(const Tie&) const = default;
};

struct Participant {
  std::string institution;  // key
  std::string role;
  bool operator==(const Participant&) const = default;
};

struct Event {
  std::string key;
  std::string name;
  std::string type = "event";  // council, joint-project, meeting…
  Date date;
  std::vector<Participant> participants;
  std::vector<Property> properties;
  std::vector<Evidence> evidence;
  bool operator==(const Event&) const = default;
};

enum class RecordKind { kInstitution, kEvent, kTie };

// A set of records written together: an import, or a single add.
// The store's ceilings on one record, whatever writes it (an import, a program, a query): far
// above what a real institution needs and what imports allow by default (FieldLimits in
// tiegraph/import.h), they stop a runaway program or query before it reaches the disk.
inline constexpr size_t kMaxRecordTextBytes = size_t{1} << 20;  // any one text or string value
inline constexpr size_t kMaxRecordListEntries = 10'000;         // entries of any one list
inline constexpr size_t kMaxRecordBytes = size_t{16} << 20;     // the texts of a record in all

struct Dataset {
  std::vector<Institution> institutions;
  std::vector<Event> events;
  std::vector<Tie> ties;
};

}  // namespace tiegraph

#endif  // TIEGRAPH_MODEL_H_
