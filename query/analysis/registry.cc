// The registry: each analysis binds its parameters, by name, to the fields of its request
// struct, so a default is read from the struct itself (never written twice) and each value is
// parsed by one function per type.
#include <tiegraph/registry.h>

#include <tiegraph/analysis.h>
#include <tiegraph/evolution.h>
#include <tiegraph/gap_analysis.h>
#include <tiegraph/gap_report.h>
#include <tiegraph/link_evaluation.h>
#include <tiegraph/resolve.h>
#include <tiegraph/synergy.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <sstream>
#include <type_traits>

namespace tiegraph {
namespace {

// One parameter bound to a field of request type Req.
template <typename Req>
struct Param {
  ParamInfo info;
  // Sets the field from text; the message of an error does not repeat the parameter's name.
  std::function<Status(const Snapshot&, std::string_view, Req*)> set;
  // The field's value as text (for the documented default).
  std::function<std::string(const Req&)> show;
};

// Parses a whole number that fits T.
template <typename T>
Status ParseInteger(std::string_view text, T* out) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    return Status::InvalidArgument("expected a whole number, not '" + std::string(text) + "'");
  // Every whole-number parameter counts something (rows, draws, hops, months) or seeds.
  if (v < 0) return Status::InvalidArgument("must be 0 or more, not " + std::string(text));
  if (static_cast<uint64_t>(v) > static_cast<uint64_t>(std::numeric_limits<T>::max()))
    return Status::InvalidArgument("too large: " + std::string(text));
  *out = static_cast<T>(v);
  return Status::OK();
}

Status ParseNumber(std::string_view text, double* out) {
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || !std::isfinite(v))
    return Status::InvalidArgument("expected a number, not '" + std::string(text) + "'");
  *out = v;
  return Status::OK();
}

Status ParseFlag(std::string_view text, bool* out) {
  auto i = MatchName("flag value", text, {"false", "true"});
  if (!i.ok()) return i.status();
  *out = *i == 1;
  return Status::OK();
}

// The binders. `field` is a generic lambda returning a reference to the field of a request.
template <typename Req, typename Field>
Param<Req> Integer(const char* name, const char* help, Field field) {
  return {{name, ParamType::kInteger, "", help},
          [field](const Snapshot&, std::string_view text, Req* r) {
            return ParseInteger(text, &field(*r));
          },
          [field](const Req& r) { return std::to_string(field(r)); }};
}

template <typename Req, typename Field>
Param<Req> Real(const char* name, const char* help, Field field) {
  return {{name, ParamType::kReal, "", help},
          [field](const Snapshot&, std::string_view text, Req* r) {
            return ParseNumber(text, &field(*r));
          },
          [field](const Req& r) { return ShortestReal(field(r)); }};
}

// A flag; `invert`: the flag says the opposite of the field (--unweighted sets weighted false).
template <typename Req, typename Field>
Param<Req> Flag(const char* name, const char* help, Field field, bool invert = false) {
  return {
      {name, ParamType::kFlag, "", help},
      [field, invert](const Snapshot&, std::string_view text, Req* r) {
        bool on = false;
        TIEGRAPH_RETURN_IF_ERROR(ParseFlag(text, &on));
        field(*r) = on != invert;
        return Status::OK();
      },
      [field, invert](const Req& r) { return std::string(field(r) != invert ? "true" : "false"); }};
}

template <typename Req, typename Field>
Param<Req> Text(const char* name, const char* help, Field field) {
  return {{name, ParamType::kText, "", help},
          [field](const Snapshot&, std::string_view text, Req* r) {
            field(*r) = std::string(text);
            return Status::OK();
          },
          [field](const Req& r) { return std::string(field(r)); }};
}

// An enum, through its Parse and Name functions.
template <typename Req, typename Field, typename ParseFn, typename NameFn>
Param<Req> Enum(const char* name, const char* help, Field field, ParseFn parse, NameFn show,
                std::vector<std::string> names) {
  Param<Req> p{{name, ParamType::kChoice, "", help, names},
               [field, parse](const Snapshot&, std::string_view text, Req* r) {
                 auto v = parse(text);
                 if (!v.ok()) return v.status();
                 field(*r) = *v;
                 return Status::OK();
               },
               [field, show](const Req& r) { return std::string(show(field(r))); }};
  return p;
}

