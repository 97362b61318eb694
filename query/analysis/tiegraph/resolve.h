// Finding the institution a user means by a key, a name or an alias.
#ifndef TIEGRAPH_RESOLVE_H_
#define TIEGRAPH_RESOLVE_H_

#include <string>
#include <string_view>

#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

// The institution a user means by `name`: a key, display name or alias in any language,
// matched after normalisation (tiegraph/text.h). An ambiguous name (NotFound for an unknown
// one) gives InvalidArgument whose message lists the candidates with their names.
Result<std::string> ResolveInstitution(const Snapshot& snap, std::string_view name);

}  // namespace tiegraph

#endif  // TIEGRAPH_RESOLVE_H_
