#include <tiegraph/group_attribute.h>

#include <tiegraph/vocabulary.h>

namespace tiegraph {
namespace {
constexpr std::string_view kGroupAttributeNames[] = {"sector", "region", "kind", "foreign"};
}  // namespace

Result<GroupAttribute> ParseGroupAttribute(std::string_view name) {
  return ParseChoice<GroupAttribute>("attribute", name, kGroupAttributeNames);
}

std::string_view GroupAttributeName(GroupAttribute attribute) {
  return kGroupAttributeNames[static_cast<size_t>(attribute)];
}

}  // namespace tiegraph
