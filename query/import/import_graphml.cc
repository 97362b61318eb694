// GraphML import: one graph's nodes as institutions and its edges as ties, each <data> mapped
// by its key's attr.name (xml_graph.h; docs/FORMATS.md, "GraphML and GEXF").
#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <map>
#include <set>

#include "xml_graph.h"

namespace tiegraph {
namespace {

// A declared <key>.
struct Key {
  std::string name;  // attr.name, else the key's id
  PropertyType type = PropertyType::kString;
  std::string domain;    // its `for`: node, edge, all, graph…
  bool ignored = false;  // drawing data: yEd's graphics, tiegraph's and Gephi's x, y, size…
  bool yfiles = false;   // yEd's graphics (its labels are read)
};

bool Is(const pugi::xml_node& e, const char* name) { return std::strcmp(e.name(), name) == 0; }

Result<PropertyType> GraphmlType(std::string_view type) {
  if (type.empty() || type == "string") return PropertyType::kString;
  if (type == "boolean") return PropertyType::kBool;
  if (type == "int" || type == "long") return PropertyType::kInt;
  if (type == "float" || type == "double") return PropertyType::kFloat;
  return Status::InvalidArgument("unknown type '" + std::string(type) +
                                 "' (expected boolean, int, long, float, double or string)");
}

// The node attributes drawing programs write: tiegraph's export (x, y, size, color; a property
// of such a name it writes as prop_x…) and Gephi's (x, y, z, size, r, g, b, keys whose id is
// their name).
bool Drawing(std::string_view name, std::string_view id, bool tiegraph_file) {
  const auto any = [&](std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  return tiegraph_file ? any({"x", "y", "size", "color"})
                       : name == id && any({"x", "y", "z", "size", "r", "g", "b"});
}

// The text of the first yEd label (y:NodeLabel, y:EdgeLabel) with text inside yEd's graphics.
std::string YedLabel(const pugi::xml_node& graphics, std::string_view label) {
  const pugi::xml_node found = graphics.find_node([&](const pugi::xml_node& e) {
    const std::string_view name = e.name();
    const size_t colon = name.find(':');
    return name.substr(colon == std::string_view::npos ? 0 : colon + 1) == label &&
           ElementText(e).find_first_not_of(" \t\r\n") != std::string::npos;
  });
  return found ? ElementText(found) : "";
}

class GraphmlReader : XmlGraphReader {
 public:
  GraphmlReader(ReadContext& ctx, std::string_view text) : XmlGraphReader(ctx, text) {}

  void Read() {
    const pugi::xml_node root = Root("graphml");
    if (!root) return;
    pugi::xml_node graph;
    for (const pugi::xml_node& g : root.children("graph")) {
      if (graph) {
        Fail(g, "a second <graph>: tiegraph reads one graph from a GraphML file");
        return;
      }
      graph = g;
    }
    if (!graph) {
      Fail(root, "no <graph> element: the file holds no graph");
      return;
    }
    if (!ReadKeys(root, std::strcmp(graph.attribute("id").value(), "tiegraph") == 0) ||
        !CheckFlat(graph)) {
      return;
    }
    const std::string_view edgedefault = graph.attribute("edgedefault").value();
    if (edgedefault != "" && edgedefault != "directed" && edgedefault != "undirected") {
      Fail(graph, "edgedefault",
           "'" + std::string(edgedefault) + "' is neither directed nor undirected");
      return;
    }
    const bool directed = edgedefault == "directed";
    for (const pugi::xml_node& node : graph.children("node"))
      nodes_.insert(node.attribute("id").value());
    const bool edge_ids = EdgeIdsNameTies(graph);
    const auto edges = graph.children("edge");
    ctx_.out->institutions.reserve(ctx_.out->institutions.size() + nodes_.size());
    ctx_.out->ties.reserve(ctx_.out->ties.size() +
                           static_cast<size_t>(std::distance(edges.begin(), edges.end())));
    for (const pugi::xml_node& node : graph.children("node")) {
      XmlRecord r{xml_.Line(node), node.attribute("id").value(), {}, {}, false, {}};
      AddNode(Values(node, "node", &r), r);
    }
    for (const pugi::xml_node& edge : graph.children("edge")) {
      XmlRecord r{xml_.Line(edge),
                  edge_ids ? edge.attribute("id").value() : "",
                  edge.attribute("source").value(),
                  edge.attribute("target").value(),
                  directed,
                  {}};
      AddEdge(Edge(edge, &r), r);
    }
  }

 private:
  // The keys, each checked once; false when one cannot be read (nor can the data that use it).
  bool ReadKeys(const pugi::xml_node& root, bool tiegraph_file) {
    bool ok = true;
    for (const pugi::xml_node& k : root.children("key")) {
      const std::string id = k.attribute("id").value();
      if (id.empty()) {
        Fail(k, "a <key> without an id");
        ok = false;
        continue;
      }
      if (keys_.count(id)) {
        Fail(k, "a second <key> with id '" + id + "'");
        ok = false;
        continue;
      }
      Key key;
      key.name = k.attribute("attr.name") ? k.attribute("attr.name").value() : id;
      key.domain = k.attribute("for") ? k.attribute("for").value() : "all";
      key.yfiles = !k.attribute("yfiles.type").empty();
      if (!key.yfiles) {
        auto type = GraphmlType(k.attribute("attr.type").value());
        if (!type.ok()) {
          Fail(k, key.name, "attr.type: " + type.status().message());
          ok = false;
          continue;
        }
        key.type = *type;
      }
      key.ignored = key.yfiles || (key.domain == "node" && Drawing(key.name, id, tiegraph_file));
      const Key& kept = keys_.emplace(id, std::move(key)).first->second;  // stays put in the map
      if (kept.ignored) continue;
      for (const auto& [other_id, other] : keys_) {
        if (other_id != id && !other.ignored && other.name == kept.name &&
            Overlap(other.domain, kept.domain)) {
          Fail(k, kept.name,
               "is declared again (by key '" + id + "'; key '" + other_id + "' declares it too)");
          ok = false;
        }
      }
      if (pugi::xml_node d = k.child("default")) {
        std::vector<std::string_view> classes;
        for (const char* c : {"node", "edge"}) {
          if (Overlap(kept.domain, c)) classes.push_back(c);
        }
        ok = AddDefault(d, kept.name, kept.type, classes) && ok;
      }
    }
    return ok;
  }

  static bool Overlap(const std::string& a, const std::string& b) {
    return a == b || a == "all" || b == "all";
  }

  // Nested graphs (yEd's groups, hierarchies) and hyperedges are refused.
  bool CheckFlat(const pugi::xml_node& graph) {
    for (const pugi::xml_node& e : graph.children()) {
      if (Is(e, "hyperedge")) {
        Fail(e,
             "a <hyperedge>: a tie joins two institutions; tiegraph does not import "
             "hyperedges (make each a node, or one edge per pair)");
        return false;
      }
      if ((Is(e, "node") || Is(e, "edge")) && (e.child("graph") || e.child("locator"))) {
        Fail(e, "<" + std::string(e.name()) + " id=\"" + e.attribute("id").value() +
                    "\"> holds a nested graph (a yEd group or a hierarchy); tiegraph imports "
                    "flat graphs only");
        return false;
      }
    }
    return true;
  }

  // Whether edge ids name ties. networkx writes a multigraph's edge keys as ids: integers
  // from 0 for each pair of nodes, repeated across the file. Such ids name no tie.
  static bool EdgeIdsNameTies(const pugi::xml_node& graph) {
    std::set<std::string_view> seen;
    bool repeated = false, integers = true;
    for (const pugi::xml_node& edge : graph.children("edge")) {
      const std::string_view id = edge.attribute("id").value();
      if (id.empty()) continue;
      repeated = repeated || !seen.insert(id).second;
      integers = integers && id.find_first_not_of("0123456789") == std::string_view::npos;
    }
    return !(repeated && integers);
  }

  // A node's or an edge's <data> and its keys' defaults.
  Status Values(const pugi::xml_node& element, const char* domain, XmlRecord* r) {
    XmlValue yed_label{"label", PropertyType::kString, "", 0, true};
    for (const pugi::xml_node& data : element.children("data")) {
      const std::string_view id = data.attribute("key").value();
      auto it = keys_.find(id);
      if (it == keys_.end()) {
        const std::string name(id);
        return ctx_.Error(xml_.Line(data), "key",
                          "<data key=\"" + name + "\">: no <key> declares '" + name + "'");
      }
      const Key& key = it->second;
      if (key.yfiles && yed_label.text.empty()) {
        yed_label.text = YedLabel(data, Is(element, "node") ? "NodeLabel" : "EdgeLabel");
        yed_label.line = xml_.Line(data);
      }
      if (key.ignored) continue;
      r->values.push_back({key.name, key.type, ElementText(data), xml_.Line(data), false});
    }
    AddDefaults(domain, r);
    // yEd's label comes after the declared attributes, as the format's own field.
    if (!yed_label.text.empty()) r->values.push_back(std::move(yed_label));
    return Status::OK();
  }

  Status Edge(const pugi::xml_node& edge, XmlRecord* r) {
    TIEGRAPH_RETURN_IF_ERROR(CheckEnds(*r));
    if (pugi::xml_attribute d = edge.attribute("directed")) {
      const std::string_view v = d.value();
      if (v != "true" && v != "false")
        return ctx_.Error(r->line, "directed", "'" + std::string(v) + "' is not true or false");
      r->directed = v == "true";
    }
    return Values(edge, "edge", r);
  }

  std::map<std::string, Key, std::less<>> keys_;
};

}  // namespace

Status ReadGraphml(ReadContext& ctx, std::string_view text) {
  GraphmlReader(ctx, text).Read();
  return Status::OK();
}

}  // namespace tiegraph
