// Running queries on the in-memory graph, and their rows in the conformance kit's notation.
#ifndef TIEGRAPH_TESTS_QUERY_CYPHER_ENGINE_HARNESS_H_
#define TIEGRAPH_TESTS_QUERY_CYPHER_ENGINE_HARNESS_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/cypher_execute.h>
#include <tiegraph/cypher_parser.h>
#include <tiegraph/cypher_render.h>

#include "memory_graph.h"

namespace tiegraph::cypher::testing {

inline ExecuteOptions Params(Map parameters) {
  ExecuteOptions options;
  options.parameters = std::move(parameters);
  return options;
}

inline QueryResult<QueryOutput> RunQuery(MemoryGraph* graph, std::string_view text,
                                         ExecuteOptions options = {}) {
  auto parsed = Parse(text);
  if (!parsed.ok()) return parsed.error();
  return ExecuteStatement(*parsed, graph, options);
}

// Each row as "cell | cell", cells in the kit's notation, in the result's order.
inline std::vector<std::string> RowTexts(const QueryOutput& output) {
  std::vector<std::string> rows;
  for (const auto& row : output.rows) {
    std::string text;
    for (size_t i = 0; i < row.size(); ++i) text += (i == 0 ? "" : " | ") + RenderValue(row[i]);
    rows.push_back(text);
  }
  return rows;
}

// The rows of a query that must succeed, in order.
inline std::vector<std::string> Rows(MemoryGraph* graph, std::string_view text,
                                     ExecuteOptions options = {}) {
  auto output = RunQuery(graph, text, std::move(options));
  if (!output.ok()) return {"error: " + output.error().Render(text)};
  return RowTexts(*output);
}

// The same rows sorted, for results whose order the query leaves open.
inline std::vector<std::string> SortedRows(MemoryGraph* graph, std::string_view text) {
  auto rows = Rows(graph, text);
  std::sort(rows.begin(), rows.end());
  return rows;
}

inline std::vector<std::string> Sorted(std::vector<std::string> rows) {
  std::sort(rows.begin(), rows.end());
  return rows;
}

// The error of a query that must fail: "Class/Code".
inline std::string ErrorOf(MemoryGraph* graph, std::string_view text, ExecuteOptions options = {}) {
  auto output = RunQuery(graph, text, std::move(options));
  if (output.ok()) return "no error";
  return std::string(ErrorClassName(output.error().error_class)) + "/" + output.error().code;
}

}  // namespace tiegraph::cypher::testing

#endif  // TIEGRAPH_TESTS_QUERY_CYPHER_ENGINE_HARNESS_H_
