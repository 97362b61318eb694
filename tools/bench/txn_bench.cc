// tiegraph_txn_bench: changing a living database through Transaction (issue 12), timed
// through the public API only. Every mode but `pick` changes the database it is given: run it
// on a copy of an imported database (cp -r), so that each run starts from the same state.
// docs/BENCHMARKS.md, "Living database (issue 12)", has the command lines and the figures;
// tools/bench/kuzu_txn.mjs does the same operations in Kuzu, from the same keys file.
//
//   tiegraph_txn_bench pick --db DIR --out FILE [--seed 12] [--updates 10000]
//       [--deletes 1000] [--merge-ties 1000]
//     Opens DIR read-only and writes the keys both systems change to FILE, one record a line,
//     tab-separated:
//       merge   KEPT ABSORBED KEPT_TIES ABSORBED_TIES TIES_BETWEEN
//       tie     KEY SOURCE TARGET NEW_STRENGTH          (--updates lines)
//       sector  KEY NEW_SECTOR                          (--updates lines)
//       delete  KEY SOURCE TARGET                       (--deletes lines)
//     The merge pair: the two institutions whose tie counts are nearest --merge-ties (ties by
//     key). The ties: a seeded uniform draw without replacement among the ties touching
//     neither of the pair, the first --updates for `tie`, the next --deletes for `delete`. The
//     new strength: 0.01..10.00 in steps of 0.01, never the old one. The institutions: a
//     seeded draw without replacement among the others, each given a sector other than its
//     own. Draws use std::mt19937_64 (its output is fixed by the standard) with modulo.
//
//   tiegraph_txn_bench update --db DIR --keys FILE --what strength|sector --commits one|each
//     Sets the `tie` lines' strengths (GetTie, change it, PutTie) or the `sector` lines'
//     sectors (GetInstitution, PutInstitution), in one transaction committed once, or in one
//     transaction per change (Begin ... Commit each time; every commit is synced).
//
//   tiegraph_txn_bench merge --db DIR --keys FILE
//     Transaction::Merge(KEPT, ABSORBED) of the `merge` line, committed.
//
//   tiegraph_txn_bench history --db DIR --keys FILE [--runs 5] [--check]
//     A history of mutations, each its own commit: the strengths (one commit), the sectors
//     (one commit), the deletes (one commit), the merge; then BuildProjection(snapshot, {})
//     --runs times in the same process. --check runs Snapshot::Check afterwards (untimed).
//
//   tiegraph_txn_bench projection --db DIR [--runs 5] [--read-write]
//     BuildProjection(snapshot, {}) --runs times on DIR opened read-only (--read-write: opened
//     for writing, which first flushes what the write-ahead log held into a table).
//
// Every mode prints one JSON object on stdout (seconds unless named otherwise).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <tiegraph/tiegraph.h>

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  std::string mode;
  std::string db, out, keys, what, commits;
  uint64_t seed = 12;
  size_t updates = 10000, deletes = 1000, merge_ties = 1000, runs = 5;
  bool check = false, read_write = false;
};

[[noreturn]] void Usage(const std::string& error) {
  if (!error.empty()) std::cerr << "tiegraph_txn_bench: " << error << "\n";
  std::cerr << "usage: tiegraph_txn_bench pick --db DIR --out FILE [--seed S] [--updates N]"
               " [--deletes N] [--merge-ties N]\n"
               "       tiegraph_txn_bench update --db DIR --keys FILE --what strength|sector"
               " --commits one|each\n"
               "       tiegraph_txn_bench merge --db DIR --keys FILE\n"
               "       tiegraph_txn_bench history --db DIR --keys FILE [--runs N] [--check]\n"
               "       tiegraph_txn_bench projection --db DIR [--runs N] [--read-write]\n";
  std::exit(1);
}

