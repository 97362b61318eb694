#include <tiegraph/core_periphery.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace tiegraph {
namespace {

Status NeedsUndirected(const Projection& g) {
  if (g.directed()) return Status::InvalidArgument("core-periphery works on the undirected view");
  if (g.node_count() < 4)
    return Status::InvalidArgument("core-periphery needs 4 institutions or more");
  return Status::OK();
}

// Pearson correlation of two variables from their sums over `n` observations.
double Pearson(double n, double sx, double sy, double sxx, double syy, double sxy) {
  const double cov = sxy / n - (sx / n) * (sy / n);
  const double vx = sxx / n - (sx / n) * (sx / n), vy = syy / n - (sy / n) * (sy / n);
  return vx > 0 && vy > 0 ? cov / std::sqrt(vx * vy) : 0;
}

// rho of the discrete model from the core size and the ties inside core and periphery. Over
// the pairs kept (core–core and periphery–periphery), ties and pattern are both 0/1.
double DiscreteRho(double n_core, double n_all, double ties_core, double ties_periphery) {
  const double cc = n_core * (n_core - 1) / 2, pp = (n_all - n_core) * (n_all - n_core - 1) / 2;
  const double ties = ties_core + ties_periphery;
  return Pearson(cc + pp, ties, cc, ties, cc, ties_core);
}

}  // namespace

Result<DiscreteCorePeriphery> DiscreteCoreness(const Projection& g) {
  TIEGRAPH_RETURN_IF_ERROR(NeedsUndirected(g));
  const size_t n = g.node_count();
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return g.degree(a) > g.degree(b); });
  DiscreteCorePeriphery out;
  out.core.assign(n, 0);
  const size_t start = std::max<size_t>(2, n / 10);
  for (size_t i = 0; i < start; ++i) out.core[order[i]] = 1;
  // Core neighbors per node; ties inside the core and inside the periphery.
  std::vector<double> in_core(n, 0);
  double ties_core = 0, ties_periphery = 0, n_core = static_cast<double>(start);
  for (uint32_t v = 0; v < n; ++v) {
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) {
      const uint32_t u = g.targets()[e];
      in_core[v] += out.core[u];
      if (v > u || out.core[v] != out.core[u]) continue;  // each tie once; none across
      (out.core[v] ? ties_core : ties_periphery) += 1;
    }
  }
  const double N = static_cast<double>(n);
  double rho = DiscreteRho(n_core, N, ties_core, ties_periphery);
  for (int sweep = 0; sweep < 100; ++sweep) {
    bool moved = false;
    for (uint32_t v : order) {
      const double kc = in_core[v], kp = static_cast<double>(g.degree(v)) - kc;
      const bool to_core = !out.core[v];
      if (!to_core && n_core <= 2) continue;
      const double nc = n_core + (to_core ? 1 : -1);
      const double tc = ties_core + (to_core ? kc : -kc);
      const double tp = ties_periphery + (to_core ? -kp : kp);
      const double candidate = DiscreteRho(nc, N, tc, tp);
      if (candidate <= rho + 1e-12) continue;
      rho = candidate, n_core = nc, ties_core = tc, ties_periphery = tp;
      out.core[v] = to_core;
      for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e)
        in_core[g.targets()[e]] += to_core ? 1 : -1;
      moved = true;
    }
    if (!moved) break;
  }
  out.rho = rho;
  const double np = N - n_core;
  double ties_between = 0;
  for (uint32_t v = 0; v < n; ++v) {
    if (out.core[v]) ties_between += static_cast<double>(g.degree(v)) - in_core[v];
  }
  out.core_density = n_core > 1 ? ties_core / (n_core * (n_core - 1) / 2) : 0;
  out.periphery_density = np > 1 ? ties_periphery / (np * (np - 1) / 2) : 0;
  out.core_periphery_density = n_core * np > 0 ? ties_between / (n_core * np) : 0;
  return out;
}

