// Pictures of the network through the Graphviz libraries.
//
// An optional part of the library: built when CMake's TIEGRAPH_WITH_RENDER is on (it links
// Graphviz). <tiegraph/config.h> defines TIEGRAPH_HAVE_RENDER when this build has it.
#ifndef TIEGRAPH_RENDER_H_
#define TIEGRAPH_RENDER_H_

#include <string>

#include <tiegraph/export.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

// A picture through the Graphviz libraries: svg, png or pdf (from the file name's extension),
// coloured by sector (or community), sized by a measure, with a legend and Korean labels in a
// CJK font. Uses the request's layout (positions pinned) unless it is "none", when Graphviz's
// sfdp places the nodes.
Status Render(const Snapshot& snap, const ProjectionOptions& projection,
              const ExportRequest& request, const std::string& out);

}  // namespace tiegraph

#endif  // TIEGRAPH_RENDER_H_