Args ParseArgs(int argc, char** argv) {
  Args a;
  if (argc < 2 || argv[1][0] == '-') Usage("a mode is required");
  a.mode = argv[1];
  for (int i = 2; i < argc; ++i) {
    std::string f = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(f + " needs a value");
      return argv[++i];
    };
    auto number = [&]() -> uint64_t {
      std::string v = value();
      char* end = nullptr;
      unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0') Usage(f + ": '" + v + "' is not a number");
      return n;
    };
    if (f == "--db")
      a.db = value();
    else if (f == "--out")
      a.out = value();
    else if (f == "--keys")
      a.keys = value();
    else if (f == "--what")
      a.what = value();
    else if (f == "--commits")
      a.commits = value();
    else if (f == "--seed")
      a.seed = number();
    else if (f == "--updates")
      a.updates = number();
    else if (f == "--deletes")
      a.deletes = number();
    else if (f == "--merge-ties")
      a.merge_ties = number();
    else if (f == "--runs")
      a.runs = number();
    else if (f == "--check")
      a.check = true;
    else if (f == "--read-write")
      a.read_write = true;
    else
      Usage("unknown option '" + f + "'");
  }
  if (a.db.empty()) Usage("--db is required");
  const bool needs_keys = a.mode == "update" || a.mode == "merge" || a.mode == "history";
  if (a.mode == "pick") {
    if (a.out.empty()) Usage("pick needs --out");
  } else if (needs_keys) {
    if (a.keys.empty()) Usage(a.mode + " needs --keys");
  } else if (a.mode != "projection") {
    Usage("unknown mode '" + a.mode + "'");
  }
  if (a.mode == "update") {
    if (a.what != "strength" && a.what != "sector") Usage("--what is strength or sector");
    if (a.commits != "one" && a.commits != "each") Usage("--commits is one or each");
  }
  if (a.runs == 0) Usage("--runs must be at least 1");
  return a;
}

[[noreturn]] void Fail(const tiegraph::Status& s, const std::string& what) {
  std::cerr << "tiegraph_txn_bench: " << what << ": " << s.ToString() << "\n";
  std::exit(2);
}

template <typename T>
T Check(tiegraph::Result<T> r, const std::string& what) {
  if (!r.ok()) Fail(r.status(), what);
  return std::move(r.value());
}

void Check(const tiegraph::Status& s, const std::string& what) {
  if (!s.ok()) Fail(s, what);
}

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

long PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;  // KiB on Linux
}

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// A JSON object written field by field (numbers and plain ASCII strings only).
class Json {
 public:
  Json& Num(const std::string& k, double v, int digits = 4) {
    return Raw(k, std::isfinite(v) ? Fixed(v, digits) : "null");
  }
  Json& Int(const std::string& k, uint64_t v) { return Raw(k, std::to_string(v)); }
  Json& Str(const std::string& k, const std::string& v) { return Raw(k, "\"" + v + "\""); }
  Json& Bool(const std::string& k, bool v) { return Raw(k, v ? "true" : "false"); }
  Json& Raw(const std::string& k, const std::string& v) {
    out_ += (out_.empty() ? "{" : ",") + ("\"" + k + "\":") + v;
    return *this;
  }
  std::string str() const { return out_ + "}"; }

 private:
  std::string out_;
};

std::unique_ptr<tiegraph::Store> OpenStore(const std::string& db, bool read_only) {
  std::unique_ptr<tiegraph::Store> store;
  tiegraph::OpenOptions open;
  open.read_only = read_only;
  Check(tiegraph::Store::Open(db, open, &store), "opening " + db);
  return store;
}

// --- The keys file ---------------------------------------------------------------------------

struct TieUpdate {
  std::string key, source, target;
  double strength = 0;
};
struct SectorUpdate {
  std::string key, sector;
};
struct Keys {
  std::string kept, absorbed;
  uint64_t kept_ties = 0, absorbed_ties = 0, between = 0;
  std::vector<TieUpdate> ties;
  std::vector<SectorUpdate> sectors;
  std::vector<TieUpdate> deletes;  // strength unused
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) out.push_back(field);
  return out;
}

