// The whole database as JSON Lines, the form `import` reads back.
#ifndef TIEGRAPH_DUMP_H_
#define TIEGRAPH_DUMP_H_

#include <ostream>

#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

// Writes every record as JSON Lines, institutions, then events, then ties; `import` reads it
// back to an identical database.
Status DumpJsonl(const Snapshot& snap, std::ostream& out);

}  // namespace tiegraph

#endif  // TIEGRAPH_DUMP_H_
