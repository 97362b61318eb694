// What the GraphML and GEXF readers share: the parsed XML with each element's line, and the
// mapping of a node's or an edge's values to an institution's or a tie's fields and typed
// properties (docs/FORMATS.md, "GraphML and GEXF").
#ifndef TIEGRAPH_QUERY_XML_GRAPH_H_
#define TIEGRAPH_QUERY_XML_GRAPH_H_

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "import_internal.h"

namespace tiegraph {

// An XML file parsed, with the lines of its text for errors.
class XmlText {
 public:
  explicit XmlText(std::string_view text) : text_(text), lines_(text) {}
  // Parses the text. Malformed XML is reported to ctx.bad ("path:LINE: column C: not valid
  // XML: what") and gives false: nothing of the file can be read.
  bool Parse(ReadContext& ctx);
  pugi::xml_node root() const { return doc_.document_element(); }
  // The line an element's start tag is on.
  size_t Line(const pugi::xml_node& element) const;

 private:
  std::string_view text_;
  TextLines lines_;
  pugi::xml_document doc_;
};

// An element's text: its character data and CDATA sections, in order.
std::string ElementText(const pugi::xml_node& element);

// One value of a node or an edge: an attribute the file declares (a GraphML key, a GEXF
// attribute) or one of the format's own fields (GEXF's label, weight, kind and pid, yEd's
// label), which comes after the declared ones.
struct XmlValue {
  std::string_view name;
  PropertyType type = PropertyType::kString;
  std::string text;  // as the file gives it
  size_t line = 0;   // of the element that gives it
  bool own = false;  // a field of the format itself, not a declared attribute
};

// A node or an edge as the file states it.
struct XmlRecord {
  size_t line = 0;                      // of its element
  std::string_view id, source, target;  // source and target: edges only
  bool directed = false;                // edges: what the edge, or else its graph, says
  std::vector<XmlValue> values;
};

// A declared attribute's default, for the records that do not give it a value.
struct XmlDefault {
  std::string_view name;
  PropertyType type;
  std::string text;
};
// Appends the defaults of the attributes `r` has no value for.
void AddDefaults(const std::vector<XmlDefault>& defaults, XmlRecord* r);

// Maps a node to an institution, or an edge to a tie; holds it to ctx.checks and adds it to
// ctx.out. An error names the file, the line and the attribute at fault.
Status AddInstitution(ReadContext& ctx, const XmlRecord& node);
Status AddTie(ReadContext& ctx, const XmlRecord& edge);

// Whether `text` is a value of `type` (for a default declared once for many records).
Status CheckValue(std::string_view text, PropertyType type);

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_XML_GRAPH_H_
