#include "workload.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include <tiegraph/cypher_session.h>
#include <tiegraph/import.h>
#include <tiegraph/transaction.h>

namespace tiegraph::crashtest {
namespace {

// Keys come from a small space so that creates meet existing keys (and are refused) as often
// as they make new ones, and the database stays a few hundred records large however long the
// test runs.
constexpr uint64_t kKeySpace = 400;
constexpr uint64_t kBulkKeySpace = 2000;

bool IsFailureMessage(std::string_view message) {
  return message.find("IO error") != std::string_view::npos ||
         message.find("Corruption") != std::string_view::npos;
}

// The database's own failures (I/O, corruption) end the test; refusals by its rules are
// outcomes.
Result<StepResult> Outcome(const Status& s, std::string what) {
  if (s.IsIOError()) return Status::IOError(what + ": " + s.message());
  if (s.IsCorruption()) return Status::Corruption(what + ": " + s.message());
  return StepResult{std::move(what), s.ok()};
}

class Op {
 public:
  Op(Store* store, std::mt19937_64* rng, size_t size, bool split)
      : store_(store), rng_(*rng), size_(size), split_(split) {
    auto snap = store->Read();
    Status s = snap->ForEachInstitution([&](const Institution& in) {
      institutions_.push_back(in.key);
      return true;
    });
    if (s.ok()) {
      s = snap->ForEachTie([&](const Tie& t) {
        ties_.push_back(t.key);
        return true;
      });
    }
    read_status_ = s;
  }

  Result<StepResult> Run() {
    if (!read_status_.ok()) return read_status_;
    switch (Uniform(20)) {
      case 0:
      case 1:
        return BulkImport();
      case 2:
      case 3:
        return Reimport();
      case 4:
      case 5:
      case 6:
        return SetName();
      case 7:
      case 8:
        return AddTie();
      case 9:
        return DeleteTie();
      case 10:
        return DeleteInstitution();
      case 11:
        return Merge();
      case 12:
        return Rename();
      case 13:
      case 14:
        return Undo();
      default:
        return Query();
    }
  }

 private:
  uint64_t Uniform(uint64_t n) { return std::uniform_int_distribution<uint64_t>(0, n - 1)(rng_); }
  std::string NewKey() { return "c" + std::to_string(Uniform(kKeySpace)); }
  // An existing institution's key, or a fresh one when there is none.
  std::string AnyInstitution() {
    return institutions_.empty() ? NewKey() : institutions_[Uniform(institutions_.size())];
  }
  bool Stored(const std::string& key) const {
    return std::find(institutions_.begin(), institutions_.end(), key) != institutions_.end();
  }
  std::string AnyTie() { return ties_.empty() ? "#0" : ties_[Uniform(ties_.size())]; }
  std::string Name(std::string_view key) {
    // Long names when asked to fill a disk.
    return "Institution " + std::string(key) + " v" + std::to_string(Uniform(1000)) +
           std::string(size_ > 1 ? 64 * size_ : 0, 'x');
  }

  Institution MakeInstitution(const std::string& key) {
    Institution in;
    in.key = key;
    in.name = Name(key);
    in.sector = static_cast<Sector>(1 + Uniform(kSectorCount - 1));
    in.region = {"KR", Uniform(2) ? "Gangwon" : "Seoul"};
    return in;
  }

  Tie MakeTie(const std::string& source, const std::string& target) {
    Tie t;
    t.source = source;
    t.target = target;
    t.type = Uniform(2) ? "mou" : "joint-research";
    t.strength = 1 + static_cast<double>(Uniform(5));
    return t;
  }

  // New institutions (keys not stored), ties among them and to stored ones; written by the
  // bulk path, half the time as ingested tables.
  Result<StepResult> BulkImport() {
    Dataset data;
    const size_t count = (1 + Uniform(8)) * size_;
    std::vector<std::string> keys;
    for (size_t i = 0; i < count; ++i) {
      std::string key = "b" + std::to_string(Uniform(kBulkKeySpace));
      if (std::find(keys.begin(), keys.end(), key) != keys.end() || Stored(key)) continue;
      keys.push_back(key);
      data.institutions.push_back(MakeInstitution(key));
    }
    for (size_t i = 0; i < keys.size(); ++i) {
      data.ties.push_back(MakeTie(keys[i], Uniform(2) && !institutions_.empty()
                                               ? AnyInstitution()
                                               : keys[(i + 1) % keys.size()]));
    }
    data.ties.erase(std::remove_if(data.ties.begin(), data.ties.end(),
                                   [](const Tie& t) { return t.source == t.target; }),
                    data.ties.end());
    WriteOptions options;
    options.bulk_threshold = Uniform(2) ? 1 : 200000;
    options.commit.command = "import";
    std::string what =
        "bulk import of " + std::to_string(data.institutions.size()) + " institutions";
    if (split_) {
      Dataset ties;
      ties.ties = std::move(data.ties);
      data.ties.clear();
      Status s = store_->Write(data, options);
      return Outcome(s.ok() ? store_->Write(ties, options) : s, std::move(what));
    }
    return Outcome(store_->Write(data, options), std::move(what));
  }

