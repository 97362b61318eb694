// Planning an import against the database: each input record matched to the stored record it
// names (by key; a tie without a key by its identity), compared with it and counted, before
// anything is written (docs/FORMATS.md, "Re-import").
#include <tiegraph/import.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "bad_rows.h"
#include "import_internal.h"
#include "record_diff.h"

namespace tiegraph {

namespace {
constexpr std::string_view kOnExistingNames[] = {"error", "skip", "update", "replace"};
constexpr std::string_view kPlanActionNames[] = {"new", "changed", "unchanged", "skipped"};
}  // namespace

std::string_view OnExistingName(OnExisting mode) {
  return kOnExistingNames[static_cast<int>(mode)];
}

Result<OnExisting> ParseOnExisting(std::string_view text) {
  return ParseChoice<OnExisting>("--on-existing mode", text, kOnExistingNames);
}

std::string_view PlanActionName(PlanAction action) {
  return kPlanActionNames[static_cast<int>(action)];
}

bool ImportPlan::writes() const {
  for (const Counts& c : counts) {
    if (c.added > 0 || c.changed > 0) return true;
  }
  return false;
}

namespace {

constexpr int kInst = static_cast<int>(RecordKind::kInstitution);
constexpr int kEv = static_cast<int>(RecordKind::kEvent);
constexpr int kTie = static_cast<int>(RecordKind::kTie);

// What a keyless tie states that makes it the tie it is: its ends (as node ids, unordered when
// undirected), type, since (with its precision) and direction.
struct Identity {
  uint32_t a = 0, b = 0, type = 0;
  int32_t year = 0;
  uint8_t month = 0, day = 0, precision = 0, directed = 0;
  auto operator<=>(const Identity&) const = default;
};

Identity MakeIdentity(uint32_t source, uint32_t target, uint32_t type, const Date& since,
                      bool directed) {
  Identity id;
  id.a = directed ? source : std::min(source, target);
  id.b = directed ? target : std::max(source, target);
  id.type = type;
  id.year = since.year;
  id.month = since.month;
  id.day = since.day;
  id.precision = static_cast<uint8_t>(since.precision);
  id.directed = directed;
  return id;
}

// "ktl -- kitech (mou, since 2020-01)": a keyless tie as its identity describes it.
std::string DescribeTie(const Tie& t) {
  std::string s = t.source + (t.directed ? " -> " : " -- ") + t.target + " (" + t.type;
  if (t.since.known()) s += ", since " + FormatDate(t.since);
  return s + ")";
}

// A lookup that remembers its last answer (UINT32_MAX: none): ties often come grouped by
// source and by type.
template <typename Map>
class LastLookup {
 public:
  explicit LastLookup(const Map& map) : map_(map) {}
  uint32_t operator()(const std::string& key) {
    if (!last_ || *last_ != key) {
      auto it = map_.find(key);
      last_ = &key;
      id_ = it == map_.end() ? UINT32_MAX : it->second;
    }
    return id_;
  }

 private:
  const Map& map_;
  const std::string* last_ = nullptr;
  uint32_t id_ = UINT32_MAX;
};

// One input record found in the database and different from it.
template <typename Record>
struct Found {
  PlannedChange change;
  Record before, after;
};

class Planner {
 public:
  Planner(const Snapshot& snap, const Counts& stored, const ImportOptions& options,
          ImportPlan* plan)
      : snap_(snap), stored_(stored), options_(options), plan_(plan) {}

  Status Run() {
    // Institutions and events apart from ties: a large input plans both at once.
    auto nodes = [this]() {
      Status s = Institutions();
      return s.ok() ? Events() : s;
    };
    const Dataset& in = plan_->input;
    if (in.institutions.size() + in.events.size() >= 10000 && in.ties.size() >= 100000) {
      Status first;
      std::thread helper([&]() { first = nodes(); });
      Status second = Ties();
      helper.join();
      TIEGRAPH_RETURN_IF_ERROR(first);
      TIEGRAPH_RETURN_IF_ERROR(second);
    } else {
      TIEGRAPH_RETURN_IF_ERROR(nodes());
      TIEGRAPH_RETURN_IF_ERROR(Ties());
    }
    // In the input's order, kind by kind: records are met in the order they are stored.
    BadRows bad(options_.max_errors);
    for (int k : {kInst, kEv, kTie}) {
      SortBad(&bad_[k]);
      for (const auto& [index, error] : bad_[k]) bad.Add(error);
      for (size_t n = 0; n < unshown_[k]; ++n) bad.Add(bad_[k].back().second);  // counted only
    }
    TIEGRAPH_RETURN_IF_ERROR(bad.ToStatus());
    Collect(&institutions_, &plan_->before.institutions, &plan_->after.institutions);
    Collect(&events_, &plan_->before.events, &plan_->after.events);
    Collect(&ties_, &plan_->before.ties, &plan_->after.ties);
    return Status::OK();
  }

