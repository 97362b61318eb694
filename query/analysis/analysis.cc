// Analysis requests: build the projection, run the algorithm, shape the result table.
#include <tiegraph/analysis.h>

#include <tiegraph/projection_access.h>

#include <tiegraph/k_core.h>
#include <tiegraph/paths.h>
#include <tiegraph/spectral.h>
#include <tiegraph/structure.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace tiegraph {
namespace {

using enum ColumnType;

// The nodes of each group (community or component, numbered from 1 as shown), in group order.
Result<Table> MembersTable(const Snapshot& snap, const Projection& g, const char* group_column,
                           const std::vector<uint32_t>& group) {
  Table members{"members",
                "members",
                {{group_column, kInt},
                 {"key", kString},
                 {"name", kString},
                 {"sector", kString},
                 {"region", kString}}};
  std::vector<uint32_t> order(g.node_count());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return group[a] < group[b]; });
  for (uint32_t v : order) {
    std::vector<Cell> row{static_cast<int64_t>(group[v] + 1)};
    TIEGRAPH_RETURN_IF_ERROR(AppendNodeCells(snap, g, v, &row));
    members.AddRow(std::move(row));
  }
  return members;
}

const char* DistanceNote(Distance d) { return d == Distance::kHops ? "hops" : "1/strength"; }

}  // namespace

const std::vector<std::string>& CentralityMetrics() {
  static const std::vector<std::string> kMetrics = {
      "degree",      "strength", "betweenness", "closeness",   "harmonic", "pagerank",
      "eigenvector", "katz",     "hubs",        "authorities", "core",     "clustering"};
  return kMetrics;
}

Result<CentralityMetric> ParseCentralityMetric(std::string_view name) {
  const auto& metrics = CentralityMetrics();
  auto i = MatchName("metric", name, std::vector<std::string_view>(metrics.begin(), metrics.end()));
  if (!i.ok()) return i.status();
  return static_cast<CentralityMetric>(*i);
}

std::string_view CentralityMetricName(CentralityMetric metric) {
  return CentralityMetrics()[static_cast<size_t>(metric)];
}

namespace {
constexpr std::string_view kCommunityMethodNames[] = {"louvain", "leiden", "label-propagation"};
}  // namespace

Result<CommunityMethod> ParseCommunityMethod(std::string_view name) {
  return ParseChoice<CommunityMethod>("method", name, kCommunityMethodNames);
}

std::string_view CommunityMethodName(CommunityMethod method) {
  return kCommunityMethodNames[static_cast<size_t>(method)];
}

Status CentralityRequest::Validate() const {
  if (threads < 1 || threads > 256)
    return Status::InvalidArgument("threads: must be between 1 and 256, not " +
                                   std::to_string(threads));
  // Damping 1 never forgets the start: the iteration need not converge (networkx warns too).
  if (!(damping >= 0 && damping < 1))
    return Status::InvalidArgument("damping: must be at least 0 and below 1, not " +
                                   ShortestReal(damping));
  if (!(alpha > 0))
    return Status::InvalidArgument("alpha: must be above 0, not " + ShortestReal(alpha));
  if (!personalize.empty() && metric != CentralityMetric::kPageRank)
    return Status::InvalidArgument("personalize: only with metric pagerank");
  return Status::OK();
}

Status PathRequest::Validate() const {
  if (k < 1 || k > 1000)
    return Status::InvalidArgument("k: must be between 1 and 1000, not " + std::to_string(k));
  if (limit < 1) return Status::InvalidArgument("limit: must be at least 1");
  if (simple && (max_hops < 1 || max_hops > 32))
    return Status::InvalidArgument("max-hops: must be between 1 and 32, not " +
                                   std::to_string(max_hops));
  if (int(k > 1) + int(all) + int(simple) > 1)
    return Status::InvalidArgument(std::string(all ? "all" : "simple") +
                                   ": choose one of k, all and simple");
  return Status::OK();
}

