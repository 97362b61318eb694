// GraphML and GEXF: the two XML formats.
#include <cstdio>
#include <string_view>

#include <tiegraph/export_graph.h>
#include <tiegraph/table.h>

namespace tiegraph {
namespace {

// Text escaped for an XML attribute value or element content. Characters XML 1.0 forbids
// (controls other than tab, newline and carriage return) become spaces.
std::string Xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return out;
}

// The type names GraphML and GEXF share.
const char* XmlType(AttributeType t) {
  switch (t) {
    case AttributeType::kInt:
      return "long";
    case AttributeType::kDouble:
      return "double";
    case AttributeType::kBool:
      return "boolean";
    case AttributeType::kString:
      break;
  }
  return "string";
}

// Empty values are left out: readers would otherwise make "" (or "None") of them.
bool Present(const AttributeValue& v) {
  return v.index() != 0 && !(v.index() == 1 && std::get<std::string>(v).empty());
}

// Data exactly (a custom property's reals, a tie's strength), so that the file imports back
// to the same values; measures and drawing values as FormatReal gives them.
std::string Text(const Attribute& a, const AttributeValue& v) {
  return ValueText(v, !a.property.empty() || a.name == "strength");
}

std::string Number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", v);
  return text;
}

// The viz attributes GEXF writes as viz elements, not attvalues; name is the node's label.
bool VizOrLabel(const std::string& name) {
  return name == "name" || name == "x" || name == "y" || name == "size" || name == "color";
}

}  // namespace

