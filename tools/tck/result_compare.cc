#include "result_compare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

#include <tiegraph/vocabulary.h>

#include "value_notation.h"

namespace tiegraph::tck {
namespace {

using cypher::Map;
using cypher::NodeValue;
using cypher::PathValue;
using cypher::RelationshipValue;
using cypher::Value;

// Pairs every expected item with a distinct actual one, first come first served. Matching is an
// equivalence apart from the float tolerance, so the greedy pairing finds one whenever one exists
// in practice. Returns the index of the first unpaired expected item, or of an actual item left
// over (as `extra`).
struct Pairing {
  std::optional<size_t> missing;  // an expected item with no partner
  std::optional<size_t> extra;    // an actual item with no partner
};

template <typename T>
Pairing PairAnyOrder(const std::vector<T>& actual, const std::vector<T>& expected,
                     const std::function<bool(const T&, const T&)>& match) {
  std::vector<bool> used(actual.size(), false);
  Pairing pairing;
  for (size_t e = 0; e < expected.size(); ++e) {
    bool found = false;
    for (size_t a = 0; a < actual.size() && !found; ++a) {
      if (!used[a] && match(actual[a], expected[e])) used[a] = found = true;
    }
    if (!found && !pairing.missing) pairing.missing = e;
  }
  for (size_t a = 0; a < actual.size(); ++a) {
    if (!used[a]) {
      pairing.extra = a;
      break;
    }
  }
  return pairing;
}

bool MapsMatch(const Map& actual, const Map& expected, bool ignore_list_order) {
  if (actual.size() != expected.size()) return false;
  for (const auto& [key, value] : expected) {
    auto it = actual.find(key);
    if (it == actual.end() || !ValuesMatch(it->second, value, ignore_list_order)) return false;
  }
  return true;
}

const Map& PropertiesOf(const std::shared_ptr<const Map>& properties) {
  static const Map kEmpty;
  return properties ? *properties : kEmpty;
}

bool NodesMatch(const NodeValue& actual, const NodeValue& expected, bool ignore_list_order) {
  std::vector<std::string> a = actual.labels;
  std::vector<std::string> e = expected.labels;
  std::sort(a.begin(), a.end());
  std::sort(e.begin(), e.end());
  return a == e && MapsMatch(PropertiesOf(actual.properties), PropertiesOf(expected.properties),
                             ignore_list_order);
}

bool RelationshipsMatch(const RelationshipValue& actual, const RelationshipValue& expected,
                        bool ignore_list_order) {
  return actual.type == expected.type &&
         MapsMatch(PropertiesOf(actual.properties), PropertiesOf(expected.properties),
                   ignore_list_order);
}

// Which way relationship `i` of a path points: +1 from node i to node i + 1, -1 the other way,
// 0 when it cannot tell (a loop on one node, or ids that do not fit the path).
int Direction(const PathValue& path, size_t i) {
  const RelationshipValue& r = path.relationships[i];
  int64_t from = path.nodes[i].id;
  int64_t to = path.nodes[i + 1].id;
  if (from == to) return 0;
  if (r.start == from && r.end == to) return 1;
  if (r.start == to && r.end == from) return -1;
  return 0;
}

bool PathsMatch(const PathValue& actual, const PathValue& expected, bool ignore_list_order) {
  if (actual.nodes.size() != expected.nodes.size() ||
      actual.relationships.size() != expected.relationships.size() ||
      actual.nodes.size() != actual.relationships.size() + 1) {
    return false;
  }
  for (size_t i = 0; i < actual.nodes.size(); ++i) {
    if (!NodesMatch(actual.nodes[i], expected.nodes[i], ignore_list_order)) return false;
  }
  for (size_t i = 0; i < actual.relationships.size(); ++i) {
    if (!RelationshipsMatch(actual.relationships[i], expected.relationships[i],
                            ignore_list_order)) {
      return false;
    }
    int a = Direction(actual, i);
    int e = Direction(expected, i);
    if (a != 0 && e != 0 && a != e) return false;
  }
  return true;
}

bool ListsMatch(const cypher::List& actual, const cypher::List& expected, bool ignore_list_order) {
  if (actual.size() != expected.size()) return false;
  if (ignore_list_order) {
    Pairing pairing = PairAnyOrder<Value>(
        actual, expected, [](const Value& a, const Value& e) { return ValuesMatch(a, e, true); });
    return !pairing.missing && !pairing.extra;
  }
  for (size_t i = 0; i < actual.size(); ++i) {
    if (!ValuesMatch(actual[i], expected[i], false)) return false;
  }
  return true;
}

bool RowsMatch(const Row& actual, const Row& expected, bool ignore_list_order) {
  if (actual.size() != expected.size()) return false;
  for (size_t i = 0; i < actual.size(); ++i) {
    if (!ValuesMatch(actual[i], expected[i], ignore_list_order)) return false;
  }
  return true;
}

std::string FormatColumns(const std::vector<std::string>& columns) {
  std::string out = "[";
  for (size_t i = 0; i < columns.size(); ++i) out += (i ? ", " : "") + columns[i];
  return out + "]";
}

}  // namespace

bool FloatsMatch(double actual, double expected) {
  if (std::isnan(actual) || std::isnan(expected)) return std::isnan(actual) && std::isnan(expected);
  if (actual == expected) return true;
  if (std::isinf(actual) || std::isinf(expected)) return false;
  char a[40];
  char e[40];
  std::snprintf(a, sizeof a, "%.15g", actual);
  std::snprintf(e, sizeof e, "%.15g", expected);
  if (std::string_view(a) == std::string_view(e)) return true;
  return std::fabs(actual - expected) <= 1e-12 * std::max(std::fabs(actual), std::fabs(expected));
}

bool ValuesMatch(const Value& actual, const Value& expected, bool ignore_list_order) {
  using Kind = Value::Kind;
  if (actual.kind() == Kind::kDate && expected.kind() == Kind::kString) {
    return FormatDate(actual.date()) == expected.string();
  }
  if (actual.kind() != expected.kind()) return false;
  switch (actual.kind()) {
    case Kind::kNull:
      return true;
    case Kind::kBoolean:
      return actual.boolean() == expected.boolean();
    case Kind::kInteger:
      return actual.integer() == expected.integer();
    case Kind::kFloat:
      return FloatsMatch(actual.real(), expected.real());
    case Kind::kString:
      return actual.string() == expected.string();
    case Kind::kDate:
      return actual.date() == expected.date();
    case Kind::kList:
      return ListsMatch(actual.list(), expected.list(), ignore_list_order);
    case Kind::kMap:
      return MapsMatch(actual.map(), expected.map(), ignore_list_order);
    case Kind::kNode:
      return NodesMatch(actual.node(), expected.node(), ignore_list_order);
    case Kind::kRelationship:
      return RelationshipsMatch(actual.relationship(), expected.relationship(), ignore_list_order);
    case Kind::kPath:
      return PathsMatch(actual.path(), expected.path(), ignore_list_order);
  }
  return false;
}

std::string FormatRow(const Row& row) {
  std::string out = "[";
  for (size_t i = 0; i < row.size(); ++i) out += (i ? ", " : "") + FormatValue(row[i]);
  return out + "]";
}

std::string CompareTables(const std::vector<std::string>& columns, const std::vector<Row>& rows,
                          const ExpectedTable& expected, RowOrder order, bool ignore_list_order) {
  if (columns != expected.columns) {
    return "columns " + FormatColumns(columns) + ", expected " + FormatColumns(expected.columns);
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() != columns.size()) {
      return "row " + std::to_string(i + 1) + " has " + std::to_string(rows[i].size()) +
             " values for " + std::to_string(columns.size()) + " columns";
    }
  }
  std::string count =
      std::to_string(rows.size()) + " rows, expected " + std::to_string(expected.rows.size());
  if (order == RowOrder::kInOrder) {
    for (size_t i = 0; i < rows.size() && i < expected.rows.size(); ++i) {
      if (!RowsMatch(rows[i], expected.rows[i], ignore_list_order)) {
        return "row " + std::to_string(i + 1) + " is " + FormatRow(rows[i]) + ", expected " +
               FormatRow(expected.rows[i]);
      }
    }
    return rows.size() == expected.rows.size() ? "" : count;
  }
  Pairing pairing = PairAnyOrder<Row>(rows, expected.rows, [&](const Row& a, const Row& e) {
    return RowsMatch(a, e, ignore_list_order);
  });
  if (pairing.missing) {
    return (rows.size() == expected.rows.size() ? "" : count + "; ") + "no row " +
           FormatRow(expected.rows[*pairing.missing]) +
           (pairing.extra ? "; unexpected " + FormatRow(rows[*pairing.extra]) : "");
  }
  if (pairing.extra) return count + "; unexpected " + FormatRow(rows[*pairing.extra]);
  return "";
}

}  // namespace tiegraph::tck
