#include "database_state.h"

#include <filesystem>
#include <sstream>

#include <tiegraph/dump.h>

namespace tiegraph::crashtest {

Result<std::string> DescribeState(const Store& store) {
  auto snap = store.Read();
  std::ostringstream out;
  auto counts = snap->GetCounts();
  if (!counts.ok()) return counts.status();
  out << "institutions " << counts->institutions << ", ties " << counts->ties << ", events "
      << counts->events << ", next node id " << counts->next_node_id << ", next tie "
      << counts->next_tie_seq << "\n";
  auto history = snap->History();
  if (!history.ok()) return history.status();
  for (const HistoryEntry& e : *history) {
    out << "commit " << e.id << " " << e.info.command << " '" << e.info.message << "' bulk "
        << e.bulk << " created " << e.created_institutions << "/" << e.created_ties << " changes "
        << e.change_count << "\n";
  }
  TIEGRAPH_RETURN_IF_ERROR(DumpJsonl(*snap, out));
  return out.str();
}

Result<std::string> OpenCheckDescribe(const std::string& path) {
  std::unique_ptr<Store> store;
  TIEGRAPH_RETURN_IF_ERROR(Store::Open(path, {}, &store));
  auto report = store->Read()->Check();
  if (!report.ok()) return report.status();
  if (!report->clean()) {
    std::string problems;
    for (const auto& p : report->problems) problems += "\n  " + p;
    return Status::Corruption("check found problems in " + path + ":" + problems);
  }
  // A bulk write builds its tables in ingest-<pid>/; one killed midway must leave none behind
  // once the database has been opened again.
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    if (entry.path().filename().string().rfind("ingest-", 0) == 0) {
      return Status::Corruption(entry.path().string() + " was left behind");
    }
  }
  return DescribeState(*store);
}

}  // namespace tiegraph::crashtest
