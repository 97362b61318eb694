#include "event_nodes.h"

#include "record_values.h"

namespace tiegraph::cypher {

QueryResult<bool> EventNodes::Load(const Snapshot& snapshot) {
  if (loaded_) return true;
  NodeId next = kFirstId;
  RelationshipId next_rel = kFirstId;
  Status s = snapshot.ForEachEvent([&](const Event& ev) {  // in key order
    const NodeId id = next++;
    ids_.push_back(id);
    for (const Participant& p : ev.participants) {
      by_institution_[p.institution].push_back(participations_.size());
      by_event_[id].push_back(participations_.size());
      participations_.push_back({next_rel++, id, p.institution, p.role});
    }
    events_.emplace(id, ev);
    return true;
  });
  if (!s.ok()) return QueryError{ErrorClass::kStorageError, "", s.message(), {}};
  loaded_ = true;
  return true;
}

const Event* EventNodes::Find(NodeId id) const {
  auto it = events_.find(id);
  return it == events_.end() ? nullptr : &it->second;
}

const Participation* EventNodes::FindParticipation(RelationshipId id) const {
  if (id < kFirstId || id - kFirstId >= static_cast<int64_t>(participations_.size()))
    return nullptr;
  return &participations_[static_cast<size_t>(id - kFirstId)];
}

NodeValue EventNodes::Node(NodeId id) const {
  NodeValue node;
  node.id = id;
  node.labels = {std::string(kEventLabel)};
  node.properties = std::make_shared<const Map>(EventProperties(*Find(id)));
  return node;
}

Value EventNodes::Property(NodeId id, const std::string& key) const {
  const Map all = EventProperties(*Find(id));
  auto it = all.find(key);
  return it == all.end() ? Value() : it->second;
}

std::vector<const Participation*> EventNodes::AtInstitution(const std::string& key) const {
  std::vector<const Participation*> out;
  if (auto it = by_institution_.find(key); it != by_institution_.end()) {
    for (size_t i : it->second) out.push_back(&participations_[i]);
  }
  return out;
}

std::vector<const Participation*> EventNodes::AtEvent(NodeId id) const {
  std::vector<const Participation*> out;
  if (auto it = by_event_.find(id); it != by_event_.end()) {
    for (size_t i : it->second) out.push_back(&participations_[i]);
  }
  return out;
}

}  // namespace tiegraph::cypher
