#include "feature_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace tiegraph::tck {

namespace fs = std::filesystem;

Result<std::vector<FeatureFile>> FindFeatureFiles(const std::string& dir) {
  std::error_code ec;
  fs::path root(dir);
  std::vector<FeatureFile> files;
  if (fs::is_regular_file(root, ec) && root.extension() == ".feature") {
    files.push_back(FeatureFile{root.string(), root.filename().string()});
    return files;
  }
  if (!fs::is_directory(root, ec)) {
    return Status::NotFound(dir + ": neither a folder nor a .feature file");
  }
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".feature") {
      files.push_back(
          FeatureFile{it->path().string(), it->path().lexically_relative(root).string()});
    }
  }
  if (ec) return Status::IOError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end(),
            [](const FeatureFile& a, const FeatureFile& b) { return a.path < b.path; });
  return files;
}

std::string FindGraphsDir(const std::string& dir) {
  std::error_code ec;
  fs::path at = fs::absolute(fs::path(dir), ec);
  if (ec) return "";
  if (!fs::is_directory(at, ec)) at = at.parent_path();
  for (; !at.empty(); at = at.parent_path()) {
    if (fs::is_directory(at / "graphs", ec)) return (at / "graphs").string();
    if (at == at.parent_path()) break;
  }
  return "";
}

std::string ScenarioId(const std::string& path, const Scenario& scenario) {
  std::string id = path + ":" + scenario.title;
  if (scenario.example > 0) id += ":" + std::to_string(scenario.example);
  return id;
}

}  // namespace tiegraph::tck
