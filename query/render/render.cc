// Pictures through the Graphviz libraries (cgraph reads our DOT, gvc lays out and renders with
// cairo, whose text goes through pango and fontconfig, so Hangul finds a CJK font).
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <sstream>

#include <tiegraph/export_dot.h>
#include <tiegraph/export_graph.h>
#include <tiegraph/render.h>

namespace tiegraph {
namespace {

// Graphviz reports through a process-wide callback; the last message explains a failure.
std::string& LastGraphvizMessage() {
  static std::string message;
  return message;
}

int KeepGraphvizMessage(char* text) {
  std::string& m = LastGraphvizMessage();
  m = text;
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return 0;
}

struct GraphvizDeleter {
  GVC_t* gvc;
  void operator()(Agraph_t* g) const {
    gvFreeLayout(gvc, g);
    agclose(g);
  }
};

}  // namespace

Status Render(const Snapshot& snap, const ProjectionOptions& projection,
              const ExportRequest& request, const std::string& out) {
  std::string ext = std::filesystem::path(out).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  // cairo for every format: SVG text becomes glyph outlines, so a viewer without a Korean
  // font still shows the labels.
  const char* device = ext == ".svg"   ? "svg:cairo"
                       : ext == ".png" ? "png:cairo"
                       : ext == ".pdf" ? "pdf:cairo"
                                       : nullptr;
  if (device == nullptr) {
    return Status::InvalidArgument("cannot tell the picture format of " + out +
                                   ": name it .svg, .png or .pdf");
  }
  ExportRequest effective = request;
  if (effective.layout == "auto") effective.layout = "forceatlas2";
  auto gathered = GatherExport(snap, projection, effective);
  if (!gathered.ok()) return gathered.status();
  DotStyle style;
  style.title = true;
  style.legend = true;
  if (ext == ".png") style.dpi = 110;  // legible small labels; SVG and PDF scale anyway
  std::ostringstream dot;
  WriteDotGraph(*gathered, style, dot);

  LastGraphvizMessage().clear();
  agseterrf(KeepGraphvizMessage);
  agseterr(AGERR);
  std::unique_ptr<GVC_t, int (*)(GVC_t*)> gvc(gvContext(), gvFreeContext);
  std::unique_ptr<Agraph_t, GraphvizDeleter> graph(agmemread(dot.str().c_str()),
                                                   GraphvizDeleter{gvc.get()});
  if (!graph)
    return Status::IOError("Graphviz could not read the drawing: " + LastGraphvizMessage());
  // "nop2" draws the nodes where our layout put them, as `neato -n2` (plain "nop" would run
  // Graphviz's own overlap removal, which shrinks the drawing and ignores the labels); without
  // positions, sfdp places them.
  const char* engine = gathered->has_positions ? "nop2" : "sfdp";
  if (gvLayout(gvc.get(), graph.get(), engine) != 0)
    return Status::IOError(std::string("Graphviz layout (") + engine +
                           ") failed: " + LastGraphvizMessage());
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(gvc.get(), graph.get(), device, &data, &length) != 0 || data == nullptr) {
    return Status::IOError(
        std::string("Graphviz could not render ") + device +
        " (is its cairo plugin, libgvc6's pango, installed?): " + LastGraphvizMessage());
  }
  std::unique_ptr<char, void (*)(char*)> rendered(data, gvFreeRenderData);
  return WriteFileAtomically(out, [&](std::ostream& o) {
    o.write(rendered.get(), length);
    return Status::OK();
  });
}

}  // namespace tiegraph
