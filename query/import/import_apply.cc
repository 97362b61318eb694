// Applying an import plan: new records alone by the bulk write, anything changed by one
// transaction; either way one atomic commit, and none when nothing would change.
#include <tiegraph/import.h>
#include <tiegraph/transaction.h>

#include <chrono>
#include <unordered_set>

#include "import_internal.h"

namespace tiegraph {
namespace {

// The plan's new records, as one dataset, and where each came from in the input.
class NewRecords {
 public:
  explicit NewRecords(const ImportPlan& plan) : plan_(plan) {
    const auto& a = plan.actions;
    const int kinds[3] = {0, 1, 2};
    bool all_new = true;
    for (int k : kinds) all_new = all_new && plan.counts[k].added == a[k].size();
    if (all_new) {  // the whole input, uncopied (a first import)
      data_ = &plan.input;
      return;
    }
    auto take = [&](RecordKind kind, const auto& from, auto* into) {
      const int k = static_cast<int>(kind);
      for (size_t i = 0; i < from.size(); ++i) {
        if (a[k][i] != PlanAction::kNew) continue;
        into->push_back(from[i]);
        index_[k].push_back(i);
      }
    };
    take(RecordKind::kInstitution, plan.input.institutions, &own_.institutions);
    take(RecordKind::kEvent, plan.input.events, &own_.events);
    take(RecordKind::kTie, plan.input.ties, &own_.ties);
    data_ = &own_;
  }
  const Dataset& data() const { return *data_; }
  // The input index of new record `i` of its kind.
  size_t InputIndex(RecordKind kind, size_t i) const {
    return data_ == &plan_.input ? i : index_[static_cast<int>(kind)][i];
  }
  // Write options whose errors name the input's records.
  WriteOptions Options(const WriteOptions& base) const {
    WriteOptions w = base;
    if (plan_.locate) {
      w.locate = [this](RecordKind kind, size_t i) {
        return plan_.locate(kind, InputIndex(kind, i));
      };
    }
    if (plan_.field_name) {
      w.field_name = [this](RecordKind kind, size_t i, std::string_view field) {
        return plan_.field_name(kind, InputIndex(kind, i), field);
      };
    }
    return w;
  }

