// tiegraph_algorithms_bench: network-analysis timings on a stored network, through the public
// API only (docs/BENCHMARKS.md; tools/bench/run_algorithms_bench.sh runs it against
// igraph, graph-tool and networkx).
//
//   tiegraph_algorithms_bench --db DIR --algorithms LIST [--graph NAME] [--sources FILE]
//       [--threads 2] [--samples 100] [--seed 42] [--pagerank-epsilon 1e-6]
//       [--max-runs 3] [--quick-seconds 10] [--dump DIR]
//
// Opens DIR read-only and, for each algorithm in LIST (comma-separated), measures
//   build      BuildProjection(snapshot, {}) — undirected, default options, as every analysis
//              command does — timed on its own;
//   algorithm  the algorithm on that projection, timed on its own;
// and prints one JSON line per algorithm with the best (smallest) build, algorithm and
// build + algorithm times over its runs, every run's figures, and a summary of the result.
// Algorithms:
//   betweenness_exact    Betweenness, hops, every source, --threads
//   betweenness_sampled  Betweenness, hops, --samples sources drawn with --seed, --threads
//   closeness            Closeness, hops, --threads
//   pagerank             PageRank, unweighted, damping 0.85, stopping when the L1 change of
//                        the whole vector is < --pagerank-epsilon (graph-tool's `epsilon`; the
//                        library's per-node tolerance, as networkx's tol, is epsilon / n)
//   louvain              Louvain, unweighted, resolution 1, --seed (trials: the library's
//                        automatic choice, one run above 10,000 nodes)
//   leiden               Leiden, quality modularity, unweighted, resolution 1, --seed (ditto)
//   components           ConnectedComponents
//   kcore                CoreNumbers
//   bfs                  ReachableWithin(g, s, UINT32_MAX) from each key in --sources
//   projection           no algorithm: times BuildProjection and, alone, the two scans it is
//                        made of, through the public API: Snapshot::ForEachInstitutionSummary
//                        collecting keys, and Snapshot::ForEachTieSummary over all ties on one
//                        thread counting them (BuildProjection may scan ties on two threads)
// Runs: an algorithm is run again (with a fresh projection) while its runs number fewer than
// --max-runs and its last build + algorithm took less than --quick-seconds, or less than 120 s
// and was disturbed: a run is "disturbed" when other processes kept >= 0.25 core busy on
// average while it ran (machine CPU ticks from /proc/stat minus this process's own CPU time).
// The best times are taken over undisturbed runs when there are any.
// --dump DIR writes per-node results (betweenness, closeness, pagerank, kcore) as raw float64
// arrays indexed by the key read as an integer (DIR/tiegraph-ALGORITHM.f64), for checking
// against the peers.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <tiegraph/tiegraph.h>

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  std::string db, graph, sources, dump;
  std::vector<std::string> algorithms;
  int threads = 2;
  size_t samples = 100;
  uint64_t seed = 42;
  double pagerank_epsilon = 1e-6;
  int max_runs = 3;
  double quick_seconds = 10;
};

[[noreturn]] void Usage(const std::string& error) {
  if (!error.empty()) std::cerr << "tiegraph_algorithms_bench: " << error << "\n";
  std::cerr << "usage: tiegraph_algorithms_bench --db DIR --algorithms LIST [--graph NAME]"
               " [--sources FILE] [--threads N] [--samples K] [--seed S]"
               " [--pagerank-epsilon E] [--max-runs R] [--quick-seconds Q] [--dump DIR]\n"
               "algorithms: betweenness_exact, betweenness_sampled, closeness, pagerank,"
               " louvain, leiden, components, kcore, bfs, projection\n";
  std::exit(1);
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

Args ParseArgs(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string f = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(f + " needs a value");
      return argv[++i];
    };
    auto number = [&]() -> double {
      std::string v = value();
      char* end = nullptr;
      double x = std::strtod(v.c_str(), &end);
      if (v.empty() || *end != '\0') Usage(f + ": '" + v + "' is not a number");
      return x;
    };
    if (f == "--db")
      a.db = value();
    else if (f == "--graph")
      a.graph = value();
    else if (f == "--algorithms")
      a.algorithms = Split(value(), ',');
    else if (f == "--sources")
      a.sources = value();
    else if (f == "--dump")
      a.dump = value();
    else if (f == "--threads")
      a.threads = static_cast<int>(number());
    else if (f == "--samples")
      a.samples = static_cast<size_t>(number());
    else if (f == "--seed")
      a.seed = static_cast<uint64_t>(number());
    else if (f == "--pagerank-epsilon")
      a.pagerank_epsilon = number();
    else if (f == "--max-runs")
      a.max_runs = static_cast<int>(number());
    else if (f == "--quick-seconds")
      a.quick_seconds = number();
    else
      Usage("unknown option '" + f + "'");
  }
  if (a.db.empty()) Usage("--db is required");
  if (a.algorithms.empty()) Usage("--algorithms is required");
  if (a.max_runs < 1 || a.threads < 1) Usage("--max-runs and --threads must be at least 1");
  return a;
}

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

long PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

double OwnCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

// Busy CPU seconds of the whole machine (user + nice + system + irq + softirq + steal).
double MachineBusySeconds() {
  std::ifstream f("/proc/stat");
  std::string cpu;
  uint64_t user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
  f >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
  static const double hz = static_cast<double>(sysconf(_SC_CLK_TCK));
  return static_cast<double>(user + nice + system + irq + softirq + steal) / hz;
}

// Measures a stretch of work: wall seconds and the cores other processes kept busy meanwhile.
struct Meter {
  Clock::time_point t0 = Clock::now();
  double machine0 = MachineBusySeconds(), own0 = OwnCpuSeconds();
  double others_cores() const {
    const double wall = std::max(1e-9, Seconds(t0, Clock::now()));
    const double others = (MachineBusySeconds() - machine0) - (OwnCpuSeconds() - own0);
    // /proc/stat ticks are 10 ms: short stretches are too coarse to judge.
    return wall < 0.5 ? 0.0 : std::max(0.0, others / wall);
  }
};

std::string Num(double x) {
  if (!std::isfinite(x)) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A result summary: ordered "key": value pairs, values already JSON.
using Summary = std::vector<std::pair<std::string, std::string>>;

std::string ToJson(const Summary& s) {
  std::string out = "{";
  for (size_t i = 0; i < s.size(); ++i) {
    if (i) out += ',';
    out += Quote(s[i].first);
    out += ':';
    out += s[i].second;
  }
  return out + "}";
}

Summary VectorSummary(const tiegraph::Projection& g, const std::vector<double>& x) {
  size_t best = 0;
  double sum = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sum += x[i];
    if (x[i] > x[best]) best = i;
  }
  if (x.empty()) return {{"max", "null"}};
  return {{"max", Num(x[best])}, {"argmax", Quote(g.keys()[best])}, {"sum", Num(sum)}};
}

