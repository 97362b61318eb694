#include <tiegraph/export_graph.h>

#include <tiegraph/analysis.h>
#include <tiegraph/community.h>
#include <tiegraph/paths.h>
#include <tiegraph/resolve.h>
#include <tiegraph/table.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include <tiegraph/projection_access.h>
#include <tiegraph/record_views.h>

namespace tiegraph {
namespace {

constexpr size_t kAutoLayoutLimit = 20000;

std::string Joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

// The measures `with` asks for, one value per node of g (index order).
struct Measure {
  std::string name;
  std::vector<double> values;
  bool integer;
};

Result<std::vector<Measure>> ComputeMeasures(const Projection& g,
                                             const std::vector<std::string>& names, uint64_t seed,
                                             std::vector<uint32_t>* community) {
  std::vector<Measure> out;
  for (const std::string& name : names) {
    if (std::any_of(out.begin(), out.end(), [&](const Measure& m) { return m.name == name; }))
      continue;
    if (name == "community") {
      CommunityOptions options;
      options.seed = seed;
      auto p = Leiden(g, options);
      if (!p.ok()) return p.status();
      // Numbered from 1 in every export, as the communities command and the legends show them.
      *community = p->community;
      for (uint32_t& c : *community) ++c;
      out.push_back({name, std::vector<double>(community->begin(), community->end()), true});
    } else if (name == "component") {
      std::vector<uint32_t> component;
      ConnectedComponents(g, &component);
      out.push_back({name, std::vector<double>(component.begin(), component.end()), true});
    } else {
      auto metric = ParseCentralityMetric(name);
      if (!metric.ok()) {
        return Status::InvalidArgument("with: '" + name +
                                       "' is not a measure; use community, component or one of "
                                       "the centrality metrics (" +
                                       Joined(CentralityMetrics(), ", ") + ")");
      }
      CentralityRequest request;
      request.metric = *metric;
      request.normalized = name != "degree";
      // A real failure (e.g. no convergence) keeps its own message.
      auto values = ComputeCentrality(g, request);
      if (!values.ok()) return values.status();
      out.push_back({name, std::move(values->values), name == "core" || name == "degree"});
    }
  }
  return out;
}

// The layout the request asks for, or none (has_positions false).
Status PlaceNodes(const Projection& g, const ExportRequest& request, ExportGraph* out) {
  LayoutOptions options;
  options.seed = request.seed;
  options.iterations = request.layout_iterations;
  if (request.layout == "none") return Status::OK();
  if (request.layout == "auto") {
    if (g.node_count() > kAutoLayoutLimit) return Status::OK();
  } else {
    auto method = ParseLayoutMethod(request.layout);
    if (!method.ok())
      return Status::InvalidArgument(method.status().message() + " (or none, auto)");
    options.method = *method;
  }
  // Radii in layout units of one pixel, with room for a thin gap, so no two nodes overlap.
  if (options.method == LayoutMethod::kForceAtlas2) {
    for (double size : out->sizes) options.radii.push_back(size / 2 + 3);
  }
  auto positions = Layout(g, options);
  if (!positions.ok()) return positions.status();
  out->positions = std::move(*positions);
  out->has_positions = true;
  return Status::OK();
}

// Node diameters 12..48 by the square root of the measure (area follows the value).
std::vector<double> Sizes(const std::vector<double>& value) {
  double top = 0;
  for (double v : value) top = std::max(top, v);
  std::vector<double> size(value.size(), 12.0);
  if (top <= 0) return size;
  for (size_t i = 0; i < value.size(); ++i) {
    size[i] = 12.0 + 36.0 * std::sqrt(std::max(0.0, value[i]) / top);
  }
  return size;
}

// Custom properties as typed columns, one per property name in first-seen order, appended to
// `attributes` and filled into `values` (one row per record, already holding the built-in
// columns). The type is the values' own when they agree; integers mixed with reals are reals;
// any other mix is text. A name a built-in column or a format's own field already uses (compared
// without case, since Gephi and spreadsheets fold it) gets the prefix "prop_".
template <typename PropertiesOf>
void AddPropertyColumns(size_t count, const PropertiesOf& properties_of,
                        std::vector<std::string> reserved, std::vector<Attribute>* attributes,
                        std::vector<std::vector<AttributeValue>>* values) {
  struct Column {
    std::string property;
    bool kinds[6] = {};  // PropertyValue's alternatives seen: string, int, real, bool, date, list
  };
  std::vector<Column> columns;
  std::unordered_map<std::string, size_t> index;
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (size_t r = 0; r < count; ++r) {
    for (const Property& p : properties_of(r)) {
      auto [it, added] = index.emplace(p.name, columns.size());
      if (added) columns.push_back({p.name});
      columns[it->second].kinds[p.value.index()] = true;
    }
  }
  if (columns.empty()) return;
  for (const Attribute& a : *attributes) reserved.push_back(a.name);
  for (std::string& name : reserved) name = lower(name);
  for (const Column& c : columns) reserved.push_back(lower(c.property));
  const size_t first = attributes->size();
  for (const Column& c : columns) {
    Attribute a{c.property, AttributeType::kString, c.property};
    const bool* k = c.kinds;
    const bool text = k[0] || k[5], integer = k[1], real = k[2], boolean = k[3], date = k[4];
    if (!text && !boolean && !date && (integer || real)) {
      a.type = real ? AttributeType::kDouble : AttributeType::kInt;
    } else if (boolean && !text && !integer && !real && !date) {
      a.type = AttributeType::kBool;
    } else if (date && !text && !integer && !real && !boolean) {
      a.dates = true;
    }
    // The other properties' own names are reserved too, so "prop_x" never lands on one.
    const size_t own = std::count(reserved.begin(), reserved.end(), lower(a.name));
    if (own > 1) {
      do {
        a.name = "prop_" + a.name;
      } while (std::count(reserved.begin(), reserved.end(), lower(a.name)) > 0);
      reserved.push_back(lower(a.name));
    }
    attributes->push_back(std::move(a));
  }
  for (size_t r = 0; r < count; ++r) {
    std::vector<AttributeValue>& row = (*values)[r];
    row.resize(attributes->size());
    for (const Property& p : properties_of(r)) {
      const size_t i = first + index[p.name];
      if (row[i].index() != 0) continue;  // a name given twice: the first value counts
      const Attribute& a = (*attributes)[i];
      const PropertyValue& v = p.value;
      if (a.type == AttributeType::kInt) {
        row[i] = std::get<int64_t>(v);
      } else if (a.type == AttributeType::kDouble) {
        row[i] = v.index() == 1 ? static_cast<double>(std::get<int64_t>(v)) : std::get<double>(v);
      } else if (a.type == AttributeType::kBool) {
        row[i] = std::get<bool>(v);
      } else {
        switch (v.index()) {
          case 0:
            row[i] = std::get<std::string>(v);
            break;
          case 1:
            row[i] = std::to_string(std::get<int64_t>(v));
            break;
          case 2:
            row[i] = ShortestReal(std::get<double>(v));
            break;
          case 3:
            row[i] = std::string(std::get<bool>(v) ? "true" : "false");
            break;
          case 4:
            row[i] = FormatDate(std::get<Date>(v));
            break;
          default:
            row[i] = PropertyText(v);  // a list, as text
            break;
        }
      }
    }
  }
}

}  // namespace

const char* SectorColor(Sector s) {
  switch (s) {
    case Sector::kIndustry:
      return "#d62728";
    case Sector::kAcademia:
      return "#1f77b4";
    case Sector::kResearch:
      return "#2ca02c";
    case Sector::kHospital:
      return "#e377c2";
    case Sector::kGovernment:
      return "#ff7f0e";
    case Sector::kPublicAgency:
      return "#9467bd";
    case Sector::kSupportOrg:
      return "#8c564b";
    case Sector::kNone:
      break;
  }
  return "#7f7f7f";
}

const char* CommunityColor(uint32_t c) {
  static const char* const kPalette[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a",
                                         "#66a61e", "#e6ab02", "#a6761d", "#1f78b4",
                                         "#b2df8a", "#fb9a99", "#cab2d6", "#6a3d9a"};
  const size_t size = sizeof kPalette / sizeof kPalette[0];
  return kPalette[(c + size - 1) % size];  // community 1 takes the first colour
}

std::string FirstDay(const Date& d) {
  if (!d.known()) return "";
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year,
                d.precision >= Date::Precision::kMonth ? d.month : 1,
                d.precision == Date::Precision::kDay ? d.day : 1);
  return text;
}

