#include <tiegraph/export.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <tiegraph/export_graph.h>

namespace tiegraph {
namespace {

// One file of an export: where it goes and what fills it.
struct OutputFile {
  std::string path;
  std::function<Status(std::ostream&)> write;
};

std::string Stem(const std::string& out) {
  const std::filesystem::path p(out);
  return p.has_extension() ? (p.parent_path() / p.stem()).string() : out;
}

// Every file is written to a temporary beside it first; only when all are complete are they
// renamed into place, so an error leaves none of them (and no earlier file half-replaced).
Status WriteAll(const std::vector<OutputFile>& files) {
  std::vector<std::string> temporaries;
  auto discard = [&] {
    for (const std::string& t : temporaries) std::remove(t.c_str());
  };
  for (const OutputFile& f : files) {
    const std::string tmp = f.path + ".tmp-" + std::to_string(::getpid());
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      discard();
      return Status::IOError("cannot write " + f.path + ": " +
                             std::error_code(errno, std::generic_category()).message());
    }
    temporaries.push_back(tmp);
    const Status filled = f.write(out);
    if (!filled.ok()) {
      discard();
      return filled;
    }
    out.flush();
    if (!out) {
      discard();
      return Status::IOError("writing " + f.path + " failed (disk full?)");
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    std::filesystem::rename(temporaries[i], files[i].path, ec);
    if (ec) {
      discard();
      return Status::IOError("cannot rename " + temporaries[i] + " to " + files[i].path + ": " +
                             ec.message());
    }
  }
  return Status::OK();
}

}  // namespace

const std::vector<std::string>& ExportFormats() {
  static const std::vector<std::string> kFormats = {
      "graphml", "gexf", "dot", "cytoscape", "node-link", "csv", "pajek", "ucinet", "vosviewer"};
  return kFormats;
}

std::vector<std::string> ExportPaths(const std::string& format, const std::string& out) {
  const std::string stem = Stem(out);
  if (format == "csv") return {stem + "-nodes.csv", stem + "-edges.csv"};
  if (format == "pajek") return {stem + ".net", stem + ".clu"};
  if (format == "vosviewer") return {stem + "-map.txt", stem + "-network.txt"};
  return {out};
}

Result<std::vector<std::string>> Export(const Snapshot& snap, const ProjectionOptions& projection,
                                        const ExportRequest& request, const std::string& out) {
  const auto& formats = ExportFormats();
  if (std::find(formats.begin(), formats.end(), request.format) == formats.end()) {
    std::string list;
    for (const auto& f : formats) list += " " + f;
    return Status::InvalidArgument("unknown export format '" + request.format +
                                   "'; expected one of:" + list);
  }
  if (request.dynamic && request.format != "gexf")
    return Status::InvalidArgument("dynamic applies to the gexf format only");
  auto gathered = GatherExport(snap, projection, request);
  if (!gathered.ok()) return gathered.status();
  const ExportGraph& g = *gathered;
  const std::vector<std::string> paths = ExportPaths(request.format, out);
  std::vector<OutputFile> files;
  using W = std::function<void(std::ostream&)>;
  auto add = [&](size_t i, W w) {
    files.push_back({paths[i], [w = std::move(w)](std::ostream& o) {
                       w(o);
                       return Status::OK();
                     }});
  };
  auto one = [&](W w) { add(0, std::move(w)); };
  auto two = [&](W first, W second) {
    add(0, std::move(first));
    add(1, std::move(second));
  };
  const std::string& f = request.format;
  if (f == "graphml") one([&](std::ostream& o) { WriteGraphML(g, o); });
  if (f == "gexf") one([&](std::ostream& o) { WriteGexf(g, request.dynamic, o); });
  if (f == "dot") one([&](std::ostream& o) { WriteDot(g, o); });
  if (f == "cytoscape") one([&](std::ostream& o) { WriteCytoscapeJson(g, o); });
  if (f == "node-link") one([&](std::ostream& o) { WriteNodeLinkJson(g, o); });
  if (f == "ucinet") one([&](std::ostream& o) { WriteUcinetDl(g, o); });
  if (f == "csv") {
    two([&](std::ostream& o) { WriteCsvNodes(g, o); },
        [&](std::ostream& o) { WriteCsvEdges(g, o); });
  }
  if (f == "pajek") {
    two([&](std::ostream& o) { WritePajekNet(g, o); },
        [&](std::ostream& o) { WritePajekClu(g, o); });
  }
  if (f == "vosviewer") {
    two([&](std::ostream& o) { WriteVosviewerMap(g, o); },
        [&](std::ostream& o) { WriteVosviewerNetwork(g, o); });
  }
  TIEGRAPH_RETURN_IF_ERROR(WriteAll(files));
  return paths;
}

Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& fill) {
  return WriteAll({{path, fill}});
}

}  // namespace tiegraph