void WriteGraphML(const ExportGraph& g, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  out << "  <!-- " << Xml(g.title) << ": " << Xml(g.description) << " -->\n";
  for (size_t i = 0; i < g.node_attributes.size(); ++i) {
    out << "  <key id=\"n" << i << "\" for=\"node\" attr.name=\"" << Xml(g.node_attributes[i].name)
        << "\" attr.type=\"" << XmlType(g.node_attributes[i].type) << "\"/>\n";
  }
  for (size_t i = 0; i < g.tie_attributes.size(); ++i) {
    out << "  <key id=\"e" << i << "\" for=\"edge\" attr.name=\"" << Xml(g.tie_attributes[i].name)
        << "\" attr.type=\"" << XmlType(g.tie_attributes[i].type) << "\"/>\n";
  }
  out << "  <graph id=\"tiegraph\" edgedefault=\"" << (g.directed ? "directed" : "undirected")
      << "\">\n";
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    out << "    <node id=\"" << Xml(g.nodes[v].key) << "\">";
    for (size_t i = 0; i < g.node_attributes.size(); ++i) {
      const AttributeValue& value = g.node_values[v][i];
      if (Present(value))
        out << "<data key=\"n" << i << "\">" << Xml(Text(g.node_attributes[i], value)) << "</data>";
    }
    out << "</node>\n";
  }
  for (size_t e = 0; e < g.ties.size(); ++e) {
    const ExportTie& t = g.ties[e];
    out << "    <edge id=\"" << Xml(t.tie.key) << "\" source=\"" << Xml(g.nodes[t.a].key)
        << "\" target=\"" << Xml(g.nodes[t.b].key) << "\">";
    for (size_t i = 0; i < g.tie_attributes.size(); ++i) {
      const AttributeValue& value = g.tie_values[e][i];
      if (Present(value))
        out << "<data key=\"e" << i << "\">" << Xml(Text(g.tie_attributes[i], value)) << "</data>";
    }
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void WriteGexf(const ExportGraph& g, bool dynamic, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
         "version=\"1.3\">\n";
  out << "  <meta>\n    <creator>tiegraph</creator>\n    <description>" << Xml(g.title) << ": "
      << Xml(g.description) << "</description>\n  </meta>\n";
  out << "  <graph defaultedgetype=\"" << (g.directed ? "directed" : "undirected") << "\"";
  if (dynamic) out << " mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\"";
  out << ">\n";
  out << "    <attributes class=\"node\">\n";
  for (size_t i = 0; i < g.node_attributes.size(); ++i) {
    if (VizOrLabel(g.node_attributes[i].name)) continue;
    out << "      <attribute id=\"n" << i << "\" title=\"" << Xml(g.node_attributes[i].name)
        << "\" type=\"" << XmlType(g.node_attributes[i].type) << "\"/>\n";
  }
  out << "    </attributes>\n    <attributes class=\"edge\">\n";
  for (size_t i = 0; i < g.tie_attributes.size(); ++i) {
    out << "      <attribute id=\"e" << i << "\" title=\"" << Xml(g.tie_attributes[i].name)
        << "\" type=\"" << XmlType(g.tie_attributes[i].type) << "\"/>\n";
  }
  out << "    </attributes>\n";

  // Dynamic: a tie lives over its validity; an institution from its first tie's start, when
  // every one of its ties has a known start (otherwise it is there from the beginning).
  std::vector<std::string> node_start(g.nodes.size());
  if (dynamic) {
    std::vector<char> open(g.nodes.size(), 0);
    for (const ExportTie& t : g.ties) {
      for (uint32_t v : {t.a, t.b}) {
        const std::string start = FirstDay(t.tie.since);
        if (start.empty()) {
          open[v] = 1;
        } else if (node_start[v].empty() || start < node_start[v]) {
          node_start[v] = start;
        }
      }
    }
    for (size_t v = 0; v < g.nodes.size(); ++v) {
      if (open[v]) node_start[v].clear();
    }
  }
  out << "    <nodes>\n";
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    out << "      <node id=\"" << Xml(g.nodes[v].key) << "\" label=\"" << Xml(g.nodes[v].name)
        << "\">\n        <attvalues>";
    for (size_t i = 0; i < g.node_attributes.size(); ++i) {
      const AttributeValue& value = g.node_values[v][i];
      if (VizOrLabel(g.node_attributes[i].name) || !Present(value)) continue;
      out << "<attvalue for=\"n" << i << "\" value=\"" << Xml(Text(g.node_attributes[i], value))
          << "\"/>";
    }
    out << "</attvalues>\n";
    if (!node_start[v].empty()) {
      out << "        <spells><spell start=\"" << node_start[v] << "\"/></spells>\n";
    }
    unsigned r = 0, gr = 0, b = 0;
    std::sscanf(g.colors[v].c_str(), "#%02x%02x%02x", &r, &gr, &b);
    out << "        <viz:color r=\"" << r << "\" g=\"" << gr << "\" b=\"" << b << "\"/>\n";
    out << "        <viz:size value=\"" << Number(g.sizes[v]) << "\"/>\n";
    if (g.has_positions) {
      out << "        <viz:position x=\"" << Number(g.positions[v].x) << "\" y=\""
          << Number(g.positions[v].y) << "\" z=\"0\"/>\n";
    }
    out << "      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (size_t e = 0; e < g.ties.size(); ++e) {
    const ExportTie& t = g.ties[e];
    out << "      <edge id=\"" << Xml(t.tie.key) << "\" source=\"" << Xml(g.nodes[t.a].key)
        << "\" target=\"" << Xml(g.nodes[t.b].key) << "\" label=\"" << Xml(t.tie.type)
        << "\" weight=\"" << ShortestReal(t.tie.strength) << "\">\n        <attvalues>";
    for (size_t i = 0; i < g.tie_attributes.size(); ++i) {
      const AttributeValue& value = g.tie_values[e][i];
      if (!Present(value)) continue;
      out << "<attvalue for=\"e" << i << "\" value=\"" << Xml(Text(g.tie_attributes[i], value))
          << "\"/>";
    }
    out << "</attvalues>\n";
    const std::string start = FirstDay(t.tie.since), end = LastDay(t.tie.until);
    if (dynamic && (!start.empty() || !end.empty())) {
      out << "        <spells><spell";
      if (!start.empty()) out << " start=\"" << start << "\"";
      if (!end.empty()) out << " end=\"" << end << "\"";
      out << "/></spells>\n";
    }
    out << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace tiegraph
