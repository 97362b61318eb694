// DOT for Graphviz: the export, and the drawing `Render` hands to the Graphviz libraries.
#include <tiegraph/layout.h>
#include <tiegraph/text.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include <tiegraph/export_dot.h>

namespace tiegraph {
namespace {

// A DOT double-quoted string: quotes and backslashes escaped, newlines as \n.
std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out + "\"";
}

std::string Html(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

std::string Num(double v) { return FixedText(v, 2); }

const char* StatusStyle(TieStatus s) {
  switch (s) {
    case TieStatus::kPlanned:
      return "dashed";
    case TieStatus::kProposed:
      return "dotted";
    case TieStatus::kRealized:
      break;
  }
  return "solid";
}

// Label size by node size: larger institutions get larger names.
double FontSize(double node_size) { return 8.0 + node_size / 8.0; }

}  // namespace

void WriteDotGraph(const ExportGraph& g, const DotStyle& style, std::ostream& out) {
  const size_t n = g.nodes.size();
  out << "// " << g.title << ": " << g.description << "\n";
  if (g.has_positions) {
    out << "// Positions (pos, in points) come from tiegraph's layout: draw them as they are with\n"
           "// `neato -n2 -Tsvg`, or let `sfdp` or `neato` place the nodes anew.\n";
  }
  out << (g.directed ? "digraph" : "graph") << " tiegraph {\n";
  out << "  charset=\"UTF-8\"; outputorder=edgesfirst; overlap=false; splines=false; pad=0.3;\n";
  // A raster picture is capped at 60 inches a side (6,600 pixels at 110 dpi): a crowded
  // network spread for its labels is scaled down rather than filling memory.
  if (style.dpi > 0) out << "  dpi=" << style.dpi << "; size=\"60,60\";\n";
  if (style.title) {
    out << "  label=" << Quoted(g.title + "\n" + g.description)
        << "; labelloc=t; fontsize=20; fontname=" << Quoted(style.font) << ";\n";
  }
  out << "  node [shape=circle, style=filled, fixedsize=true, label=\"\", penwidth=0.6, "
         "color=\"#ffffff\", fontname="
      << Quoted(style.font) << "];\n";
  out << "  edge [color=\"#8c8c8c80\", fontname=" << Quoted(style.font) << "];\n";

  // Positions scaled so the drawing is about 2 sqrt(n) inches wide (10 to 40), in points; then
  // each node with its label is given a box, and overlapping boxes are pushed apart, so labels
  // in a crowded part of the layout stay readable (up to 5,000 institutions).
  std::vector<Point> at(n);
  double right = 0, top = 0;  // the drawing's right and top edges, labels included
  if (g.has_positions && n > 0) {
    double x0 = g.positions[0].x, x1 = x0, y0 = g.positions[0].y, y1 = y0;
    for (const Point& p : g.positions) {
      x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
      y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    const double width = 72.0 * std::clamp(std::sqrt(static_cast<double>(n)) * 2.0, 10.0, 40.0);
    const double scale = width / std::max({x1 - x0, y1 - y0, 1e-9});
    for (size_t v = 0; v < n; ++v)
      at[v] = {(g.positions[v].x - x0) * scale, (g.positions[v].y - y0) * scale};
    std::vector<Extent> boxes(n);
    for (size_t v = 0; v < n; ++v) {
      const double radius = g.sizes[v] * style.node_scale / 2, font = FontSize(g.sizes[v]);
      // A display cell (half a Hangul syllable) is about 0.55 em; the label sits above or
      // below the node, wherever Graphviz finds room.
      const double label = static_cast<double>(DisplayWidth(g.nodes[v].name)) * font * 0.55;
      boxes[v] = {std::max(radius, label / 2) + 2, radius + font * 1.2 + 2};
    }
    if (n <= 5000) SeparateBoxes(&at, boxes);
    double left = at[0].x - boxes[0].half_width, bottom = at[0].y - boxes[0].half_height;
    right = at[0].x + boxes[0].half_width, top = at[0].y + boxes[0].half_height;
    for (size_t v = 0; v < n; ++v) {
      left = std::min(left, at[v].x - boxes[v].half_width);
      right = std::max(right, at[v].x + boxes[v].half_width);
      bottom = std::min(bottom, at[v].y - boxes[v].half_height);
      top = std::max(top, at[v].y + boxes[v].half_height);
    }
    for (Point& p : at) p.x -= left, p.y -= bottom;
    right -= left, top -= bottom;
  }
  for (size_t v = 0; v < n; ++v) {
    const double inches = g.sizes[v] / 72.0 * style.node_scale;
    out << "  " << Quoted(g.nodes[v].key) << " [fillcolor=" << Quoted(g.colors[v])
        << ", width=" << Num(inches) << ", xlabel=" << Quoted(g.nodes[v].name)
        << ", fontsize=" << Num(FontSize(g.sizes[v]))
        << ", tooltip=" << Quoted(g.nodes[v].name + " (" + SectorLabel(g.nodes[v].sector) + ")");
    if (g.has_positions) out << ", pos=\"" << Num(at[v].x) << "," << Num(at[v].y) << "!\"";
    out << "];\n";
  }
  const char* arrow = g.directed ? " -> " : " -- ";
  for (const ExportTie& t : g.ties) {
    out << "  " << Quoted(g.nodes[t.a].key) << arrow << Quoted(g.nodes[t.b].key) << " [tooltip="
        << Quoted(t.tie.type + " (" + std::string(TieStatusName(t.tie.status)) + ")")
        << ", style=" << StatusStyle(t.tie.status)
        << ", penwidth=" << Num(0.6 + std::min(3.0, std::max(0.0, t.tie.strength) * 0.6));
    if (g.directed && !t.tie.directed) out << ", dir=none";
    out << "];\n";
  }
  if (style.legend) {
    // One node holding a table: what colour and size mean, and the tie styles.
    out << "  legend [shape=plaintext, style=\"\", fixedsize=false, width=0, fontsize=14";
    if (g.has_positions) {
      // pos is the legend's centre: about 180 points wide, 20 points a row (one per colour,
      // a title and four lines on ties and size), its top level with the drawing's.
      const double rows =
          static_cast<double>(std::set<std::string>(g.colors.begin(), g.colors.end()).size()) + 5;
      out << ", pos=\"" << Num(right + 100) << "," << Num(top - rows * 10) << "!\"";
    }
    out << ", label=<<table border=\"1\" color=\"#cccccc\" cellborder=\"0\" cellspacing=\"4\">"
           "<tr><td colspan=\"2\"><b>"
        << Html(g.color_by) << "</b></td></tr>";
    std::set<std::pair<std::string, std::string>> swatches;  // (label, colour), sorted by label
    for (size_t v = 0; v < n; ++v) {
      swatches.insert({g.color_by == "community" ? std::to_string(g.community[v])
                                                 : SectorLabel(g.nodes[v].sector),
                       g.colors[v]});
    }
    for (const auto& [label, color] : swatches) {
      out << "<tr><td bgcolor=\"" << color
          << "\" width=\"14\" height=\"14\" fixedsize=\"true\"></td><td align=\"left\">"
          << Html(label) << "</td></tr>";
    }
    out << "<tr><td colspan=\"2\" align=\"left\">── realized<br align=\"left\"/>- - planned"
           "<br align=\"left\"/>··· proposed<br align=\"left\"/>size: "
        << Html(g.size_by) << "</td></tr></table>>];\n";
  }
  out << "}\n";
}

void WriteDot(const ExportGraph& g, std::ostream& out) { WriteDotGraph(g, DotStyle{}, out); }

}  // namespace tiegraph
