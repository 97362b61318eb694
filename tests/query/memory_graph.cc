#include "memory_graph.h"

#include <algorithm>

#include <tiegraph/cypher_render.h>

namespace tiegraph::cypher::testing {
namespace {

QueryError Deleted(const char* what, int64_t id) {
  return QueryError{ErrorClass::kEntityNotFound,
                    "DeletedEntityAccess",
                    std::string(what) + " " + std::to_string(id) + " has been deleted",
                    {}};
}

}  // namespace

QueryResult<MemoryGraph::StoredNode*> MemoryGraph::LiveNode(NodeId id) {
  if (id < 0 || id >= static_cast<NodeId>(nodes_.size()) || nodes_[id].deleted) {
    return Deleted("node", id);
  }
  return &nodes_[id];
}

QueryResult<MemoryGraph::StoredRelationship*> MemoryGraph::LiveRelationship(RelationshipId id) {
  if (id < 0 || id >= static_cast<RelationshipId>(relationships_.size()) ||
      relationships_[id].deleted) {
    return Deleted("relationship", id);
  }
  return &relationships_[id];
}

QueryResult<bool> MemoryGraph::ForEachNode(const std::string* label,
                                           const std::function<bool(NodeId)>& fn) {
  for (NodeId id = 0; id < static_cast<NodeId>(nodes_.size()); ++id) {
    const StoredNode& node = nodes_[id];
    if (node.deleted) continue;
    if (label != nullptr &&
        std::find(node.labels.begin(), node.labels.end(), *label) == node.labels.end()) {
      continue;
    }
    if (!fn(id)) break;
  }
  return true;
}

QueryResult<NodeValue> MemoryGraph::Node(NodeId id) {
  auto node = LiveNode(id);
  if (!node.ok()) return node.error();
  return NodeValue{id, (*node)->labels, std::make_shared<const Map>((*node)->properties)};
}

QueryResult<bool> MemoryGraph::HasLabel(NodeId id, const std::string& label) {
  auto node = LiveNode(id);
  if (!node.ok()) return node.error();
  const auto& labels = (*node)->labels;
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

QueryResult<Value> MemoryGraph::NodeProperty(NodeId id, const std::string& key) {
  auto node = LiveNode(id);
  if (!node.ok()) return node.error();
  auto found = (*node)->properties.find(key);
  return found == (*node)->properties.end() ? Value() : found->second;
}

QueryResult<std::vector<Expansion>> MemoryGraph::Expand(NodeId from, ExpandDirection direction,
                                                        const std::vector<std::string>& types) {
  std::vector<Expansion> out;
  for (RelationshipId id = 0; id < static_cast<RelationshipId>(relationships_.size()); ++id) {
    const StoredRelationship& r = relationships_[id];
    if (r.deleted) continue;
    if (!types.empty() && std::find(types.begin(), types.end(), r.type) == types.end()) continue;
    const bool out_ok = direction != ExpandDirection::kIncoming && r.start == from;
    const bool in_ok = direction != ExpandDirection::kOutgoing && r.end == from;
    if (out_ok) {
      out.push_back({id, r.end, r.start, r.end});
    } else if (in_ok) {
      out.push_back({id, r.start, r.start, r.end});
    }
  }
  return out;
}

QueryResult<RelationshipValue> MemoryGraph::Relationship(RelationshipId id) {
  auto r = LiveRelationship(id);
  if (!r.ok()) return r.error();
  return RelationshipValue{id, (*r)->type, (*r)->start, (*r)->end,
                           std::make_shared<const Map>((*r)->properties)};
}

QueryResult<Value> MemoryGraph::RelationshipProperty(RelationshipId id, const std::string& key) {
  auto r = LiveRelationship(id);
  if (!r.ok()) return r.error();
  auto found = (*r)->properties.find(key);
  return found == (*r)->properties.end() ? Value() : found->second;
}

QueryResult<bool> MemoryGraph::ForEachRelationship(const std::function<bool(RelationshipId)>& fn) {
  for (RelationshipId id = 0; id < static_cast<RelationshipId>(relationships_.size()); ++id) {
    if (!relationships_[id].deleted && !fn(id)) break;
  }
  return true;
}

QueryResult<NodeId> MemoryGraph::CreateNode(const std::vector<std::string>& labels,
                                            const Map& properties) {
  StoredNode node;
  for (const std::string& label : labels) {
    if (std::find(node.labels.begin(), node.labels.end(), label) == node.labels.end()) {
      node.labels.push_back(label);
    }
  }
  for (const auto& [key, value] : properties) {
    if (!value.is_null()) node.properties[key] = value;
  }
  effects_.nodes_created += 1;
  effects_.labels_added += static_cast<int64_t>(node.labels.size());
  effects_.properties_set += static_cast<int64_t>(node.properties.size());
  nodes_.push_back(std::move(node));
  return static_cast<NodeId>(nodes_.size() - 1);
}

QueryResult<RelationshipId> MemoryGraph::CreateRelationship(NodeId start, NodeId end,
                                                            const std::string& type,
                                                            const Map& properties) {
  for (NodeId id : {start, end}) {
    auto node = LiveNode(id);
    if (!node.ok()) return node.error();
  }
  StoredRelationship r{type, start, end, {}, false};
  for (const auto& [key, value] : properties) {
    if (!value.is_null()) r.properties[key] = value;
  }
  effects_.relationships_created += 1;
  effects_.properties_set += static_cast<int64_t>(r.properties.size());
  relationships_.push_back(std::move(r));
  return static_cast<RelationshipId>(relationships_.size() - 1);
}

bool MemoryGraph::SetIn(Map* properties, const std::string& key, const Value& value) {
  if (value.is_null()) {
    if (properties->erase(key) != 0) effects_.properties_removed += 1;
  } else {
    (*properties)[key] = value;
    effects_.properties_set += 1;
  }
  return true;
}

QueryResult<bool> MemoryGraph::SetNodeProperty(NodeId id, const std::string& key,
                                               const Value& value) {
  auto node = LiveNode(id);
  if (!node.ok()) return node.error();
  return SetIn(&(*node)->properties, key, value);
}

QueryResult<bool> MemoryGraph::SetRelationshipProperty(RelationshipId id, const std::string& key,
                                                       const Value& value) {
  auto r = LiveRelationship(id);
  if (!r.ok()) return r.error();
  return SetIn(&(*r)->properties, key, value);
}

QueryResult<bool> MemoryGraph::AddLabel(NodeId id, const std::string& label) {
  auto node = LiveNode(id);
  if (!node.ok()) return node.error();
  auto& labels = (*node)->labels;
  if (std::find(labels.begin(), labels.end(), label) != labels.end()) return false;
  labels.push_back(label);
  effects_.labels_added += 1;
  return true;
}

QueryResult<bool> MemoryGraph::RemoveLabel(NodeId id, const std::string& label) {
  auto node = LiveNode(id);
  if (!node.ok()) return node.error();
  auto& labels = (*node)->labels;
  auto found = std::find(labels.begin(), labels.end(), label);
  if (found == labels.end()) return false;
  labels.erase(found);
  effects_.labels_removed += 1;
  return true;
}

QueryResult<bool> MemoryGraph::DeleteNode(NodeId id, bool detach) {
  if (id >= 0 && id < static_cast<NodeId>(nodes_.size()) && nodes_[id].deleted) return false;
  auto node = LiveNode(id);
  if (!node.ok()) return node.error();
  std::vector<RelationshipId> attached;
  for (RelationshipId r = 0; r < static_cast<RelationshipId>(relationships_.size()); ++r) {
    const StoredRelationship& rel = relationships_[r];
    if (!rel.deleted && (rel.start == id || rel.end == id)) attached.push_back(r);
  }
  if (!attached.empty() && !detach) {
    return QueryError{ErrorClass::kConstraintVerificationFailed,
                      "DeleteConnectedNode",
                      "node " + std::to_string(id) + " still has relationships",
                      {}};
  }
  for (RelationshipId r : attached) {
    auto deleted = DeleteRelationship(r);
    if (!deleted.ok()) return deleted;
  }
  (*node)->deleted = true;
  effects_.nodes_deleted += 1;
  return true;
}

QueryResult<bool> MemoryGraph::DeleteRelationship(RelationshipId id) {
  if (id >= 0 && id < static_cast<RelationshipId>(relationships_.size()) &&
      relationships_[id].deleted) {
    return false;
  }
  auto r = LiveRelationship(id);
  if (!r.ok()) return r.error();
  (*r)->deleted = true;
  effects_.relationships_deleted += 1;
  return true;
}

MemoryGraph::Observed MemoryGraph::Observe() const {
  Observed observed;
  for (NodeId id = 0; id < static_cast<NodeId>(nodes_.size()); ++id) {
    if (nodes_[id].deleted) continue;
    observed.nodes.insert(id);
    observed.labels.insert(nodes_[id].labels.begin(), nodes_[id].labels.end());
    for (const auto& [key, value] : nodes_[id].properties) {
      observed.properties.insert("n" + std::to_string(id) + "." + key + "=" + RenderValue(value));
    }
  }
  for (RelationshipId id = 0; id < static_cast<RelationshipId>(relationships_.size()); ++id) {
    if (relationships_[id].deleted) continue;
    observed.relationships.insert(id);
    for (const auto& [key, value] : relationships_[id].properties) {
      observed.properties.insert("r" + std::to_string(id) + "." + key + "=" + RenderValue(value));
    }
  }
  return observed;
}

size_t MemoryGraph::live_nodes() const {
  return std::count_if(nodes_.begin(), nodes_.end(),
                       [](const StoredNode& node) { return !node.deleted; });
}

size_t MemoryGraph::live_relationships() const {
  return std::count_if(relationships_.begin(), relationships_.end(),
                       [](const StoredRelationship& r) { return !r.deleted; });
}

}  // namespace tiegraph::cypher::testing
