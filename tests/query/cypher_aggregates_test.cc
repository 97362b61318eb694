// Aggregates: expected values from the conformance kit's scenarios (feature file and scenario
// cited) or computed by hand.
#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <tiegraph/cypher_aggregates.h>
#include <catch2/catch.hpp>

#include "cypher_test_values.h"

// In the testing namespace, so the shorthands of cypher_test_values.h need no using-declarations.
namespace tiegraph::cypher::testing {
namespace {

Value Aggregate(std::string_view name, const std::vector<Value>& values, bool distinct = false) {
  std::unique_ptr<Aggregator> aggregator = MakeAggregator(name, distinct);
  REQUIRE(aggregator != nullptr);
  for (const Value& v : values) {
    const QueryResult<bool> taken = aggregator->Add(v);
    REQUIRE(taken.ok());
  }
  return aggregator->Result();
}

Value Percentile(std::string_view name, const std::vector<Value>& values, const Value& p) {
  std::unique_ptr<Aggregator> aggregator = MakeAggregator(name, false);
  REQUIRE(aggregator != nullptr);
  for (const Value& v : values) REQUIRE(aggregator->Add(v, p).ok());
  return aggregator->Result();
}

void Same(const Value& actual, const Value& expected) {
  CHECK(actual.kind() == expected.kind());
  CHECK(Equivalent(actual, expected));
}

TEST_CASE("count, count(*) and DISTINCT", "[cypher-value]") {
  Same(Aggregate("count", {1, kNull, 2, 2}), 3);
  Same(Aggregate("COUNT", {1, kNull, 2, 2}, true), 2);
  Same(Aggregate("count", {}), 0);
  // Aggregation8 [2]: count(DISTINCT a.name) over one node without a name is 0.
  Same(Aggregate("count", {kNull}, true), 0);
  std::unique_ptr<Aggregator> star = MakeCountStar();
  for (const Value& v : {Value(1), kNull, kNull}) REQUIRE(star->Add(v).ok());
  Same(star->Result(), 3);
  // The return value says whether the value was taken.
  std::unique_ptr<Aggregator> distinct = MakeAggregator("collect", true);
  CHECK(*distinct->Add(1));
  CHECK_FALSE(*distinct->Add(1.0));  // equivalent to 1
  CHECK_FALSE(*distinct->Add(kNull));
  CHECK(*distinct->Add("1"));
  CHECK(MakeAggregator("median", false) == nullptr);
}

TEST_CASE("min and max follow the ORDER BY order", "[cypher-value]") {
  // Aggregation2 [1], [2], [3], [6], [7], [8], [9], [10], [11], [12]
  Same(Aggregate("max", {1, 2, 0, kNull, -1}), 2);
  Same(Aggregate("min", {1, 2, 0, kNull, -1}), -1);
  Same(Aggregate("max", {1.0, 2.0, 0.5, kNull}), 2.0);
  Same(Aggregate("min", {1, 2.0, 5, kNull, 3.2, 0.1}), 0.1);
  Same(Aggregate("max", {"a", "b", "B", kNull, "abc", "abc1"}), "b");
  Same(Aggregate("min", {"a", "b", "B", kNull, "abc", "abc1"}), "B");
  Same(Aggregate("max", {L({1}), L({2}), L({2, 1})}), L({2, 1}));
  Same(Aggregate("min", {L({1}), L({2}), L({2, 1})}), L({1}));
  Same(Aggregate("max", {1, "a", kNull, L({1, 2}), 0.2, "b"}), 1);
  Same(Aggregate("min", {1, "a", kNull, L({1, 2}), 0.2, "b"}), L({1, 2}));
  CHECK(Aggregate("max", {kNull}).is_null());
}

TEST_CASE("sum and avg", "[cypher-value]") {
  Same(Aggregate("sum", {33, kNull, 42}), 75);  // Aggregation3 [1]
  // Aggregation3 [2]: the first 3000 integers from 1000000 sum to 3004498500.
  std::vector<Value> many;
  for (int64_t i = 1000000; i < 1003000; ++i) many.emplace_back(i);
  Same(Aggregate("sum", many), int64_t{3004498500});
  // By hand.
  Same(Aggregate("sum", {}), 0);
  Same(Aggregate("sum", {1, 2.5}), 3.5);
  Same(Aggregate("sum", {1, 1, 2}, true), 3);
  Same(Aggregate("avg", {1, 2, kNull}), 1.5);
  Same(Aggregate("avg", {2, 2}), 2.0);
  CHECK(Aggregate("avg", {}).is_null());
  Same(Aggregate("avg", {std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::max()}),
       9.223372036854775807e18);
  std::unique_ptr<Aggregator> strings = MakeAggregator("sum", false);
  const QueryResult<bool> refused = strings->Add("a");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().error_class == ErrorClass::kTypeError);
  std::unique_ptr<Aggregator> overflowing = MakeAggregator("sum", false);
  REQUIRE(overflowing->Add(std::numeric_limits<int64_t>::max()).ok());
  const QueryResult<bool> overflow = overflowing->Add(1);
  REQUIRE_FALSE(overflow.ok());
  CHECK(overflow.error().error_class == ErrorClass::kArithmeticError);
}

TEST_CASE("collect skips nulls", "[cypher-value]") {
  Same(Aggregate("collect", {kNull, kNull}, true), L({}));      // Aggregation8 [3]
  Same(Aggregate("collect", {kNull, 1, kNull}, true), L({1}));  // Aggregation8 [4]
  Same(Aggregate("collect", {}, true), L({}));                  // Aggregation5 [2]
  Same(Aggregate("collect", {42, 43, 44}, true), L({42, 43, 44}));
  Same(Aggregate("collect", {1, 1, kNull}), L({1, 1}));
  Same(Aggregate("collect", {L({kNull}), L({kNull})}, true), L({L({kNull})}));  // CIP example
}

TEST_CASE("standard deviations", "[cypher-value]") {
  // By hand: 2, 4, 4, 4, 5, 5, 7, 9 have mean 5 and squared deviations summing to 32.
  const std::vector<Value> values = {2, 4, 4, 4, 5, 5, 7, 9};
  CHECK(Aggregate("stDevP", values).real() == Approx(2.0));
  CHECK(Aggregate("stDev", values).real() == Approx(std::sqrt(32.0 / 7.0)));
  Same(Aggregate("stDev", {1}), 0.0);
  Same(Aggregate("stDev", {}), 0.0);
  Same(Aggregate("stDevP", {kNull}), 0.0);
}

TEST_CASE("percentiles follow the kit", "[cypher-value]") {
  const std::vector<Value> prices = {10.0, 20.0, 30.0};
  // Aggregation6 [1]
  Same(Percentile("percentileDisc", prices, 0.0), 10.0);
  Same(Percentile("percentileDisc", prices, 0.5), 20.0);
  Same(Percentile("percentileDisc", prices, 1.0), 30.0);
  // Aggregation6 [2]
  Same(Percentile("percentileCont", prices, 0.0), 10.0);
  Same(Percentile("percentileCont", prices, 0.5), 20.0);
  Same(Percentile("percentileCont", prices, 1.0), 30.0);
  // By hand: interpolation, and the discrete value keeps its type.
  Same(Percentile("percentileCont", {10, 20}, 0.25), 12.5);
  Same(Percentile("percentileDisc", {30, 10, 20, 40}, 0.5), 20);
  Same(Percentile("percentileDisc", {30, 10, 20, 40}, 0.51), 30);
  CHECK(Percentile("percentileCont", {}, 0.5).is_null());
  // Aggregation6 [3], [4], [5]
  for (const char* name : {"percentileCont", "percentileDisc"}) {
    for (const Value& p : {Value(1000), Value(-1), Value(1.1), NaN()}) {
      std::unique_ptr<Aggregator> aggregator = MakeAggregator(name, false);
      const QueryResult<bool> taken = aggregator->Add(10.0, p);
      REQUIRE_FALSE(taken.ok());
      CHECK(taken.error().error_class == ErrorClass::kArgumentError);
      CHECK(taken.error().code == "NumberOutOfRange");
    }
  }
}

}  // namespace
}  // namespace tiegraph::cypher::testing
