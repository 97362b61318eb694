// Transactions against a model: random batches of operations (create, put, delete with and
// without detach, merge, rename, undo, with bulk writes between the batches) go both to a Store
// and to a plain in-memory model whose rules are written here from transaction.h, not taken from
// the library. Each operation the model says is refused must be refused, and the others accepted;
// each Commit must succeed exactly when the model's references all resolve. After each batch the
// database must hold what the model holds, record by record, with its history, every index
// (Check), the counts, the projection, the adjacency and the name index agreeing.
//
// The seed is fixed and printed; TIEGRAPH_MODEL_SEED and TIEGRAPH_MODEL_BATCHES in the
// environment try others.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;

// ---------------------------------------------------------------------------------------------
// Printing, for failure messages.

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + v[i];
  return out;
}

std::string ShowValue(const PropertyValue& v) {
  std::ostringstream o;
  if (const auto* s = std::get_if<std::string>(&v)) o << '"' << *s << '"';
  if (const auto* i = std::get_if<int64_t>(&v)) o << *i;
  if (const auto* d = std::get_if<double>(&v)) o << *d << 'd';
  if (const auto* b = std::get_if<bool>(&v)) o << (*b ? "true" : "false");
  if (const auto* d = std::get_if<Date>(&v)) o << "date " << d->year;
  return o.str();
}

std::string ShowProperties(const std::vector<Property>& ps) {
  std::string out;
  for (const auto& p : ps) out += (out.empty() ? "" : ",") + p.name + "=" + ShowValue(p.value);
  return out;
}

std::string ShowEvidence(const std::vector<Evidence>& es) {
  std::string out;
  for (const auto& e : es) out += (out.empty() ? "" : ",") + e.source + ":" + e.quote;
  return out;
}

std::string ShowDate(const Date& d) { return d.known() ? std::to_string(d.year) : "-"; }

std::string Show(const Institution& in) {
  std::ostringstream o;
  o << "{" << in.key << " name='" << in.name << "' aliases=[" << Join(in.aliases)
    << "] sector=" << static_cast<int>(in.sector) << " other=[";
  for (Sector s : in.other_sectors) o << static_cast<int>(s) << " ";
  o << "] kind=" << in.kind << " foreign=" << in.foreign << " region=[" << Join(in.region)
    << "] parent=" << in.parent << " props=[" << ShowProperties(in.properties) << "] evidence=["
    << ShowEvidence(in.evidence) << "]}";
  return o.str();
}

std::string Show(const Tie& t) {
  std::ostringstream o;
  o << "{" << t.key << " " << t.source << (t.directed ? "->" : "--") << t.target
    << " type=" << t.type << " strength=" << t.strength << " status=" << static_cast<int>(t.status)
    << " conf=" << static_cast<int>(t.confidence) << " since=" << ShowDate(t.since)
    << " until=" << ShowDate(t.until) << " event=" << t.event << " role=" << t.role << " props=["
    << ShowProperties(t.properties) << "] evidence=[" << ShowEvidence(t.evidence) << "]}";
  return o.str();
}

std::string Show(const Event& ev) {
  std::ostringstream o;
  o << "{" << ev.key << " name='" << ev.name << "' type=" << ev.type
    << " date=" << ShowDate(ev.date) << " participants=[";
  for (const auto& p : ev.participants) o << p.institution << "/" << p.role << " ";
  o << "] props=[" << ShowProperties(ev.properties) << "]}";
  return o.str();
}

template <typename T>
std::string Show(const std::optional<T>& v) {
  return v ? Show(*v) : std::string("(none)");
}

// ---------------------------------------------------------------------------------------------
// The model: records by key, and what each commit changed.

struct ModelInstitution {
  Institution in;
  uint64_t uid = 0;  // its identity: kept by a rename or a merge, new whenever it is created
};
struct ModelTie {
  Tie tie;
  uint64_t uid = 0;
};
struct Model {
  std::map<std::string, ModelInstitution> institutions;
  std::map<std::string, ModelTie> ties;
  std::map<std::string, Event> events;
};

template <typename T>
struct Change {
  std::optional<T> before, after;
};

// A commit as the model saw it: a transaction's changed records, or what a bulk write created.
struct ModelCommit {
  bool bulk = false;
  std::map<std::string, Change<Institution>> institutions;
  std::map<std::string, Change<Tie>> ties;
  std::map<std::string, Change<Event>> events;
  std::set<uint64_t> created_institutions, created_ties;  // bulk: identities
  size_t size() const { return institutions.size() + ties.size() + events.size(); }
};

const Institution& ValueOf(const ModelInstitution& m) { return m.in; }
const Tie& ValueOf(const ModelTie& m) { return m.tie; }
const Event& ValueOf(const Event& e) { return e; }

template <typename T, typename V>
void DiffInto(const std::map<std::string, V>& before, const std::map<std::string, V>& after,
              std::map<std::string, Change<T>>* out) {
  std::set<std::string> keys;
  for (const auto& [k, v] : before) keys.insert(k);
  for (const auto& [k, v] : after) keys.insert(k);
  for (const auto& k : keys) {
    Change<T> c;
    if (auto it = before.find(k); it != before.end()) c.before = ValueOf(it->second);
    if (auto it = after.find(k); it != after.end()) c.after = ValueOf(it->second);
    if (c.before != c.after) (*out)[k] = c;
  }
}

ModelCommit Diff(const Model& before, const Model& after) {
  ModelCommit c;
  DiffInto(before.institutions, after.institutions, &c.institutions);
  DiffInto(before.ties, after.ties, &c.ties);
  DiffInto(before.events, after.events, &c.events);
  return c;
}

// The invariants transaction.h says each call checks on a record's own fields.
bool ValidKey(const std::string& key) {
  if (key.empty() || key.size() > 512) return false;
  return std::none_of(key.begin(), key.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

bool ValidProperties(const std::vector<Property>& ps) {
  return std::none_of(ps.begin(), ps.end(), [](const Property& p) { return p.name.empty(); });
}

bool ValidFields(const Institution& in) {
  auto empty = [](const std::string& s) { return s.empty(); };
  return !in.name.empty() && std::none_of(in.aliases.begin(), in.aliases.end(), empty) &&
         std::none_of(in.region.begin(), in.region.end(), empty) && in.parent != in.key &&
         ValidProperties(in.properties);
}

bool ValidFields(const Tie& t) {
  // Dates here are years only: an end before the start is an earlier year.
  const bool ends_before = t.since.known() && t.until.known() && t.until.year < t.since.year;
  return std::isfinite(t.strength) && t.strength >= 0 && !t.type.empty() && !ends_before &&
         ValidProperties(t.properties);
}

// What refers to an institution or an event.
std::vector<std::string> TiesAt(const Model& m, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& [k, t] : m.ties) {
    if (t.tie.source == key || t.tie.target == key) out.push_back(k);
  }
  return out;
}

std::vector<std::string> PartsOf(const Model& m, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& [k, i] : m.institutions) {
    if (i.in.parent == key) out.push_back(k);
  }
  return out;
}

bool TakesPart(const Event& ev, const std::string& key) {
  return std::any_of(ev.participants.begin(), ev.participants.end(),
                     [&](const Participant& p) { return p.institution == key; });
}

std::vector<std::string> EventsWith(const Model& m, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& [k, ev] : m.events) {
    if (TakesPart(ev, key)) out.push_back(k);
  }
  return out;
}

std::vector<std::string> TiesInEvent(const Model& m, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& [k, t] : m.ties) {
    if (t.tie.event == key) out.push_back(k);
  }
  return out;
}

// Every reference to `from` (tie ends, parents, event participants) made to name `to`; ties that
// would join `to` to itself are deleted; an event `to` already takes part in loses `from`.
struct Moved {
  size_t ties = 0, parts = 0, events = 0;
  std::vector<std::string> self_loops;
};

Moved MoveReferences(Model* m, const std::string& from, const std::string& to) {
  Moved out;
  for (const auto& key : TiesAt(*m, from)) {
    Tie& t = m->ties[key].tie;
    if (t.source == from) t.source = to;
    if (t.target == from) t.target = to;
    if (t.source == t.target) {
      m->ties.erase(key);
      out.self_loops.push_back(key);
    } else {
      ++out.ties;
    }
  }
  for (const auto& key : PartsOf(*m, from)) {
    if (key == to) continue;  // `to` itself was a part of `from`: the caller settles its parent
    m->institutions[key].in.parent = to;
    ++out.parts;
  }
  for (const auto& key : EventsWith(*m, from)) {
    Event& ev = m->events[key];
    if (TakesPart(ev, to)) {
      std::erase_if(ev.participants, [&](const Participant& p) { return p.institution == from; });
    } else {
      for (auto& p : ev.participants) {
        if (p.institution == from) p.institution = to;
      }
    }
    ++out.events;
  }
  return out;
}