  // Stored and new institutions again, with new names: the re-import path (plan, then one
  // transaction with before and after).
  Result<StepResult> Reimport() {
    Dataset data;
    std::vector<std::string> keys;
    for (size_t i = 0, n = 1 + Uniform(5); i < n; ++i) {
      std::string key = Uniform(3) ? AnyInstitution() : NewKey();
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      keys.push_back(key);
      data.institutions.push_back(MakeInstitution(key));
    }
    ImportOptions options;
    options.on_existing = OnExisting::kUpdate;
    options.write.commit.command = "import";
    return Outcome(ImportRecords(store_, data, options),
                   "re-import of " + std::to_string(data.institutions.size()) + " institutions");
  }

  // Runs `edit` in one transaction and commits it.
  template <typename Edit>
  Result<StepResult> InTransaction(std::string what, Edit edit) {
    auto txn = Transaction::Begin(store_);
    if (!txn.ok()) return Outcome(txn.status(), what);
    Status s = edit(**txn);
    if (s.ok())
      s = (*txn)->Commit({.author = "crashtest", .message = what, .command = "edit"}).status();
    return Outcome(s, what);
  }

  Result<StepResult> SetName() {
    const std::string key = AnyInstitution();
    const std::string name = Name(key);
    return InTransaction("rename the institution " + key, [&](Transaction& txn) {
      auto in = txn.GetInstitution(key);
      if (!in.ok()) return in.status();
      in->name = name;
      return txn.PutInstitution(*in);
    });
  }

  Result<StepResult> AddTie() {
    Tie tie = MakeTie(AnyInstitution(), AnyInstitution());
    return InTransaction("a tie " + tie.source + " - " + tie.target,
                         [&](Transaction& txn) { return txn.CreateTie(tie).status(); });
  }

  Result<StepResult> DeleteTie() {
    const std::string key = AnyTie();
    return InTransaction("delete the tie " + key,
                         [&](Transaction& txn) { return txn.DeleteTie(key); });
  }

  Result<StepResult> DeleteInstitution() {
    const std::string key = AnyInstitution();
    return InTransaction("delete the institution " + key, [&](Transaction& txn) {
      return txn.DeleteInstitution(key, /*detach=*/true).status();
    });
  }

  Result<StepResult> Merge() {
    const std::string kept = AnyInstitution(), absorbed = AnyInstitution();
    return InTransaction("merge " + absorbed + " into " + kept,
                         [&](Transaction& txn) { return txn.Merge(kept, absorbed).status(); });
  }

  Result<StepResult> Rename() {
    const std::string key = AnyInstitution(), new_key = NewKey() + "r";
    return InTransaction("rename " + key + " to " + new_key,
                         [&](Transaction& txn) { return txn.Rename(key, new_key); });
  }

  // Undoes one of the last five commits (refused when a record changed since).
  Result<StepResult> Undo() {
    auto history = store_->Read()->History(5);
    if (!history.ok()) return Outcome(history.status(), "reading the history");
    if (history->empty()) return StepResult{"nothing to undo", false};
    const uint64_t id = (*history)[Uniform(history->size())].id;
    return InTransaction("undo commit " + std::to_string(id),
                         [&](Transaction& txn) { return txn.Undo(id); });
  }

  Result<StepResult> Query() {
    static constexpr std::string_view kQueries[] = {
        "MATCH (i:Institution {key: $a}) SET i.score = $n",
        "CREATE (:Institution {key: $new, name: 'created by a query', sector: 'research'})",
        "MATCH (a:Institution {key: $a}), (b:Institution {key: $b}) WHERE a <> b "
        "CREATE (a)-[:MOU {strength: 2.0}]->(b)",
        "MATCH (i:Institution {key: $a}) DETACH DELETE i",
        "MERGE (i:Institution {key: $new}) ON CREATE SET i.name = 'merged' "
        "ON MATCH SET i.visits = coalesce(i.visits, 0) + 1",
        "MATCH (i:Institution)-[t]-() WHERE i.key = $a DELETE t",
        "UNWIND range(1, $n) AS k MERGE (i:Institution {key: $new + '-' + toString(k)}) "
        "SET i.name = 'batch ' + toString(k)",
    };
    const std::string_view text = kQueries[Uniform(std::size(kQueries))];
    cypher::QueryOptions options;
    options.parameters = {{"a", cypher::Value(AnyInstitution())},
                          {"b", cypher::Value(AnyInstitution())},
                          {"new", cypher::Value(NewKey() + "q")},
                          {"n", cypher::Value(static_cast<int64_t>(1 + Uniform(20)))}};
    auto result = cypher::Session(store_).Execute(text, options);
    std::string what = "query " + std::string(text);
    if (!result.ok()) {
      if (IsFailureMessage(result.error().message)) {
        return Status::IOError(what + ": " + result.error().message);
      }
      return StepResult{std::move(what), false};
    }
    return StepResult{std::move(what), result->commit() != 0};
  }

  Store* store_;
  std::mt19937_64& rng_;
  size_t size_;
  bool split_;
  std::vector<std::string> institutions_, ties_;
  Status read_status_;
};

}  // namespace

Result<StepResult> Workload::Step(Store* store) { return Op(store, &rng_, size_, split_).Run(); }

}  // namespace tiegraph::crashtest
