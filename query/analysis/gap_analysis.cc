// Brokerage, mixing and link-suggestion requests.
#include <tiegraph/gap_analysis.h>

#include <tiegraph/brokerage.h>
#include <tiegraph/core_periphery.h>
#include <tiegraph/mixing.h>
#include <tiegraph/permutation.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include <tiegraph/projection_access.h>

namespace tiegraph {
namespace {

using enum ColumnType;

// NaN (undefined: an isolate, a group with no tie) shows as an empty cell.
Cell Real(double v) { return std::isnan(v) ? Cell() : Cell(v); }

// Nodes ordered by `value` (descending unless `ascending`), undefined values last, then by key.
std::vector<uint32_t> Ranked(const Projection& g, const std::vector<double>& value,
                             bool ascending) {
  std::vector<uint32_t> order(g.node_count());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const double x = value[a], y = value[b];
    if (std::isnan(x) != std::isnan(y)) return std::isnan(y);
    if (!std::isnan(x) && x != y) return ascending ? x < y : x > y;
    return g.keys()[a] < g.keys()[b];
  });
  return order;
}

// Columns of a permutation test's result (appended when `tested`), and their cells.
std::vector<Column> WithTestColumns(std::vector<Column> columns, bool tested) {
  if (tested) {
    for (const Column& c : PermutationTestColumns()) columns.push_back(c);
  }
  return columns;
}
void AddTestCells(const PermutationStats& s, std::vector<Cell>* row) {
  for (double x : {s.mean, s.sd, s.z(), s.p_at_least, s.p_at_most}) row->push_back(Real(x));
}
std::string TestNote(const PermutationOptions& test) {
  return " Against " + std::to_string(test.permutations) + " shuffles of the group labels (seed " +
         std::to_string(test.seed) +
         "): null mean and sd, z = (observed - mean) / sd, and p = (b + 1) / (N + 1) with b "
         "the shuffles at least (at most) as large.";
}

Table BrokerageByGroup(const Groups& groups, const BrokerageRoles& roles, const BrokerRequest& r) {
  // The group column is `group` whatever the grouping attribute: a stable name, and never the
  // same as a column of the institution's own (brokers --group region).
  Table t{"brokerage_by_group", "brokerage by group",
          WithTestColumns({{"group", kString},
                           {"role", kString},
                           {"observed", kReal},
                           {"expected", kReal},
                           {"o_e", kReal}},
                          r.test.permutations > 0)};
  t.note =
      "Each group's members' two-paths by role; expected: with the other ends' group labels "
      "random, each broker keeping its own (Gould-Fernandez)." +
      (r.test.permutations > 0
           ? TestNote(r.test) +
                 " The shuffles move every label, the brokers' too: the null is "
                 "what a random set of the group's size would broker."
           : std::string());
  for (size_t x = 0; x < groups.count(); ++x) {
    for (size_t k = 0; k < 5; ++k) {
      const double o = roles.group_counts[x][k], e = roles.group_expected[x][k];
      if (o == 0 && e == 0) continue;
      std::vector<Cell> row{groups.names[x],
                            std::string(BrokerRoleName(static_cast<BrokerRole>(k))), o, e,
                            Real(e > 0 ? o / e : std::nan(""))};
      if (r.test.permutations > 0) AddTestCells(roles.group_tested[x][k], &row);
      t.AddRow(std::move(row));
    }
  }
  return t;
}

Result<Table> BrokerageAgainstChance(const Snapshot& snap, const Projection& g,
                                     const Groups& groups, const BrokerageRoles& roles,
                                     const BrokerRequest& r) {
  std::vector<Column> columns = {{"rank", kInt},      {"key", kString},    {"name", kString},
                                 {"sector", kString}, {"region", kString}, {"group", kString}};
  for (size_t k = 0; k < 5; ++k) {
    const std::string role = BrokerRoleName(static_cast<BrokerRole>(k));
    columns.push_back({"z_" + role, kReal});
    columns.push_back({"p_" + role, kReal});
  }
  Table t{"brokerage_against_chance", "brokerage roles against chance", std::move(columns)};
  t.note =
      "Per institution and role: z against the other institutions' labels shuffled (the "
      "broker keeps its own group), and p, the share of shuffles with at least the observed "
      "count, (b + 1) / (N + 1); " +
      std::to_string(r.test.permutations) + " shuffles, seed " + std::to_string(r.test.seed) +
      ". Empty z: the count cannot vary.";
  size_t rank = 0;
  for (uint32_t v : Ranked(g, roles.total, false)) {
    if (roles.total[v] == 0 || (r.top && rank >= r.top)) break;
    std::vector<Cell> row{static_cast<int64_t>(++rank)};
    TIEGRAPH_RETURN_IF_ERROR(AppendNodeCells(snap, g, v, &row));
    row.emplace_back(groups.names[groups.of[v]]);
    for (size_t k = 0; k < 5; ++k) {
      row.push_back(Real(roles.tested[v][k].z()));
      row.push_back(Real(roles.tested[v][k].p_at_least));
    }
    t.AddRow(std::move(row));
  }
  return t;
}

}  // namespace

