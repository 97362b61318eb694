// Transaction: changes to stored records, committed atomically with every index kept exact and
// recorded in the history (tiegraph/history.h).
//
//   auto txn = tiegraph::Transaction::Begin(store.get());   // waits for the write lock
//   auto in = (*txn)->GetInstitution("ktl");
//   in->sector = tiegraph::Sector::kResearch;
//   s = (*txn)->PutInstitution(*in);                          // replace; the key stays
//   auto id = (*txn)->Commit({.author = "kim", .message = "KTL is a research institute"});
//
// A transaction holds the store's write lock from Begin until Commit (or its destruction), so
// a second writer in the process waits and no two commits interleave; reads inside it see its
// own changes. Each call checks the record's own fields; references between records (tie ends,
// parents, events, participants) are checked at Commit, on the state the transaction leaves,
// so changes may come in any order. Nothing is written before Commit, and a Commit that fails
// leaves the database as it was.
#ifndef TIEGRAPH_TRANSACTION_H_
#define TIEGRAPH_TRANSACTION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/history.h>
#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

// What Merge did besides deleting the absorbed institution.
struct MergeReport {
  size_t ties_moved = 0;
  std::vector<std::string> self_loops_removed;  // keys of ties between the two, now deleted
  size_t parts_moved = 0;                       // institutions whose parent was the absorbed one
  size_t events_changed = 0;                    // events it took part in
  std::vector<std::string> aliases_added;
};

// What deleting with detach removed or changed besides the record itself.
struct DetachReport {
  std::vector<std::string> ties_deleted;
  std::vector<std::string> parts_orphaned;  // institutions whose parent was cleared
  std::vector<std::string> events_changed;  // events the institution left
  std::vector<std::string> ties_unlinked;   // ties whose event was cleared
};

struct TransactionOptions {
  // Whether a tie may join a node to itself (the query language's CREATE (a)-[:T]->(a));
  // refused otherwise, as imports refuse them.
  bool allow_self_loops = false;
  // Testing only: Commit fails with an I/O error once this many key-value entries are staged,
  // before anything is written. 0 = never.
  size_t fail_after_entries = 0;
};

class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Begin(Store* store,
                                                    const TransactionOptions& options = {});
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // The record as this transaction sees it: its own change, else the stored one. NotFound for
  // none (or one this transaction deleted).
  Result<Institution> GetInstitution(std::string_view key) const;
  Result<Tie> GetTie(std::string_view key) const;
  Result<Event> GetEvent(std::string_view key) const;
  // The ties of an institution as this transaction sees them.
  Result<std::vector<Tie>> TiesOf(std::string_view institution) const;

  // A node's id as this transaction leaves it (a created node has its id already; a rename
  // keeps it). NotFound for no such node.
  Result<uint32_t> NodeId(std::string_view key) const;
  // A tie's sequence number as this transaction leaves it (a created tie has its number
  // already). NotFound for no such tie.
  Result<uint64_t> TieSequence(std::string_view key) const;

  // Adds a record whose key is new. A node without a key (one that is not an institution, or
  // an institution an embedder leaves unnamed) is given "#<node id>"; returns the key.
  Result<std::string> CreateInstitution(const Institution& in);
  Status CreateEvent(const Event& ev);
  // A tie without a key is given "#<sequence>"; returns the key.
  Result<std::string> CreateTie(const Tie& tie);

  // Replaces an existing record's fields; the key stays (see Rename). A tie's ends may change.
  // A tie's type is stored in its canonical spelling (tiegraph/tie_types.h).
  Status PutInstitution(const Institution& in);
  Status PutTie(const Tie& tie);
  Status PutEvent(const Event& ev);

  // Deletes a record. An institution that ties, parts (institutions with it as parent) or
  // events still refer to is refused, naming them, unless `detach`: then its ties are deleted,
  // its parts lose their parent and its events lose it as participant. An event that ties
  // refer to likewise: with `detach`, those ties lose their event.
  Status DeleteTie(std::string_view key);
  Result<DetachReport> DeleteInstitution(std::string_view key, bool detach);
  Result<DetachReport> DeleteEvent(std::string_view key, bool detach);

  // Merges `absorbed` into `kept`: its ties move to `kept` (ties between the two would become
  // self-loops and are deleted, listed in the report), its parts and events follow, its key,
  // name and aliases become aliases of `kept` (so old references still resolve), its other
  // sectors, properties (where `kept` has none of the name) and evidence are added, a missing
  // region, kind or parent is taken from it; then it is deleted.
  Result<MergeReport> Merge(std::string_view kept, std::string_view absorbed);

  // Gives an institution a new key; the old key becomes an alias, and every tie, part and
  // event that named it names the new key.
  Status Rename(std::string_view key, std::string_view new_key);

  // Makes `alias` (any spelling) mean the tie type `type` from now on (tiegraph/tie_types.h),
  // and gives every stored tie whose type is that spelling the type `type`.
  Status AliasTieType(std::string_view alias, std::string_view type);
  // Gives every stored tie the canonical spelling of its type: for a database written before
  // the vocabulary (whose ties say `part-of` where the vocabulary says `part_of`).
  Status CanonicalizeTieTypes();

  // Commits the inverse of commit `id`: every record it changed goes back to its value
  // before. Refused (InvalidArgument, naming the record and the commit) when a record has
  // changed since; a bulk write is undone by deleting what it created.
  Status Undo(uint64_t id);

  // Writes every change in one atomic, synced step with its history entry, and releases the
  // lock. Once only. Returns the commit's number (0 when there was nothing to write).
  Result<uint64_t> Commit(const CommitInfo& info = {});

  struct Impl;

 private:
  explicit Transaction(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiegraph

#endif  // TIEGRAPH_TRANSACTION_H_
