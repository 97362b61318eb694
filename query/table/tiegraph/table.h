// Table: the result of every query, rendered for people (aligned text) or programs
// (JSON, CSV). A table has a stable snake_case name and typed, uniquely named columns, so
// programs read cells by column name, never by position.
#ifndef TIEGRAPH_TABLE_H_
#define TIEGRAPH_TABLE_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <tiegraph/status.h>

namespace tiegraph {

// A cell: text, an integer, a real number, or empty (null in JSON).
using Cell = std::variant<std::monostate, std::string, int64_t, double>;

// What a column holds. A real column also takes integer cells (an integer is a real number;
// "value" columns mix counts and ratios). Every column takes empty cells.
enum class ColumnType { kString, kInt, kReal };

std::string_view ColumnTypeName(ColumnType type);  // "string", "int", "real"

struct Column {
  std::string name;  // snake_case, unique within its table
  ColumnType type = ColumnType::kString;
};

class Table {
 public:
  Table() = default;
  // `name`: the stable snake_case identifier programs select the table by; `title`: shown above
  // the text form only. Duplicate column names are a programming error: Validate() reports
  // them, and AddColumn() refuses them.
  Table(std::string name, std::string title, std::vector<Column> columns)
      : name(std::move(name)), title(std::move(title)), columns(std::move(columns)) {}

  std::string name;
  std::string title;
  std::string note = {};  // what the numbers mean, one line under the title (text form only)
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;

  // Appends a column; InvalidArgument when the table already has one by that name. Rows added
  // before get an empty cell.
  Status AddColumn(Column column);
  // Appends a row. In debug builds asserts it matches the columns (count and types); Validate()
  // checks the same in every build.
  void AddRow(std::vector<Cell> row);

  // OK when the name is set, column names are unique and every row has one cell per column,
  // each of its column's type or empty.
  Status Validate() const;

  std::optional<size_t> ColumnIndex(std::string_view column) const;
  // The cell at `row` in the named column; nullptr when there is no such row or column.
  const Cell* At(size_t row, std::string_view column) const;
  // Typed reads: NotFound for a missing row or column, InvalidArgument for an empty cell or a
  // cell of another type (Real also reads an integer cell).
  Result<std::string> String(size_t row, std::string_view column) const;
  Result<int64_t> Int(size_t row, std::string_view column) const;
  Result<double> Real(size_t row, std::string_view column) const;
};

enum class TableFormat { kText, kJson, kCsv };

// Text: title and note, then columns aligned by display width (Hangul counts two), numbers
// right-aligned; tables one after another, separated by a blank line.
// JSON (one table or several alike):
//   {"tables":[{"name":…,"title":…,"note":…,"columns":[{"name":…,"type":…},…],
//               "rows":[{column: value,…},…]},…]}
// CSV: RFC 4180 with a header row. One table: plain CSV. Several: each preceded by a line
// `# table: NAME` and separated from the next by a blank line.
// Reals in JSON and CSV carry full precision (ShortestReal); only text rounds (FormatReal).
void RenderTable(const Table& t, TableFormat format, std::ostream& out);
void RenderTables(const std::vector<Table>& tables, TableFormat format, std::ostream& out);

// The table named `name` in `tables`, or nullptr.
const Table* FindTable(const std::vector<Table>& tables, std::string_view name);
// The table named `name`, or NotFound naming the tables there are.
Result<Table> SelectTable(const std::vector<Table>& tables, std::string_view name);

// How a real number is printed for people: up to 6 significant digits, no trailing zeros.
std::string FormatReal(double v);
// The shortest text that reads back to the same double (17 significant digits at most): what
// machine-readable output carries.
std::string ShortestReal(double v);

}  // namespace tiegraph

#endif  // TIEGRAPH_TABLE_H_