// What Commit refuses: a reference that names no record, or a parent chain that comes back.
// Empty when the model's state may be committed.
std::string CommitProblem(const Model& m) {
  for (const auto& [key, mi] : m.institutions) {
    std::string up = mi.in.parent;
    for (size_t hops = 0; !up.empty(); ++hops) {
      auto it = m.institutions.find(up);
      if (it == m.institutions.end()) return key + ": unknown parent " + up;
      if (up == key || hops > m.institutions.size()) return key + ": parent cycle";
      up = it->second.in.parent;
    }
  }
  for (const auto& [key, ev] : m.events) {
    for (const auto& p : ev.participants) {
      if (!m.institutions.count(p.institution))
        return "event " + key + ": unknown participant " + p.institution;
    }
  }
  for (const auto& [key, mt] : m.ties) {
    if (!m.institutions.count(mt.tie.source) || !m.institutions.count(mt.tie.target))
      return "tie " + key + ": unknown end";
    if (!mt.tie.event.empty() && !m.events.count(mt.tie.event))
      return "tie " + key + ": unknown event " + mt.tie.event;
  }
  return "";
}

// An institution's names: key, name and aliases.
std::set<std::string> NamesOf(const Institution& in) {
  std::set<std::string> out(in.aliases.begin(), in.aliases.end());
  out.insert(in.key);
  out.insert(in.name);
  return out;
}

std::set<Sector> SectorsOf(const Institution& in) {
  std::set<Sector> out(in.other_sectors.begin(), in.other_sectors.end());
  out.insert(in.sector);
  out.erase(Sector::kNone);
  return out;
}

std::multiset<std::string> PropertySet(const std::vector<Property>& ps) {
  std::multiset<std::string> out;
  for (const auto& p : ps) out.insert(p.name + "=" + ShowValue(p.value));
  return out;
}

std::set<std::tuple<std::string, std::string, std::string>> EvidenceSet(
    const std::vector<Evidence>& es) {
  std::set<std::tuple<std::string, std::string, std::string>> out;
  for (const auto& e : es) out.emplace(e.source, e.quote, e.url);
  return out;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// The projection's nodes and its edges as (key, key, weight), smaller key first.
using Edges = std::multiset<std::tuple<std::string, std::string, double>>;

std::set<std::string> NodesOf(const Projection& g) {
  return std::set<std::string>(g.keys().begin(), g.keys().end());
}

Edges EdgesOf(const Projection& g) {
  Edges out;
  for (uint32_t v = 0; v < g.node_count(); ++v) {
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) {
      const std::string& a = g.keys()[v];
      const std::string& b = g.keys()[g.targets()[e]];
      if (a < b) out.emplace(a, b, g.weights()[e]);
    }
  }
  return out;
}

std::string ShowEdges(const Edges& edges) {
  std::ostringstream o;
  for (const auto& [a, b, w] : edges) o << a << "-" << b << ":" << w << " ";
  return o.str();
}

// ---------------------------------------------------------------------------------------------
// Pools of keys and values: small, so that keys collide and come back after a delete.

std::vector<std::string> Numbered(const std::string& prefix, int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(prefix + std::to_string(i));
  return out;
}

const std::vector<std::string> kInstitutionKeys = Numbered("i", 14);
const std::vector<std::string> kTieKeys = Numbered("t", 12);
const std::vector<std::string> kEventKeys = Numbered("e", 5);
// Lower-case ASCII with single spaces, so that a name is its own normal form (LookupName).
const std::vector<std::string> kNames = {
    "alpha lab",    "beta works",  "gamma institute", "delta agency", "epsilon hospital",
    "zeta college", "eta council", "theta centre",    "iota fund",    "i3"};
const std::vector<std::string> kAliases = {"al", "be", "ga", "de", "eta council", "i5", "kappa"};
// The type a default projection leaves out: its canonical spelling once the tie-type vocabulary
// exists (types are stored canonical), the one projections compared with before.
#if __has_include(<tiegraph/tie_types.h>)
const std::string kPartOf = "part_of";
#else
const std::string kPartOf = "part-of";
#endif
// Spellings every version stores as given.
const std::vector<std::string> kTieTypes = {"tie", "cooperation", "funding", kPartOf};
const std::vector<double> kStrengths = {0, 0.5, 1, 2, 3.25};
const std::vector<std::vector<std::string>> kRegions = {{"kr", "gyeonggi", "goyang"},
                                                        {"kr", "chungnam", "asan"}};

// Library bugs this test found. While a flag is true the generator steers clear of what
// triggers that bug, so that everything else keeps being tested; false once it is fixed.
struct KnownBugs {
  // Rename(a, b) and then CreateInstitution(a) (or an Undo that brings `a` back) in one
  // transaction: both records get a's node id, and one of them drops out of every scan.
  bool rename_then_reuse = true;
  // Undo of a bulk write: refused, it leaves the write's ties deleted in the transaction; it
  // reads the records as stored, not as the transaction left them (one deleted or renamed
  // earlier in it: NotFound); and it deletes in node-id order without detach, so a parent it
  // created before a part of it is refused.
  bool bulk_undo = true;
  // DeleteInstitution(a) (or DeleteTie, or a merge that absorbs a) and then a record created
  // with key a in one transaction: the new record takes the deleted one's node id (sequence),
  // so undoing the bulk write that created the old one deletes the new one.
  bool recreate_keeps_id = true;
};
constexpr KnownBugs kKnownBugs;
// The share of operations the model refuses that are issued anyway (the rest are skipped).
constexpr double kInvalidShare = 0.25;
// The chance that a reference is drawn from the whole pool of keys, so it may name nothing.
constexpr double kDangling = 0.015;

Date Year(int y) {
  Date d;
  d.year = y;
  d.precision = Date::Precision::kYear;
  return d;
}

// ---------------------------------------------------------------------------------------------

class Runner {
 public:
  Runner(uint64_t seed, Store* store) : rng_(seed), store_(store) {}

  size_t ops() const { return ops_; }
  size_t refused() const { return refused_; }
  size_t failed_commits() const { return failed_commits_; }
  size_t undos() const { return undos_; }
  const Model& model() const { return model_; }

  // One transaction of `count` random operations, committed; the commit must succeed exactly
  // when the model's state is consistent. A failed commit leaves the model as before.
  void Batch(int number, int count) {
    log_.clear();
    renamed_away_.clear();
    const Model before = batch_start_ = model_;
    auto txn = Transaction::Begin(store_);
    REQUIRE(txn.ok());
    int issued = 0;
    for (int attempts = 0; issued < count && attempts < count * 50; ++attempts) {
      if (Step(**txn)) ++issued;
      if (Chance(0.1)) CheckTransactionReads(**txn);
    }
    Commit(number, std::move(*txn), before);
  }

  // A batch of random operations and then a tie to an institution that does not exist: the
  // commit fails and the database is left as it was.
  void DoomedBatch(int number, int count) {
    log_.clear();
    renamed_away_.clear();
    const Model before = batch_start_ = model_;
    auto txn = Transaction::Begin(store_);
    REQUIRE(txn.ok());
    for (int i = 0; i < count; ++i) Step(**txn);
    if (model_.institutions.empty()) return;  // nothing to tie to: leave the batch uncommitted
    Tie t;
    t.source = model_.institutions.begin()->first;
    t.target = "nowhere";
    REQUIRE((*txn)->CreateTie(t).ok());
    log_.push_back("create tie to nowhere");
    const std::string dump = DumpOf(*store_);
    auto id = (*txn)->Commit(
        {.author = "model", .message = "doomed " + std::to_string(number), .command = "test"});
    INFO(Context());
    REQUIRE_FALSE(id.ok());
    CHECK(id.status().IsInvalidArgument());
    txn->reset();  // releases the write lock
    model_ = before;
    ++failed_commits_;
    CHECK(DumpOf(*store_) == dump);
  }

