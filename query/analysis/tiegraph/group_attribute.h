// The institution attributes analyses group by: mixing, brokerage, communities by attribute.
#ifndef TIEGRAPH_GROUP_ATTRIBUTE_H_
#define TIEGRAPH_GROUP_ATTRIBUTE_H_

#include <string_view>

#include <tiegraph/status.h>

namespace tiegraph {

// sector: the primary sector; region: the province (the first two levels); kind; foreign:
// foreign or domestic.
enum class GroupAttribute { kSector, kRegion, kKind, kForeign };
// "sector" | "region" | "kind" | "foreign".
Result<GroupAttribute> ParseGroupAttribute(std::string_view name);
std::string_view GroupAttributeName(GroupAttribute attribute);

}  // namespace tiegraph

#endif  // TIEGRAPH_GROUP_ATTRIBUTE_H_
