// What every aggregate shares: skipping nulls and DISTINCT duplicates.
#include <tiegraph/cypher_aggregates.h>

namespace tiegraph::cypher {

QueryResult<bool> Aggregator::Add(const Value& value) {
  if (value.is_null() && !counts_nulls()) return false;
  if (distinct_ && !seen_.insert(value).second) return false;
  return Take(value);
}

QueryResult<bool> Aggregator::Add(const Value& value, const Value& percentile) {
  const QueryResult<bool> argument = TakeArgument(percentile);
  if (!argument.ok()) return argument;
  return Add(value);
}

QueryResult<bool> Aggregator::TakeArgument(const Value&) { return true; }

}  // namespace tiegraph::cypher
