// History: every commit to a database (an import, an add, a transaction) is numbered and
// recorded with its time, author and message, and each record it changed with its value
// before and after, so that an analyst can ask who changed a record, when, and from what, and
// undo a commit (Transaction::Undo). See docs/DATA_MODEL.md.
#ifndef TIEGRAPH_HISTORY_H_
#define TIEGRAPH_HISTORY_H_

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include <tiegraph/model.h>

namespace tiegraph {

// Who commits and why; recorded with the commit.
struct CommitInfo {
  std::string author;   // empty: "unknown"
  std::string message;  // free text, may be empty
  std::string command;  // what made the commit: "import", "set", "merge"… (the CLI's word)
};

// A record as one commit found or left it: absent (std::monostate), or its value.
using RecordValue = std::variant<std::monostate, Institution, Tie, Event>;

struct RecordChange {
  RecordKind kind = RecordKind::kInstitution;
  std::string key;
  RecordValue before, after;  // monostate before: created; monostate after: deleted
  uint64_t number = 0;        // an institution's node id, a tie's sequence (0 for an event)
};

struct HistoryEntry {
  uint64_t id = 0;   // 1, 2, … in commit order
  int64_t time = 0;  // seconds since 1970-01-01 UTC
  CommitInfo info;
  // A bulk write (import, add) records only what it created, to keep history small: the
  // counts, and the node ids and tie sequences it took, [first, end).
  bool bulk = false;
  uint64_t created_institutions = 0, created_ties = 0;
  uint64_t first_node_id = 0, end_node_id = 0, first_tie_seq = 0, end_tie_seq = 0;
  std::vector<std::string> created_events;
  size_t change_count = 0;            // records changed by a transaction
  std::vector<RecordChange> changes;  // filled when asked for (Snapshot::GetHistoryEntry)
};

}  // namespace tiegraph

#endif  // TIEGRAPH_HISTORY_H_
