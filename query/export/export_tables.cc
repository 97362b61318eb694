// The line-based formats: CSV node and edge tables (Gephi's column names), Pajek, UCINET DL
// and VOSviewer.
#include <tiegraph/table.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <tiegraph/export_graph.h>

namespace tiegraph {
namespace {

// A value in its column's type. Reals go out in full precision (the table's CSV form writes the
// shortest exact text), so a custom property's real reads back the same on import.
Cell ToCell(const AttributeValue& v) {
  switch (v.index()) {
    case 1:
      return std::get<std::string>(v);
    case 2:
      return std::get<int64_t>(v);
    case 3:
      return std::get<double>(v);
    case 4:
      return std::string(std::get<bool>(v) ? "true" : "false");
  }
  return std::monostate{};
}

ColumnType ColumnFor(AttributeType type) {
  switch (type) {
    case AttributeType::kInt:
      return ColumnType::kInt;
    case AttributeType::kDouble:
      return ColumnType::kReal;
    default:
      return ColumnType::kString;  // booleans are written as true/false
  }
}

// Positions mapped into [0, 1] x [0, 1] (Pajek), keeping the aspect ratio.
std::vector<Point> UnitPositions(const ExportGraph& g) {
  std::vector<Point> unit(g.nodes.size());
  if (!g.has_positions || g.nodes.empty()) return unit;
  double x0 = g.positions[0].x, x1 = x0, y0 = g.positions[0].y, y1 = y0;
  for (const Point& p : g.positions) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  const double span = std::max({x1 - x0, y1 - y0, 1e-9});
  for (size_t v = 0; v < unit.size(); ++v) {
    unit[v] = {(g.positions[v].x - x0) / span, 1.0 - (g.positions[v].y - y0) / span};
  }
  return unit;
}

// Names as labels, made unique (a repeated name gets its key) since readers key nodes by them;
// double quotes, which Pajek and DL labels cannot escape, become single quotes.
std::vector<std::string> UniqueLabels(const ExportGraph& g) {
  std::map<std::string, int> seen;
  for (const Institution& in : g.nodes) ++seen[in.name];
  std::vector<std::string> labels;
  for (const Institution& in : g.nodes) {
    std::string label = in.name.empty() ? in.key : in.name;
    if (seen[in.name] > 1 || in.name.empty())
      label = (in.name.empty() ? "" : in.name + " ") + "[" + in.key + "]";
    std::replace(label.begin(), label.end(), '"', '\'');
    std::replace(label.begin(), label.end(), '\n', ' ');
    labels.push_back(std::move(label));
  }
  return labels;
}

// Partition classes: communities (from 1) when computed, else the sector's code.
std::vector<int> Classes(const ExportGraph& g) {
  std::vector<int> out;
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    out.push_back(g.has_community ? static_cast<int>(g.community[v])
                                  : static_cast<int>(g.nodes[v].sector) + 1);
  }
  return out;
}

// A column's header: a custom property's carries its own name and the type suffix
// tiegraph's CSV import reads ("founded:int"), so the table imports back typed; the suffix
// also keeps it apart from any built-in column of the same name.
std::string Header(const Attribute& a) {
  return a.property.empty() ? a.name : a.property + ":" + ImportTypeName(a);
}

}  // namespace

void WriteCsvNodes(const ExportGraph& g, std::ostream& out) {
  Table t{"nodes", "nodes", {{"Id", ColumnType::kString}, {"Label", ColumnType::kString}}};
  for (const Attribute& a : g.node_attributes) {
    if (a.name != "name") t.columns.push_back({Header(a), ColumnFor(a.type)});
  }
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    std::vector<Cell> row = {g.nodes[v].key, g.nodes[v].name};
    for (size_t i = 0; i < g.node_attributes.size(); ++i) {
      const Attribute& a = g.node_attributes[i];
      if (a.name != "name") row.push_back(ToCell(g.node_values[v][i]));
    }
    t.AddRow(std::move(row));
  }
  RenderTable(t, TableFormat::kCsv, out);
}

