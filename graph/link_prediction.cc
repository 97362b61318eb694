#include <tiegraph/link_prediction.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace tiegraph {
namespace {

Status NeedsUndirected(const Projection& g) {
  return g.directed ? Status::InvalidArgument("link suggestion works on the undirected view")
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
      for (uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) s += x[g.targets[e]];
      next[v] = s;
      norm += s * s;
    }
    norm = std::sqrt(norm);
    if (norm == 0) return 0;
    double rayleigh = 0, xx = 0;
    for (uint32_t v = 0; v < n; ++v) next[v] /= norm;
    for (uint32_t v = 0; v < n; ++v) {
      double ax = 0;
      for (uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) ax += next[g.targets[e]];
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
      for (uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) s += walk[g.targets[e]];
      next[v] = beta * s;
      mass += next[v];
    }
    for (uint32_t v = 0; v < n; ++v) score[v] += next[v];
    walk.swap(next);
    if (mass < 1e-14) break;
  }
  return score;
}

}  // namespace

Result<LinkScore> ParseLinkScore(std::string_view name) {
  for (LinkScore s : {LinkScore::kCommonNeighbours, LinkScore::kJaccard, LinkScore::kAdamicAdar,
                      LinkScore::kResourceAllocation, LinkScore::kPreferentialAttachment,
                      LinkScore::kKatz}) {
    if (name == LinkScoreName(s)) return s;
  }
  return Status::InvalidArgument(
      "unknown score '" + std::string(name) +
      "'; choose common-neighbours, jaccard, adamic-adar, resource-allocation, "
      "preferential-attachment or katz");
}

const char* LinkScoreName(LinkScore score) {
  switch (score) {
    case LinkScore::kCommonNeighbours:
      return "common-neighbours";
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

std::vector<uint32_t> SharedNeighbours(const Projection& g, uint32_t x, uint32_t y) {
  std::vector<uint32_t> shared;
  std::set_intersection(g.targets.begin() + static_cast<ptrdiff_t>(g.offsets[x]),
                        g.targets.begin() + static_cast<ptrdiff_t>(g.offsets[x + 1]),
                        g.targets.begin() + static_cast<ptrdiff_t>(g.offsets[y]),
                        g.targets.begin() + static_cast<ptrdiff_t>(g.offsets[y + 1]),
                        std::back_inserter(shared));
  return shared;
}

Result<double> PairScore(const Projection& g, uint32_t x, uint32_t y, LinkScore score) {
  TIEGRAPH_RETURN_IF_ERROR(NeedsUndirected(g));
  if (x >= g.node_count() || y >= g.node_count()) return Status::InvalidArgument("no such node");
  const double kx = static_cast<double>(g.degree(x)), ky = static_cast<double>(g.degree(y));
  const std::vector<uint32_t> shared = SharedNeighbours(g, x, y);
  const double cn = static_cast<double>(shared.size());
  double sum = 0;
  switch (score) {
    case LinkScore::kCommonNeighbours:
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
  if (o.group && o.group->size() != n) return Status::InvalidArgument("one group per node is needed");
  std::vector<char> excluded(n, 0);  // the source, its partners, and its own group if asked
  excluded[source] = 1;
  for (uint64_t e = g.offsets[source]; e < g.offsets[source + 1]; ++e) excluded[g.targets[e]] = 1;
  if (o.group) {
    for (size_t v = 0; v < n; ++v) excluded[v] |= (*o.group)[v] == (*o.group)[source];
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
    // Two-paths source - z - y reach every candidate with a shared neighbour.
    std::vector<double> common(n, 0);
    for (uint64_t e = g.offsets[source]; e < g.offsets[source + 1]; ++e) {
      const uint32_t z = g.targets[e];
      const double kz = static_cast<double>(g.degree(z));
      for (uint64_t f = g.offsets[z]; f < g.offsets[z + 1]; ++f) {
        const uint32_t y = g.targets[f];
        if (excluded[y]) continue;
        if (common[y] == 0) candidates.push_back(y);
        common[y] += 1;
        if (o.score == LinkScore::kAdamicAdar) score[y] += 1 / std::log(kz);
        if (o.score == LinkScore::kResourceAllocation) score[y] += 1 / kz;
      }
    }
    for (uint32_t y : candidates) {
      const double ky = static_cast<double>(g.degree(y));
      if (o.score == LinkScore::kCommonNeighbours) score[y] = common[y];
      if (o.score == LinkScore::kJaccard) score[y] = common[y] / (kx + ky - common[y]);
    }
  }
  std::sort(candidates.begin(), candidates.end(), [&](uint32_t a, uint32_t b) {
    return score[a] != score[b] ? score[a] > score[b] : g.keys[a] < g.keys[b];
  });
  if (candidates.size() > o.top) candidates.resize(o.top);
  std::vector<LinkSuggestion> out;
  for (uint32_t y : candidates) out.push_back({y, score[y]});
  return out;
}

}  // namespace tiegraph
