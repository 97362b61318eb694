// The HTML map's files, built into the library so an export needs nothing at run time.
// TIEGRAPH_HTML_DIR and TIEGRAPH_CYTOSCAPE_JS are set by query/html/CMakeLists.txt.
#include "html_assets.h"

#define TIEGRAPH_EMBED(symbol, path)                                           \
  __asm__(".section .rodata\n.balign 16\n.type " #symbol ", @object\n" #symbol \
          ":\n"                                                                \
          ".incbin \"" path "\"\n.byte 0\n.previous\n")

TIEGRAPH_EMBED(tiegraph_html_page, TIEGRAPH_HTML_DIR "/map.html");
TIEGRAPH_EMBED(tiegraph_html_style, TIEGRAPH_HTML_DIR "/map.css");
TIEGRAPH_EMBED(tiegraph_html_app, TIEGRAPH_HTML_DIR "/map.js");
TIEGRAPH_EMBED(tiegraph_html_library, TIEGRAPH_CYTOSCAPE_JS);

extern "C" const char tiegraph_html_page[], tiegraph_html_style[], tiegraph_html_app[],
    tiegraph_html_library[];

namespace tiegraph {

HtmlAssets EmbeddedHtmlAssets() {
  return {tiegraph_html_page, tiegraph_html_style, tiegraph_html_app, tiegraph_html_library};
}

}  // namespace tiegraph
