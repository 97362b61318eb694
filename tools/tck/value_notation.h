// The conformance kit's notation for values in expected results and parameters (README.adoc,
// "Format of the expected results"): null, true/false, integers, floats (NaN, Inf, -Inf too),
// 'strings' with backslash escapes, [lists], {maps}, nodes (:A:B {k: v}), relationships
// [:T {k: v}] and paths <(:A)-[:T]->(:B)<-[:U]-()>.
#ifndef TIEGRAPH_TOOLS_TCK_VALUE_NOTATION_H_
#define TIEGRAPH_TOOLS_TCK_VALUE_NOTATION_H_

#include <string>
#include <string_view>

#include <tiegraph/cypher_value.h>
#include <tiegraph/status.h>

namespace tiegraph::tck {

// Parses one value; the whole text must be that value (surrounding spaces allowed). Nodes and
// relationships get ids 0; a path's nodes are numbered by position so that its relationships'
// start and end say which way each points.
Result<cypher::Value> ParseValue(std::string_view text);

// A value in the same notation, for messages (dates as 'YYYY-MM-DD' strings, as the kit writes
// them). Floats print with up to 17 significant digits so that no two different ones look alike.
std::string FormatValue(const cypher::Value& value);

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_VALUE_NOTATION_H_