  // A bulk write of a few new institutions and ties (sometimes one the store must refuse).
  void BulkWrite(int number) {
    log_.clear();
    std::vector<std::string> absent = Absent(kInstitutionKeys, model_.institutions);
    std::shuffle(absent.begin(), absent.end(), rng_);
    Dataset d;
    const size_t n = std::min<size_t>(1 + Below(3), absent.size());
    std::vector<std::string> ends = Existing();
    for (size_t i = 0; i < n; ++i) {
      Institution in = RandomInstitution(absent[i], /*allow_bad=*/false);
      in.parent.clear();
      if (Chance(0.4) && !ends.empty()) in.parent = Pick(ends);  // an older or a new one
      d.institutions.push_back(in);
      ends.push_back(in.key);
    }
    std::vector<std::string> tie_keys = Absent(kTieKeys, model_.ties);
    std::shuffle(tie_keys.begin(), tie_keys.end(), rng_);
    std::set<std::string> given;
    if (ends.size() >= 2) {
      for (size_t i = 0, m = Below(4); i < m; ++i) {
        Tie t = RandomTie("", /*allow_bad=*/false);
        t.event.clear();  // events stay out of bulk writes
        t.source = Pick(ends);
        do t.target = Pick(ends);
        while (t.target == t.source);
        if (Chance(0.5) && !tie_keys.empty()) {
          t.key = tie_keys.back();
          tie_keys.pop_back();
          given.insert(t.key);
        }
        d.ties.push_back(t);
      }
    }
    const bool refuse = Chance(0.15) && !model_.institutions.empty();
    if (refuse) d.institutions.push_back(model_.institutions.begin()->second.in);  // key exists
    if (d.institutions.empty() && d.ties.empty()) return;
    for (const auto& in : d.institutions) log_.push_back("bulk institution " + Show(in));
    for (const auto& t : d.ties) log_.push_back("bulk tie " + Show(t));
    WriteOptions options;
    options.bulk_threshold = Chance(0.2) ? 1 : 200000;  // ingestion: slower
    options.commit = {
        .author = "model", .message = "bulk " + std::to_string(number), .command = "test"};
    const Status s = store_->Write(d, options);
    Trace("bulk write before batch " + std::to_string(number) + ": " + s.ToString());
    INFO(Context());
    INFO(s.ToString());
    auto history = store_->Read()->History(1);
    REQUIRE(history.ok());
    if (refuse) {
      REQUIRE(s.IsInvalidArgument());
      REQUIRE((last_commit_ == 0 ? history->empty() : history->front().id == last_commit_));
      return;
    }
    REQUIRE(s.ok());
    REQUIRE(history->size() == 1);
    REQUIRE(history->front().id == last_commit_ + 1);
    CHECK(history->front().bulk);
    CHECK(history->front().created_institutions == d.institutions.size());
    CHECK(history->front().created_ties == d.ties.size());
    last_commit_ = history->front().id;
    ModelCommit commit;
    commit.bulk = true;
    for (const auto& in : d.institutions) {
      model_.institutions[in.key] = {in, next_uid_};
      commit.created_institutions.insert(next_uid_++);
    }
    // The keys given to keyless ties: the new keys, in write order.
    std::vector<std::string> assigned;
    REQUIRE(store_->Read()
                ->ForEachTie([&](const Tie& t) {
                  if (!model_.ties.count(t.key) && !given.count(t.key)) assigned.push_back(t.key);
                  return true;
                })
                .ok());
    size_t next = 0;
    for (Tie t : d.ties) {
      if (t.key.empty()) {
        REQUIRE(next < assigned.size());
        t.key = assigned[next++];
        CHECK(t.key.rfind('#', 0) == 0);
      }
      model_.ties[t.key] = {t, next_uid_};
      commit.created_ties.insert(next_uid_++);
    }
    CHECK(next == assigned.size());
    commits_[last_commit_] = commit;
  }

  // The database holds exactly the model, and every derived view agrees. A fresh database
  // for the projection costs a RocksDB open, so `fresh` asks for it only now and then.
  void CheckDatabase(int number, bool fresh = false) {
    INFO("checking after batch " << number);
    INFO(Context());
    auto snap = store_->Read();
    CompareRecords(*snap);

    CheckSummaries(*snap);
    auto report = snap->Check();
    REQUIRE(report.ok());
    INFO((report->problems.empty() ? std::string() : Join(report->problems)));
    REQUIRE(report->clean());

    auto counts = snap->GetCounts();
    REQUIRE(counts.ok());
    CHECK(counts->institutions == model_.institutions.size());
    CHECK(counts->ties == model_.ties.size());
    CHECK(counts->events == model_.events.size());

    // Every key the pool can hold, every name and alias: a merged or renamed key resolves to
    // the institution that took it as an alias.
    for (const auto& key : kInstitutionKeys) CheckTiesOf(*snap, key);
    for (const auto* pool : {&kInstitutionKeys, &kNames, &kAliases}) {
      for (const auto& name : *pool) CheckLookup(*snap, name);
    }
    CheckProjection(*snap, fresh);
  }

 private:
  // --- randomness -----------------------------------------------------------------------------
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

