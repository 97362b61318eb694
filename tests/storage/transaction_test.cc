// Transactions that follow references: delete (with and without detach), merge, rename and
// undo. Expectations are worked out by hand on small networks: which ties exist afterwards,
// where each tie's ends are, which names resolve to which key; every index is then checked
// against the records by Snapshot::Check, and projections by their edges.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

void RequireClean(Store& store) {
  auto report = store.Read()->Check();
  REQUIRE(report.ok());
  INFO((report->problems.empty() ? std::string() : report->problems.front()));
  CHECK(report->clean());
}

// The keys of the ties at an institution, sorted.
std::vector<std::string> TieKeysAt(Store& store, const std::string& key) {
  std::vector<TieRef> refs;
  Status s = store.Read()->TiesOf(key, &refs);
  REQUIRE((s.ok() || s.IsNotFound()));
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.tie_key);
  std::sort(out.begin(), out.end());
  return out;
}

// The projection's edges as sorted key pairs.
std::set<std::pair<std::string, std::string>> Edges(Store& store) {
  auto g = BuildProjection(*store.Read(), ProjectionOptions{});
  REQUIRE(g.ok());
  std::set<std::pair<std::string, std::string>> out;
  for (uint32_t v = 0; v < g->node_count(); ++v) {
    for (uint64_t e = g->offsets()[v]; e < g->offsets()[v + 1]; ++e) {
      const std::string a = g->keys()[v], b = g->keys()[g->targets()[e]];
      out.insert(std::minmax(a, b));
    }
  }
  return out;
}

Result<uint64_t> Apply(Store* store, const std::function<Status(Transaction&)>& fn,
                       CommitInfo info = {}) {
  auto txn = Transaction::Begin(store);
  if (!txn.ok()) return txn.status();
  TIEGRAPH_RETURN_IF_ERROR(fn(**txn));
  return (*txn)->Commit(info);
}

// a - b (#0), b - c (#1), c - d (#2), a - c (#3).
std::unique_ptr<Store> Diamond(const TempDir& dir) {
  return StoreWith(dir.File("db"), {"a", "b", "c", "d"},
                   {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"a", "c"}});
}

TEST_CASE("delete a tie: gone from both ends, the projection and the counts", "[txn]") {
  TempDir dir;
  auto store = Diamond(dir);
  REQUIRE(Apply(store.get(), [](Transaction& t) { return t.DeleteTie("#1"); }).ok());
  CHECK(TieKeysAt(*store, "b") == std::vector<std::string>{"#0"});
  CHECK(TieKeysAt(*store, "c") == std::vector<std::string>{"#2", "#3"});
  CHECK(store->Read()->GetTie("#1").status().IsNotFound());
  auto counts = store->Read()->GetCounts();
  CHECK(counts->ties == 3);
  CHECK(counts->next_tie_seq == 4);  // sequences are not reused
  CHECK(Edges(*store) ==
        std::set<std::pair<std::string, std::string>>{{"a", "b"}, {"c", "d"}, {"a", "c"}});
  // The summaries skip the deleted tie and keep the others' sequence numbers.
  std::vector<uint64_t> seqs;
  REQUIRE(store->Read()
              ->ForEachTieSummary([&](const TieSummary& t) {
                seqs.push_back(t.sequence);
                return true;
              })
              .ok());
  CHECK(seqs == std::vector<uint64_t>{0, 2, 3});
  RequireClean(*store);
}

TEST_CASE("delete an institution: refused while referred to, detach removes its ties", "[txn]") {
  TempDir dir;
  auto store = Diamond(dir);
  auto refused =
      Apply(store.get(), [](Transaction& t) { return t.DeleteInstitution("c", false).status(); });
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.status().message(), Contains("cannot delete c") && Contains("#1"));
  CHECK(store->Read()->GetInstitution("c").ok());

  REQUIRE(Apply(store.get(), [](Transaction& t) {
            auto r = t.DeleteInstitution("c", true);
            if (r.ok()) CHECK(r->ties_deleted.size() == 3);
            return r.status();
          }).ok());
  CHECK(store->Read()->GetInstitution("c").status().IsNotFound());
  CHECK(store->Read()->LookupName("c")->empty());
  CHECK(TieKeysAt(*store, "d").empty());
  CHECK(TieKeysAt(*store, "a") == std::vector<std::string>{"#0"});
  CHECK(Edges(*store) == std::set<std::pair<std::string, std::string>>{{"a", "b"}});
  auto g = BuildProjection(*store->Read(), ProjectionOptions{});
  CHECK(g->node_count() == 3);  // a, b, d
  CHECK(store->Read()->GetCounts()->institutions == 3);
  RequireClean(*store);
}

TEST_CASE("a deleted institution's parts and events are refused, then detached", "[txn]") {
  TempDir dir;
  auto store = OpenStore(dir.File("db"));
  Dataset d;
  for (const char* k : {"uni", "lab", "city"}) {
    Institution in;
    in.key = k;
    in.name = k;
    d.institutions.push_back(in);
  }
  d.institutions[1].parent = "uni";
  Event ev;
  ev.key = "E1";
  ev.participants = {{"uni", "host"}, {"city", "guest"}};
  d.events.push_back(ev);
  REQUIRE(store->Write(d, {}).ok());
  auto refused =
      Apply(store.get(), [](Transaction& t) { return t.DeleteInstitution("uni", false).status(); });
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.status().message(), Contains("lab") && Contains("E1"));
  REQUIRE(Apply(store.get(), [](Transaction& t) {
            return t.DeleteInstitution("uni", true).status();
          }).ok());
  CHECK(store->Read()->GetInstitution("lab")->parent.empty());
  CHECK(store->Read()->GetEvent("E1")->participants == std::vector<Participant>{{"city", "guest"}});
  RequireClean(*store);
}

