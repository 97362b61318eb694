// tiegraph_lookup_bench: neighbor-lookup latency, and an import timer, through the public API
// only.
//
//   tiegraph_lookup_bench lookup --db DIR [--lookups 100000] [--seed 7] [--cache-mb MB] [--json]
//     Opens DIR read-only, lists every institution key, draws --lookups keys uniformly at random
//     (seeded, with replacement), calls Snapshot::TiesOf once for each to warm the caches, then
//     times each TiesOf call again with std::chrono::steady_clock and prints the percentiles in
//     microseconds and the mean number of ties per lookup.
//
//   tiegraph_lookup_bench import --db DIR --institutions F --ties F [--breakdown] [--json]
//     Creates DIR (which must not exist) and loads the two CSV files with tiegraph::Import, the
//     call the CLI's `import` makes, printing ImportReport's read/write split. With --breakdown it
//     instead calls ReadInputs, then Store::Write with dry_run (validation only), then
//     Store::Write for real, so the write phase splits into validation and staging + commit
//     (staging + commit = real write - dry-run write; validation runs twice in this mode).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <tiegraph/tiegraph.h>

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  std::string mode = "lookup";
  std::string db, institutions, ties;
  size_t lookups = 100000;
  uint64_t seed = 7;
  size_t cache_mb = 0;  // 0: the library's default
  bool json = false;
  bool breakdown = false;
};

[[noreturn]] void Usage(const std::string& error) {
  if (!error.empty()) std::cerr << "tiegraph_lookup_bench: " << error << "\n";
  std::cerr << "usage: tiegraph_lookup_bench [lookup] --db DIR [--lookups N] [--seed S]"
               " [--cache-mb MB] [--json]\n"
               "       tiegraph_lookup_bench import --db DIR --institutions F --ties F"
               " [--breakdown] [--json]\n";
  std::exit(1);
}

Args ParseArgs(int argc, char** argv) {
  Args a;
  int i = 1;
  if (i < argc && argv[i][0] != '-') a.mode = argv[i++];
  if (a.mode != "lookup" && a.mode != "import") Usage("unknown mode '" + a.mode + "'");
  for (; i < argc; ++i) {
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
    else if (f == "--institutions")
      a.institutions = value();
    else if (f == "--ties")
      a.ties = value();
    else if (f == "--lookups")
      a.lookups = number();
    else if (f == "--seed")
      a.seed = number();
    else if (f == "--cache-mb")
      a.cache_mb = number();
    else if (f == "--json")
      a.json = true;
    else if (f == "--breakdown")
      a.breakdown = true;
    else
      Usage("unknown option '" + f + "'");
  }
  if (a.db.empty()) Usage("--db is required");
  if (a.mode == "import" && (a.institutions.empty() || a.ties.empty())) {
    Usage("import needs --institutions and --ties");
  }
  if (a.mode == "lookup" && a.lookups == 0) Usage("--lookups must be at least 1");
  return a;
}

int Fail(const tiegraph::Status& s) {
  std::cerr << "tiegraph_lookup_bench: " << s.ToString() << "\n";
  return 2;
}

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

long PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;  // KiB on Linux
}

