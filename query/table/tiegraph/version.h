#ifndef TIEGRAPH_VERSION_H_
#define TIEGRAPH_VERSION_H_

namespace tiegraph {
// The library's version, "major.minor.patch".
const char* Version();
}  // namespace tiegraph

#endif  // TIEGRAPH_VERSION_H_