Keys ReadKeys(const std::string& path) {
  std::ifstream in(path);
  if (!in) Usage("cannot read " + path);
  Keys k;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitTabs(line);
    auto bad = [&]() { Usage(path + ":" + std::to_string(n) + ": malformed line"); };
    if (f[0] == "merge") {
      if (f.size() != 6) bad();
      k.kept = f[1];
      k.absorbed = f[2];
      k.kept_ties = std::stoull(f[3]);
      k.absorbed_ties = std::stoull(f[4]);
      k.between = std::stoull(f[5]);
    } else if (f[0] == "tie") {
      if (f.size() != 5) bad();
      k.ties.push_back({f[1], f[2], f[3], std::stod(f[4])});
    } else if (f[0] == "sector") {
      if (f.size() != 3) bad();
      k.sectors.push_back({f[1], f[2]});
    } else if (f[0] == "delete") {
      if (f.size() != 4) bad();
      k.deletes.push_back({f[1], f[2], f[3], 0});
    } else {
      bad();
    }
  }
  if (k.kept.empty()) Usage(path + " has no merge line");
  return k;
}

// --- pick ------------------------------------------------------------------------------------

int RunPick(const Args& a) {
  auto store = OpenStore(a.db, true);
  auto snap = store->Read();
  struct Inst {
    std::string key;
    tiegraph::Sector sector;
    uint64_t ties = 0;
  };
  std::vector<Inst> insts;
  std::unordered_map<std::string, size_t> index;
  Check(snap->ForEachInstitution([&](const tiegraph::Institution& in) {
    index.emplace(in.key, insts.size());
    insts.push_back({in.key, in.sector, 0});
    return true;
  }),
        "listing institutions");
  struct T {
    std::string key;
    uint32_t source, target;
    double strength;
  };
  std::vector<T> ties;
  Check(snap->ForEachTie([&](const tiegraph::Tie& t) {
    const uint32_t s = static_cast<uint32_t>(index.at(t.source));
    const uint32_t d = static_cast<uint32_t>(index.at(t.target));
    ++insts[s].ties;
    if (d != s) ++insts[d].ties;
    ties.push_back({t.key, s, d, t.strength});
    return true;
  }),
        "listing ties");
  if (insts.size() < 2 + a.updates || ties.size() < a.updates + a.deletes + a.merge_ties * 2)
    Usage("the database is too small for these counts");

  // The merge pair: tie counts nearest --merge-ties.
  std::vector<size_t> order(insts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto distance = [&](size_t i) {
    const double d = static_cast<double>(insts[i].ties) - static_cast<double>(a.merge_ties);
    return std::fabs(d);
  };
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    if (distance(x) != distance(y)) return distance(x) < distance(y);
    return insts[x].key < insts[y].key;
  });
  const size_t kept = order[0], absorbed = order[1];
  uint64_t between = 0;
  std::vector<size_t> candidates;
  candidates.reserve(ties.size());
  for (size_t i = 0; i < ties.size(); ++i) {
    const T& t = ties[i];
    const bool k = t.source == kept || t.target == kept;
    const bool b = t.source == absorbed || t.target == absorbed;
    if (k && b) ++between;
    if (!k && !b) candidates.push_back(i);
  }

  std::mt19937_64 rng(a.seed);
  // The first `count` of v become a uniform draw without replacement (partial Fisher-Yates).
  auto draw = [&](std::vector<size_t>& v, size_t count) {
    for (size_t i = 0; i < count; ++i) std::swap(v[i], v[i + rng() % (v.size() - i)]);
  };
  draw(candidates, a.updates + a.deletes);

  std::ofstream out(a.out);
  if (!out) Usage("cannot write " + a.out);
  out << "# tiegraph_txn_bench pick --seed " << a.seed << " --updates " << a.updates
      << " --deletes " << a.deletes << " --merge-ties " << a.merge_ties << "\n";
  out << "merge\t" << insts[kept].key << "\t" << insts[absorbed].key << "\t" << insts[kept].ties
      << "\t" << insts[absorbed].ties << "\t" << between << "\n";
  for (size_t i = 0; i < a.updates; ++i) {
    const T& t = ties[candidates[i]];
    const long old = std::lround(t.strength * 100);
    long now;
    do now = 1 + static_cast<long>(rng() % 1000);
    while (now == old);
    out << "tie\t" << t.key << "\t" << insts[t.source].key << "\t" << insts[t.target].key << "\t"
        << Fixed(static_cast<double>(now) / 100.0, 2) << "\n";
  }
  std::vector<size_t> others;
  for (size_t i = 0; i < insts.size(); ++i) {
    if (i != kept && i != absorbed) others.push_back(i);
  }
  draw(others, a.updates);
  const tiegraph::Sector sectors[] = {
      tiegraph::Sector::kIndustry,  tiegraph::Sector::kAcademia,   tiegraph::Sector::kResearch,
      tiegraph::Sector::kHospital,  tiegraph::Sector::kGovernment, tiegraph::Sector::kPublicAgency,
      tiegraph::Sector::kSupportOrg};
  for (size_t i = 0; i < a.updates; ++i) {
    const Inst& in = insts[others[i]];
    std::vector<tiegraph::Sector> choice;
    for (auto s : sectors) {
      if (s != in.sector) choice.push_back(s);
    }
    out << "sector\t" << in.key << "\t" << tiegraph::SectorName(choice[rng() % choice.size()])
        << "\n";
  }
  for (size_t i = a.updates; i < a.updates + a.deletes; ++i) {
    const T& t = ties[candidates[i]];
    out << "delete\t" << t.key << "\t" << insts[t.source].key << "\t" << insts[t.target].key
        << "\n";
  }
  out.close();
  if (!out) Usage("writing " + a.out + " failed");
  std::printf("%s\n", Json()
                          .Str("mode", "pick")
                          .Int("seed", a.seed)
                          .Int("institutions", insts.size())
                          .Int("ties", ties.size())
                          .Str("kept", insts[kept].key)
                          .Int("kept_ties", insts[kept].ties)
                          .Str("absorbed", insts[absorbed].key)
                          .Int("absorbed_ties", insts[absorbed].ties)
                          .Int("ties_between", between)
                          .Int("tie_updates", a.updates)
                          .Int("sector_updates", a.updates)
                          .Int("deletes", a.deletes)
                          .str()
                          .c_str());
  return 0;
}