Status CommunityRequest::Validate() const {
  if (!(options.resolution > 0))
    return Status::InvalidArgument("resolution: must be above 0, not " +
                                   ShortestReal(options.resolution));
  if (options.trials < 0 || options.trials > 1000)
    return Status::InvalidArgument("trials: must be between 0 and 1000, not " +
                                   std::to_string(options.trials));
  if (options.iterations < 0) return Status::InvalidArgument("iterations: must be 0 or more");
  if (options.quality != Quality::kModularity && method != CommunityMethod::kLeiden)
    return Status::InvalidArgument("quality: cpm is Leiden's; give method leiden");
  return Status::OK();
}

Result<MetricValues> ComputeCentrality(const Projection& g, const CentralityRequest& r) {
  using enum CentralityMetric;
  TIEGRAPH_RETURN_IF_ERROR(r.Validate());
  std::vector<double> values;
  std::string note;
  const bool weighted = true;
  if (r.metric == kDegree) {
    values = DegreeCentrality(g, r.normalized);
    note = r.normalized ? "distinct partners / (n-1)" : "distinct partners";
  } else if (r.metric == kStrength) {
    values = Strength(g);
    note = "sum of tie strengths";
  } else if (r.metric == kBetweenness) {
    BetweennessOptions o;
    o.distance = r.distance;
    o.normalized = r.normalized;
    o.samples = r.samples;
    o.seed = r.seed;
    o.threads = r.threads;
    auto b = Betweenness(g, o);
    if (!b.ok()) return b.status();
    values = std::move(*b);
    note = std::string("distance: ") + DistanceNote(r.distance) +
           (r.normalized ? ", normalized" : ", raw") +
           (r.samples ? ", estimated from " + std::to_string(r.samples) + " sources (seed " +
                            std::to_string(r.seed) + ")"
                      : ", exact");
  } else if (r.metric == kCloseness || r.metric == kHarmonic) {
    const bool sampled = r.samples > 0 && r.samples < g.node_count();
    auto c =
        r.metric == kCloseness
            ? (sampled ? ClosenessEstimate(g, r.distance, r.samples, r.seed, r.threads)
                       : Closeness(g, r.distance, r.threads))
            : (sampled ? HarmonicEstimate(g, r.distance, r.normalized, r.samples, r.seed, r.threads)
                       : Harmonic(g, r.distance, r.normalized, r.threads));
    if (!c.ok()) return c.status();
    values = std::move(*c);
    note = std::string("distance: ") + DistanceNote(r.distance) +
           (r.metric == kCloseness ? ", Wasserman-Faust for disconnected networks"
            : r.normalized         ? ", normalized: / (n-1)"
                                   : ", raw") +
           (sampled ? ", estimated from " + std::to_string(r.samples) + " sources (seed " +
                          std::to_string(r.seed) + ")"
                    : "");
  } else if (r.metric == kPageRank) {
    PageRankOptions o;
    o.damping = r.damping;
    o.threads = r.threads;
    if (!r.personalize.empty()) {
      auto v = IndexOf(g, r.personalize);
      if (!v.ok()) return v.status();
      o.personalization.assign(g.node_count(), 0);
      o.personalization[*v] = 1;
    }
    auto p = PageRank(g, o);
    if (!p.ok()) return p.status();
    values = std::move(*p);
    note = "weights: strengths, damping " + FormatReal(r.damping) +
           (r.personalize.empty() ? "" : ", personalised on " + r.personalize);
  } else if (r.metric == kEigenvector) {
    auto e = Eigenvector(g, weighted);
    if (!e.ok()) return e.status();
    values = std::move(*e);
    note = "weights: strengths, unit length";
  } else if (r.metric == kKatz) {
    auto k = Katz(g, r.alpha, 1.0, weighted);
    if (!k.ok()) return k.status();
    values = std::move(*k);
    note = "alpha " + FormatReal(r.alpha) + ", beta 1, weights: strengths";
  } else if (r.metric == kHubs || r.metric == kAuthorities) {
    std::vector<double> hubs, auths;
    TIEGRAPH_RETURN_IF_ERROR(Hits(g, &hubs, &auths));
    values = r.metric == kHubs ? hubs : auths;
    note =
        g.directed()
            ? "HITS, weights: strengths"
            : "HITS on an undirected view (hubs and authorities differ only on the directed view)";
  } else if (r.metric == kClustering) {
    values = LocalClustering(g);
    note = "local clustering: triangles / (d(d-1)/2) over distinct partners, unweighted";
  } else {  // core
    auto cores = CoreNumbers(g);
    values.assign(cores.begin(), cores.end());
    note = "k-core number";
  }
  return MetricValues{std::move(values), std::move(note)};
}

