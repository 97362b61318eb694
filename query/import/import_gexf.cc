// GEXF import (1.1 to 1.3): the graph's nodes as institutions and its edges as ties, each
// <attvalue> mapped by its attribute's title (xml_graph.h; docs/FORMATS.md, "GraphML and
// GEXF"). Drawing data (viz:color, viz:position, viz:size…) and time (spells) are not read.
#include <map>
#include <optional>

#include "xml_graph.h"

namespace tiegraph {
namespace {

struct Attribute {
  std::string name;  // its title, else its id
  PropertyType type = PropertyType::kString;
};

// GEXF's types; lists are kept as their text.
Result<PropertyType> GexfType(std::string_view type) {
  if (type.empty() || type == "string" || type == "char" || type == "anyURI")
    return PropertyType::kString;
  if (type == "boolean") return PropertyType::kBool;
  if (type == "integer" || type == "long" || type == "short" || type == "byte" ||
      type == "biginteger")
    return PropertyType::kInt;
  if (type == "float" || type == "double" || type == "bigdecimal") return PropertyType::kFloat;
  if (type == "date") return PropertyType::kDate;
  if (type.substr(0, 4) == "list" && GexfType(type.substr(4)).ok()) return PropertyType::kString;
  return Status::InvalidArgument(
      "unknown type '" + std::string(type) +
      "' (expected integer, long, float, double, boolean, string, date or a list of these)");
}

class GexfReader : XmlGraphReader {
 public:
  GexfReader(ReadContext& ctx, std::string_view text) : XmlGraphReader(ctx, text) {}

  void Read() {
    const pugi::xml_node root = Root("gexf");
    if (!root) return;
    const pugi::xml_node graph = root.child("graph");
    if (!graph) {
      Fail(root, "no <graph> element: the file holds no graph");
      return;
    }
    if (!ReadAttributes(graph) || !CheckFlat(graph)) return;
    const std::string_view edge_type = graph.attribute("defaultedgetype").value();
    std::optional<bool> directed = Direction(edge_type);
    if (!edge_type.empty() && !directed) {
      Fail(graph, "defaultedgetype",
           "'" + std::string(edge_type) + "' is not directed, undirected or mutual");
      return;
    }
    for (const pugi::xml_node& nodes : graph.children("nodes")) {
      for (const pugi::xml_node& node : nodes.children("node")) {
        nodes_.insert(node.attribute("id").value());
      }
    }
    for (const pugi::xml_node& nodes : graph.children("nodes")) {
      for (const pugi::xml_node& node : nodes.children("node")) {
        XmlRecord r{xml_.Line(node), node.attribute("id").value(), {}, {}, false, {}};
        Status s = Values(node, "node", &r);
        Own(node, "label", "label", PropertyType::kString, &r);
        Own(node, "pid", "parent", PropertyType::kString, &r);
        AddNode(s, r);
      }
    }
    for (const pugi::xml_node& edges : graph.children("edges")) {
      for (const pugi::xml_node& edge : edges.children("edge")) {
        XmlRecord r{xml_.Line(edge),
                    edge.attribute("id").value(),
                    edge.attribute("source").value(),
                    edge.attribute("target").value(),
                    directed.value_or(false),
                    {}};
        AddEdge(Edge(edge, &r), r);
      }
    }
  }

 private:
  // directed, undirected or mutual (both ways: undirected); nothing for anything else.
  static std::optional<bool> Direction(std::string_view type) {
    if (type == "directed") return true;
    if (type == "undirected" || type == "mutual" || type.empty()) return false;
    return std::nullopt;
  }

