// Degree, strength, betweenness, closeness and harmonic centrality.
#include <tiegraph/centrality.h>
#include <tiegraph/vocabulary.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "traversal.h"

namespace tiegraph {

std::vector<double> DegreeCentrality(const Projection& g, bool normalized) {
  const size_t n = g.node_count();
  std::vector<double> c(n);
  const double scale = normalized && n > 1 ? 1.0 / static_cast<double>(n - 1) : 1.0;
  for (uint32_t v = 0; v < n; ++v) c[v] = static_cast<double>(g.degree(v)) * scale;
  return c;
}

std::vector<double> Strength(const Projection& g) {
  std::vector<double> s(g.node_count(), 0);
  for (uint32_t v = 0; v < s.size(); ++v) {
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) s[v] += g.weights()[e];
  }
  return s;
}

namespace {

// Every node, or a seeded sample of k without replacement (the first k of a partial
// Fisher–Yates shuffle), in node order.
std::vector<uint32_t> Sources(size_t n, size_t samples, uint64_t seed) {
  std::vector<uint32_t> sources(n);
  std::iota(sources.begin(), sources.end(), 0u);
  if (samples > 0 && samples < n) {
    std::mt19937_64 rng(seed);
    for (size_t i = 0; i < samples; ++i) {
      std::uniform_int_distribution<size_t> pick(i, n - 1);
      std::swap(sources[i], sources[pick(rng)]);
    }
    sources.resize(samples);
    std::sort(sources.begin(), sources.end());
  }
  return sources;
}

// For each node v: how many sampled sources (other than v) reach it, the sum of their
// distances to v, and the sum of the reciprocals; searches follow out-arcs from the sources,
// so these are distances *to* v, as the exact measures use.
struct SampledDistances {
  std::vector<double> reached, sum, inverse_sum;
  std::vector<char> sampled;
  size_t k = 0;
};

SampledDistances SampleDistances(const Projection& g, Distance distance, size_t samples,
                                 uint64_t seed, int threads) {
  const size_t n = g.node_count();
  const std::vector<uint32_t> sources = Sources(n, samples, seed);
  SampledDistances out;
  out.k = sources.size();
  out.sampled.assign(n, 0);
  for (uint32_t s : sources) out.sampled[s] = 1;
  std::vector<SampledDistances> partial(static_cast<size_t>(threads));
  ParallelBlocks(sources.size(), threads, [&](int t, size_t begin, size_t end) {
    SampledDistances& p = partial[static_cast<size_t>(t)];
    p.reached.assign(n, 0);
    p.sum.assign(n, 0);
    p.inverse_sum.assign(n, 0);
    ShortestPathSearch search(g, ArcRows::Out(g), distance);
    for (size_t i = begin; i < end; ++i) {
      search.Run(sources[i], false);
      for (uint32_t v : search.order()) {
        if (v == sources[i]) continue;
        p.reached[v] += 1;
        p.sum[v] += search.dist()[v];
        p.inverse_sum[v] += 1.0 / search.dist()[v];
      }
    }
  });
  out.reached.assign(n, 0);
  out.sum.assign(n, 0);
  out.inverse_sum.assign(n, 0);
  for (const auto& p : partial) {
    for (size_t v = 0; v < n && !p.reached.empty(); ++v) {
      out.reached[v] += p.reached[v];
      out.sum[v] += p.sum[v];
      out.inverse_sum[v] += p.inverse_sum[v];
    }
  }
  return out;
}

// Brandes over hops: integer levels, predecessors found as in-neighbors one level up.
void BrandesHops(const Projection& g, const std::vector<uint32_t>& sources, size_t begin,
                 size_t end, std::vector<double>* bc) {
  const size_t n = g.node_count();
  constexpr uint32_t kFar = UINT32_MAX;
  std::vector<uint32_t> level(n, kFar), order;
  std::vector<double> sigma(n, 0), delta(n, 0);
  order.reserve(n);
  const ArcRows in = ArcRows::In(g);
  for (size_t i = begin; i < end; ++i) {
    const uint32_t s = sources[i];
    order.clear();
    order.push_back(s);
    level[s] = 0;
    sigma[s] = 1;
    for (size_t head = 0; head < order.size(); ++head) {
      const uint32_t u = order[head];
      const uint32_t next = level[u] + 1;
      const double su = sigma[u];
      for (uint64_t e = g.offsets()[u]; e < g.offsets()[u + 1]; ++e) {
        const uint32_t v = g.targets()[e];
        if (level[v] == kFar) {
          level[v] = next;
          order.push_back(v);
        }
        if (level[v] == next) sigma[v] += su;
      }
    }
    for (size_t k = order.size(); k-- > 1;) {
      const uint32_t w = order[k];
      const uint32_t up = level[w] - 1;
      const double coeff = (1.0 + delta[w]) / sigma[w];
      for (uint64_t e = in.offsets[w]; e < in.offsets[w + 1]; ++e) {
        const uint32_t v = in.targets[e];
        if (level[v] == up) delta[v] += sigma[v] * coeff;
      }
      (*bc)[w] += delta[w];
    }
    for (uint32_t v : order) level[v] = kFar, sigma[v] = 0, delta[v] = 0;
  }
}

// Brandes over 1/strength distances (Dijkstra forward; predecessors by exact distance sums, as
// networkx compares them).
void BrandesWeighted(const Projection& g, const std::vector<uint32_t>& sources, size_t begin,
                     size_t end, std::vector<double>* bc) {
  ShortestPathSearch search(g, ArcRows::Out(g), Distance::kInverseStrength);
  std::vector<double> delta(g.node_count(), 0);
  const ArcRows in = ArcRows::In(g);
  for (size_t i = begin; i < end; ++i) {
    const uint32_t s = sources[i];
    search.Run(s, true);
    const auto& dist = search.dist();
    const auto& sigma = search.sigma();
    const auto& order = search.order();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const uint32_t w = *it;
      const double coeff = (1.0 + delta[w]) / sigma[w];
      for (uint64_t e = in.offsets[w]; e < in.offsets[w + 1]; ++e) {
        const uint32_t v = in.targets[e];
        if (dist[v] == kUnreached || in.weights[e] <= 0) continue;
        if (dist[v] + 1.0 / in.weights[e] == dist[w]) delta[v] += sigma[v] * coeff;
      }
      if (w != s) (*bc)[w] += delta[w];
    }
    for (uint32_t v : order) delta[v] = 0;
  }
}

