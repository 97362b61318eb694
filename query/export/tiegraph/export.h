// Exports: the network seen through a projection's filters, written as files for other tools
// (Gephi, Cytoscape, Graphviz, networkx/D3, spreadsheets, Pajek, UCINET, VOSviewer), as a
// picture (tiegraph/render.h) or one self-contained interactive HTML map (tiegraph/html_map.h).
// docs/EXPORT.md says which format suits which tool.
//
// Every tie that passes the filters is one edge, with its type, status, dates and evidence,
// except in UCINET DL and VOSviewer files, whose tools expect one value per pair: there the
// ties of a pair are combined as the projection's `combine` says.
#ifndef TIEGRAPH_EXPORT_H_
#define TIEGRAPH_EXPORT_H_

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <tiegraph/projection.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

// graphml, gexf, dot, cytoscape, node-link, csv, pajek, ucinet, vosviewer. (The HTML map and
// pictures are optional parts: tiegraph/html_map.h and tiegraph/render.h.)
const std::vector<std::string>& ExportFormats();

struct ExportRequest {
  std::string format = "graphml";
  // An ego view: only the institutions within `hops` ties of `ego` (a key, name or alias).
  std::string ego;
  uint32_t hops = 2;
  // Analysis results attached to each institution: any centrality metric name (degree,
  // betweenness, pagerank…), "community" (Leiden, modularity) and "component". Computed on
  // the whole projection, before the ego view is cut out.
  std::vector<std::string> with;
  // forceatlas2 | fr | kk | none | auto (auto: forceatlas2 up to 20,000 institutions, else none).
  std::string layout = "auto";
  uint64_t seed = 42;
  int layout_iterations = 0;        // 0: the method's default
  std::string color_by = "sector";  // sector | community
  std::string size_by;              // a measure named in `with`; empty: number of partners
  bool dynamic = false;             // GEXF: spells from the ties' validity, for Gephi's timeline
  std::string title;                // HTML map and picture title; empty: the database's name
};

// The files an export writes: `out` itself, or for formats made of two files, names derived
// from it (csv: STEM-nodes.csv and STEM-edges.csv; pajek: STEM.net and STEM.clu; vosviewer:
// STEM-map.txt and STEM-network.txt, where STEM is `out` without its extension).
std::vector<std::string> ExportPaths(const std::string& format, const std::string& out);

// Writes the export; all files appear together or none does. Returns the paths written.
Result<std::vector<std::string>> Export(const Snapshot& snap, const ProjectionOptions& projection,
                                        const ExportRequest& request, const std::string& out);

// Writes `path` through a temporary file in the same folder renamed into place, so a reader
// never sees it half-written; on error nothing is left behind.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& fill);

}  // namespace tiegraph

#endif  // TIEGRAPH_EXPORT_H_
