#include "record_diff.h"

#include <algorithm>

#include "import_internal.h"

namespace tiegraph {
namespace {

// Each kind's fields, once: fn(bit, name, member) for every field a FieldMask covers, in
// RecordFields order. Properties are handled by name, apart.
template <typename Fn>
void EachField(const Institution*, Fn&& fn) {
  using F = InstitutionFields;
  fn(F::kName, "name", &Institution::name);
  fn(F::kAliases, "aliases", &Institution::aliases);
  fn(F::kSector, "sector", &Institution::sector);
  fn(F::kOtherSectors, "other_sectors", &Institution::other_sectors);
  fn(F::kKind, "kind", &Institution::kind);
  fn(F::kForeign, "foreign", &Institution::foreign);
  fn(F::kRegion, "region", &Institution::region);
  fn(F::kParent, "parent", &Institution::parent);
  fn(F::kEvidence, "evidence", &Institution::evidence);
  fn(F::kLabels, "labels", &Institution::labels);
}

template <typename Fn>
void EachField(const Event*, Fn&& fn) {
  using F = EventFields;
  fn(F::kName, "name", &Event::name);
  fn(F::kType, "type", &Event::type);
  fn(F::kDate, "date", &Event::date);
  fn(F::kParticipants, "participants", &Event::participants);
  fn(F::kEvidence, "evidence", &Event::evidence);
}

// A tie's ends are compared apart (DiffTie).
template <typename Fn>
void EachField(const Tie*, Fn&& fn) {
  using F = TieFields;
  fn(F::kType, "type", &Tie::type);
  fn(F::kDirected, "directed", &Tie::directed);
  fn(F::kStrength, "strength", &Tie::strength);
  fn(F::kStatus, "status", &Tie::status);
  fn(F::kConfidence, "confidence", &Tie::confidence);
  fn(F::kSince, "since", &Tie::since);
  fn(F::kUntil, "until", &Tie::until);
  fn(F::kEvent, "event", &Tie::event);
  fn(F::kRole, "role", &Tie::role);
  fn(F::kEvidence, "evidence", &Tie::evidence);
}

const Property* Named(const std::vector<Property>& list, const std::string& name) {
  for (const Property& p : list) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// The properties that differ: update, those the input names with another value (or new);
// replace, also those it lacks, and "properties" alone for the same ones in another order.
void DiffProperties(const std::vector<Property>& stored, const std::vector<Property>& input,
                    bool replace, std::vector<std::string>* fields) {
  if (replace && stored == input) return;
  const size_t first = fields->size();
  for (const Property& p : input) {
    const Property* old = Named(stored, p.name);
    if (!old || old->value != p.value) fields->push_back("properties." + p.name);
  }
  if (!replace) return;
  for (const Property& p : stored) {
    if (!Named(input, p.name)) fields->push_back("properties." + p.name);
  }
  if (fields->size() == first) fields->push_back("properties");
}

// The stored properties with the input's put over them by name.
void PatchProperties(const std::vector<Property>& input, std::vector<Property>* stored) {
  for (const Property& p : input) {
    auto it = std::find_if(stored->begin(), stored->end(),
                           [&](const Property& q) { return q.name == p.name; });
    if (it == stored->end()) {
      stored->push_back(p);
    } else {
      it->value = p.value;
    }
  }
}

// The fields of `input` in `given` that differ from `stored`, then the properties.
template <typename Record>
void DiffFields(const Record& stored, const Record& input, FieldMask given, bool replace,
                std::vector<std::string>* fields) {
  EachField(&stored, [&](FieldMask bit, const char* name, auto member) {
    if ((given & bit) && !(stored.*member == input.*member)) fields->push_back(name);
  });
  DiffProperties(stored.properties, input.properties, replace, fields);
}

// `stored` patched with the given fields of `input` (update), or `input` under the stored key
// (replace).
template <typename Record>
void Patch(const Record& stored, const Record& input, FieldMask given, bool replace,
           Record* after) {
  if (replace) {
    *after = input;
    after->key = stored.key;
    return;
  }
  *after = stored;
  EachField(&stored, [&](FieldMask bit, const char*, auto member) {
    if (given & bit) (*after).*member = input.*member;
  });
  PatchProperties(input.properties, &after->properties);
}

template <typename Record>
void Diff(const Record& stored, const Record& input, FieldMask given, bool replace,
          std::vector<std::string>* fields, Record* after) {
  if (replace) given = kAllFields;
  DiffFields(stored, input, given, replace, fields);
  if (after && !fields->empty()) Patch(stored, input, given, replace, after);
}

}  // namespace

const std::vector<std::string_view>& RecordFields(RecordKind kind) {
  static const std::vector<std::string_view> kInstitution = {
      "name",    "aliases", "sector", "other_sectors", "kind",
      "foreign", "region",  "parent", "evidence",      "labels"};
  static const std::vector<std::string_view> kTie = {
      "source",     "target", "type",  "directed", "strength", "status",
      "confidence", "since",  "until", "event",    "role",     "evidence"};
  static const std::vector<std::string_view> kEvent = {"name", "type", "date", "participants",
                                                       "evidence"};
  switch (kind) {
    case RecordKind::kInstitution:
      return kInstitution;
    case RecordKind::kEvent:
      return kEvent;
    case RecordKind::kTie:
      break;
  }
  return kTie;
}

void DiffInstitution(const Institution& stored, const Institution& input, FieldMask given,
                     bool replace, std::vector<std::string>* fields, Institution* after) {
  Diff(stored, input, given, replace, fields, after);
}

void DiffEvent(const Event& stored, const Event& input, FieldMask given, bool replace,
               std::vector<std::string>* fields, Event* after) {
  Diff(stored, input, given, replace, fields, after);
}

bool SameEnds(const Tie& a, const Tie& b) {
  return (a.source == b.source && a.target == b.target) ||
         (a.source == b.target && a.target == b.source);
}

void DiffTie(const Tie& stored, const Tie& input, FieldMask given, bool replace,
             std::vector<std::string>* fields, Tie* after) {
  if (replace) given = kAllFields;
  // A directed tie after the change runs as the input says; an undirected one keeps its order.
  const bool directed = (given & TieFields::kDirected) ? input.directed : stored.directed;
  const bool swap = directed && input.source != stored.source;
  if (swap) {
    fields->push_back("source");
    fields->push_back("target");
  }
  DiffFields(stored, input, given, replace, fields);
  if (!after || fields->empty()) return;
  Patch(stored, input, given, replace, after);
  after->source = swap ? input.source : stored.source;
  after->target = swap ? input.target : stored.target;
}

}  // namespace tiegraph
