// Link suggestion judged on a time split: train on the ties that started by the split, test on
// those that formed after it.
#include <tiegraph/link_evaluation.h>

#include <tiegraph/vocabulary.h>

#include <random>
#include <set>
#include <string_view>
#include <unordered_map>

#include <tiegraph/projection_access.h>

namespace tiegraph {

Status LinkEvaluationRequest::Validate() const {
  if (score == LinkScore::kKatz) {
    return Status::InvalidArgument(
        "score: an evaluation scores pairs one by one: choose a local score or "
        "preferential-attachment, not katz");
  }
  // The names are the registry's: suggest's top is the k, its evaluate the split.
  if (k == 0) return Status::InvalidArgument("top: must be at least 1");
  if (comparisons == 0) return Status::InvalidArgument("comparisons: must be at least 1");
  if (horizon_months < 0)
    return Status::InvalidArgument("horizon: must be 0 or more, not " +
                                   std::to_string(horizon_months));
  auto date = ParseDate(split);
  if (!date.ok() || !date->known())
    return Status::InvalidArgument("evaluate: expected a date YYYY[-MM[-DD]], not '" + split + "'");
  return Status::OK();
}

Result<Table> LinkEvaluationTable(const Snapshot& snap, const ProjectionOptions& projection,
                                  const LinkEvaluationRequest& r) {
  if (projection.directed)
    return Status::InvalidArgument("link evaluation uses the undirected view");
  TIEGRAPH_RETURN_IF_ERROR(r.Validate());
  auto split = ParseDate(r.split);
  ProjectionOptions train = projection;
  train.filter.window_to = *split;  // ties that started by the split, or have no start
  train.filter.as_of = Date();
  auto g = Build(snap, train);
  if (!g.ok()) return g.status();
  // Ties formed after the split (within the horizon) between two institutions of the training
  // network that had no tie there.
  std::set<std::pair<uint32_t, uint32_t>> positives;
  const int after = LastMonth(*split);
  auto adjacent = [&](uint32_t a, uint32_t b) {
    return std::binary_search(g->targets().begin() + static_cast<ptrdiff_t>(g->offsets()[a]),
                              g->targets().begin() + static_cast<ptrdiff_t>(g->offsets()[a + 1]),
                              b);
  };
  std::unordered_map<std::string_view, uint32_t> index;
  for (uint32_t v = 0; v < g->node_count(); ++v) index.emplace(g->keys()[v], v);
  auto find = [&](const std::string& key, uint32_t* v) {
    auto it = index.find(key);
    return it != index.end() && (*v = it->second, true);
  };
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachTie([&](const Tie& t) {
    if (!t.since.known() || FirstMonth(t.since) <= after) return true;
    if (r.horizon_months > 0 && FirstMonth(t.since) > after + r.horizon_months) return true;
    if (!projection.filter.include_part_of && t.type == "part_of") return true;
    uint32_t a, b;
    if (!find(t.source, &a) || !find(t.target, &b) || a == b || adjacent(a, b)) return true;
    positives.insert(std::minmax(a, b));
    return true;
  }));
  using enum ColumnType;
  Table out{"link_evaluation",
            std::string("link suggestion judged on ties formed after ") + FormatDate(*split) +
                " (" + LinkScoreName(r.score) + ")",
            {{"new_ties", kInt},
             {"auc", kReal},
             {"comparisons", kInt},
             {"precision_at_k", kReal},
             {"k", kInt},
             {"candidates", kInt}}};
  out.note =
      "AUC: how often a tie that formed scores above a pair that did not (0.5 = chance); "
      "precision@k: the share of the k best-scoring pairs that formed a tie.";
  const size_t n = g->node_count();
  // AUC by sampling (Lü & Zhou 2011): a random new tie against a random unlinked pair.
  std::vector<std::pair<uint32_t, uint32_t>> pos(positives.begin(), positives.end());
  double wins = 0;
  size_t done = 0;
  std::mt19937_64 rng(r.seed);
  if (!pos.empty() && n >= 3) {
    std::uniform_int_distribution<size_t> pick_pos(0, pos.size() - 1);
    std::uniform_int_distribution<uint32_t> pick_node(0, static_cast<uint32_t>(n - 1));
    for (size_t attempts = 0; done < r.comparisons && attempts < r.comparisons * 100; ++attempts) {
      const uint32_t a = pick_node(rng), b = pick_node(rng);
      if (a == b || adjacent(a, b) || positives.count(std::minmax(a, b))) continue;
      const auto& p = pos[pick_pos(rng)];
      auto sp = PairScore(*g, p.first, p.second, r.score);
      if (!sp.ok()) return sp.status();
      auto sn = PairScore(*g, a, b, r.score);
      if (!sn.ok()) return sn.status();
      wins += *sp > *sn ? 1.0 : (*sp == *sn ? 0.5 : 0.0);
      ++done;
    }
  }
  // precision@k over the pairs with a shared partner, best first (ties by key order).
  size_t candidates = 0;
  auto best = BestLinkPairs(*g, r.score, r.k, {}, &candidates);
  if (!best.ok()) return best.status();
  const size_t k = best->size();
  size_t hits = 0;
  for (const LinkPair& p : *best) hits += positives.count({p.a, p.b});
  out.AddRow({static_cast<int64_t>(positives.size()),
              done ? Cell(wins / static_cast<double>(done)) : Cell(), static_cast<int64_t>(done),
              k ? Cell(static_cast<double>(hits) / static_cast<double>(k)) : Cell(),
              static_cast<int64_t>(k), static_cast<int64_t>(candidates)});
  return out;
}

}  // namespace tiegraph
