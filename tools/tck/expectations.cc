#include "expectations.h"

#include <fstream>
#include <map>

namespace tiegraph::tck {
namespace {

// Whether the id names a scenario of one of `paths` ("path:title…"; titles may hold colons).
bool OfPathRead(const std::string& id, const std::set<std::string>& paths) {
  for (size_t colon = id.find(':'); colon != std::string::npos; colon = id.find(':', colon + 1)) {
    if (paths.count(id.substr(0, colon))) return true;
  }
  return false;
}

}  // namespace

Result<std::set<std::string>> ReadIdList(const std::string& file) {
  std::ifstream in(file);
  if (!in) return Status::IOError("cannot read " + file);
  std::set<std::string> ids;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    ids.insert(line);
  }
  return ids;
}

Status WritePassingIds(const std::string& file, const std::vector<ScenarioRecord>& records) {
  std::set<std::string> ids;
  for (const ScenarioRecord& record : records) {
    if (record.verdict.verdict == Verdict::kPass) ids.insert(record.id);
  }
  std::ofstream out(file);
  for (const std::string& id : ids) out << id << '\n';
  out.close();
  if (!out) return Status::IOError("cannot write " + file);
  return Status::OK();
}

ExpectationCheck CheckExpectations(const std::set<std::string>& expected,
                                   const std::vector<ScenarioRecord>& records,
                                   const std::set<std::string>& paths, const std::string& filter) {
  ExpectationCheck check;
  std::map<std::string, Verdict> ran;
  for (const ScenarioRecord& record : records) {
    ran[record.id] = record.verdict.verdict;
    if (record.verdict.verdict == Verdict::kPass && !expected.count(record.id)) {
      check.improvements.push_back(record.id);
    }
  }
  for (const std::string& id : expected) {
    auto it = ran.find(id);
    if (it != ran.end()) {
      if (it->second != Verdict::kPass) check.regressions.push_back(id);
    } else if (OfPathRead(id, paths) && id.find(filter) != std::string::npos) {
      check.missing.push_back(id);
    } else {
      ++check.out_of_scope;
    }
  }
  return check;
}

}  // namespace tiegraph::tck
