#include "scenario_plan.h"

#include <charconv>
#include <map>
#include <regex>
#include <set>
#include <utility>

#include "value_notation.h"

namespace tiegraph::tck {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

class Planner {
 public:
  Planner(const Scenario& scenario, const std::string& path) : scenario_(scenario), path_(path) {}

  Result<ScenarioPlan> Plan() {
    for (const Step& step : scenario_.steps) {
      Status s = PlanStep(step);
      if (!s.ok()) return s;
    }
    return std::move(plan_);
  }

 private:
  Status Error(const Step& step, const std::string& message) const {
    return Status::InvalidArgument(path_ + ":" + std::to_string(step.line) + ": " + message);
  }

  template <typename T>
  Status Add(T action) {
    plan_.actions.emplace_back(std::move(action));
    return Status::OK();
  }

  Status PlanStep(const Step& step) {
    const std::string& text = step.text;
    if (text == "an empty graph" || text == "any graph") return Add(InitGraph{});
    static const std::regex kNamedGraph(R"(the (\S+) graph)");
    std::smatch m;
    if (std::regex_match(text, m, kNamedGraph)) return Add(InitGraph{m[1]});
    if (text == "having executed:" || text == "after having executed:") {
      Result<std::string> query = QueryOf(step, "");
      if (!query.ok()) return query.status();
      return Add(RunSetupQuery{step.line, *query});
    }
    if (text == "parameters are:" || text == "parameter values are:") return PlanParameters(step);
    for (bool control : {false, true}) {
      std::string_view head = control ? "executing control query:" : "executing query:";
      if (StartsWith(text, head)) {
        Result<std::string> query = QueryOf(step, text.substr(head.size()));
        if (!query.ok()) return query.status();
        ran_query_ = true;
        return Add(RunQuery{step.line, *query, control});
      }
    }
    if (StartsWith(text, "the result should be")) return PlanResult(step);
    static const std::regex kError(
        R"(an? (\w+) should be raised at (compile time|runtime|any time): (\w+|\*))");
    if (std::regex_match(text, m, kError)) {
      TIEGRAPH_RETURN_IF_ERROR(NeedQuery(step));
      ExpectError::Phase phase = m[2] == "compile time" ? ExpectError::Phase::kCompileTime
                                 : m[2] == "runtime"    ? ExpectError::Phase::kRuntime
                                                        : ExpectError::Phase::kAnyTime;
      return Add(ExpectError{step.line, m[1], phase, m[3]});
    }
    if (text == "no side effects") {
      TIEGRAPH_RETURN_IF_ERROR(NeedQuery(step));
      return Add(ExpectSideEffects{step.line, {}});
    }
    if (text == "the side effects should be:") return PlanSideEffects(step);
    if (StartsWith(text, "there exists a procedure ")) return PlanProcedure(step);
    return Error(step, "a step the runner does not know: " + step.keyword + " " + text);
  }

  Status NeedQuery(const Step& step) const {
    return ran_query_ ? Status::OK() : Error(step, "an expectation before any query");
  }

  // The query of a step: its doc string, or the text after the colon.
  Result<std::string> QueryOf(const Step& step, std::string_view inline_text) const {
    size_t start = inline_text.find_first_not_of(" \t");
    bool has_inline = start != std::string_view::npos;
    if (step.table) return Error(step, "a query step with a table");
    if (step.doc_string && has_inline)
      return Error(step, "a query both inline and as a doc string");
    if (step.doc_string) return *step.doc_string;
    if (has_inline) return std::string(inline_text.substr(start));
    return Error(step, "a query step without its query");
  }

  Result<cypher::Value> Cell(const Step& step, size_t row, const std::string& cell) const {
    Result<cypher::Value> value = ParseValue(cell);
    if (!value.ok()) {
      return Status::InvalidArgument(path_ + ":" + std::to_string(step.table->row_lines[row]) +
                                     ": " + value.status().message());
    }
    return value;
  }

  Status PlanParameters(const Step& step) {
    if (!step.table) return Error(step, "parameters without a table");
    SetParameters action;
    for (size_t r = 0; r < step.table->rows.size(); ++r) {
      const auto& row = step.table->rows[r];
      if (row.size() != 2) return Error(step, "a parameter table has two columns: name | value");
      Result<cypher::Value> value = Cell(step, r, row[1]);
      if (!value.ok()) return value.status();
      if (!action.parameters.emplace(row[0], std::move(*value)).second) {
        return Error(step, "parameter " + row[0] + " twice");
      }
    }
    return Add(std::move(action));
  }

