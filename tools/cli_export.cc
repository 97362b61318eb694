// export, render, html: the network as files for other tools, a picture, an interactive map.
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli_commands.h"
#include "cli_projection.h"

namespace tiegraph::cli {
namespace {

// The options the three commands share, beside the projection filters.
struct ExportArgs {
  ExportRequest request;
  std::string with, out;

  void Register(CLI::App* cmd) {
    cmd->add_option("--out,-o", out, "File to write")->required();
    cmd->add_option("--ego", request.ego,
                    "Only the institutions near this one (key, name or alias)");
    cmd->add_option("--hops", request.hops, "With --ego: how many ties away (default 2)");
    cmd->add_option("--with", with,
                    "Measures to attach, comma-separated: community, component, degree, "
                    "betweenness, pagerank, core, clustering, … (any centrality metric)");
    cmd->add_option("--layout", request.layout,
                    "forceatlas2, fr (Fruchterman-Reingold), kk (Kamada-Kawai), none, or auto "
                    "(default: forceatlas2 up to 20,000 institutions)");
    cmd->add_option("--seed", request.seed, "Seed of the layout and of community detection");
    cmd->add_option("--iterations", request.layout_iterations,
                    "Layout steps (default: the method's)");
    cmd->add_option("--color-by", request.color_by, "sector (default) or community");
    cmd->add_option("--size-by", request.size_by,
                    "A measure to size institutions by (default: number of partners)");
    cmd->add_option("--title", request.title, "Title of the map or picture");
  }

  // The request as given, with the database's name as the default title.
  ExportRequest Request(const Context& ctx) const {
    ExportRequest r = request;
    std::stringstream list(with);
    for (std::string item; std::getline(list, item, ',');) {
      if (!item.empty()) r.with.push_back(item);
    }
    if (r.title.empty()) {
      r.title = "tiegraph: " + std::filesystem::path(ctx.db_path).filename().string();
    }
    return r;
  }
};

// Adds a command that writes files: `fill` may add options; `write` returns the paths written.
using WriteFn = std::function<Result<std::vector<std::string>>(
    const Snapshot&, const ProjectionOptions&, const ExportRequest&, const std::string& out)>;

void AddFileCommand(CLI::App& app, Context& ctx, int* exit_code, const char* name,
                    const char* description,
                    const std::function<void(CLI::App*, ExportArgs*)>& fill, WriteFn write) {
  auto f = std::make_shared<FilterArgs>();
  auto a = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand(name, description);
  if (fill) fill(cmd, a.get());
  a->Register(cmd);
  f->Register(cmd);
  cmd->callback([&ctx, exit_code, f, a, write = std::move(write)]() {
    WithSnapshot(ctx, exit_code, *f, [&](const Snapshot& snap, const ProjectionOptions& o) {
      auto paths = write(snap, o, a->Request(ctx), a->out);
      if (!paths.ok()) return paths.status();
      for (const std::string& p : *paths) std::cout << "wrote " << p << "\n";
      return Status::OK();
    });
  });
}

// The HTML map, or a clear refusal from a build without it.
Result<std::vector<std::string>> WriteMap(const Snapshot& snap, const ProjectionOptions& o,
                                          const ExportRequest& r, const std::string& out) {
#ifdef TIEGRAPH_HAVE_HTML_MAP
  TIEGRAPH_RETURN_IF_ERROR(ExportHtmlMap(snap, o, r, out));
  return std::vector<std::string>{out};
#else
  (void)snap, (void)o, (void)r, (void)out;
  return Status::InvalidArgument(
      "this tiegraph was built without the HTML map (TIEGRAPH_WITH_HTML_MAP)");
#endif
}

}  // namespace

void RegisterExportCommands(CLI::App& app, Context& ctx, int* exit_code) {
  std::string formats;
  for (const auto& name : ExportFormats()) formats += (formats.empty() ? "" : ", ") + name;
  formats += ", html";
  AddFileCommand(
      app, ctx, exit_code, "export",
      "Write the network for another tool (Gephi, Cytoscape, Graphviz, Pajek, UCINET…)",
      [formats](CLI::App* cmd, ExportArgs* a) {
        cmd->add_option("--format,-f", a->request.format, "One of: " + formats)->required();
        cmd->add_flag("--dynamic", a->request.dynamic,
                      "GEXF: time intervals from the ties' dates, for Gephi's timeline");
      },
      [](const Snapshot& snap, const ProjectionOptions& o, const ExportRequest& r,
         const std::string& out) {
        return r.format == "html" ? WriteMap(snap, o, r, out) : Export(snap, o, r, out);
      });
  AddFileCommand(app, ctx, exit_code, "render",
                 "Draw the network as a picture (.svg, .png or .pdf) through Graphviz", nullptr,
                 [](const Snapshot& snap, const ProjectionOptions& o, const ExportRequest& r,
                    const std::string& out) -> Result<std::vector<std::string>> {
#ifdef TIEGRAPH_HAVE_RENDER
                   TIEGRAPH_RETURN_IF_ERROR(Render(snap, o, r, out));
                   return std::vector<std::string>{out};
#else
        (void)snap, (void)o, (void)r, (void)out;
        return Status::InvalidArgument("this tiegraph was built without Graphviz (TIEGRAPH_WITH_RENDER)");
#endif
                 });
  AddFileCommand(app, ctx, exit_code, "html",
                 "Write a self-contained interactive map (one .html file, no network needed)",
                 nullptr,
                 [](const Snapshot& snap, const ProjectionOptions& o, const ExportRequest& r,
                    const std::string& out) { return WriteMap(snap, o, r, out); });
}

}  // namespace tiegraph::cli
