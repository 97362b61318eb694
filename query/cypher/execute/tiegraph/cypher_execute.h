// The execute stage of the query language: runs a parsed statement against a graph.
//
// ExecuteStatement binds the statement (cypher_bind.h), plans it (cypher_plan.h) and pulls its
// rows through the operators, reading and changing the graph only through GraphAccess
// (cypher_graph.h). Errors are QueryErrors in the conformance kit's classes and codes; every
// limit hit is a QueryError of class kTimeout or kLimitExceeded naming the limit.
#ifndef TIEGRAPH_CYPHER_EXECUTE_H_
#define TIEGRAPH_CYPHER_EXECUTE_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include <tiegraph/cypher_ast.h>
#include <tiegraph/cypher_graph.h>
#include <tiegraph/cypher_value.h>
#include <tiegraph/query_error.h>

namespace tiegraph::cypher {

struct ExecuteOptions {
  Map parameters;
  std::chrono::milliseconds timeout{30000};
  size_t max_rows = 10'000'000;  // rows of the result and of any operator that holds rows
  size_t max_memory_bytes = size_t{1} << 30;  // estimated bytes of the rows held at once
  // Relationships one variable-length pattern ([*], [*2..]) may walk: the walk is depth-first,
  // so this also bounds the stack it takes.
  size_t max_path_length = 1000;
};

struct QueryOutput {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  SideEffects effects;
  std::string plan;  // EXPLAIN: the plan, no rows
  bool writes = false;
};

QueryResult<QueryOutput> ExecuteStatement(const ast::Statement& statement, GraphAccess* graph,
                                          const ExecuteOptions& options);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_EXECUTE_H_
