// stDev, stDevP, percentileCont, percentileDisc.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <tiegraph/cypher_aggregates.h>

#include "aggregates_internal.h"

namespace tiegraph::cypher {

namespace {

// Welford's running mean and sum of squared deviations: stable for large, close values.
class StDev : public Aggregator {
 public:
  StDev(bool distinct, bool population) : Aggregator(distinct), population_(population) {}
  Value Result() const override {
    const int64_t denominator = population_ ? count_ : count_ - 1;
    if (denominator <= 0) return Value(0.0);
    return Value(std::sqrt(squares_ / static_cast<double>(denominator)));
  }

 protected:
  QueryResult<bool> Take(const Value& v) override {
    if (!v.is_number()) return NotANumber(population_ ? "stDevP" : "stDev", v);
    ++count_;
    const double x = v.number();
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    squares_ += delta * (x - mean_);
    return true;
  }

 private:
  bool population_;
  int64_t count_ = 0;
  double mean_ = 0;
  double squares_ = 0;
};

class Percentile : public Aggregator {
 public:
  Percentile(bool distinct, bool continuous) : Aggregator(distinct), continuous_(continuous) {}

  Value Result() const override {
    if (values_.empty()) return Value::Null();
    std::vector<Value> sorted = values_;
    std::sort(sorted.begin(), sorted.end(),
              [](const Value& a, const Value& b) { return a.number() < b.number(); });
    const auto n = static_cast<double>(sorted.size());
    if (continuous_) {
      // Linear interpolation between the closest ranks (Aggregation6 [2]).
      const double position = percentile_ * (n - 1);
      const auto below = static_cast<size_t>(std::floor(position));
      const size_t above = std::min(below + 1, sorted.size() - 1);
      const double fraction = position - static_cast<double>(below);
      const double low = sorted[below].number();
      return Value(low + (sorted[above].number() - low) * fraction);
    }
    // Nearest rank: the first value whose cumulative share reaches the percentile
    // (Aggregation6 [1]); the value itself, an integer stays an integer.
    const double rank = std::ceil(percentile_ * n) - 1;
    return sorted[rank <= 0 ? 0 : static_cast<size_t>(rank)];
  }

 protected:
  QueryResult<bool> TakeArgument(const Value& argument) override {
    if (!argument.is_number()) {
      return QueryError{
          ErrorClass::kTypeError,
          "InvalidArgumentType",
          "the percentile must be a number, got " + std::string(KindName(argument.kind())),
          {}};
    }
    const double p = argument.number();
    if (!(p >= 0.0 && p <= 1.0)) {
      return QueryError{ErrorClass::kArgumentError,
                        "NumberOutOfRange",
                        "the percentile must lie between 0.0 and 1.0",
                        {}};
    }
    percentile_ = p;
    return true;
  }

  QueryResult<bool> Take(const Value& v) override {
    if (!v.is_number()) return NotANumber(continuous_ ? "percentileCont" : "percentileDisc", v);
    values_.push_back(v);
    return true;
  }

 private:
  bool continuous_;
  double percentile_ = 0.5;
  std::vector<Value> values_;
};

}  // namespace

std::unique_ptr<Aggregator> MakeStDev(bool distinct, bool population) {
  return std::make_unique<StDev>(distinct, population);
}
std::unique_ptr<Aggregator> MakePercentile(bool distinct, bool continuous) {
  return std::make_unique<Percentile>(distinct, continuous);
}

}  // namespace tiegraph::cypher