std::string LastDay(const Date& d) {
  if (!d.known()) return "";
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int month = d.precision >= Date::Precision::kMonth ? d.month : 12;
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  const int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, month,
                d.precision == Date::Precision::kDay ? d.day : last);
  return text;
}

std::string FixedText(double v, int digits) {
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", digits, v);
  return text;
}

std::string ValueText(const AttributeValue& v, bool exact) {
  switch (v.index()) {
    case 1:
      return std::get<std::string>(v);
    case 2:
      return std::to_string(std::get<int64_t>(v));
    case 3:
      return exact ? ShortestReal(std::get<double>(v)) : FormatReal(std::get<double>(v));
    case 4:
      return std::get<bool>(v) ? "true" : "false";
  }
  return "";
}

const char* ImportTypeName(const Attribute& a) {
  switch (a.type) {
    case AttributeType::kInt:
      return "int";
    case AttributeType::kDouble:
      return "float";
    case AttributeType::kBool:
      return "bool";
    case AttributeType::kString:
      break;
  }
  return a.dates ? "date" : "string";
}

Result<ExportGraph> GatherExport(const Snapshot& snap, const ProjectionOptions& projection,
                                 const ExportRequest& request) {
  if (request.color_by != "sector" && request.color_by != "community")
    return Status::InvalidArgument("color-by must be sector or community");
  std::vector<std::string> with = request.with;
  if (request.color_by == "community" &&
      std::find(with.begin(), with.end(), "community") == with.end()) {
    with.push_back("community");
  }
  if (!request.size_by.empty() &&
      std::find(with.begin(), with.end(), request.size_by) == with.end()) {
    with.push_back(request.size_by);
  }
  auto whole = Build(snap, projection);
  if (!whole.ok()) return whole.status();
  ExportGraph out;
  std::vector<uint32_t> community;
  auto measures = ComputeMeasures(*whole, with, request.seed, &community);
  if (!measures.ok()) return measures.status();

  // The ego view: the institutions within `hops` ties, and the ties among them.
  std::vector<uint32_t> keep;
  if (!request.ego.empty()) {
    auto key = ResolveInstitution(snap, request.ego);
    if (!key.ok()) return key.status();
    auto center = IndexOf(*whole, *key);
    if (!center.ok()) return center.status();
    for (const auto& [v, hops] : ReachableWithin(*whole, *center, request.hops)) keep.push_back(v);
    std::sort(keep.begin(), keep.end());
  } else {
    keep.resize(whole->node_count());
    for (uint32_t v = 0; v < keep.size(); ++v) keep[v] = v;
  }
  const Projection g = request.ego.empty() ? std::move(*whole) : InducedSubgraph(*whole, keep);
  const size_t n = g.node_count();
  out.directed = g.directed();
  for (Measure& m : *measures) {
    std::vector<double> kept(n);
    for (uint32_t i = 0; i < n; ++i) kept[i] = m.values[keep[i]];
    m.values = std::move(kept);
  }
  if (!community.empty()) {
    out.has_community = true;
    out.community.resize(n);
    for (uint32_t i = 0; i < n; ++i) out.community[i] = community[keep[i]];
  }

  // Records: institutions by key (a rolled-up part is not a projection node), ties by
  // sequence number.
  out.nodes.resize(n);
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachInstitution([&](const Institution& in) {
    uint32_t v;
    if (g.Find(in.key, &v)) out.nodes[v] = in;
    return true;
  }));
  std::vector<std::pair<uint64_t, std::pair<uint32_t, uint32_t>>> kept;
  TIEGRAPH_RETURN_IF_ERROR(
      ForEachProjectedTie(snap, projection, g, [&](uint64_t sequence, uint32_t a, uint32_t b) {
        kept.push_back({sequence, {a, b}});
      }));
  size_t next = 0;
  out.ties.reserve(kept.size());
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachTieWithSequence([&](uint64_t sequence, const Tie& t) {
    if (next < kept.size() && kept[next].first == sequence) {
      out.ties.push_back({kept[next].second.first, kept[next].second.second, t});
      ++next;
    }
    return next < kept.size();
  }));
  if (next != kept.size()) return Status::Corruption("ties and their digests disagree");

  for (uint32_t v = 0; v < n; ++v) {
    const uint64_t end = g.offsets()[v + 1];
    for (uint64_t e = g.offsets()[v]; e < end; ++e) {
      if (g.directed() || v < g.targets()[e])
        out.pairs.push_back({v, g.targets()[e], g.weights()[e]});
    }
  }
  // Sizes and colours.
  std::vector<double> size_value(n);
  if (request.size_by.empty()) {
    for (uint32_t v = 0; v < n; ++v) {
      size_value[v] = static_cast<double>(g.degree(v) + (g.directed() ? g.in_degree(v) : 0));
    }
  } else {
    for (const Measure& m : *measures) {
      if (m.name == request.size_by) size_value = m.values;
    }
  }
  out.sizes = Sizes(size_value);
  TIEGRAPH_RETURN_IF_ERROR(PlaceNodes(g, request, &out));
  out.color_by = request.color_by;
  if (!request.size_by.empty()) out.size_by = request.size_by;
  out.colors.resize(n);
  for (uint32_t v = 0; v < n; ++v) {
    out.colors[v] = request.color_by == "community" ? CommunityColor(out.community[v])
                                                    : SectorColor(out.nodes[v].sector);
  }

  // Typed columns.
  using T = AttributeType;
  out.node_attributes = {{"name", T::kString},   {"sector", T::kString}, {"kind", T::kString},
                         {"region", T::kString}, {"foreign", T::kBool},  {"aliases", T::kString},
                         {"parent", T::kString}};
  for (const Measure& m : *measures) {
    out.node_attributes.push_back({m.name, m.integer ? T::kInt : T::kDouble});
    out.measure_names.push_back(m.name);
  }
  if (out.has_positions) {
    out.node_attributes.push_back({"x", T::kDouble});
    out.node_attributes.push_back({"y", T::kDouble});
  }
  out.node_attributes.push_back({"size", T::kDouble});
  out.node_attributes.push_back({"color", T::kString});
  out.node_values.resize(n);
  for (uint32_t v = 0; v < n; ++v) {
    const Institution& in = out.nodes[v];
    auto& row = out.node_values[v];
    row = {in.name,    SectorLabel(in.sector),    in.kind,  Joined(in.region, " / "),
           in.foreign, Joined(in.aliases, " | "), in.parent};
    for (const Measure& m : *measures) {
      if (m.integer) {
        row.emplace_back(static_cast<int64_t>(std::llround(m.values[v])));
      } else {
        row.emplace_back(m.values[v]);
      }
    }
    if (out.has_positions) {
      row.emplace_back(out.positions[v].x);
      row.emplace_back(out.positions[v].y);
    }
    row.emplace_back(out.sizes[v]);
    row.emplace_back(out.colors[v]);
  }
  out.tie_attributes = {{"tie_key", T::kString},         {"type", T::kString},
                        {"status", T::kString},          {"confidence", T::kString},
                        {"directed", T::kBool},          {"strength", T::kDouble},
                        {"since", T::kString},           {"until", T::kString},
                        {"event", T::kString},           {"role", T::kString},
                        {"evidence_source", T::kString}, {"evidence_quote", T::kString}};
  out.tie_values.reserve(out.ties.size());
  for (const ExportTie& e : out.ties) {
    const Tie& t = e.tie;
    std::vector<std::string> sources, quotes;
    for (const Evidence& ev : t.evidence) {
      sources.push_back(ev.source);
      quotes.push_back(ev.quote);
    }
    out.tie_values.push_back({t.key, t.type, std::string(TieStatusName(t.status)),
                              std::string(ConfidenceName(t.confidence)), t.directed, t.strength,
                              FormatDate(t.since), FormatDate(t.until), t.event, t.role,
                              Joined(sources, " | "), Joined(quotes, " | ")});
  }
  // Besides the built-in columns, the fields the formats give every node (Cytoscape's id and
  // value, GEXF's label, the position even when there is none, so that an import can tell
  // drawing from data) and every tie (ids, ends, keys, GEXF's label and weight).
  AddPropertyColumns(
      n, [&](size_t v) -> const std::vector<Property>& { return out.nodes[v].properties; },
      {"id", "label", "value", "key", "x", "y"}, &out.node_attributes, &out.node_values);
  AddPropertyColumns(
      out.ties.size(),
      [&](size_t e) -> const std::vector<Property>& { return out.ties[e].tie.properties; },
      {"id", "key", "source", "target", "label", "weight"}, &out.tie_attributes, &out.tie_values);

  out.title = request.title.empty() ? "tiegraph network" : request.title;
  out.description =
      std::to_string(n) + " institutions, " + std::to_string(out.ties.size()) + " ties";
  if (!request.ego.empty()) {
    out.description += ", within " + std::to_string(request.hops) + " ties of " + request.ego;
  }
  return out;
}

}  // namespace tiegraph
