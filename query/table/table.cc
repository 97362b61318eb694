#include <tiegraph/table.h>

#include <tiegraph/text.h>

#include <charconv>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace tiegraph {
namespace {

using Json = nlohmann::ordered_json;

std::string CellText(const Cell& c) {
  switch (c.index()) {
    case 1:
      return std::get<std::string>(c);
    case 2:
      return std::to_string(std::get<int64_t>(c));
    case 3:
      return FormatReal(std::get<double>(c));
    default:
      return "";
  }
}

bool IsNumber(const Cell& c) { return c.index() == 2 || c.index() == 3; }

Json CellJson(const Cell& c) {
  switch (c.index()) {
    case 1:
      return std::get<std::string>(c);
    case 2:
      return std::get<int64_t>(c);
    case 3:
      return std::isfinite(std::get<double>(c)) ? Json(std::get<double>(c)) : Json();
    default:
      return nullptr;
  }
}

Json TableJson(const Table& t) {
  Json rows = Json::array();
  for (const auto& r : t.rows) {
    Json o = Json::object();
    for (size_t i = 0; i < t.columns.size() && i < r.size(); ++i) o[t.columns[i]] = CellJson(r[i]);
    rows.push_back(std::move(o));
  }
  return rows;
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
  for (size_t i = 0; i < t.columns.size(); ++i) width[i] = DisplayWidth(t.columns[i]);
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
    pad(t.columns[i], i, i + 1 == t.columns.size());
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

void RenderTable(const Table& t, TableFormat format, std::ostream& out) {
  switch (format) {
    case TableFormat::kText:
      RenderText(t, out);
      break;
    case TableFormat::kJson:
      out << TableJson(t).dump(2) << "\n";
      break;
    case TableFormat::kCsv:
      for (size_t i = 0; i < t.columns.size(); ++i) {
        if (i) out << ',';
        CsvField(t.columns[i], out);
      }
      out << "\n";
      for (const auto& r : t.rows) {
        for (size_t i = 0; i < t.columns.size(); ++i) {
          if (i) out << ',';
          CsvField(i < r.size() ? CellText(r[i]) : "", out);
        }
        out << "\n";
      }
      break;
  }
}

void RenderTables(const std::vector<Table>& tables, TableFormat format, std::ostream& out) {
  if (format == TableFormat::kJson) {
    Json o = Json::object();
    for (const auto& t : tables) o[t.title] = TableJson(t);
    out << o.dump(2) << "\n";
    return;
  }
  for (size_t i = 0; i < tables.size(); ++i) {
    if (i) out << "\n";
    RenderTable(tables[i], format, out);
  }
}

}  // namespace tiegraph
