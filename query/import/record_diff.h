// How an input record compares with the stored one it names, for a re-import: the fields it
// would change, and the record as it would be stored after (docs/FORMATS.md, "Re-import").
#ifndef TIEGRAPH_QUERY_RECORD_DIFF_H_
#define TIEGRAPH_QUERY_RECORD_DIFF_H_

#include <string>
#include <vector>

#include <tiegraph/import.h>
#include <tiegraph/model.h>

namespace tiegraph {

// `replace`: the input replaces the stored record whole (every field given, properties
// included); otherwise the fields in `given` replace the stored ones and the input's properties
// replace the stored ones of the same name. `fields` receives the names of the fields that
// differ (properties as "properties.NAME"), in the model's order; `after`, when not null and
// something differs, the record as it would be stored (its key the stored one).
void DiffInstitution(const Institution& stored, const Institution& input, FieldMask given,
                     bool replace, std::vector<std::string>* fields, Institution* after);
void DiffEvent(const Event& stored, const Event& input, FieldMask given, bool replace,
               std::vector<std::string>* fields, Event* after);
// A tie's ends cannot change: the caller checks SameEnds first. An undirected tie keeps the
// stored order of its ends; a directed one takes the input's (its source and target then
// count as changed when they swap).
void DiffTie(const Tie& stored, const Tie& input, FieldMask given, bool replace,
             std::vector<std::string>* fields, Tie* after);

// Do the two ties join the same two institutions (in either order)?
bool SameEnds(const Tie& a, const Tie& b);

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_RECORD_DIFF_H_
