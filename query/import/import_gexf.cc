// GEXF import (1.1 to 1.3): the graph's nodes as institutions and its edges as ties, each
// <attvalue> mapped by its attribute's title (xml_graph.h; docs/FORMATS.md, "GraphML and
// GEXF"). Drawing data (viz:color, viz:position, viz:size…) and time (spells) are not read.
#include <cstring>
#include <map>
#include <set>
#include <unordered_set>

#include "xml_graph.h"

namespace tiegraph {
namespace {

struct Attribute {
  std::string name;  // its title, else its id
  PropertyType type = PropertyType::kString;
};

bool Is(const pugi::xml_node& e, const char* name) { return std::strcmp(e.name(), name) == 0; }

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

class GexfReader {
 public:
  GexfReader(ReadContext& ctx, std::string_view text) : ctx_(ctx), xml_(text) {}

  void Read() {
    if (!xml_.Parse(ctx_)) return;
    const pugi::xml_node root = xml_.root();
    if (!Is(root, "gexf")) {
      Fail(root, "the root element is <" + std::string(root.name()) + ">, not <gexf>");
      return;
    }
    const pugi::xml_node graph = root.child("graph");
    if (!graph) {
      Fail(root, "no <graph> element: the file holds no graph");
      return;
    }
    if (!ReadAttributes(graph) || !CheckFlat(graph)) return;
    const std::string_view edge_type = graph.attribute("defaultedgetype").value();
    std::optional<bool> directed = Direction(edge_type);
    if (!edge_type.empty() && !directed) {
      ctx_.bad->Add(
          ctx_.Error(xml_.Line(graph), "defaultedgetype",
                     "'" + std::string(edge_type) + "' is not directed, undirected or mutual"));
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
        if (s.ok()) s = AddInstitution(ctx_, r);
        if (!s.ok()) ctx_.bad->Add(s);
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
        Status s = Edge(edge, &r);
        if (s.ok()) s = AddTie(ctx_, r);
        if (!s.ok()) ctx_.bad->Add(s);
      }
    }
  }

 private:
  void Fail(const pugi::xml_node& e, const std::string& what) {
    ctx_.bad->Add(ctx_.Error(xml_.Line(e), what));
  }

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
          ctx_.bad->Add(
              ctx_.Error(xml_.Line(a), attribute.name, "type: " + type.status().message()));
          ok = false;
          continue;
        }
        attribute.type = *type;
        for (const auto& [other_id, other] : declared) {
          if (other_id == id || other.name == attribute.name) {
            ctx_.bad->Add(ctx_.Error(xml_.Line(a), attribute.name,
                                     "is declared again (attribute '" + id + "'; attribute '" +
                                         other_id + "' of the same class declares it too)"));
            ok = false;
          }
        }
        const Attribute& kept = declared.emplace(id, std::move(attribute)).first->second;
        if (pugi::xml_node d = a.child("default")) {
          std::string text = ElementText(d);
          if (Status s = CheckValue(text, kept.type); !s.ok()) {
            ctx_.bad->Add(ctx_.Error(xml_.Line(d), kept.name, "default: " + s.message()));
            ok = false;
          }
          defaults_[domain].push_back({kept.name, kept.type, std::move(text)});
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
    AddDefaults(defaults_[domain], r);
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
    for (const char* end : {"source", "target"}) {
      const std::string_view key = edge.attribute(end).value();
      if (key.empty()) return ctx_.Error(r->line, end, "is missing");
      if (!nodes_.count(key)) {
        return ctx_.Error(r->line, end,
                          "'" + std::string(key) + "' is not the id of a node in this file");
      }
    }
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

  ReadContext& ctx_;
  XmlText xml_;
  std::map<std::string, std::map<std::string, Attribute, std::less<>>>
      attributes_;                                           // by class, then id
  std::map<std::string, std::vector<XmlDefault>> defaults_;  // by class
  std::unordered_set<std::string_view> nodes_;               // the file's node ids
};

}  // namespace

Status ReadGexf(ReadContext& ctx, std::string_view text) {
  GexfReader(ctx, text).Read();
  return Status::OK();
}

}  // namespace tiegraph