  std::vector<std::string> Existing() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : model_.institutions) out.push_back(k);
    return out;
  }
  template <typename M>
  static std::vector<std::string> Absent(const std::vector<std::string>& pool, const M& map) {
    std::vector<std::string> out;
    for (const auto& k : pool) {
      if (!map.count(k)) out.push_back(k);
    }
    return out;
  }
  template <typename M>
  std::string KeyOf(const std::vector<std::string>& pool, const M& map, double existing) {
    std::vector<std::string> have;
    for (const auto& [k, v] : map) have.push_back(k);
    if (!have.empty() && Chance(existing)) return Pick(have);
    return Pick(pool);
  }
  template <typename M>
  std::string NewKeyOf(const std::vector<std::string>& pool, const M& map) {
    std::vector<std::string> absent = Absent(pool, map);
    if (Chance(0.02)) return Chance(0.5) ? "" : "bad\x01key";
    if (absent.empty() || Chance(0.1)) return Pick(pool);
    return Pick(absent);
  }
  // An existing institution, now and then any key of the pool.
  std::string SomeInstitution() {
    return KeyOf(kInstitutionKeys, model_.institutions, 1 - kDangling);
  }

  // A parent for `key` that makes no cycle; now and then any key of the pool.
  std::string RandomParent(const std::string& key) {
    if (Chance(kDangling)) return Pick(kInstitutionKeys);
    std::vector<std::string> fine;
    for (const auto& [k, v] : model_.institutions) {
      std::string up = k;
      size_t hops = 0;
      while (!up.empty() && up != key && hops++ <= model_.institutions.size()) {
        auto it = model_.institutions.find(up);
        up = it == model_.institutions.end() ? "" : it->second.in.parent;
      }
      if (up.empty()) fine.push_back(k);
    }
    return fine.empty() ? std::string() : Pick(fine);
  }

  std::vector<std::string> RandomAliases(bool allow_bad) {
    std::vector<std::string> out;
    for (size_t i = 0, n = Below(3); i < n; ++i) {
      const std::string& a = Pick(kAliases);
      if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    }
    if (allow_bad && Chance(0.02)) out.push_back("");
    return out;
  }

  Region RandomRegion(bool allow_bad) {
    const auto& path = Pick(kRegions);
    Region r(path.begin(), path.begin() + static_cast<ptrdiff_t>(Below(path.size() + 1)));
    if (allow_bad && Chance(0.02)) r.push_back("");
    return r;
  }

  std::vector<Property> RandomProperties(bool allow_bad) {
    std::vector<Property> out;
    if (Chance(0.2)) out.push_back({"founded", int64_t{1950 + static_cast<int64_t>(Below(70))}});
    if (Chance(0.1)) out.push_back({"size", std::string(Chance(0.5) ? "big" : "small")});
    if (allow_bad && Chance(0.01)) out.push_back({"", true});
    return out;
  }

  std::vector<Evidence> RandomEvidence() {
    std::vector<Evidence> out;
    if (Chance(0.15)) out.push_back({"doc" + std::to_string(Below(3)), "quote", ""});
    return out;
  }

  Institution RandomInstitution(const std::string& key, bool allow_bad) {
    Institution in;
    in.key = key;
    in.name = allow_bad && Chance(0.02) ? "" : Pick(kNames);
    in.aliases = RandomAliases(allow_bad);
    in.sector = static_cast<Sector>(Below(kSectorCount));
    if (Chance(0.2)) in.other_sectors = {static_cast<Sector>(Below(kSectorCount))};
    if (Chance(0.25)) in.kind = Chance(0.5) ? "facility" : "unit";
    in.region = RandomRegion(allow_bad);
    if (Chance(0.3)) in.parent = RandomParent(key);
    if (allow_bad && Chance(0.01)) in.parent = key;
    in.properties = RandomProperties(allow_bad);
    in.evidence = RandomEvidence();
    return in;
  }

  void RandomDates(Tie* t, bool allow_bad) {
    t->since = Chance(0.4) ? Year(2000 + static_cast<int>(Below(20))) : Date{};
    t->until = Date{};
    if (Chance(0.3)) {
      t->until = Year(t->since.known() ? t->since.year + static_cast<int>(Below(6))
                                       : 2010 + static_cast<int>(Below(10)));
    }
    if (allow_bad && t->since.known() && Chance(0.03))
      t->until = Year(t->since.year - 1 - static_cast<int>(Below(3)));
  }

  double RandomStrength(bool allow_bad) {
    if (allow_bad && Chance(0.02)) return -1;
    if (allow_bad && Chance(0.01)) return std::numeric_limits<double>::quiet_NaN();
    return Pick(kStrengths);
  }

  std::string RandomEventRef() {
    if (model_.events.empty() || Chance(kDangling)) return Pick(kEventKeys);
    return KeyOf(kEventKeys, model_.events, 1);
  }

  // A tie between two existing institutions (now and then a bad one, when allowed).
  Tie RandomTie(const std::string& key, bool allow_bad) {
    Tie t;
    t.key = key;
    t.source = SomeInstitution();
    for (int i = 0; i < 20 && (t.target.empty() || t.target == t.source); ++i)
      t.target = SomeInstitution();
    if (allow_bad && Chance(0.03)) t.target = t.source;
    t.type = allow_bad && Chance(0.02) ? "" : Pick(kTieTypes);
    t.directed = Chance(0.4);
    t.strength = RandomStrength(allow_bad);
    t.status = static_cast<TieStatus>(Below(3));
    t.confidence = static_cast<Confidence>(Below(3));
    RandomDates(&t, allow_bad);
    if (Chance(0.15)) t.event = RandomEventRef();
    if (Chance(0.2)) t.role = Chance(0.5) ? "member" : "chair";
    if (Chance(0.1)) t.properties = {{"amount", int64_t{static_cast<int64_t>(Below(1000))}}};
    if (allow_bad && Chance(0.01)) t.properties.push_back({"", int64_t{1}});
    t.evidence = RandomEvidence();
    return t;
  }

  std::vector<Participant> RandomParticipants() {
    std::vector<Participant> out;
    for (size_t i = 0, n = Below(4); i < n && !model_.institutions.empty(); ++i) {
      const std::string key = SomeInstitution();
      if (std::none_of(out.begin(), out.end(),
                       [&](const Participant& p) { return p.institution == key; }))
        out.push_back({key, Chance(0.5) ? "member" : ""});
    }
    return out;
  }

  Event RandomEvent(const std::string& key) {
    Event ev;
    ev.key = key;
    ev.name = "event " + std::to_string(Below(10));
    ev.type = Chance(0.5) ? "council" : "meeting";
    if (Chance(0.5)) ev.date = Year(2000 + static_cast<int>(Below(20)));
    ev.participants = RandomParticipants();
    if (Chance(0.1)) ev.properties = {{"budget", int64_t{static_cast<int64_t>(Below(100))}}};
    if (Chance(0.01)) ev.properties.push_back({"", false});
    return ev;
  }

  // --- the operations -------------------------------------------------------------------------

  // Issues one random operation; false when the one drawn was skipped.
  bool Step(Transaction& txn) {
    static constexpr struct {
      int weight;
      bool (Runner::*op)(Transaction&);
    } kOps[] = {
        {14, &Runner::CreateInstitution},
        {12, &Runner::PutInstitution},
        {18, &Runner::CreateTie},
        {10, &Runner::PutTie},
        {6, &Runner::DeleteTie},
        {6, &Runner::DeleteInstitution},
        {3, &Runner::Merge},
        {3, &Runner::Rename},
        {3, &Runner::CreateEvent},
        {3, &Runner::PutEvent},
        {2, &Runner::DeleteEvent},
        {2, &Runner::Undo},
    };
    int total = 0;
    for (const auto& o : kOps) total += o.weight;
    int r = static_cast<int>(Below(static_cast<size_t>(total)));
    for (const auto& o : kOps) {
      if (r < o.weight) {
        if (!(this->*o.op)(txn)) return false;
        ++ops_;
        return true;
      }
      r -= o.weight;
    }
    return false;
  }

  // Whether an operation the model refuses is issued (to see it refused) or skipped.
  bool Issue(bool valid) { return valid || Chance(kInvalidShare); }

  // With TIEGRAPH_MODEL_TRACE set, every batch's operations go to stderr as it ends.
  void Trace(const std::string& what) const {
    static const bool trace = std::getenv("TIEGRAPH_MODEL_TRACE") != nullptr;
    if (!trace) return;
    std::cerr << what << "\n";
    for (const auto& line : log_) std::cerr << "  " << line << "\n";
  }

  std::string Context() const {
    std::string out = "operations of this batch:";
    const size_t from = log_.size() > 60 ? log_.size() - 60 : 0;
    for (size_t i = from; i < log_.size(); ++i) out += "\n  " + log_[i];
    return out;
  }

  // The library's verdict on an operation must be the model's.
  void Expect(const Status& s, bool valid, const std::string& what) {
    log_.push_back(what + (valid ? "" : "  [model: refused]"));
    INFO(Context());
    INFO("library: " << s.ToString());
    if (valid) {
      REQUIRE(s.ok());
    } else {
      ++refused_;
      REQUIRE_FALSE(s.ok());
      REQUIRE((s.IsInvalidArgument() || s.IsNotFound()));
    }
  }

  bool CreateInstitution(Transaction& txn) {
    const std::string key = NewKeyOf(kInstitutionKeys, model_.institutions);
    if (kKnownBugs.rename_then_reuse && renamed_away_.count(key)) return false;
    const Institution in = RandomInstitution(key, true);
    const bool valid = ValidKey(key) && ValidFields(in) && !model_.institutions.count(key);
    if (!Issue(valid)) return false;
    Expect(txn.CreateInstitution(in).status(), valid, "create institution " + Show(in));
    if (valid) model_.institutions[key] = {in, next_uid_++};
    return true;
  }

  bool PutInstitution(Transaction& txn) {
    const std::string key = KeyOf(kInstitutionKeys, model_.institutions, 0.95);
    auto it = model_.institutions.find(key);
    const bool exists = it != model_.institutions.end();
    Institution in = exists ? it->second.in : RandomInstitution(key, false);
    for (size_t i = 0, n = 1 + Below(3); i < n; ++i) {
      switch (Below(8)) {
        case 0:
          in.name = Chance(0.03) ? "" : Pick(kNames);
          break;
        case 1:
          in.sector = static_cast<Sector>(Below(kSectorCount));
          break;
        case 2:
          in.aliases = RandomAliases(true);
          break;
        case 3:
          in.region = RandomRegion(true);
          break;
        case 4:
          in.parent = Chance(0.3) ? "" : RandomParent(key);
          if (Chance(0.01)) in.parent = key;
          break;
        case 5:
          in.kind = Chance(0.4) ? "organization" : Chance(0.5) ? "facility" : "unit";
          break;
        case 6:
          in.other_sectors.clear();
          if (Chance(0.5)) in.other_sectors.push_back(static_cast<Sector>(Below(kSectorCount)));
          break;
        default:
          in.properties = RandomProperties(true);
          in.evidence = RandomEvidence();
          break;
      }
    }
    const bool valid = exists && ValidFields(in);
    if (!Issue(valid)) return false;
    Expect(txn.PutInstitution(in), valid, "put institution " + Show(in));
    if (valid) it->second.in = in;
    return true;
  }

  bool CreateTie(Transaction& txn) {
    if (model_.institutions.size() < 2) return false;
    const bool keyless = Chance(0.4);
    std::string key = keyless ? "" : NewKeyOf(kTieKeys, model_.ties);
    if (!keyless && key.empty()) key = "bad\x02key";
    Tie t = RandomTie(key, true);
    const bool valid = (keyless || (ValidKey(key) && !model_.ties.count(key))) && ValidFields(t) &&
                       t.source != t.target;
    if (!Issue(valid)) return false;
    auto r = txn.CreateTie(t);
    Expect(r.status(), valid, "create tie " + Show(t));
    if (!valid) return true;
    INFO(Context());
    if (keyless) {
      CHECK(r->rfind('#', 0) == 0);
      REQUIRE_FALSE(model_.ties.count(*r));
      log_.back() += " -> " + *r;
    } else {
      REQUIRE(*r == key);
    }
    t.key = *r;
    model_.ties[t.key] = {t, next_uid_++};
    return true;
  }

  bool PutTie(Transaction& txn) {
    const std::string key = KeyOf(kTieKeys, model_.ties, 0.95);
    auto it = model_.ties.find(key);
    const bool exists = it != model_.ties.end();
    if (!exists && model_.institutions.size() < 2) return false;
    Tie t = exists ? it->second.tie : RandomTie(key, false);
    for (size_t i = 0, n = 1 + Below(3); i < n; ++i) {
      switch (Below(7)) {
        case 0:
          t.strength = RandomStrength(true);
          break;
        case 1:
          t.type = Chance(0.03) ? "" : Pick(kTieTypes);
          break;
        case 2:
          RandomDates(&t, true);
          break;
        case 3:
          t.status = static_cast<TieStatus>(Below(3));
          t.confidence = static_cast<Confidence>(Below(3));
          t.directed = Chance(0.4);
          break;
        case 4:
          t.event = Chance(0.5) ? "" : RandomEventRef();
          break;
        default: {  // one end moves
          std::string& end = Chance(0.5) ? t.source : t.target;
          const std::string& other = &end == &t.source ? t.target : t.source;
          std::string to = SomeInstitution();
          for (int k = 0; k < 20 && to == other; ++k) to = SomeInstitution();
          if (Chance(0.03)) to = other;
          end = to;
          break;
        }
      }
    }
    const bool valid = exists && ValidFields(t) && t.source != t.target;
    if (!Issue(valid)) return false;
    Expect(txn.PutTie(t), valid, "put tie " + Show(t));
    if (valid) it->second.tie = t;
    return true;
  }

  bool DeleteTie(Transaction& txn) {
    const std::string key = KeyOf(kTieKeys, model_.ties, 0.93);
    const bool valid = model_.ties.count(key) > 0;
    if (!Issue(valid)) return false;
    Expect(txn.DeleteTie(key), valid, "delete tie " + key);
    if (valid) model_.ties.erase(key);
    return true;
  }

  bool DeleteInstitution(Transaction& txn) {
    const std::string key = KeyOf(kInstitutionKeys, model_.institutions, 0.93);
    const bool detach = Chance(0.5);
    const bool exists = model_.institutions.count(key) > 0;
    const auto ties = TiesAt(model_, key);
    const auto parts = PartsOf(model_, key);
    const auto events = EventsWith(model_, key);
    const bool referred = !ties.empty() || !parts.empty() || !events.empty();
    const bool valid = exists && (detach || !referred);
    if (!Issue(valid)) return false;
    auto r = txn.DeleteInstitution(key, detach);
    Expect(r.status(), valid,
           "delete institution " + key + (detach ? " with detach" : "") + " (ties " + Join(ties) +
               "; parts " + Join(parts) + "; events " + Join(events) + ")");
    if (!valid) return true;
    {
      INFO(Context());
      CHECK(Sorted(r->ties_deleted) == ties);
      CHECK(Sorted(r->parts_orphaned) == parts);
      CHECK(Sorted(r->events_changed) == events);
      CHECK(r->ties_unlinked.empty());
    }
    for (const auto& k : ties) model_.ties.erase(k);
    for (const auto& k : parts) model_.institutions[k].in.parent.clear();
    for (const auto& k : events) {
      std::erase_if(model_.events[k].participants,
                    [&](const Participant& p) { return p.institution == key; });
    }
    model_.institutions.erase(key);
    return true;
  }

  bool CreateEvent(Transaction& txn) {
    const std::string key = NewKeyOf(kEventKeys, model_.events);
    const Event ev = RandomEvent(key);
    const bool valid = ValidKey(key) && ValidProperties(ev.properties) && !model_.events.count(key);
    if (!Issue(valid)) return false;
    Expect(txn.CreateEvent(ev), valid, "create event " + Show(ev));
    if (valid) model_.events[key] = ev;
    return true;
  }

  bool PutEvent(Transaction& txn) {
    const std::string key = KeyOf(kEventKeys, model_.events, 0.93);
    auto it = model_.events.find(key);
    const bool exists = it != model_.events.end();
    Event ev = exists ? it->second : RandomEvent(key);
    switch (Below(3)) {
      case 0:
        ev.name = "event " + std::to_string(Below(10));
        ev.date = Chance(0.5) ? Year(2000 + static_cast<int>(Below(20))) : Date{};
        break;
      case 1:
        ev.participants = RandomParticipants();
        break;
      default:
        ev.type = Chance(0.5) ? "council" : "joint-project";
        ev.properties.clear();
        if (Chance(0.05)) ev.properties.push_back({"", false});
        break;
    }
    const bool valid = exists && ValidProperties(ev.properties);
    if (!Issue(valid)) return false;
    Expect(txn.PutEvent(ev), valid, "put event " + Show(ev));
    if (valid) it->second = ev;
    return true;
  }

  bool DeleteEvent(Transaction& txn) {
    const std::string key = KeyOf(kEventKeys, model_.events, 0.93);
    const bool detach = Chance(0.5);
    const auto ties = TiesInEvent(model_, key);
    const bool valid = model_.events.count(key) && (detach || ties.empty());
    if (!Issue(valid)) return false;
    auto r = txn.DeleteEvent(key, detach);
    Expect(r.status(), valid,
           "delete event " + key + (detach ? " with detach" : "") + " (ties " + Join(ties) + ")");
    if (!valid) return true;
    {
      INFO(Context());
      CHECK(Sorted(r->ties_unlinked) == ties);
    }
    for (const auto& k : ties) model_.ties[k].tie.event.clear();
    model_.events.erase(key);
    return true;
  }

  bool Merge(Transaction& txn) {
    const std::vector<std::string> existing = Existing();
    if (existing.size() < 2) return false;
    const std::string kept = Pick(existing);
    std::string absorbed = Pick(existing);
    if (Chance(0.05)) absorbed = Pick(kInstitutionKeys);
    const bool valid =
        kept != absorbed && model_.institutions.count(kept) && model_.institutions.count(absorbed);
    if (!Issue(valid)) return false;
    auto r = txn.Merge(kept, absorbed);
    Expect(r.status(), valid, "merge " + absorbed + " into " + kept);
    if (!valid) return true;
    const Institution a = model_.institutions[kept].in;
    const Institution b = model_.institutions[absorbed].in;
    const Moved moved = MoveReferences(&model_, absorbed, kept);
    model_.institutions.erase(absorbed);
    INFO(Context());
    INFO("kept " << Show(a) << "\nabsorbed " << Show(b));
    CHECK(r->ties_moved == moved.ties);
    CHECK(Sorted(r->self_loops_removed) == Sorted(moved.self_loops));
    CHECK(r->parts_moved == moved.parts);
    CHECK(r->events_changed == moved.events);
    // The kept institution: the fields transaction.h describes.
    auto got = txn.GetInstitution(kept);
    REQUIRE(got.ok());
    INFO("merged " << Show(*got));
    CHECK(got->key == a.key);
    CHECK(got->name == a.name);
    std::set<std::string> names = NamesOf(a), absorbed_names = NamesOf(b);
    names.insert(absorbed_names.begin(), absorbed_names.end());
    CHECK(NamesOf(*got) == names);  // its key, name and aliases become aliases
    std::set<Sector> sectors = SectorsOf(a), absorbed_sectors = SectorsOf(b);
    sectors.insert(absorbed_sectors.begin(), absorbed_sectors.end());
    CHECK(SectorsOf(*got) == sectors);
    if (a.sector != Sector::kNone) CHECK(got->sector == a.sector);
    CHECK(got->region == (a.region.empty() ? b.region : a.region));
    CHECK(got->kind == (a.kind == Institution{}.kind ? b.kind : a.kind));
    std::string parent = a.parent == absorbed ? b.parent : a.parent;
    if (parent.empty() && b.parent != kept) parent = b.parent;
    CHECK(got->parent == parent);
    std::vector<Property> props = a.properties;
    for (const auto& p : b.properties) {
      if (std::none_of(a.properties.begin(), a.properties.end(),
                       [&](const Property& q) { return q.name == p.name; }))
        props.push_back(p);
    }
    CHECK(PropertySet(got->properties) == PropertySet(props));
    std::vector<Evidence> evidence = a.evidence;
    evidence.insert(evidence.end(), b.evidence.begin(), b.evidence.end());
    CHECK(EvidenceSet(got->evidence) == EvidenceSet(evidence));
    CHECK(got->evidence.size() == EvidenceSet(evidence).size());
    CHECK(got->foreign == (a.foreign || b.foreign));
    model_.institutions[kept].in = *got;  // the order of its lists is the library's
    return true;
  }

  bool Rename(Transaction& txn) {
    const std::string key = KeyOf(kInstitutionKeys, model_.institutions, 0.95);
    const std::string new_key = NewKeyOf(kInstitutionKeys, model_.institutions);
    const bool valid =
        model_.institutions.count(key) && ValidKey(new_key) && !model_.institutions.count(new_key);
    if (!Issue(valid)) return false;
    Expect(txn.Rename(key, new_key), valid, "rename " + key + " to " + new_key);
    if (!valid) return true;
    renamed_away_.insert(key);
    renamed_away_.erase(new_key);
    const Institution before = model_.institutions[key].in;
    model_.institutions[new_key] = model_.institutions[key];
    model_.institutions[new_key].in.key = new_key;
    MoveReferences(&model_, key, new_key);
    model_.institutions.erase(key);
    INFO(Context());
    auto got = txn.GetInstitution(new_key);
    REQUIRE(got.ok());
    INFO("before " << Show(before) << "\nrenamed " << Show(*got));
    std::set<std::string> names = NamesOf(before);
    names.insert(new_key);
    CHECK(NamesOf(*got) == names);  // the old key becomes an alias
    Institution same = *got;
    same.key = key;
    same.aliases = before.aliases;
    CHECK(same == before);
    model_.institutions[new_key].in = *got;
    return true;
  }

  bool Undo(Transaction& txn) {
    if (last_commit_ == 0) return false;
    const uint64_t id = Chance(0.5) ? last_commit_ : Below(last_commit_ + 2);
    auto it = commits_.find(id);
    if (it == commits_.end() && id >= 1 && id <= last_commit_) return false;  // not modelled
    bool valid = false;
    Model after = model_;
    if (it == commits_.end()) {
      valid = false;  // never given
    } else if (!it->second.bulk) {
      if (kKnownBugs.rename_then_reuse) {
        for (const auto& [k, ch] : it->second.institutions) {
          if (renamed_away_.count(k)) return false;
        }
      }
      valid = UndoChanges(it->second, &after);
    } else {
      valid = UndoBulk(it->second, &after);
      if (kKnownBugs.bulk_undo && (!valid || BulkUndoTrips(it->second))) return false;
    }
    if (!Issue(valid)) return false;
    Expect(txn.Undo(id), valid,
           "undo commit " + std::to_string(id) +
               (it == commits_.end() ? ""
                : it->second.bulk    ? " (bulk)"
                                     : " (" + std::to_string(it->second.size()) + " changes)"));
    if (valid) {
      model_ = std::move(after);
      ++undos_;
    }
    return true;
  }

  // Undoing a transaction: every record it changed must be as it left it; each goes back to its
  // value before (a record that comes back is a new one).
  bool UndoChanges(const ModelCommit& c, Model* m) {
    auto now = [](const auto& map, const std::string& key) {
      auto it = map.find(key);
      return it == map.end() ? std::nullopt : std::optional(ValueOf(it->second));
    };
    for (const auto& [k, ch] : c.institutions) {
      if (now(m->institutions, k) != ch.after) return false;
    }
    for (const auto& [k, ch] : c.ties) {
      if (now(m->ties, k) != ch.after) return false;
    }
    for (const auto& [k, ch] : c.events) {
      if (now(m->events, k) != ch.after) return false;
    }
    for (const auto& [k, ch] : c.institutions) {
      if (!ch.before) {
        m->institutions.erase(k);
      } else if (m->institutions.count(k)) {
        m->institutions[k].in = *ch.before;
      } else {
        m->institutions[k] = {*ch.before, next_uid_++};
      }
    }
    for (const auto& [k, ch] : c.ties) {
      if (!ch.before) {
        m->ties.erase(k);
      } else if (m->ties.count(k)) {
        m->ties[k].tie = *ch.before;
      } else {
        m->ties[k] = {*ch.before, next_uid_++};
      }
    }
    for (const auto& [k, ch] : c.events) {
      if (ch.before) {
        m->events[k] = *ch.before;
      } else {
        m->events.erase(k);
      }
    }
    return true;
  }

  // Undoing a bulk write: what it created (and still exists) is deleted; refused when anything
  // else still refers to it.
  bool UndoBulk(const ModelCommit& c, Model* m) {
    std::erase_if(m->ties, [&](const auto& kv) { return c.created_ties.count(kv.second.uid); });
    std::set<std::string> gone;
    for (const auto& [k, mi] : m->institutions) {
      if (c.created_institutions.count(mi.uid)) gone.insert(k);
    }
    for (const auto& k : gone) {
      if (!TiesAt(*m, k).empty() || !EventsWith(*m, k).empty()) return false;
      for (const auto& part : PartsOf(*m, k)) {
        if (!gone.count(part)) return false;
      }
    }
    for (const auto& k : gone) m->institutions.erase(k);
    return true;
  }

  // Whether undoing this bulk write meets the known bug: what it created deleted or renamed
  // earlier in this transaction, or a part of something it created also created by it.
  bool BulkUndoTrips(const ModelCommit& c) const {
    for (const auto& [k, mt] : batch_start_.ties) {
      if (!c.created_ties.count(mt.uid)) continue;
      auto now = model_.ties.find(k);
      if (now == model_.ties.end() || now->second.uid != mt.uid) return true;
    }
    for (const auto& [k, mi] : batch_start_.institutions) {
      if (!c.created_institutions.count(mi.uid)) continue;
      auto now = model_.institutions.find(k);
      if (now == model_.institutions.end() || now->second.uid != mi.uid) return true;
    }
    if (kKnownBugs.recreate_keeps_id) {
      for (const auto& [k, mi] : model_.institutions) {
        if (!c.created_institutions.count(mi.uid) && c.created_institutions.count(Origin(mi.uid)))
          return true;
      }
      for (const auto& [k, mt] : model_.ties) {
        if (!c.created_ties.count(mt.uid) && c.created_ties.count(Origin(mt.uid))) return true;
      }
    }
    for (const auto& [k, mi] : model_.institutions) {
      if (!c.created_institutions.count(mi.uid)) continue;
      auto parent = model_.institutions.find(mi.in.parent);
      if (parent != model_.institutions.end() && c.created_institutions.count(parent->second.uid))
        return true;
    }
    return false;
  }

  // The identity whose node id or sequence a record has (see recreate_keeps_id).
  uint64_t Origin(uint64_t uid) const {
    for (auto it = took_over_.find(uid); it != took_over_.end(); it = took_over_.find(uid))
      uid = it->second;
    return uid;
  }

  // After a commit: records created under a key that held another one when the transaction
  // began (not moved there by a rename) took over that one's node id or sequence.
  void NoteTakeOvers() {
    std::set<uint64_t> start;
    for (const auto& [k, mi] : batch_start_.institutions) start.insert(mi.uid);
    for (const auto& [k, mi] : model_.institutions) {
      auto was = batch_start_.institutions.find(k);
      if (was != batch_start_.institutions.end() && was->second.uid != mi.uid &&
          !start.count(mi.uid))
        took_over_[mi.uid] = was->second.uid;
    }
    for (const auto& [k, mt] : model_.ties) {
      auto was = batch_start_.ties.find(k);
      if (was != batch_start_.ties.end() && was->second.uid != mt.uid)
        took_over_[mt.uid] = was->second.uid;
    }
  }

  // Reads inside the transaction see its own changes.
  void CheckTransactionReads(Transaction& txn) {
    INFO(Context());
    const std::string key = Pick(kInstitutionKeys);
    INFO("reading " << key << " in the transaction");
    auto in = txn.GetInstitution(key);
    auto it = model_.institutions.find(key);
    if (it == model_.institutions.end()) {
      CHECK(in.status().IsNotFound());
    } else {
      REQUIRE(in.ok());
      CHECK(Show(*in) == Show(it->second.in));
      CHECK(*in == it->second.in);
    }
    auto ties = txn.TiesOf(key);
    REQUIRE(ties.ok());
    std::vector<std::string> keys;
    for (const auto& t : *ties) {
      keys.push_back(t.key);
      auto mt = model_.ties.find(t.key);
      REQUIRE(mt != model_.ties.end());
      CHECK(t == mt->second.tie);
    }
    CHECK(Sorted(keys) == TiesAt(model_, key));
    const std::string tie_key = Pick(kTieKeys);
    auto tie = txn.GetTie(tie_key);
    auto mt = model_.ties.find(tie_key);
    if (mt == model_.ties.end()) {
      CHECK(tie.status().IsNotFound());
    } else {
      REQUIRE(tie.ok());
      CHECK(*tie == mt->second.tie);
    }
    const std::string event_key = Pick(kEventKeys);
    auto ev = txn.GetEvent(event_key);
    auto me = model_.events.find(event_key);
    if (me == model_.events.end()) {
      CHECK(ev.status().IsNotFound());
    } else {
      REQUIRE(ev.ok());
      CHECK(*ev == me->second);
    }
  }

  void Commit(int number, std::unique_ptr<Transaction> txn, const Model& before) {
    const std::string problem = CommitProblem(model_);
    auto id = txn->Commit(
        {.author = "model", .message = "batch " + std::to_string(number), .command = "test"});
    log_.push_back("commit" + (problem.empty() ? "" : "  [model: refused, " + problem + "]"));
    Trace("batch " + std::to_string(number) + ": " +
          (id.ok() ? "commit " + std::to_string(*id) : id.status().ToString()));
    INFO(Context());
    INFO("library: " << id.status().ToString());
    if (!problem.empty()) {
      REQUIRE_FALSE(id.ok());
      REQUIRE(id.status().IsInvalidArgument());
      txn.reset();
      model_ = before;
      ++failed_commits_;
      return;
    }
    REQUIRE(id.ok());
    const ModelCommit diff = Diff(before, model_);
    if (diff.size() > 0) REQUIRE(*id != 0);
    if (*id == 0) return;
    REQUIRE(*id == last_commit_ + 1);
    last_commit_ = *id;
    NoteTakeOvers();
    commits_[*id] = diff;
    CheckHistory(*id, diff);
  }

  // The history entry of a transaction holds each record it changed, before and after.
  void CheckHistory(uint64_t id, const ModelCommit& diff) {
    auto entry = store_->Read()->GetHistoryEntry(id);
    REQUIRE(entry.ok());
    CHECK_FALSE(entry->bulk);
    CHECK(entry->info.author == "model");
    size_t matched = 0;
    for (const RecordChange& c : entry->changes) {
      INFO("history of commit " << id << ": " << c.key);
      auto check = [&](const auto& changes, const auto* type_tag) {
        using T = std::remove_const_t<std::remove_pointer_t<decltype(type_tag)>>;
        auto as = [](const RecordValue& v) {
          const T* p = std::get_if<T>(&v);
          return p ? std::optional<T>(*p) : std::nullopt;
        };
        auto it = changes.find(c.key);
        if (it == changes.end()) {
          // Only a change the model cannot see: the same value, under another node id.
          CHECK(as(c.before) == as(c.after));
          return;
        }
        ++matched;
        CHECK(Show(as(c.before)) == Show(it->second.before));
        CHECK(Show(as(c.after)) == Show(it->second.after));
        CHECK(as(c.before) == it->second.before);
        CHECK(as(c.after) == it->second.after);
      };
      if (c.kind == RecordKind::kInstitution)
        check(diff.institutions, static_cast<Institution*>(nullptr));
      if (c.kind == RecordKind::kTie) check(diff.ties, static_cast<Tie*>(nullptr));
      if (c.kind == RecordKind::kEvent) check(diff.events, static_cast<Event*>(nullptr));
    }
    CHECK(matched == diff.size());
  }

  // --- the checks after a batch ---------------------------------------------------------------

  void CompareRecords(const Snapshot& snap) {
    std::map<std::string, Institution> institutions;
    std::map<std::string, Tie> ties;
    std::map<std::string, Event> events;
    std::string duplicates;
    REQUIRE(snap.ForEachInstitution([&](const Institution& in) {
                  if (!institutions.emplace(in.key, in).second) duplicates += " " + in.key;
                  return true;
                })
                .ok());
    REQUIRE(snap.ForEachTie([&](const Tie& t) {
                  if (!ties.emplace(t.key, t).second) duplicates += " " + t.key;
                  return true;
                })
                .ok());
    REQUIRE(snap.ForEachEvent([&](const Event& ev) {
                  if (!events.emplace(ev.key, ev).second) duplicates += " " + ev.key;
                  return true;
                })
                .ok());
    CHECK(duplicates.empty());
    std::string differences;
    auto compare = [&](const auto& got, const auto& want) {
      std::set<std::string> keys;
      for (const auto& [k, v] : got) keys.insert(k);
      for (const auto& [k, v] : want) keys.insert(k);
      for (const auto& k : keys) {
        auto g = got.find(k);
        auto w = want.find(k);
        const bool same = g != got.end() && w != want.end() && g->second == ValueOf(w->second);
        if (same) continue;
        differences += "\n  " + k + ": database " +
                       (g == got.end() ? std::string("(none)") : Show(g->second)) + "\n" +
                       std::string(k.size() + 4, ' ') + "model    " +
                       (w == want.end() ? std::string("(none)") : Show(ValueOf(w->second)));
      }
    };
    compare(institutions, model_.institutions);
    compare(ties, model_.ties);
    compare(events, model_.events);
    INFO("records that differ:" << differences);
    REQUIRE(differences.empty());
  }

  // The analytic view of each institution is its record's.
  void CheckSummaries(const Snapshot& snap) {
    std::string differences;
    size_t seen = 0;
    REQUIRE(snap.ForEachInstitutionSummary([&](const InstitutionSummary& s) {
                  ++seen;
                  auto it = model_.institutions.find(std::string(s.key));
                  if (it == model_.institutions.end()) {
                    differences += "\n  " + std::string(s.key) + ": not in the model";
                    return true;
                  }
                  const Institution& in = it->second.in;
                  std::vector<std::string> region(s.region.begin(), s.region.end());
                  if (s.kind != in.kind || s.parent != in.parent || s.sector != in.sector ||
                      s.other_sectors != in.other_sectors || region != in.region)
                    differences += "\n  " + std::string(s.key) + ": parent " +
                                   std::string(s.parent) + " kind " + std::string(s.kind) +
                                   " region " + Join(region) + "; record " + Show(in);
                  return true;
                })
                .ok());
    INFO("summaries that differ from the records:" << differences);
    CHECK(differences.empty());
    CHECK(seen == model_.institutions.size());
  }

  void CheckTiesOf(const Snapshot& snap, const std::string& key) {
    INFO("TiesOf " << key);
    std::vector<TieRef> refs;
    const Status s = snap.TiesOf(key, &refs);
    if (!model_.institutions.count(key)) {
      CHECK(s.IsNotFound());
      return;
    }
    REQUIRE(s.ok());
    auto show = [](const std::string& tie, const std::string& other, TieRef::Direction d,
                   const std::string& type, double strength, TieStatus status, Confidence conf) {
      std::ostringstream o;
      o << tie << " " << other << " dir=" << static_cast<int>(d) << " " << type << " " << strength
        << " " << static_cast<int>(status) << " " << static_cast<int>(conf);
      return o.str();
    };
    std::vector<std::string> got, want;
    for (const auto& r : refs)
      got.push_back(
          show(r.tie_key, r.other, r.direction, r.type, r.strength, r.status, r.confidence));
    for (const auto& k : TiesAt(model_, key)) {
      const Tie& t = model_.ties[k].tie;
      const auto d = !t.directed       ? TieRef::Direction::kUndirected
                     : t.source == key ? TieRef::Direction::kOut
                                       : TieRef::Direction::kIn;
      want.push_back(show(k, t.source == key ? t.target : t.source, d, t.type, t.strength, t.status,
                          t.confidence));
    }
    CHECK(Sorted(got) == Sorted(want));
  }

  void CheckLookup(const Snapshot& snap, const std::string& name) {
    INFO("LookupName " << name);
    auto found = snap.LookupName(name);
    REQUIRE(found.ok());
    std::vector<std::string> want;
    for (const auto& [k, mi] : model_.institutions) {
      if (NamesOf(mi.in).count(name)) want.push_back(k);
    }
    CHECK(Sorted(*found) == want);
  }

  // The projection of the database, the one the model implies (default options: undirected,
  // strengths summed, part-of ties left out) and, with `fresh`, that of a fresh database written
  // with the model's records are the same.
  void CheckProjection(const Snapshot& snap, bool fresh) {
    auto g = BuildProjection(snap, ProjectionOptions{});
    REQUIRE(g.ok());
    std::map<std::pair<std::string, std::string>, double> sums;
    for (const auto& [k, mt] : model_.ties) {
      if (mt.tie.type == kPartOf) continue;
      sums[std::minmax(mt.tie.source, mt.tie.target)] += mt.tie.strength;
    }
    Edges implied;
    for (const auto& [pair, w] : sums) implied.emplace(pair.first, pair.second, w);
    std::set<std::string> keys;
    for (const auto& [k, mi] : model_.institutions) keys.insert(k);
    CHECK(NodesOf(*g) == keys);
    {
      INFO("database " << ShowEdges(EdgesOf(*g)) << "\nmodel    " << ShowEdges(implied));
      CHECK(EdgesOf(*g) == implied);
    }
    if (!fresh) return;
    TempDir dir;
    auto other = OpenStore(dir.File("db"));
    Dataset d;
    for (const auto& [k, mi] : model_.institutions) d.institutions.push_back(mi.in);
    for (const auto& [k, ev] : model_.events) d.events.push_back(ev);
    for (const auto& [k, mt] : model_.ties) d.ties.push_back(mt.tie);
    std::shuffle(d.institutions.begin(), d.institutions.end(), rng_);
    std::shuffle(d.ties.begin(), d.ties.end(), rng_);
    WriteOptions options;
    options.bulk_threshold = Chance(0.5) ? 1 : 200000;
    const Status s = other->Write(d, options);
    INFO(s.ToString());
    REQUIRE(s.ok());
    auto h = BuildProjection(*other->Read(), ProjectionOptions{});
    REQUIRE(h.ok());
    CHECK(NodesOf(*h) == keys);
    INFO("database " << ShowEdges(EdgesOf(*g)) << "\nfresh    " << ShowEdges(EdgesOf(*h)));
    CHECK(EdgesOf(*g) == EdgesOf(*h));
  }

  std::mt19937_64 rng_;
  Store* store_;
  Model model_;
  Model batch_start_;  // the model when the transaction began
  std::map<uint64_t, ModelCommit> commits_;
  uint64_t last_commit_ = 0;
  uint64_t next_uid_ = 1;
  std::vector<std::string> log_;
  std::set<std::string> renamed_away_;      // keys renamed to another in this batch
  std::map<uint64_t, uint64_t> took_over_;  // identity -> the one whose number it took
  size_t ops_ = 0, refused_ = 0, failed_commits_ = 0, undos_ = 0;
};

uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::stoull(v) : fallback;
}

TEST_CASE("transactions agree with a model of their documented semantics", "[model]") {
  const uint64_t seed = EnvOr("TIEGRAPH_MODEL_SEED", 20240611);
  const int batches = static_cast<int>(EnvOr("TIEGRAPH_MODEL_BATCHES", 250));
  INFO("seed " << seed << " (TIEGRAPH_MODEL_SEED), " << batches << " batches");
  TempDir dir;
  auto store = OpenStore(dir.File("db"));
  Runner runner(seed, store.get());
  std::mt19937_64 sizes(seed ^ 0x5eed);
  for (int b = 1; b <= batches; ++b) {
    if (b % 12 == 0 || (sizes() % 20 == 0)) {
      runner.BulkWrite(b);
      runner.CheckDatabase(b);
    }
    runner.Batch(b, 5 + static_cast<int>(sizes() % 16));
    runner.CheckDatabase(b, /*fresh=*/b % 25 == 0 || b == batches);
  }
  // The run did what it is for: many operations, some refused, some commits refused, undos.
  INFO(runner.ops() << " operations, " << runner.refused() << " refused, "
                    << runner.failed_commits() << " commits refused, " << runner.undos()
                    << " undos");
  CHECK(runner.ops() > static_cast<size_t>(batches) * 8);
  CHECK(runner.refused() > runner.ops() / 50);
  CHECK(runner.failed_commits() > 0);
  CHECK(runner.undos() > 0);
  CHECK(runner.model().institutions.size() > 3);
}

