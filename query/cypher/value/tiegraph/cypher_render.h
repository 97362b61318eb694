// Values as text: in the notation of the openCypher conformance kit's expected results (the
// kit's README.adoc, "Format of the expected results"), as JSON, and for aligned tables.
#ifndef TIEGRAPH_CYPHER_RENDER_H_
#define TIEGRAPH_CYPHER_RENDER_H_

#include <string>

#include <tiegraph/cypher_value.h>

namespace tiegraph::cypher {

// A float as the kit writes it and as toString() gives it: the shortest decimal that reads back
// as the same double, always with a decimal point or an exponent: 1.0, 1.5, 1000000000.0,
// 0.000001, 1e-7, -1.2635418652381264e305, 1e21 (positional notation for exponents -6..20, as
// ECMAScript's Number#toString; the kit writes 1e9 as 1000000000.0 and .1e-5 as 0.000001,
// Literals5). NaN, Inf and -Inf for the IEEE 754 special values.
std::string FloatText(double d);

// The kit's notation: null, true, 1, 1.5, 'it\'s' (single quotes; \\, \', \n, \t, \r escaped),
// [1, 2], {a: 1, b: 'x'} (keys in the map's order; a key that is not a plain identifier in
// backquotes), dates as the quoted string '2024-03-15' (the kit's temporal scenarios compare
// dates that way; a partial date is '2024-03' or '2024'), nodes (:A:B {name: 'x'}),
// relationships [:T {k: 1}], paths <(:A)-[:T]->(:B)<-[:U]-(:C)> (each relationship points the
// way its start and end nodes lie along the path).
std::string RenderValue(const Value& v);

// JSON: null, booleans, numbers (floats with a decimal point; NaN, Inf and -Inf, which JSON
// lacks, as the strings "NaN", "Inf", "-Inf"), strings, arrays, objects; dates as strings that
// keep their precision ("2024-03"); nodes as {"id": 1, "labels": […], "properties": {…}};
// relationships as {"id": 7, "type": "T", "start": 1, "end": 2, "properties": {…}}; paths as
// {"nodes": […], "relationships": […]}. Appends to *out.
void WriteJson(const Value& v, std::string* out);

// A table cell: like RenderValue, but a string or a date standing alone is unquoted (strings
// inside lists and maps keep their quotes, so ['a, b'] stays readable).
std::string DisplayText(const Value& v);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_RENDER_H_
