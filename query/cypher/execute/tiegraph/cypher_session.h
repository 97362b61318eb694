// Session: the query language over a database, for programs that embed tiegraph.
//
//   tiegraph::cypher::Session session(store.get());
//   auto result = session.Execute(
//       "MATCH (h:Hospital)-[t:mou]-(i:Industry) WHERE t.since >= date('2023') "
//       "RETURN h.name AS hospital, count(i) AS partners ORDER BY partners DESC",
//       {{"region", "Gangwon"}});
//   if (!result.ok()) { std::cerr << result.error().Render(text); return 1; }
//   for (size_t r = 0; r < result->size(); ++r)
//     std::cout << result->Get(r, "hospital").string() << "\n";
//
// A query that only reads runs on one snapshot. A query that writes (CREATE, MERGE, SET,
// REMOVE, DELETE) runs in one transaction: it sees its own changes, and is committed, with its
// text in the history, only when it succeeds; a failing query leaves nothing behind. Every
// query is bounded by a time limit and by row and memory limits (QueryOptions). The language
// and the graph it sees are described in docs/QUERY.md.
#ifndef TIEGRAPH_CYPHER_SESSION_H_
#define TIEGRAPH_CYPHER_SESSION_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/cypher_graph.h>
#include <tiegraph/cypher_value.h>
#include <tiegraph/history.h>
#include <tiegraph/query_error.h>
#include <tiegraph/store.h>

namespace tiegraph::cypher {

struct QueryOptions {
  Map parameters;  // $name in the query
  std::chrono::milliseconds timeout{30000};
  size_t max_rows = 10'000'000;
  size_t max_memory_bytes = size_t{1} << 30;
  size_t max_path_length = 1000;  // relationships one variable-length pattern may walk
  // Who and why, for a query that writes (its history entry); the command defaults to the
  // query's text.
  CommitInfo commit;
};

// A result column: its name, and the kind of every non-null value in it (kNull when the
// column holds no value but null, or values of several kinds).
struct ResultColumn {
  std::string name;
  Value::Kind kind = Value::Kind::kNull;
};

class ResultSet {
 public:
  ResultSet() = default;
  ResultSet(std::vector<ResultColumn> columns, std::vector<std::vector<Value>> rows,
            SideEffects effects, std::string plan, uint64_t commit);

  const std::vector<ResultColumn>& columns() const { return columns_; }
  size_t size() const { return rows_.size(); }
  const std::vector<Value>& row(size_t i) const { return rows_[i]; }
  const std::vector<std::vector<Value>>& rows() const { return rows_; }
  // The value in row `r` of the column named `column`; null when there is no such column.
  const Value& Get(size_t r, std::string_view column) const;
  // What a writing query changed, and the number of its commit in the history (0: none).
  const SideEffects& effects() const { return effects_; }
  uint64_t commit() const { return commit_; }
  // EXPLAIN: the plan, one operator a line (and no rows).
  const std::string& plan() const { return plan_; }

 private:
  std::vector<ResultColumn> columns_;
  std::vector<std::vector<Value>> rows_;
  SideEffects effects_;
  std::string plan_;
  uint64_t commit_ = 0;
};

// Whether `text` is a statement that writes (so it needs the database open for writing); false
// for a statement that does not parse (running it reports the error).
bool QueryWrites(std::string_view text);

class Session {
 public:
  explicit Session(Store* store) : store_(store) {}
  QueryResult<ResultSet> Execute(std::string_view text, const QueryOptions& options) const;
  QueryResult<ResultSet> Execute(std::string_view text, const Map& parameters = {}) const;

 private:
  Store* store_;
};

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_SESSION_H_