Result<Table> CentralityTable(const Snapshot& snap, const ProjectionOptions& projection,
                              const CentralityRequest& r) {
  TIEGRAPH_RETURN_IF_ERROR(r.Validate());
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  auto computed = ComputeCentrality(*g, r);
  if (!computed.ok()) return computed.status();
  const std::vector<double>& values = computed->values;
  const std::string& note = computed->note;
  std::vector<uint32_t> order(g->node_count());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return values[a] != values[b] ? values[a] > values[b] : g->keys()[a] < g->keys()[b];
  });
  Table t{"centrality",
          std::string(CentralityMetricName(r.metric)) + " (" + note + ")",
          {{"rank", kInt},
           {"key", kString},
           {"name", kString},
           {"sector", kString},
           {"region", kString},
           {std::string(CentralityMetricName(r.metric)),
            r.metric == CentralityMetric::kCore ? kInt : kReal}}};
  const size_t rows = r.top ? std::min(r.top, order.size()) : order.size();
  if (rows < order.size()) {
    t.note = std::to_string(order.size() - rows) + " more institution" +
             (order.size() - rows == 1 ? "" : "s") + " not shown (the first " +
             std::to_string(rows) + " of " + std::to_string(order.size()) + "; top 0 shows all).";
  }
  for (size_t i = 0; i < rows; ++i) {
    std::vector<Cell> row;
    row.reserve(6);
    row.emplace_back(std::in_place_type<int64_t>, static_cast<int64_t>(i + 1));
    TIEGRAPH_RETURN_IF_ERROR(AppendNodeCells(snap, *g, order[i], &row));
    if (r.metric == CentralityMetric::kCore) {
      row.emplace_back(std::in_place_type<int64_t>, static_cast<int64_t>(values[order[i]]));
    } else {
      row.emplace_back(std::in_place_type<double>, values[order[i]]);
    }
    t.AddRow(std::move(row));
  }
  return t;
}

Result<Table> PathTable(const Snapshot& snap, const ProjectionOptions& projection,
                        const PathRequest& r) {
  TIEGRAPH_RETURN_IF_ERROR(r.Validate());
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  auto from = IndexOf(*g, r.from);
  if (!from.ok()) return from.status();
  auto to = IndexOf(*g, r.to);
  if (!to.ok()) return to.status();
  Result<std::vector<Path>> paths =
      r.simple  ? Result<std::vector<Path>>(SimplePaths(*g, *from, *to, r.max_hops, r.limit))
      : r.all   ? AllShortestPaths(*g, *from, *to, r.distance, r.limit)
      : r.k > 1 ? KShortestPaths(*g, *from, *to, r.k, r.distance)
                : Result<std::vector<Path>>(Status::OK());
  if (!r.simple && !r.all && r.k == 1) {
    auto p = ShortestPath(*g, *from, *to, r.distance);
    if (!p.ok())
      return Status::NotFound("no path from " + r.from + " to " + r.to + " in this projection");
    paths = std::vector<Path>{*p};
  }
  if (!paths.ok() || paths->empty()) {
    return Status::NotFound("no path from " + r.from + " to " + r.to + " in this projection");
  }
  Table t{"paths",
          r.simple ? "simple paths of at most " + std::to_string(r.max_hops) + " ties"
                   : std::string("paths (distance: ") + DistanceNote(r.distance) + ")",
          {{"path", kInt},
           {"step", kInt},
           {"key", kString},
           {"name", kString},
           {"sector", kString},
           {"length", kReal}}};
  for (size_t p = 0; p < paths->size(); ++p) {
    const Path& path = (*paths)[p];
    for (size_t s = 0; s < path.nodes.size(); ++s) {
      auto node = NodeCells(snap, *g, path.nodes[s]);
      if (!node.ok()) return node.status();
      const std::vector<Cell>& cells = *node;
      t.AddRow({static_cast<int64_t>(p + 1), static_cast<int64_t>(s), cells[0], cells[1], cells[2],
                s + 1 == path.nodes.size() ? Cell(path.length) : Cell()});
    }
  }
  return t;
}