Status CheckSampling(size_t samples, int threads) {
  if (threads < 1) return Status::InvalidArgument("threads must be at least 1");
  if (samples == 0) return Status::InvalidArgument("samples must be at least 1");
  return Status::OK();
}

}  // namespace

Result<std::vector<double>> ClosenessEstimate(const Projection& g, Distance distance,
                                              size_t samples, uint64_t seed, int threads) {
  TIEGRAPH_RETURN_IF_ERROR(CheckSampling(samples, threads));
  const size_t n = g.node_count();
  const SampledDistances d = SampleDistances(g, distance, samples, seed, threads);
  std::vector<double> c(n, 0);
  for (size_t v = 0; v < n; ++v) {
    // The sampled sources other than v stand for the n-1 others: (r-1)/sum keeps its ratio,
    // and (r-1)/(n-1) becomes the share of those sources that reach v.
    const double others = static_cast<double>(d.k) - (d.sampled[v] ? 1 : 0);
    if (d.sum[v] > 0 && others > 0) c[v] = d.reached[v] / d.sum[v] * d.reached[v] / others;
  }
  return c;
}

Result<std::vector<double>> HarmonicEstimate(const Projection& g, Distance distance,
                                             bool normalized, size_t samples, uint64_t seed,
                                             int threads) {
  TIEGRAPH_RETURN_IF_ERROR(CheckSampling(samples, threads));
  const size_t n = g.node_count();
  const SampledDistances d = SampleDistances(g, distance, samples, seed, threads);
  std::vector<double> h(n, 0);
  for (size_t v = 0; v < n; ++v) {
    const double others = static_cast<double>(d.k) - (d.sampled[v] ? 1 : 0);
    if (others <= 0) continue;
    const double mean = d.inverse_sum[v] / others;  // per other node
    h[v] = normalized ? mean : mean * static_cast<double>(n - 1);
  }
  return h;
}

