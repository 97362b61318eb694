#include <tiegraph/cypher_execute.h>
#include <tiegraph/cypher_parser.h>
#include <tiegraph/cypher_session.h>
#include <tiegraph/transaction.h>

#include <variant>

#include "store_graph.h"

namespace tiegraph::cypher {
namespace {

// Whether the statement has an updating clause: it then runs in a transaction.
bool Writes(const ast::Statement& statement) {
  for (const ast::SingleQuery& part : statement.query.parts) {
    for (const ast::Clause& clause : part.clauses) {
      if (std::holds_alternative<ast::Create>(clause.node) ||
          std::holds_alternative<ast::Merge>(clause.node) ||
          std::holds_alternative<ast::Set>(clause.node) ||
          std::holds_alternative<ast::Remove>(clause.node) ||
          std::holds_alternative<ast::Delete>(clause.node)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool QueryWrites(std::string_view text) {
  auto statement = Parse(text);
  return statement.ok() && !statement->explain && Writes(*statement);
}

namespace {

QueryError StorageError(const Status& status) {
  return QueryError{ErrorClass::kStorageError, "", status.message(), {}};
}

std::vector<ResultColumn> TypedColumns(const QueryOutput& out) {
  std::vector<ResultColumn> columns;
  for (size_t c = 0; c < out.columns.size(); ++c) {
    ResultColumn column{out.columns[c], Value::Kind::kNull};
    bool mixed = false;
    for (const auto& row : out.rows) {
      const Value::Kind k = row[c].kind();
      if (k == Value::Kind::kNull) continue;
      if (column.kind == Value::Kind::kNull && !mixed) {
        column.kind = k;
      } else if (column.kind != k) {
        mixed = true;
        column.kind = Value::Kind::kNull;
      }
    }
    columns.push_back(std::move(column));
  }
  return columns;
}

ResultSet Finish(QueryOutput out, uint64_t commit) {
  auto columns = TypedColumns(out);
  return ResultSet(std::move(columns), std::move(out.rows), out.effects, std::move(out.plan),
                   commit);
}

}  // namespace

ResultSet::ResultSet(std::vector<ResultColumn> columns, std::vector<std::vector<Value>> rows,
                     SideEffects effects, std::string plan, uint64_t commit)
    : columns_(std::move(columns)),
      rows_(std::move(rows)),
      effects_(effects),
      plan_(std::move(plan)),
      commit_(commit) {}

const Value& ResultSet::Get(size_t r, std::string_view column) const {
  static const Value kNull;
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c].name == column) return rows_[r][c];
  }
  return kNull;
}

QueryResult<ResultSet> Session::Execute(std::string_view text, const Map& parameters) const {
  QueryOptions options;
  options.parameters = parameters;
  return Execute(text, options);
}

QueryResult<ResultSet> Session::Execute(std::string_view text, const QueryOptions& options) const {
  auto statement = Parse(text);
  if (!statement.ok()) return statement.error();
  ExecuteOptions run;
  run.parameters = options.parameters;
  run.timeout = options.timeout;
  run.max_rows = options.max_rows;
  run.max_memory_bytes = options.max_memory_bytes;
  run.max_path_length = options.max_path_length;

  if (!Writes(*statement) || statement->explain) {
    auto snap = store_->Read();
    StoreGraph graph(snap.get(), nullptr);
    auto out = ExecuteStatement(*statement, &graph, run);
    if (!out.ok()) return out.error();
    return Finish(std::move(*out), 0);
  }
  TransactionOptions transaction;
  transaction.allow_self_loops = true;  // CREATE (a)-[:T]->(a) is a legal pattern
  auto txn = Transaction::Begin(store_, transaction);
  if (!txn.ok()) return StorageError(txn.status());
  // Taken after Begin: the transaction holds the write lock, so this is its starting state.
  auto snap = store_->Read();
  StoreGraph graph(snap.get(), txn->get());
  auto out = ExecuteStatement(*statement, &graph, run);
  if (!out.ok()) return out.error();  // the transaction ends uncommitted: nothing is written
  CommitInfo info = options.commit;
  if (info.command.empty()) info.command = "query " + std::string(text);
  auto number = (*txn)->Commit(info);
  if (!number.ok()) return StorageError(number.status());
  return Finish(std::move(*out), *number);
}

}  // namespace tiegraph::cypher
