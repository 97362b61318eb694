// Aggregating functions: an accumulator per group and aggregate call, fed one value per row.
//
// As CIP2016-06-14 ("Aggregation") specifies: nulls are skipped (count(*) alone counts every
// row); with DISTINCT only the first of equivalent values counts (Equivalent in
// cypher_semantics.h, so 1 and 1.0 are one value); min and max follow the ORDER BY order
// across kinds (Aggregation2 [11], [12]). With no value taken, count and sum give 0, collect
// gives [], stDev and stDevP give 0.0, and avg, min, max, percentileCont and percentileDisc give
// null (the CIP names 0 for avg and the percentiles; null is what SQL and the common
// implementations give, and the kit has no scenario).
#ifndef TIEGRAPH_CYPHER_AGGREGATES_H_
#define TIEGRAPH_CYPHER_AGGREGATES_H_

#include <memory>
#include <string_view>
#include <unordered_set>

#include <tiegraph/cypher_semantics.h>
#include <tiegraph/cypher_value.h>
#include <tiegraph/query_error.h>

namespace tiegraph::cypher {

class Aggregator {
 public:
  explicit Aggregator(bool distinct) : distinct_(distinct) {}
  virtual ~Aggregator() = default;
  Aggregator(const Aggregator&) = delete;
  Aggregator& operator=(const Aggregator&) = delete;

  // One row's value. True when it was taken; false when skipped (null, or a DISTINCT
  // duplicate). Errors: sum and avg of a non-number (TypeError InvalidArgumentType), integer
  // overflow in sum (ArithmeticError IntegerOverflow).
  QueryResult<bool> Add(const Value& value);
  // percentileCont and percentileDisc: the value and the row's percentile, a number in 0..1
  // (else ArgumentError NumberOutOfRange, Aggregation6 [3]-[5]). Other aggregates ignore it.
  QueryResult<bool> Add(const Value& value, const Value& percentile);

  // The aggregate of the values taken so far.
  virtual Value Result() const = 0;

 protected:
  virtual QueryResult<bool> Take(const Value& value) = 0;
  // Checks and keeps the percentile argument; a no-op except for the percentiles.
  virtual QueryResult<bool> TakeArgument(const Value& argument);
  // count(*) counts null rows too.
  virtual bool counts_nulls() const { return false; }

 private:
  bool distinct_;
  std::unordered_set<Value, ValueHash, ValueEquivalent> seen_;
};

// The aggregate called `name` (case-insensitive: count, sum, avg, min, max, collect,
// percentileCont, percentileDisc, stDev, stDevP), or nullptr for any other name.
std::unique_ptr<Aggregator> MakeAggregator(std::string_view name, bool distinct);
// count(*): the number of rows.
std::unique_ptr<Aggregator> MakeCountStar();

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_AGGREGATES_H_
