// Aggregates by name.
#include <string>

#include <tiegraph/cypher_aggregates.h>

#include "aggregates_internal.h"

namespace tiegraph::cypher {

std::unique_ptr<Aggregator> MakeAggregator(std::string_view name, bool distinct) {
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower == "count") return MakeCount(distinct);
  if (lower == "sum") return MakeSum(distinct);
  if (lower == "avg") return MakeAvg(distinct);
  if (lower == "min") return MakeMin(distinct);
  if (lower == "max") return MakeMax(distinct);
  if (lower == "collect") return MakeCollect(distinct);
  if (lower == "stdev") return MakeStDev(distinct, false);
  if (lower == "stdevp") return MakeStDev(distinct, true);
  if (lower == "percentilecont") return MakePercentile(distinct, true);
  if (lower == "percentiledisc") return MakePercentile(distinct, false);
  return nullptr;
}

}  // namespace tiegraph::cypher
