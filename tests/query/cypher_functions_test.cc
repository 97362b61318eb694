// The query language's functions: expected values from the conformance kit's scenarios (feature
// file and scenario cited) or computed by hand.
#include <cmath>
#include <ctime>
#include <limits>
#include <string>
#include <vector>

#include <tiegraph/cypher_functions.h>
#include <tiegraph/cypher_semantics.h>
#include <catch2/catch.hpp>

#include "cypher_test_values.h"

// In the testing namespace, so the shorthands of cypher_test_values.h need no using-declarations.
namespace tiegraph::cypher::testing {
namespace {

QueryResult<Value> Call(std::string_view name, std::vector<Value> args) {
  const FunctionInfo* function = FindFunction(name);
  REQUIRE(function != nullptr);
  return CallFunction(*function, args);
}

Value Ok(std::string_view name, std::vector<Value> args) {
  const QueryResult<Value> result = Call(name, std::move(args));
  INFO(name << ": " << (result.ok() ? "" : result.error().message));
  REQUIRE(result.ok());
  return *result;
}

// Equivalent values, reported readably on failure.
void Same(const Value& actual, const Value& expected) { CHECK(Equivalent(actual, expected)); }

void Fails(std::string_view name, std::vector<Value> args, ErrorClass error_class,
           std::string_view code) {
  const QueryResult<Value> result = Call(name, std::move(args));
  INFO(name);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().error_class == error_class);
  CHECK(result.error().code == code);
}

TEST_CASE("functions are found by case-insensitive name", "[cypher-value]") {
  REQUIRE(FindFunction("toString") != nullptr);
  CHECK(FindFunction("TOSTRING") == FindFunction("tostring"));
  CHECK(FindFunction("toString")->name == "toString");
  CHECK(FindFunction("noSuchFunction") == nullptr);
  CHECK(FindFunction("count")->aggregate);
  CHECK(FindFunction("percentileDisc")->min_arity == 2);
  CHECK_FALSE(FindFunction("size")->aggregate);
  CHECK(FindFunction("startNode")->needs_graph);
  CHECK(FindFunction("coalesce")->max_arity == FunctionInfo::kVariadic);
  CHECK_FALSE(FindFunction("date")->deterministic);
  // Aggregates and graph functions are not called here.
  CHECK_FALSE(CallFunction(*FindFunction("count"), {1}).ok());
  CHECK_FALSE(CallFunction(*FindFunction("endNode"), {Rel(1, "T", 1, 2)}).ok());
}

TEST_CASE("type conversions follow the kit", "[cypher-value]") {
  // TypeConversion1 [1], [3], [4], [5]
  Same(Ok("toBoolean", {true}), true);
  Same(Ok("toBoolean", {"false"}), false);
  for (const Value& v : {kNull, Value(""), Value(" tru "), Value("f alse")}) {
    CHECK(Ok("toBoolean", {v}).is_null());
  }
  for (const Value& v : {L({}), M({}), Value(1.0), Value(Node(1, {}))}) {
    Fails("toBoolean", {v}, ErrorClass::kTypeError, "InvalidArgumentValue");
  }
  // TypeConversion2 [1], [3], [4], [8]
  Same(Ok("toInteger", {82.9}), 82);
  Same(Ok("toInteger", {2.9}), 2);
  Same(Ok("toInteger", {"1.7"}), 1);
  Same(Ok("toInteger", {"42"}), 42);
  CHECK(Ok("toInteger", {"abc"}).is_null());
  CHECK(Ok("toInteger", {2}).kind() == Value::Kind::kInteger);
  for (const Value& v : {L({}), M({}), Value(Rel(1, "T", 1, 2))}) {
    Fails("toInteger", {v}, ErrorClass::kTypeError, "InvalidArgumentValue");
  }
  // By hand: truncation toward zero; no integer holds NaN.
  Same(Ok("toInteger", {-2.9}), -2);
  CHECK(Ok("toInteger", {NaN()}).is_null());
  Same(Ok("toInteger", {"9223372036854775807"}), std::numeric_limits<int64_t>::max());
  // TypeConversion3 [1], [3], [4], [6]
  const Value three = Ok("toFloat", {3});
  CHECK(three.kind() == Value::Kind::kFloat);
  CHECK(three.real() == 3.0);
  Same(Ok("toFloat", {"5"}), 5.0);
  CHECK(Ok("toFloat", {"foo"}).is_null());
  Fails("toFloat", {true}, ErrorClass::kTypeError, "InvalidArgumentValue");
  // TypeConversion4 [1], [2], [6], [10]
  Same(Ok("toString", {42}), "42");
  Same(Ok("toString", {true}), "true");
  Same(Ok("toString", {1.5}), "1.5");
  CHECK(Ok("toString", {kNull}).is_null());
  Fails("toString", {L({})}, ErrorClass::kTypeError, "InvalidArgumentValue");
  // Temporal6 [1]: toString of a date is its ISO text; partial dates keep their precision.
  Same(Ok("toString", {Day(1984, 10, 11)}), "1984-10-11");
  Same(Ok("toString", {Month(2024, 3)}), "2024-03");
  // The OrNull forms turn errors into null.
  CHECK(Ok("toStringOrNull", {L({})}).is_null());
  CHECK(Ok("toBooleanOrNull", {1.0}).is_null());
  Same(Ok("toIntegerOrNull", {"7"}), 7);
}

TEST_CASE("string functions", "[cypher-value]") {
  Same(Ok("substring", {"0123456789", 1}), "123456789");    // String1 [1]
  Same(Ok("reverse", {"raksO"}), "Oskar");                  // String3 [1]
  CHECK(Ok("split", {"one1two", "1"}).list().size() == 2);  // String4 [1]
  // By hand.
  Same(Ok("substring", {"0123456789", 1, 3}), "123");
  Same(Ok("substring", {"abc", 5}), "");
  Fails("substring", {"abc", -1}, ErrorClass::kArgumentError, "NumberOutOfRange");
  Same(Ok("toUpper", {"abc"}), "ABC");
  Same(Ok("toLower", {"ABC \xED\x95\x9C"}), "abc \xED\x95\x9C");
  Same(Ok("trim", {"  a b \t"}), "a b");
  Same(Ok("ltrim", {"  a "}), "a ");
  Same(Ok("rtrim", {"  a "}), "  a");
  Same(Ok("replace", {"hello", "l", "L"}), "heLLo");
  Same(Ok("replace", {"ab", "", "-"}), "-a-b-");
  Same(Ok("split", {"a,b,,c", ","}), L({"a", "b", "", "c"}));
  Same(Ok("left", {"hello", 2}), "he");
  Same(Ok("right", {"hello", 2}), "lo");
  Same(Ok("right", {"hello", 9}), "hello");
  // Code points, not bytes: "한국어" has three.
  const std::string korean = "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4";
  Same(Ok("size", {korean}), 3);
  Same(Ok("left", {korean, 1}), "\xED\x95\x9C");
  Same(Ok("reverse", {korean}), "\xEC\x96\xB4\xEA\xB5\xAD\xED\x95\x9C");
  Same(Ok("substring", {korean, 1, 1}), "\xEA\xB5\xAD");
  CHECK(Ok("toUpper", {kNull}).is_null());
  CHECK(Ok("replace", {"a", kNull, "b"}).is_null());
  Fails("toUpper", {1}, ErrorClass::kTypeError, "InvalidArgumentValue");
}

TEST_CASE("list and map functions", "[cypher-value]") {
  Same(Ok("size", {L({1, 2, 3})}), 3);   // List6 [1]
  CHECK(Ok("size", {kNull}).is_null());  // List6 [4]
  Fails("size", {PathValue{{Node(1, {})}, {}}}, ErrorClass::kTypeError, "InvalidArgumentValue");
  Same(Ok("head", {L({1, 2})}), 1);
  CHECK(Ok("head", {L({})}).is_null());
  Same(Ok("last", {L({1, 2})}), 2);
  Same(Ok("tail", {L({1, 2, 3})}), L({2, 3}));
  Same(Ok("tail", {L({})}), L({}));
  Same(Ok("reverse", {L({1, "a"})}), L({"a", 1}));
  Same(Ok("coalesce", {kNull, kNull, 3, 4}), 3);
  CHECK(Ok("coalesce", {kNull}).is_null());
  // Map3 [3], [4]; Graph9 [1], [3], [4]
  CHECK(Ok("keys", {kNull}).is_null());
  Same(Ok("keys", {M({{"k", kNull}, {"l", 1}})}), L({"k", "l"}));
  Same(Ok("keys", {M({})}), L({}));
  const Value popeye = M({{"name", "Popeye"}, {"level", 9001}});
  Same(Ok("properties", {Node(1, {"Person"}, popeye.map())}), popeye);
  Same(Ok("properties", {Rel(2, "T", 1, 3, popeye.map())}), popeye);
  Same(Ok("properties", {popeye}), popeye);
  CHECK(Ok("properties", {kNull}).is_null());
  Fails("properties", {1}, ErrorClass::kTypeError, "InvalidArgumentValue");
  // Graph3 [2], [7], [9]; Graph4 [1], [3]
  Same(Ok("labels", {Node(1, {"Foo", "Bar"})}), L({"Foo", "Bar"}));
  CHECK(Ok("labels", {kNull}).is_null());
  Fails("labels", {"x"}, ErrorClass::kTypeError, "InvalidArgumentValue");
  Same(Ok("type", {Rel(1, "T", 1, 2)}), "T");
  CHECK(Ok("type", {kNull}).is_null());
  Same(Ok("id", {Node(42, {})}), 42);
  const PathValue path{{Node(1, {"A"}), Node(2, {"B"})}, {Rel(3, "T", 1, 2)}};
  Same(Ok("length", {path}), 1);
  Same(Ok("nodes", {path}), L({Node(1, {"A"}), Node(2, {"B"})}));
  Same(Ok("relationships", {path}), L({Rel(3, "T", 1, 2)}));
  Fails("length", {Rel(3, "T", 1, 2)}, ErrorClass::kTypeError, "InvalidArgumentValue");
}

TEST_CASE("range follows the kit", "[cypher-value]") {
  // List11 [1]
  Same(Ok("range", {-1236, -1234}), L({-1236, -1235, -1234}));
  Same(Ok("range", {-1234, -1234}), L({-1234}));
  Same(Ok("range", {0, -123}), L({}));
  Same(Ok("range", {-1, 1}), L({-1, 0, 1}));
  Same(Ok("range", {6, 10}), L({6, 7, 8, 9, 10}));
  // List11 [3]: empty exactly when sign(stop - start) <> sign(step).
  for (const int stop : {1, 2, 500, 1000, 1500}) {
    for (const int step : {-1000, -3, -2, -1, 1, 2, 3, 1000}) {
      const bool empty = (stop > 0) != (step > 0);
      CHECK(Ok("range", {0, stop, step}).list().empty() == empty);
    }
  }
  Same(Ok("range", {10, 0, -3}), L({10, 7, 4, 1}));  // by hand
  // List11 [4], [5]
  Fails("range", {2, 8, 0}, ErrorClass::kArgumentError, "NumberOutOfRange");
  for (const std::vector<Value>& args : std::vector<std::vector<Value>>{{true, 1, 1},
                                                                        {0, 1.1, 1},
                                                                        {-0.0, 1, 1},
                                                                        {0, 1, "xyz"},
                                                                        {L({0}), 1, 1},
                                                                        {0, M({{"end", 1}}), 1}}) {
    Fails("range", args, ErrorClass::kArgumentError, "InvalidArgumentType");
  }
  CHECK_FALSE(Call("range", {0, std::numeric_limits<int64_t>::max()}).ok());
}

TEST_CASE("numeric functions", "[cypher-value]") {
  Same(Ok("abs", {-1}), 1);  // Mathematical11 [1]
  CHECK(Ok("abs", {-1}).kind() == Value::Kind::kInteger);
  CHECK(Ok("sqrt", {12.96}).real() == Approx(3.6));  // Mathematical13 [1]
  // By hand.
  Same(Ok("abs", {-1.5}), 1.5);
  Same(Ok("ceil", {1.2}), 2.0);
  CHECK(Ok("ceil", {1}).kind() == Value::Kind::kFloat);
  Same(Ok("floor", {-1.2}), -2.0);
  Same(Ok("round", {2.5}), 3.0);
  Same(Ok("round", {-2.5}), -2.0);
  Same(Ok("round", {0.49999999999999994}), 0.0);
  Same(Ok("round", {3.14159, 2}), 3.14);
  Same(Ok("round", {-1.55, 1}), -1.6);
  Same(Ok("sign", {-17}), -1);
  Same(Ok("sign", {0.1}), 1);
  Same(Ok("sign", {0}), 0);
  Same(Ok("exp", {0}), 1.0);
  Same(Ok("log", {1}), 0.0);
  Same(Ok("log10", {1000}), 3.0);
  CHECK(Ok("e", {}).real() == Approx(2.718281828459045));
  CHECK(Ok("pi", {}).real() == Approx(3.141592653589793));
  CHECK(Ok("sin", {0}).real() == 0.0);
  CHECK(Ok("cos", {0}).real() == 1.0);
  CHECK(Ok("atan2", {1, 1}).real() == Approx(0.7853981633974483));
  CHECK(Ok("degrees", {Ok("pi", {})}).real() == Approx(180.0));
  CHECK(Ok("radians", {180}).real() == Approx(3.141592653589793));
  CHECK(Ok("asin", {1}).real() == Approx(1.5707963267948966));
  CHECK(std::isnan(Ok("sqrt", {-1}).real()));
  CHECK(Ok("abs", {kNull}).is_null());
  Fails("abs", {"x"}, ErrorClass::kTypeError, "InvalidArgumentValue");
  Fails("abs", {std::numeric_limits<int64_t>::min()}, ErrorClass::kArithmeticError,
        "IntegerOverflow");
}

TEST_CASE("date() keeps the precision it is given", "[cypher-value]") {
  Same(Ok("date", {"2024"}), Year(2024));
  Same(Ok("date", {"2024-03"}), Month(2024, 3));
  Same(Ok("date", {"2024-03-15"}), Day(2024, 3, 15));
  Same(Ok("date", {"20240315"}), Day(2024, 3, 15));
  // Temporal1 [4] (first row): {year: 1984, month: 10, day: 11} is 1984-10-11.
  Same(Ok("date", {M({{"year", 1984}, {"month", 10}, {"day", 11}})}), Day(1984, 10, 11));
  // tiegraph keeps the precision of the keys present (the kit completes {year: 1984, month: 10}
  // to 1984-10-01).
  Same(Ok("date", {M({{"year", 1984}, {"month", 10}})}), Month(1984, 10));
  Same(Ok("date", {M({{"year", 1984}})}), Year(1984));
  Same(Ok("date", {Month(2024, 3)}), Month(2024, 3));
  CHECK(Ok("date", {kNull}).is_null());
  for (const Value& bad :
       {Value("2024-02-30"), Value("2024-13"), Value("March"), Value(""), M({{"month", 3}}),
        M({{"year", 2024}, {"day", 3}}), M({{"year", 2024}, {"week", 3}})}) {
    Fails("date", {bad}, ErrorClass::kArgumentError, "InvalidArgumentValue");
  }
  Fails("date", {1}, ErrorClass::kTypeError, "InvalidArgumentValue");
  // Today: a day-precision date within a day of the clock's (checked against the C library).
  const Value today = Ok("date", {});
  REQUIRE(today.kind() == Value::Kind::kDate);
  CHECK(today.date().precision == Date::Precision::kDay);
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  const int64_t expected = DaysFromCivil(utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
  const int64_t actual = DaysFromCivil(today.date().year, today.date().month, today.date().day);
  CHECK(std::abs(actual - expected) <= 1);
}

TEST_CASE("date components", "[cypher-value]") {
  auto component = [](const Value& date, std::string_view name) {
    const QueryResult<Value> result = DateComponent(date.date(), name);
    REQUIRE(result.ok());
    return *result;
  };
  // Temporal5 [1]: 1984-10-11.
  const Value d = Day(1984, 10, 11);
  Same(component(d, "year"), 1984);
  Same(component(d, "quarter"), 4);
  Same(component(d, "month"), 10);
  Same(component(d, "week"), 41);
  Same(component(d, "weekYear"), 1984);
  Same(component(d, "day"), 11);
  Same(component(d, "ordinalDay"), 285);
  Same(component(d, "weekDay"), 4);
  Same(component(d, "dayOfQuarter"), 11);
  // Temporal5 [2]: 1984-01-01 lies in week 52 of 1983, a Sunday.
  const Value new_year = Day(1984, 1, 1);
  Same(component(new_year, "year"), 1984);
  Same(component(new_year, "weekYear"), 1983);
  Same(component(new_year, "week"), 52);
  Same(component(new_year, "weekDay"), 7);
  // Partial dates: null beyond their precision.
  Same(component(Month(2024, 3), "month"), 3);
  Same(component(Month(2024, 3), "quarter"), 1);
  CHECK(component(Month(2024, 3), "day").is_null());
  CHECK(component(Month(2024, 3), "week").is_null());
  CHECK(component(Year(2024), "month").is_null());
  Same(component(Year(2024), "year"), 2024);
  CHECK_FALSE(DateComponent(Year(2024).date(), "hour").ok());
  // By hand: DateFromDays inverts DaysFromCivil.
  for (const int64_t day : {int64_t{-719468}, int64_t{-1}, int64_t{0}, int64_t{11016},
                            int64_t{19797}, int64_t{2932896}}) {
    const Date date = DateFromDays(day);
    CHECK(DaysFromCivil(date.year, date.month, date.day) == day);
  }
  CHECK(DateText(DateFromDays(19797)) == "2024-03-15");
}

// rand(): "a random floating point number in the range from 0 (inclusive) to 1 (exclusive)"
// (the Cypher manual); not deterministic, so never folded into a constant.
TEST_CASE("rand() is at least 0 and below 1, and not deterministic", "[cypher-value]") {
  const FunctionInfo* rand = FindFunction("RAND");
  REQUIRE(rand != nullptr);
  CHECK_FALSE(rand->deterministic);
  bool differ = false;
  double first = -1;
  for (int i = 0; i < 100; ++i) {
    auto v = CallFunction(*rand, {});
    REQUIRE(v.ok());
    REQUIRE(v->kind() == Value::Kind::kFloat);
    CHECK(v->real() >= 0.0);
    CHECK(v->real() < 1.0);
    if (i == 0) first = v->real();
    differ = differ || v->real() != first;
  }
  CHECK(differ);
}

}  // namespace
}  // namespace tiegraph::cypher::testing
