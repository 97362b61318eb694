// GraphAccess: the graph as the executor reads and changes it, in the query language's terms
// (nodes with labels and properties, typed relationships), whatever stores it. The executor
// sees nothing else of the database: store_graph.cc maps it onto a Snapshot (a query that only
// reads) or a Transaction (a query that writes: its changes are visible to its own later
// clauses and committed at the end, all or nothing). Tests may give the executor an in-memory
// graph instead.
//
// Ids are the store's numbers: a node's id (Institution node id), a relationship's tie
// sequence. Neither is reused, so an id that no longer resolves is a deleted entity.
#ifndef TIEGRAPH_CYPHER_GRAPH_H_
#define TIEGRAPH_CYPHER_GRAPH_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <tiegraph/cypher_value.h>
#include <tiegraph/query_error.h>

namespace tiegraph::cypher {

using NodeId = int64_t;
using RelationshipId = int64_t;

// How a pattern's relationship is followed from a node.
enum class ExpandDirection {
  kOutgoing,  // (from)-[r]->(other): r starts at `from`
  kIncoming,  // (from)<-[r]-(other)
  kBoth,      // (from)-[r]-(other)
};

// One relationship met by Expand: its id, the node at its other end, and its stored start and
// end. Every relationship runs from its start to its end (a tie from its source to its target,
// whether or not it is `directed`: that is a property); kBoth matches it from either end. A
// self-loop met with kBoth is reported once.
struct Expansion {
  RelationshipId relationship = 0;
  NodeId other = 0;
  NodeId start = 0, end = 0;
};

// What a query changed, as the conformance kit counts side effects.
struct SideEffects {
  int64_t nodes_created = 0, nodes_deleted = 0;
  int64_t relationships_created = 0, relationships_deleted = 0;
  int64_t labels_added = 0, labels_removed = 0;
  int64_t properties_set = 0, properties_removed = 0;
};

class GraphAccess {
 public:
  virtual ~GraphAccess() = default;

  // ---- Reads (a writing query sees its own changes) ----

  // Every node, or those with `label` (a sector label such as Hospital matches institutions of
  // that sector), in id order. `fn` returns false to stop.
  virtual QueryResult<bool> ForEachNode(const std::string* label,
                                        const std::function<bool(NodeId)>& fn) = 0;
  // A node's labels and properties; EntityNotFound (DeletedEntityAccess) for a deleted one.
  virtual QueryResult<NodeValue> Node(NodeId id) = 0;
  virtual QueryResult<bool> HasLabel(NodeId id, const std::string& label) = 0;
  // One property (null when absent): cheaper than Node() for a filter.
  virtual QueryResult<Value> NodeProperty(NodeId id, const std::string& key) = 0;
  // The relationships at `from` in `direction` whose type is one of `types` (empty: any),
  // matched through the tie-type vocabulary (MOU, mou and 업무협약 are one type).
  virtual QueryResult<std::vector<Expansion>> Expand(NodeId from, ExpandDirection direction,
                                                     const std::vector<std::string>& types) = 0;
  // A relationship with its stored ends (start = source) and properties.
  virtual QueryResult<RelationshipValue> Relationship(RelationshipId id) = 0;
  virtual QueryResult<Value> RelationshipProperty(RelationshipId id, const std::string& key) = 0;
  // Every relationship, in id order (for MATCH ()-[r]->() without a bound end).
  virtual QueryResult<bool> ForEachRelationship(const std::function<bool(RelationshipId)>& fn) = 0;

  // ---- Writes (a read-only graph answers every write with an error) ----

  virtual QueryResult<NodeId> CreateNode(const std::vector<std::string>& labels,
                                         const Map& properties) = 0;
  virtual QueryResult<RelationshipId> CreateRelationship(NodeId start, NodeId end,
                                                         const std::string& type,
                                                         const Map& properties) = 0;
  // Sets one property; a null value removes it. Setting a field that an institution or a tie
  // validates (strength, since…) to a value it refuses is an error naming the field.
  virtual QueryResult<bool> SetNodeProperty(NodeId id, const std::string& key,
                                            const Value& value) = 0;
  virtual QueryResult<bool> SetRelationshipProperty(RelationshipId id, const std::string& key,
                                                    const Value& value) = 0;
  virtual QueryResult<bool> AddLabel(NodeId id, const std::string& label) = 0;
  virtual QueryResult<bool> RemoveLabel(NodeId id, const std::string& label) = 0;
  // Deletes a node: with relationships, refused (ConstraintVerificationFailed /
  // DeleteConnectedNode) unless `detach`.
  virtual QueryResult<bool> DeleteNode(NodeId id, bool detach) = 0;
  virtual QueryResult<bool> DeleteRelationship(RelationshipId id) = 0;

  virtual const SideEffects& effects() const = 0;
};

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_GRAPH_H_
