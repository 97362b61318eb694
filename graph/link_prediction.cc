#include <tiegraph/link_prediction.h>

#include <algorithm>
#include <cmath>
#include <queue>
#include <string>
#include <tuple>

namespace tiegraph {
namespace {

Status NeedsUndirected(const Projection& g) {
  return g.directed() ? Status::InvalidArgument("link suggestion works on the undirected view")
                      : Status::OK();
}

// The largest eigenvalue of the adjacency matrix, by power iteration on A + I (which has the
// same leading eigenvector and does not oscillate on bipartite graphs).
double LambdaMax(const Projection& g) {
  const size_t n = g.node_count();
  std::vector<double> x(n, 1.0), next(n);
  double lambda = 0;
  for (int it = 0; it < 1000; ++it) {
    double norm = 0;
    for (uint32_t v = 0; v < n; ++v) {
      double s = x[v];
      for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) s += x[g.targets()[e]];
      next[v] = s;
      norm += s * s;
    }
    norm = std::sqrt(norm);
    if (norm == 0) return 0;
    double rayleigh = 0, xx = 0;
    for (uint32_t v = 0; v < n; ++v) next[v] /= norm;
    for (uint32_t v = 0; v < n; ++v) {
      double ax = 0;
      for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) ax += next[g.targets()[e]];
      rayleigh += next[v] * ax;
      xx += next[v] * next[v];
    }
    const double estimate = rayleigh / xx;
    x.swap(next);
    if (std::fabs(estimate - lambda) < 1e-9 * std::max(1.0, estimate)) return estimate;
    lambda = estimate;
  }
  return lambda;
}

// Katz scores from `source` to every node: sum over l >= 1 of beta^l (A^l)[source][y].
std::vector<double> KatzFrom(const Projection& g, uint32_t source, double beta) {
  const size_t n = g.node_count();
  std::vector<double> walk(n, 0), next(n), score(n, 0);
  walk[source] = 1;
  for (int l = 1; l <= 1000; ++l) {
    double mass = 0;
    for (uint32_t v = 0; v < n; ++v) {
      double s = 0;
      for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) s += walk[g.targets()[e]];
      next[v] = beta * s;
      mass += next[v];
    }
    for (uint32_t v = 0; v < n; ++v) score[v] += next[v];
    walk.swap(next);
    if (mass < 1e-14) break;
  }
  return score;
}

// Local scores from one node x to every y reached by a two-path x - z - y: the shared
// neighbors are accumulated over the two-paths, so each x costs the sum of its neighbors'
// degrees. Reused across sources (its arrays are cleared after each).
class TwoPathScorer {
 public:
  TwoPathScorer(const Projection& g, LinkScore score)
      : g_(g), score_(score), common_(g.node_count(), 0), sum_(g.node_count(), 0) {}

  // Calls fn(y, score) once for each y with a shared neighbor that skip(y) lets through.
  template <typename Skip, typename Fn>
  void From(uint32_t x, Skip&& skip, Fn&& fn) {
    for (uint64_t e = g_.offsets()[x]; e < g_.offsets()[x + 1]; ++e) {
      const uint32_t z = g_.targets()[e];
      const double kz = static_cast<double>(g_.degree(z));
      for (uint64_t f = g_.offsets()[z]; f < g_.offsets()[z + 1]; ++f) {
        const uint32_t y = g_.targets()[f];
        if (y == x || skip(y)) continue;
        if (common_[y] == 0) reached_.push_back(y);
        common_[y] += 1;
        sum_[y] += score_ == LinkScore::kAdamicAdar ? 1 / std::log(kz) : 1 / kz;
      }
    }
    const double kx = static_cast<double>(g_.degree(x));
    for (uint32_t y : reached_) {
      const double ky = static_cast<double>(g_.degree(y));
      double s = sum_[y];  // resource allocation, Adamic–Adar
      if (score_ == LinkScore::kCommonNeighbors) s = common_[y];
      if (score_ == LinkScore::kJaccard) s = common_[y] / (kx + ky - common_[y]);
      if (score_ == LinkScore::kPreferentialAttachment) s = kx * ky;
      fn(y, s);
      common_[y] = sum_[y] = 0;
    }
    reached_.clear();
  }

