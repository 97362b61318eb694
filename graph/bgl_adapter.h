// The Projection's out-arcs seen as a Boost.Graph: an IncidenceGraph and VertexListGraph over
// the compressed rows themselves (no copy), so Boost.Graph's algorithms run on it directly.
// tests/graph/bgl_adapter_test.cc proves the concepts with BOOST_CONCEPT_ASSERT.
#ifndef TIEGRAPH_GRAPH_BGL_ADAPTER_H_
#define TIEGRAPH_GRAPH_BGL_ADAPTER_H_

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <boost/property_map/property_map.hpp>

#include <cstdint>
#include <utility>

#include <tiegraph/projection.h>

namespace tiegraph {

// An arc: its source and its position in the rows (which gives target and weight).
struct ProjectionArc {
  uint32_t source = 0;
  uint64_t index = 0;
  bool operator==(const ProjectionArc& o) const { return index == o.index; }
  bool operator!=(const ProjectionArc& o) const { return index != o.index; }
};

class ProjectionArcIterator
    : public boost::iterator_facade<ProjectionArcIterator, ProjectionArc,
                                    boost::random_access_traversal_tag, ProjectionArc> {
 public:
  ProjectionArcIterator() = default;
  ProjectionArcIterator(uint32_t source, uint64_t index) : arc_{source, index} {}

 private:
  friend class boost::iterator_core_access;
  ProjectionArc dereference() const { return arc_; }
  bool equal(const ProjectionArcIterator& o) const { return arc_.index == o.arc_.index; }
  void increment() { ++arc_.index; }
  void decrement() { --arc_.index; }
  void advance(std::ptrdiff_t n) {
    arc_.index = static_cast<uint64_t>(static_cast<std::ptrdiff_t>(arc_.index) + n);
  }
  std::ptrdiff_t distance_to(const ProjectionArcIterator& o) const {
    return static_cast<std::ptrdiff_t>(o.arc_.index) - static_cast<std::ptrdiff_t>(arc_.index);
  }
  ProjectionArc arc_;
};

struct ProjectionTraversal : boost::incidence_graph_tag, boost::vertex_list_graph_tag {};

// Boost.Graph's free functions, found by argument-dependent lookup.
inline std::pair<ProjectionArcIterator, ProjectionArcIterator> out_edges(uint32_t v,
                                                                         const Projection& g) {
  return {ProjectionArcIterator(v, g.offsets()[v]), ProjectionArcIterator(v, g.offsets()[v + 1])};
}
inline uint64_t out_degree(uint32_t v, const Projection& g) { return g.degree(v); }
inline uint32_t source(const ProjectionArc& e, const Projection&) { return e.source; }
inline uint32_t target(const ProjectionArc& e, const Projection& g) { return g.targets()[e.index]; }
inline std::pair<boost::counting_iterator<uint32_t>, boost::counting_iterator<uint32_t>> vertices(
    const Projection& g) {
  return {boost::counting_iterator<uint32_t>(0),
          boost::counting_iterator<uint32_t>(static_cast<uint32_t>(g.node_count()))};
}
inline uint32_t num_vertices(const Projection& g) { return static_cast<uint32_t>(g.node_count()); }

// Vertex indexes are the node numbers themselves.
inline boost::typed_identity_property_map<uint32_t> VertexIndexMap() { return {}; }

}  // namespace tiegraph

namespace boost {

template <>
struct graph_traits<tiegraph::Projection> {
  using vertex_descriptor = uint32_t;
  using edge_descriptor = tiegraph::ProjectionArc;
  using directed_category = directed_tag;
  using edge_parallel_category = disallow_parallel_edge_tag;
  using traversal_category = tiegraph::ProjectionTraversal;
  using out_edge_iterator = tiegraph::ProjectionArcIterator;
  using vertex_iterator = counting_iterator<uint32_t>;
  using degree_size_type = uint64_t;
  using vertices_size_type = uint32_t;
  using edges_size_type = uint64_t;
  // Not provided: this adapter models IncidenceGraph and VertexListGraph only.
  using adjacency_iterator = void;
  using in_edge_iterator = void;
  using edge_iterator = void;
  static vertex_descriptor null_vertex() { return UINT32_MAX; }
};

}  // namespace boost

#endif  // TIEGRAPH_GRAPH_BGL_ADAPTER_H_
