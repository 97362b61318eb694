// Events as the query language sees them: nodes labelled Event (properties key, name, type,
// date, evidence and their typed properties), each participant a relationship
// PARTICIPATED_IN from the institution to the event, with its `role`. Events are read-only to
// the language (they change with `tiegraph set event`).
//
// Ids: events and participations have no stored number, so they take ids from 2^40 up, in the
// events' key order (participations in each event's order): stable while the events stay as
// they are, and never confused with a node id or a tie sequence (both below 2^32 and 2^40).
#ifndef TIEGRAPH_CYPHER_EVENT_NODES_H_
#define TIEGRAPH_CYPHER_EVENT_NODES_H_

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <tiegraph/cypher_graph.h>
#include <tiegraph/store.h>

namespace tiegraph::cypher {

inline constexpr std::string_view kEventLabel = "Event";
inline constexpr std::string_view kParticipatedIn = "PARTICIPATED_IN";

struct Participation {
  RelationshipId id = 0;
  NodeId event = 0;
  std::string institution;  // its key
  std::string role;
};

class EventNodes {
 public:
  static constexpr int64_t kFirstId = int64_t{1} << 40;
  static bool Owns(int64_t id) { return id >= kFirstId; }

  // Reads every event of `snapshot` once.
  QueryResult<bool> Load(const Snapshot& snapshot);

  const std::vector<NodeId>& ids() const { return ids_; }
  // nullptr for an id that is no event.
  const Event* Find(NodeId id) const;
  const Participation* FindParticipation(RelationshipId id) const;
  NodeValue Node(NodeId id) const;  // REQUIRES: Find(id)
  Value Property(NodeId id, const std::string& key) const;
  // The participations of one institution (by key), and of one event.
  std::vector<const Participation*> AtInstitution(const std::string& key) const;
  std::vector<const Participation*> AtEvent(NodeId id) const;
  const std::vector<Participation>& participations() const { return participations_; }

 private:
  bool loaded_ = false;
  std::vector<NodeId> ids_;
  std::map<NodeId, Event> events_;
  std::vector<Participation> participations_;  // in id order
  std::unordered_map<std::string, std::vector<size_t>> by_institution_;
  std::map<NodeId, std::vector<size_t>> by_event_;
};

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_EVENT_NODES_H_
