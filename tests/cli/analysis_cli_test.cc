// End-to-end tests of the analysis commands of the `tiegraph` binary (centrality, path,
// communities, components, reach, spanning-forest, cut-points, structure) and of the projection
// filters they share. Expected values come from networkx 2.8, run in /usr/bin/python3 on the
// seed JSON (examples/seed-network.json), never from the library.
//
// The convention the Python side builds, after docs/ALGORITHMS.md: every institution is a node;
// every tie except part_of joins its two ends undirected; self-loops are dropped; parallel ties
// become one edge whose weight is their count (the summed strength: every seed strength is 1).
// Tie types are renamed as the vocabulary's aliases say (docs/DATA_MODEL.md: council_membership ->
// membership, investment_intention_agreement -> investment_intent, tenancy_colocation ->
// tenancy; the others are canonical already). A tie's `date` "YYYY[-MM[-DD]]" is its start,
// "<=DATE" its end, "A/B" both; a date covers its whole period (2024-06 runs from June 1 to the end
// of June); other text gives no dates, and an unknown date is open. Distances are hops; PageRank
// and modularity use the weights.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "test_util.h"

namespace tiegraph::test {
namespace {

using Catch::Matchers::Contains;
using nlohmann::json;

// Computes the expectations with networkx. `mode` "expect" prints everything that does not
// depend on the CLI's output; "modularity FILE" prints the modularity of each partition in FILE
// ({"name": [[key, ...], ...]}).
constexpr const char* kNetworkxScript = R"PY(import itertools, json, re, sys
import networkx as nx

seed = json.load(open(sys.argv[1]))
mode = sys.argv[2]
RENAME = {"council_membership": "membership",
          "investment_intention_agreement": "investment_intent", "tenancy_colocation": "tenancy"}

def tie_type(t):
    return RENAME.get(t, t)

def period(s):
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s.strip())
    if not m:
        return None
    y = int(m[1])
    if m[3]:
        d = (y, int(m[2]), int(m[3]))
        return d, d
    if m[2]:
        return (y, int(m[2]), 1), (y, int(m[2]), 31)
    return (y, 1, 1), (y, 12, 31)

def dates(d):
    if not d:
        return None, None
    if d.startswith("<="):
        return None, period(d[2:])
    if "/" in d:
        a, b = d.split("/", 1)
        return period(a), period(b)
    return period(d), None

def graph(sector=None, status=None, confidence=None, ttype=None, as_of=None, part_of=False):
    g = nx.Graph()
    for i in seed["institutions"]:
        if sector is None or i["sector"] == sector:
            g.add_node(i["id"])
    for t in seed["ties"]:
        ty = tie_type(t["type"])
        if ty == "part_of" and not part_of:
            continue
        if ttype is not None and ty != ttype:
            continue
        if status is not None and t["status"] != status:
            continue
        if confidence is not None and t["confidence"] != confidence:
            continue
        if as_of is not None:
            since, until = dates(t.get("date"))
            if since is not None and since[0] > as_of:
                continue
            if until is not None and until[1] < as_of:
                continue
        a, b = t["source"], t["target"]
        if a == b or a not in g or b not in g:
            continue
        w = g[a][b]["weight"] + 1 if g.has_edge(a, b) else 1
        g.add_edge(a, b, weight=w)
    return g

out = {}
if mode == "modularity":
    g = graph()
    parts = json.load(open(sys.argv[3]))
    out = {name: nx.community.modularity(g, [set(c) for c in p], weight="weight")
           for name, p in parts.items()}
    print(json.dumps(out))
    sys.exit(0)

g = graph()
out["nodes"] = sorted(g.nodes)
out["edges"] = sorted(sorted(e) for e in g.edges)
out["betweenness"] = nx.betweenness_centrality(g)
out["closeness"] = nx.closeness_centrality(g)
out["pagerank"] = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
configs = {
    "default": {}, "status realized": {"status": "realized"},
    "confidence stated": {"confidence": "stated"}, "type membership": {"ttype": "membership"},
    "sector government": {"sector": "government"}, "as-of 2024-06-01": {"as_of": (2024, 6, 1)},
    "include-part-of": {"part_of": True},
}
out["filters"] = {}
for name, kw in configs.items():
    h = graph(**kw)
    out["filters"][name] = {
        "degree": dict(h.degree()),
        "components": sorted((len(c) for c in nx.connected_components(h)), reverse=True),
        "members": sorted(sorted(c) for c in nx.connected_components(h))}
# Pairs in the largest component: the most shortest paths (then the farthest apart) for
# --all; the farthest apart with at least 3 simple paths for the length and --k 3.
comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
most = far = None
for u, v in itertools.combinations(comps[0], 2):
    d = nx.shortest_path_length(g, u, v)
    n = len(list(nx.all_shortest_paths(g, u, v)))
    if n <= 50 and (most is None or (n, d) > most[0]):
        most = ((n, d), u, v)
    if (far is None or d > far[0]) and len(list(itertools.islice(nx.shortest_simple_paths(g, u, v), 3))) == 3:
        far = (d, u, v)
u, v = far[1], far[2]
a, b = most[1], most[2]
out["path"] = {
    "from": u, "to": v, "hops": nx.shortest_path_length(g, u, v),
    "k3": [len(p) - 1 for p in itertools.islice(nx.shortest_simple_paths(g, u, v), 3)],
    "all_from": a, "all_to": b, "all": sorted(nx.all_shortest_paths(g, a, b)),
    "apart": [comps[0][0], comps[1][0]]}
out["articulation"] = sorted(nx.articulation_points(g))
out["bridges"] = sorted(sorted(e) for e in nx.bridges(g))
out["structure"] = {
    "institutions": g.number_of_nodes(), "ties used": sum(d["weight"] for _, _, d in g.edges(data=True)),
    "connected pairs": g.number_of_edges(),
    "density": nx.density(g), "transitivity": nx.transitivity(g),
    "average clustering": nx.average_clustering(g),
    "degree assortativity": nx.degree_assortativity_coefficient(g),
    "components": nx.number_connected_components(g),
    "triangles": sum(nx.triangles(g).values()) // 3,
    "diameter": max(nx.diameter(g.subgraph(c)) for c in comps)}
out["reach_ktl_2"] = {k: d for k, d in nx.single_source_shortest_path_length(g, "ktl", cutoff=2).items() if k != "ktl"}
out["louvain_best"] = max(
    nx.community.modularity(g, nx.community.louvain_communities(g, weight="weight", seed=s), weight="weight")
    for s in range(10))
out["forest_weight"] = nx.maximum_spanning_tree(g).size(weight="weight")
out["hospitals"] = sorted(i["id"] for i in seed["institutions"] if i["sector"] == "hospital")
# Gaps. Sectors as the import maps them: the seed's place, council and mixed have no sector.
SECTORS = {"government", "public-agency", "industry", "support-org", "research", "academia",
           "hospital"}
sec = {i["id"]: (i["sector"] if i["sector"] in SECTORS else "none") for i in seed["institutions"]}
nx.set_node_attributes(g, sec, "sector")
external = sum(1 for a, b in g.edges if sec[a] != sec[b])
out["mixing"] = {"assortativity": nx.attribute_assortativity_coefficient(g, "sector"),
                 "ei": (2 * external - g.number_of_edges()) / g.number_of_edges()}
out["constraint"] = {v: c for v, c in nx.constraint(g, weight="weight").items() if g.degree(v)}
out["effective_size"] = {v: c for v, c in nx.effective_size(g, weight="weight").items() if g.degree(v)}
# The part_of hierarchy (parent fields and part_of ties, child -> parent): an institution's
# parts and parents, at any depth, are not partners to suggest unless asked.
up = {}
for i in seed["institutions"]:
    if i.get("parent"):
        up.setdefault(i["id"], set()).add(i["parent"])
for t in seed["ties"]:
    if t["type"] == "part_of":
        up.setdefault(t["source"], set()).add(t["target"])
def ancestors(x):
    seen, todo = set(), [x]
    while todo:
        for p in up.get(todo.pop(), ()):
            if p not in seen:
                seen.add(p)
                todo.append(p)
    return seen
own = ancestors("jbnu") | {v for v in g if "jbnu" in ancestors(v)}
out["own_units_jbnu"] = sorted(own)
cands = [("jbnu", v) for v in g if v != "jbnu" and not g.has_edge("jbnu", v) and sec[v] != sec["jbnu"]]
ra = [[v, s] for _, v, s in nx.resource_allocation_index(g, cands) if s > 0]
out["suggest_jbnu_all"] = sorted(ra, key=lambda x: (-x[1], x[0]))[:5]
out["suggest_jbnu"] = sorted((x for x in ra if x[0] not in own), key=lambda x: (-x[1], x[0]))[:5]
out["related_pairs"] = sorted(sorted([a, p]) for a in g for p in ancestors(a) if p in g)
print(json.dumps(out))
)PY";