 private:
  const Projection& g_;
  LinkScore score_;
  std::vector<double> common_, sum_;
  std::vector<uint32_t> reached_;
};

}  // namespace

Result<LinkScore> ParseLinkScore(std::string_view name) {
  for (LinkScore s :
       {LinkScore::kCommonNeighbors, LinkScore::kJaccard, LinkScore::kAdamicAdar,
        LinkScore::kResourceAllocation, LinkScore::kPreferentialAttachment, LinkScore::kKatz}) {
    if (name == LinkScoreName(s)) return s;
  }
  if (name == "common-neighbours") return LinkScore::kCommonNeighbors;  // the older spelling
  return Status::InvalidArgument(
      "unknown score '" + std::string(name) +
      "'; choose common-neighbors, jaccard, adamic-adar, resource-allocation, "
      "preferential-attachment or katz");
}

const char* LinkScoreName(LinkScore score) {
  switch (score) {
    case LinkScore::kCommonNeighbors:
      return "common-neighbors";
    case LinkScore::kJaccard:
      return "jaccard";
    case LinkScore::kAdamicAdar:
      return "adamic-adar";
    case LinkScore::kResourceAllocation:
      return "resource-allocation";
    case LinkScore::kPreferentialAttachment:
      return "preferential-attachment";
    case LinkScore::kKatz:
      return "katz";
  }
  return "?";
}

std::vector<uint32_t> SharedNeighbors(const Projection& g, uint32_t x, uint32_t y) {
  std::vector<uint32_t> shared;
  std::set_intersection(g.targets().begin() + static_cast<ptrdiff_t>(g.offsets()[x]),
                        g.targets().begin() + static_cast<ptrdiff_t>(g.offsets()[x + 1]),
                        g.targets().begin() + static_cast<ptrdiff_t>(g.offsets()[y]),
                        g.targets().begin() + static_cast<ptrdiff_t>(g.offsets()[y + 1]),
                        std::back_inserter(shared));
  return shared;
}

Result<double> PairScore(const Projection& g, uint32_t x, uint32_t y, LinkScore score) {
  TIEGRAPH_RETURN_IF_ERROR(NeedsUndirected(g));
  if (x >= g.node_count() || y >= g.node_count()) return Status::InvalidArgument("no such node");
  const double kx = static_cast<double>(g.degree(x)), ky = static_cast<double>(g.degree(y));
  const std::vector<uint32_t> shared = SharedNeighbors(g, x, y);
  const double cn = static_cast<double>(shared.size());
  double sum = 0;
  switch (score) {
    case LinkScore::kCommonNeighbors:
      return cn;
    case LinkScore::kJaccard:
      return kx + ky - cn > 0 ? cn / (kx + ky - cn) : 0.0;
    case LinkScore::kAdamicAdar:
      for (uint32_t z : shared) sum += 1 / std::log(static_cast<double>(g.degree(z)));
      return sum;
    case LinkScore::kResourceAllocation:
      for (uint32_t z : shared) sum += 1 / static_cast<double>(g.degree(z));
      return sum;
    case LinkScore::kPreferentialAttachment:
      return kx * ky;
    case LinkScore::kKatz:
      break;
  }
  return Status::InvalidArgument("Katz scores come from SuggestLinks");
}

