#include <tiegraph/version.h>

namespace tiegraph {
const char* Version() { return TIEGRAPH_VERSION_STRING; }
}  // namespace tiegraph