 private:
  const ImportPlan& plan_;
  const Dataset* data_ = nullptr;
  Dataset own_;
  std::array<std::vector<size_t>, 3> index_;
};

bool HasChanges(const ImportPlan& plan) {
  return !plan.after.institutions.empty() || !plan.after.events.empty() || !plan.after.ties.empty();
}

// The place of the plan's i-th changed record of a kind, for errors.
std::string WhereChanged(const ImportPlan& plan, RecordKind kind, size_t nth) {
  size_t seen = 0;
  for (const PlannedChange& c : plan.changes) {
    if (c.kind != kind || c.action != PlanAction::kChanged) continue;
    if (seen++ < nth) continue;
    return plan.locate ? plan.locate(kind, c.index) : c.key;
  }
  return "";
}

Result<uint64_t> LastCommit(const Store& store) {
  auto last = store.Read()->History(1);
  if (!last.ok()) return last.status();
  return last->empty() ? uint64_t{0} : last->front().id;
}

Status StillCurrent(const Store& store, const ImportPlan& plan) {
  auto last = LastCommit(store);
  if (!last.ok()) return last.status();
  if (*last != plan.last_commit) {
    return Status::InvalidArgument("the database changed after the import was planned (commit " +
                                   std::to_string(*last) + "); plan it again");
  }
  return Status::OK();
}

}  // namespace

Status ValidatePlan(Store* store, const Snapshot& snap, const ImportOptions& options,
                    const ImportPlan& plan) {
  if (!options.dry_run && !HasChanges(plan)) return Status::OK();
  const NewRecords created(plan);
  WriteOptions check = created.Options(options.write);
  check.dry_run = true;
  TIEGRAPH_RETURN_IF_ERROR(store->Write(created.data(), check));
  // What the changed records name exists, stored or new.
  std::unordered_set<std::string_view> new_institutions, new_events;
  for (const Institution& in : created.data().institutions) new_institutions.insert(in.key);
  for (const Event& ev : created.data().events) new_events.insert(ev.key);
  auto institution = [&](const std::string& key) {
    return new_institutions.count(key) || snap.GetInstitution(key).ok();
  };
  auto event = [&](const std::string& key) {
    return new_events.count(key) || snap.GetEvent(key).ok();
  };
  auto unknown = [&](RecordKind kind, size_t nth, const char* field, const std::string& what) {
    return Status::InvalidArgument(WhereChanged(plan, kind, nth) + ": field '" + field +
                                   "': unknown " + what);
  };
  for (size_t i = 0; i < plan.after.institutions.size(); ++i) {
    const std::string& parent = plan.after.institutions[i].parent;
    if (!parent.empty() && !institution(parent))
      return unknown(RecordKind::kInstitution, i, "parent", "institution '" + parent + "'");
  }
  for (size_t i = 0; i < plan.after.events.size(); ++i) {
    for (const Participant& p : plan.after.events[i].participants) {
      if (!institution(p.institution))
        return unknown(RecordKind::kEvent, i, "participants",
                       "institution '" + p.institution + "'");
    }
  }
  for (size_t i = 0; i < plan.after.ties.size(); ++i) {
    const std::string& ev = plan.after.ties[i].event;
    if (!ev.empty() && !event(ev))
      return unknown(RecordKind::kTie, i, "event", "event '" + ev + "'");
  }
  return Status::OK();
}

Status ApplyImport(Store* store, const ImportPlan& plan, const ImportOptions& options,
                   ImportReport* report) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  ImportReport unused;
  if (!report) report = &unused;
  report->commit = 0;
  report->summary = {};
  if (!plan.writes()) return Status::OK();  // nothing new, nothing changed: no commit
  const NewRecords created(plan);
  const Dataset& add = created.data();
  if (!HasChanges(plan)) {
    // New records alone: the bulk write, which checks them as it writes.
    TIEGRAPH_RETURN_IF_ERROR(StillCurrent(*store, plan));
    WriteOptions write = created.Options(options.write);
    write.dry_run = false;
    TIEGRAPH_RETURN_IF_ERROR(store->Write(add, write, &report->summary));
    auto last = LastCommit(*store);
    if (!last.ok()) return last.status();
    report->commit = *last;
  } else {
    // Changes: one transaction, which records each record's before and after.
    auto txn = Transaction::Begin(store);
    if (!txn.ok()) return txn.status();
    Transaction& t = **txn;
    TIEGRAPH_RETURN_IF_ERROR(StillCurrent(*store, plan));  // the transaction holds the lock
    auto at = [&](RecordKind kind, size_t i) {
      return plan.locate ? plan.locate(kind, created.InputIndex(kind, i)) : std::string();
    };
    for (size_t i = 0; i < add.institutions.size(); ++i)
      TIEGRAPH_RETURN_IF_ERROR(t.CreateInstitution(add.institutions[i])
                                   .status()
                                   .WithContext(at(RecordKind::kInstitution, i)));
    for (size_t i = 0; i < add.events.size(); ++i)
      TIEGRAPH_RETURN_IF_ERROR(t.CreateEvent(add.events[i]).WithContext(at(RecordKind::kEvent, i)));
    for (size_t i = 0; i < add.ties.size(); ++i) {
      auto key = t.CreateTie(add.ties[i]);
      if (!key.ok()) return key.status().WithContext(at(RecordKind::kTie, i));
    }
    for (const Institution& in : plan.after.institutions)
      TIEGRAPH_RETURN_IF_ERROR(t.PutInstitution(in));
    for (const Event& ev : plan.after.events) TIEGRAPH_RETURN_IF_ERROR(t.PutEvent(ev));
    for (const Tie& tie : plan.after.ties) TIEGRAPH_RETURN_IF_ERROR(t.PutTie(tie));
    auto id = t.Commit(options.write.commit);
    if (!id.ok()) return id.status();
    report->commit = *id;
    report->summary.institutions = add.institutions.size();
    report->summary.events = add.events.size();
    report->summary.ties = add.ties.size();
  }
  report->write_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return Status::OK();
}

}  // namespace tiegraph
