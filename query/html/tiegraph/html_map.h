// The interactive HTML map: one self-contained page (the network, the app and the graph
// library inlined) that opens offline in any browser, with search, filters by sector, type
// and status, a date slider and each tie's evidence.
//
// An optional part of the library: built when CMake's TIEGRAPH_WITH_HTML_MAP is on (npm fetches
// the pinned Cytoscape.js at build time). <tiegraph/config.h> defines TIEGRAPH_HAVE_HTML_MAP
// when this build has it.
#ifndef TIEGRAPH_HTML_MAP_H_
#define TIEGRAPH_HTML_MAP_H_

#include <ostream>
#include <string>

#include <tiegraph/export.h>
#include <tiegraph/export_graph.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

// Writes the map of the projection to `out` (atomically: all or nothing). The request's
// layout "auto" means ForceAtlas2 here whatever the size: the browser would be slower.
Status ExportHtmlMap(const Snapshot& snap, const ProjectionOptions& projection,
                     const ExportRequest& request, const std::string& out);

// The page for an already gathered export.
void WriteHtmlMap(const ExportGraph& g, const ExportRequest& request, std::ostream& out);

}  // namespace tiegraph

#endif  // TIEGRAPH_HTML_MAP_H_