// A permutation test's draws: each is a walk over the whole network, so the count is capped.
Status ValidateTest(const PermutationOptions& test) {
  if (test.permutations < 0 || test.permutations > 1000000)
    return Status::InvalidArgument("permutations: must be between 0 and 1,000,000, not " +
                                   std::to_string(test.permutations));
  return Status::OK();
}

const std::vector<Column>& PermutationTestColumns() {
  static const std::vector<Column> kColumns = {{"null_mean", ColumnType::kReal},
                                               {"null_sd", ColumnType::kReal},
                                               {"z", ColumnType::kReal},
                                               {"p_at_least", ColumnType::kReal},
                                               {"p_at_most", ColumnType::kReal}};
  return kColumns;
}

Status BrokerRequest::Validate() const { return ValidateTest(test); }

Status MixingRequest::Validate() const {
  if (!(threshold >= 0))
    return Status::InvalidArgument("threshold: must be 0 or more, not " + ShortestReal(threshold));
  return ValidateTest(test);
}

Status SuggestRequest::Validate() const {
  if (key.empty())
    return Status::InvalidArgument(
        "name: name an institution (or, with suggest, give evaluate DATE)");
  if (top == 0) return Status::InvalidArgument("top: must be at least 1");
  if (!(katz_beta >= 0))
    return Status::InvalidArgument("beta: must be 0 or more, not " + ShortestReal(katz_beta));
  return Status::OK();
}

Result<std::vector<Table>> BrokerTables(const Snapshot& snap, const ProjectionOptions& projection,
                                        const BrokerRequest& r) {
  TIEGRAPH_RETURN_IF_ERROR(r.Validate());
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  auto groups = GroupByAttribute(snap, *g, r.group);
  if (!groups.ok()) return groups.status();
  BrokerageOptions options;
  options.partial_credit = r.partial_credit;
  options.test = r.test;
  auto roles = GouldFernandez(*g, groups->of, groups->count(), options);
  if (!roles.ok()) return roles.status();
  const bool tested = r.test.permutations > 0;

  Table brokers{"brokerage_roles",
                "brokerage roles by " + std::string(GroupAttributeName(r.group)),
                {{"rank", kInt},
                 {"key", kString},
                 {"name", kString},
                 {"sector", kString},
                 {"region", kString},
                 {"group", kString},
                 {"coordinator", kReal},
                 {"itinerant", kReal},
                 {"gatekeeper", kReal},
                 {"representative", kReal},
                 {"liaison", kReal},
                 {"total", kReal},
                 {"across", kReal},
                 {"across_expected", kReal}}};
  brokers.note =
      std::string(
          "Two-paths a -> broker -> b with no tie a -> b, by the groups of a, broker, b "
          "(coordinator AAA, itinerant ABA, gatekeeper BAA, representative AAB, liaison ABC); "
          "across: the two-paths that join different groups; across_expected: the same with "
          "random group labels of the same sizes; group: the broker's " +
          std::string(GroupAttributeName(r.group)) + ".") +
      (r.partial_credit ? " Partial credit: a pair with k brokers counts 1/k for each." : "");
  std::vector<uint32_t> order = Ranked(*g, roles->total, false);
  size_t rank = 0;
  for (uint32_t v : order) {
    if (roles->total[v] == 0 || (r.top && rank >= r.top)) break;
    std::vector<Cell> row{static_cast<int64_t>(++rank)};
    TIEGRAPH_RETURN_IF_ERROR(AppendNodeCells(snap, *g, v, &row));
    row.emplace_back(groups->names[groups->of[v]]);
    for (double c : roles->counts[v]) row.emplace_back(c);
    row.emplace_back(roles->total[v]);
    // Every role but coordinator joins two groups; chance gives the rest of the expectation.
    row.emplace_back(roles->total[v] - roles->counts[v][0]);
    row.emplace_back(roles->total[v] - roles->expected[v][0]);
    brokers.AddRow(std::move(row));
  }
  std::vector<Table> out;
  out.push_back(std::move(brokers));
  out.push_back(BrokerageByGroup(*groups, *roles, r));
  if (tested) {
    auto chance = BrokerageAgainstChance(snap, *g, *groups, *roles, r);
    if (!chance.ok()) return chance.status();
    out.push_back(std::move(*chance));
  }

  const StructuralHoles holes = BurtMeasures(*g, r.weighted);
  Table burt{"structural_holes",
             std::string("structural holes (") + (r.weighted ? "by strength" : "unweighted") + ")",
             {{"rank", kInt},
              {"key", kString},
              {"name", kString},
              {"sector", kString},
              {"region", kString},
              {"constraint", kReal},
              {"effective_size", kReal},
              {"efficiency", kReal},
              {"hierarchy", kReal},
              {"partners", kInt}}};
  burt.note =
      "Burt: low constraint and high effective size = partners who are not tied to each other "
      "(holes this institution spans); hierarchy: how far the constraint comes from one partner.";
  rank = 0;
  for (uint32_t v : Ranked(*g, holes.constraint, true)) {
    if (std::isnan(holes.constraint[v]) || (r.top && rank >= r.top)) break;
    std::vector<Cell> row{static_cast<int64_t>(++rank)};
    TIEGRAPH_RETURN_IF_ERROR(AppendNodeCells(snap, *g, v, &row));
    row.emplace_back(Real(holes.constraint[v]));
    row.emplace_back(Real(holes.effective_size[v]));
    row.emplace_back(Real(holes.efficiency[v]));
    row.emplace_back(Real(holes.hierarchy[v]));
    row.emplace_back(static_cast<int64_t>(g->degree(v)));
    burt.AddRow(std::move(row));
  }
  out.push_back(std::move(burt));
  return out;
}

