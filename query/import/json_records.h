// The JSON form of records, shared by `dump` (writing) and JSON Lines `import` (reading), so the
// two cannot drift apart. One object per record, {"record": "institution"|"event"|"tie", ...}.
// Field names are listed in docs/FORMATS.md.
#ifndef TIEGRAPH_QUERY_JSON_RECORDS_H_
#define TIEGRAPH_QUERY_JSON_RECORDS_H_

#include <nlohmann/json.hpp>

#include <tiegraph/model.h>
#include <tiegraph/status.h>

namespace tiegraph {

using Json = nlohmann::ordered_json;

Json InstitutionToJson(const Institution& in);
Json EventToJson(const Event& ev);
Json TieToJson(const Tie& tie);

// Each fills `out` from `j`; an error message starts with "field 'name': ".
Status InstitutionFromJson(const Json& j, Institution* out);
Status EventFromJson(const Json& j, Event* out);
Status TieFromJson(const Json& j, Tie* out);

// Typed property values: string, integer, number, boolean, or {"date": "YYYY-MM"}.
Json PropertyValueToJson(const PropertyValue& v);
Status PropertyValueFromJson(const Json& j, PropertyValue* out);

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_JSON_RECORDS_H_
