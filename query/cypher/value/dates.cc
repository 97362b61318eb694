// Dates as intervals of days, and their text.
#include <cstdio>
#include <string>

#include <tiegraph/cypher_semantics.h>

namespace tiegraph::cypher {

namespace {
bool IsLeapYear(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[(month - 1) % 12];
}

int64_t DaysFromCivil(int64_t year, int month, int day) {
  // Count days in 400-year eras starting on March 1st, so that the leap day ends a year.
  const int64_t y = month <= 2 ? year - 1 : year;
  const int64_t era = FloorDiv(y, 400);
  const int64_t year_of_era = y - era * 400;                               // [0, 399]
  const int64_t month_from_march = month > 2 ? month - 3 : month + 9;      // [0, 11]
  const int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;  // [0, 365]
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;  // 719468: days from 0000-03-01 to 1970-01-01
}

Date DateFromDays(int64_t days) {
  const int64_t shifted = days + 719468;  // from 0000-03-01
  const int64_t era = FloorDiv(shifted, 146097);
  const int64_t day_of_era = shifted - era * 146097;  // [0, 146096]
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t month_from_march = (5 * day_of_year + 2) / 153;  // [0, 11]
  const int64_t day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
  const int64_t month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
  const int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return Date{static_cast<int32_t>(year), static_cast<uint8_t>(month), static_cast<uint8_t>(day),
              Date::Precision::kDay};
}

DayRange DaysCovered(const Date& date) {
  switch (date.precision) {
    case Date::Precision::kYear:
      return {DaysFromCivil(date.year, 1, 1), DaysFromCivil(date.year, 12, 31)};
    case Date::Precision::kMonth:
      return {DaysFromCivil(date.year, date.month, 1),
              DaysFromCivil(date.year, date.month, DaysInMonth(date.year, date.month))};
    case Date::Precision::kDay: {
      const int64_t day = DaysFromCivil(date.year, date.month, date.day);
      return {day, day};
    }
    case Date::Precision::kNone:
      break;
  }
  return {INT64_MIN, INT64_MAX};
}

std::string DateText(const Date& date) {
  if (!date.known()) return "";
  char buffer[32];
  if (date.year >= 0 && date.year <= 9999) {
    std::snprintf(buffer, sizeof buffer, "%04d", static_cast<int>(date.year));
  } else {
    std::snprintf(buffer, sizeof buffer, "%+06d", static_cast<int>(date.year));
  }
  std::string out = buffer;
  if (date.precision >= Date::Precision::kMonth) {
    std::snprintf(buffer, sizeof buffer, "-%02d", static_cast<int>(date.month));
    out += buffer;
  }
  if (date.precision == Date::Precision::kDay) {
    std::snprintf(buffer, sizeof buffer, "-%02d", static_cast<int>(date.day));
    out += buffer;
  }
  return out;
}

}  // namespace tiegraph::cypher