// Runs the networkx script with `args` after the seed path; returns its JSON output.
json RunNetworkx(const std::vector<std::string>& args) {
  TempDir dir;
  const std::string script = dir.Write("expect.py", kNetworkxScript);
  std::string cmd = "/usr/bin/python3 '" + script + "' '" + SamplePath() + "'";
  for (const auto& a : args) cmd += " '" + a + "'";
  cmd += " 2>'" + dir.File("stderr") + "'";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[65536];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  const int status = ::pclose(pipe);
  std::string err;
  if (FILE* f = std::fopen(dir.File("stderr").c_str(), "r")) {
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) err.append(buf, n);
    std::fclose(f);
  }
  INFO(cmd << "\nstderr: " << err);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  json j = json::parse(out, nullptr, /*allow_exceptions=*/false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

// The expectations that do not depend on the CLI, computed once per run of the test binary.
const json& Expected() {
  static const json expected = RunNetworkx({"expect"});
  return expected;
}

// The rows of the table named `name` (RunJson's output: rows keyed by table name).
json TableOf(const json& output, const std::string& name) {
  INFO("no table '" << name << "' in " << output.dump());
  REQUIRE(output.contains(name));
  REQUIRE(output.at(name).is_array());
  return output.at(name);
}

// Runs the CLI expecting exit code 1, nothing on stdout and `message` on stderr.
CliResult RunFails(const std::vector<std::string>& args, const std::string& message) {
  CliResult r = RunCli(args);
  INFO(Describe(args) << "\nstdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains(message));
  return r;
}

// A database holding the sample network, imported through the CLI.
class SampleDb {
 public:
  SampleDb() : db_(dir_.File("db")) { RunOk({"--db", db_, "import", "--create", SamplePath()}); }
  const std::string& db() const { return db_; }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::string db_;
};

std::vector<std::string> Concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Checks a centrality table (rows of rank, key, ..., metric) against networkx's values:
// ranks 1.., the right number of rows, every value within `tol` of networkx's for its key,
// the values the largest ones networkx has in order, and equal values ordered by key.
void CheckRanking(const json& rows, const std::string& metric, const json& expected, double tol,
                  size_t top) {
  std::vector<double> want;
  for (const auto& [key, value] : expected.items()) want.push_back(value.get<double>());
  std::sort(want.rbegin(), want.rend());
  const size_t n = top ? std::min(top, want.size()) : want.size();
  REQUIRE(rows.size() == n);
  std::set<std::string> keys;
  for (size_t i = 0; i < n; ++i) {
    const json& row = rows[i];
    const std::string key = row.at("key").get<std::string>();
    INFO(metric << " row " << i << ": " << row.dump());
    CHECK(row.at("rank").get<int64_t>() == static_cast<int64_t>(i + 1));
    REQUIRE(row.at(metric).is_number());
    const double value = row.at(metric).get<double>();
    REQUIRE(expected.contains(key));
    CHECK(std::abs(value - expected.at(key).get<double>()) <= tol);
    CHECK(std::abs(value - want[i]) <= tol);
    CHECK(keys.insert(key).second);
    if (i > 0) {
      const double before = rows[i - 1].at(metric).get<double>();
      const std::string before_key = rows[i - 1].at("key").get<std::string>();
      CHECK((before > value || (before == value && before_key < key)));
    }
  }
}

std::map<std::string, std::set<std::string>> Adjacency() {
  std::map<std::string, std::set<std::string>> adj;
  for (const auto& e : Expected().at("edges")) {
    adj[e[0].get<std::string>()].insert(e[1].get<std::string>());
    adj[e[1].get<std::string>()].insert(e[0].get<std::string>());
  }
  return adj;
}

// The paths of a `path --format json` answer, as key sequences, with their reported lengths.
std::vector<std::pair<std::vector<std::string>, double>> PathsOf(const json& output) {
  const json rows = TableOf(output, "paths");
  std::vector<std::pair<std::vector<std::string>, double>> paths;
  for (const auto& row : rows) {
    const auto p = static_cast<size_t>(row.at("path").get<int64_t>());
    REQUIRE(p >= 1);
    REQUIRE(p <= paths.size() + 1);
    if (p == paths.size() + 1) paths.emplace_back();
    auto& [nodes, length] = paths[p - 1];
    CHECK(row.at("step").get<int64_t>() == static_cast<int64_t>(nodes.size()));
    nodes.push_back(row.at("key").get<std::string>());
    length = row.at("length").is_number() ? row.at("length").get<double>() : -1;
  }
  return paths;
}

// Each path runs from `from` to `to` over edges of the graph without repeating a node, and
// its reported length is its number of ties.
void CheckPaths(const std::vector<std::pair<std::vector<std::string>, double>>& paths,
                const std::string& from, const std::string& to) {
  const auto adj = Adjacency();
  for (const auto& [nodes, length] : paths) {
    INFO("path:" << [&] {
      std::string s;
      for (const auto& k : nodes) s += " " + k;
      return s;
    }());
    REQUIRE(nodes.size() >= 2);
    CHECK(nodes.front() == from);
    CHECK(nodes.back() == to);
    CHECK(std::set<std::string>(nodes.begin(), nodes.end()).size() == nodes.size());
    for (size_t i = 0; i + 1 < nodes.size(); ++i) {
      auto it = adj.find(nodes[i]);
      CHECK((it != adj.end() && it->second.count(nodes[i + 1]) == 1));
    }
    CHECK(length == static_cast<double>(nodes.size() - 1));
  }
}

// Members of a members table ({community or component, key, ...}) grouped by their id.
std::map<int64_t, std::vector<std::string>> GroupsOf(const json& rows, const std::string& id) {
  std::map<int64_t, std::vector<std::string>> groups;
  for (const auto& row : rows)
    groups[row.at(id).get<int64_t>()].push_back(row.at("key").get<std::string>());
  return groups;
}

std::set<std::set<std::string>> AsSets(const std::map<int64_t, std::vector<std::string>>& groups) {
  std::set<std::set<std::string>> out;
  for (const auto& [id, keys] : groups) out.emplace(keys.begin(), keys.end());
  return out;
}

std::set<std::set<std::string>> AsSets(const json& lists) {
  std::set<std::set<std::string>> out;
  for (const auto& l : lists) out.insert(l.get<std::set<std::string>>());
  return out;
}

TEST_CASE("analysis cli: betweenness top 5 equals networkx", "[cli][analysis]") {
  SampleDb sample;
  // Undirected, hops, normalised by 2/((n-1)(n-2)) as networkx betweenness_centrality.
  json out = RunJson(sample.db(), {"centrality", "--metric", "betweenness", "--top", "5"});
  CheckRanking(TableOf(out, "centrality"), "betweenness", Expected().at("betweenness"), 1e-6, 5);
}

TEST_CASE("analysis cli: pagerank, closeness and raw degree equal networkx", "[cli][analysis]") {
  SampleDb sample;
  const json& want = Expected();
  // networkx pagerank(alpha=0.85, weight=count of parallel ties), every institution ranked.
  CheckRanking(TableOf(RunJson(sample.db(), {"centrality", "--metric", "pagerank", "--top", "0"}),
                       "centrality"),
               "pagerank", want.at("pagerank"), 1e-4, 0);
  // networkx closeness_centrality (Wasserman-Faust for the disconnected network).
  CheckRanking(TableOf(RunJson(sample.db(), {"centrality", "--metric", "closeness", "--top", "0"}),
                       "centrality"),
               "closeness", want.at("closeness"), 1e-6, 0);
  // Distinct partners, not divided by n-1.
  CheckRanking(
      TableOf(RunJson(sample.db(), {"centrality", "--metric", "degree", "--raw", "--top", "0"}),
              "centrality"),
      "degree", want.at("filters").at("default").at("degree"), 1e-6, 0);
}

TEST_CASE("analysis cli: centrality shows the first 20 and says how many it left out",
          "[cli][analysis]") {
  SampleDb sample;
  const size_t n = Expected().at("nodes").size();  // every seed institution
  REQUIRE(n > 20);
  const json top = TableOf(RunJson(sample.db(), {"centrality"}), "centrality");
  CHECK(top.size() == 20);
  CliResult text = RunOk({"--db", sample.db(), "centrality"});
  CHECK_THAT(text.out, Contains(std::to_string(n - 20) + " more institutions not shown"));
  CHECK(TableOf(RunJson(sample.db(), {"centrality", "--top", "0"}), "centrality").size() == n);
  CliResult all = RunOk({"--db", sample.db(), "centrality", "--top", "0"});
  CHECK_THAT(all.out, !Contains("not shown"));
}

TEST_CASE("analysis cli: harmonic is divided by n-1 unless --raw", "[cli][analysis]") {
  // A path a - b - c and an isolated d, n = 4. By hand: b reaches a and c at 1 hop, sum 2;
  // a reaches b at 1 and c at 2, sum 1.5; d reaches nobody. Divided by n - 1 = 3.
  TempDir dir;
  const std::string db = dir.File("db");
  StoreWith(db, {"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}});
  std::map<std::string, double> normalized, raw;
  for (const auto& row : TableOf(RunJson(db, {"centrality", "--metric", "harmonic"}), "centrality"))
    normalized[row.at("key")] = row.at("harmonic").get<double>();
  for (const auto& row :
       TableOf(RunJson(db, {"centrality", "--metric", "harmonic", "--raw"}), "centrality"))
    raw[row.at("key")] = row.at("harmonic").get<double>();
  CHECK(normalized.at("b") == Approx(2.0 / 3));
  CHECK(normalized.at("a") == Approx(1.5 / 3));
  CHECK(normalized.at("c") == Approx(1.5 / 3));
  CHECK(normalized.at("d") == 0);
  CHECK(raw.at("b") == Approx(2.0));
  CHECK(raw.at("a") == Approx(1.5));
}

TEST_CASE("analysis cli: projection filters keep the ties networkx keeps", "[cli][analysis]") {
  SampleDb sample;
  const json& filters = Expected().at("filters");
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"default", {}},
      {"status realized", {"--status", "realized"}},
      {"confidence stated", {"--confidence", "stated"}},
      {"type membership", {"--type", "membership"}},
      {"sector government", {"--sector", "government"}},
      {"as-of 2024-06-01", {"--as-of", "2024-06-01"}},
      {"include-part-of", {"--include-part-of"}},
  };
  for (const auto& [name, flags] : cases) {
    INFO("filter: " << name);
    const json& want = filters.at(name);
    // Raw degree of every node left: the node set and each node's distinct partners.
    json degree = RunJson(
        sample.db(), Concat({"centrality", "--metric", "degree", "--raw", "--top", "0"}, flags));
    CheckRanking(TableOf(degree, "centrality"), "degree", want.at("degree"), 1e-9, 0);
    // Components: sizes largest first, and the same member sets.
    json comps = RunJson(sample.db(), Concat({"components"}, flags));
    std::vector<int64_t> sizes;
    int64_t id = 0;
    for (const auto& row : TableOf(comps, "components")) {
      CHECK(row.at("component").get<int64_t>() == ++id);
      sizes.push_back(row.at("institutions").get<int64_t>());
    }
    CHECK(sizes == want.at("components").get<std::vector<int64_t>>());
    const auto groups = GroupsOf(TableOf(comps, "members"), "component");
    CHECK(AsSets(groups) == AsSets(want.at("members")));
    for (const auto& [c, keys] : groups) {
      REQUIRE(c >= 1);
      REQUIRE(static_cast<size_t>(c) <= sizes.size());
      CHECK(static_cast<int64_t>(keys.size()) == sizes[static_cast<size_t>(c - 1)]);
    }
    if (name == "include-part-of") CHECK(sizes == std::vector<int64_t>{49, 14, 7, 3});
    if (name == "default") CHECK(sizes == std::vector<int64_t>{49, 13, 7, 3, 1});
  }
}

TEST_CASE("analysis cli: path, --all and --k 3 agree with networkx", "[cli][analysis]") {
  SampleDb sample;
  const json& want = Expected().at("path");
  const auto from = want.at("from").get<std::string>(), to = want.at("to").get<std::string>();
  const double hops = want.at("hops").get<double>();

  auto shortest = PathsOf(RunJson(sample.db(), {"path", from, to}));
  REQUIRE(shortest.size() == 1);
  CheckPaths(shortest, from, to);
  CHECK(shortest[0].second == hops);  // networkx shortest_path_length

  // --all: every shortest path, as networkx all_shortest_paths lists them.
  const auto all_from = want.at("all_from").get<std::string>(),
             all_to = want.at("all_to").get<std::string>();
  auto all = PathsOf(RunJson(sample.db(), {"path", all_from, all_to, "--all"}));
  CheckPaths(all, all_from, all_to);
  CHECK(all.size() == want.at("all").size());
  std::set<std::vector<std::string>> got_all, want_all;
  for (const auto& [nodes, length] : all) got_all.insert(nodes);
  for (const auto& p : want.at("all")) want_all.insert(p.get<std::vector<std::string>>());
  CHECK(got_all == want_all);

  // --k 3: three distinct simple paths, shortest first, lengths those of networkx
  // shortest_simple_paths.
  auto k3 = PathsOf(RunJson(sample.db(), {"path", from, to, "--k", "3"}));
  REQUIRE(k3.size() == 3);
  CheckPaths(k3, from, to);
  CHECK(k3[0].second == hops);
  CHECK(k3[0].first == shortest[0].first);
  std::vector<double> lengths;
  for (const auto& [nodes, length] : k3) lengths.push_back(length);
  CHECK(std::is_sorted(lengths.begin(), lengths.end()));
  CHECK(lengths == want.at("k3").get<std::vector<double>>());
  CHECK(std::set<std::vector<std::string>>{k3[0].first, k3[1].first, k3[2].first}.size() == 3);

  // Two institutions in different components.
  const auto apart = want.at("apart").get<std::vector<std::string>>();
  RunFails({"--db", sample.db(), "path", apart[0], apart[1]},
           "no path from " + apart[0] + " to " + apart[1]);
}

TEST_CASE("analysis cli: louvain and leiden reach networkx's modularity, deterministically",
          "[cli][analysis]") {
  SampleDb sample;
  const json& want = Expected();
  const std::set<std::string> nodes = want.at("nodes").get<std::set<std::string>>();
  json partitions = json::object();
  std::map<std::string, double> reported;
  for (const std::string method : {"louvain", "leiden", "label-propagation"}) {
    INFO("method " << method);
    const std::vector<std::string> args = {"--db",        sample.db(), "--format", "json",
                                           "communities", "--method",  method};
    CliResult first = RunOk(args);
    // The same seed (default 42, and an explicit one) gives the same output.
    CHECK(RunOk(args).out == first.out);
    CHECK(RunOk(Concat(args, {"--seed", "7"})).out == RunOk(Concat(args, {"--seed", "7"})).out);
    const json doc = json::parse(first.out);
    json out = json::object();  // rows by table name, as RunJson gives them
    for (const auto& t : doc.at("tables")) out[t.at("name").get<std::string>()] = t.at("rows");
    const json summary = TableOf(out, "communities");
    REQUIRE(summary.size() == 1);
    CHECK(summary[0].at("method") == method);
    const auto groups = GroupsOf(TableOf(out, "members"), "community");
    // Every institution in exactly one community, numbered 1..count.
    std::vector<std::string> members;
    json partition = json::array();
    for (const auto& [id, keys] : groups) {
      members.insert(members.end(), keys.begin(), keys.end());
      partition.push_back(keys);
    }
    CHECK(members.size() == nodes.size());
    CHECK(std::set<std::string>(members.begin(), members.end()) == nodes);
    CHECK(summary[0].at("communities").get<size_t>() == groups.size());
    CHECK(groups.begin()->first == 1);
    CHECK(groups.rbegin()->first == static_cast<int64_t>(groups.size()));
    partitions[method] = partition;
    reported[method] = summary[0].at("modularity").get<double>();
  }
  // networkx modularity of the partitions the CLI returned.
  TempDir dir;
  const json modularity =
      RunNetworkx({"modularity", dir.Write("partitions.json", partitions.dump())});
  const double best = want.at("louvain_best").get<double>();
  for (const auto& [method, q] : reported) {
    INFO("method " << method << ": reported " << q << ", networkx " << modularity.at(method)
                   << ", best networkx louvain over seeds 0..9 " << best);
    CHECK(std::abs(q - modularity.at(method).get<double>()) <= 1e-6);
    if (method != "label-propagation") CHECK(q >= best - 1e-9);
  }
}

TEST_CASE("analysis cli: cut-points equal networkx articulation points and bridges",
          "[cli][analysis]") {
  SampleDb sample;
  json out = RunJson(sample.db(), {"cut-points"});
  std::set<std::string> points;
  for (const auto& row : TableOf(out, "articulation_points"))
    points.insert(row.at("key").get<std::string>());
  CHECK(points == Expected().at("articulation").get<std::set<std::string>>());
  std::set<std::set<std::string>> bridges;
  for (const auto& row : TableOf(out, "bridges")) {
    bridges.insert({row.at("key").get<std::string>(), row.at("other_key").get<std::string>()});
  }
  CHECK(bridges == AsSets(Expected().at("bridges")));
  CHECK(TableOf(out, "bridges").size() == Expected().at("bridges").size());
}

TEST_CASE("analysis cli: structure equals networkx's measures", "[cli][analysis]") {
  SampleDb sample;
  json out = RunJson(sample.db(), {"structure"});
  std::map<std::string, json> measures;
  for (const auto& row : TableOf(out, "structure"))
    measures[row.at("measure").get<std::string>()] = row.at("value");
  const json& want = Expected().at("structure");
  for (const std::string name :
       {"density", "transitivity", "average clustering", "degree assortativity"}) {
    INFO(name);
    REQUIRE(measures.count(name) == 1);
    REQUIRE(measures[name].is_number());
    CHECK(std::abs(measures[name].get<double>() - want.at(name).get<double>()) <= 1e-6);
  }
  CHECK(measures["institutions"] == want.at("institutions"));
  CHECK(measures["connected pairs"] == want.at("connected pairs"));
  CHECK(measures["ties used"] == want.at("ties used"));
  CHECK(measures["components"] == want.at("components"));
  CHECK(measures["triangles"] == want.at("triangles"));
  CHECK(measures["diameter (hops, largest within a component)"] == want.at("diameter"));
}

TEST_CASE("analysis cli: reach KTL --hops 2 equals networkx within 2 hops", "[cli][analysis]") {
  SampleDb sample;
  json out = RunJson(sample.db(), {"reach", "KTL", "--hops", "2"});
  std::map<std::string, int64_t> got;
  for (const auto& row : TableOf(out, "reachable")) {
    CHECK(got.emplace(row.at("key").get<std::string>(), row.at("hops").get<int64_t>()).second);
  }
  CHECK(got == Expected().at("reach_ktl_2").get<std::map<std::string, int64_t>>());
}

TEST_CASE("analysis cli: spanning-forest spans every component with the strongest ties",
          "[cli][analysis]") {
  SampleDb sample;
  json rows = TableOf(RunJson(sample.db(), {"spanning-forest"}), "spanning_forest");
  const json& want = Expected();
  const auto adj = Adjacency();
  // Union-find over the forest's ties: no cycle, and n - components ties.
  std::map<std::string, std::string> parent;
  std::function<std::string(const std::string&)> find = [&](const std::string& k) {
    auto it = parent.find(k);
    if (it == parent.end() || it->second == k) return k;
    return it->second = find(it->second);
  };
  double total = 0;
  for (const auto& row : rows) {
    const auto a = row.at("key").get<std::string>(), b = row.at("other_key").get<std::string>();
    INFO(a << " - " << b);
    CHECK((adj.count(a) == 1 && adj.at(a).count(b) == 1));
    const std::string ra = find(a), rb = find(b);
    CHECK(ra != rb);
    parent[ra] = rb;
    total += row.at("strength").get<double>();
  }
  CHECK(rows.size() ==
        want.at("nodes").size() - want.at("structure").at("components").get<size_t>());
  // Kruskal over 1/strength keeps as much strength as networkx maximum_spanning_tree.
  CHECK(total == Approx(want.at("forest_weight").get<double>()));
}

TEST_CASE("analysis cli: errors exit 1 with a clear message", "[cli][analysis]") {
  SampleDb sample;
  const std::string& db = sample.db();
  CliResult metric =
      RunFails({"--db", db, "centrality", "--metric", "foo"}, "unknown metric 'foo'");
  for (const char* m : {"degree", "strength", "betweenness", "closeness", "harmonic", "pagerank",
                        "eigenvector", "katz", "hubs", "authorities", "core"}) {
    CHECK_THAT(metric.err, Contains(m));
  }
  RunFails({"--db", db, "path", "ktl", "zzz-no-such-institution"}, "zzz-no-such-institution");
  RunFails({"--db", db, "path", "zzz-no-such-institution", "ktl"}, "zzz-no-such-institution");
  CliResult distance = RunFails(
      {"--db", db, "centrality", "--metric", "closeness", "--distance", "foo"}, "--distance");
  CHECK_THAT(distance.err, Contains("hops") && Contains("inverse-strength") && Contains("foo"));
  RunFails({"--db", db, "path", "ktl", "ncc", "--distance", "foo"}, "--distance");
  CliResult window = RunFails({"--db", db, "centrality", "--window", "2025..2024"}, "--window");
  CHECK_THAT(window.err, Contains("before"));
  RunFails({"--db", db, "components", "--as-of", "2024-13"}, "--as-of");
  CliResult as_of = RunFails({"--db", db, "centrality", "--as-of", "2024-13"}, "2024-13");
  CHECK_THAT(as_of.err, Contains("--as-of"));
  RunFails({"--db", db, "centrality", "--sector", "hospitl"}, "did you mean 'hospital'");
  RunFails({"--db", db, "path", "ktl", "ncc", "--k", "0"}, "--k: must be between 1 and 1000");
  CliResult type = RunFails({"--db", db, "centrality", "--type", "joint-reserch"},
                            "no tie has type 'joint-reserch'");
  CHECK_THAT(type.err, Contains("did you mean") && Contains("investment"));

  // A filter that drops every institution: each command says the projection is empty.
  for (const auto& cmd : std::vector<std::vector<std::string>>{{"centrality"},
                                                               {"components"},
                                                               {"communities"},
                                                               {"cut-points"},
                                                               {"structure"},
                                                               {"spanning-forest"},
                                                               {"reach", "ktl"},
                                                               {"path", "ktl", "ncc"}}) {
    RunFails(Concat(Concat({"--db", db}, cmd), {"--region", "XX"}), "the projection is empty");
  }
  // Filters that keep institutions but no tie are not an empty projection: the six hospitals
  // stay, each with no partner.
  json hospitals = RunJson(
      db, {"centrality", "--sector", "hospital", "--min-strength", "1e9", "--raw", "--top", "0"});
  std::set<std::string> keys;
  for (const auto& row : TableOf(hospitals, "centrality")) {
    keys.insert(row.at("key").get<std::string>());
    CHECK(row.at("degree").get<double>() == 0);
  }
  CHECK(keys == Expected().at("hospitals").get<std::set<std::string>>());
}

TEST_CASE("gap cli: mixing, structural holes and suggestions equal networkx", "[cli][gaps]") {
  SampleDb sample;
  const std::string& db = sample.db();
  const json& want = Expected();
  const json mix = TableOf(RunJson(db, {"mixing", "--by", "sector"}), "mixing").at(0);
  CHECK(mix.at("assortativity").get<double>() ==
        Approx(want.at("mixing").at("assortativity").get<double>()));
  CHECK(mix.at("e_i").get<double>() == Approx(want.at("mixing").at("ei").get<double>()));

  const json holes = TableOf(RunJson(db, {"brokers"}), "structural_holes");
  CHECK(holes.size() == want.at("constraint").size());  // every institution with a partner
  for (const auto& row : holes) {
    const std::string key = row.at("key").get<std::string>();
    INFO(key);
    CHECK(row.at("constraint").get<double>() ==
          Approx(want.at("constraint").at(key).get<double>()));
    CHECK(row.at("effective_size").get<double>() ==
          Approx(want.at("effective_size").at(key).get<double>()));
  }

  const json suggested = TableOf(RunJson(db, {"suggest", "jbnu", "--cross-sector", "--top", "5"}),
                                 "suggested_partners");
  const json& expect = want.at("suggest_jbnu");
  REQUIRE(!expect.empty());
  REQUIRE(suggested.size() == expect.size());
  for (size_t i = 0; i < expect.size(); ++i) {
    CHECK(suggested[i].at("key") == expect[i][0]);
    CHECK(suggested[i].at("score").get<double>() == Approx(expect[i][1].get<double>()));
    CHECK(suggested[i].at("shared").get<int>() >= 1);
  }

  // Asked for, the own units come back, as networkx ranks them with the rest.
  const json with_own = TableOf(
      RunJson(db, {"suggest", "jbnu", "--cross-sector", "--top", "5", "--include-own-units"}),
      "suggested_partners");
  const json& expect_all = want.at("suggest_jbnu_all");
  REQUIRE(with_own.size() == expect_all.size());
  for (size_t i = 0; i < expect_all.size(); ++i) CHECK(with_own[i].at("key") == expect_all[i][0]);
  // The gap report's suggested links follow the same rule: no pair of a unit and its parent.
  std::set<std::pair<std::string, std::string>> related;
  for (const auto& p : want.at("related_pairs")) related.emplace(p[0], p[1]);
  REQUIRE(!related.empty());
  for (const auto& row :
       TableOf(RunJson(db, {"gaps", "--suggestions", "200"}), "suggested_links")) {
    const std::string a = row.at("key_a"), b = row.at("key_b");
    INFO(a << " " << b);
    CHECK_FALSE(related.count(std::minmax(a, b)));
  }

  RunFails({"--db", db, "suggest", "jbnu", "--score", "foo"}, "--score");
  RunFails({"--db", db, "suggest", "jbnu", "--directed"}, "undirected");
  RunFails({"--db", db, "mixing", "--by", "colour"}, "unknown attribute 'colour'");
  RunFails({"--db", db, "brokers", "--group", "colour"}, "unknown attribute 'colour'");
  RunFails({"--db", db, "suggest", "zzz-no-such-institution"}, "zzz-no-such-institution");
}

}  // namespace
}  // namespace tiegraph::test
