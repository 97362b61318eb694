// What the GraphML and GEXF readers share: the parsed XML with each element's line, and the
// mapping of a node's or an edge's values to an institution's or a tie's fields and typed
// properties (docs/FORMATS.md, "GraphML and GEXF").
#ifndef TIEGRAPH_QUERY_XML_GRAPH_H_
#define TIEGRAPH_QUERY_XML_GRAPH_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
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

// What the GraphML and the GEXF reader do alike: the document and its root, the defaults of
// declared attributes, the file's node ids and the edges' ends, and the records' errors.
class XmlGraphReader {
 protected:
  XmlGraphReader(ReadContext& ctx, std::string_view text) : ctx_(ctx), xml_(text) {}

  // Parses the file: its root element when it is named `name`, else null (and reported).
  pugi::xml_node Root(const char* name);
  // Reports "path:line: what" (or "path:line: field 'f': what") at the element.
  void Fail(const pugi::xml_node& e, const std::string& what);
  void Fail(const pugi::xml_node& e, std::string_view field, const std::string& what);
  // An attribute's declared default (`element`: its <default>): false, and reported, when it
  // is not a value of the type; otherwise the records of `classes` without a value get it.
  bool AddDefault(const pugi::xml_node& element, std::string_view name, PropertyType type,
                  const std::vector<std::string_view>& classes);
  // The defaults of class `what` ("node", "edge") that `r` has no value for.
  void AddDefaults(const char* what, XmlRecord* r) { tiegraph::AddDefaults(defaults_[what], r); }
  // Checks that the edge names its two ends and that they are nodes of this file.
  Status CheckEnds(const XmlRecord& r) const;
  // Maps a record whose values `read` says were read well, or reports what is wrong.
  void AddNode(Status read, const XmlRecord& r);
  void AddEdge(Status read, const XmlRecord& r);

  ReadContext& ctx_;
  XmlText xml_;
  std::unordered_set<std::string_view> nodes_;                            // the file's node ids
  std::map<std::string, std::vector<XmlDefault>, std::less<>> defaults_;  // by class
};

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_XML_GRAPH_H_
