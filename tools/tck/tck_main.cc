// tiegraph-tck: runs the openCypher conformance kit's scenarios against tiegraph's query engine
// and reports, per scenario, PASS, FAIL or SKIP.
//
//   tiegraph-tck [--expect FILE] [--write-expected FILE] [--filter SUBSTRING] [--verbose]
//                [--by-folder] [--graphs DIR] [--timeout-ms N] DIR…
//
// Exit status: 0, or 1 when a scenario listed in --expect did not pass, or 2 on bad usage or a
// feature file that cannot be read.
#include <charconv>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine_factory.h"
#include "expectations.h"
#include "feature_files.h"
#include "gherkin.h"
#include "report.h"
#include "scenario_runner.h"

namespace tiegraph::tck {
namespace {

constexpr const char* kUsage =
    "usage: tiegraph-tck [--expect FILE] [--write-expected FILE] [--filter SUBSTRING]\n"
    "                    [--verbose] [--by-folder] [--graphs DIR] [--timeout-ms N] DIR...\n"
    "Runs the conformance kit's feature files under each DIR (the kit's features/ folder, a\n"
    "folder below it, or one .feature file).\n"
    "  --expect FILE          ids of scenarios expected to pass; exit 1 when one does not\n"
    "  --write-expected FILE  write the ids of the scenarios that passed\n"
    "  --filter SUBSTRING     run only scenarios whose id (path:title[:example]) contains it\n"
    "  --verbose              say why a scenario failed or was skipped\n"
    "  --by-folder            pass counts and percentages per folder of feature files\n"
    "  --graphs DIR           the kit's graphs/ folder (default: found beside DIR)\n"
    "  --timeout-ms N         each query's time budget (default 10000)\n";

struct Options {
  std::string expect_file;
  std::string write_expected_file;
  std::string filter;
  bool verbose = false;
  bool by_folder = false;
  std::string graphs_dir;
  long long timeout_ms = 10000;
  std::vector<std::string> dirs;
};

int Usage(const std::string& problem) {
  std::cerr << "tiegraph-tck: " << problem << "\n" << kUsage;
  return 2;
}

// Returns an exit status when the program should stop at once (bad usage, --help).
std::optional<int> ParseOptions(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= argc) return false;
      into = argv[++i];
      return true;
    };
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--verbose") {
      options.verbose = true;
    } else if (arg == "--by-folder") {
      options.by_folder = true;
    } else if (arg == "--expect" || arg == "--write-expected" || arg == "--filter" ||
               arg == "--graphs" || arg == "--timeout-ms") {
      std::string text;
      if (!value(text)) return Usage(arg + " needs a value");
      if (arg == "--expect") options.expect_file = text;
      if (arg == "--write-expected") options.write_expected_file = text;
      if (arg == "--filter") options.filter = text;
      if (arg == "--graphs") options.graphs_dir = text;
      if (arg == "--timeout-ms") {
        auto [end, ec] =
            std::from_chars(text.data(), text.data() + text.size(), options.timeout_ms);
        if (ec != std::errc() || end != text.data() + text.size() || options.timeout_ms <= 0) {
          return Usage("--timeout-ms needs a positive number of milliseconds");
        }
      }
    } else if (arg.size() > 1 && arg[0] == '-') {
      return Usage("unknown option " + arg);
    } else {
      options.dirs.push_back(arg);
    }
  }
  if (options.dirs.empty()) return Usage("no DIR given");
  return std::nullopt;
}

struct LoadedFeature {
  Feature feature;
  std::string graphs_dir;
};

int Run(const Options& options) {
  std::vector<LoadedFeature> features;
  std::set<std::string> paths;
  for (const std::string& dir : options.dirs) {
    Result<std::vector<FeatureFile>> files = FindFeatureFiles(dir);
    if (!files.ok()) return Usage(files.status().message());
    std::string graphs = options.graphs_dir.empty() ? FindGraphsDir(dir) : options.graphs_dir;
    for (const FeatureFile& file : *files) {
      Result<Feature> feature = ReadFeatureFile(file.file, file.path);
      if (!feature.ok()) {
        std::cerr << "tiegraph-tck: " << feature.status().message() << "\n";
        return 2;
      }
      paths.insert(file.path);
      features.push_back(LoadedFeature{std::move(*feature), graphs});
    }
  }
  std::set<std::string> expected;
  if (!options.expect_file.empty()) {
    Result<std::set<std::string>> ids = ReadIdList(options.expect_file);
    if (!ids.ok()) return Usage(ids.status().message());
    expected = std::move(*ids);
  }

  std::unique_ptr<Engine> engine = MakeEngine();
  std::vector<ScenarioRecord> records;
  std::unordered_map<std::string, int> seen_ids;
  for (const LoadedFeature& loaded : features) {
    RunOptions run_options{loaded.graphs_dir, std::chrono::milliseconds(options.timeout_ms)};
    for (const Scenario& scenario : loaded.feature.scenarios) {
      std::string id = ScenarioId(loaded.feature.path, scenario);
      if (id.find(options.filter) == std::string::npos) continue;
      if (seen_ids[id]++)
        std::cerr << "tiegraph-tck: warning: two scenarios have id " << id << "\n";
      ScenarioRecord record{id,
                            loaded.feature.path,
                            scenario.line,
                            scenario.title,
                            scenario.example,
                            RunScenario(scenario, loaded.feature.path, *engine, run_options)};
      std::cout << FormatRecordLine(record, options.verbose) << std::endl;
      records.push_back(std::move(record));
    }
  }
  std::cout << FormatSummary(records) << "\n";
  if (options.by_folder) std::cout << "\n" << FormatByFolder(records);

  if (!options.write_expected_file.empty()) {
    Status written = WritePassingIds(options.write_expected_file, records);
    if (!written.ok()) {
      std::cerr << "tiegraph-tck: " << written.message() << "\n";
      return 2;
    }
  }
  if (options.expect_file.empty()) return 0;
  ExpectationCheck check = CheckExpectations(expected, records, paths, options.filter);
  for (const std::string& id : check.regressions) std::cout << "REGRESSION  " << id << "\n";
  for (const std::string& id : check.missing) std::cout << "MISSING  " << id << "\n";
  for (const std::string& id : check.improvements) std::cout << "IMPROVED  " << id << "\n";
  std::cout << check.regressions.size() << " regressions, " << check.missing.size() << " missing, "
            << check.improvements.size() << " improvements";
  if (check.out_of_scope) std::cout << " (" << check.out_of_scope << " expected ids not run)";
  std::cout << "\n";
  return check.regressions.empty() && check.missing.empty() ? 0 : 1;
}

}  // namespace
}  // namespace tiegraph::tck

int main(int argc, char** argv) {
  tiegraph::tck::Options options;
  if (std::optional<int> exit = tiegraph::tck::ParseOptions(argc, argv, options)) return *exit;
  return tiegraph::tck::Run(options);
}
