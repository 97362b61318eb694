// delete, merge, rename, undo and history: changes that follow references, and the record of
// every change.
#include <iostream>

#include "cli_commands.h"

namespace tiegraph::cli {
namespace {

// What a key names: an institution (by key, else by name or alias), a tie or an event.
struct Target {
  RecordKind kind;
  std::string key;
};

Result<Target> Identify(const Snapshot& snap, const std::string& text) {
  if (snap.GetInstitution(text).ok()) return Target{RecordKind::kInstitution, text};
  if (snap.GetTie(text).ok()) return Target{RecordKind::kTie, text};
  if (snap.GetEvent(text).ok()) return Target{RecordKind::kEvent, text};
  auto key = ResolveInstitution(snap, text);
  if (!key.ok())
    return Status::NotFound("no institution, tie or event '" + text + "' (" +
                            key.status().message() + ")");
  return Target{RecordKind::kInstitution, *key};
}

// Opens read-only and identifies `text`; prints the error on failure.
std::optional<Target> IdentifyIn(const Context& ctx, const std::string& text, int* exit_code) {
  std::unique_ptr<Store> store;
  if (!ctx.Open(Access::kRead, &store, exit_code)) return std::nullopt;
  auto target = Identify(*store->Read(), text);
  if (!target.ok()) {
    *exit_code = ctx.Fail(target.status());
    return std::nullopt;
  }
  return *target;
}

void PrintList(const char* what, const std::vector<std::string>& keys) {
  if (keys.empty()) return;
  std::cout << "  " << what << " (" << keys.size() << "):";
  for (const auto& k : keys) std::cout << " " << k;
  std::cout << "\n";
}

void Committed(uint64_t id) {
  if (id) std::cout << "commit " << id << "\n";
}

}  // namespace

void RegisterEditCommands(CLI::App& app, Context& ctx, int* exit_code) {
  struct DeleteArgs {
    std::string key;
    bool detach = false;
  };
  auto da = std::make_shared<DeleteArgs>();
  auto* del = app.add_subcommand("delete", "Delete an institution, a tie or an event");
  del->add_option("key", da->key, "Its key (an institution also by name or alias)")->required();
  del->add_flag("--detach", da->detach,
                "Also delete an institution's ties, clear its parts' parent and drop it from "
                "events; for an event, clear its ties' event");
  del->callback([&ctx, exit_code, da]() {
    auto target = IdentifyIn(ctx, da->key, exit_code);
    if (!target) return;
    DetachReport report;
    auto id = ctx.Transact(
        "delete",
        [&](Transaction& txn) -> Status {
          if (target->kind == RecordKind::kTie) return txn.DeleteTie(target->key);
          auto r = target->kind == RecordKind::kEvent
                       ? txn.DeleteEvent(target->key, da->detach)
                       : txn.DeleteInstitution(target->key, da->detach);
          if (!r.ok()) return r.status();
          report = *r;
          return Status::OK();
        },
        exit_code);
    if (!id) return;
    std::cout << "deleted " << target->key << "\n";
    PrintList("ties deleted", report.ties_deleted);
    PrintList("parts left without parent", report.parts_orphaned);
    PrintList("events it left", report.events_changed);
    PrintList("ties that left the event", report.ties_unlinked);
    Committed(*id);
  });

  auto keep = std::make_shared<std::string>(), absorb = std::make_shared<std::string>();
  auto* merge = app.add_subcommand(
      "merge", "Merge the second institution into the first: ties, parts, events, names move");
  merge->add_option("kept", *keep, "The institution that stays (key, name or alias)")->required();
  merge->add_option("absorbed", *absorb, "The one merged into it and deleted")->required();
  merge->callback([&ctx, exit_code, keep, absorb]() {
    auto a = IdentifyIn(ctx, *keep, exit_code);
    if (!a) return;
    auto b = IdentifyIn(ctx, *absorb, exit_code);
    if (!b) return;
    if (a->kind != RecordKind::kInstitution || b->kind != RecordKind::kInstitution) {
      *exit_code = ctx.Fail(Status::InvalidArgument("merge joins two institutions"));
      return;
    }
    MergeReport report;
    auto id = ctx.Transact(
        "merge",
        [&](Transaction& txn) -> Status {
          auto r = txn.Merge(a->key, b->key);
          if (!r.ok()) return r.status();
          report = *r;
          return Status::OK();
        },
        exit_code);
    if (!id) return;
    std::cout << "merged " << b->key << " into " << a->key << ": " << report.ties_moved
              << " ties moved, " << report.parts_moved << " parts, " << report.events_changed
              << " events\n";
    PrintList("aliases added", report.aliases_added);
    PrintList("ties between the two, deleted (they would join it to itself)",
              report.self_loops_removed);
    Committed(*id);
  });

  auto old_key = std::make_shared<std::string>(), new_key = std::make_shared<std::string>();
  auto* rename =
      app.add_subcommand("rename", "Give an institution a new key; the old key stays as an alias");
  rename->add_option("key", *old_key, "Its key now")->required();
  rename->add_option("new_key", *new_key, "Its new key")->required();
  rename->callback([&ctx, exit_code, old_key, new_key]() {
    auto id = ctx.Transact(
        "rename", [&](Transaction& txn) { return txn.Rename(*old_key, *new_key); }, exit_code);
    if (!id) return;
    std::cout << "renamed " << *old_key << " to " << *new_key << "\n";
    Committed(*id);
  });

  auto undo_id = std::make_shared<uint64_t>(0);
  auto* undo = app.add_subcommand("undo", "Commit the inverse of a commit (see history)");
  undo->add_option("commit", *undo_id, "The commit's number")->required();
  undo->callback([&ctx, exit_code, undo_id]() {
    auto id = ctx.Transact(
        "undo", [&](Transaction& txn) { return txn.Undo(*undo_id); }, exit_code);
    if (!id) return;
    std::cout << "undid commit " << *undo_id << "\n";
    Committed(*id);
  });

  struct HistoryArgs {
    std::string key;
    uint64_t commit = 0;
    size_t limit = 50;
  };
  auto ha = std::make_shared<HistoryArgs>();
  auto* history = app.add_subcommand(
      "history", "Commits: when, who, why and what changed, for the database or one record");
  history->add_option("key", ha->key, "Only the commits that changed this record");
  history->add_option("--commit", ha->commit, "One commit with each record it changed");
  history->add_option("--limit", ha->limit, "Most commits to list (default 50; 0: all)");
  history->callback([&ctx, exit_code, ha]() {
    std::unique_ptr<Store> store;
    if (!ctx.Open(Access::kRead, &store, exit_code)) return;
    auto snap = store->Read();
    const size_t limit = ha->limit ? ha->limit : SIZE_MAX;
    Result<std::vector<Table>> tables = Status::OK();
    if (ha->commit) {
      tables = CommitTables(*snap, ha->commit);
    } else if (!ha->key.empty()) {
      // A deleted record is no longer there to identify: take the key as the history has it.
      auto target = Identify(*snap, ha->key);
      std::vector<Table> found;
      for (RecordKind kind : {RecordKind::kInstitution, RecordKind::kTie, RecordKind::kEvent}) {
        if (target.ok() && target->kind != kind) continue;
        auto t = RecordHistoryTable(*snap, kind, target.ok() ? target->key : ha->key, limit);
        if (!t.ok()) {
          tables = t.status();
          break;
        }
        if (!t->rows.empty() || target.ok()) found.push_back(std::move(*t));
      }
      if (tables.ok()) {
        if (found.empty())
          tables = Status::NotFound("no record '" + ha->key + "' in the history");
        else
          tables = std::move(found);
      }
    } else {
      auto t = HistoryTable(*snap, limit);
      tables = t.ok() ? Result<std::vector<Table>>(std::vector<Table>{*t})
                      : Result<std::vector<Table>>(t.status());
    }
    if (!tables.ok()) {
      *exit_code = ctx.Fail(tables.status());
      return;
    }
    if (Status s = ctx.Print(*tables); !s.ok()) *exit_code = ctx.Fail(s);
  });
}

}  // namespace tiegraph::cli
