// The HTML map: the embedded page with its placeholders filled.
#include <string_view>

#include <tiegraph/html_map.h>

#include "html_assets.h"

namespace tiegraph {

void WriteHtmlMap(const ExportGraph& g, const ExportRequest& request, std::ostream& out) {
  const HtmlAssets assets = EmbeddedHtmlAssets();
  const std::string data = HtmlMapData(g, request);
  // Each placeholder is replaced once, in page order; their text is fixed by map.html.
  const std::pair<std::string_view, std::string_view> fills[] = {
      {"/*@tiegraph:style*/", assets.style},
      {"/*@tiegraph:library*/", assets.library},
      {"/*@tiegraph:data*/", data},
      {"/*@tiegraph:app*/", assets.app}};
  std::string_view page = assets.page;
  for (const auto& [placeholder, text] : fills) {
    const size_t at = page.find(placeholder);
    if (at == std::string_view::npos) continue;
    out << page.substr(0, at) << text;
    page.remove_prefix(at + placeholder.size());
  }
  out << page;
}

Status ExportHtmlMap(const Snapshot& snap, const ProjectionOptions& projection,
                     const ExportRequest& request, const std::string& out) {
  ExportRequest effective = request;
  effective.format = "html";
  if (effective.layout == "auto") effective.layout = "forceatlas2";
  auto gathered = GatherExport(snap, projection, effective);
  if (!gathered.ok()) return gathered.status();
  return WriteFileAtomically(out, [&](std::ostream& o) {
    WriteHtmlMap(*gathered, effective, o);
    return Status::OK();
  });
}

}  // namespace tiegraph
