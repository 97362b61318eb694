// Reference tests: tiegraph's network analyses against values computed independently by
// networkx 2.8 (and igraph's Louvain as a quality floor), on graphs of different shapes.
//
// tests/reference/make_references.py writes, per graph, institutions.csv, ties.csv and
// reference.json (the networkx calls and conventions are documented there). Each graph is
// imported into a fresh store, projected with default options (and, for the directed graph,
// with ProjectionOptions::directed), and every algorithm is compared node by node, matched by
// key. Exact measures must agree within 1e-6 (relative, or absolute below 1); iterative ones
// (PageRank, eigenvector, Katz, HITS, all run to tolerance 1e-12) within 1e-4 relative or 1e-6
// absolute. Community detection is held to igraph's Louvain/Leiden over 200 seeds (see the
// Louvain test) and to invariants: honest modularity, stable numbering, determinism.
// The script runs once per test-binary run (about 3 s); if it fails, every test here fails.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <tiegraph/brokerage.h>
#include <tiegraph/centrality.h>
#include <tiegraph/community.h>
#include <tiegraph/core_periphery.h>
#include <tiegraph/k_core.h>
#include <tiegraph/link_prediction.h>
#include <tiegraph/mixing.h>
#include <tiegraph/paths.h>
#include <tiegraph/projection.h>
#include <tiegraph/spectral.h>
#include <tiegraph/structure.h>

#include "test_util.h"