// --- update ----------------------------------------------------------------------------------

tiegraph::CommitInfo Info(const std::string& command, const std::string& message) {
  tiegraph::CommitInfo info;
  info.author = "txn_bench";
  info.command = command;
  info.message = message;
  return info;
}

// One change inside an open transaction.
void ApplyStrength(tiegraph::Transaction* txn, const TieUpdate& u) {
  auto t = Check(txn->GetTie(u.key), "reading tie " + u.key);
  t.strength = u.strength;
  Check(txn->PutTie(t), "setting tie " + u.key);
}

void ApplySector(tiegraph::Transaction* txn, const SectorUpdate& u) {
  auto in = Check(txn->GetInstitution(u.key), "reading institution " + u.key);
  in.sector = Check(tiegraph::ParseSector(u.sector), "sector of " + u.key);
  Check(txn->PutInstitution(in), "setting institution " + u.key);
}

// Times one transaction: Begin, `stage` (the changes), Commit.
struct TxnTimes {
  double begin = 0, stage = 0, commit = 0;
  uint64_t id = 0;
  double total() const { return begin + stage + commit; }
};

template <typename F>
TxnTimes TimedTxn(tiegraph::Store* store, const tiegraph::CommitInfo& info, F&& stage) {
  TxnTimes t;
  const auto t0 = Clock::now();
  auto txn = Check(tiegraph::Transaction::Begin(store), "beginning a transaction");
  const auto t1 = Clock::now();
  stage(txn.get());
  const auto t2 = Clock::now();
  t.id = Check(txn->Commit(info), "committing");
  const auto t3 = Clock::now();
  t.begin = Seconds(t0, t1);
  t.stage = Seconds(t1, t2);
  t.commit = Seconds(t2, t3);
  return t;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
  rank = std::clamp<size_t>(rank, 1, v.size());
  return v[rank - 1];
}

