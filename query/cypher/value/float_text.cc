// The text of a float: shortest round-trip digits, positional or scientific.
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include <tiegraph/cypher_render.h>

namespace tiegraph::cypher {

std::string FloatText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Inf" : "-Inf";
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  // The shortest digits that read back as d, as "D.DDDDe±XX".
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::scientific);
  std::string scientific(buffer, result.ptr);
  std::string sign;
  if (scientific[0] == '-') {
    sign = "-";
    scientific.erase(0, 1);
  }
  const size_t e = scientific.find('e');
  const int exponent = std::atoi(scientific.c_str() + e + 1);
  std::string digits = scientific.substr(0, e);
  if (digits.size() > 1) digits.erase(1, 1);  // drop the decimal point: "1.25" -> "125"
  if (exponent >= -6 && exponent <= 20) {
    const int point = exponent + 1;  // digits before the decimal point
    std::string text;
    if (point <= 0) {
      text = "0." + std::string(static_cast<size_t>(-point), '0') + digits;
    } else if (static_cast<size_t>(point) >= digits.size()) {
      text = digits + std::string(static_cast<size_t>(point) - digits.size(), '0') + ".0";
    } else {
      text = digits.substr(0, static_cast<size_t>(point)) + "." +
             digits.substr(static_cast<size_t>(point));
    }
    return sign + text;
  }
  std::string mantissa = digits.substr(0, 1);
  if (digits.size() > 1) mantissa += "." + digits.substr(1);
  return sign + mantissa + "e" + std::to_string(exponent);
}

}  // namespace tiegraph::cypher
