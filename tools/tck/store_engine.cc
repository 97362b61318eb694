#include "store_engine.h"

#include <stdlib.h>

#include <filesystem>
#include <set>

#include <tiegraph/cypher_bind.h>
#include <tiegraph/cypher_parser.h>
#include <tiegraph/cypher_render.h>
#include <tiegraph/cypher_session.h>

namespace tiegraph::tck {
namespace {

// The README's definition of each side effect: a query whose rows, before and after, differ
// by what the query added and removed.
const std::pair<const char*, const char*> kObservations[] = {
    // Entities by identity: a node whose properties changed is the same node.
    {"nodes", "MATCH (n) RETURN id(n)"},
    {"relationships", "MATCH ()-[r]->() RETURN id(r)"},
    {"labels", "MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label"},
    {"properties",
     "MATCH (n) UNWIND keys(n) AS key WITH properties(n) AS properties, key, n "
     "RETURN id(n) AS entity, key, properties[key] AS value UNION ALL "
     "MATCH ()-[r]->() UNWIND keys(r) AS key WITH properties(r) AS properties, key, r "
     "RETURN -1 - id(r) AS entity, key, properties[key] AS value"},
};

int64_t Added(const std::multiset<std::string>& before, const std::multiset<std::string>& after) {
  int64_t n = 0;
  std::multiset<std::string> left = before;
  for (const auto& row : after) {
    auto it = left.find(row);
    if (it == left.end()) {
      ++n;
    } else {
      left.erase(it);
    }
  }
  return n;
}

// Whether the query's error is one the kit calls "at compile time": raised by parsing or
// binding, before any row is read.
bool CompileTime(const std::string& query, const cypher::Map& params) {
  auto statement = cypher::Parse(query);
  return !statement.ok() || !cypher::Bind(*statement, &params).ok();
}

}  // namespace

StoreEngine::StoreEngine() { Reset(); }
StoreEngine::~StoreEngine() { Close(); }

void StoreEngine::Close() {
  store_.reset();
  if (!dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
    dir_.clear();
  }
}

void StoreEngine::Reset() {
  Close();
  std::string pattern = (std::filesystem::temp_directory_path() / "tiegraph-tck-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return;  // every query then fails: no database
  dir_ = pattern;
  OpenOptions options;
  options.create_if_missing = true;
  options.sync_commits = false;  // a scenario's database is thrown away
  if (!Store::Open(dir_ + "/db", options, &store_).ok()) store_.reset();
}

StoreEngine::Observed StoreEngine::Observe() {
  Observed out;
  cypher::Session session(store_.get());
  for (const auto& [name, text] : kObservations) {
    auto rows = session.Execute(text);
    auto& seen = out[name];
    if (!rows.ok()) continue;
    for (const auto& row : rows->rows()) {
      std::string line;
      for (const auto& v : row) line += cypher::RenderValue(v) + "\t";
      seen.insert(std::move(line));
    }
  }
  return out;
}

Outcome StoreEngine::Execute(const std::string& query, const cypher::Map& params,
                             std::chrono::milliseconds time_limit) {
  Outcome outcome;
  if (!store_) {
    outcome.error = cypher::QueryError{
        cypher::ErrorClass::kStorageError, "", "no database for the scenario", {}};
    return outcome;
  }
  const bool writes = cypher::QueryWrites(query);
  Observed before;
  if (writes) before = Observe();
  cypher::QueryOptions options;
  options.parameters = params;
  options.timeout = time_limit;
  auto result = cypher::Session(store_.get()).Execute(query, options);
  if (!result.ok()) {
    outcome.error = result.error();
    outcome.error_at_compile_time = CompileTime(query, params);
    return outcome;
  }
  for (const auto& c : result->columns()) outcome.columns.push_back(c.name);
  outcome.rows = result->rows();
  if (!writes) return outcome;
  Observed after = Observe();
  SideEffects& e = outcome.effects;
  e.nodes_created = Added(before["nodes"], after["nodes"]);
  e.nodes_deleted = Added(after["nodes"], before["nodes"]);
  e.relationships_created = Added(before["relationships"], after["relationships"]);
  e.relationships_deleted = Added(after["relationships"], before["relationships"]);
  e.labels_added = Added(before["labels"], after["labels"]);
  e.labels_removed = Added(after["labels"], before["labels"]);
  e.properties_set = Added(before["properties"], after["properties"]);
  e.properties_removed = Added(after["properties"], before["properties"]);
  return outcome;
}

}  // namespace tiegraph::tck
