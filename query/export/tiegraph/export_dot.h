// The DOT text shared by the DOT export and rendered pictures (tiegraph/render.h).
#ifndef TIEGRAPH_EXPORT_DOT_H_
#define TIEGRAPH_EXPORT_DOT_H_

#include <ostream>
#include <string>

#include <tiegraph/export_graph.h>

namespace tiegraph {

struct DotStyle {
  bool title = false;                // the title and counts above the drawing
  bool legend = false;               // a sector legend beside it
  std::string font = "NanumGothic";  // has Hangul; fontconfig substitutes when missing
  double node_scale = 1.0;
  int dpi = 0;  // bitmap resolution; 0: Graphviz's default (72)
};

void WriteDotGraph(const ExportGraph& g, const DotStyle& style, std::ostream& out);

}  // namespace tiegraph

#endif  // TIEGRAPH_EXPORT_DOT_H_
