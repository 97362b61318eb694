// Table: the result of every query, rendered for people (aligned text) or programs
// (JSON, CSV) with the same stable column names.
#ifndef TIEGRAPH_TABLE_H_
#define TIEGRAPH_TABLE_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace tiegraph {

// A cell: text, an integer, a real number, or empty (null in JSON).
using Cell = std::variant<std::monostate, std::string, int64_t, double>;

struct Table {
  std::string title;  // shown above the aligned text form only
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::string note = {};  // what the numbers mean, one line under the title (text form only)

  void AddRow(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

enum class TableFormat { kText, kJson, kCsv };

// Text: columns aligned by display width (Hangul counts two), numbers right-aligned.
// JSON: an array of objects keyed by column name. CSV: RFC 4180 with a header row.
void RenderTable(const Table& t, TableFormat format, std::ostream& out);
// Several tables: text prints them one after another; JSON an object {title: rows}; CSV each
// with its header, separated by a blank line.
void RenderTables(const std::vector<Table>& tables, TableFormat format, std::ostream& out);

// How a real number is printed for people: up to 6 significant digits, no trailing zeros.
std::string FormatReal(double v);
// The shortest text that reads back to the same double (17 significant digits at most): what
// machine-readable output carries.
std::string ShortestReal(double v);

}  // namespace tiegraph

#endif  // TIEGRAPH_TABLE_H_