int RunImport(const Args& a) {
  if (std::filesystem::exists(a.db)) Usage(a.db + " already exists; give a fresh path");
  std::unique_ptr<tiegraph::Store> store;
  tiegraph::OpenOptions open;
  open.create_if_missing = true;
  const auto t0 = Clock::now();
  if (auto s = tiegraph::Store::Open(a.db, open, &store); !s.ok()) return Fail(s);
  const auto t1 = Clock::now();
  std::vector<tiegraph::InputFile> files = {
      {a.institutions, tiegraph::InputFormat::kCsvInstitutions},
      {a.ties, tiegraph::InputFormat::kCsvTies}};
  tiegraph::ImportOptions options;
  double read = 0, write = 0, validate = -1, commit = -1;
  tiegraph::WriteSummary summary;
  if (!a.breakdown) {
    tiegraph::ImportReport report;
    if (auto s = tiegraph::Import(store.get(), files, options, &report); !s.ok()) return Fail(s);
    read = report.read_seconds;
    write = report.write_seconds;
    summary = report.summary;
  } else {
    tiegraph::Dataset data;
    tiegraph::WriteOptions wo;
    auto r0 = Clock::now();
    if (auto s = tiegraph::ReadInputs(files, options, &data, &wo); !s.ok()) return Fail(s);
    auto r1 = Clock::now();
    wo.dry_run = true;
    if (auto s = store->Write(data, wo, &summary); !s.ok()) return Fail(s);
    auto r2 = Clock::now();
    wo.dry_run = false;
    if (auto s = store->Write(data, wo, &summary); !s.ok()) return Fail(s);
    auto r3 = Clock::now();
    read = Seconds(r0, r1);
    validate = Seconds(r1, r2);
    write = Seconds(r2, r3);
    commit = write - validate;
  }
  const auto t2 = Clock::now();
  store.reset();
  const auto t3 = Clock::now();
  const double total = Seconds(t0, t3);
  if (a.json) {
    std::printf(
        "{\"institutions\":%zu,\"ties\":%zu,\"bulk\":%s,\"open_seconds\":%.4f,"
        "\"read_seconds\":%.4f,\"write_seconds\":%.4f,\"validate_seconds\":%.4f,"
        "\"stage_commit_seconds\":%.4f,\"close_seconds\":%.4f,\"total_seconds\":%.4f,"
        "\"ties_per_second\":%.0f,\"peak_rss_mb\":%ld}\n",
        summary.institutions, summary.ties, summary.bulk ? "true" : "false", Seconds(t0, t1), read,
        write, validate, commit, Seconds(t2, t3), total,
        static_cast<double>(summary.ties) / (read + write), PeakRssMb());
  } else {
    std::printf("imported %zu institutions, %zu ties (%s)\n", summary.institutions, summary.ties,
                summary.bulk ? "bulk ingestion" : "write batch");
    std::printf("  open %.3f s, read %.3f s, write %.3f s, close %.3f s, total %.3f s\n",
                Seconds(t0, t1), read, write, Seconds(t2, t3), total);
    if (a.breakdown) {
      std::printf("  write = validation %.3f s + staging and commit %.3f s\n", validate, commit);
    }
    std::printf("  %.0f ties/s (read + write), peak RSS %ld MiB\n",
                static_cast<double>(summary.ties) / (read + write), PeakRssMb());
  }
  return 0;
}

