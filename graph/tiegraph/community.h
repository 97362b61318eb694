// Community detection and partition quality over the undirected view of a Projection.
// Community ids are stable: numbered by size (largest first), then by smallest member index.
#ifndef TIEGRAPH_COMMUNITY_H_
#define TIEGRAPH_COMMUNITY_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include <tiegraph/projection.h>
#include <tiegraph/status.h>

namespace tiegraph {

// What Leiden optimises: modularity, or the Constant Potts Model (Traag et al. 2011), whose
// resolution is a density: communities are denser inside than `resolution`.
enum class Quality { kModularity, kCpm };
// "modularity" | "cpm".
Result<Quality> ParseQuality(std::string_view name);
std::string_view QualityName(Quality q);

struct CommunityOptions {
  double resolution = 1.0;                 // gamma in the modularity (or CPM) quality
  Quality quality = Quality::kModularity;  // Leiden only; Louvain optimises modularity
  uint64_t seed = 42;    // node visiting order; the same seed gives the same partition
  bool weighted = true;  // arc weights (strengths) or 1 per pair
  int max_levels = 100;
  // Rounds, each restarting from the partition the last one found (igraph's n_iterations):
  // a round stops early when modularity no longer rises; 0 = until then. Default: 2.
  int iterations = 2;
  // Independent runs (seeds seed, seed+1, …), keeping the best modularity: local moving can
  // stall in a poor optimum on small graphs. 0 = automatic: 8 up to 10,000 nodes, else 1.
  int trials = 0;
};

struct Partition {
  std::vector<uint32_t> community;  // per node
  uint32_t count = 0;
  double modularity = 0;  // Newman's modularity of the result at the given resolution
};

// Newman–Girvan modularity of any partition (networkx's modularity, with resolution).
double Modularity(const Projection& g, const std::vector<uint32_t>& community, double resolution,
                  bool weighted);
// Louvain (Blondel et al. 2008): local moves, then aggregation, until no gain.
Result<Partition> Louvain(const Projection& g, const CommunityOptions& options);
// Leiden (Traag, Waltman & van Eck 2019): fast local moves, refinement into well-connected
// sub-communities, aggregation on the refined partition; repeated until nothing moves.
// Partition.modularity is Newman's modularity (reported for CPM runs too).
Result<Partition> Leiden(const Projection& g, const CommunityOptions& options);
// Label propagation (Raghavan et al. 2007), asynchronous, seeded order, ties to smallest label.
Result<Partition> LabelPropagation(const Projection& g, const CommunityOptions& options);
// Renumbers any labelling to the stable convention above; returns the count.
uint32_t CanonicalCommunities(std::vector<uint32_t>* community);

}  // namespace tiegraph

#endif  // TIEGRAPH_COMMUNITY_H_
