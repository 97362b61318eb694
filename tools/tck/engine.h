// The query engine as the conformance-kit runner sees it: a graph that can be emptied and a
// query that runs against it. The runner depends on this interface alone, so it can measure
// whichever engine is plugged in (tck_engine_factory.cc chooses it).
#ifndef TIEGRAPH_TOOLS_TCK_ENGINE_H_
#define TIEGRAPH_TOOLS_TCK_ENGINE_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tiegraph/cypher_value.h>
#include <tiegraph/query_error.h>

namespace tiegraph::tck {

// What a query changed, counted as the kit's README defines observability: nodes and
// relationships created or deleted, distinct labels that appeared in or vanished from the graph,
// (entity, key, value) property triples that appeared or vanished.
struct SideEffects {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
  int64_t properties_set = 0;
  int64_t properties_removed = 0;
  bool operator==(const SideEffects&) const = default;
};

// The result of one query: either an error or a table, and in both cases what it changed.
struct Outcome {
  std::optional<cypher::QueryError> error;
  bool error_at_compile_time = false;  // meaningful only with an error
  std::vector<std::string> columns;
  std::vector<std::vector<cypher::Value>> rows;
  SideEffects effects;
};

// A procedure a scenario declares with `there exists a procedure NAME(IN…) :: (OUT…):`, and the
// table of its rows (input columns first, then output columns).
struct ProcedureDefinition {
  std::string signature;  // "test.my.proc(in :: INTEGER?) :: (out :: STRING?)"
  std::vector<std::string> columns;
  std::vector<std::vector<cypher::Value>> rows;
};

class Engine {
 public:
  virtual ~Engine() = default;
  // Starts over with a fresh, empty graph (and no declared procedures).
  virtual void Reset() = 0;
  // Runs one query. The engine must give up with a kTimeout error once `time_limit` has passed,
  // so that no scenario can hang the runner.
  virtual Outcome Execute(const std::string& query, const cypher::Map& params,
                          std::chrono::milliseconds time_limit) = 0;
  // Declares a test procedure for the scenario; false when the engine has no such facility (the
  // scenario is then skipped).
  virtual bool DefineProcedure(const ProcedureDefinition& /*procedure*/) { return false; }
};

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_ENGINE_H_