  // The declared attributes of nodes and edges; false when one cannot be read.
  bool ReadAttributes(const pugi::xml_node& graph) {
    bool ok = true;
    for (const pugi::xml_node& list : graph.children("attributes")) {
      const std::string domain = list.attribute("class") ? list.attribute("class").value() : "node";
      auto& declared = attributes_[domain];
      for (const pugi::xml_node& a : list.children("attribute")) {
        const std::string id = a.attribute("id").value();
        if (id.empty()) {
          Fail(a, "an <attribute> without an id");
          ok = false;
          continue;
        }
        Attribute attribute;
        attribute.name = a.attribute("title") ? a.attribute("title").value() : id;
        auto type = GexfType(a.attribute("type").value());
        if (!type.ok()) {
          Fail(a, attribute.name, "type: " + type.status().message());
          ok = false;
          continue;
        }
        attribute.type = *type;
        for (const auto& [other_id, other] : declared) {
          if (other_id == id || other.name == attribute.name) {
            Fail(a, attribute.name,
                 "is declared again (attribute '" + id + "'; attribute '" + other_id +
                     "' of the same class declares it too)");
            ok = false;
          }
        }
        const Attribute& kept = declared.emplace(id, std::move(attribute)).first->second;
        if (pugi::xml_node d = a.child("default")) {
          ok = AddDefault(d, kept.name, kept.type, {domain}) && ok;
        }
      }
    }
    return ok;
  }

  // Nested nodes (a hierarchy) are refused.
  bool CheckFlat(const pugi::xml_node& graph) {
    for (const pugi::xml_node& nodes : graph.children("nodes")) {
      for (const pugi::xml_node& node : nodes.children("node")) {
        if (node.child("nodes") || node.child("edges")) {
          Fail(node, "<node id=\"" + std::string(node.attribute("id").value()) +
                         "\"> holds nodes of its own (a hierarchy); tiegraph imports flat "
                         "graphs only");
          return false;
        }
      }
    }
    return true;
  }

  // A node's or an edge's <attvalue>s and its attributes' defaults.
  Status Values(const pugi::xml_node& element, const char* domain, XmlRecord* r) {
    const auto& declared = attributes_[domain];
    for (const pugi::xml_node& value : element.child("attvalues").children("attvalue")) {
      // GEXF 1.1 names the attribute by `id`, later versions by `for`.
      const pugi::xml_attribute which =
          value.attribute("for") ? value.attribute("for") : value.attribute("id");
      auto it = declared.find(which.value());
      if (it == declared.end()) {
        return ctx_.Error(xml_.Line(value), "for",
                          "<attvalue for=\"" + std::string(which.value()) + "\">: no " + domain +
                              " <attribute> has id '" + which.value() + "'");
      }
      r->values.push_back({it->second.name, it->second.type, value.attribute("value").value(),
                           xml_.Line(value), false});
    }
    AddDefaults(domain, r);
    return Status::OK();
  }

  // One of GEXF's own fields, after the declared attributes.
  void Own(const pugi::xml_node& element, const char* attribute, const char* name,
           PropertyType type, XmlRecord* r) {
    if (pugi::xml_attribute a = element.attribute(attribute)) {
      r->values.push_back({name, type, a.value(), r->line, true});
    }
  }

  Status Edge(const pugi::xml_node& edge, XmlRecord* r) {
    TIEGRAPH_RETURN_IF_ERROR(CheckEnds(*r));
    TIEGRAPH_RETURN_IF_ERROR(Values(edge, "edge", r));
    // The edge's type is its direction; networkx writes an edge's own `type` there too.
    const std::string_view type = edge.attribute("type").value();
    if (std::optional<bool> directed = Direction(type); directed && !type.empty()) {
      r->directed = *directed;
    } else {
      Own(edge, "type", "type", PropertyType::kString, r);
    }
    Own(edge, "kind", "kind", PropertyType::kString, r);
    Own(edge, "label", "label", PropertyType::kString, r);
    Own(edge, "weight", "weight", PropertyType::kFloat, r);
    return Status::OK();
  }

  // By class (node, edge), then id.
  std::map<std::string, std::map<std::string, Attribute, std::less<>>> attributes_;
};

}  // namespace

Status ReadGexf(ReadContext& ctx, std::string_view text) {
  GexfReader(ctx, text).Read();
  return Status::OK();
}

}  // namespace tiegraph
