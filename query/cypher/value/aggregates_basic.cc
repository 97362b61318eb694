// count, sum, avg, min, max, collect.
#include <string>

#include <tiegraph/cypher_aggregates.h>

#include "aggregates_internal.h"

namespace tiegraph::cypher {

namespace {

class Count : public Aggregator {
 public:
  Count(bool distinct, bool star) : Aggregator(distinct), star_(star) {}
  Value Result() const override { return Value(count_); }

 protected:
  QueryResult<bool> Take(const Value&) override {
    ++count_;
    return true;
  }
  bool counts_nulls() const override { return star_; }

 private:
  bool star_;
  int64_t count_ = 0;
};

// Integers while only integers come (overflow is an error), a float from the first float on.
class Sum : public Aggregator {
 public:
  using Aggregator::Aggregator;
  Value Result() const override { return is_float_ ? Value(real_) : Value(integer_); }

 protected:
  QueryResult<bool> Take(const Value& v) override {
    if (!v.is_number()) return NotANumber("sum", v);
    if (!is_float_ && v.kind() == Value::Kind::kInteger) {
      if (__builtin_add_overflow(integer_, v.integer(), &integer_)) {
        return QueryError{
            ErrorClass::kArithmeticError, "IntegerOverflow", "integer overflow in sum()", {}};
      }
      return true;
    }
    if (!is_float_) {
      is_float_ = true;
      real_ = static_cast<double>(integer_);
    }
    real_ += v.number();
    return true;
  }

 private:
  bool is_float_ = false;
  int64_t integer_ = 0;
  double real_ = 0;
};

class Avg : public Aggregator {
 public:
  using Aggregator::Aggregator;
  Value Result() const override {
    if (count_ == 0) return Value::Null();
    return Value(static_cast<double>(sum_ / static_cast<long double>(count_)));
  }

 protected:
  QueryResult<bool> Take(const Value& v) override {
    if (!v.is_number()) return NotANumber("avg", v);
    // long double: exact for every int64 and keeps the mean of large integers precise.
    sum_ += v.kind() == Value::Kind::kInteger ? static_cast<long double>(v.integer())
                                              : static_cast<long double>(v.real());
    ++count_;
    return true;
  }

 private:
  long double sum_ = 0;
  int64_t count_ = 0;
};

class Extreme : public Aggregator {
 public:
  Extreme(bool distinct, bool max) : Aggregator(distinct), max_(max) {}
  Value Result() const override { return best_; }

 protected:
  QueryResult<bool> Take(const Value& v) override {
    const int order = OrderCompare(v, best_);  // null (nothing yet) sorts after everything
    if (best_.is_null() || (max_ ? order > 0 : order < 0)) best_ = v;
    return true;
  }

 private:
  bool max_;
  Value best_;
};

class Collect : public Aggregator {
 public:
  using Aggregator::Aggregator;
  Value Result() const override { return Value(values_); }

 protected:
  QueryResult<bool> Take(const Value& v) override {
    values_.push_back(v);
    return true;
  }

 private:
  List values_;
};

}  // namespace

std::unique_ptr<Aggregator> MakeCount(bool distinct) {
  return std::make_unique<Count>(distinct, false);
}
std::unique_ptr<Aggregator> MakeCountStar() { return std::make_unique<Count>(false, true); }
std::unique_ptr<Aggregator> MakeSum(bool distinct) { return std::make_unique<Sum>(distinct); }
std::unique_ptr<Aggregator> MakeAvg(bool distinct) { return std::make_unique<Avg>(distinct); }
std::unique_ptr<Aggregator> MakeMin(bool distinct) {
  return std::make_unique<Extreme>(distinct, false);
}
std::unique_ptr<Aggregator> MakeMax(bool distinct) {
  return std::make_unique<Extreme>(distinct, true);
}
std::unique_ptr<Aggregator> MakeCollect(bool distinct) {
  return std::make_unique<Collect>(distinct);
}

}  // namespace tiegraph::cypher
