// An in-memory GraphAccess for the query engine's tests: nodes with labels and properties,
// relationships with a type, ends and properties. Ids count from 0 and are never reused.
#ifndef TIEGRAPH_TESTS_QUERY_MEMORY_GRAPH_H_
#define TIEGRAPH_TESTS_QUERY_MEMORY_GRAPH_H_

#include <set>
#include <string>
#include <vector>

#include <tiegraph/cypher_graph.h>

namespace tiegraph::cypher::testing {

class MemoryGraph : public GraphAccess {
 public:
  QueryResult<bool> ForEachNode(const std::string* label,
                                const std::function<bool(NodeId)>& fn) override;
  QueryResult<NodeValue> Node(NodeId id) override;
  QueryResult<bool> HasLabel(NodeId id, const std::string& label) override;
  QueryResult<Value> NodeProperty(NodeId id, const std::string& key) override;
  QueryResult<std::vector<Expansion>> Expand(NodeId from, ExpandDirection direction,
                                             const std::vector<std::string>& types) override;
  QueryResult<RelationshipValue> Relationship(RelationshipId id) override;
  QueryResult<Value> RelationshipProperty(RelationshipId id, const std::string& key) override;
  QueryResult<bool> ForEachRelationship(const std::function<bool(RelationshipId)>& fn) override;

  QueryResult<NodeId> CreateNode(const std::vector<std::string>& labels,
                                 const Map& properties) override;
  QueryResult<RelationshipId> CreateRelationship(NodeId start, NodeId end, const std::string& type,
                                                 const Map& properties) override;
  QueryResult<bool> SetNodeProperty(NodeId id, const std::string& key, const Value& value) override;
  QueryResult<bool> SetRelationshipProperty(RelationshipId id, const std::string& key,
                                            const Value& value) override;
  QueryResult<bool> AddLabel(NodeId id, const std::string& label) override;
  QueryResult<bool> RemoveLabel(NodeId id, const std::string& label) override;
  QueryResult<bool> DeleteNode(NodeId id, bool detach) override;
  QueryResult<bool> DeleteRelationship(RelationshipId id) override;

  const SideEffects& effects() const override { return effects_; }

  // The graph as the conformance kit observes side effects: live ids, the distinct labels in
  // use, and (entity, key, value) property triples.
  struct Observed {
    std::set<NodeId> nodes;
    std::set<RelationshipId> relationships;
    std::set<std::string> labels;
    std::set<std::string> properties;
  };
  Observed Observe() const;

  size_t live_nodes() const;
  size_t live_relationships() const;

 private:
  struct StoredNode {
    std::vector<std::string> labels;
    Map properties;
    bool deleted = false;
  };
  struct StoredRelationship {
    std::string type;
    NodeId start = 0, end = 0;
    Map properties;
    bool deleted = false;
  };

  QueryResult<StoredNode*> LiveNode(NodeId id);
  QueryResult<StoredRelationship*> LiveRelationship(RelationshipId id);
  bool SetIn(Map* properties, const std::string& key, const Value& value);

  std::vector<StoredNode> nodes_;
  std::vector<StoredRelationship> relationships_;
  SideEffects effects_;
};

}  // namespace tiegraph::cypher::testing

#endif  // TIEGRAPH_TESTS_QUERY_MEMORY_GRAPH_H_
