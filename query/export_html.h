// The self-contained HTML map: a template, the app and the graph library, embedded in the
// library at build time (query/html/, the library pinned by its package-lock.json), filled
// with the network's data at export. Internal to query/.
#ifndef TIEGRAPH_QUERY_EXPORT_HTML_H_
#define TIEGRAPH_QUERY_EXPORT_HTML_H_

#include <string>

#include "query/export_graph.h"

namespace tiegraph {

// The map's data as JSON safe to place inside a <script> element.
std::string HtmlMapData(const ExportGraph& g, const ExportRequest& request);

// The embedded assets, NUL-terminated.
struct HtmlAssets {
  const char* page;     // query/html/map.html, with the placeholders
  const char* style;    // query/html/map.css
  const char* app;      // query/html/map.js
  const char* library;  // cytoscape.min.js
};
HtmlAssets EmbeddedHtmlAssets();

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_EXPORT_HTML_H_
