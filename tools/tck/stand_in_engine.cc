#include "stand_in_engine.h"

namespace tiegraph::tck {

Outcome StandInEngine::Execute(const std::string& /*query*/, const cypher::Map& /*params*/,
                               std::chrono::milliseconds /*time_limit*/) {
  Outcome outcome;
  outcome.error = cypher::QueryError{cypher::ErrorClass::kStorageError, "", "no query engine", {}};
  return outcome;
}

}  // namespace tiegraph::tck