// An institution named by key, name or alias; the field receives its key.
template <typename Req, typename Field>
Param<Req> Institution(const char* name, const char* help, Field field, bool positional) {
  Param<Req> p = Text<Req>(name, help, field);
  p.info.type = ParamType::kInstitution;
  p.info.positional = positional;
  p.set = [field](const Snapshot& snap, std::string_view text, Req* r) {
    auto key = ResolveInstitution(snap, text);
    if (!key.ok()) return key.status();
    field(*r) = *key;
    return Status::OK();
  };
  return p;
}

template <typename Req>
Param<Req> Required(Param<Req> p) {
  p.info.required = true;
  return p;
}

using Tables = Result<std::vector<Table>>;
template <typename T>
Tables One(Result<T> t) {
  if (!t.ok()) return t.status();
  return std::vector<Table>{std::move(*t)};
}

// An analysis with its type-erased runner.
struct Entry {
  AnalysisInfo info;
  std::function<Tables(const Snapshot&, const ProjectionOptions&, const AnalysisArgs&)> run;
};

template <typename Req>
Entry Define(AnalysisInfo info, std::vector<Param<Req>> params,
             std::function<Tables(const Snapshot&, const ProjectionOptions&, const Req&)> run) {
  const Req defaults{};
  for (const auto& p : params) {
    info.params.push_back(p.info);
    if (p.info.type != ParamType::kInstitution) info.params.back().default_value = p.show(defaults);
  }
  auto shared = std::make_shared<std::vector<Param<Req>>>(std::move(params));
  const std::string name = info.name;
  return {
      std::move(info),
      [shared, run, name](const Snapshot& snap, const ProjectionOptions& options,
                          const AnalysisArgs& args) -> Tables {
        Req req{};
        std::vector<std::string> given;
        for (const auto& [key, text] : args) {
          const Param<Req>* param = nullptr;
          std::vector<std::string_view> names;
          for (const auto& p : *shared) {
            if (p.info.name == key) param = &p;
            names.push_back(p.info.name);
          }
          if (!param) {
            // Spelt another way (Top, max_hops): the parameter it means; else an error.
            auto match = MatchName("parameter of " + name, key, names);
            if (!match.ok()) return match.status();
            param = &(*shared)[*match];
          }
          Status s = param->set(snap, text, &req);
          if (!s.ok()) return s.WithContext(param->info.name);
          given.push_back(param->info.name);
        }
        for (const auto& p : *shared) {
          if (p.info.required && std::find(given.begin(), given.end(), p.info.name) == given.end())
            return Status::InvalidArgument(p.info.name + ": required by " + name);
        }
        // Before the projection is built: a bad value costs nothing on a large network.
        if constexpr (requires { req.Validate(); }) TIEGRAPH_RETURN_IF_ERROR(req.Validate());
        return run(snap, options, req);
      }};
}

// A table's declaration from "name: column[:type] …" (type string unless given).
TableInfo Declare(const std::string& spec, bool optional = false, std::string varies = {}) {
  TableInfo t;
  t.optional = optional;
  t.varies = std::move(varies);
  std::istringstream in(spec);
  std::string word;
  in >> t.name;
  t.name.pop_back();  // the colon
  while (in >> word) {
    const size_t colon = word.find(':');
    Column c{word.substr(0, colon), ColumnType::kString};
    if (colon != std::string::npos) {
      const std::string type = word.substr(colon + 1);
      c.type = type == "int" ? ColumnType::kInt : ColumnType::kReal;
      assert(type == "int" || type == "real");
    }
    t.columns.push_back(std::move(c));
  }
  return t;
}

// Requests with no parameter of their own.
struct NoParams {};

// The analyses that take a group attribute.
const std::vector<std::string> kGroupAttributes = {"sector", "region", "kind", "foreign"};