int RunUpdate(const Args& a) {
  const Keys k = ReadKeys(a.keys);
  const bool strength = a.what == "strength";
  const size_t n = strength ? k.ties.size() : k.sectors.size();
  const auto o0 = Clock::now();
  auto store = OpenStore(a.db, false);
  const auto o1 = Clock::now();
  Json j;
  j.Str("mode", "update").Str("what", a.what).Str("commits", a.commits).Int("changes", n);
  j.Num("open_seconds", Seconds(o0, o1));
  if (a.commits == "one") {
    auto t = TimedTxn(store.get(), Info("set", std::to_string(n) + " " + a.what + " updates"),
                      [&](tiegraph::Transaction* txn) {
                        for (size_t i = 0; i < n; ++i) {
                          if (strength)
                            ApplyStrength(txn, k.ties[i]);
                          else
                            ApplySector(txn, k.sectors[i]);
                        }
                      });
    j.Num("begin_seconds", t.begin).Num("stage_seconds", t.stage);
    j.Num("commit_seconds", t.commit).Num("total_seconds", t.total());
    j.Num("changes_per_second", static_cast<double>(n) / t.total(), 0);
  } else {
    std::vector<double> each(n);
    double begin = 0, stage = 0, commit = 0;
    const auto t0 = Clock::now();
    for (size_t i = 0; i < n; ++i) {
      auto t = TimedTxn(store.get(), Info("set", ""), [&](tiegraph::Transaction* txn) {
        if (strength)
          ApplyStrength(txn, k.ties[i]);
        else
          ApplySector(txn, k.sectors[i]);
      });
      each[i] = t.total();
      begin += t.begin;
      stage += t.stage;
      commit += t.commit;
    }
    const double total = Seconds(t0, Clock::now());
    // The first and the last thousand commits, to show whether commits slow down as the
    // history and the write-ahead log grow.
    const size_t m = std::min<size_t>(1000, n);
    double first = 0, last = 0;
    for (size_t i = 0; i < m; ++i) first += each[i], last += each[n - 1 - i];
    j.Num("begin_seconds", begin).Num("stage_seconds", stage).Num("commit_seconds", commit);
    j.Num("total_seconds", total);
    j.Num("changes_per_second", static_cast<double>(n) / total, 0);
    j.Num("commit_p50_ms", Percentile(each, 50) * 1e3, 3);
    j.Num("commit_p99_ms", Percentile(each, 99) * 1e3, 3);
    j.Num("commit_max_ms", Percentile(each, 100) * 1e3, 3);
    j.Num("first_1000_mean_ms", first / static_cast<double>(m) * 1e3, 3);
    j.Num("last_1000_mean_ms", last / static_cast<double>(m) * 1e3, 3);
  }
  const auto c0 = Clock::now();
  store.reset();
  j.Num("close_seconds", Seconds(c0, Clock::now())).Int("peak_rss_mb", PeakRssMb());
  std::printf("%s\n", j.str().c_str());
  return 0;
}

// --- merge -----------------------------------------------------------------------------------

int RunMerge(const Args& a) {
  const Keys k = ReadKeys(a.keys);
  auto store = OpenStore(a.db, false);
  tiegraph::MergeReport report;
  auto t = TimedTxn(store.get(), Info("merge", k.absorbed + " into " + k.kept),
                    [&](tiegraph::Transaction* txn) {
                      report = Check(txn->Merge(k.kept, k.absorbed), "merging");
                    });
  const auto c0 = Clock::now();
  store.reset();
  const double close = Seconds(c0, Clock::now());
  std::printf("%s\n", Json()
                          .Str("mode", "merge")
                          .Str("kept", k.kept)
                          .Int("kept_ties", k.kept_ties)
                          .Str("absorbed", k.absorbed)
                          .Int("absorbed_ties", k.absorbed_ties)
                          .Int("ties_moved", report.ties_moved)
                          .Int("self_loops_removed", report.self_loops_removed.size())
                          .Int("aliases_added", report.aliases_added.size())
                          .Num("begin_seconds", t.begin)
                          .Num("merge_seconds", t.stage)
                          .Num("commit_seconds", t.commit)
                          .Num("total_seconds", t.total())
                          .Num("close_seconds", close)
                          .str()
                          .c_str());
  return 0;
}

// --- projection ------------------------------------------------------------------------------

