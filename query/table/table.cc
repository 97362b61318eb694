#include <tiegraph/table.h>

#include <tiegraph/text.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace tiegraph {
namespace {

using Json = nlohmann::ordered_json;

// The cell for people (reals rounded) or for programs (reals in full).
std::string CellText(const Cell& c, bool full_precision = false) {
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  if (const auto* i = std::get_if<int64_t>(&c)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&c))
    return full_precision ? ShortestReal(*d) : FormatReal(*d);
  return "";
}

bool Fits(const Cell& c, ColumnType type) {
  if (std::holds_alternative<std::monostate>(c)) return true;
  switch (type) {
    case ColumnType::kString:
      return std::holds_alternative<std::string>(c);
    case ColumnType::kInt:
      return std::holds_alternative<int64_t>(c);
    case ColumnType::kReal:
      return std::holds_alternative<double>(c) || std::holds_alternative<int64_t>(c);
  }
  return false;
}

bool IsNumber(const Cell& c) {
  return std::holds_alternative<int64_t>(c) || std::holds_alternative<double>(c);
}

// nlohmann writes a double in its shortest round-trip form, as ShortestReal does.
Json CellJson(const Cell& c) {
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  if (const auto* i = std::get_if<int64_t>(&c)) return *i;
  if (const auto* d = std::get_if<double>(&c)) return std::isfinite(*d) ? Json(*d) : Json();
  return nullptr;
}

Json TableJson(const Table& t) {
  Json columns = Json::array();
  for (const Column& c : t.columns) {
    columns.push_back({{"name", c.name}, {"type", std::string(ColumnTypeName(c.type))}});
  }
  Json rows = Json::array();
  for (const auto& r : t.rows) {
    Json o = Json::object();
    for (size_t i = 0; i < t.columns.size(); ++i) {
      o[t.columns[i].name] = i < r.size() ? CellJson(r[i]) : Json();
    }
    rows.push_back(std::move(o));
  }
  Json o = {{"name", t.name}, {"title", t.title}};
  if (!t.note.empty()) o["note"] = t.note;
  o["columns"] = std::move(columns);
  o["rows"] = std::move(rows);
  return o;
}

void CsvField(const std::string& s, std::ostream& out) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

void RenderText(const Table& t, std::ostream& out) {
  std::vector<size_t> width(t.columns.size());
  std::vector<bool> numeric(t.columns.size(), true);
  for (size_t i = 0; i < t.columns.size(); ++i) width[i] = DisplayWidth(t.columns[i].name);
  for (const auto& r : t.rows) {
    for (size_t i = 0; i < r.size() && i < width.size(); ++i) {
      width[i] = std::max(width[i], DisplayWidth(CellText(r[i])));
      if (r[i].index() != 0 && !IsNumber(r[i])) numeric[i] = false;
    }
  }
  auto pad = [&](const std::string& s, size_t i, bool last) {
    size_t fill = width[i] - std::min(width[i], DisplayWidth(s));
    if (numeric[i])
      out << std::string(fill, ' ') << s;
    else
      out << s << (last ? "" : std::string(fill, ' '));
  };
  if (!t.title.empty()) out << t.title << "\n";
  if (!t.note.empty()) out << t.note << "\n";
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out << "  ";
    pad(t.columns[i].name, i, i + 1 == t.columns.size());
  }
  out << "\n";
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out << "  ";
    out << std::string(width[i], '-');
  }
  out << "\n";
  for (const auto& r : t.rows) {
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (i) out << "  ";
      pad(i < r.size() ? CellText(r[i]) : "", i, i + 1 == t.columns.size());
    }
    out << "\n";
  }
  if (t.rows.empty()) out << "(none)\n";
}

}  // namespace

std::string FormatReal(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string ShortestReal(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf");
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : FormatReal(v);
}

std::string_view ColumnTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kString:
      return "string";
    case ColumnType::kInt:
      return "int";
    case ColumnType::kReal:
      return "real";
  }
  return "string";
}

Status Table::AddColumn(Column column) {
  if (ColumnIndex(column.name)) {
    return Status::InvalidArgument("table '" + name + "' already has a column '" + column.name +
                                   "'");
  }
  columns.push_back(std::move(column));
  for (auto& r : rows) r.resize(columns.size());
  return Status::OK();
}

void Table::AddRow(std::vector<Cell> row) {
#ifndef NDEBUG
  assert(row.size() == columns.size());
  for (size_t i = 0; i < row.size() && i < columns.size(); ++i)
    assert(Fits(row[i], columns[i].type));
#endif
  rows.push_back(std::move(row));
}

