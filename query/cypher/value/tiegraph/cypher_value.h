// Value: what a query's expressions compute and what its result rows hold. null, boolean,
// integer, float, string, date (with tiegraph's precision: a year, a month or a day), list, map,
// node, relationship and path. Values are immutable and cheap to copy: compound values share
// their parts.
//
// The semantics of the language (three-valued equality, comparability, the total order used by
// ORDER BY, arithmetic) are in cypher_semantics.h; this header is the data type alone.
#ifndef TIEGRAPH_CYPHER_VALUE_H_
#define TIEGRAPH_CYPHER_VALUE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <tiegraph/model.h>

namespace tiegraph::cypher {

class Value;
using List = std::vector<Value>;
using Map = std::map<std::string, Value>;  // ordered by key: output is deterministic

// A node as a query sees it: the store's node id (what id() returns), its labels (an
// institution's are Institution and its sector's label) and its properties.
struct NodeValue {
  int64_t id = 0;
  std::vector<std::string> labels;
  std::shared_ptr<const Map> properties;
};

// A relationship: the store's tie sequence number (what id() returns), its type, its start and
// end nodes' ids (a tie's source and target, directed or not), and its properties.
struct RelationshipValue {
  int64_t id = 0;
  std::string type;
  int64_t start = 0;
  int64_t end = 0;
  std::shared_ptr<const Map> properties;
};

// A path: nodes.size() == relationships.size() + 1; relationships[i] joins nodes[i] and
// nodes[i + 1], in either direction.
struct PathValue {
  std::vector<NodeValue> nodes;
  std::vector<RelationshipValue> relationships;
};

class Value {
 public:
  enum class Kind {
    kNull,
    kBoolean,
    kInteger,
    kFloat,
    kString,
    kDate,
    kList,
    kMap,
    kNode,
    kRelationship,
    kPath,
  };

  Value() = default;  // null
  static Value Null() { return Value(); }
  Value(bool b) : v_(b) {}                                           // NOLINT: implicit by design
  Value(int64_t i) : v_(i) {}                                        // NOLINT
  Value(int i) : v_(static_cast<int64_t>(i)) {}                      // NOLINT
  Value(double d) : v_(d) {}                                         // NOLINT
  Value(std::string s) : v_(std::move(s)) {}                         // NOLINT
  Value(const char* s) : v_(std::string(s)) {}                       // NOLINT
  Value(Date d) : v_(d) {}                                           // NOLINT
  Value(List l) : v_(std::make_shared<const List>(std::move(l))) {}  // NOLINT
  Value(Map m) : v_(std::make_shared<const Map>(std::move(m))) {}    // NOLINT
  Value(NodeValue n) : v_(std::make_shared<const NodeValue>(std::move(n))) {}  // NOLINT
  Value(RelationshipValue r)                                                   // NOLINT
      : v_(std::make_shared<const RelationshipValue>(std::move(r))) {}
  Value(PathValue p) : v_(std::make_shared<const PathValue>(std::move(p))) {}  // NOLINT

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_number() const { return kind() == Kind::kInteger || kind() == Kind::kFloat; }

  // REQUIRES: the matching kind().
  bool boolean() const { return std::get<bool>(v_); }
  int64_t integer() const { return std::get<int64_t>(v_); }
  double real() const { return std::get<double>(v_); }
  const std::string& string() const { return std::get<std::string>(v_); }
  const Date& date() const { return std::get<Date>(v_); }
  const List& list() const { return *std::get<std::shared_ptr<const List>>(v_); }
  const Map& map() const { return *std::get<std::shared_ptr<const Map>>(v_); }
  const NodeValue& node() const { return *std::get<std::shared_ptr<const NodeValue>>(v_); }
  const RelationshipValue& relationship() const {
    return *std::get<std::shared_ptr<const RelationshipValue>>(v_);
  }
  const PathValue& path() const { return *std::get<std::shared_ptr<const PathValue>>(v_); }
  // An integer or a float as a double. REQUIRES: is_number().
  double number() const {
    return kind() == Kind::kInteger ? static_cast<double>(integer()) : real();
  }

 private:
  // The alternatives' order is Kind's.
  std::variant<std::monostate, bool, int64_t, double, std::string, Date,
               std::shared_ptr<const List>, std::shared_ptr<const Map>,
               std::shared_ptr<const NodeValue>, std::shared_ptr<const RelationshipValue>,
               std::shared_ptr<const PathValue>>
      v_;
};

std::string_view KindName(Value::Kind kind);  // "NULL", "BOOLEAN", "INTEGER", "FLOAT", …

}  // namespace tiegraph::cypher

#endif  // TIEGRAPH_CYPHER_VALUE_H_