// Builds the default projection `runs` times on fresh snapshots; adds the figures to `j`.
void TimeProjection(tiegraph::Store* store, size_t runs, Json* j) {
  std::vector<double> secs;
  size_t nodes = 0, arcs = 0, used = 0;
  uint64_t stored = 0;
  for (size_t r = 0; r < runs; ++r) {
    auto snap = store->Read();
    stored = Check(snap->GetCounts(), "counting").ties;
    const auto t0 = Clock::now();
    auto g = Check(tiegraph::BuildProjection(*snap, {}), "building the projection");
    secs.push_back(Seconds(t0, Clock::now()));
    nodes = g.node_count();
    arcs = g.arc_count();
    used = g.ties_used();
  }
  std::string all = "[";
  for (size_t i = 0; i < secs.size(); ++i) all += (i ? "," : "") + Fixed(secs[i], 4);
  all += "]";
  const double best = *std::min_element(secs.begin(), secs.end());
  const double median = Percentile(secs, 50);
  j->Int("stored_ties", stored).Int("ties_used", used).Int("nodes", nodes).Int("arcs", arcs);
  j->Raw("build_seconds", all).Num("build_best_seconds", best).Num("build_median_seconds", median);
  j->Num("ties_per_second_best", static_cast<double>(stored) / best, 0);
  j->Num("ties_per_second_median", static_cast<double>(stored) / median, 0);
}

int RunProjection(const Args& a) {
  const auto o0 = Clock::now();
  auto store = OpenStore(a.db, !a.read_write);
  const double open = Seconds(o0, Clock::now());
  Json j;
  j.Str("mode", "projection").Bool("read_only", !a.read_write).Num("open_seconds", open);
  TimeProjection(store.get(), a.runs, &j);
  j.Int("peak_rss_mb", PeakRssMb());
  std::printf("%s\n", j.str().c_str());
  return 0;
}

// --- history ---------------------------------------------------------------------------------

int RunHistory(const Args& a) {
  const Keys k = ReadKeys(a.keys);
  auto store = OpenStore(a.db, false);
  Json j;
  j.Str("mode", "history");
  auto strengths = TimedTxn(store.get(), Info("set", "strengths"), [&](tiegraph::Transaction* t) {
    for (const auto& u : k.ties) ApplyStrength(t, u);
  });
  auto sectors = TimedTxn(store.get(), Info("set", "sectors"), [&](tiegraph::Transaction* t) {
    for (const auto& u : k.sectors) ApplySector(t, u);
  });
  auto deletes = TimedTxn(store.get(), Info("delete", "deletes"), [&](tiegraph::Transaction* t) {
    for (const auto& d : k.deletes) Check(t->DeleteTie(d.key), "deleting " + d.key);
  });
  tiegraph::MergeReport report;
  auto merge = TimedTxn(store.get(), Info("merge", "merge"), [&](tiegraph::Transaction* t) {
    report = Check(t->Merge(k.kept, k.absorbed), "merging");
  });
  j.Int("tie_updates", k.ties.size()).Num("tie_updates_seconds", strengths.total());
  j.Int("sector_updates", k.sectors.size()).Num("sector_updates_seconds", sectors.total());
  j.Int("deletes", k.deletes.size()).Num("deletes_seconds", deletes.total());
  j.Int("merge_ties_moved", report.ties_moved).Num("merge_seconds", merge.total());
  TimeProjection(store.get(), a.runs, &j);
  if (a.check) {
    const auto c0 = Clock::now();
    auto report = Check(store->Read()->Check(), "checking");
    j.Bool("check_clean", report.clean()).Num("check_seconds", Seconds(c0, Clock::now()));
    for (const auto& p : report.problems) std::cerr << "check: " << p << "\n";
  }
  j.Int("peak_rss_mb", PeakRssMb());
  std::printf("%s\n", j.str().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a = ParseArgs(argc, argv);
  if (a.mode == "pick") return RunPick(a);
  if (a.mode == "update") return RunUpdate(a);
  if (a.mode == "merge") return RunMerge(a);
  if (a.mode == "history") return RunHistory(a);
  return RunProjection(a);
}