  // A step's table: the header row as column names, each later row as values.
  Status ReadTable(const Step& step, std::vector<std::string>* columns,
                   std::vector<Row>* values) const {
    const auto& rows = step.table->rows;
    *columns = rows[0];
    for (size_t r = 1; r < rows.size(); ++r) {
      Row row;
      for (const std::string& cell : rows[r]) {
        Result<cypher::Value> value = Cell(step, r, cell);
        if (!value.ok()) return value.status();
        row.push_back(std::move(*value));
      }
      values->push_back(std::move(row));
    }
    return Status::OK();
  }

  Status PlanResult(const Step& step) {
    TIEGRAPH_RETURN_IF_ERROR(NeedQuery(step));
    ExpectRows expect{step.line, {}, RowOrder::kAnyOrder, false, false};
    if (step.text == "the result should be empty") {
      if (step.table || step.doc_string) return Error(step, "an empty result with a table");
      expect.empty = true;
      return Add(std::move(expect));
    }
    static const std::regex kResult(
        R"(the result should be(, in (any )?order)?( \(ignoring element order for lists\)|, ignoring element order for lists)?:)");
    std::smatch m;
    if (!std::regex_match(step.text, m, kResult)) {
      return Error(step, "a result step the runner does not know: " + step.text);
    }
    expect.order = m[1].matched && !m[2].matched ? RowOrder::kInOrder : RowOrder::kAnyOrder;
    expect.ignore_list_order = m[3].matched;
    if (!step.table) return Error(step, "an expected result without a table");
    TIEGRAPH_RETURN_IF_ERROR(ReadTable(step, &expect.table.columns, &expect.table.rows));
    return Add(std::move(expect));
  }

  Status PlanSideEffects(const Step& step) {
    TIEGRAPH_RETURN_IF_ERROR(NeedQuery(step));
    if (!step.table) return Error(step, "side effects without a table");
    ExpectSideEffects expect{step.line, {}};
    SideEffects& e = expect.effects;
    const std::map<std::string, int64_t*> kinds = {{"+nodes", &e.nodes_created},
                                                   {"-nodes", &e.nodes_deleted},
                                                   {"+relationships", &e.relationships_created},
                                                   {"-relationships", &e.relationships_deleted},
                                                   {"+labels", &e.labels_added},
                                                   {"-labels", &e.labels_removed},
                                                   {"+properties", &e.properties_set},
                                                   {"-properties", &e.properties_removed}};
    std::set<std::string> seen;
    for (const auto& row : step.table->rows) {
      if (row.size() != 2) return Error(step, "a side effects table has two columns: kind | count");
      auto kind = kinds.find(row[0]);
      if (kind == kinds.end()) return Error(step, "an unknown side effect: " + row[0]);
      if (!seen.insert(row[0]).second) return Error(step, "side effect " + row[0] + " twice");
      int64_t count = -1;
      auto [end, ec] = std::from_chars(row[1].data(), row[1].data() + row[1].size(), count);
      if (ec != std::errc() || end != row[1].data() + row[1].size() || count < 0) {
        return Error(step, "a side effect count that is not a count: " + row[1]);
      }
      *kind->second = count;
    }
    return Add(std::move(expect));
  }

  Status PlanProcedure(const Step& step) {
    std::string signature = step.text.substr(std::string_view("there exists a procedure ").size());
    if (signature.empty() || signature.back() != ':') {
      return Error(step, "a procedure signature ends with ':'");
    }
    signature.pop_back();
    while (!signature.empty() && signature.back() == ' ') signature.pop_back();
    if (!step.table) return Error(step, "a procedure without its table");
    DeclareProcedure action;
    action.procedure.signature = signature;
    TIEGRAPH_RETURN_IF_ERROR(ReadTable(step, &action.procedure.columns, &action.procedure.rows));
    return Add(std::move(action));
  }

  const Scenario& scenario_;
  const std::string& path_;
  ScenarioPlan plan_;
  bool ran_query_ = false;
};

}  // namespace

Result<ScenarioPlan> PlanScenario(const Scenario& scenario, const std::string& path) {
  return Planner(scenario, path).Plan();
}

}  // namespace tiegraph::tck