std::vector<std::string> LinkScoreNames() {
  std::vector<std::string> names;
  for (int s = 0; s <= static_cast<int>(LinkScore::kKatz); ++s)
    names.push_back(LinkScoreName(static_cast<LinkScore>(s)));
  return names;
}

// The suggest command judges a score on a time split when given a date to split at.
struct SuggestArgs {
  SuggestRequest suggest;
  LinkEvaluationRequest evaluate;

  // The evaluation takes suggest's score and top.
  LinkEvaluationRequest Evaluation() const {
    LinkEvaluationRequest e = evaluate;
    e.score = suggest.score;
    e.k = suggest.top;
    return e;
  }
  Status Validate() const {
    return evaluate.split.empty() ? suggest.Validate() : Evaluation().Validate();
  }
};

// The gap report's own parameters beside GapRequest's.
struct GapArgs {
  GapRequest gaps;
  std::string scope;    // region=PATH: the report's region, instead of a region filter
  std::string helices;  // a helix mapping for synergy

  Status Validate() const { return gaps.Validate(); }
};

struct SynergyArgs {
  std::string helices;
};

std::vector<Entry> MakeEntries() {
  std::vector<Entry> e;
#define F(member) \
  [](auto& r) -> auto& { return r.member; }
  e.push_back(Define<CentralityRequest>(
      {"centrality", "Rank institutions by a centrality measure"},
      {Enum<CentralityRequest>("metric", "The measure", F(metric), ParseCentralityMetric,
                               CentralityMetricName, CentralityMetrics()),
       Integer<CentralityRequest>("top", "Show the first N (0: all)", F(top)),
       Enum<CentralityRequest>("distance", "hops or inverse-strength", F(distance), ParseDistance,
                               DistanceName, {"hops", "inverse-strength"}),
       Flag<CentralityRequest>(
           "raw",
           "Unnormalized values (degree, betweenness, harmonic: networkx's harmonic_centrality)",
           F(normalized), /*invert=*/true),
       Integer<CentralityRequest>(
           "samples",
           "Betweenness, closeness, harmonic: estimate from N sampled sources (0: exact)",
           F(samples)),
       Integer<CentralityRequest>("seed", "Seed for sampling", F(seed)),
       Integer<CentralityRequest>(
           "threads", "Use at most N threads (1 to 256; the results do not depend on it)",
           F(threads)),
       Real<CentralityRequest>("damping", "PageRank damping", F(damping)),
       Institution<CentralityRequest>("personalize", "PageRank: restart at this institution",
                                      F(personalize), false),
       Real<CentralityRequest>("alpha", "Katz attenuation", F(alpha))},
      [](const Snapshot& snap, const ProjectionOptions& o, const CentralityRequest& r) {
        return One(CentralityTable(snap, o, r));
      }));
  e.push_back(Define<PathRequest>(
      {"path", "Shortest paths between two institutions"},
      {Required(
           Institution<PathRequest>("from", "Institution (key, name or alias)", F(from), true)),
       Required(Institution<PathRequest>("to", "Institution (key, name or alias)", F(to), true)),
       Integer<PathRequest>("k", "The k shortest simple paths", F(k)),
       Flag<PathRequest>("all", "Every shortest path (up to limit)", F(all)),
       Flag<PathRequest>("simple", "Every simple path of at most max-hops ties (up to limit)",
                         F(simple)),
       Integer<PathRequest>("max-hops", "With simple: the longest path, in ties", F(max_hops)),
       Integer<PathRequest>("limit", "The most paths to list", F(limit)),
       Enum<PathRequest>("distance", "hops or inverse-strength", F(distance), ParseDistance,
                         DistanceName, {"hops", "inverse-strength"})},
      [](const Snapshot& snap, const ProjectionOptions& o, const PathRequest& r) {
        return One(PathTable(snap, o, r));
      }));
  e.push_back(Define<CommunityRequest>(
      {"communities", "Find communities (Louvain, Leiden, label propagation)"},
      {Enum<CommunityRequest>("method", "The detection method", F(method), ParseCommunityMethod,
                              CommunityMethodName, {"louvain", "leiden", "label-propagation"}),
       Enum<CommunityRequest>(
           "by", "Instead of detecting: score the grouping by this attribute", F(by),
           ParseGroupAttribute,
           [](const std::optional<GroupAttribute>& by) {
             return by ? GroupAttributeName(*by) : std::string_view();
           },
           kGroupAttributes),
       Enum<CommunityRequest>("quality", "Leiden: modularity or cpm", F(options.quality),
                              ParseQuality, QualityName, {"modularity", "cpm"}),
       Real<CommunityRequest>("resolution", "Modularity resolution", F(options.resolution)),
       Integer<CommunityRequest>("seed", "Seed for the visiting order", F(options.seed)),
       Flag<CommunityRequest>("unweighted", "Ignore tie strengths", F(options.weighted), true),
       Integer<CommunityRequest>("iterations",
                                 "Rounds restarting from the last partition (0: until no gain)",
                                 F(options.iterations)),
       Integer<CommunityRequest>(
           "trials", "Independent runs, best kept (0: 8 up to 10,000 institutions, else 1)",
           F(options.trials))},
      [](const Snapshot& snap, const ProjectionOptions& o, const CommunityRequest& r) {
        return CommunityTables(snap, o, r);
      }));
  struct ComponentArgs {
    bool strong = false;
  };
  e.push_back(Define<ComponentArgs>(
      {"components", "Connected components and their members"},
      {Flag<ComponentArgs>("strong", "Strongly connected components (with directed)", F(strong))},
      [](const Snapshot& snap, const ProjectionOptions& o, const ComponentArgs& r) {
        return ComponentTables(snap, o, r.strong);
      }));
  struct ReachArgs {
    std::string name;
    uint32_t hops = 2;
  };
  e.push_back(Define<ReachArgs>(
      {"reach", "Who can be reached within K ties, in the filtered network"},
      {Required(Institution<ReachArgs>("name", "Institution (key, name or alias)", F(name), true)),
       Integer<ReachArgs>("hops", "How many ties away", F(hops))},
      [](const Snapshot& snap, const ProjectionOptions& o, const ReachArgs& r) {
        return One(ReachTable(snap, o, r.name, r.hops));
      }));
  struct ForestArgs {
    Distance distance = Distance::kInverseStrength;
  };
  e.push_back(Define<ForestArgs>(
      {"spanning-forest", "The strongest ties that keep every component connected"},
      {Enum<ForestArgs>("distance", "inverse-strength (the strongest ties) or hops", F(distance),
                        ParseDistance, DistanceName, {"hops", "inverse-strength"})},
      [](const Snapshot& snap, const ProjectionOptions& o, const ForestArgs& r) {
        return One(SpanningForestTable(snap, o, r.distance));
      }));
  e.push_back(
      Define<NoParams>({"cut-points", "Institutions and ties whose loss splits the network"}, {},
                       [](const Snapshot& snap, const ProjectionOptions& o, const NoParams&) {
                         return CutPointTables(snap, o);
                       }));
  e.push_back(
      Define<NoParams>({"structure", "Density, clustering, transitivity, assortativity, diameter"},
                       {}, [](const Snapshot& snap, const ProjectionOptions& o, const NoParams&) {
                         return One(StructureTable(snap, o));
                       }));
  e.push_back(Define<BrokerRequest>(
      {"brokers", "Who brokers between groups (Gould-Fernandez roles) and spans structural holes"},
      {Enum<BrokerRequest>("group", "Groups by this attribute", F(group), ParseGroupAttribute,
                           GroupAttributeName, kGroupAttributes),
       Integer<BrokerRequest>("top", "Show the first N of each table (0: all)", F(top)),
       Flag<BrokerRequest>("unweighted", "Structural holes: every tie counts 1", F(weighted), true),
       Flag<BrokerRequest>("partial-credit",
                           "A pair with k brokers gives each 1/k (UCINET's weighted brokerage)",
                           F(partial_credit)),
       Integer<BrokerRequest>("permutations",
                              "Test against N shuffles of the group labels (0: no test)",
                              F(test.permutations)),
       Integer<BrokerRequest>("seed", "Seed of the shuffles", F(test.seed))},
      [](const Snapshot& snap, const ProjectionOptions& o, const BrokerRequest& r) {
        return BrokerTables(snap, o, r);
      }));
  e.push_back(Define<MixingRequest>(
      {"mixing", "Ties between groups against chance: mixing matrix, E-I index, assortativity"},
      {Enum<MixingRequest>("by", "Groups by this attribute", F(by), ParseGroupAttribute,
                           GroupAttributeName, kGroupAttributes),
       Flag<MixingRequest>("weighted", "Sum tie strengths instead of counting ties", F(weighted)),
       Real<MixingRequest>("threshold",
                           "Flag group pairs whose observed/expected ratio is below this",
                           F(threshold)),
       Integer<MixingRequest>("permutations",
                              "Test against N shuffles of the group labels (0: no test)",
                              F(test.permutations)),
       Integer<MixingRequest>("seed", "Seed of the shuffles", F(test.seed))},
      [](const Snapshot& snap, const ProjectionOptions& o, const MixingRequest& r) {
        return MixingTables(snap, o, r);
      }));
  e.push_back(Define<SuggestArgs>(
      {"suggest", "Suggest partners an institution has no tie with"},
      {Institution<SuggestArgs>("name", "Institution (key, name or alias)", F(suggest.key), true),
       Text<SuggestArgs>("evaluate",
                         "Instead: train on ties up to DATE, judge the score on ties formed after",
                         F(evaluate.split)),
       Integer<SuggestArgs>("horizon",
                            "With evaluate: only ties formed within N months of DATE (0: any)",
                            F(evaluate.horizon_months)),
       Enum<SuggestArgs>("score", "How pairs are scored", F(suggest.score), ParseLinkScore,
                         LinkScoreName, LinkScoreNames()),
       Integer<SuggestArgs>("top", "How many", F(suggest.top)),
       Flag<SuggestArgs>("cross-sector", "Only institutions of another sector",
                         F(suggest.cross_sector)),
       Flag<SuggestArgs>(
           "include-own-units",
           "Also suggest the institution's own units and the institutions it is part of",
           F(suggest.include_own_units)),
       Real<SuggestArgs>("beta", "Katz attenuation (0: 0.5 / largest eigenvalue)",
                         F(suggest.katz_beta))},
      [](const Snapshot& snap, const ProjectionOptions& o, const SuggestArgs& r) -> Tables {
        if (!r.evaluate.split.empty()) return One(LinkEvaluationTable(snap, o, r.Evaluation()));
        return One(SuggestTable(snap, o, r.suggest));
      }));
  e.push_back(Define<NoParams>(
      {"core-periphery", "Core and periphery (Borgatti-Everett, discrete and continuous)"}, {},
      [](const Snapshot& snap, const ProjectionOptions& o, const NoParams&) {
        return CorePeripheryTables(snap, o);
      }));
  {
    Entry evolution = Define<EvolutionRequest>(
        {"evolution", "The network over a series of time windows", true, false},
        {Required(
             Text<EvolutionRequest>("from", "The first window's end: YYYY or YYYY-MM", F(from))),
         Required(Text<EvolutionRequest>("to", "The last window's end: YYYY or YYYY-MM", F(to))),
         Text<EvolutionRequest>("step", "Between window ends: Ny or Nm", F(step)),
         Text<EvolutionRequest>("window", "Each window's length: Ny or Nm", F(window))},
        [](const Snapshot& snap, const ProjectionOptions& o, const EvolutionRequest& r) {
          return One(EvolutionTable(snap, o, r));
        });
    e.push_back(std::move(evolution));
  }
  e.push_back(Define<SynergyArgs>(
      {"synergy", "Triple/quadruple-helix synergy (Leydesdorff's T) over events", false, false},
      {Text<SynergyArgs>("helices",
                         "Helix mapping, e.g. 'U=academia;I=industry;G=government,public-agency;"
                         "H=hospital' (empty: U, I, G)",
                         F(helices))},
      [](const Snapshot& snap, const ProjectionOptions&, const SynergyArgs& r) -> Tables {
        SynergyRequest req;
        if (!r.helices.empty()) {
          auto h = ParseHelices(r.helices);
          if (!h.ok()) return h.status();
          req.helices = *h;
        }
        return SynergyTables(snap, req);
      }));
  e.push_back(Define<GapArgs>(
      {"gaps", "The gap report: every kind of partnership gap, one table each"},
      {Text<GapArgs>("scope", "The report's region: region=PATH, e.g. region=KR/Chungnam",
                     F(scope)),
       Real<GapArgs>("threshold", "A sector pair with observed/expected ties below this is a gap",
                     F(gaps.threshold)),
       Integer<GapArgs>("months", "An MOU or plan unconverted after this many months is overdue",
                        F(gaps.months)),
       Integer<GapArgs>("suggestions", "How many suggested links", F(gaps.suggestions)),
       Text<GapArgs>("helices", "Helix mapping for synergy (see synergy)", F(helices))},
      [](const Snapshot& snap, const ProjectionOptions& o, const GapArgs& r) -> Tables {
        GapRequest req = r.gaps;
        if (!r.helices.empty()) {
          auto h = ParseHelices(r.helices);
          if (!h.ok()) return h.status();
          req.synergy.helices = *h;
        }
        ProjectionOptions scoped = o;
        if (!r.scope.empty()) {
          if (r.scope.rfind("region=", 0) != 0)
            return Status::InvalidArgument("scope: expected region=PATH, e.g. region=KR/Chungnam");
          scoped.filter.region = ParseRegionPath(r.scope.substr(7));
        }
        return GapReport(snap, scoped, req);
      }));
#undef F
  // The tables each analysis can yield, in order, as "name: column[:type] …" (type string
  // unless given); the registry's test checks every result against these.
  const std::string kPlace = "key name sector region";  // an institution's cells
  const std::string kTest = "with permutations: the permutation test's columns follow";
  const std::map<std::string, std::vector<TableInfo>> tables = {
      {"centrality",
       {Declare("centrality: rank:int " + kPlace + " degree:real", false,
                "the last column is named after the metric (an int for core)")}},
      {"path", {Declare("paths: path:int step:int key name sector length:real")}},
      {"communities",
       {Declare("communities: method quality communities:int modularity:real resolution:real "
                "seed:int"),
        Declare("members: community:int " + kPlace)}},
      {"components",
       {Declare("components: component:int institutions:int"),
        Declare("members: component:int " + kPlace)}},
      {"reach", {Declare("reachable: " + kPlace + " hops:int")}},
      {"spanning-forest",
       {Declare("spanning_forest: key name other_key other_name strength:real")}},
      {"cut-points",
       {Declare("articulation_points: " + kPlace),
        Declare("bridges: key name other_key other_name"),
        Declare("biconnected_blocks: block:int institutions:int keys")}},
      {"structure", {Declare("structure: measure value:real")}},
      {"brokers",
       {Declare("brokerage_roles: rank:int " + kPlace +
                " group coordinator:real itinerant:real gatekeeper:real representative:real "
                "liaison:real total:real across:real across_expected:real"),
        Declare("brokerage_by_group: group role observed:real expected:real o_e:real", false,
                kTest),
        Declare("brokerage_against_chance: rank:int " + kPlace +
                    " group z_coordinator:real p_coordinator:real z_itinerant:real "
                    "p_itinerant:real z_gatekeeper:real p_gatekeeper:real z_representative:real "
                    "p_representative:real z_liaison:real p_liaison:real",
                true, "only with permutations"),
        Declare("structural_holes: rank:int " + kPlace +
                " constraint:real effective_size:real efficiency:real hierarchy:real "
                "partners:int")}},
      {"mixing",
       {Declare("mixing: groups:int e_i:real expected_e_i:real assortativity:real", false, kTest),
        Declare("mixing_matrix: group_a group_b observed:real expected:real o_e:real gap"),
        Declare("ei_by_group: group institutions:int e_i:real", false, kTest)}},
      {"suggest",
       {Declare("suggested_partners: rank:int " + kPlace + " score:real shared:int via", true,
                "without evaluate"),
        Declare("link_evaluation: new_ties:int auc:real comparisons:int precision_at_k:real "
                "k:int candidates:int",
                true, "only with evaluate")}},
      {"core-periphery",
       {Declare("core_periphery: institutions:int core:int rho:real core_density:real "
                "core_periphery_density:real periphery_density:real rho_continuous:real"),
        Declare("coreness: rank:int " + kPlace + " core coreness:real")}},
      {"evolution",
       {Declare("evolution: window institutions:int ties:int density:real e_i:real "
                "assortativity:real components:int main_share:real formed:int dissolved:int "
                "kept:int jaccard:real entrants:int exits:int core:int new_in_core:int "
                "events:int t_uig:real")}},
      {"synergy",
       {Declare("helix_synergy: events:int helices joining_3_or_more:int share_3_or_more:real"),
        Declare("mutual_information: helices dimensions:int t_bits:real")}},
      {"gaps",
       {Declare("missing_sector_pairs: sector_a sector_b observed:real expected:real o_e:real"),
        Declare("lacking_partner_sector: " + kPlace + " missing"),
        Declare("isolated_parts: region institutions:int outside_main_component:int "
                "share_outside:real isolates:int"),
        Declare("region_holes: region sectors_present untied_pairs"),
        Declare("no_broker_sector_pairs: sector_a sector_b"),
        Declare("single_points_of_failure: kind key name other_key other_name"),
        Declare("single_broker_dependency: sector_a sector_b broker name share:real"),
        Declare("helix_synergy: events:int helices joining_3_or_more:int share_3_or_more:real "
                "t_bits:real"),
        Declare("unconverted_ties: tie source target type status since months:int overdue"),
        Declare("suggested_links: key_a name_a key_b name_b score:real via"),
        Declare("global_pipeline: region institutions:int foreign_ties:int gatekeepers:int "
                "gap")}}};
  for (Entry& entry : e) entry.info.tables = tables.at(entry.info.name);
  return e;
}

