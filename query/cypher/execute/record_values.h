// How the query language sees the stored records (docs/QUERY.md, "The data model"): an
// institution's fields as properties and its sector as a label, a tie's domain fields as the
// relationship's properties, typed properties as values; and the way back, for SET and CREATE.
#ifndef TIEGRAPH_CYPHER_RECORD_VALUES_H_
#define TIEGRAPH_CYPHER_RECORD_VALUES_H_

#include <string>
#include <vector>

#include <tiegraph/cypher_value.h>
#include <tiegraph/model.h>
#include <tiegraph/query_error.h>

namespace tiegraph::cypher {

// A stored property value as a query value, and back. A map, a node, a relationship, a path,
// a list of those or a list mixing types cannot be stored: TypeError (InvalidPropertyType).
Value FromProperty(const PropertyValue& value);
QueryResult<PropertyValue> ToProperty(const std::string& key, const Value& value);

// The labels a query sees: the stored ones, and an institution's sectors' labels.
std::vector<std::string> NodeLabels(const Institution& node);
bool NodeHasLabel(const Institution& node, const std::string& label);

// An institution's properties: key, name, aliases, sector, other_sectors, kind, foreign,
// region, parent, evidence (the quotes) where set, then its typed properties. Any other node's:
// its typed properties.
Map NodeProperties(const Institution& node);
Value NodeProperty(const Institution& node, const std::string& key);

// Sets (a null value removes) one property: an institution's field when the key names one,
// else a typed property. A field refuses a value of the wrong type or outside its vocabulary.
QueryResult<bool> SetNodeProperty(Institution* node, const std::string& key, const Value& value);

// An event's properties: key, name, type, date and evidence where set, then its typed
// properties.
Map EventProperties(const Event& event);

// A tie's properties. `domain` (both ends are institutions): key (unless assigned), strength,
// status, confidence, directed, since, until, event, role and evidence where set, then its
// typed properties. Otherwise its typed properties alone (a tie the query language created
// between other nodes), with the domain fields only where they differ from their defaults.
Map TieProperties(const Tie& tie, bool domain);
Value TieProperty(const Tie& tie, bool domain, const std::string& key);
QueryResult<bool> SetTieProperty(Tie* tie, bool domain, const std::string& key, const Value& value);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_RECORD_VALUES_H_
