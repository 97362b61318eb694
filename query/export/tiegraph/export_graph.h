// The graph an export writes, gathered once for every format: institutions and ties with
// their attributes as typed columns, plus positions, colours and sizes. The export stage's
// interface to the stages that draw (tiegraph/render.h, tiegraph/html_map.h) and to embedders
// that write a format of their own.
#ifndef TIEGRAPH_EXPORT_GRAPH_H_
#define TIEGRAPH_EXPORT_GRAPH_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include <tiegraph/export.h>
#include <tiegraph/layout.h>
#include <tiegraph/model.h>
#include <tiegraph/projection.h>

namespace tiegraph {

enum class AttributeType { kString, kInt, kDouble, kBool };
using AttributeValue = std::variant<std::monostate, std::string, int64_t, double, bool>;

struct Attribute {
  std::string name;
  AttributeType type;
  // A custom property's column: the property's own name (`name` carries a prefix when the
  // property's name is taken by a built-in column) and whether every value was a date, written
  // as ISO text. Empty for built-in columns.
  std::string property = {};
  bool dates = false;
};

struct ExportTie {
  uint32_t a = 0, b = 0;  // node indexes, source side first
  Tie tie;
};

struct ExportGraph {
  std::string title, description;  // description: counts and filters, one line
  bool directed = false;
  std::vector<Institution> nodes;
  std::vector<ExportTie> ties;
  // Typed columns: node_values[v][i] is node v's value of node_attributes[i]; the same for ties.
  std::vector<Attribute> node_attributes, tie_attributes;
  std::vector<std::vector<AttributeValue>> node_values, tie_values;
  std::vector<std::string> measure_names;  // the `with` measures, in node_attributes too
  bool has_positions = false;
  std::vector<Point> positions;
  std::vector<double> sizes;         // node diameter for drawings, 12..48
  std::vector<std::string> colors;   // "#rrggbb" by the chosen colouring
  std::string color_by = "sector";   // what the colours mean: sector or community
  std::string size_by = "partners";  // what the sizes mean
  bool has_community = false;
  std::vector<uint32_t> community;  // when has_community: numbered from 1
  // Pairs for formats with one value per pair: node indexes a < b (directed: a -> b) and the
  // combined weight, from the projection's arcs.
  struct Pair {
    uint32_t a, b;
    double weight;
  };
  std::vector<Pair> pairs;
};

// Gathers the export: projection, ego view, measures, layout, records.
Result<ExportGraph> GatherExport(const Snapshot& snap, const ProjectionOptions& projection,
                                 const ExportRequest& request);

// The colour of each sector (ColorBrewer-like, readable on white) and of community c (from 1).
const char* SectorColor(Sector s);
const char* CommunityColor(uint32_t c);

// Dates as text: FormatDate (vocabulary.h), the one formatter.
// The first or last day a date can mean, as YYYY-MM-DD; "" when unknown.
std::string FirstDay(const Date& d);
std::string LastDay(const Date& d);

// Writers of the single-file formats, one per format.
void WriteGraphML(const ExportGraph& g, std::ostream& out);
void WriteGexf(const ExportGraph& g, bool dynamic, std::ostream& out);
void WriteDot(const ExportGraph& g, std::ostream& out);
void WriteCytoscapeJson(const ExportGraph& g, std::ostream& out);
void WriteNodeLinkJson(const ExportGraph& g, std::ostream& out);
void WriteUcinetDl(const ExportGraph& g, std::ostream& out);
// The two-file formats.
void WriteCsvNodes(const ExportGraph& g, std::ostream& out);
void WriteCsvEdges(const ExportGraph& g, std::ostream& out);
void WritePajekNet(const ExportGraph& g, std::ostream& out);
void WritePajekClu(const ExportGraph& g, std::ostream& out);
void WriteVosviewerMap(const ExportGraph& g, std::ostream& out);
void WriteVosviewerNetwork(const ExportGraph& g, std::ostream& out);

// The HTML map's data (tiegraph/html_map.h) as JSON safe to place inside a <script> element.
std::string HtmlMapData(const ExportGraph& g, const ExportRequest& request);

// A real with `digits` decimals ("%.*f"): coordinates and sizes in DOT and Pajek.
std::string FixedText(double v, int digits);

// Text of a value as the text formats write it: reals by FormatReal (exact: the shortest text
// that reads back the same, for custom properties, which are data rather than measures),
// booleans true/false.
std::string ValueText(const AttributeValue& v, bool exact = false);
// The type suffix tiegraph's CSV import reads on a property column's header ("int", "float",
// "bool", "date", "string"), so an exported table imports back with its types.
const char* ImportTypeName(const Attribute& a);

}  // namespace tiegraph

#endif  // TIEGRAPH_EXPORT_GRAPH_H_
