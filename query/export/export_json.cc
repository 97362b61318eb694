// JSON exports: Cytoscape.js elements, node-link (networkx, D3), and the HTML map's data.
#include <nlohmann/json.hpp>

#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <functional>
#include <set>
#include <type_traits>
#include <variant>

#include <tiegraph/export_graph.h>

namespace tiegraph {
namespace {

using nlohmann::json;

json ToJson(const AttributeValue& v) {
  switch (v.index()) {
    case 1:
      return std::get<std::string>(v);
    case 2:
      return std::get<int64_t>(v);
    case 3:
      return std::get<double>(v);
    case 4:
      return std::get<bool>(v);
  }
  return nullptr;
}

// The attributes of node v (or tie e) as an object, empty values left out.
void AddAttributes(const std::vector<Attribute>& attributes, const std::vector<AttributeValue>& row,
                   json* object) {
  for (size_t i = 0; i < attributes.size(); ++i) {
    const AttributeValue& value = row[i];
    if (value.index() == 0 || (value.index() == 1 && std::get<std::string>(value).empty()))
      continue;
    (*object)[attributes[i].name] = ToJson(value);
  }
}

// A record's custom properties, each with its own type: dates as ISO text at their precision.
// A name given twice keeps its first value, as in the attribute columns.
json ScalarJson(const PropertyScalar& scalar) {
  return std::visit(
      [](const auto& v) -> json {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, Date>) {
          return FormatDate(v);
        } else {
          return v;
        }
      },
      scalar);
}

json PropertiesJson(const std::vector<Property>& properties) {
  json object = json::object();
  for (const Property& p : properties) {
    if (object.contains(p.name)) continue;
    std::visit(
        [&](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, PropertyList>) {
            json list = json::array();
            for (const PropertyScalar& item : v.items) list.push_back(ScalarJson(item));
            object[p.name] = std::move(list);
          } else {
            object[p.name] = ScalarJson(v);
          }
        },
        p.value);
  }
  return object;
}

