// The HTML map's files (query/html/map.html, map.css, map.js and the pinned Cytoscape.js),
// embedded in the library at build time so an export needs nothing at run time. Internal to
// the html stage.
#ifndef TIEGRAPH_QUERY_HTML_HTML_ASSETS_H_
#define TIEGRAPH_QUERY_HTML_HTML_ASSETS_H_

namespace tiegraph {

// The embedded assets, NUL-terminated.
struct HtmlAssets {
  const char* page;     // map.html, with the placeholders
  const char* style;    // map.css
  const char* app;      // map.js
  const char* library;  // cytoscape.min.js
};
HtmlAssets EmbeddedHtmlAssets();

}  // namespace tiegraph

#endif  // TIEGRAPH_QUERY_HTML_HTML_ASSETS_H_
