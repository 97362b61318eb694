// date() and the components of dates.
#include <chrono>
#include <string>

#include <tiegraph/cypher_functions.h>
#include <tiegraph/cypher_semantics.h>
#include <tiegraph/vocabulary.h>

#include "function_bodies.h"

namespace tiegraph::cypher {

namespace {

QueryError BadDate(std::string message) {
  return BadArgument("InvalidArgumentValue", std::move(message));
}

QueryResult<Value> DateFromText(const std::string& text) {
  std::string iso = text;
  // The ISO 8601 basic form of a day, 20240315, reads as 2024-03-15.
  if (iso.size() == 8 && iso.find_first_not_of("0123456789") == std::string::npos) {
    iso = iso.substr(0, 4) + "-" + iso.substr(4, 2) + "-" + iso.substr(6, 2);
  }
  if (iso.empty()) return BadDate("date('') names no date");
  Result<Date> parsed = ParseDate(iso);  // storage's reading: YYYY, YYYY-MM, YYYY-MM-DD
  if (!parsed.ok()) return BadDate(parsed.status().message());
  return Value(*parsed);
}

// The integer under `key` of a date map, 0 when absent; false when present but not an integer.
bool MapInteger(const Map& map, const char* key, bool* present, int64_t* out) {
  const auto it = map.find(key);
  *present = it != map.end() && !it->second.is_null();
  if (!*present) return true;
  if (it->second.kind() != Value::Kind::kInteger) return false;
  *out = it->second.integer();
  return true;
}

QueryResult<Value> DateFromMap(const Map& map) {
  for (const auto& [key, value] : map) {
    if (key != "year" && key != "month" && key != "day") {
      return BadDate("date() takes a map of year, month and day, not '" + key + "'");
    }
  }
  bool has_year = false, has_month = false, has_day = false;
  int64_t year = 0, month = 0, day = 0;
  if (!MapInteger(map, "year", &has_year, &year) || !MapInteger(map, "month", &has_month, &month) ||
      !MapInteger(map, "day", &has_day, &day)) {
    return BadDate("date() takes integer year, month and day");
  }
  if (!has_year) return BadDate("date() needs a year");
  if (has_day && !has_month) return BadDate("date() cannot take a day without a month");
  if (year < -999999 || year > 999999) return BadDate("date() year out of range");
  Date date{static_cast<int32_t>(year), 0, 0, Date::Precision::kYear};
  if (has_month) {
    if (month < 1 || month > 12) return BadDate("date() month out of range");
    date.month = static_cast<uint8_t>(month);
    date.precision = Date::Precision::kMonth;
  }
  if (has_day) {
    if (day < 1 || day > DaysInMonth(year, static_cast<int>(month))) {
      return BadDate("date() has no such day in that month");
    }
    date.day = static_cast<uint8_t>(day);
    date.precision = Date::Precision::kDay;
  }
  return Value(date);
}

int64_t Today() {
  using std::chrono::days;
  using std::chrono::floor;
  using std::chrono::system_clock;
  return floor<days>(system_clock::now()).time_since_epoch().count();
}

}  // namespace

QueryResult<Value> DateFunction(const Args& args) {
  if (args.empty()) return Value(DateFromDays(Today()));
  const Value& v = args[0];
  switch (v.kind()) {
    case Value::Kind::kNull:
    case Value::Kind::kDate:
      return v;
    case Value::Kind::kString:
      return DateFromText(v.string());
    case Value::Kind::kMap:
      return DateFromMap(v.map());
    default:
      return WrongArgument("date", v);
  }
}

QueryResult<Value> DateComponent(const Date& date, std::string_view component) {
  const bool month_known = date.precision >= Date::Precision::kMonth;
  const bool day_known = date.precision == Date::Precision::kDay;
  if (component == "year") return date.known() ? Value(int64_t{date.year}) : Value::Null();
  if (component == "month") return month_known ? Value(int64_t{date.month}) : Value::Null();
  if (component == "day") return day_known ? Value(int64_t{date.day}) : Value::Null();
  if (component == "quarter") {
    return month_known ? Value(int64_t{(date.month - 1) / 3 + 1}) : Value::Null();
  }
  const bool day_component = component == "week" || component == "weekYear" ||
                             component == "dayOfWeek" || component == "weekDay" ||
                             component == "ordinalDay" || component == "dayOfQuarter";
  if (!day_component) {
    return QueryError{ErrorClass::kTypeError,
                      "InvalidArgumentValue",
                      "a date has no component '" + std::string(component) + "'",
                      {}};
  }
  if (!day_known) return Value::Null();
  const int64_t days = DaysFromCivil(date.year, date.month, date.day);
  const int64_t weekday = ((days + 3) % 7 + 7) % 7 + 1;  // 1970-01-01 was a Thursday (4)
  if (component == "dayOfWeek" || component == "weekDay") return Value(weekday);
  if (component == "ordinalDay") return Value(days - DaysFromCivil(date.year, 1, 1) + 1);
  if (component == "dayOfQuarter") {
    const int first_month = (date.month - 1) / 3 * 3 + 1;
    return Value(days - DaysFromCivil(date.year, first_month, 1) + 1);
  }
  // ISO 8601: a week belongs to the year that holds its Thursday.
  const int64_t thursday = days - (weekday - 1) + 3;
  const int32_t week_year = DateFromDays(thursday).year;
  if (component == "weekYear") return Value(int64_t{week_year});
  return Value((thursday - DaysFromCivil(week_year, 1, 1)) / 7 + 1);
}

}  // namespace tiegraph::cypher
