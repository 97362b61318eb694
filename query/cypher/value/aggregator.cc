// What every aggregate shares: skipping nulls and DISTINCT duplicates.
#include <string>

#include <tiegraph/cypher_aggregates.h>

#include "aggregates_internal.h"

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

QueryError NotANumber(std::string_view function, const Value& v) {
  return QueryError{
      ErrorClass::kTypeError,
      "InvalidArgumentType",
      std::string(function) + "() takes numbers, got " + std::string(KindName(v.kind())),
      {}};
}

}  // namespace tiegraph::cypher
