// Projection: the immutable, in-memory view of the stored network that every analysis runs on,
// built from one consistent Snapshot with the same filters on every command.
//
// Nodes are the institutions that pass the node filters, numbered 0..n-1 in storage order.
// Arcs are held in compressed sparse rows: the out-neighbors of v are
// targets[offsets[v] .. offsets[v+1]), with their weights (strengths) alongside. An undirected
// projection holds each tie as two arcs; a directed one holds out-arcs and, separately, in-arcs.
// Parallel ties between a pair are combined into one arc (count, sum or max of strength) and
// self-loops are dropped. Memory: 12 bytes per arc, so 24 bytes per tie in either view.
#ifndef TIEGRAPH_PROJECTION_H_
#define TIEGRAPH_PROJECTION_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph {

// How parallel ties between the same two institutions become one arc.
enum class CombineTies { kCount, kSum, kMax };
// "count" | "sum" | "max".
Result<CombineTies> ParseCombineTies(std::string_view name);
std::string_view CombineTiesName(CombineTies c);

struct ProjectionFilter {
  // Nodes with any of these labels; empty = institutions (nodes labelled Institution) alone.
  std::vector<std::string> labels;
  std::vector<Sector> sectors;     // institutions with any of these sectors; empty = all
  std::vector<std::string> kinds;  // institutions of these kinds; empty = all
  // Institutions in this region: its levels from the top (KR/Chungnam) or from any level down
  // (Chungnam, Gyeonggi/Goyang); empty = all.
  std::vector<std::string> region;
  std::vector<std::string> tie_types;   // ties of these types; empty = all
  std::vector<TieStatus> statuses;      // empty = all
  std::vector<Confidence> confidences;  // empty = all
  // Ties valid on this date (known `as_of`), or at some time in [window_from, window_to].
  // A tie with an unknown start or end is open on that side.
  Date as_of, window_from, window_to;
  double min_strength = 0;       // ties weaker than this drop out
  bool include_part_of = false;  // part_of ties are structure, not partnership
};

struct ProjectionOptions {
  ProjectionFilter filter;
  bool directed = false;  // keep tie direction; undirected ties then count both ways
  CombineTies combine = CombineTies::kSum;
  bool rollup = false;  // merge units into their top-level parent institution
};

class Projection {
 public:
  size_t node_count() const { return keys_.size(); }
  size_t arc_count() const { return targets_.size(); }
  // Distinct connected pairs (directed: ordered pairs).
  size_t edge_count() const { return directed_ ? targets_.size() : targets_.size() / 2; }
  uint64_t degree(uint32_t v) const { return offsets_[v + 1] - offsets_[v]; }
  uint64_t in_degree(uint32_t v) const {
    return directed_ ? in_offsets_[v + 1] - in_offsets_[v] : degree(v);
  }
  // The index of an institution key, or false when it is not in the projection. O(1): a hash
  // index of the keys is made at the first call (a copy makes its own).
  bool Find(std::string_view key, uint32_t* index) const;

  // Read-only views: a projection never changes once built, so analyses may share one.
  bool directed() const { return directed_; }
  std::span<const std::string> keys() const { return keys_; }     // index -> institution key
  std::span<const uint64_t> offsets() const { return offsets_; }  // n + 1
  std::span<const uint32_t> targets() const { return targets_; }
  std::span<const double> weights() const { return weights_; }
  // Directed projections only: in-arcs in the same layout.
  std::span<const uint64_t> in_offsets() const { return in_offsets_; }
  std::span<const uint32_t> in_sources() const { return in_sources_; }
  std::span<const double> in_weights() const { return in_weights_; }
  // Stored ties that passed the filters (before combining).
  size_t ties_used() const { return ties_used_; }
  // Stored node id -> projection index (UINT32_MAX: filtered out); with rollup, a unit maps to
  // its top-level parent's index.
  std::span<const uint32_t> node_index() const { return node_index_; }

 private:
  friend Result<Projection> BuildProjection(const Snapshot&, const ProjectionOptions&);
  friend Projection InducedSubgraph(const Projection&, const std::vector<uint32_t>&);

  bool directed_ = false;
  std::vector<std::string> keys_;
  std::vector<uint64_t> offsets_;
  std::vector<uint32_t> targets_;
  std::vector<double> weights_;
  std::vector<uint64_t> in_offsets_;
  std::vector<uint32_t> in_sources_;
  std::vector<double> in_weights_;
  size_t ties_used_ = 0;
  std::vector<uint32_t> node_index_;

  struct KeyIndex;
  // Holds the index; a copy or a move starts a fresh one, so no two projections share it.
  class KeyIndexSlot {
   public:
    KeyIndexSlot();
    KeyIndexSlot(const KeyIndexSlot&) : KeyIndexSlot() {}
    KeyIndexSlot& operator=(const KeyIndexSlot&);
    ~KeyIndexSlot();
    KeyIndex& operator*() const { return *index_; }

   private:
    std::unique_ptr<KeyIndex> index_;
  };
  KeyIndexSlot key_index_;
};

Result<Projection> BuildProjection(const Snapshot& snapshot, const ProjectionOptions& options);

// The stored ties `g` was built from (built with `options`), in write order: their sequence
// numbers (see Snapshot::ForEachTieSummary) and the projection nodes they join, source side
// first. Parallel ties come one by one, as stored; for exports that keep every tie.
Status ForEachProjectedTie(
    const Snapshot& snapshot, const ProjectionOptions& options, const Projection& g,
    const std::function<void(uint64_t sequence, uint32_t a, uint32_t b)>& fn);

// The projection restricted to the nodes in `keep` (ascending indexes of g), renumbered in
// that order, with the arcs among them; node_index maps stored ids to the new numbers.
Projection InducedSubgraph(const Projection& g, const std::vector<uint32_t>& keep);

// True when `wanted` (a region filter's levels) is a run of consecutive levels of `region`: from
// the top (KR/Chungnam) or lower down (Chungnam, Gyeonggi/Goyang), since analysts name
// provinces and cities without the country. An empty filter matches everything.
template <typename Level>
bool InRegion(const std::vector<std::string>& wanted, const std::vector<Level>& region) {
  if (wanted.empty()) return true;
  for (size_t start = 0; start + wanted.size() <= region.size(); ++start) {
    if (std::equal(wanted.begin(), wanted.end(), region.begin() + static_cast<ptrdiff_t>(start)))
      return true;
  }
  return false;
}

// True when a tie with validity [since, until] passes the filter's date conditions.
bool ValidIn(const ProjectionFilter& filter, const Date& since, const Date& until);

// Connected components of the undirected view (weakly connected for a directed projection):
// component[i] for each node, numbered by size (largest first), ties broken by the smallest
// member index. Returns the count.
uint32_t ConnectedComponents(const Projection& g, std::vector<uint32_t>* component);
// Strongly connected components of a directed projection (of an undirected one: the connected
// components), numbered the same way.
uint32_t StronglyConnectedComponents(const Projection& g, std::vector<uint32_t>* component);

}  // namespace tiegraph

#endif  // TIEGRAPH_PROJECTION_H_
