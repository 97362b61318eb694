// Strongly connected components with Boost.Graph's strong_components (Tarjan), run on the
// projection's rows through the adapter.
#include <boost/graph/strong_components.hpp>

#include <tiegraph/projection.h>

#include <tiegraph/community.h>

#include "bgl_adapter.h"

namespace tiegraph {

uint32_t StronglyConnectedComponents(const Projection& g, std::vector<uint32_t>* component) {
  component->assign(g.node_count(), 0);
  if (g.node_count() == 0) return 0;
  auto comp_map = boost::make_iterator_property_map(component->begin(), VertexIndexMap());
  boost::strong_components(g, comp_map, boost::vertex_index_map(VertexIndexMap()));
  return CanonicalCommunities(component);  // largest first, like the weak components
}

}  // namespace tiegraph
