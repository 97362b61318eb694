#include "report.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

namespace tiegraph::tck {
namespace {

// A reason longer than this (a long row, a long message) is cut: a line should stay readable.
constexpr size_t kMaxReason = 300;

struct Tally {
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  int total() const { return passed + failed + skipped; }
  void Count(Verdict verdict) {
    (verdict == Verdict::kPass ? passed : verdict == Verdict::kFail ? failed : skipped)++;
  }
};

std::string FolderRow(const std::string& folder, const Tally& tally, size_t width) {
  char line[512];
  double percent = tally.total() ? 100.0 * tally.passed / tally.total() : 0.0;
  std::snprintf(line, sizeof line, "%-*s %7d %7d %7d %7d %6.1f%%\n", static_cast<int>(width),
                folder.c_str(), tally.passed, tally.failed, tally.skipped, tally.total(), percent);
  return line;
}

}  // namespace

std::string FormatRecordLine(const ScenarioRecord& record, bool verbose) {
  std::string line = std::string(VerdictName(record.verdict.verdict)) + "  " + record.path + ":" +
                     std::to_string(record.line) + "  " + record.title;
  if (record.example > 0) line += " (example " + std::to_string(record.example) + ")";
  if (verbose && !record.verdict.reason.empty()) {
    std::string reason = record.verdict.reason;
    std::replace(reason.begin(), reason.end(), '\n', ' ');  // one line per scenario
    if (reason.size() > kMaxReason) {
      size_t cut = kMaxReason;
      while (cut > 0 && (static_cast<unsigned char>(reason[cut]) & 0xC0) == 0x80) --cut;
      reason = reason.substr(0, cut) + "...";  // never in the middle of a UTF-8 sequence
    }
    line += "  -- " + reason;
  }
  return line;
}

std::string FormatSummary(const std::vector<ScenarioRecord>& records) {
  Tally tally;
  for (const ScenarioRecord& record : records) tally.Count(record.verdict.verdict);
  return std::to_string(tally.passed) + " passed, " + std::to_string(tally.failed) + " failed, " +
         std::to_string(tally.skipped) + " skipped";
}

std::string FormatByFolder(const std::vector<ScenarioRecord>& records) {
  std::map<std::string, Tally> folders;
  Tally all;
  for (const ScenarioRecord& record : records) {
    std::string folder = std::filesystem::path(record.path).parent_path().string();
    folders[folder.empty() ? "." : folder].Count(record.verdict.verdict);
    all.Count(record.verdict.verdict);
  }
  size_t width = 6;
  for (const auto& [folder, tally] : folders) width = std::max(width, folder.size());
  char header[512];
  std::snprintf(header, sizeof header, "%-*s %7s %7s %7s %7s %7s\n", static_cast<int>(width),
                "folder", "passed", "failed", "skipped", "total", "pass");
  std::string out = header;
  for (const auto& [folder, tally] : folders) out += FolderRow(folder, tally, width);
  out += FolderRow("(all)", all, width);
  return out;
}

}  // namespace tiegraph::tck