Status Table::Validate() const {
  if (name.empty()) return Status::InvalidArgument("table '" + title + "' has no name");
  for (size_t i = 0; i < columns.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (columns[i].name == columns[j].name) {
        return Status::InvalidArgument("table '" + name + "' has two columns '" + columns[i].name +
                                       "'");
      }
    }
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != columns.size()) {
      return Status::InvalidArgument("table '" + name + "' row " + std::to_string(r + 1) + " has " +
                                     std::to_string(rows[r].size()) + " cells for " +
                                     std::to_string(columns.size()) + " columns");
    }
    for (size_t i = 0; i < columns.size(); ++i) {
      if (!Fits(rows[r][i], columns[i].type)) {
        return Status::InvalidArgument("table '" + name + "' row " + std::to_string(r + 1) +
                                       ": column '" + columns[i].name + "' holds " +
                                       std::string(ColumnTypeName(columns[i].type)) +
                                       " values, not '" + CellText(rows[r][i], true) + "'");
      }
    }
  }
  return Status::OK();
}

std::optional<size_t> Table::ColumnIndex(std::string_view column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column) return i;
  }
  return std::nullopt;
}

const Cell* Table::At(size_t row, std::string_view column) const {
  const std::optional<size_t> i = ColumnIndex(column);
  if (!i || row >= rows.size() || *i >= rows[row].size()) return nullptr;
  return &rows[row][*i];
}

namespace {

// The cell at `row` in `column`, or NotFound saying which of the two is missing.
Result<const Cell*> CellFor(const Table& t, size_t row, std::string_view column) {
  if (!t.ColumnIndex(column)) {
    return Status::NotFound("table '" + t.name + "' has no column '" + std::string(column) + "'");
  }
  const Cell* c = t.At(row, column);
  if (c == nullptr) {
    return Status::NotFound("table '" + t.name + "' has no row " + std::to_string(row + 1));
  }
  return c;
}

Status WrongType(const Table& t, size_t row, std::string_view column, std::string_view want) {
  return Status::InvalidArgument("table '" + t.name + "' row " + std::to_string(row + 1) +
                                 " column '" + std::string(column) + "' holds no " +
                                 std::string(want));
}

}  // namespace

Result<std::string> Table::String(size_t row, std::string_view column) const {
  auto c = CellFor(*this, row, column);
  if (!c.ok()) return c.status();
  if (const auto* s = std::get_if<std::string>(*c)) return *s;
  return WrongType(*this, row, column, "string");
}

Result<int64_t> Table::Int(size_t row, std::string_view column) const {
  auto c = CellFor(*this, row, column);
  if (!c.ok()) return c.status();
  if (const auto* i = std::get_if<int64_t>(*c)) return *i;
  return WrongType(*this, row, column, "integer");
}

Result<double> Table::Real(size_t row, std::string_view column) const {
  auto c = CellFor(*this, row, column);
  if (!c.ok()) return c.status();
  if (const auto* d = std::get_if<double>(*c)) return *d;
  if (const auto* i = std::get_if<int64_t>(*c)) return static_cast<double>(*i);
  return WrongType(*this, row, column, "number");
}

namespace {

void RenderCsv(const Table& t, std::ostream& out) {
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out << ',';
    CsvField(t.columns[i].name, out);
  }
  out << "\n";
  for (const auto& r : t.rows) {
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (i) out << ',';
      CsvField(i < r.size() ? CellText(r[i], /*full_precision=*/true) : "", out);
    }
    out << "\n";
  }
}

}  // namespace

void RenderTable(const Table& t, TableFormat format, std::ostream& out) {
  RenderTables({t}, format, out);
}

void RenderTables(const std::vector<Table>& tables, TableFormat format, std::ostream& out) {
  if (format == TableFormat::kJson) {
    Json list = Json::array();
    for (const auto& t : tables) list.push_back(TableJson(t));
    out << Json({{"tables", std::move(list)}}).dump(2) << "\n";
    return;
  }
  for (size_t i = 0; i < tables.size(); ++i) {
    if (i) out << "\n";
    if (format == TableFormat::kText) {
      RenderText(tables[i], out);
    } else {
      // A single table stays plain CSV; several are framed so a reader can split them.
      if (tables.size() > 1) out << "# table: " << tables[i].name << "\n";
      RenderCsv(tables[i], out);
    }
  }
}

const Table* FindTable(const std::vector<Table>& tables, std::string_view name) {
  for (const Table& t : tables) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

Result<Table> SelectTable(const std::vector<Table>& tables, std::string_view name) {
  if (const Table* t = FindTable(tables, name)) return *t;
  std::string names;
  for (const Table& t : tables) names += (names.empty() ? "" : ", ") + t.name;
  return Status::NotFound("no table '" + std::string(name) +
                          "' in this result; its tables: " + names);
}

}  // namespace tiegraph