namespace tiegraph {
namespace {

using nlohmann::json;
using test::OpenStore;
using test::TempDir;

constexpr double kExactTol = 1e-6;
constexpr double kIterRel = 1e-4;
constexpr double kIterAbs = 1e-6;
constexpr double kConverge = 1e-12;
constexpr int kMaxIterations = 100000;
constexpr size_t kShortest = 5;  // K_SHORTEST in make_references.py

// ---------------------------------------------------------------------------------------------
// Running the reference script once per test-binary run
// ---------------------------------------------------------------------------------------------

struct Script {
  std::unique_ptr<TempDir> dir;
  int exit_code = -1;
  std::string log;
  std::string out;  // the output directory
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Script MakeReferences() {
  Script s;
  s.dir = std::make_unique<TempDir>();  // removed with the references when the run ends
  s.out = s.dir->File("refs");
  const std::string log = s.dir->File("script.log");
  const std::string cmd = std::string("/usr/bin/python3 '") + TIEGRAPH_SOURCE_DIR +
                          "/tests/reference/make_references.py' '" + s.out + "' >'" + log +
                          "' 2>&1";
  const int rc = std::system(cmd.c_str());
  s.exit_code = rc == -1 ? -1 : (WIFEXITED(rc) ? WEXITSTATUS(rc) : 128 + WTERMSIG(rc));
  s.log = ReadFile(log);
  return s;
}

// The script runs once per test-binary run; its output is shared by every test.
const Script& RunScript() {
  static const Script script = MakeReferences();
  return script;
}

// Fails the running test (never skips) when the script did not run cleanly.
const std::string& ReferenceDir() {
  const Script& s = RunScript();
  INFO("make_references.py exited with " << s.exit_code << ":\n" << s.log);
  REQUIRE(s.exit_code == 0);
  return s.out;
}

std::vector<std::string> GraphNames() {
  const json index = json::parse(ReadFile(ReferenceDir() + "/index.json"));
  return index["graphs"].get<std::vector<std::string>>();
}

// ---------------------------------------------------------------------------------------------
// Importing a reference graph and projecting it
// ---------------------------------------------------------------------------------------------

struct View {
  std::string graph, name;  // e.g. "karate", "undirected"
  json ref;
  Projection g;
  std::string Label() const { return graph + " (" + name + " view)"; }
};

std::vector<View> LoadViews(const std::string& graph) {
  const std::string dir = ReferenceDir() + "/" + graph;
  TempDir db;
  auto store = OpenStore(db.path());
  ImportReport report;
  ImportOptions options;
  options.allow_self_loops = true;  // the parallel graph's self-loop shows the projection drops it
  Status s =
      Import(store.get(), {{dir + "/institutions.csv"}, {dir + "/ties.csv"}}, options, &report);
  INFO(graph << ": " << s.ToString());
  REQUIRE(s.ok());
  const json ref = json::parse(ReadFile(dir + "/reference.json"));
  auto snap = store->Read();
  std::vector<View> views;
  for (const auto& [name, view_ref] : ref["views"].items()) {
    ProjectionOptions options;
    options.directed = view_ref["directed"].get<bool>();
    auto g = BuildProjection(*snap, options);
    INFO(graph << " " << name << ": " << g.status().ToString());
    REQUIRE(g.ok());
    views.push_back(View{graph, name, view_ref, std::move(*g)});
  }
  return views;
}

// Every view of every graph, imported once per run.
const std::vector<View>& AllViews() {
  static std::unique_ptr<std::vector<View>> all;
  if (all == nullptr) {  // a failed load (REQUIRE) leaves it empty, to fail again next time
    auto views = std::make_unique<std::vector<View>>();
    for (const std::string& graph : GraphNames()) {
      for (View& v : LoadViews(graph)) views->push_back(std::move(v));
    }
    all = std::move(views);
  }
  return *all;
}

// ---------------------------------------------------------------------------------------------
// Comparison helpers: mismatches are collected and reported together, one CHECK per measure
// ---------------------------------------------------------------------------------------------

double Num(const json& j) {
  return j.is_null() ? std::numeric_limits<double>::quiet_NaN() : j.get<double>();
}

bool Close(double got, double want, double rel, double abs) {
  if (std::isnan(want) || std::isnan(got)) return std::isnan(want) && std::isnan(got);
  const double d = std::fabs(got - want);
  return d <= abs || d <= rel * std::fabs(want);
}

std::string Fmt(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", x);
  return buf;
}

struct Mismatches {
  explicit Mismatches(std::string w) : what(std::move(w)) {}
  std::string what;
  size_t count = 0;
  std::string text;
  void Add(const std::string& line) {
    if (++count <= 12) text += "  " + line + "\n";
  }
  std::string Report() const {
    return what + ": " + std::to_string(count) + " mismatch(es)\n" + text +
           (count > 12 ? "  ...\n" : "");
  }
};

#define CHECK_NO_MISMATCH(m) \
  do {                       \
    INFO((m).Report());      \
    CHECK((m).count == 0);   \
  } while (0)

template <typename T>
Mismatches ComparePerNode(const View& v, const std::string& what, const std::vector<T>& got,
                          const json& want, double rel, double abs) {
  Mismatches m{v.Label() + " " + what};
  if (got.size() != v.g.node_count()) {
    m.Add("returned " + std::to_string(got.size()) + " values for " +
          std::to_string(v.g.node_count()) + " nodes");
    return m;
  }
  if (want.size() != v.g.node_count()) {
    m.Add("reference has " + std::to_string(want.size()) + " values");
  }
  for (uint32_t i = 0; i < got.size(); ++i) {
    const std::string& key = v.g.keys()[i];
    if (!want.contains(key)) {
      m.Add("node '" + key + "' is not in the reference");
      continue;
    }
    const double expected = Num(want[key]);
    const double actual = static_cast<double>(got[i]);
    if (!Close(actual, expected, rel, abs)) {
      m.Add(key + ": got " + Fmt(actual) + ", networkx " + Fmt(expected));
    }
  }
  return m;
}

template <typename T>
void CheckExact(const View& v, const std::string& what, const std::vector<T>& got,
                const json& want) {
  CHECK_NO_MISMATCH(ComparePerNode(v, what, got, want, kExactTol, kExactTol));
}

void CheckIterative(const View& v, const std::string& what, const std::vector<double>& got,
                    const json& want) {
  CHECK_NO_MISMATCH(ComparePerNode(v, what, got, want, kIterRel, kIterAbs));
}

void CheckScalar(const View& v, const std::string& what, double got, const json& want) {
  const double expected = Num(want);
  INFO(v.Label() << " " << what << ": got " << Fmt(got) << ", networkx " << Fmt(expected));
  CHECK(Close(got, expected, kExactTol, kExactTol));
}

template <typename T>
T Ok(Result<T> r, const std::string& what) {
  INFO(what << ": " << r.status().ToString());
  REQUIRE(r.ok());
  return std::move(r.value());
}

uint32_t IndexOf(const Projection& g, const std::string& key) {
  uint32_t i = 0;
  INFO("key '" << key << "' in the projection");
  REQUIRE(g.Find(key, &i));
  return i;
}

std::vector<uint32_t> Membership(const Projection& g, const json& by_key) {
  std::vector<uint32_t> c(g.node_count(), 0);
  for (uint32_t i = 0; i < g.node_count(); ++i) c[i] = by_key.at(g.keys()[i]).get<uint32_t>();
  return c;
}

// ---------------------------------------------------------------------------------------------
// Path helpers
// ---------------------------------------------------------------------------------------------

// The weight of the arc u -> v, or NaN when there is none.
double ArcWeight(const Projection& g, uint32_t u, uint32_t v) {
  for (uint64_t e = g.offsets()[u]; e < g.offsets()[u + 1]; ++e) {
    if (g.targets()[e] == v) return g.weights()[e];
  }
  return std::numeric_limits<double>::quiet_NaN();
}

// Empty when `p` is a simple path s -> t along arcs whose `length` is right; else why not.
std::string PathProblem(const Projection& g, const Path& p, uint32_t s, uint32_t t,
                        Distance distance) {
  if (p.nodes.empty()) return "empty path";
  if (p.nodes.front() != s || p.nodes.back() != t) return "wrong end points";
  std::set<uint32_t> seen(p.nodes.begin(), p.nodes.end());
  if (seen.size() != p.nodes.size()) return "repeats a node";
  double length = 0;
  for (size_t i = 0; i + 1 < p.nodes.size(); ++i) {
    const double w = ArcWeight(g, p.nodes[i], p.nodes[i + 1]);
    if (std::isnan(w)) return "no arc " + g.keys()[p.nodes[i]] + " -> " + g.keys()[p.nodes[i + 1]];
    length += distance == Distance::kHops ? 1.0 : 1.0 / w;
  }
  if (!Close(p.length, length, 1e-9, 1e-9)) {
    return "length " + Fmt(p.length) + " but its arcs sum to " + Fmt(length);
  }
  return {};
}

std::string PathText(const Projection& g, const Path& p) {
  std::string s;
  for (uint32_t v : p.nodes) s += (s.empty() ? "" : "-") + g.keys()[v];
  return s + " (" + Fmt(p.length) + ")";
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

TEST_CASE("reference script runs and every graph imports and projects as networkx sees it",
          "[reference]") {
  const auto& views = AllViews();
  REQUIRE(views.size() >= 9);
  for (const View& v : views) {
    INFO(v.Label());
    CHECK(v.g.directed() == v.ref["directed"].get<bool>());
    CHECK(v.g.node_count() == v.ref["n"].get<size_t>());
    CHECK(v.g.edge_count() == v.ref["edges"].get<size_t>());
    std::set<std::string> keys(v.g.keys().begin(), v.g.keys().end());
    std::set<std::string> want;
    for (const auto& [k, _] : v.ref["degree"].items()) want.insert(k);
    CHECK(keys == want);
  }
}

TEST_CASE("degree and strength match networkx", "[reference]") {
  for (const View& v : AllViews()) {
    CheckExact(v, "degree (raw)", DegreeCentrality(v.g, false), v.ref["degree"]);
    CheckExact(v, "degree centrality", DegreeCentrality(v.g, true), v.ref["degree_centrality"]);
    CheckExact(v, "strength", Strength(v.g), v.ref["strength"]);
  }
}

TEST_CASE("betweenness matches networkx", "[reference]") {
  for (const View& v : AllViews()) {
    const json& ref = v.ref["betweenness"];
    for (Distance d : {Distance::kHops, Distance::kInverseStrength}) {
      const std::string dn = d == Distance::kHops ? "hops" : "dist";
      for (bool normalized : {true, false}) {
        const json& want = ref[dn + (normalized ? "_normalized" : "_raw")];
        if (want.is_null()) continue;  // tie structure depends on rounding: not tested
        BetweennessOptions o;
        o.distance = d;
        o.normalized = normalized;
        const std::string what = "betweenness " + dn + (normalized ? " normalised" : " raw");
        const auto two = Ok(Betweenness(v.g, o), what);
        CheckExact(v, what, two, want);
        // Results must not depend on the number of threads.
        o.threads = 1;
        const auto one = Ok(Betweenness(v.g, o), what + " (1 thread)");
        CheckExact(v, what + " (1 thread)", one, want);
        // k = n samples without replacement use every source: the exact values.
        o.threads = 2;
        o.samples = v.g.node_count();
        CheckExact(v, what + " (samples = n)", Ok(Betweenness(v.g, o), what), want);
      }
    }
  }
}

TEST_CASE("closeness and harmonic centrality match networkx", "[reference]") {
  for (const View& v : AllViews()) {
    for (Distance d : {Distance::kHops, Distance::kInverseStrength}) {
      const std::string dn = d == Distance::kHops ? "hops" : "dist";
      CheckExact(v, "closeness " + dn, Ok(Closeness(v.g, d), "closeness"), v.ref["closeness"][dn]);
      CheckExact(v, "closeness " + dn + " (1 thread)", Ok(Closeness(v.g, d, 1), "closeness"),
                 v.ref["closeness"][dn]);
      CheckExact(v, "harmonic " + dn, Ok(Harmonic(v.g, d, false), "harmonic"),
                 v.ref["harmonic"][dn]);
      // Normalised harmonic: the same divided by n-1.
      json scaled = v.ref["harmonic"][dn];
      const double n1 = static_cast<double>(v.g.node_count() - 1);
      for (auto& [k, x] : scaled.items()) x = x.get<double>() / n1;
      CheckExact(v, "harmonic " + dn + " normalised", Ok(Harmonic(v.g, d, true), "harmonic"),
                 scaled);
    }
  }
}

TEST_CASE("PageRank matches networkx", "[reference]") {
  for (const View& v : AllViews()) {
    const json& ref = v.ref["pagerank"];
    PageRankOptions o;
    o.tolerance = kConverge;
    o.max_iterations = kMaxIterations;
    o.weighted = true;
    CheckIterative(v, "pagerank weighted", Ok(PageRank(v.g, o), "pagerank"), ref["weighted"]);
    o.weighted = false;
    CheckIterative(v, "pagerank unweighted", Ok(PageRank(v.g, o), "pagerank"), ref["unweighted"]);
    o.weighted = true;
    o.personalization.assign(v.g.node_count(), 0.0);
    o.personalization[IndexOf(v.g, ref["personalized_node"].get<std::string>())] = 1.0;
    CheckIterative(v, "pagerank personalised on " + ref["personalized_node"].get<std::string>(),
                   Ok(PageRank(v.g, o), "pagerank"), ref["personalized"]);
    // Any scale of the personalisation vector gives the same answer.
    for (double& p : o.personalization) p *= 7.5;
    CheckIterative(v, "pagerank personalised (scaled vector)", Ok(PageRank(v.g, o), "pagerank"),
                   ref["personalized"]);
  }
}

TEST_CASE("eigenvector and Katz centrality match networkx", "[reference]") {
  for (const View& v : AllViews()) {
    if (v.ref.contains("eigenvector")) {
      for (bool weighted : {true, false}) {
        const std::string wn = weighted ? "weighted" : "unweighted";
        CheckIterative(v, "eigenvector " + wn,
                       Ok(Eigenvector(v.g, weighted, kConverge, kMaxIterations), "eigenvector"),
                       v.ref["eigenvector"][wn]);
      }
    }
    for (bool weighted : {true, false}) {
      const std::string wn = weighted ? "weighted" : "unweighted";
      const json& k = v.ref["katz"][wn];
      CheckIterative(v, "katz " + wn + " alpha " + Fmt(k["alpha"].get<double>()),
                     Ok(Katz(v.g, k["alpha"].get<double>(), k["beta"].get<double>(), weighted,
                             kConverge, kMaxIterations),
                        "katz"),
                     k["values"]);
    }
  }
}

TEST_CASE("HITS on the directed view matches networkx", "[reference]") {
  size_t tested = 0;
  for (const View& v : AllViews()) {
    if (!v.ref.contains("hits")) continue;
    ++tested;
    std::vector<double> hubs, authorities;
    Status s = Hits(v.g, &hubs, &authorities, kConverge, kMaxIterations);
    INFO(s.ToString());
    REQUIRE(s.ok());
    // networkx 2.8's hits uses the weighted adjacency matrix (weight='weight').
    const auto mh = ComparePerNode(v, "hits hubs (weighted, nx default)", hubs,
                                   v.ref["hits"]["weighted"]["hubs"], kIterRel, kIterAbs);
    const auto ma = ComparePerNode(v, "hits authorities (weighted, nx default)", authorities,
                                   v.ref["hits"]["weighted"]["authorities"], kIterRel, kIterAbs);
    const auto uh = ComparePerNode(v, "hits hubs (unweighted)", hubs,
                                   v.ref["hits"]["unweighted"]["hubs"], kIterRel, kIterAbs);
    const auto ua = ComparePerNode(v, "hits authorities (unweighted)", authorities,
                                   v.ref["hits"]["unweighted"]["authorities"], kIterRel, kIterAbs);
    INFO("for comparison, against networkx on the unweighted graph: "
         << (uh.count + ua.count == 0 ? "all match" : uh.Report() + ua.Report()));
    CHECK_NO_MISMATCH(mh);
    CHECK_NO_MISMATCH(ma);
  }
  CHECK(tested > 0);
}

TEST_CASE("core numbers and whole-network structure match networkx", "[reference]") {
  for (const View& v : AllViews()) {
    CheckExact(v, "core number", CoreNumbers(v.g), v.ref["core_number"]);
    CheckExact(v, "triangles", Triangles(v.g), v.ref["triangles"]);
    CheckExact(v, "local clustering", LocalClustering(v.g), v.ref["clustering"]);
    CheckScalar(v, "average clustering", AverageClustering(v.g), v.ref["average_clustering"]);
    CheckScalar(v, "transitivity", Transitivity(v.g), v.ref["transitivity"]);
    CheckScalar(v, "density", Density(v.g), v.ref["density"]);
    if (v.ref.contains("assortativity")) {
      CheckScalar(v, "degree assortativity", DegreeAssortativity(v.g), v.ref["assortativity"]);
    }
  }
}

TEST_CASE("the clustering centrality metric is networkx's clustering", "[reference]") {
  for (const View& v : AllViews()) {
    CentralityRequest request;
    request.metric = CentralityMetric::kClustering;
    auto got = ComputeCentrality(v.g, request);
    INFO(v.Label() << ": " << got.status().ToString());
    REQUIRE(got.ok());
    CheckExact(v, "clustering metric", got->values, v.ref["clustering"]);
  }
}

TEST_CASE("cut structure, components and eccentricity match networkx", "[reference]") {
  for (const View& v : AllViews()) {
    INFO(v.Label());
    std::set<std::string> points;
    for (uint32_t i : ArticulationPoints(v.g)) points.insert(v.g.keys()[i]);
    const auto want_points = v.ref["articulation_points"].get<std::set<std::string>>();
    CHECK(points == want_points);

    std::set<std::pair<std::string, std::string>> bridges, want_bridges;
    const auto b = Bridges(v.g);
    for (const auto& [x, y] : b) {
      bridges.insert(std::minmax(v.g.keys()[x], v.g.keys()[y]));
    }
    CHECK(bridges.size() == b.size());  // each bridge once
    for (const auto& e : v.ref["bridges"]) {
      want_bridges.insert(std::minmax(e[0].get<std::string>(), e[1].get<std::string>()));
    }
    CHECK(bridges == want_bridges);

    std::vector<uint32_t> component;
    const uint32_t count = ConnectedComponents(v.g, &component);
    CHECK(count == v.ref["components"].size());
    std::set<std::set<std::string>> got, want;
    std::vector<std::set<std::string>> members(count);
    for (uint32_t i = 0; i < component.size(); ++i) {
      REQUIRE(component[i] < count);
      members[component[i]].insert(v.g.keys()[i]);
    }
    got.insert(members.begin(), members.end());
    for (const auto& c : v.ref["components"]) want.insert(c.get<std::set<std::string>>());
    CHECK(got == want);
    for (uint32_t c = 1; c < count; ++c) CHECK(members[c - 1].size() >= members[c].size());

    if (v.ref.contains("eccentricity")) {
      CheckExact(v, "eccentricity", Eccentricity(v.g), v.ref["eccentricity"]);
      CheckExact(v, "eccentricity (1 thread)", Eccentricity(v.g, 1), v.ref["eccentricity"]);
    }
  }
}

TEST_CASE("shortest paths, all shortest paths, k shortest and reachable sets match networkx",
          "[reference]") {
  for (const View& v : AllViews()) {
    const Projection& g = v.g;
    for (const json& p : v.ref["pairs"]) {
      const std::string sk = p["source"], tk = p["target"];
      const uint32_t s = IndexOf(g, sk), t = IndexOf(g, tk);
      INFO(v.Label() << " pair " << sk << " -> " << tk);
      if (p["hops"].is_null()) {
        for (Distance d : {Distance::kHops, Distance::kInverseStrength}) {
          auto r = ShortestPath(g, s, t, d);
          INFO(r.status().ToString());
          CHECK(r.status().IsNotFound());
          auto all = AllShortestPaths(g, s, t, d, 100);
          CHECK((!all.ok() || all->empty()));
        }
        continue;
      }
      for (Distance d : {Distance::kHops, Distance::kInverseStrength}) {
        const bool hops = d == Distance::kHops;
        const std::string dn = hops ? "hops" : "dist";
        INFO("distance " << dn);
        const double want_length = p[dn].get<double>();
        const Path path = Ok(ShortestPath(g, s, t, d), "shortest path");
        INFO("shortest path " << PathText(g, path));
        CHECK(PathProblem(g, path, s, t, d).empty());
        CHECK(Close(path.length, want_length, kExactTol, kExactTol));

        const auto all = Ok(AllShortestPaths(g, s, t, d, 100000), "all shortest paths");
        const json& want_count = p["count_" + dn];
        if (!want_count.is_null()) CHECK(all.size() == want_count.get<size_t>());
        for (const Path& q : all) {
          INFO("one of all shortest paths: " << PathText(g, q));
          CHECK(PathProblem(g, q, s, t, d).empty());
          CHECK(Close(q.length, want_length, kExactTol, kExactTol));
        }
        for (size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].nodes < all[i].nodes);
        // The one shortest path is the smallest in index order.
        if (!all.empty()) CHECK(path.nodes == all.front().nodes);
        // A limit keeps the first ones.
        if (all.size() > 1) {
          const auto two = Ok(AllShortestPaths(g, s, t, d, 2), "all shortest paths (limit 2)");
          REQUIRE(two.size() == 2);
          CHECK(two[0].nodes == all[0].nodes);
          CHECK(two[1].nodes == all[1].nodes);
        }

        const auto want_k = p["k_shortest_" + dn].get<std::vector<double>>();
        const auto ks = Ok(KShortestPaths(g, s, t, kShortest, d), "k shortest");
        REQUIRE(ks.size() == want_k.size());
        std::set<std::vector<uint32_t>> distinct;
        for (size_t i = 0; i < ks.size(); ++i) {
          INFO("k shortest #" << i << ": " << PathText(g, ks[i]) << ", networkx length "
                              << Fmt(want_k[i]));
          CHECK(PathProblem(g, ks[i], s, t, d).empty());
          CHECK(Close(ks[i].length, want_k[i], kExactTol, kExactTol));
          distinct.insert(ks[i].nodes);
        }
        CHECK(distinct.size() == ks.size());
      }
    }
    for (const json& r : v.ref["reachable"]) {
      const std::string sk = r["source"];
      const uint32_t hops = r["hops"];
      INFO(v.Label() << " reachable from " << sk << " within " << hops);
      std::map<std::string, uint32_t> got, want;
      for (const auto& [node, d] : ReachableWithin(v.g, IndexOf(v.g, sk), hops)) {
        CHECK(got.emplace(v.g.keys()[node], d).second);
      }
      for (const auto& [k, d] : r["nodes"].items()) want[k] = d.get<uint32_t>();
      CHECK(got == want);
    }
  }
}

TEST_CASE("modularity of given partitions matches networkx", "[reference]") {
  for (const View& v : AllViews()) {
    if (!v.ref.contains("attribute_partition")) continue;
    const json& a = v.ref["attribute_partition"];
    const auto c = Membership(v.g, a["community"]);
    const std::string what =
        "modularity of the '" + a["attribute"].get<std::string>() + "' partition";
    CheckScalar(v, what + " weighted", Modularity(v.g, c, 1.0, true), a["modularity_weighted"]);
    CheckScalar(v, what + " unweighted", Modularity(v.g, c, 1.0, false),
                a["modularity_unweighted"]);
    // And of igraph's Louvain partitions, as igraph scores them.
    for (bool weighted : {true, false}) {
      const json& l = v.ref["louvain"][weighted ? "weighted" : "unweighted"];
      if (l.is_null()) continue;
      CheckScalar(v,
                  std::string("modularity of igraph's Louvain partition ") +
                      (weighted ? "weighted" : "unweighted"),
                  Modularity(v.g, Membership(v.g, l["community"]), 1.0, weighted),
                  l["igraph_modularity"]);
    }
  }
}

// Checks the stable numbering: ids 0..count-1 all used, sizes non-increasing, equal sizes
// ordered by smallest member index; i.e. CanonicalCommunities leaves it unchanged.
void CheckCanonical(const View& v, const Partition& p) {
  INFO(v.Label() << " partition numbering");
  REQUIRE(p.community.size() == v.g.node_count());
  std::vector<size_t> size(p.count, 0);
  std::vector<uint32_t> first(p.count, UINT32_MAX);
  for (uint32_t i = 0; i < p.community.size(); ++i) {
    REQUIRE(p.community[i] < p.count);
    ++size[p.community[i]];
    first[p.community[i]] = std::min(first[p.community[i]], i);
  }
  for (uint32_t c = 0; c < p.count; ++c) CHECK(size[c] > 0);
  for (uint32_t c = 1; c < p.count; ++c) {
    CHECK((size[c - 1] > size[c] || (size[c - 1] == size[c] && first[c - 1] < first[c])));
  }
  if (p.count > 0) CHECK(size[0] == *std::max_element(size.begin(), size.end()));
  std::vector<uint32_t> copy = p.community;
  CHECK(CanonicalCommunities(&copy) == p.count);
  CHECK(copy == p.community);
}

// Louvain depends on the visiting order, so one run of igraph is a random draw (Les Miserables
// unweighted: 0.5488 .. 0.5600 over 200 seeds). The default-seed run must reach igraph's worst
// over 200 seeds ("floor"), and the best of seeds 42, 1..10 must reach igraph's median. Other
// single seeds may land in a poorer local optimum that igraph happened never to hit (C12 cut
// into blocks 4,2,4,2: Q = 0.3889, a true Louvain fixed point), so they are only checked for
// honesty and numbering. Falling short of igraph's own seed-42 run is reported (WARN), not failed.
TEST_CASE("Louvain reaches igraph's modularity, reports it honestly and is deterministic",
          "[reference]") {
  for (const View& v : AllViews()) {
    if (!v.ref.contains("louvain")) continue;
    for (bool weighted : {true, false}) {
      const json& l = v.ref["louvain"][weighted ? "weighted" : "unweighted"];
      if (l.is_null()) continue;
      const double seeded = l["igraph_modularity"].get<double>();
      const double floor = l["floor"].get<double>(), median = l["median"].get<double>();
      CommunityOptions o;
      o.weighted = weighted;
      o.seed = 42;
      const Partition p = Ok(Louvain(v.g, o), "louvain");
      INFO(v.Label() << (weighted ? " weighted" : " unweighted")
                     << " Louvain (seed 42): modularity " << Fmt(p.modularity) << ", " << p.count
                     << " communities; igraph over " << l["seeds"].get<int>() << " seeds: worst "
                     << Fmt(floor) << ", median " << Fmt(median) << ", best "
                     << Fmt(l["max"].get<double>()) << "; igraph seed 42: " << Fmt(seeded));
      CheckCanonical(v, p);
      const double independent = Modularity(v.g, p.community, 1.0, weighted);
      INFO("Modularity() of the returned partition: " << Fmt(independent));
      CHECK(std::fabs(p.modularity - independent) <= 1e-9);
      CHECK(p.modularity >= floor - 1e-9);
      if (p.modularity < seeded - 1e-9) {
        WARN(v.Label() << (weighted ? " weighted" : " unweighted") << ": Louvain seed 42 gives "
                       << Fmt(p.modularity) << ", below igraph's seed-42 run " << Fmt(seeded));
      }
      // Same seed, same partition.
      const Partition again = Ok(Louvain(v.g, o), "louvain again");
      CHECK(again.community == p.community);
      CHECK(again.count == p.count);
      CHECK(again.modularity == p.modularity);
      // Other seeds: each honest and canonical; the best reaches igraph's median.
      double best = p.modularity;
      for (uint64_t seed = 1; seed <= 10; ++seed) {
        o.seed = seed;
        const Partition other = Ok(Louvain(v.g, o), "louvain seed " + std::to_string(seed));
        INFO("seed " << seed << ": modularity " << Fmt(other.modularity));
        CheckCanonical(v, other);
        CHECK(std::fabs(other.modularity - Modularity(v.g, other.community, 1.0, weighted)) <=
              1e-9);
        best = std::max(best, other.modularity);
      }
      INFO("best over seeds 42, 1..10: " << Fmt(best));
      CHECK(best >= median - 1e-9);
    }
  }
}

// Every community of `p` induces a connected subgraph (Leiden's guarantee).
void CheckConnectedCommunities(const View& v, const Partition& p) {
  const Projection& g = v.g;
  std::vector<uint32_t> seen_from(p.count, UINT32_MAX);  // the first member reached
  std::vector<bool> reached(g.node_count(), false);
  Mismatches m(v.Label() + " communities that are not connected");
  for (uint32_t s = 0; s < g.node_count(); ++s) {
    const uint32_t c = p.community[s];
    if (reached[s]) continue;
    if (seen_from[c] != UINT32_MAX) {
      m.Add("community " + std::to_string(c) + ": " + g.keys()[s] + " is not connected to " +
            g.keys()[seen_from[c]] + " inside it");
      continue;
    }
    seen_from[c] = s;
    std::vector<uint32_t> stack = {s};
    reached[s] = true;
    while (!stack.empty()) {
      const uint32_t u = stack.back();
      stack.pop_back();
      for (uint64_t e = g.offsets()[u]; e < g.offsets()[u + 1]; ++e) {
        const uint32_t w = g.targets()[e];
        if (!reached[w] && p.community[w] == c) {
          reached[w] = true;
          stack.push_back(w);
        }
      }
    }
  }
  CHECK_NO_MISMATCH(m);
}

// Leiden, with the same rules as Louvain against igraph's Leiden; its communities must also be
// connected. CPM runs are checked for honesty, numbering and connectivity only.
TEST_CASE("Leiden reaches igraph's modularity and gives connected communities", "[reference]") {
  for (const View& v : AllViews()) {
    if (!v.ref.contains("louvain")) continue;
    for (bool weighted : {true, false}) {
      const json& l = v.ref["louvain"][weighted ? "weighted" : "unweighted"];
      if (l.is_null()) continue;
      const double floor = l["leiden"]["floor"].get<double>();
      const double median = l["leiden"]["median"].get<double>();
      CommunityOptions o;
      o.weighted = weighted;
      o.seed = 42;
      const Partition p = Ok(Leiden(v.g, o), "leiden");
      INFO(v.Label() << (weighted ? " weighted" : " unweighted") << " Leiden (seed 42): modularity "
                     << Fmt(p.modularity) << ", " << p.count << " communities; igraph Leiden over "
                     << l["seeds"].get<int>() << " seeds: worst " << Fmt(floor) << ", median "
                     << Fmt(median) << ", best " << Fmt(l["leiden"]["max"].get<double>()));
      CheckCanonical(v, p);
      CheckConnectedCommunities(v, p);
      CHECK(std::fabs(p.modularity - Modularity(v.g, p.community, 1.0, weighted)) <= 1e-9);
      CHECK(p.modularity >= floor - 1e-9);
      const Partition again = Ok(Leiden(v.g, o), "leiden again");
      CHECK(again.community == p.community);
      double best = p.modularity;
      for (uint64_t seed = 1; seed <= 10; ++seed) {
        o.seed = seed;
        const Partition other = Ok(Leiden(v.g, o), "leiden seed " + std::to_string(seed));
        INFO("seed " << seed << ": modularity " << Fmt(other.modularity));
        CheckCanonical(v, other);
        CheckConnectedCommunities(v, other);
        CHECK(std::fabs(other.modularity - Modularity(v.g, other.community, 1.0, weighted)) <=
              1e-9);
        best = std::max(best, other.modularity);
      }
      INFO("best over seeds 42, 1..10: " << Fmt(best));
      CHECK(best >= median - 1e-9);

      // CPM: Partition.modularity is still Newman's modularity (at resolution 1).
      o.seed = 42;
      o.quality = Quality::kCpm;
      o.resolution = 0.1;
      const Partition cpm = Ok(Leiden(v.g, o), "leiden cpm");
      INFO("CPM (resolution 0.1): " << cpm.count << " communities, modularity "
                                    << Fmt(cpm.modularity));
      CheckCanonical(v, cpm);
      CheckConnectedCommunities(v, cpm);
      CHECK(std::fabs(cpm.modularity - Modularity(v.g, cpm.community, 1.0, weighted)) <= 1e-9);
    }
  }
}

TEST_CASE("label propagation: a stable labelling, honest modularity, deterministic",
          "[reference]") {
  for (const View& v : AllViews()) {
    if (v.g.directed()) continue;
    for (bool weighted : {true, false}) {
      CommunityOptions o;
      o.weighted = weighted;
      const Partition p = Ok(LabelPropagation(v.g, o), "label propagation");
      INFO(v.Label() << (weighted ? " weighted" : " unweighted") << " label propagation, "
                     << p.count << " communities");
      CheckCanonical(v, p);
      CHECK(std::fabs(p.modularity - Modularity(v.g, p.community, 1.0, weighted)) <= 1e-9);
      const Partition again = Ok(LabelPropagation(v.g, o), "label propagation again");
      CHECK(again.community == p.community);
      // Converged (Raghavan et al.): every node's label is among the heaviest of its
      // neighbors' labels.
      Mismatches m{v.Label() + " label propagation convergence"};
      for (uint32_t i = 0; i < v.g.node_count(); ++i) {
        if (v.g.degree(i) == 0) continue;
        std::map<uint32_t, double> weight;
        for (uint64_t e = v.g.offsets()[i]; e < v.g.offsets()[i + 1]; ++e) {
          weight[p.community[v.g.targets()[e]]] += weighted ? v.g.weights()[e] : 1.0;
        }
        double best = 0;
        for (const auto& [c, w] : weight) best = std::max(best, w);
        if (weight[p.community[i]] < best - 1e-12) {
          m.Add(v.g.keys()[i] + " keeps a label of weight " + Fmt(weight[p.community[i]]) +
                " while its heaviest neighboring label has " + Fmt(best));
        }
      }
      CHECK_NO_MISMATCH(m);
    }
  }
}

TEST_CASE("CanonicalCommunities numbers by size, then by smallest member", "[reference]") {
  std::vector<uint32_t> c = {5, 5, 2, 2, 2, 7, 9, 7, 11};
  // Sizes: 2 -> 3 (first at 2), 5 -> 2 (first 0), 7 -> 2 (first 5), 9 -> 1 (6), 11 -> 1 (8).
  CHECK(CanonicalCommunities(&c) == 5);
  CHECK(c == std::vector<uint32_t>{1, 1, 0, 0, 0, 2, 3, 2, 4});
  std::vector<uint32_t> empty;
  CHECK(CanonicalCommunities(&empty) == 0);
}

// A path a-b-c and an isolated d, computed by hand.
TEST_CASE("hand-computed path a-b-c plus isolated d", "[reference]") {
  TempDir dir;
  const std::string inst = dir.Write("inst.csv", "key,name\na,A\nb,B\nc,C\nd,D\n");
  const std::string ties = dir.Write("ties.csv", "source,target,strength\na,b,1\nb,c,2\n");
  TempDir db;
  auto store = OpenStore(db.path());
  ImportReport report;
  Status s = Import(store.get(), {{inst}, {ties}}, ImportOptions{}, &report);
  INFO(s.ToString());
  REQUIRE(s.ok());
  auto snap = store->Read();
  auto built = BuildProjection(*snap, ProjectionOptions{});
  REQUIRE(built.ok());
  const Projection& g = *built;
  REQUIRE(g.node_count() == 4);
  std::map<std::string, uint32_t> at;
  for (uint32_t i = 0; i < 4; ++i) at[g.keys()[i]] = i;
  const uint32_t a = at.at("a"), b = at.at("b"), c = at.at("c"), d = at.at("d");

  BetweennessOptions bo;
  bo.normalized = false;
  auto raw = Ok(Betweenness(g, bo), "betweenness");
  CHECK(raw[b] == Approx(1.0));  // the one pair (a, c)
  CHECK(raw[a] == Approx(0.0).margin(1e-12));
  CHECK(raw[c] == Approx(0.0).margin(1e-12));
  CHECK(raw[d] == Approx(0.0).margin(1e-12));
  bo.normalized = true;
  auto norm = Ok(Betweenness(g, bo), "betweenness");
  CHECK(norm[b] == Approx(1.0 / 3.0));  // 1 / ((n-1)(n-2)/2), n = 4
  bo.distance = Distance::kInverseStrength;
  CHECK(Ok(Betweenness(g, bo), "betweenness")[b] == Approx(1.0 / 3.0));

  auto close = Ok(Closeness(g, Distance::kHops), "closeness");
  CHECK(close[b] == Approx(2.0 / 3.0));          // (2/2) * (2/3)
  CHECK(close[a] == Approx(4.0 / 9.0));          // (2/3) * (2/3)
  CHECK(close[d] == Approx(0.0).margin(1e-12));  // isolated
  auto closew = Ok(Closeness(g, Distance::kInverseStrength), "closeness");
  CHECK(closew[b] == Approx((2.0 / 1.5) * (2.0 / 3.0)));  // distances 1 and 0.5
  auto harm = Ok(Harmonic(g, Distance::kHops, false), "harmonic");
  CHECK(harm[a] == Approx(1.5));
  CHECK(harm[b] == Approx(2.0));
  CHECK(harm[d] == Approx(0.0).margin(1e-12));

  auto degree = DegreeCentrality(g, true);
  CHECK(degree[b] == Approx(2.0 / 3.0));
  CHECK(Strength(g)[b] == Approx(3.0));
  CHECK(Density(g) == Approx(2.0 / 6.0));
  CHECK(Transitivity(g) == Approx(0.0).margin(1e-12));
  CHECK(AverageClustering(g) == Approx(0.0).margin(1e-12));
  CHECK(CoreNumbers(g) == std::vector<uint32_t>{1, 1, 1, 0});  // a b c d in storage order
  CHECK(std::vector<std::string>(g.keys().begin(), g.keys().end()) ==
        std::vector<std::string>{"a", "b", "c", "d"});

  auto ecc = Eccentricity(g);
  CHECK(ecc[a] == 2);
  CHECK(ecc[b] == 1);
  CHECK(ecc[c] == 2);
  CHECK(ecc[d] == 0);
  CHECK(ArticulationPoints(g) == std::vector<uint32_t>{b});
  CHECK(Bridges(g).size() == 2);

  std::vector<uint32_t> comp;
  CHECK(ConnectedComponents(g, &comp) == 2);
  CHECK(comp == std::vector<uint32_t>{0, 0, 0, 1});

  auto p = Ok(ShortestPath(g, a, c, Distance::kInverseStrength), "path");
  CHECK(p.nodes == std::vector<uint32_t>{a, b, c});
  CHECK(p.length == Approx(1.5));
  CHECK(ShortestPath(g, a, d, Distance::kHops).status().IsNotFound());
}

// ---------------------------------------------------------------------------------------------
// Partnership-gap measures
// ---------------------------------------------------------------------------------------------

// Groups numbered by the reference's group labels, with their names.
std::vector<uint32_t> GroupsOf(const View& v, std::vector<std::string>* names) {
  std::vector<uint32_t> group(v.g.node_count());
  std::map<std::string, uint32_t> id;
  for (uint32_t i = 0; i < v.g.node_count(); ++i) {
    const std::string label = v.ref["mixing"]["group"].at(v.g.keys()[i]).get<std::string>();
    auto [it, added] = id.emplace(label, static_cast<uint32_t>(names->size()));
    if (added) names->push_back(label);
    group[i] = it->second;
  }
  return group;
}

TEST_CASE("constraint, effective size, efficiency and hierarchy match networkx", "[reference]") {
  for (const View& v : AllViews()) {
    for (bool weighted : {true, false}) {
      const std::string wn = weighted ? "weighted" : "unweighted";
      const json& ref = v.ref["structural_holes"][wn];
      for (int threads : {1, 2}) {
        const StructuralHoles h = BurtMeasures(v.g, weighted, threads);
        CheckExact(v, "constraint " + wn, h.constraint, ref["constraint"]);
        CheckExact(v, "effective size " + wn, h.effective_size, ref["effective_size"]);
        CheckExact(v, "efficiency " + wn, h.efficiency, ref["efficiency"]);
        CheckExact(v, "hierarchy " + wn, h.hierarchy, ref["hierarchy"]);
      }
    }
  }
}

TEST_CASE("mixing matrix, E-I and attribute assortativity match networkx", "[reference]") {
  for (const View& v : AllViews()) {
    std::vector<std::string> names;
    const std::vector<uint32_t> group = GroupsOf(v, &names);
    auto m = Ok(MixingByGroup(v.g, group, static_cast<uint32_t>(names.size()), false), "mixing");
    CheckScalar(v, "attribute assortativity", m.assortativity, v.ref["mixing"]["assortativity"]);
    CheckScalar(v, "E-I", m.ei, v.ref["mixing"]["ei"]);
    // networkx counts arcs: an undirected edge both ways, so its diagonal holds each tie twice.
    const size_t k = names.size();
    Mismatches mm{v.Label() + " mixing matrix"};
    for (size_t x = 0; x < k; ++x) {
      for (size_t y = 0; y < k; ++y) {
        const json& arcs = v.ref["mixing"]["arcs"];
        const double want = arcs.contains(names[x]) && arcs[names[x]].contains(names[y])
                                ? arcs[names[x]][names[y]].get<double>()
                                : 0.0;
        const double got = m.observed[x * k + y] * (!v.g.directed() && x == y ? 2 : 1);
        if (got != want)
          mm.Add(names[x] + "-" + names[y] + ": got " + Fmt(got) + ", networkx " + Fmt(want));
      }
    }
    CHECK_NO_MISMATCH(mm);
    // Expected counts keep the totals: every row of expected sums as the observed row does.
    for (size_t x = 0; x < k && v.g.directed(); ++x) {
      double o = 0, e = 0;
      for (size_t y = 0; y < k; ++y) o += m.observed[x * k + y], e += m.expected[x * k + y];
      CHECK(e == Approx(o));
    }
  }
}

TEST_CASE("link-prediction scores match networkx and Katz matches a matrix inverse",
          "[reference]") {
  for (const View& v : AllViews()) {
    if (v.g.directed()) continue;
    Mismatches m{v.Label() + " link prediction"};
    const LinkScore scores[] = {LinkScore::kCommonNeighbors, LinkScore::kJaccard,
                                LinkScore::kAdamicAdar, LinkScore::kResourceAllocation,
                                LinkScore::kPreferentialAttachment};
    for (const json& row : v.ref["link_prediction"]) {
      const uint32_t x = IndexOf(v.g, row[0].get<std::string>());
      const uint32_t y = IndexOf(v.g, row[1].get<std::string>());
      for (int s = 0; s < 5; ++s) {
        const double want = Num(row[2 + s]);
        const double got = Ok(PairScore(v.g, x, y, scores[s]), "pair score");
        if (!Close(got, want, kExactTol, kExactTol)) {
          m.Add(std::string(LinkScoreName(scores[s])) + " " + v.g.keys()[x] + "-" + v.g.keys()[y] +
                ": got " + Fmt(got) + ", networkx " + Fmt(want));
        }
        // SuggestLinks ranks by the same score: each of its values must be the pair's score.
      }
    }
    CHECK_NO_MISMATCH(m);
    for (LinkScore s : scores) {
      const json& first = v.ref["link_prediction"];
      if (first.empty()) continue;
      const uint32_t source = IndexOf(v.g, first[0][0].get<std::string>());
      SuggestOptions o;
      o.score = s;
      o.top = 1000;
      for (const LinkSuggestion& got : Ok(SuggestLinks(v.g, source, o), "suggest")) {
        CHECK(got.score == Approx(Ok(PairScore(v.g, source, got.node, s), "pair")));
        CHECK(got.score > 0);
      }
    }
    if (!v.ref.contains("katz_link")) continue;
    const json& katz = v.ref["katz_link"];
    SuggestOptions o;
    o.score = LinkScore::kKatz;
    o.top = v.g.node_count();
    o.katz_beta = katz["beta"].get<double>();
    const uint32_t source = IndexOf(v.g, katz["source"].get<std::string>());
    Mismatches km{v.Label() + " Katz link scores"};
    for (const LinkSuggestion& got : Ok(SuggestLinks(v.g, source, o), "katz")) {
      const double want = Num(katz["scores"][v.g.keys()[got.node]]);
      if (!Close(got.score, want, kIterRel, kIterAbs))
        km.Add(v.g.keys()[got.node] + ": got " + Fmt(got.score) + ", numpy " + Fmt(want));
    }
    CHECK_NO_MISMATCH(km);
  }
}

// Continuous core-periphery: scipy's best correlation over several starts (a lower bound of
// the maximum, see make_references.py) is matched or beaten, and the rho reported is the
// correlation of the coreness reported, recomputed here pair by pair.
TEST_CASE("continuous core-periphery reaches the correlation scipy finds",
          "[reference][core-periphery]") {
  int checked = 0;
  for (const View& v : AllViews()) {
    if (!v.ref.contains("continuous_core") || v.ref["continuous_core"]["rho"].is_null()) continue;
    ++checked;
    INFO(v.Label());
    auto fit = ContinuousCoreness(v.g);
    REQUIRE(fit.ok());
    const size_t n = v.g.node_count();
    std::vector<std::vector<char>> adj(n, std::vector<char>(n, 0));
    for (uint32_t i = 0; i < n; ++i) {
      for (uint64_t e = v.g.offsets()[i]; e < v.g.offsets()[i + 1]; ++e)
        adj[i][v.g.targets()[e]] = 1;
    }
    double sa = 0, sx = 0, saa = 0, sxx = 0, sax = 0, pairs = 0;
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        const double a = adj[i][j], x = fit->coreness[i] * fit->coreness[j];
        sa += a, sx += x, saa += a * a, sxx += x * x, sax += a * x, pairs += 1;
      }
    }
    const double rho = (sax / pairs - sa / pairs * sx / pairs) /
                       std::sqrt((saa / pairs - sa * sa / pairs / pairs) *
                                 (sxx / pairs - sx * sx / pairs / pairs));
    CHECK(fit->rho == Approx(rho).margin(1e-9));
    const double scipy = v.ref["continuous_core"]["rho"].get<double>();
    INFO("tiegraph rho " << fit->rho << ", scipy " << scipy);
    CHECK(fit->rho >= scipy - 1e-3);
    double largest = 0;
    for (double c : fit->coreness) {
      CHECK(c >= 0);
      largest = std::max(largest, c);
    }
    CHECK(largest == Approx(1));
  }
  CHECK(checked >= 9);  // every undirected view of the reference graphs
}

}  // namespace
}  // namespace tiegraph
