#include <tiegraph/resolve.h>

namespace tiegraph {
namespace {

std::string Describe(const Snapshot& snap, const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) {
    auto in = snap.GetInstitution(k);
    out += "\n  " + k + (in.ok() ? "  " + in->name : "");
  }
  return out;
}

}  // namespace

Result<std::string> ResolveInstitution(const Snapshot& snap, std::string_view name) {
  // A key names one institution by construction, so a text that is exactly a key means that
  // institution even when another one has it (in any case) as a name or an alias: keys are
  // what an ambiguity message tells the user to type.
  if (auto exact = snap.GetInstitution(name); exact.ok()) {
    return exact->key;
  } else if (!exact.status().IsNotFound()) {
    return exact.status();
  }
  auto found = snap.LookupName(name);
  if (!found.ok()) return found.status();
  if (found->size() == 1) return found->front();
  if (found->size() > 1) {
    return Status::InvalidArgument(
        "'" + std::string(name) + "' is ambiguous; it names " + std::to_string(found->size()) +
        " institutions:" + Describe(snap, *found) + "\nuse a key to choose one");
  }
  auto suggestions = snap.SuggestNames(name, 10);
  if (!suggestions.ok()) return suggestions.status();
  std::string msg = "no institution named '" + std::string(name) + "'";
  if (!suggestions->empty()) msg += "; did you mean:" + Describe(snap, *suggestions);
  return Status::NotFound(msg);
}

}  // namespace tiegraph