void WriteCsvEdges(const ExportGraph& g, std::ostream& out) {
  Table t{"edges",
          "edges",
          {{"Source", ColumnType::kString},
           {"Target", ColumnType::kString},
           {"Type", ColumnType::kString},
           {"Id", ColumnType::kString},
           {"Label", ColumnType::kString},
           {"Weight", ColumnType::kReal}}};
  for (const Attribute& a : g.tie_attributes) t.columns.push_back({Header(a), ColumnFor(a.type)});
  for (size_t e = 0; e < g.ties.size(); ++e) {
    const ExportTie& x = g.ties[e];
    std::vector<Cell> row = {g.nodes[x.a].key,
                             g.nodes[x.b].key,
                             std::string(g.directed && x.tie.directed ? "Directed" : "Undirected"),
                             x.tie.key,
                             x.tie.type,
                             x.tie.strength};
    for (size_t i = 0; i < g.tie_attributes.size(); ++i) {
      row.push_back(ToCell(g.tie_values[e][i]));
    }
    t.AddRow(std::move(row));
  }
  RenderTable(t, TableFormat::kCsv, out);
}

void WritePajekNet(const ExportGraph& g, std::ostream& out) {
  const std::vector<std::string> labels = UniqueLabels(g);
  const std::vector<Point> unit = UnitPositions(g);
  out << "*Vertices " << g.nodes.size() << "\n";
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    out << v + 1 << " \"" << labels[v] << "\"";
    // A shape after the coordinates: networkx reads coordinates only when one follows.
    if (g.has_positions)
      out << " " << FixedText(unit[v].x, 4) << " " << FixedText(unit[v].y, 4) << " ellipse";
    out << "\n";
  }
  // Undirected ties as edges; in a directed view, directed ties as arcs.
  for (const bool arcs : {false, true}) {
    bool header = false;
    for (const ExportTie& t : g.ties) {
      if ((g.directed && t.tie.directed) != arcs) continue;
      if (!header) out << (arcs ? "*Arcs\n" : "*Edges\n"), header = true;
      std::string type = t.tie.type;
      std::replace(type.begin(), type.end(), '"', '\'');
      out << t.a + 1 << " " << t.b + 1 << " " << FormatReal(t.tie.strength) << " l \"" << type
          << "\"\n";
    }
  }
}

void WritePajekClu(const ExportGraph& g, std::ostream& out) {
  out << "*Vertices " << g.nodes.size() << "\n";
  for (int c : Classes(g)) out << c << "\n";
}

void WriteUcinetDl(const ExportGraph& g, std::ostream& out) {
  const std::vector<std::string> labels = UniqueLabels(g);
  out << "DL N=" << g.nodes.size() << "\nFORMAT = EDGELIST1\nLABELS:\n";
  for (size_t v = 0; v < labels.size(); ++v) out << (v ? ",\n" : "") << '"' << labels[v] << '"';
  out << "\nDATA:\n";
  // An undirected network is a symmetric matrix: each pair both ways.
  for (const ExportGraph::Pair& p : g.pairs) {
    out << p.a + 1 << " " << p.b + 1 << " " << FormatReal(p.weight) << "\n";
    if (!g.directed) out << p.b + 1 << " " << p.a + 1 << " " << FormatReal(p.weight) << "\n";
  }
}

void WriteVosviewerMap(const ExportGraph& g, std::ostream& out) {
  std::vector<double> links(g.nodes.size(), 0), strength(g.nodes.size(), 0);
  for (const ExportGraph::Pair& p : g.pairs) {
    links[p.a] += 1, links[p.b] += 1;
    strength[p.a] += p.weight, strength[p.b] += p.weight;
  }
  const std::vector<int> classes = Classes(g);
  out << "id\tlabel";
  if (g.has_positions) out << "\tx\ty";
  out << "\tcluster\tweight<Links>\tweight<Total link strength>";
  std::vector<size_t> scores;
  for (size_t i = 0; i < g.node_attributes.size(); ++i) {
    const std::string& name = g.node_attributes[i].name;
    if (std::find(g.measure_names.begin(), g.measure_names.end(), name) != g.measure_names.end()) {
      out << "\tscore<" << name << ">";
      scores.push_back(i);
    }
  }
  out << "\n";
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    std::string label = g.nodes[v].name;
    std::replace(label.begin(), label.end(), '\t', ' ');
    out << v + 1 << "\t" << label;
    if (g.has_positions) {
      out << "\t" << FormatReal(g.positions[v].x) << "\t" << FormatReal(g.positions[v].y);
    }
    out << "\t" << classes[v] << "\t" << FormatReal(links[v]) << "\t" << FormatReal(strength[v]);
    for (size_t i : scores) out << "\t" << ValueText(g.node_values[v][i]);
    out << "\n";
  }
}

void WriteVosviewerNetwork(const ExportGraph& g, std::ostream& out) {
  for (const ExportGraph::Pair& p : g.pairs) {
    out << p.a + 1 << "\t" << p.b + 1 << "\t" << FormatReal(p.weight) << "\n";
  }
}

}  // namespace tiegraph
