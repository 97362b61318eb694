// Link suggestion: scores for pairs of institutions that have no tie, from the structure
// around them (Liben-Nowell & Kleinberg 2007; Lü & Zhou 2011). Scores use the undirected
// view's topology (distinct neighbors, as networkx's link-prediction functions).
#ifndef TIEGRAPH_LINK_PREDICTION_H_
#define TIEGRAPH_LINK_PREDICTION_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include <tiegraph/projection.h>
#include <tiegraph/status.h>

namespace tiegraph {

enum class LinkScore {
  kCommonNeighbors,         // |N(x) ∩ N(y)|
  kJaccard,                 // |N(x) ∩ N(y)| / |N(x) ∪ N(y)|
  kAdamicAdar,              // sum over shared z of 1 / ln k_z
  kResourceAllocation,      // sum over shared z of 1 / k_z
  kPreferentialAttachment,  // k_x k_y
  kKatz,                    // sum over l >= 1 of beta^l (number of walks of length l)
};
Result<LinkScore> ParseLinkScore(std::string_view name);
const char* LinkScoreName(LinkScore score);

struct SuggestOptions {
  LinkScore score = LinkScore::kResourceAllocation;
  size_t top = 10;
  // When set, only nodes of another group than the source's are suggested (cross-sector).
  const std::vector<uint32_t>* group = nullptr;
  // When set, only nodes it accepts are suggested (before the top are taken).
  std::function<bool(uint32_t)> keep;
  // Katz's attenuation; 0 picks 0.5 / lambda_max (it must stay below 1 / lambda_max).
  double katz_beta = 0;
};

struct LinkSuggestion {
  uint32_t node = 0;
  double score = 0;
};

// The best-scoring nodes with no tie to `source`, highest first, equal scores in key order.
// Scores of zero are left out (for preferential attachment: nodes with no tie at all).
Result<std::vector<LinkSuggestion>> SuggestLinks(const Projection& g, uint32_t source,
                                                 const SuggestOptions& options);

struct LinkPair {
  uint32_t a = 0, b = 0;  // a < b
  double score = 0;
};
// Over the whole network: the `top` best pairs a < b with no tie and at least one shared
// neighbor that `keep(a, b)` accepts (every pair when empty), highest first, equal scores in
// key order; `candidates`, when given, receives how many pairs were scored. Local scores and
// preferential attachment (of pairs with a shared neighbor); not Katz.
Result<std::vector<LinkPair>> BestLinkPairs(
    const Projection& g, LinkScore score, size_t top,
    const std::function<bool(uint32_t, uint32_t)>& keep = {}, size_t* candidates = nullptr);

// The score of one pair (any two nodes; adjacency is not checked). Katz is not offered here.
Result<double> PairScore(const Projection& g, uint32_t x, uint32_t y, LinkScore score);

// Nodes adjacent to both x and y, in index order: the explanation of a suggestion.
std::vector<uint32_t> SharedNeighbors(const Projection& g, uint32_t x, uint32_t y);

}  // namespace tiegraph

#endif  // TIEGRAPH_LINK_PREDICTION_H_