// Scores the grouping by an attribute with modularity: how far ties stay inside the groups.
Result<Partition> PartitionByAttribute(const Snapshot& snap, const Projection& g, GroupAttribute by,
                                       const CommunityOptions& o) {
  auto groups = GroupByAttribute(snap, g, by);
  if (!groups.ok()) return groups.status();
  Partition p;
  p.community = std::move(groups->of);
  p.count = CanonicalCommunities(&p.community);
  p.modularity = Modularity(g, p.community, o.resolution, o.weighted);
  return p;
}

Result<std::vector<Table>> CommunityTables(const Snapshot& snap,
                                           const ProjectionOptions& projection,
                                           const CommunityRequest& r) {
  TIEGRAPH_RETURN_IF_ERROR(r.Validate());
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  using enum CommunityMethod;
  Result<Partition> p = r.by                   ? PartitionByAttribute(snap, *g, *r.by, r.options)
                        : r.method == kLouvain ? Louvain(*g, r.options)
                        : r.method == kLeiden  ? Leiden(*g, r.options)
                                               : LabelPropagation(*g, r.options);
  if (!p.ok()) return p.status();
  Table summary{"communities",
                "communities",
                {{"method", kString},
                 {"quality", kString},
                 {"communities", kInt},
                 {"modularity", kReal},
                 {"resolution", kReal},
                 {"seed", kInt}}};
  const bool cpm = r.method == kLeiden && r.options.quality == Quality::kCpm;
  summary.AddRow({r.by ? "by " + std::string(GroupAttributeName(*r.by))
                       : std::string(CommunityMethodName(r.method)),
                  std::string(cpm ? "cpm" : "modularity"), static_cast<int64_t>(p->count),
                  p->modularity, r.options.resolution, static_cast<int64_t>(r.options.seed)});
  auto members = MembersTable(snap, *g, "community", p->community);
  if (!members.ok()) return members.status();
  return std::vector<Table>{std::move(summary), std::move(*members)};
}

Result<Table> ReachTable(const Snapshot& snap, const ProjectionOptions& projection,
                         const std::string& key, uint32_t hops) {
  if (hops < 1 || hops > 16)
    return Status::InvalidArgument("hops: must be between 1 and 16, not " + std::to_string(hops));
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  auto from = IndexOf(*g, key);
  if (!from.ok()) return from.status();
  Table t{"reachable",
          "reachable within " + std::to_string(hops) + " ties",
          {{"key", kString},
           {"name", kString},
           {"sector", kString},
           {"region", kString},
           {"hops", kInt}}};
  for (auto [v, d] : ReachableWithin(*g, *from, hops)) {
    if (v == *from) continue;
    std::vector<Cell> row;
    TIEGRAPH_RETURN_IF_ERROR(AppendNodeCells(snap, *g, v, &row));
    row.push_back(static_cast<int64_t>(d));
    t.AddRow(std::move(row));
  }
  return t;
}

Result<std::vector<Table>> ComponentTables(const Snapshot& snap,
                                           const ProjectionOptions& projection, bool strong) {
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  std::vector<uint32_t> comp;
  const uint32_t count =
      strong ? StronglyConnectedComponents(*g, &comp) : ConnectedComponents(*g, &comp);
  std::vector<int64_t> size(count, 0);
  for (uint32_t c : comp) ++size[c];
  Table sizes{"components",
              strong          ? "strongly connected components"
              : g->directed() ? "weakly connected components"
                              : "connected components",
              {{"component", kInt}, {"institutions", kInt}}};
  for (uint32_t c = 0; c < count; ++c) sizes.AddRow({static_cast<int64_t>(c + 1), size[c]});
  auto members = MembersTable(snap, *g, "component", comp);
  if (!members.ok()) return members.status();
  return std::vector<Table>{std::move(sizes), std::move(*members)};
}