Result<std::vector<LinkSuggestion>> SuggestLinks(const Projection& g, uint32_t source,
                                                 const SuggestOptions& o) {
  TIEGRAPH_RETURN_IF_ERROR(NeedsUndirected(g));
  const size_t n = g.node_count();
  if (source >= n) return Status::InvalidArgument("no such node");
  if (o.group && o.group->size() != n)
    return Status::InvalidArgument("one group per node is needed");
  std::vector<char> excluded(n, 0);  // the source, its partners, and its own group if asked
  excluded[source] = 1;
  for (uint64_t e = g.offsets()[source]; e < g.offsets()[source + 1]; ++e)
    excluded[g.targets()[e]] = 1;
  if (o.group) {
    for (size_t v = 0; v < n; ++v) excluded[v] |= (*o.group)[v] == (*o.group)[source];
  }
  if (o.keep) {
    for (uint32_t v = 0; v < n; ++v) excluded[v] |= !o.keep(v);
  }
  std::vector<double> score(n, 0);
  std::vector<uint32_t> candidates;
  const double kx = static_cast<double>(g.degree(source));
  if (o.score == LinkScore::kPreferentialAttachment) {
    for (uint32_t y = 0; y < n; ++y) {
      if (!excluded[y] && g.degree(y) > 0 && kx > 0)
        score[y] = kx * static_cast<double>(g.degree(y)), candidates.push_back(y);
    }
  } else if (o.score == LinkScore::kKatz) {
    double beta = o.katz_beta;
    const double lambda = LambdaMax(g);
    if (beta < 0) return Status::InvalidArgument("Katz's beta must be > 0");
    if (beta == 0) beta = lambda > 0 ? 0.5 / lambda : 0.5;
    if (lambda > 0 && beta >= 1 / lambda) {
      return Status::InvalidArgument("Katz's beta must be below 1/lambda_max = " +
                                     std::to_string(1 / lambda));
    }
    score = KatzFrom(g, source, beta);
    for (uint32_t y = 0; y < n; ++y) {
      if (!excluded[y] && score[y] > 0) candidates.push_back(y);
    }
  } else {
    // Two-paths source - z - y reach every candidate with a shared neighbor.
    TwoPathScorer(g, o.score)
        .From(
            source, [&](uint32_t y) { return excluded[y] != 0; },
            [&](uint32_t y, double value) {
              score[y] = value;
              candidates.push_back(y);
            });
  }
  std::sort(candidates.begin(), candidates.end(), [&](uint32_t a, uint32_t b) {
    return score[a] != score[b] ? score[a] > score[b] : g.keys()[a] < g.keys()[b];
  });
  if (candidates.size() > o.top) candidates.resize(o.top);
  std::vector<LinkSuggestion> out;
  for (uint32_t y : candidates) out.push_back({y, score[y]});
  return out;
}

Result<std::vector<LinkPair>> BestLinkPairs(const Projection& g, LinkScore score, size_t top,
                                            const std::function<bool(uint32_t, uint32_t)>& keep,
                                            size_t* candidates) {
  TIEGRAPH_RETURN_IF_ERROR(NeedsUndirected(g));
  if (score == LinkScore::kKatz)
    return Status::InvalidArgument("pairs are scored one source at a time: not katz");
  auto before = [&](const LinkPair& p, const LinkPair& q) {  // p ranks before q
    if (p.score != q.score) return p.score > q.score;
    return std::tie(g.keys()[p.a], g.keys()[p.b]) < std::tie(g.keys()[q.a], g.keys()[q.b]);
  };
  std::priority_queue<LinkPair, std::vector<LinkPair>, decltype(before)> best(
      before);  // top: worst
  size_t scored = 0;
  TwoPathScorer scorer(g, score);
  std::vector<char> partner(g.node_count(), 0);
  for (uint32_t x = 0; x < g.node_count(); ++x) {
    for (uint64_t e = g.offsets()[x]; e < g.offsets()[x + 1]; ++e) partner[g.targets()[e]] = 1;
    scorer.From(
        x, [&](uint32_t y) { return y < x || partner[y] || (keep && !keep(x, y)); },
        [&](uint32_t y, double value) {
          ++scored;
          const LinkPair p{x, y, value};
          if (best.size() < top) {
            best.push(p);
          } else if (top > 0 && before(p, best.top())) {
            best.pop();
            best.push(p);
          }
        });
    for (uint64_t e = g.offsets()[x]; e < g.offsets()[x + 1]; ++e) partner[g.targets()[e]] = 0;
  }
  if (candidates) *candidates = scored;
  std::vector<LinkPair> out(best.size());
  for (size_t i = out.size(); i-- > 0; best.pop()) out[i] = best.top();
  return out;
}

}  // namespace tiegraph