namespace {

// rho of the continuous model, the correlation over pairs i < j of a_ij (0/1) with
// x_ij = c_i c_j, and its gradient in c; O(n + m) from sums: S_k = sum_i c_i^k gives
// sum x = (S1^2 - S2) / 2 and sum x^2 = (S2^2 - S4) / 2, and sum a x runs over the ties.
double ContinuousRho(const Projection& g, const std::vector<double>& c, std::vector<double>* grad) {
  const size_t n = g.node_count();
  const double pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2;
  const double ties = static_cast<double>(g.targets().size()) / 2;
  double s1 = 0, s2 = 0, s4 = 0, sax = 0;
  std::vector<double>& around = *grad;  // first sum_{j ~ k} c_j, then the gradient
  around.assign(n, 0);
  for (uint32_t v = 0; v < n; ++v) {
    const double x = c[v];
    s1 += x, s2 += x * x, s4 += x * x * x * x;
    for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) around[v] += c[g.targets()[e]];
    sax += x * around[v] / 2;
  }
  const double sx = (s1 * s1 - s2) / 2, sxx = (s2 * s2 - s4) / 2;
  const double num = pairs * sax - ties * sx;
  const double den = pairs * sxx - sx * sx;         // pairs^2 var(x)
  const double var_a = pairs * ties - ties * ties;  // pairs^2 var(a)
  if (den <= 0 || var_a <= 0) {
    std::fill(around.begin(), around.end(), 0.0);
    return 0;
  }
  const double scale = 1 / (std::sqrt(var_a) * den * std::sqrt(den));
  for (uint32_t k = 0; k < n; ++k) {
    const double d_sx = s1 - c[k], d_sxx = 2 * c[k] * (s2 - c[k] * c[k]);
    const double d_num = pairs * around[k] - ties * d_sx;
    const double d_den = pairs * d_sxx - 2 * sx * d_sx;
    around[k] = (d_num * den - num * d_den / 2) * scale;
  }
  return num / std::sqrt(var_a * den);
}

// Rescales c so its largest value is 1 (rho does not change with scale).
void ScaleToOne(std::vector<double>* c) {
  const double largest = *std::max_element(c->begin(), c->end());
  if (largest > 0) {
    for (double& x : *c) x /= largest;
  }
}

// Projected gradient ascent of rho from *c (c >= 0, rescaled to a largest value of 1), the
// step growing after a gain and halving after a loss. Returns the rho reached.
double Ascend(const Projection& g, int max_iterations, std::vector<double>* c) {
  const size_t n = g.node_count();
  ScaleToOne(c);
  std::vector<double> grad, trial_grad, trial(n);
  double rho = ContinuousRho(g, *c, &grad);
  auto norm = [](const std::vector<double>& x) {
    double s = 0;
    for (double v : x) s += v * v;
    return std::sqrt(s);
  };
  double step = norm(grad) > 0 ? 0.1 * norm(*c) / norm(grad) : 0;
  for (int it = 0; it < max_iterations && step > 0; ++it) {
    for (uint32_t v = 0; v < n; ++v) trial[v] = std::max(0.0, (*c)[v] + step * grad[v]);
    ScaleToOne(&trial);
    const double candidate = ContinuousRho(g, trial, &trial_grad);
    if (candidate > rho) {
      const double gain = candidate - rho;
      c->swap(trial), grad.swap(trial_grad), rho = candidate;
      step *= 1.5;
      if (gain < 1e-13) break;
    } else {
      step *= 0.5;
      if (step * norm(grad) < 1e-14 * norm(*c)) break;
    }
  }
  return rho;
}

}  // namespace

Result<ContinuousCorePeriphery> ContinuousCoreness(const Projection& g, int max_iterations,
                                                   int random_starts) {
  TIEGRAPH_RETURN_IF_ERROR(NeedsUndirected(g));
  const size_t n = g.node_count();
  // Start: the least-squares fit of c_i c_j to a_ij (alternating updates
  // c_i = sum_j a_ij c_j / sum_{j != i} c_j^2), from degree + 1.
  std::vector<double> c(n), next(n);
  for (uint32_t v = 0; v < n; ++v) c[v] = static_cast<double>(g.degree(v)) + 1;
  for (int it = 0; it < 200; ++it) {
    double squares = 0;
    for (double x : c) squares += x * x;
    double change = 0;
    for (uint32_t v = 0; v < n; ++v) {
      double s = 0;
      for (uint64_t e = g.offsets()[v]; e < g.offsets()[v + 1]; ++e) s += c[g.targets()[e]];
      const double denom = squares - c[v] * c[v];
      next[v] = denom > 0 ? s / denom : 0;
    }
    for (uint32_t v = 0; v < n; ++v) change += std::fabs(next[v] - c[v]);
    c.swap(next);
    if (change < 1e-12 * static_cast<double>(n)) break;
  }
  ScaleToOne(&c);
  // Then the correlation itself, Borgatti & Everett's criterion, from that start and from
  // seeded random ones (a regular network's even start is a saddle point); the best wins.
  double rho = Ascend(g, max_iterations, &c);
  std::mt19937_64 rng(20261122);
  std::uniform_real_distribution<double> uniform(0.05, 1.0);
  for (int start = 0; start < random_starts; ++start) {
    std::vector<double> other(n);
    for (double& x : other) x = uniform(rng);
    const double candidate = Ascend(g, max_iterations, &other);
    if (candidate > rho + 1e-12) rho = candidate, c.swap(other);
  }
  ContinuousCorePeriphery out;
  out.coreness = std::move(c);
  out.rho = rho;
  return out;
}

}  // namespace tiegraph
