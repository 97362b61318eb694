// Finding the institution a user means by a key, a name or an alias.
#ifndef TIEGRAPH_RESOLVE_H_
#define TIEGRAPH_RESOLVE_H_

#include <string>
#include <string_view>

#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

// The institution a user means by `name`: a key, display name or alias in any language,
// matched after normalisation (tiegraph/text.h). A text that is exactly a key means that
// institution, whatever other institutions' names and aliases say. A name shared by several
// institutions gives InvalidArgument whose message lists the candidates with their names (and
// tells to use a key); an unknown one NotFound, with the nearest names.
Result<std::string> ResolveInstitution(const Snapshot& snap, std::string_view name);

}  // namespace tiegraph

#endif  // TIEGRAPH_RESOLVE_H_
