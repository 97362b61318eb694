// query: one statement of the query language (docs/QUERY.md) against the database, its rows
// printed as the other commands print tables (text, CSV) or as typed JSON.
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <tiegraph/cypher_render.h>
#include <tiegraph/cypher_session.h>

#include "cli_commands.h"
#include "cli_query.h"

namespace tiegraph::cli {
namespace {

using cypher::Value;

// A --param value: JSON when it reads as JSON (42, 2.5, true, null, "text", [1, 2], {"a": 1}),
// else the text itself (--param region=Gangwon).
Value ParamValue(const nlohmann::json& j) {
  if (j.is_null()) return Value();
  if (j.is_boolean()) return Value(j.get<bool>());
  if (j.is_number_integer()) return Value(j.get<int64_t>());
  if (j.is_number()) return Value(j.get<double>());
  if (j.is_string()) return Value(j.get<std::string>());
  if (j.is_array()) {
    cypher::List list;
    for (const auto& item : j) list.push_back(ParamValue(item));
    return Value(std::move(list));
  }
  cypher::Map map;
  for (const auto& [k, v] : j.items()) map.emplace(k, ParamValue(v));
  return Value(std::move(map));
}

int ExitCodeFor(const cypher::QueryError& e) {
  return e.error_class == cypher::ErrorClass::kStorageError ? kExitStorage : kExitInput;
}

Table AsTable(const cypher::ResultSet& result) {
  Table t{"query_result", "", {}};
  for (const auto& c : result.columns()) {
    const bool integer = c.kind == Value::Kind::kInteger;
    const bool real = c.kind == Value::Kind::kFloat;
    t.columns.push_back({c.name, integer ? ColumnType::kInt
                                 : real  ? ColumnType::kReal
                                         : ColumnType::kString});
  }
  for (const auto& row : result.rows()) {
    std::vector<Cell> cells;
    for (const Value& v : row) {
      if (v.is_null()) {
        cells.emplace_back();
      } else if (v.kind() == Value::Kind::kInteger) {
        cells.emplace_back(v.integer());
      } else if (v.kind() == Value::Kind::kFloat) {
        cells.emplace_back(v.real());
      } else {
        cells.emplace_back(cypher::DisplayText(v));
      }
    }
    t.rows.push_back(std::move(cells));
  }
  return t;
}

void PrintJson(const cypher::ResultSet& result) {
  std::string out = "{\"columns\":[";
  for (size_t c = 0; c < result.columns().size(); ++c) {
    out += (c ? "," : "") + nlohmann::json(result.columns()[c].name).dump();
  }
  out += "],\"rows\":[";
  for (size_t r = 0; r < result.size(); ++r) {
    out += r ? ",[" : "[";
    for (size_t c = 0; c < result.row(r).size(); ++c) {
      if (c) out += ",";
      cypher::WriteJson(result.row(r)[c], &out);
    }
    out += "]";
  }
  out += "]";
  if (result.commit()) out += ",\"commit\":" + std::to_string(result.commit());
  std::cout << out << "}\n";
}

}  // namespace

Status ParseParam(const std::string& given, cypher::Map* out) {
  const size_t eq = given.find('=');
  if (eq == std::string::npos || eq == 0)
    return Status::InvalidArgument("parameter " + given + ": expected name=value");
  const std::string text = given.substr(eq + 1);
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  (*out)[given.substr(0, eq)] = j.is_discarded() ? Value(text) : ParamValue(j);
  return Status::OK();
}

int RunQuery(const Context& ctx, const std::string& text, const QueryRun& run) {
  cypher::QueryOptions options;
  options.parameters = run.parameters;
  options.timeout = std::chrono::milliseconds(static_cast<int64_t>(run.timeout_seconds * 1e3));
  options.max_rows = run.max_rows;
  options.max_memory_bytes = run.max_memory_mb << 20;
  options.max_path_length = run.max_path_length;
  options.commit = ctx.Commit("query " + text);
  std::unique_ptr<Store> store;
  int exit_code = kExitOk;
  const Access access = cypher::QueryWrites(text) ? Access::kWrite : Access::kRead;
  if (!ctx.Open(access, &store, &exit_code)) return exit_code;
  auto result = cypher::Session(store.get()).Execute(text, options);
  if (!result.ok()) {
    std::cerr << result.error().Render(text) << "\n";
    return ExitCodeFor(result.error());
  }
  if (!result->plan().empty()) {
    std::cout << result->plan();
    return kExitOk;
  }
  if (ctx.format == "json") {
    PrintJson(*result);
    return kExitOk;
  }
  if (Status s = ctx.Print({AsTable(*result)}); !s.ok()) return ctx.Fail(s);
  if (result->commit() && ctx.format == "text")
    std::cerr << "committed as " << result->commit() << "\n";
  return kExitOk;
}

void RegisterQueryCommands(CLI::App& app, Context& ctx, int* exit_code) {
  struct Args {
    std::string text, file;
    std::vector<std::string> params;
    QueryRun limits;  // as the options give them
  };
  auto args = std::make_shared<Args>();
  auto* query = app.add_subcommand(
      "query", "Run a query in the query language (an openCypher subset; docs/QUERY.md)");
  query->add_option("query", args->text, "The query, e.g. 'MATCH (h:Hospital) RETURN h.name'");
  query->add_option("-f,--file", args->file, "Read the query from this file");
  query->add_option("--param", args->params,
                    "A parameter $name: name=value (value as JSON, "
                    "else text); repeatable");
  query->add_option("--timeout", args->limits.timeout_seconds, "Give up after this many seconds")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  query->add_option("--max-rows", args->limits.max_rows, "Refuse to hold more rows than this")
      ->capture_default_str();
  query
      ->add_option("--max-memory-mb", args->limits.max_memory_mb,
                   "Refuse to hold rows estimated above this many MiB")
      ->capture_default_str();
  query
      ->add_option("--max-path-length", args->limits.max_path_length,
                   "Relationships one variable-length pattern may walk")
      ->capture_default_str();
  query->callback([&ctx, exit_code, args]() {
    std::string text = args->text;
    if (!args->file.empty()) {
      std::ifstream in(args->file);
      if (!in) {
        *exit_code = ctx.Fail(Status::InvalidArgument(args->file + ": cannot be read"));
        return;
      }
      std::stringstream buffer;
      buffer << in.rdbuf();
      text = buffer.str();
    }
    if (text.empty()) {
      *exit_code = ctx.Fail(Status::InvalidArgument("give a query, or -f FILE"));
      return;
    }
    QueryRun run = args->limits;
    for (const std::string& p : args->params) {
      if (Status s = ParseParam(p, &run.parameters); !s.ok()) {
        *exit_code = ctx.Fail(s);
        return;
      }
    }
    *exit_code = RunQuery(ctx, text, run);
  });
}

}  // namespace tiegraph::cli
