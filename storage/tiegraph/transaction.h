// Transaction: changes to stored records, committed atomically with every index kept exact.
//
//   auto txn = tiegraph::Transaction::Begin(store.get());   // waits for the write lock
//   auto in = (*txn)->GetInstitution("ktl");
//   in->sector = tiegraph::Sector::kResearch;
//   s = (*txn)->PutInstitution(*in);                          // replace; the key stays
//   s = (*txn)->Commit();
//
// A transaction holds the store's write lock from Begin until Commit (or its destruction), so
// a second writer in the process waits and no two commits interleave; reads inside it see its
// own changes. Nothing is written before Commit, and a Commit that fails leaves the database
// as it was.
#ifndef TIEGRAPH_TRANSACTION_H_
#define TIEGRAPH_TRANSACTION_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Begin(Store* store);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // The record as this transaction sees it: its own change, else the stored one.
  Result<Institution> GetInstitution(std::string_view key) const;
  Result<Tie> GetTie(std::string_view key) const;

  // Replaces a stored institution's fields (name, aliases, sectors, kind, region, parent,
  // foreign, properties, evidence); the key stays. Validated as an import validates it.
  Status PutInstitution(const Institution& in);
  // Replaces a stored tie's fields (type, direction, strength, status, confidence, dates,
  // event, role, properties, evidence); the key and both ends stay.
  Status PutTie(const Tie& tie);

  // Writes every change in one atomic, synced step and releases the lock. Once only.
  Status Commit();

 private:
  struct Impl;
  explicit Transaction(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiegraph

#endif  // TIEGRAPH_TRANSACTION_H_