Result<std::vector<double>> Betweenness(const Projection& g, const BetweennessOptions& o) {
  const size_t n = g.node_count();
  if (o.threads < 1) return Status::InvalidArgument("threads must be at least 1");
  const std::vector<uint32_t> sources = Sources(n, o.samples, o.seed);
  // Brandes (2001): per source, count shortest paths forward, accumulate dependencies back.
  // Each thread sums into its own array; arrays are added in thread order (deterministic).
  std::vector<std::vector<double>> partial(static_cast<size_t>(o.threads),
                                           std::vector<double>(n, 0));
  ParallelBlocks(sources.size(), o.threads, [&](int t, size_t begin, size_t end) {
    std::vector<double>& bc = partial[static_cast<size_t>(t)];
    if (o.distance == Distance::kHops) {
      BrandesHops(g, sources, begin, end, &bc);
    } else {
      BrandesWeighted(g, sources, begin, end, &bc);
    }
  });
  std::vector<double> bc(n, 0);
  for (const auto& p : partial) {
    for (size_t v = 0; v < n; ++v) bc[v] += p[v];
  }
  // networkx's rescaling: undirected sums count each pair from both ends.
  // (With n <= 2 no node lies between two others and every value is 0.)
  double scale = 1.0;
  if (o.normalized && n > 2) {
    scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
  } else if (!o.normalized && !g.directed()) {
    scale = 0.5;
  }
  if (o.samples > 0 && o.samples < n)
    scale *= static_cast<double>(n) / static_cast<double>(o.samples);
  for (double& x : bc) x *= scale;
  return bc;
}

namespace {

// Runs a search *to* every node (in-arcs) and gives fn(node, search) per node, in parallel.
void ForEachTarget(const Projection& g, Distance distance, int threads,
                   const std::function<void(uint32_t, const ShortestPathSearch&)>& fn) {
  ParallelBlocks(g.node_count(), threads, [&](int, size_t begin, size_t end) {
    ShortestPathSearch search(g, ArcRows::In(g), distance);
    for (size_t v = begin; v < end; ++v) {
      search.Run(static_cast<uint32_t>(v), false);
      fn(static_cast<uint32_t>(v), search);
    }
  });
}

}  // namespace

Result<std::vector<double>> Closeness(const Projection& g, Distance distance, int threads) {
  if (threads < 1) return Status::InvalidArgument("threads must be at least 1");
  const size_t n = g.node_count();
  std::vector<double> c(n, 0);
  ForEachTarget(g, distance, threads, [&](uint32_t v, const ShortestPathSearch& s) {
    double total = 0;
    for (uint32_t u : s.order()) total += s.dist()[u];
    const double reached = static_cast<double>(s.order().size());  // including v itself
    if (total > 0 && n > 1) {
      c[v] = (reached - 1) / total * (reached - 1) / static_cast<double>(n - 1);
    }
  });
  return c;
}

Result<std::vector<double>> Harmonic(const Projection& g, Distance distance, bool normalized,
                                     int threads) {
  if (threads < 1) return Status::InvalidArgument("threads must be at least 1");
  const size_t n = g.node_count();
  std::vector<double> h(n, 0);
  ForEachTarget(g, distance, threads, [&](uint32_t v, const ShortestPathSearch& s) {
    double sum = 0;
    for (uint32_t u : s.order()) {
      if (u != v) sum += 1.0 / s.dist()[u];
    }
    h[v] = normalized && n > 1 ? sum / static_cast<double>(n - 1) : sum;
  });
  return h;
}

namespace {
constexpr std::string_view kDistanceNames[] = {"hops", "inverse-strength"};
}  // namespace

Result<Distance> ParseDistance(std::string_view name) {
  return ParseChoice<Distance>("distance", name, kDistanceNames);
}
std::string_view DistanceName(Distance d) { return kDistanceNames[static_cast<size_t>(d)]; }

}  // namespace tiegraph
