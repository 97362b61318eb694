// The engine the runner uses until the query engine exists: every query fails with a
// StorageError "no query engine", so every scenario fails or is skipped, and the runner's whole
// path (reading, planning, reporting, expectations) can be exercised already.
#ifndef TIEGRAPH_TOOLS_TCK_STAND_IN_ENGINE_H_
#define TIEGRAPH_TOOLS_TCK_STAND_IN_ENGINE_H_

#include "engine.h"

namespace tiegraph::tck {

class StandInEngine : public Engine {
 public:
  void Reset() override {}
  Outcome Execute(const std::string& query, const cypher::Map& params,
                  std::chrono::milliseconds time_limit) override;
};

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_STAND_IN_ENGINE_H_