// Invalid UTF-8 is replaced rather than refused: a label must never stop an export.
std::string Text(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Writes `head` (an object) with its closing brace left open, then `arrays` as its members (or,
// with a `wrapper`, as the members of one more member of that name), each array's elements one
// per line. Elements are built and written one at a time, so a million ties never sit in
// memory as one JSON document.
struct StreamedArray {
  const char* name;
  size_t count;
  std::function<json(size_t)> element;
};
void WriteStreamed(const json& head, const char* wrapper, const std::vector<StreamedArray>& arrays,
                   std::ostream& out) {
  std::string open = Text(head);
  open.pop_back();  // the closing brace
  out << open << (head.empty() ? "" : ",");
  if (wrapper) out << json(wrapper).dump() << ":{";
  for (size_t a = 0; a < arrays.size(); ++a) {
    out << (a ? "," : "") << json(arrays[a].name).dump() << ":[\n";
    for (size_t i = 0; i < arrays[a].count; ++i) {
      out << (i ? ",\n" : "") << Text(arrays[a].element(i));
    }
    out << "\n]";
  }
  out << (wrapper ? "}}\n" : "}\n");
}

}  // namespace

void WriteCytoscapeJson(const ExportGraph& g, std::ostream& out) {
  const json head = {{"format_version", "1.0"},
                     {"generated_by", "tiegraph"},
                     {"target_cytoscapejs_version", "~3"},
                     {"directed", g.directed},
                     {"multigraph", true},
                     {"data", {{"name", g.title}, {"description", g.description}}}};
  auto node = [&](size_t v) {
    json data = {{"id", g.nodes[v].key}, {"value", g.nodes[v].key}};
    AddAttributes(g.node_attributes, g.node_values[v], &data);
    json element = {{"data", data}};
    if (g.has_positions) element["position"] = {{"x", g.positions[v].x}, {"y", -g.positions[v].y}};
    return element;
  };
  auto edge = [&](size_t e) {
    const ExportTie& t = g.ties[e];
    // "key" tells parallel ties apart for readers that build multigraphs (networkx).
    json data = {{"id", t.tie.key},
                 {"key", t.tie.key},
                 {"source", g.nodes[t.a].key},
                 {"target", g.nodes[t.b].key}};
    AddAttributes(g.tie_attributes, g.tie_values[e], &data);
    return json{{"data", data}};
  };
  WriteStreamed(head, "elements", {{"nodes", g.nodes.size(), node}, {"edges", g.ties.size(), edge}},
                out);
}

void WriteNodeLinkJson(const ExportGraph& g, std::ostream& out) {
  const json head = {{"directed", g.directed},
                     {"multigraph", true},
                     {"graph", {{"name", g.title}, {"description", g.description}}}};
  auto node = [&](size_t v) {
    json element = {{"id", g.nodes[v].key}};
    AddAttributes(g.node_attributes, g.node_values[v], &element);
    return element;
  };
  auto link = [&](size_t e) {
    const ExportTie& t = g.ties[e];
    json element = {{"source", g.nodes[t.a].key}, {"target", g.nodes[t.b].key}, {"key", t.tie.key}};
    AddAttributes(g.tie_attributes, g.tie_values[e], &element);
    return element;
  };
  WriteStreamed(head, nullptr, {{"nodes", g.nodes.size(), node}, {"links", g.ties.size(), link}},
                out);
}

std::string HtmlMapData(const ExportGraph& g, const ExportRequest& request) {
  json sectors = json::array();
  std::set<Sector> present;
  for (const Institution& in : g.nodes) present.insert(in.sector);
  for (Sector s : present) {
    sectors.push_back({{"name", SectorLabel(s)}, {"color", SectorColor(s)}});
  }
  json communities = json::array();
  if (g.has_community && !g.community.empty()) {
    const uint32_t count = *std::max_element(g.community.begin(), g.community.end());
    for (uint32_t c = 1; c <= count; ++c)
      communities.push_back({{"id", c}, {"color", CommunityColor(c)}});
  }
  std::vector<std::string> types;
  std::string first_month, last_month;
  auto widen = [&](const Date& d) {
    if (!d.known()) return;
    const std::string first = FirstDay(d).substr(0, 7), last = LastDay(d).substr(0, 7);
    if (first_month.empty() || first < first_month) first_month = first;
    if (last_month.empty() || last > last_month) last_month = last;
  };
  json ties = json::array();
  for (const ExportTie& t : g.ties) {
    if (std::find(types.begin(), types.end(), t.tie.type) == types.end())
      types.push_back(t.tie.type);
    widen(t.tie.since);
    widen(t.tie.until);
    json evidence = json::array();
    for (const Evidence& e : t.tie.evidence) {
      evidence.push_back({{"source", e.source}, {"quote", e.quote}, {"url", e.url}});
    }
    ties.push_back({{"id", t.tie.key},
                    {"source", g.nodes[t.a].key},
                    {"target", g.nodes[t.b].key},
                    {"type", t.tie.type},
                    {"status", std::string(TieStatusName(t.tie.status))},
                    {"confidence", std::string(ConfidenceName(t.tie.confidence))},
                    {"directed", t.tie.directed},
                    {"strength", t.tie.strength},
                    {"since", FormatDate(t.tie.since)},
                    {"until", FormatDate(t.tie.until)},
                    {"evidence", evidence},
                    {"properties", PropertiesJson(t.tie.properties)}});
  }
  json nodes = json::array();
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    const Institution& in = g.nodes[v];
    json measures = json::object();
    for (size_t i = 0; i < g.node_attributes.size(); ++i) {
      const std::string& name = g.node_attributes[i].name;
      if (std::find(g.measure_names.begin(), g.measure_names.end(), name) != g.measure_names.end())
        measures[name] = ToJson(g.node_values[v][i]);
    }
    std::string region;
    for (size_t i = 0; i < in.region.size(); ++i) region += (i ? " / " : "") + in.region[i];
    nodes.push_back({{"id", in.key},
                     {"name", in.name},
                     {"aliases", in.aliases},
                     {"sector", SectorLabel(in.sector)},
                     {"kind", in.kind},
                     {"region", region},
                     {"foreign", in.foreign},
                     {"x", g.has_positions ? g.positions[v].x : 0.0},
                     // Screen y grows downwards; layouts' y grows upwards.
                     {"y", g.has_positions ? -g.positions[v].y : 0.0},
                     {"size", g.sizes[v]},
                     {"community", g.has_community ? json(g.community[v]) : json(nullptr)},
                     {"measures", measures},
                     {"properties", PropertiesJson(in.properties)}});
  }
  json data = {
      {"title", g.title},
      {"subtitle", g.description},
      {"color_by", request.color_by},
      {"sectors", sectors},
      {"communities", communities},
      {"tie_types", types},
      {"statuses", {"realized", "planned", "proposed"}},
      {"date_range",
       first_month.empty() ? json(nullptr) : json{{"from", first_month}, {"to", last_month}}},
      {"measures", g.measure_names},
      {"nodes", nodes},
      {"ties", ties}};
  std::string text = Text(data);
  // Inside <script>, "</" could close the element early: "<\/" means the same in JSON.
  std::string safe;
  safe.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    safe += text[i];
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/') safe += '\\';
  }
  return safe;
}

}  // namespace tiegraph