TEST_CASE("merge: ties move, ties between the two go, names resolve to the kept one", "[txn]") {
  TempDir dir;
  auto store = Diamond(dir);
  MergeReport report;
  auto id = Apply(store.get(), [&](Transaction& t) {
    auto r = t.Merge("a", "c");
    if (r.ok()) report = *r;
    return r.status();
  });
  REQUIRE(id.ok());
  // c's ties: b - c (#1) becomes b - a, c - d (#2) becomes a - d, a - c (#3) a self-loop.
  CHECK(report.self_loops_removed == std::vector<std::string>{"#3"});
  CHECK(report.ties_moved == 2);
  CHECK(TieKeysAt(*store, "a") == std::vector<std::string>{"#0", "#1", "#2"});
  CHECK(store->Read()->GetTie("#2")->source == "a");
  CHECK(store->Read()->GetTie("#2")->target == "d");
  CHECK(store->Read()->LookupName("c").value() == std::vector<std::string>{"a"});
  CHECK(store->Read()->GetInstitution("c").status().IsNotFound());
  // a - b twice (#0 and #1) is one edge of the projection.
  CHECK(Edges(*store) == std::set<std::pair<std::string, std::string>>{{"a", "b"}, {"a", "d"}});
  RequireClean(*store);
}

TEST_CASE("rename: the new key everywhere, the old one an alias, the node id kept", "[txn]") {
  TempDir dir;
  auto store = Diamond(dir);
  REQUIRE(Apply(store.get(), [](Transaction& t) { return t.Rename("c", "chonbuk"); }).ok());
  CHECK(store->Read()->GetInstitution("c").status().IsNotFound());
  CHECK(store->Read()->LookupName("c").value() == std::vector<std::string>{"chonbuk"});
  CHECK(TieKeysAt(*store, "chonbuk") == std::vector<std::string>{"#1", "#2", "#3"});
  CHECK(store->Read()->GetTie("#2")->source == "chonbuk");
  // The projection keeps the node order: ids are kept, only the key changed.
  auto g = BuildProjection(*store->Read(), ProjectionOptions{});
  CHECK(std::vector<std::string>(g->keys().begin(), g->keys().end()) ==
        std::vector<std::string>{"a", "b", "chonbuk", "d"});
  RequireClean(*store);
  auto taken = Apply(store.get(), [](Transaction& t) { return t.Rename("a", "b"); });
  CHECK_FALSE(taken.ok());
}

TEST_CASE("history records who, why and each record before and after; undo inverts it", "[txn]") {
  TempDir dir;
  auto store = Diamond(dir);
  const std::string before = DumpOf(*store);
  auto id = Apply(store.get(),
                  [](Transaction& t) {
                    auto tie = t.GetTie("#2");
                    REQUIRE(tie.ok());
                    tie->strength = 3;
                    TIEGRAPH_RETURN_IF_ERROR(t.PutTie(*tie));
                    return t.DeleteInstitution("b", true).status();
                  },
                  {"kim", "b closed", "delete"});
  REQUIRE(id.ok());
  CHECK(*id == 2);  // the import that made the store is commit 1
  auto entry = store->Read()->GetHistoryEntry(*id);
  REQUIRE(entry.ok());
  CHECK(entry->info.author == "kim");
  CHECK(entry->info.message == "b closed");
  CHECK(entry->change_count == 4);  // b, #0, #1 deleted; #2 changed
  auto of_tie = store->Read()->HistoryOf(RecordKind::kTie, "#2");
  REQUIRE(of_tie.ok());
  REQUIRE(of_tie->size() == 2);  // changed by commit 2, created by the import (commit 1)
  CHECK((*of_tie)[0].id == 2);
  CHECK(std::get<Tie>((*of_tie)[0].changes[0].before).strength == 1);
  CHECK(std::get<Tie>((*of_tie)[0].changes[0].after).strength == 3);
  CHECK((*of_tie)[1].bulk);

  REQUIRE(Apply(store.get(), [&](Transaction& t) { return t.Undo(*id); }).ok());
  // The same records (ids aside: the dump lists institutions in id order, so compare sorted).
  CHECK(LinesOf(DumpOf(*store)) == LinesOf(before));
  RequireClean(*store);
  // Undoing it twice is refused: the records are no longer as commit 2 left them.
  auto again = Apply(store.get(), [&](Transaction& t) { return t.Undo(*id); });
  REQUIRE_FALSE(again.ok());
  CHECK_THAT(again.status().message(), Contains("changed since"));
}

TEST_CASE("undo of an import deletes what it created", "[txn]") {
  TempDir dir;
  auto store = Diamond(dir);
  Dataset more;
  Institution e;
  e.key = e.name = "e";
  more.institutions.push_back(e);
  Tie t;
  t.source = "e";
  t.target = "a";
  more.ties.push_back(t);
  REQUIRE(store->Write(more, {}).ok());
  CHECK(store->Read()->History().value().size() == 2);
  REQUIRE(Apply(store.get(), [](Transaction& txn) { return txn.Undo(2); }).ok());
  CHECK(store->Read()->GetInstitution("e").status().IsNotFound());
  CHECK(TieKeysAt(*store, "a") == std::vector<std::string>{"#0", "#3"});
  RequireClean(*store);
}

}  // namespace
}  // namespace tiegraph::test