// Transaction::Commit has no failure hook: a commit refused by its checks is covered above (and
// by DoomedBatch here). The injected failure exists for Store::Write only
// (WriteOptions::fail_after_entries): after random transactions, a write that fails part way
// leaves the records, the counters, the history and every index as they were, and the
// transactions that follow go on as if it had never been tried.
TEST_CASE("a write that fails part way after transactions leaves the database as it was",
          "[model]") {
  const uint64_t seed = EnvOr("TIEGRAPH_MODEL_SEED", 20240611) + 1;
  INFO("seed " << seed << " (TIEGRAPH_MODEL_SEED + 1)");
  TempDir dir;
  auto store = OpenStore(dir.File("db"));
  Runner runner(seed, store.get());
  std::mt19937_64 rng(seed);
  int batch = 0;
  for (; batch < 30; ++batch) {
    runner.Batch(batch, 12);
    runner.CheckDatabase(batch);
  }
  for (int round = 0; round < 6; ++round) {
    INFO("round " << round);
    auto snap = store->Read();
    const std::string dump = DumpOf(*store);
    const Counts counts = snap->GetCounts().value();
    const auto history = snap->History().value();
    Dataset d;
    std::vector<std::string> ends;
    for (const auto& [k, mi] : runner.model().institutions) ends.push_back(k);
    for (int i = 0; i < 20; ++i) {
      Institution in;
      in.key = "n" + std::to_string(round) + "-" + std::to_string(i);
      in.name = "new " + std::to_string(round) + " " + std::to_string(i);
      in.aliases = {"al"};
      if (i > 0 && rng() % 3 == 0) in.parent = d.institutions[rng() % d.institutions.size()].key;
      d.institutions.push_back(in);
      ends.push_back(in.key);
    }
    for (int i = 0; i < 30; ++i) {
      Tie t;
      t.source = ends[rng() % ends.size()];
      do t.target = ends[rng() % ends.size()];
      while (t.target == t.source);
      t.type = rng() % 2 ? "cooperation" : "funding";
      if (rng() % 4 == 0) t.key = "w" + std::to_string(round) + "-" + std::to_string(i);
      d.ties.push_back(t);
    }
    WriteOptions options;
    options.bulk_threshold = round % 2 ? 1 : 200000;
    options.fail_after_entries = 1 + rng() % 150;
    INFO("failing after " << options.fail_after_entries << " entries, "
                          << (round % 2 ? "bulk ingestion" : "write batch"));
    const Status s = store->Write(d, options);
    CHECK(s.IsIOError());
    CHECK_THAT(s.message(), Contains("injected"));
    CHECK(DumpOf(*store) == dump);
    auto after = store->Read();
    const Counts now = after->GetCounts().value();
    CHECK(now.institutions == counts.institutions);
    CHECK(now.ties == counts.ties);
    CHECK(now.events == counts.events);
    CHECK(now.next_node_id == counts.next_node_id);
    CHECK(now.next_tie_seq == counts.next_tie_seq);
    CHECK(after->History().value().size() == history.size());
    CHECK(after->LookupName("new 0 7")->empty());
    runner.CheckDatabase(batch, /*fresh=*/round == 5);
    // Transactions go on, numbered after the last commit; a refused commit changes nothing.
    runner.Batch(++batch, 12);
    runner.CheckDatabase(batch);
    runner.DoomedBatch(++batch, 8);
    runner.CheckDatabase(batch);
  }
}

}  // namespace
}  // namespace tiegraph::test
