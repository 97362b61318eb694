// The state of a Transaction, shared by its files: the operations (transaction.cc), the
// structural ones (transaction_ops.cc: delete, merge, rename, undo) and the commit
// (transaction_commit.cc).
#ifndef TIEGRAPH_STORAGE_TRANSACTION_IMPL_H_
#define TIEGRAPH_STORAGE_TRANSACTION_IMPL_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/tie_types.h>
#include <tiegraph/transaction.h>

#include "store_impl.h"

namespace tiegraph {

// A record this transaction touched: its value after (nullopt: deleted), and whether the
// database holds it now.
struct NodeChange {
  std::optional<Institution> after;
  bool stored = false;
  uint32_t id = 0;  // its node id after (a new one, or the stored one; Rename keeps it)
};
struct TieChange {
  std::optional<Tie> after;
  bool stored = false;
  uint64_t seq = 0;
};
struct EventChange {
  std::optional<Event> after;
  bool stored = false;
};

struct Transaction::Impl {
  Store::Impl* store = nullptr;
  std::unique_lock<std::mutex> lock;
  TransactionOptions options;
  std::unique_ptr<Snapshot> snap;  // the database as it was at Begin (nothing else writes)
  uint64_t next_node = 0, next_seq = 0;
  std::map<std::string, NodeChange, std::less<>> nodes;
  std::map<std::string, TieChange, std::less<>> ties;
  std::map<std::string, EventChange, std::less<>> events;
  TieTypeVocabulary vocabulary;  // as the transaction leaves it
  bool aliases_changed = false;
  bool committed = false;

  Status Get(int family, std::string_view key, std::string* value) const;
  Status Writable() const;

  // Stored records (NotFound when absent) with their node id or sequence.
  Result<std::pair<Institution, uint32_t>> StoredInstitution(std::string_view key) const;
  Result<std::pair<Tie, uint64_t>> StoredTie(std::string_view key) const;
  Result<uint32_t> StoredNodeId(std::string_view key) const;

  // The records as the transaction leaves them: nullopt when absent.
  Result<std::optional<Institution>> Institution_(std::string_view key) const;
  Result<std::optional<Tie>> Tie_(std::string_view key) const;
  Result<std::optional<Event>> Event_(std::string_view key) const;
  Result<uint32_t> NodeIdAfter(std::string_view key) const;

  // What refers to an institution or an event, as the transaction leaves it.
  Result<std::vector<Tie>> TiesAt(std::string_view institution) const;
  Result<std::vector<Institution>> PartsOf(std::string_view institution) const;
  Result<std::vector<Event>> EventsWith(std::string_view institution) const;
  Result<std::vector<Tie>> TiesInEvent(std::string_view event) const;

  // Records a change: the value after, for a record known to exist or not.
  void SetInstitution(std::string key, std::optional<Institution> after);
  void SetTie(std::string key, std::optional<Tie> after);
  void SetEvent(std::string key, std::optional<Event> after);

  // Every reference of the records changed, checked on the state after.
  Status Validate() const;
  // Stages every entry, the history entry `id` included, into `batch`; false in *changed when
  // no record differs from the stored one.
  Status Stage(uint64_t id, const CommitInfo& info, rocksdb::WriteBatch* batch,
               bool* changed) const;
};

}  // namespace tiegraph

#endif  // TIEGRAPH_STORAGE_TRANSACTION_IMPL_H_