void Dump(const Args& a, const tiegraph::Projection& g, const std::string& algorithm,
          const std::vector<double>& x) {
  if (a.dump.empty()) return;
  std::vector<double> by_key(g.node_count(), std::nan(""));
  for (size_t i = 0; i < x.size(); ++i) {
    const unsigned long long k = std::strtoull(g.keys()[i].c_str(), nullptr, 10);
    if (k < by_key.size()) by_key[k] = x[i];
  }
  std::ofstream f(a.dump + "/tiegraph-" + algorithm + ".f64", std::ios::binary);
  f.write(reinterpret_cast<const char*>(by_key.data()),
          static_cast<std::streamsize>(by_key.size() * sizeof(double)));
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream f(path);
  if (!f) Usage("cannot read " + path);
  std::vector<std::string> out;
  for (std::string line; std::getline(f, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// Runs one algorithm on a projection; fills the summary; returns false with a message on error.
using Algorithm = std::function<tiegraph::Status(const tiegraph::Projection&, Summary*)>;

Algorithm MakeAlgorithm(const Args& a, const std::string& name,
                        const std::vector<uint32_t>* source_index) {
  using tiegraph::Status;
  if (name == "betweenness_exact" || name == "betweenness_sampled") {
    return [&a, name](const tiegraph::Projection& g, Summary* out) -> Status {
      tiegraph::BetweennessOptions o;
      o.distance = tiegraph::Distance::kHops;
      o.normalized = true;
      o.threads = a.threads;
      o.samples = name == "betweenness_exact" ? 0 : a.samples;
      o.seed = a.seed;
      auto r = tiegraph::Betweenness(g, o);
      if (!r.ok()) return r.status();
      *out = VectorSummary(g, *r);
      out->push_back({"sources", std::to_string(o.samples ? o.samples : g.node_count())});
      Dump(a, g, name, *r);
      return Status::OK();
    };
  }
  if (name == "closeness") {
    return [&a](const tiegraph::Projection& g, Summary* out) -> Status {
      auto r = tiegraph::Closeness(g, tiegraph::Distance::kHops, a.threads);
      if (!r.ok()) return r.status();
      *out = VectorSummary(g, *r);
      Dump(a, g, "closeness", *r);
      return Status::OK();
    };
  }
  if (name == "pagerank") {
    return [&a](const tiegraph::Projection& g, Summary* out) -> Status {
      tiegraph::PageRankOptions o;
      o.weighted = false;
      o.tolerance = a.pagerank_epsilon / static_cast<double>(std::max<size_t>(1, g.node_count()));
      auto r = tiegraph::PageRank(g, o);
      if (!r.ok()) return r.status();
      *out = VectorSummary(g, *r);
      out->push_back({"epsilon_total", Num(a.pagerank_epsilon)});
      Dump(a, g, "pagerank", *r);
      return Status::OK();
    };
  }
  if (name == "louvain" || name == "leiden") {
    return [&a, name](const tiegraph::Projection& g, Summary* out) -> Status {
      tiegraph::CommunityOptions o;
      o.quality = tiegraph::Quality::kModularity;
      o.weighted = false;
      o.seed = a.seed;
      auto r = name == "louvain" ? tiegraph::Louvain(g, o) : tiegraph::Leiden(g, o);
      if (!r.ok()) return r.status();
      std::vector<uint64_t> size(r->count, 0);
      for (uint32_t c : r->community) ++size[c];
      *out = {{"modularity", Num(r->modularity)},
              {"communities", std::to_string(r->count)},
              {"largest", std::to_string(size.empty() ? 0 : size[0])}};
      return Status::OK();
    };
  }
  if (name == "components") {
    return [](const tiegraph::Projection& g, Summary* out) -> Status {
      std::vector<uint32_t> comp;
      const uint32_t count = tiegraph::ConnectedComponents(g, &comp);
      uint64_t largest = 0;
      for (uint32_t c : comp) largest += c == 0;
      *out = {{"components", std::to_string(count)}, {"largest", std::to_string(largest)}};
      return Status::OK();
    };
  }
  if (name == "kcore") {
    return [&a](const tiegraph::Projection& g, Summary* out) -> Status {
      const std::vector<uint32_t> core = tiegraph::CoreNumbers(g);
      uint32_t max_core = 0;
      uint64_t sum = 0, in_max = 0;
      for (uint32_t c : core) max_core = std::max(max_core, c), sum += c;
      for (uint32_t c : core) in_max += c == max_core;
      *out = {{"max_core", std::to_string(max_core)},
              {"nodes_in_max_core", std::to_string(in_max)},
              {"sum", std::to_string(sum)}};
      Dump(a, g, "kcore", std::vector<double>(core.begin(), core.end()));
      return Status::OK();
    };
  }
  if (name == "bfs") {
    return [source_index](const tiegraph::Projection& g, Summary* out) -> Status {
      uint64_t reached = 0, hop_sum = 0;
      uint32_t max_hops = 0;
      for (uint32_t s : *source_index) {
        const auto r = tiegraph::ReachableWithin(g, s, UINT32_MAX);
        reached += r.size();
        for (const auto& [v, d] : r) hop_sum += d, max_hops = std::max(max_hops, d);
      }
      *out = {{"sources", std::to_string(source_index->size())},
              {"reached", std::to_string(reached)},
              {"hop_sum", std::to_string(hop_sum)},
              {"max_hops", std::to_string(max_hops)}};
      return Status::OK();
    };
  }
  Usage("unknown algorithm '" + name + "'");
}

int Fail(const tiegraph::Status& s) {
  std::cerr << "tiegraph_algorithms_bench: " << s.ToString() << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = ParseArgs(argc, argv);
  const auto o0 = Clock::now();
  std::unique_ptr<tiegraph::Store> store;
  tiegraph::OpenOptions open;
  open.read_only = true;
  if (auto s = tiegraph::Store::Open(a.db, open, &store); !s.ok()) return Fail(s);
  auto snap = store->Read();
  const double open_seconds = Seconds(o0, Clock::now());

  // BFS sources: keys -> projection indices, resolved once outside every timing (a projection
  // numbers nodes in storage order, the same for every build with the same options).
  std::vector<uint32_t> source_index;
  bool need_sources =
      std::find(a.algorithms.begin(), a.algorithms.end(), "bfs") != a.algorithms.end();
  if (need_sources) {
    if (a.sources.empty()) Usage("bfs needs --sources");
    auto g = tiegraph::BuildProjection(*snap, {});
    if (!g.ok()) return Fail(g.status());
    std::unordered_map<std::string, uint32_t> index;
    for (uint32_t i = 0; i < g->keys().size(); ++i) index.emplace(g->keys()[i], i);
    for (const std::string& key : ReadLines(a.sources)) {
      auto it = index.find(key);
      if (it == index.end()) Usage("source '" + key + "' is not in the projection");
      source_index.push_back(it->second);
    }
  }

  for (const std::string& name : a.algorithms) {
    if (name == "projection") {
      double best_inst = 1e300, best_ties = 1e300, best_build = 1e300;
      size_t institutions = 0, ties = 0;
      for (int r = 0; r < a.max_runs; ++r) {
        const auto t0 = Clock::now();
        std::vector<std::string> keys;
        auto s1 = snap->ForEachInstitutionSummary([&](const tiegraph::InstitutionSummary& in) {
          keys.emplace_back(in.key);
          return true;
        });
        const auto t1 = Clock::now();
        size_t count = 0;
        auto s2 = snap->ForEachTieSummary([&](const tiegraph::TieSummary& t) {
          count += t.source_id != t.target_id;
          return true;
        });
        const auto t2 = Clock::now();
        if (!s1.ok()) return Fail(s1);
        if (!s2.ok()) return Fail(s2);
        auto g = tiegraph::BuildProjection(*snap, {});
        const auto t3 = Clock::now();
        if (!g.ok()) return Fail(g.status());
        institutions = keys.size();
        ties = count;
        best_inst = std::min(best_inst, Seconds(t0, t1));
        best_ties = std::min(best_ties, Seconds(t1, t2));
        best_build = std::min(best_build, Seconds(t2, t3));
      }
      std::printf(
          "{\"tool\":\"tiegraph\",\"graph\":%s,\"algorithm\":\"projection\",\"runs\":%d,"
          "\"institutions\":%zu,\"ties\":%zu,\"scan_institutions_seconds\":%s,"
          "\"scan_ties_seconds\":%s,\"build_seconds\":%s}\n",
          Quote(a.graph).c_str(), a.max_runs, institutions, ties, Num(best_inst).c_str(),
          Num(best_ties).c_str(), Num(best_build).c_str());
      std::fflush(stdout);
      continue;
    }
    const Algorithm run = MakeAlgorithm(a, name, &source_index);
    struct Run {
      double build, algorithm, others;
    };
    std::vector<Run> runs;
    Summary summary;
    size_t nodes = 0, edges = 0;
    while (true) {
      Meter meter;
      const auto t0 = Clock::now();
      auto g = tiegraph::BuildProjection(*snap, {});
      const auto t1 = Clock::now();
      if (!g.ok()) return Fail(g.status());
      Summary s;
      if (auto st = run(*g, &s); !st.ok()) return Fail(st);
      const auto t2 = Clock::now();
      runs.push_back({Seconds(t0, t1), Seconds(t1, t2), meter.others_cores()});
      summary = std::move(s);
      nodes = g->node_count();
      edges = g->edge_count();
      const bool disturbed = runs.back().others >= 0.25;
      const double seconds = runs.back().build + runs.back().algorithm;
      // Repeat quick runs; repeat a disturbed one only when it is not long.
      if (static_cast<int>(runs.size()) >= a.max_runs) break;
      if (!(seconds < a.quick_seconds || (disturbed && seconds < 120))) break;
    }
    std::vector<Run> kept;
    for (const Run& r : runs) {
      if (r.others < 0.25) kept.push_back(r);
    }
    const bool disturbed = kept.empty();
    if (disturbed) kept = runs;
    double build = 1e300, algorithm = 1e300, total = 1e300, others = 0;
    for (const Run& r : kept) {
      build = std::min(build, r.build);
      algorithm = std::min(algorithm, r.algorithm);
      total = std::min(total, r.build + r.algorithm);
      others = std::max(others, r.others);
    }
    std::string all = "[";
    for (size_t i = 0; i < runs.size(); ++i) {
      if (i) all += ',';
      all += '[';
      all += Num(runs[i].build) + "," + Num(runs[i].algorithm) + "," + Num(runs[i].others);
      all += ']';
    }
    all += "]";
    std::printf(
        "{\"tool\":\"tiegraph\",\"graph\":%s,\"algorithm\":%s,\"threads\":%d,\"nodes\":%zu,"
        "\"edges\":%zu,\"runs\":%zu,\"build_seconds\":%s,\"algorithm_seconds\":%s,"
        "\"total_seconds\":%s,\"open_seconds\":%s,\"others_cores\":%s,\"disturbed\":%s,"
        "\"all_runs\":%s,\"peak_rss_mb\":%ld,\"result\":%s}\n",
        Quote(a.graph).c_str(), Quote(name).c_str(), a.threads, nodes, edges, runs.size(),
        Num(build).c_str(), Num(algorithm).c_str(), Num(total).c_str(), Num(open_seconds).c_str(),
        Num(others).c_str(), disturbed ? "true" : "false", all.c_str(), PeakRssMb(),
        ToJson(summary).c_str());
    std::fflush(stdout);
  }
  return 0;
}