Result<std::vector<Table>> CorePeripheryTables(const Snapshot& snap,
                                               const ProjectionOptions& projection) {
  if (projection.directed)
    return Status::InvalidArgument("core-periphery uses the undirected view");
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  auto discrete = DiscreteCoreness(*g);
  if (!discrete.ok()) return discrete.status();
  auto continuous = ContinuousCoreness(*g);
  if (!continuous.ok()) return continuous.status();
  int64_t core_size = 0;
  for (char c : discrete->core) core_size += c;
  Table summary{"core_periphery",
                "core-periphery",
                {{"institutions", kInt},
                 {"core", kInt},
                 {"rho", kReal},
                 {"core_density", kReal},
                 {"core_periphery_density", kReal},
                 {"periphery_density", kReal},
                 {"rho_continuous", kReal}}};
  summary.note =
      "rho: correlation of the ties with the ideal pattern (core-core tied, periphery-periphery "
      "not; 1 = a perfect core/periphery); densities of the three blocks.";
  summary.AddRow({static_cast<int64_t>(g->node_count()), core_size, discrete->rho,
                  discrete->core_density, discrete->core_periphery_density,
                  discrete->periphery_density, continuous->rho});
  Table members{"coreness",
                "coreness",
                {{"rank", kInt},
                 {"key", kString},
                 {"name", kString},
                 {"sector", kString},
                 {"region", kString},
                 {"core", kString},
                 {"coreness", kReal}}};
  members.note =
      "core: in the discrete model's core; coreness: the continuous model (1 = most central).";
  size_t rank = 0;
  for (uint32_t v : Ranked(*g, continuous->coreness, false)) {
    std::vector<Cell> row{static_cast<int64_t>(++rank)};
    TIEGRAPH_RETURN_IF_ERROR(AppendNodeCells(snap, *g, v, &row));
    row.emplace_back(std::string(discrete->core[v] ? "yes" : ""));
    row.emplace_back(continuous->coreness[v]);
    members.AddRow(std::move(row));
  }
  return std::vector<Table>{std::move(summary), std::move(members)};
}

