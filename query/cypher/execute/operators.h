// The physical side of the plan's operators: cursors that pull batches of rows from their
// input and hand batches on.
#ifndef TIEGRAPH_CYPHER_EXECUTE_OPERATORS_H_
#define TIEGRAPH_CYPHER_EXECUTE_OPERATORS_H_

#include <memory>
#include <utility>

#include <tiegraph/cypher_plan.h>

#include "execution_context.h"

namespace tiegraph::cypher {

class Cursor {
 public:
  virtual ~Cursor() = default;
  // Replaces `batch` with the next rows: true when there are some, false when none are left.
  virtual QueryResult<bool> Next(Batch* batch) = 0;
};
using CursorPtr = std::unique_ptr<Cursor>;

// The cursor of `op` and its inputs; an operator without input starts from `argument`.
CursorPtr MakeCursor(const PlanOperator& op, ExecutionContext* context, const Row& argument);

// Operators that turn each input row into zero or more rows.
class RowCursor : public Cursor {
 public:
  RowCursor(CursorPtr input, ExecutionContext* context)
      : input_(std::move(input)), context_(context), evaluator_(context) {}
  QueryResult<bool> Next(Batch* batch) override;

 protected:
  virtual QueryResult<bool> Apply(Row* row, Batch* out) = 0;

  CursorPtr input_;
  ExecutionContext* context_;
  Evaluator evaluator_;

 private:
  Batch in_;  // the input batch being worked through
  size_t next_in_ = 0;
};

// Operators that need all their input first (writes, sorting, grouping): Consume() sees every
// row, then the rows it left in `held_` are handed out in batches.
class EagerCursor : public Cursor {
 public:
  EagerCursor(CursorPtr input, ExecutionContext* context)
      : input_(std::move(input)), context_(context), evaluator_(context) {}
  QueryResult<bool> Next(Batch* batch) override;

 protected:
  virtual QueryResult<bool> Consume(Row* row) = 0;
  virtual QueryResult<bool> Finish() { return true; }
  // Adds a row to the output, within the limits.
  QueryResult<bool> Hold(Row row);

  CursorPtr input_;
  ExecutionContext* context_;
  Evaluator evaluator_;
  Batch held_;

 private:
  bool consumed_ = false;
  size_t next_ = 0;
  size_t held_bytes_ = 0;
};

// A cursor of kind `Base` (RowCursor or EagerCursor) that carries out one plan operator.
template <typename Base>
class OperatorCursor : public Base {
 public:
  OperatorCursor(const PlanOperator& op, CursorPtr input, ExecutionContext* context)
      : Base(std::move(input), context), op_(op) {}

 protected:
  const PlanOperator& op_;
};

CursorPtr MakeReadCursor(const PlanOperator& op, CursorPtr input, ExecutionContext* context);
CursorPtr MakeProjectionCursor(const PlanOperator& op, CursorPtr input, CursorPtr branch,
                               ExecutionContext* context);
CursorPtr MakeWriteCursor(const PlanOperator& op, CursorPtr input, ExecutionContext* context);

// Node labels and properties of a bound node pattern (Filter of an already bound node).
QueryResult<bool> BoundNodeHolds(ExecutionContext* context, Evaluator* evaluator,
                                 const ast::NodePattern& node, Row* row);

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_EXECUTE_OPERATORS_H_