int RunLookup(const Args& a) {
  std::unique_ptr<tiegraph::Store> store;
  tiegraph::OpenOptions open;
  open.read_only = true;
  if (a.cache_mb) open.block_cache_mb = a.cache_mb;
  if (auto s = tiegraph::Store::Open(a.db, open, &store); !s.ok()) return Fail(s);
  auto snap = store->Read();

  std::vector<std::string> all;
  auto s = snap->ForEachInstitution([&](const tiegraph::Institution& in) {
    all.push_back(in.key);
    return true;
  });
  if (!s.ok()) return Fail(s);
  if (all.empty()) return Fail(tiegraph::Status::InvalidArgument(a.db + " has no institutions"));

  std::mt19937_64 rng(a.seed);
  std::uniform_int_distribution<size_t> pick(0, all.size() - 1);
  std::vector<const std::string*> keys(a.lookups);
  for (auto& k : keys) k = &all[pick(rng)];

  std::vector<tiegraph::TieRef> ties;
  ties.reserve(4096);
  // Warm-up: one pass over the same keys brings their blocks into the caches.
  const auto w0 = Clock::now();
  for (const auto* k : keys) {
    if (auto st = snap->TiesOf(*k, &ties); !st.ok()) return Fail(st);
  }
  const auto w1 = Clock::now();

  std::vector<int64_t> ns(keys.size());
  std::vector<uint32_t> degree(keys.size());
  uint64_t total_ties = 0;
  const auto m0 = Clock::now();
  for (size_t i = 0; i < keys.size(); ++i) {
    const auto t0 = Clock::now();
    auto st = snap->TiesOf(*keys[i], &ties);
    const auto t1 = Clock::now();
    if (!st.ok()) return Fail(st);
    ns[i] = std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count();
    degree[i] = static_cast<uint32_t>(ties.size());
    total_ties += ties.size();
  }
  const auto m1 = Clock::now();

  // The same latencies grouped by how many ties the lookup returned: hubs take longer.
  struct Bucket {
    const char* name;
    uint32_t lo, hi;
    std::vector<int64_t> ns;
  };
  std::vector<Bucket> buckets = {{"0-16", 0, 16, {}},
                                 {"17-64", 17, 64, {}},
                                 {"65-256", 65, 256, {}},
                                 {"257+", 257, UINT32_MAX, {}}};
  for (size_t i = 0; i < ns.size(); ++i) {
    for (auto& b : buckets) {
      if (degree[i] >= b.lo && degree[i] <= b.hi) b.ns.push_back(ns[i]);
    }
  }
  // Nearest-rank percentile of a sorted vector, in microseconds.
  auto pct_of = [](const std::vector<int64_t>& v, double p) {
    if (v.empty()) return 0.0;
    size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    rank = std::clamp<size_t>(rank, 1, v.size());
    return static_cast<double>(v[rank - 1]) / 1000.0;
  };
  for (auto& b : buckets) std::sort(b.ns.begin(), b.ns.end());
  std::sort(degree.begin(), degree.end());
  auto degree_pct = [&](double p) {
    size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(degree.size())));
    return degree[std::clamp<size_t>(rank, 1, degree.size()) - 1];
  };
  std::sort(ns.begin(), ns.end());
  auto pct = [&](double p) { return pct_of(ns, p); };
  double mean_us = 0;
  for (auto v : ns) mean_us += static_cast<double>(v);
  mean_us /= 1000.0 * static_cast<double>(ns.size());
  const double mean_ties = static_cast<double>(total_ties) / static_cast<double>(keys.size());
  const auto counts = snap->GetCounts().value();
  const size_t cache_mb = a.cache_mb ? a.cache_mb : tiegraph::OpenOptions{}.block_cache_mb;
  if (a.json) {
    std::printf(
        "{\"institutions\":%llu,\"ties\":%llu,\"lookups\":%zu,\"seed\":%llu,\"cache_mb\":%zu,"
        "\"warmup_seconds\":%.4f,\"measured_seconds\":%.4f,\"mean_ties\":%.2f,"
        "\"mean_us\":%.2f,\"p50_us\":%.2f,\"p90_us\":%.2f,\"p99_us\":%.2f,\"p999_us\":%.2f,"
        "\"max_us\":%.2f,\"ties_p50\":%u,\"ties_p99\":%u,\"ties_max\":%u,\"by_ties\":[",
        static_cast<unsigned long long>(counts.institutions),
        static_cast<unsigned long long>(counts.ties), keys.size(),
        static_cast<unsigned long long>(a.seed), cache_mb, Seconds(w0, w1), Seconds(m0, m1),
        mean_ties, mean_us, pct(50), pct(90), pct(99), pct(99.9), pct(100), degree_pct(50),
        degree_pct(99), degree.back());
    for (size_t i = 0; i < buckets.size(); ++i) {
      const auto& b = buckets[i];
      std::printf("%s{\"ties\":\"%s\",\"lookups\":%zu,\"p50_us\":%.2f,\"p99_us\":%.2f}",
                  i ? "," : "", b.name, b.ns.size(), pct_of(b.ns, 50), pct_of(b.ns, 99));
    }
    std::printf("]}\n");
  } else {
    std::printf(
        "%zu TiesOf lookups of random institutions (seed %llu) in a database of %llu "
        "institutions and %llu ties, block cache %zu MiB\n",
        keys.size(), static_cast<unsigned long long>(a.seed),
        static_cast<unsigned long long>(counts.institutions),
        static_cast<unsigned long long>(counts.ties), cache_mb);
    std::printf("  warm-up pass %.3f s, measured pass %.3f s, mean %.1f ties per lookup\n",
                Seconds(w0, w1), Seconds(m0, m1), mean_ties);
    std::printf("  latency us: mean %.2f  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n",
                mean_us, pct(50), pct(90), pct(99), pct(99.9), pct(100));
    std::printf("  ties per lookup: p50 %u  p99 %u  max %u\n", degree_pct(50), degree_pct(99),
                degree.back());
    for (const auto& b : buckets) {
      std::printf("  lookups returning %-7s ties: %6zu, p50 %.2f us, p99 %.2f us\n", b.name,
                  b.ns.size(), pct_of(b.ns, 50), pct_of(b.ns, 99));
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a = ParseArgs(argc, argv);
  return a.mode == "import" ? RunImport(a) : RunLookup(a);
}