Result<std::vector<Table>> CutPointTables(const Snapshot& snap,
                                          const ProjectionOptions& projection) {
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  Table points{"articulation_points",
               "articulation points (their removal disconnects the network)",
               {{"key", kString}, {"name", kString}, {"sector", kString}, {"region", kString}}};
  for (uint32_t v : ArticulationPoints(*g)) {
    auto cells = NodeCells(snap, *g, v);
    if (!cells.ok()) return cells.status();
    points.AddRow(std::move(*cells));
  }
  Table bridges{
      "bridges",
      "bridges (ties whose removal disconnects the network)",
      {{"key", kString}, {"name", kString}, {"other_key", kString}, {"other_name", kString}}};
  for (auto [a, b] : Bridges(*g)) {
    auto x = NodeCells(snap, *g, a), y = NodeCells(snap, *g, b);
    if (!x.ok()) return x.status();
    if (!y.ok()) return y.status();
    bridges.AddRow({(*x)[0], (*x)[1], (*y)[0], (*y)[1]});
  }
  Table blocks{"biconnected_blocks",
               "biconnected blocks (larger than one tie)",
               {{"block", kInt}, {"institutions", kInt}, {"keys", kString}}};
  int64_t number = 0;
  for (const auto& block : BiconnectedComponents(*g)) {
    if (block.size() < 2) continue;
    std::vector<uint32_t> nodes;
    for (auto [a, b] : block) nodes.push_back(a), nodes.push_back(b);
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    std::string keys;
    for (uint32_t v : nodes) keys += (keys.empty() ? "" : " ") + g->keys()[v];
    blocks.AddRow({++number, static_cast<int64_t>(nodes.size()), keys});
  }
  return std::vector<Table>{std::move(points), std::move(bridges), std::move(blocks)};
}

Result<Table> SpanningForestTable(const Snapshot& snap, const ProjectionOptions& projection,
                                  Distance distance) {
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  Table t{"spanning_forest",
          std::string("spanning forest (least total distance: ") + DistanceNote(distance) + ")",
          {{"key", kString},
           {"name", kString},
           {"other_key", kString},
           {"other_name", kString},
           {"strength", kReal}}};
  for (auto [a, b] : MinimumSpanningForest(*g, distance)) {
    auto x = NodeCells(snap, *g, a), y = NodeCells(snap, *g, b);
    if (!x.ok()) return x.status();
    if (!y.ok()) return y.status();
    double strength = 0;
    for (uint64_t e = g->offsets()[a]; e < g->offsets()[a + 1]; ++e) {
      if (g->targets()[e] == b) strength = g->weights()[e];
    }
    t.AddRow({(*x)[0], (*x)[1], (*y)[0], (*y)[1], strength});
  }
  return t;
}

Result<Table> StructureTable(const Snapshot& snap, const ProjectionOptions& projection) {
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  std::vector<uint32_t> comp;
  const uint32_t components = ConnectedComponents(*g, &comp);
  const DiameterEstimate diameter = Diameter(*g);
  uint64_t triangles = 0;
  for (uint64_t t : Triangles(*g)) triangles += t;
  Table t{"structure", "structure", {{"measure", kString}, {"value", kReal}}};
  t.AddRow({std::string("institutions"), static_cast<int64_t>(g->node_count())});
  t.AddRow({std::string(g->directed() ? "connected ordered pairs" : "connected pairs"),
            static_cast<int64_t>(g->edge_count())});
  t.AddRow({std::string("ties used"), static_cast<int64_t>(g->ties_used())});
  t.AddRow({std::string("density"), Density(*g)});
  t.AddRow({std::string("components"), static_cast<int64_t>(components)});
  t.AddRow({std::string(diameter.exact ? "diameter (hops, largest within a component)"
                                       : "diameter (hops, lower bound by 16 double sweeps)"),
            static_cast<int64_t>(diameter.diameter)});
  t.AddRow({std::string("triangles"), static_cast<int64_t>(triangles / 3)});
  t.AddRow({std::string("transitivity"), Transitivity(*g)});
  t.AddRow({std::string("average clustering"), AverageClustering(*g)});
  const double r = DegreeAssortativity(*g);
  t.AddRow({std::string("degree assortativity"), std::isnan(r) ? Cell() : Cell(r)});
  return t;
}

}  // namespace tiegraph
