// Internal: the factories of each aggregate, for MakeAggregator, and what they share.
#ifndef TIEGRAPH_CYPHER_AGGREGATES_INTERNAL_H_
#define TIEGRAPH_CYPHER_AGGREGATES_INTERNAL_H_

#include <memory>
#include <string_view>

#include <tiegraph/cypher_aggregates.h>

namespace tiegraph::cypher {

std::unique_ptr<Aggregator> MakeCount(bool distinct);
std::unique_ptr<Aggregator> MakeSum(bool distinct);
std::unique_ptr<Aggregator> MakeAvg(bool distinct);
std::unique_ptr<Aggregator> MakeMin(bool distinct);
std::unique_ptr<Aggregator> MakeMax(bool distinct);
std::unique_ptr<Aggregator> MakeCollect(bool distinct);
std::unique_ptr<Aggregator> MakeStDev(bool distinct, bool population);
std::unique_ptr<Aggregator> MakePercentile(bool distinct, bool continuous);

// The type error of a numeric aggregate given `v`, which is not a number.
QueryError NotANumber(std::string_view function, const Value& v);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_AGGREGATES_INTERNAL_H_
