#include "store_graph.h"

#include <algorithm>

#include <tiegraph/vocabulary.h>

#include "record_values.h"

namespace tiegraph::cypher {
namespace {

QueryError Deleted(std::string_view what, int64_t id) {
  return QueryError{ErrorClass::kEntityNotFound,
                    "DeletedEntityAccess",
                    std::string(what) + " " + std::to_string(id) + " was deleted",
                    {}};
}

QueryError NoSuch(std::string_view what, int64_t id) {
  return QueryError{ErrorClass::kEntityNotFound,
                    "EntityNotFound",
                    "no " + std::string(what) + " " + std::to_string(id),
                    {}};
}

QueryError EventsAreReadOnly() {
  return QueryError{ErrorClass::kSemanticError,
                    "ReadOnlyEvent",
                    "events and their participants change with `tiegraph set event`, not in a "
                    "query",
                    {}};
}

// One tie at a node, whichever view it was read from.
struct TieAt {
  std::string key, other, type;
  bool directed = false;
  bool source_here = false, target_here = false;
};

}  // namespace

StoreGraph::StoreGraph(const Snapshot* snapshot, Transaction* txn) : snap_(snapshot), txn_(txn) {
  auto vocabulary = snap_->GetTieTypeVocabulary();
  vocabulary_ = vocabulary.ok() ? std::move(*vocabulary) : TieTypeVocabulary::BuiltIn();
}

QueryError StoreGraph::Refused(const Status& status) const {
  return QueryError{ErrorClass::kStorageError, "", status.message(), {}};
}

QueryResult<bool> StoreGraph::Writable() const {
  if (txn_) return true;
  return QueryError{ErrorClass::kStorageError,
                    "ReadOnly",
                    "this query writes, and the database is open read-only",
                    {}};
}

QueryResult<bool> StoreGraph::LoadNodes() {
  if (loaded_) return true;
  auto counts = snap_->GetCounts();
  if (!counts.ok()) return Refused(counts.status());
  stored_.assign(counts->next_node_id, std::nullopt);
  Status s = snap_->ForEachInstitutionSummary([&](const InstitutionSummary& in) {
    if (in.node_id >= stored_.size()) stored_.resize(size_t{in.node_id} + 1);
    Stored& node = stored_[in.node_id].emplace();
    node.key = std::string(in.key);
    node.institution = in.institution;
    node.sector = in.sector;
    node.other_sectors = in.other_sectors;
    node.labels.assign(in.labels.begin(), in.labels.end());
    node_ids_.emplace(node.key, in.node_id);
    return true;
  });
  if (!s.ok()) return Refused(s);
  loaded_ = true;
  return true;
}

QueryResult<std::string> StoreGraph::NodeKey(NodeId id) {
  if (EventNodes::Owns(id)) return EventsAreReadOnly();
  if (deleted_nodes_.count(id)) return Deleted("node", id);
  if (auto it = created_nodes_.find(id); it != created_nodes_.end()) return it->second;
  auto loaded = LoadNodes();
  if (!loaded.ok()) return loaded.error();
  if (id < 0 || static_cast<size_t>(id) >= stored_.size() || !stored_[id])
    return NoSuch("node", id);
  return stored_[id]->key;
}

QueryResult<Institution> StoreGraph::NodeRecord(NodeId id) {
  auto key = NodeKey(id);
  if (!key.ok()) return key.error();
  auto record = txn_ ? txn_->GetInstitution(*key) : snap_->GetInstitution(*key);
  if (!record.ok()) return Refused(record.status());
  return std::move(*record);
}

QueryResult<NodeId> StoreGraph::NodeIdOf(const std::string& key) {
  auto loaded = LoadNodes();
  if (!loaded.ok()) return loaded.error();
  if (auto it = node_ids_.find(key); it != node_ids_.end()) return it->second;
  if (!txn_) return Refused(Status::NotFound("no node '" + key + "'"));
  auto id = txn_->NodeId(key);
  if (!id.ok()) return Refused(id.status());
  node_ids_.emplace(key, *id);
  return NodeId{*id};
}

QueryResult<std::string> StoreGraph::TieKey(RelationshipId id) {
  if (EventNodes::Owns(id)) return EventsAreReadOnly();
  if (deleted_ties_.count(id)) return Deleted("relationship", id);
  if (auto it = tie_keys_.find(id); it != tie_keys_.end()) return it->second;
  if (id < 0) return NoSuch("relationship", id);
  auto tie = snap_->GetTieAt(static_cast<uint64_t>(id));
  if (tie.status().IsNotFound()) return NoSuch("relationship", id);
  if (!tie.ok()) return Refused(tie.status());
  tie_keys_.emplace(id, tie->key);
  return tie->key;
}

QueryResult<Tie> StoreGraph::TieRecord(RelationshipId id) {
  if (!txn_ && id >= 0 && !EventNodes::Owns(id) && !tie_keys_.count(id)) {
    // A read-only query meeting the tie first by id: one read gives both key and record.
    auto tie = snap_->GetTieAt(static_cast<uint64_t>(id));
    if (tie.status().IsNotFound()) return NoSuch("relationship", id);
    if (!tie.ok()) return Refused(tie.status());
    tie_keys_.emplace(id, tie->key);
    return std::move(*tie);
  }
  auto key = TieKey(id);
  if (!key.ok()) return key.error();
  auto tie = txn_ ? txn_->GetTie(*key) : snap_->GetTie(*key);
  if (!tie.ok()) return Refused(tie.status());
  return std::move(*tie);
}

QueryResult<RelationshipId> StoreGraph::TieIdOf(const std::string& key) {
  auto seq = txn_ ? txn_->TieSequence(key) : snap_->TieSequence(key);
  if (!seq.ok()) return Refused(seq.status());
  const auto id = static_cast<RelationshipId>(*seq);
  tie_keys_.emplace(id, key);
  return id;
}

QueryResult<bool> StoreGraph::IsInstitution(NodeId id) {
  auto loaded = LoadNodes();
  if (!loaded.ok()) return loaded.error();
  if (!touched_nodes_.count(id) && id >= 0 && static_cast<size_t>(id) < stored_.size() &&
      stored_[id]) {
    return stored_[id]->institution;
  }
  auto record = NodeRecord(id);
  if (!record.ok()) return record.error();
  return record->is_institution();
}

QueryResult<bool> StoreGraph::Domain(const Tie& tie) {
  for (const std::string* end : {&tie.source, &tie.target}) {
    auto id = NodeIdOf(*end);
    if (!id.ok()) return id.error();
    auto institution = IsInstitution(*id);
    if (!institution.ok() || !*institution) return institution;
  }
  return true;
}

const std::string& StoreGraph::TypeKey(const std::string& type) {
  auto it = type_keys_.find(type);
  if (it == type_keys_.end()) it = type_keys_.emplace(type, TieTypeKey(type)).first;
  return it->second;
}

bool StoreGraph::TypeMatches(const std::string& stored, const std::vector<std::string>& wanted) {
  if (wanted.empty()) return true;
  for (const std::string& w : wanted) {
    if (w == stored || vocabulary_.Canonical(w) == stored || TypeKey(w) == TypeKey(stored))
      return true;
  }
  return false;
}

QueryResult<const Event*> StoreGraph::EventAt(NodeId id) {
  auto loaded = events_.Load(*snap_);
  if (!loaded.ok()) return loaded.error();
  const Event* event = events_.Find(id);
  if (!event) return NoSuch("node", id);
  return event;
}

QueryResult<const Participation*> StoreGraph::ParticipationAt(RelationshipId id) {
  auto loaded = events_.Load(*snap_);
  if (!loaded.ok()) return loaded.error();
  const Participation* p = events_.FindParticipation(id);
  if (!p) return NoSuch("relationship", id);
  return p;
}

QueryResult<RelationshipValue> StoreGraph::ParticipationValue(const Participation& p) {
  auto start = NodeIdOf(p.institution);
  if (!start.ok()) return start.error();
  RelationshipValue r;
  r.id = p.id;
  r.type = std::string(kParticipatedIn);
  r.start = *start;
  r.end = p.event;
  Map properties;
  if (!p.role.empty()) properties.emplace("role", p.role);
  r.properties = std::make_shared<const Map>(std::move(properties));
  return r;
}

// ---- Reads ----

QueryResult<bool> StoreGraph::ForEachNode(const std::string* label,
                                          const std::function<bool(NodeId)>& fn) {
  auto loaded = LoadNodes();
  if (!loaded.ok()) return loaded.error();
  auto stored_has = [&](const Stored& node) {
    if (!label) return true;
    if (*label == kInstitutionLabel) return node.institution;
    if (std::find(node.labels.begin(), node.labels.end(), *label) != node.labels.end()) return true;
    if (!node.institution || !IsSectorNodeLabel(*label)) return false;
    if (SectorNodeLabel(node.sector) == *label) return true;
    return std::any_of(node.other_sectors.begin(), node.other_sectors.end(),
                       [&](Sector s) { return SectorNodeLabel(s) == *label; });
  };
  auto visit = [&](NodeId id, bool touched) -> QueryResult<bool> {
    if (deleted_nodes_.count(id)) return true;
    if (touched && label) {
      auto has = HasLabel(id, *label);
      if (!has.ok()) return has.error();
      if (!*has) return true;
    } else if (!touched && !stored_has(*stored_[id])) {
      return true;
    }
    return fn(id);
  };
  for (size_t id = 0; id < stored_.size(); ++id) {
    if (!stored_[id]) continue;
    auto go = visit(static_cast<NodeId>(id), touched_nodes_.count(static_cast<NodeId>(id)) > 0);
    if (!go.ok() || !*go) return go;
  }
  for (const auto& [id, key] : created_nodes_) {
    auto go = visit(id, true);
    if (!go.ok() || !*go) return go;
  }
  if (!label || *label == kEventLabel) {
    auto events = events_.Load(*snap_);
    if (!events.ok()) return events;
    for (NodeId id : events_.ids()) {
      if (!fn(id)) return false;
    }
  }
  return true;
}

QueryResult<NodeValue> StoreGraph::Node(NodeId id) {
  if (EventNodes::Owns(id)) {
    auto event = EventAt(id);
    if (!event.ok()) return event.error();
    return events_.Node(id);
  }
  auto record = NodeRecord(id);
  if (!record.ok()) return record.error();
  NodeValue node;
  node.id = id;
  node.labels = NodeLabels(*record);
  node.properties = std::make_shared<const Map>(NodeProperties(*record));
  return node;
}

QueryResult<bool> StoreGraph::HasLabel(NodeId id, const std::string& label) {
  if (EventNodes::Owns(id)) {
    auto event = EventAt(id);
    if (!event.ok()) return event.error();
    return label == kEventLabel;
  }
  auto record = NodeRecord(id);
  if (!record.ok()) return record.error();
  return NodeHasLabel(*record, label);
}

QueryResult<Value> StoreGraph::NodeProperty(NodeId id, const std::string& key) {
  if (EventNodes::Owns(id)) {
    auto event = EventAt(id);
    if (!event.ok()) return event.error();
    return events_.Property(id, key);
  }
  auto record = NodeRecord(id);
  if (!record.ok()) return record.error();
  return cypher::NodeProperty(*record, key);
}

QueryResult<std::vector<Expansion>> StoreGraph::Expand(NodeId from, ExpandDirection direction,
                                                       const std::vector<std::string>& types) {
  const bool participations = TypeMatches(std::string(kParticipatedIn), types);
  if (EventNodes::Owns(from)) {  // an event: its participants' relationships come in
    auto event = EventAt(from);
    if (!event.ok()) return event.error();
    std::vector<Expansion> out;
    if (direction == ExpandDirection::kOutgoing || !participations) return out;
    for (const Participation* p : events_.AtEvent(from)) {
      auto other = NodeIdOf(p->institution);
      if (!other.ok()) return other.error();
      out.push_back({p->id, *other, *other, from});
    }
    return out;
  }
  auto key = NodeKey(from);
  if (!key.ok()) return key.error();
  std::vector<TieAt> ties;
  if (txn_) {
    auto records = txn_->TiesOf(*key);
    if (!records.ok()) return Refused(records.status());
    for (const Tie& t : *records) {
      ties.push_back({t.key, t.source == *key ? t.target : t.source, t.type, t.directed,
                      t.source == *key, t.target == *key});
    }
  } else {
    std::vector<TieRef> refs;
    Status s = snap_->TiesOf(*key, &refs);
    if (!s.ok()) return Refused(s);
    for (const TieRef& r : refs) {
      const bool directed = r.direction != TieRef::Direction::kUndirected;
      bool source_here = r.direction == TieRef::Direction::kOut;
      if (!directed) {
        // The adjacency entry of an undirected tie does not say which end is its source.
        auto tie = snap_->GetTie(r.tie_key);
        if (!tie.ok()) return Refused(tie.status());
        source_here = tie->source == *key;
      }
      const bool self = r.other == *key;
      ties.push_back(
          {r.tie_key, r.other, r.type, directed, self || source_here, self || !source_here});
    }
  }
  std::vector<Expansion> out;
  for (const TieAt& t : ties) {
    if (!TypeMatches(t.type, types)) continue;
    // A tie is a relationship from its source to its target, directed or not (as every
    // relationship is in the language); an undirected pattern matches it either way.
    const bool out_way = t.source_here;
    const bool in_way = t.target_here;
    if ((direction == ExpandDirection::kOutgoing && !out_way) ||
        (direction == ExpandDirection::kIncoming && !in_way)) {
      continue;
    }
    auto rel = TieIdOf(t.key);
    if (!rel.ok()) return rel.error();
    if (deleted_ties_.count(*rel)) continue;
    auto other = NodeIdOf(t.other);
    if (!other.ok()) return other.error();
    Expansion e{*rel, *other, from, *other};
    if (direction == ExpandDirection::kIncoming ||
        (direction == ExpandDirection::kBoth && !t.source_here)) {
      e.start = *other;
      e.end = from;
    }
    out.push_back(e);
  }
  if (participations && direction != ExpandDirection::kIncoming) {
    auto loaded = events_.Load(*snap_);
    if (!loaded.ok()) return loaded.error();
    for (const Participation* p : events_.AtInstitution(*key))
      out.push_back({p->id, p->event, from, p->event});
  }
  return out;
}

QueryResult<RelationshipValue> StoreGraph::Relationship(RelationshipId id) {
  if (EventNodes::Owns(id)) {
    auto p = ParticipationAt(id);
    if (!p.ok()) return p.error();
    return ParticipationValue(**p);
  }
  auto tie = TieRecord(id);
  if (!tie.ok()) return tie.error();
  auto start = NodeIdOf(tie->source);
  if (!start.ok()) return start.error();
  auto end = NodeIdOf(tie->target);
  if (!end.ok()) return end.error();
  auto domain = Domain(*tie);
  if (!domain.ok()) return domain.error();
  RelationshipValue r;
  r.id = id;
  r.type = tie->type;
  r.start = *start;
  r.end = *end;
  r.properties = std::make_shared<const Map>(TieProperties(*tie, *domain));
  return r;
}

QueryResult<Value> StoreGraph::RelationshipProperty(RelationshipId id, const std::string& key) {
  if (EventNodes::Owns(id)) {
    auto p = ParticipationAt(id);
    if (!p.ok()) return p.error();
    return key == "role" && !(*p)->role.empty() ? Value((*p)->role) : Value();
  }
  auto tie = TieRecord(id);
  if (!tie.ok()) return tie.error();
  auto domain = Domain(*tie);
  if (!domain.ok()) return domain.error();
  return TieProperty(*tie, *domain, key);
}

QueryResult<bool> StoreGraph::ForEachRelationship(const std::function<bool(RelationshipId)>& fn) {
  bool go = true;
  Status s = snap_->ForEachTieSummaryBatch([&](const TieSummary* ties, size_t count) {
    for (size_t i = 0; i < count && go; ++i) {
      const auto id = static_cast<RelationshipId>(ties[i].sequence);
      if (!deleted_ties_.count(id)) go = fn(id);
    }
    return go;
  });
  if (!s.ok()) return Refused(s);
  for (RelationshipId id : created_ties_) {
    if (!go) break;
    if (!deleted_ties_.count(id)) go = fn(id);
  }
  auto events = events_.Load(*snap_);
  if (!events.ok()) return events;
  for (const Participation& p : events_.participations()) {
    if (!go) break;
    go = fn(p.id);
  }
  return go;
}

// ---- Writes ----

QueryResult<bool> StoreGraph::PutNode(NodeId id, const Institution& node) {
  Status s = txn_->PutInstitution(node);
  if (!s.ok()) return Refused(s);
  touched_nodes_.insert(id);
  return true;
}

QueryResult<bool> StoreGraph::PutTie(const Tie& tie) {
  Status s = txn_->PutTie(tie);
  if (!s.ok()) return Refused(s);
  return true;
}

QueryResult<NodeId> StoreGraph::CreateNode(const std::vector<std::string>& labels,
                                           const Map& properties) {
  auto writable = Writable();
  if (!writable.ok()) return writable.error();
  Institution node;
  node.labels.clear();
  const bool institution =
      std::find(labels.begin(), labels.end(), kInstitutionLabel) != labels.end();
  for (const std::string& label : labels) {
    if (std::find(node.labels.begin(), node.labels.end(), label) != node.labels.end()) continue;
    if (institution && IsSectorNodeLabel(label)) {
      // An institution's sector label is its sector.
      const Sector sector = *SectorOfNodeLabel(label);
      if (node.sector == Sector::kNone)
        node.sector = sector;
      else
        node.other_sectors.push_back(sector);
      continue;
    }
    node.labels.push_back(label);
  }
  for (const auto& [key, value] : properties) {
    if (value.is_null()) continue;
    if (institution && key == "key") {
      if (value.kind() != Value::Kind::kString)
        return QueryError{
            ErrorClass::kTypeError, "InvalidPropertyType", "an institution's key is a string", {}};
      node.key = value.string();
      continue;
    }
    auto set = cypher::SetNodeProperty(&node, key, value);
    if (!set.ok()) return set.error();
    ++effects_.properties_set;
  }
  if (institution && node.name.empty())
    return QueryError{ErrorClass::kSemanticError,
                      "MissingInstitutionName",
                      "an Institution node needs a name: CREATE (:Institution {name: '…'})",
                      {}};
  auto key = txn_->CreateInstitution(node);
  if (!key.ok()) return Refused(key.status());
  auto id = txn_->NodeId(*key);
  if (!id.ok()) return Refused(id.status());
  created_nodes_.emplace(*id, *key);
  node_ids_[*key] = *id;
  touched_nodes_.insert(*id);
  ++effects_.nodes_created;
  effects_.labels_added += static_cast<int64_t>(labels.size());
  return NodeId{*id};
}

QueryResult<RelationshipId> StoreGraph::CreateRelationship(NodeId start, NodeId end,
                                                           const std::string& type,
                                                           const Map& properties) {
  auto writable = Writable();
  if (!writable.ok()) return writable.error();
  Tie tie;
  auto source = NodeKey(start);
  if (!source.ok()) return source.error();
  auto target = NodeKey(end);
  if (!target.ok()) return target.error();
  tie.source = *source;
  tie.target = *target;
  tie.type = type;
  tie.directed = true;
  auto domain = Domain(tie);
  if (!domain.ok()) return domain.error();
  for (const auto& [key, value] : properties) {
    if (value.is_null()) continue;
    if (*domain && key == "key" && value.kind() == Value::Kind::kString) {
      tie.key = value.string();
      continue;
    }
    auto set = SetTieProperty(&tie, *domain, key, value);
    if (!set.ok()) return set.error();
    ++effects_.properties_set;
  }
  auto key = txn_->CreateTie(tie);
  if (!key.ok()) return Refused(key.status());
  auto id = TieIdOf(*key);
  if (!id.ok()) return id.error();
  created_ties_.insert(*id);
  ++effects_.relationships_created;
  return *id;
}

QueryResult<bool> StoreGraph::SetNodeProperty(NodeId id, const std::string& key,
                                              const Value& value) {
  auto writable = Writable();
  if (!writable.ok()) return writable.error();
  auto record = NodeRecord(id);
  if (!record.ok()) return record.error();
  const bool had = !cypher::NodeProperty(*record, key).is_null();
  auto set = cypher::SetNodeProperty(&*record, key, value);
  if (!set.ok() || !*set) return set;
  auto put = PutNode(id, *record);
  if (!put.ok()) return put;
  if (!value.is_null())
    ++effects_.properties_set;
  else if (had)
    ++effects_.properties_removed;
  return true;
}

QueryResult<bool> StoreGraph::SetRelationshipProperty(RelationshipId id, const std::string& key,
                                                      const Value& value) {
  auto writable = Writable();
  if (!writable.ok()) return writable.error();
  auto tie = TieRecord(id);
  if (!tie.ok()) return tie.error();
  auto domain = Domain(*tie);
  if (!domain.ok()) return domain.error();
  const bool had = !TieProperty(*tie, *domain, key).is_null();
  auto set = SetTieProperty(&*tie, *domain, key, value);
  if (!set.ok() || !*set) return set;
  auto put = PutTie(*tie);
  if (!put.ok()) return put;
  if (!value.is_null())
    ++effects_.properties_set;
  else if (had)
    ++effects_.properties_removed;
  return true;
}

QueryResult<bool> StoreGraph::AddLabel(NodeId id, const std::string& label) {
  auto writable = Writable();
  if (!writable.ok()) return writable.error();
  auto record = NodeRecord(id);
  if (!record.ok()) return record.error();
  if (NodeHasLabel(*record, label)) return false;
  if (record->is_institution() && IsSectorNodeLabel(label)) {
    const Sector sector = *SectorOfNodeLabel(label);
    if (record->sector == Sector::kNone)
      record->sector = sector;
    else
      record->other_sectors.push_back(sector);
  } else {
    record->labels.push_back(label);
  }
  auto put = PutNode(id, *record);
  if (!put.ok()) return put;
  ++effects_.labels_added;
  return true;
}

QueryResult<bool> StoreGraph::RemoveLabel(NodeId id, const std::string& label) {
  auto writable = Writable();
  if (!writable.ok()) return writable.error();
  auto record = NodeRecord(id);
  if (!record.ok()) return record.error();
  if (!NodeHasLabel(*record, label)) return false;
  auto& labels = record->labels;
  if (auto it = std::find(labels.begin(), labels.end(), label); it != labels.end()) {
    labels.erase(it);
  } else {  // an institution's sector label
    auto& others = record->other_sectors;
    others.erase(std::remove_if(others.begin(), others.end(),
                                [&](Sector s) { return SectorNodeLabel(s) == label; }),
                 others.end());
    if (SectorNodeLabel(record->sector) == label) {
      record->sector = others.empty() ? Sector::kNone : others.front();
      if (!others.empty()) others.erase(others.begin());
    }
  }
  auto put = PutNode(id, *record);
  if (!put.ok()) return put;
  ++effects_.labels_removed;
  return true;
}

QueryResult<bool> StoreGraph::DeleteNode(NodeId id, bool detach) {
  auto writable = Writable();
  if (!writable.ok()) return writable.error();
  auto key = NodeKey(id);
  if (!key.ok()) return key.error();
  auto ties = Expand(id, ExpandDirection::kBoth, {});
  if (!ties.ok()) return ties.error();
  if (!ties->empty() && !detach) {
    return QueryError{ErrorClass::kConstraintVerificationFailed,
                      "DeleteConnectedNode",
                      "node " + std::to_string(id) + " still has " + std::to_string(ties->size()) +
                          " relationship(s): DETACH DELETE removes them too",
                      {}};
  }
  auto report = txn_->DeleteInstitution(*key, detach);
  if (!report.ok()) {
    return QueryError{ErrorClass::kConstraintVerificationFailed,
                      "DeleteConnectedNode",
                      report.status().message(),
                      {}};
  }
  for (const Expansion& e : *ties) {
    if (deleted_ties_.insert(e.relationship).second) ++effects_.relationships_deleted;
  }
  deleted_nodes_.insert(id);
  ++effects_.nodes_deleted;
  return true;
}

QueryResult<bool> StoreGraph::DeleteRelationship(RelationshipId id) {
  auto writable = Writable();
  if (!writable.ok()) return writable.error();
  if (deleted_ties_.count(id)) return false;  // deleting twice in one query is no error
  auto key = TieKey(id);
  if (!key.ok()) return key.error();
  Status s = txn_->DeleteTie(*key);
  if (!s.ok()) return Refused(s);
  deleted_ties_.insert(id);
  ++effects_.relationships_deleted;
  return true;
}

}  // namespace tiegraph::cypher