Result<std::vector<Table>> MixingTables(const Snapshot& snap, const ProjectionOptions& projection,
                                        const MixingRequest& r) {
  TIEGRAPH_RETURN_IF_ERROR(r.Validate());
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  auto groups = GroupByAttribute(snap, *g, r.by);
  if (!groups.ok()) return groups.status();
  auto m = MixingByGroup(*g, groups->of, groups->count(), r.weighted);
  if (!m.ok()) return m.status();
  const size_t k = m->groups;

  const bool tested = r.test.permutations > 0;
  EIPermutationTest test;
  if (tested) {
    auto t = PermuteEI(*g, groups->of, groups->count(), r.weighted, r.test);
    if (!t.ok()) return t.status();
    test = std::move(*t);
  }
  Table summary{
      "mixing", "mixing by " + std::string(GroupAttributeName(r.by)),
      WithTestColumns(
          {{"groups", kInt}, {"e_i", kReal}, {"expected_e_i", kReal}, {"assortativity", kReal}},
          tested)};
  summary.note =
      "E-I: +1 all ties cross groups, -1 all stay inside (expected: ties between random pairs); "
      "assortativity r < 0: groups tie across more than by chance." +
      (tested ? TestNote(r.test) : std::string());
  std::vector<Cell> totals{static_cast<int64_t>(k), Real(m->ei), Real(m->expected_ei),
                           Real(m->assortativity)};
  if (tested) AddTestCells(test.ei, &totals);
  summary.AddRow(std::move(totals));

  // Group columns are named `group…` whatever --by is: stable names for programs.
  Table matrix{"mixing_matrix",
               "mixing matrix",
               {{"group_a", kString},
                {"group_b", kString},
                {"observed", kReal},
                {"expected", kReal},
                {"o_e", kReal},
                {"gap", kString}}};
  matrix.note = "Ties between two groups against random mixing of tie ends; gap: O/E below " +
                FormatReal(r.threshold) + ".";
  for (size_t x = 0; x < k; ++x) {
    // An undirected matrix is symmetric: each pair once.
    for (size_t y = g->directed() ? 0 : x; y < k; ++y) {
      const double o = m->observed[x * k + y], e = m->expected[x * k + y];
      const double ratio = e > 0 ? o / e : std::nan("");
      matrix.AddRow({groups->names[x], groups->names[y], o, e, Real(ratio),
                     std::string(!std::isnan(ratio) && ratio < r.threshold ? "yes" : "")});
    }
  }
  Table by_group{
      "ei_by_group", "E-I by group",
      WithTestColumns({{"group", kString}, {"institutions", kInt}, {"e_i", kReal}}, tested)};
  by_group.note = "Over the ties with at least one end in the group.";
  for (size_t x = 0; x < k; ++x) {
    std::vector<Cell> row{groups->names[x], static_cast<int64_t>(m->group_size[x]),
                          Real(m->group_ei[x])};
    if (tested) AddTestCells(test.group_ei[x], &row);
    by_group.AddRow(std::move(row));
  }
  return std::vector<Table>{std::move(summary), std::move(matrix), std::move(by_group)};
}

Result<Table> SuggestTable(const Snapshot& snap, const ProjectionOptions& projection,
                           const SuggestRequest& r) {
  if (projection.directed) {
    return Status::InvalidArgument("suggest works on the undirected view, not the directed one");
  }
  TIEGRAPH_RETURN_IF_ERROR(r.Validate());
  auto g = Build(snap, projection);
  if (!g.ok()) return g.status();
  auto source = IndexOf(*g, r.key);
  if (!source.ok()) return source.status();
  SuggestOptions o;
  o.score = r.score;
  o.top = r.top;
  o.katz_beta = r.katz_beta;
  Groups sectors;
  if (r.cross_sector) {
    auto s = GroupByAttribute(snap, *g, GroupAttribute::kSector);
    if (!s.ok()) return s.status();
    sectors = std::move(*s);
    o.group = &sectors.of;
  }
  if (!r.include_own_units) {
    auto hierarchy = LoadPartOfHierarchy(snap, *g);
    if (!hierarchy.ok()) return hierarchy.status();
    o.keep = [h = std::move(*hierarchy), s = *source](uint32_t v) { return !h.Related(s, v); };
  }
  auto found = SuggestLinks(*g, *source, o);
  if (!found.ok()) return found.status();
  Table t{"suggested_partners",
          std::string("suggested partners for ") + r.key + " (" + LinkScoreName(r.score) +
              (r.cross_sector ? ", other sectors" : "") + ")",
          {{"rank", kInt},
           {"key", kString},
           {"name", kString},
           {"sector", kString},
           {"region", kString},
           {"score", kReal},
           {"shared", kInt},
           {"via", kString}}};
  t.note = "Institutions with no tie yet, scored by the partners they share (named under via).";
  size_t rank = 0;
  for (const LinkSuggestion& s : *found) {
    std::vector<Cell> row{static_cast<int64_t>(++rank)};
    TIEGRAPH_RETURN_IF_ERROR(AppendNodeCells(snap, *g, s.node, &row));
    row.emplace_back(s.score);
    const std::vector<uint32_t> shared = SharedNeighbors(*g, *source, s.node);
    row.emplace_back(static_cast<int64_t>(shared.size()));
    std::string via;
    for (size_t i = 0; i < shared.size() && i < 5; ++i)
      via += (i ? ", " : "") + g->keys()[shared[i]];
    if (shared.size() > 5) via += ", …";
    row.emplace_back(via);
    t.AddRow(std::move(row));
  }
  return t;
}

}  // namespace tiegraph
