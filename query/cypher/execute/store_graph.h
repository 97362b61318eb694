// StoreGraph: GraphAccess over the store. A query that only reads runs on a Snapshot; one that
// writes runs in a Transaction (begun before the query, committed by the caller when the query
// succeeds), whose changes its later clauses see. Node ids and tie sequences are the store's.
//
// The graph keeps its own account of what the query touched (created, changed, deleted), so a
// scan reads untouched nodes from the snapshot's digests and touched ones from the transaction.
#ifndef TIEGRAPH_CYPHER_STORE_GRAPH_H_
#define TIEGRAPH_CYPHER_STORE_GRAPH_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <tiegraph/cypher_graph.h>
#include <tiegraph/store.h>
#include <tiegraph/tie_types.h>
#include <tiegraph/transaction.h>

#include "event_nodes.h"

namespace tiegraph::cypher {

class StoreGraph final : public GraphAccess {
 public:
  // Reads `snapshot`; every write is refused. With `txn`, reads and writes go through it;
  // `snapshot` must then be the database as the transaction began (nothing else writes while
  // a transaction holds the lock).
  StoreGraph(const Snapshot* snapshot, Transaction* txn);

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

 private:
  // What the digests say of a stored node: enough to filter a scan by label unread.
  struct Stored {
    std::string key;
    bool institution = true;
    Sector sector = Sector::kNone;
    std::vector<Sector> other_sectors;
    std::vector<std::string> labels;
  };

  QueryResult<bool> LoadNodes();
  QueryResult<std::string> NodeKey(NodeId id);
  QueryResult<Institution> NodeRecord(NodeId id);
  QueryResult<NodeId> NodeIdOf(const std::string& key);
  QueryResult<std::string> TieKey(RelationshipId id);
  QueryResult<Tie> TieRecord(RelationshipId id);
  QueryResult<RelationshipId> TieIdOf(const std::string& key);
  // Whether both ends of `tie` are institutions: its domain fields are then its properties.
  QueryResult<bool> Domain(const Tie& tie);
  QueryResult<bool> PutNode(NodeId id, const Institution& node);
  QueryResult<bool> PutTie(const Tie& tie);
  QueryError Refused(const Status& status) const;
  QueryResult<bool> Writable() const;
  QueryResult<bool> IsInstitution(NodeId id);
  const std::string& TypeKey(const std::string& type);
  bool TypeMatches(const std::string& stored, const std::vector<std::string>& wanted);
  QueryResult<const Event*> EventAt(NodeId id);
  QueryResult<const Participation*> ParticipationAt(RelationshipId id);
  QueryResult<RelationshipValue> ParticipationValue(const Participation& p);

  const Snapshot* snap_;
  Transaction* txn_;
  TieTypeVocabulary vocabulary_;
  bool loaded_ = false;
  std::vector<std::optional<Stored>> stored_;  // by node id; nullopt: a tombstone
  std::unordered_map<std::string, NodeId> node_ids_;
  std::set<NodeId> touched_nodes_, deleted_nodes_;
  std::map<NodeId, std::string> created_nodes_;  // id -> key
  std::map<RelationshipId, std::string> tie_keys_;
  std::set<RelationshipId> deleted_ties_, created_ties_;
  std::unordered_map<std::string, std::string> type_keys_;  // tie type -> TieTypeKey
  EventNodes events_;
  SideEffects effects_;
};

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_STORE_GRAPH_H_