 private:
  std::string Where(RecordKind kind, size_t i) const {
    if (plan_->locate) return plan_->locate(kind, i);
    return std::string(RecordKindName(kind)) + " #" + std::to_string(i + 1);
  }
  std::string Field(RecordKind kind, size_t i, std::string_view field) const {
    return plan_->field_name ? plan_->field_name(kind, i, field) : std::string(field);
  }
  FieldMask Given(RecordKind kind, size_t i) const {
    const auto& given = plan_->given[static_cast<int>(kind)];
    return i < given.size() ? given[i] : kAllFields;
  }
  void Bad(RecordKind kind, size_t i, std::string_view field, const std::string& what) {
    std::string where = Where(kind, i) + ": ";
    if (!field.empty()) where += "field '" + Field(kind, i, field) + "': ";
    auto& list = bad_[static_cast<int>(kind)];
    list.emplace_back(i, Status::InvalidArgument(where + what));
    // Only the first max_errors by input order are shown: keep those, count the rest.
    const size_t shown = std::max<size_t>(options_.max_errors, 1);
    if (list.size() > 4 * shown + 64) {
      SortBad(&list);
      unshown_[static_cast<int>(kind)] += list.size() - shown;
      list.resize(shown);
    }
  }
  static void SortBad(std::vector<std::pair<size_t, Status>>* list) {
    std::stable_sort(list->begin(), list->end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  static std::string Hint() { return " (import --on-existing skip, update or replace)"; }

  // Input record `i` names `stored`: refused (kError), or compared and counted.
  template <typename Record, typename DiffFn>
  void Matched(RecordKind kind, size_t i, const Record& stored, const Record& input,
               std::vector<Found<Record>>* found, DiffFn&& diff) {
    const int k = static_cast<int>(kind);
    const OnExisting mode = options_.on_existing;
    if (mode == OnExisting::kError) {
      Bad(kind, i, "key",
          std::string(RecordKindName(kind)) + " '" + stored.key + "' is already in the database" +
              Hint());
      return;
    }
    const FieldMask given = Given(kind, i);
    const bool replace = mode == OnExisting::kReplace;
    std::vector<std::string> fields;  // no allocation for a record that is unchanged
    diff(stored, input, given, replace, &fields, nullptr);
    PlanAction& action = plan_->actions[k][i];
    ImportPlan::Counts& counts = plan_->counts[k];
    --counts.added;
    if (fields.empty()) {
      action = PlanAction::kUnchanged;
      ++counts.unchanged;
      return;
    }
    action = mode == OnExisting::kSkip ? PlanAction::kSkipped : PlanAction::kChanged;
    ++(mode == OnExisting::kSkip ? counts.skipped : counts.changed);
    Found<Record> f;
    f.change.kind = kind;
    f.change.index = i;
    f.change.key = stored.key;
    f.change.action = action;
    f.change.fields = std::move(fields);
    if (action == PlanAction::kChanged) {
      f.before = stored;
      std::vector<std::string> again;
      diff(stored, input, given, replace, &again, &f.after);
    }
    found->push_back(std::move(f));
  }

  // Institutions and events: one lookup per input record.
  template <typename Record, typename GetFn, typename DiffFn>
  Status ByKey(RecordKind kind, const std::vector<Record>& input, uint64_t stored_count,
               std::vector<Found<Record>>* found, GetFn&& get, DiffFn&& diff) {
    if (stored_count == 0) return Status::OK();
    // In key order, as the records are stored: lookups of neighbours then share a block read.
    std::vector<size_t> order(input.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return input[a].key < input[b].key; });
    std::unordered_map<std::string_view, size_t> matched;
    for (size_t i : order) {
      auto stored = get(input[i].key);
      if (stored.status().IsNotFound()) continue;
      if (!stored.ok()) return stored.status();
      if (!matched.emplace(input[i].key, i).second) {
        Bad(kind, i, "key",
            "duplicate key '" + input[i].key + "' (already earlier in this input, " +
                Where(kind, matched[input[i].key]) + ")");
        continue;
      }
      Matched(kind, i, *stored, input[i], found, diff);
    }
    return Status::OK();
  }

  Status Institutions() {
    return ByKey(
        RecordKind::kInstitution, plan_->input.institutions, stored_.institutions, &institutions_,
        [&](std::string_view key) { return snap_.GetInstitution(key); }, DiffInstitution);
  }
  Status Events() {
    return ByKey(
        RecordKind::kEvent, plan_->input.events, stored_.events, &events_,
        [&](std::string_view key) { return snap_.GetEvent(key); }, DiffEvent);
  }

  // A tie matched (by key, or by identity when `by_identity`) to the stored tie `stored`.
  void MatchedTie(size_t i, const Tie& stored, bool by_identity) {
    const Tie& input = plan_->input.ties[i];
    if (by_identity && options_.on_existing == OnExisting::kError) {
      Bad(RecordKind::kTie, i, "",
          "tie " + DescribeTie(input) + " is already in the database, as '" + stored.key + "'" +
              Hint());
      return;
    }
    if (options_.on_existing != OnExisting::kError && options_.on_existing != OnExisting::kSkip &&
        !SameEnds(stored, input)) {
      Bad(RecordKind::kTie, i, stored.source == input.source ? "target" : "source",
          "tie '" + stored.key + "' joins " + stored.source + " and " + stored.target +
              " in the database; a re-import cannot move a tie to other institutions");
      return;
    }
    Matched(RecordKind::kTie, i, stored, input, &ties_,
            [](const Tie& s, const Tie& in, FieldMask given, bool replace,
               std::vector<std::string>* fields, Tie* after) {
              if (!SameEnds(s, in)) {  // skip: the input's ends differ, and it is kept as stored
                fields->push_back("source");
                fields->push_back("target");
              }
              DiffTie(s, in, given, replace, fields, after);
            });
  }

  Status Ties() {
    const auto& ties = plan_->input.ties;
    if (stored_.ties == 0 || ties.empty()) return Status::OK();
    size_t keyless = 0;
    for (const Tie& t : ties) keyless += t.key.empty();
    if (keyless > 0) TIEGRAPH_RETURN_IF_ERROR(IdentityCandidates());
    // A large input against the stored ties: one scan of them all; a small one: lookups.
    if (ties.size() >= stored_.ties / 8) return ScanTies();
    return LookUpTies();
  }

  // The input tie with this key, or SIZE_MAX. The first call indexes the keyed input ties (and
  // reports keys given twice).
  size_t FindKeyed(std::string_view key) {
    if (!keyed_built_) {
      keyed_built_ = true;
      const auto& ties = plan_->input.ties;
      keyed_.reserve(ties.size());
      for (size_t i = 0; i < ties.size(); ++i) {
        if (ties[i].key.empty()) continue;
        if (auto [it, added] = keyed_.emplace(ties[i].key, i); !added) {
          Bad(RecordKind::kTie, i, "key",
              "duplicate tie key '" + ties[i].key + "' (already earlier in this input, " +
                  Where(RecordKind::kTie, it->second) + ")");
        }
      }
    }
    auto it = keyed_.find(key);
    return it == keyed_.end() ? SIZE_MAX : it->second;
  }

  // The stored ties whose identity some keyless input tie has, in sequence order, each with
  // its group: the input ties of that identity, in input order (identities_[group…]).
  Status IdentityCandidates() {
    const auto& ties = plan_->input.ties;
    // Node ids by key, and ids of the stored tie types.
    std::unordered_map<std::string, uint32_t> node_ids;
    TIEGRAPH_RETURN_IF_ERROR(snap_.ForEachInstitutionSummary([&](const InstitutionSummary& s) {
      node_ids.emplace(s.key, s.node_id);
      return true;
    }));
    auto types = snap_.TieTypes();
    if (!types.ok()) return types.status();
    std::unordered_map<std::string_view, uint32_t> type_ids;
    for (size_t i = 0; i < types->size(); ++i)
      type_ids.emplace((*types)[i], static_cast<uint32_t>(i));
    LastLookup<decltype(node_ids)> source(node_ids), target(node_ids);
    LastLookup<decltype(type_ids)> type(type_ids);
    std::vector<bool> named;  // the institutions keyless input ties join
    for (size_t i = 0; i < ties.size(); ++i) {
      const Tie& t = ties[i];
      if (!t.key.empty()) continue;
      const uint32_t a = source(t.source), b = target(t.target), type_id = type(t.type);
      if (a == UINT32_MAX || b == UINT32_MAX || type_id == UINT32_MAX) continue;  // new
      identities_.emplace_back(MakeIdentity(a, b, type_id, t.since, t.directed), i);
      if (named.size() <= std::max(a, b)) named.resize(std::max(a, b) + 1);
      named[a] = named[b] = true;
    }
    if (identities_.empty()) return Status::OK();
    std::sort(identities_.begin(), identities_.end());  // by identity, then input order
    taken_.assign(identities_.size(), 0);
    // The stored ties' identities from their digests, no record read; those that may match,
    // joined with the input's in identity order, then put in sequence order.
    std::vector<std::pair<Identity, uint64_t>> stored;
    const char* last_type = nullptr;
    uint32_t last_id = 0;
    TIEGRAPH_RETURN_IF_ERROR(
        snap_.ForEachTieSummaryBatch([&](const TieSummary* batch, size_t count) {
          for (size_t n = 0; n < count; ++n) {
            const TieSummary& s = batch[n];
            if (std::max(s.source_id, s.target_id) >= named.size() || !named[s.source_id] ||
                !named[s.target_id])
              continue;
            if (s.type.data() != last_type) {
              last_type = s.type.data();
              last_id = type_ids.at(s.type);
            }
            stored.emplace_back(
                MakeIdentity(s.source_id, s.target_id, last_id, s.since, s.directed), s.sequence);
          }
          return true;
        }));
    std::sort(stored.begin(), stored.end());
    for (size_t a = 0, b = 0; a < identities_.size() && b < stored.size();) {
      if (identities_[a].first < stored[b].first) {
        ++a;
      } else if (stored[b].first < identities_[a].first) {
        ++b;
      } else {
        candidates_.emplace_back(stored[b++].second, a);  // `a`: the first of its identity
      }
    }
    std::sort(candidates_.begin(), candidates_.end());
    return Status::OK();
  }

  // The next input tie of candidate `c`'s identity not yet matched, or SIZE_MAX.
  size_t TakeInput(size_t group) {
    size_t& taken = taken_[group];
    const size_t at = group + taken;
    if (at >= identities_.size() || identities_[at].first != identities_[group].first)
      return SIZE_MAX;
    ++taken;
    return identities_[at].second;
  }

  Status ScanTies() {
    const auto& ties = plan_->input.ties;
    size_t next = 0;    // candidates_ come in sequence order, as the scan does
    size_t expect = 0;  // a re-imported file lists its ties in the order they were stored
    return snap_.ForEachTieWithSequence([&](uint64_t seq, const Tie& stored) {
      while (next < candidates_.size() && candidates_[next].first < seq) ++next;
      const size_t i =
          expect < ties.size() && ties[expect].key == stored.key ? expect : FindKeyed(stored.key);
      if (i != SIZE_MAX) {
        expect = i + 1;
        MatchedTie(i, stored, false);
      } else if (next < candidates_.size() && candidates_[next].first == seq) {
        if (size_t c = TakeInput(candidates_[next].second); c != SIZE_MAX)
          MatchedTie(c, stored, true);
      }
      return true;
    });
  }

  Status LookUpTies() {
    std::vector<std::pair<size_t, uint64_t>> matches;  // input tie, stored sequence
    std::unordered_set<uint64_t> named;                // stored ties named by key
    const auto& ties = plan_->input.ties;
    for (size_t i = 0; i < ties.size(); ++i) {
      if (ties[i].key.empty() || FindKeyed(ties[i].key) != i) continue;  // keyless, or twice
      auto seq = snap_.TieSequence(ties[i].key);
      if (seq.status().IsNotFound()) continue;
      if (!seq.ok()) return seq.status();
      matches.emplace_back(i, *seq);
      named.insert(*seq);
    }
    for (const auto& [seq, group] : candidates_) {
      if (named.count(seq)) continue;
      if (size_t i = TakeInput(group); i != SIZE_MAX) matches.emplace_back(i, seq);
    }
    std::sort(matches.begin(), matches.end());
    for (const auto& [i, seq] : matches) {
      auto stored = snap_.GetTieAt(seq);
      if (!stored.ok()) return stored.status();
      MatchedTie(i, *stored, plan_->input.ties[i].key.empty());
    }
    return Status::OK();
  }

  // The found records into the plan, in input order.
  template <typename Record>
  void Collect(std::vector<Found<Record>>* found, std::vector<Record>* before,
               std::vector<Record>* after) {
    std::sort(found->begin(), found->end(), [](const Found<Record>& a, const Found<Record>& b) {
      return a.change.index < b.change.index;
    });
    for (Found<Record>& f : *found) {
      if (f.change.action == PlanAction::kChanged) {
        before->push_back(std::move(f.before));
        after->push_back(std::move(f.after));
      }
      plan_->changes.push_back(std::move(f.change));
    }
  }

  const Snapshot& snap_;
  const Counts stored_;
  const ImportOptions& options_;
  ImportPlan* plan_;
  // By RecordKind (each kind may be planned in its own thread): the input record, its error.
  std::array<std::vector<std::pair<size_t, Status>>, 3> bad_;
  std::array<size_t, 3> unshown_ = {0, 0, 0};  // errors past the first max_errors of a kind
  std::vector<Found<Institution>> institutions_;
  std::vector<Found<Event>> events_;
  std::vector<Found<Tie>> ties_;
  std::vector<std::pair<Identity, size_t>> identities_;  // keyless input ties, sorted
  std::vector<size_t> taken_;  // per group (its first entry): input ties matched so far
  std::vector<std::pair<uint64_t, size_t>> candidates_;  // stored sequence, group
  std::unordered_map<std::string_view, size_t> keyed_;   // keyed input ties by key
  bool keyed_built_ = false;
};

}  // namespace

Status PlanRecords(Store* store, const ImportOptions& options, ImportPlan* plan) {
  auto snap = store->Read();
  auto stored = snap->GetCounts();
  if (!stored.ok()) return stored.status();
  auto last = snap->History(1);
  if (!last.ok()) return last.status();
  plan->last_commit = last->empty() ? 0 : last->front().id;
  plan->on_existing = options.on_existing;
  plan->changes.clear();
  plan->before = {};
  plan->after = {};
  const size_t sizes[3] = {plan->input.institutions.size(), plan->input.events.size(),
                           plan->input.ties.size()};
  for (int k : {kInst, kEv, kTie}) {
    plan->counts[k] = {};
    plan->counts[k].added = sizes[k];
    plan->actions[k].assign(sizes[k], PlanAction::kNew);
  }
  // Tie types as the store will write them (tie_types.h), so that a type given in another
  // spelling or as an alias compares equal to the stored one.
  auto vocabulary = snap->GetTieTypeVocabulary();
  if (!vocabulary.ok()) return vocabulary.status();
  for (Tie& t : plan->input.ties) t.type = vocabulary->Learn(t.type);
  Planner planner(*snap, *stored, options, plan);
  TIEGRAPH_RETURN_IF_ERROR(planner.Run());
  return ValidatePlan(store, *snap, options, *plan);
}

Status PlanImport(Store* store, const std::vector<InputFile>& files, const ImportOptions& options,
                  ImportPlan* plan, ImportReport* report) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  std::shared_ptr<Origins> origins;
  WriteOptions names;
  *plan = ImportPlan();
  TIEGRAPH_RETURN_IF_ERROR(ReadInputFiles(files, options, &plan->input, &names, &origins));
  plan->locate = names.locate;
  plan->field_name = names.field_name;
  for (int k : {kInst, kEv, kTie}) {
    auto& given = plan->given[k];
    given.reserve(origins->records[k].size());
    for (const Origins::At& at : origins->records[k]) given.push_back(at.given);
  }
  const auto t1 = Clock::now();
  TIEGRAPH_RETURN_IF_ERROR(PlanRecords(store, options, plan));
  if (report) {
    report->read_seconds = std::chrono::duration<double>(t1 - t0).count();
    report->plan_seconds = std::chrono::duration<double>(Clock::now() - t1).count();
  }
  return Status::OK();
}

}  // namespace tiegraph
