// Whether a query's result is the one a scenario expects. Values compare structurally: nodes by
// labels (as a set) and properties, relationships by type and properties, paths element by
// element and in the direction of each relationship; ids never matter. An integer never equals
// a float. A date equals the string the kit writes for it ('1984-10-11').
#ifndef TIEGRAPH_TOOLS_TCK_RESULT_COMPARE_H_
#define TIEGRAPH_TOOLS_TCK_RESULT_COMPARE_H_

#include <string>
#include <vector>

#include <tiegraph/cypher_value.h>

namespace tiegraph::tck {

using Row = std::vector<cypher::Value>;

// Equal, both NaN, printing the same to 15 significant digits, or within 1e-12 of each other
// relative to the larger: the kit writes floats as decimals that need not be the nearest double.
bool FloatsMatch(double actual, double expected);

// With `ignore_list_order`, every list (at any depth) compares as a multiset of its elements.
bool ValuesMatch(const cypher::Value& actual, const cypher::Value& expected,
                 bool ignore_list_order);

enum class RowOrder { kAnyOrder, kInOrder };

struct ExpectedTable {
  std::vector<std::string> columns;
  std::vector<Row> rows;
};

// An empty string when the actual table matches: the same column names in the same order, and
// the same rows (as a multiset, or in order). Otherwise a short account of the first difference.
std::string CompareTables(const std::vector<std::string>& columns, const std::vector<Row>& rows,
                          const ExpectedTable& expected, RowOrder order, bool ignore_list_order);

std::string FormatRow(const Row& row);  // "[1, 'a', null]"

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_RESULT_COMPARE_H_