const std::vector<Entry>& Entries() {
  static const std::vector<Entry> kEntries = MakeEntries();
  return kEntries;
}

}  // namespace

std::string_view ParamTypeName(ParamType type) {
  static constexpr std::string_view kNames[] = {"text", "choice", "integer",
                                                "real", "flag",   "institution"};
  return kNames[static_cast<size_t>(type)];
}

const std::vector<AnalysisInfo>& Analyses() {
  static const std::vector<AnalysisInfo> kInfos = [] {
    std::vector<AnalysisInfo> infos;
    for (const Entry& e : Entries()) infos.push_back(e.info);
    return infos;
  }();
  return kInfos;
}

const AnalysisInfo* FindAnalysis(std::string_view name) {
  for (const AnalysisInfo& info : Analyses()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

Result<std::vector<Table>> RunAnalysis(const Snapshot& snap, std::string_view name,
                                       const ProjectionSpec& projection, const AnalysisArgs& args) {
  std::vector<std::string_view> names;
  for (const Entry& e : Entries()) names.push_back(e.info.name);
  auto match = MatchName("analysis", name, names);  // exact, or spelt another way (Cut_Points)
  if (!match.ok()) return Status::NotFound(match.status().message());
  const Entry& e = Entries()[*match];
  // Filters an analysis does not take are refused, not silently dropped.
  if (!e.info.projection &&
      (!projection.sector.empty() || !projection.kind.empty() || !projection.region.empty() ||
       !projection.type.empty() || !projection.status.empty() || !projection.confidence.empty()))
    return Status::InvalidArgument(e.info.name + " takes no projection filters");
  if (!e.info.time_filters && (!projection.as_of.empty() || !projection.window.empty()))
    return Status::InvalidArgument((projection.as_of.empty() ? "window: " : "as-of: ") +
                                   e.info.name + " sets the time itself");
  auto options = ParseProjectionSpec(projection);
  if (!options.ok()) return options.status();
  return e.run(snap, *options, args);
}

}  // namespace tiegraph
