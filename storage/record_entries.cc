#include "record_entries.h"

#include <tiegraph/text.h>

#include <algorithm>

#include "key_format.h"

namespace tiegraph {

std::vector<std::string> NormalizedNames(const Institution& in) {
  std::vector<std::string> names;
  std::string norm;
  auto add = [&](const std::string& n) {
    if (NormalizeName(n, &norm) && !norm.empty() &&
        std::find(names.begin(), names.end(), norm) == names.end())
      names.push_back(norm);
  };
  add(in.key);
  add(in.name);
  for (const auto& a : in.aliases) add(a);
  return names;
}

void AdjacencyEntryOf(const Tie& tie, std::string_view tie_key, uint64_t seq, uint32_t source_id,
                      uint32_t target_id, bool at_source, std::string* key, std::string* value) {
  TieRef::Direction dir = TieRef::Direction::kUndirected;
  if (tie.directed) dir = at_source ? TieRef::Direction::kOut : TieRef::Direction::kIn;
  key->clear();
  keys::AppendAdjacencyKey(key, at_source ? tie.source : tie.target,
                           at_source ? target_id : source_id, seq);
  keys::EncodeAdjacencyValue(dir, tie.status, tie.confidence, tie.strength, tie.type,
                             at_source ? tie.target : tie.source, tie_key, value);
}

}  // namespace tiegraph
