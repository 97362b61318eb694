// The engine the runner measures: tiegraph's query language over a real database (RocksDB in
// a temporary folder, one per scenario), through the embedding API (tiegraph/cypher_session.h).
// Side effects are measured as the kit's README defines them: the observability queries run
// before and after a query that writes, and their results compared.
#ifndef TIEGRAPH_TOOLS_TCK_STORE_ENGINE_H_
#define TIEGRAPH_TOOLS_TCK_STORE_ENGINE_H_

#include <map>
#include <memory>
#include <set>
#include <string>

#include <tiegraph/store.h>

#include "engine.h"

namespace tiegraph::tck {

class StoreEngine : public Engine {
 public:
  StoreEngine();
  ~StoreEngine() override;
  void Reset() override;
  Outcome Execute(const std::string& query, const cypher::Map& params,
                  std::chrono::milliseconds time_limit) override;

 private:
  // What each observability query returns, as a multiset of rendered rows.
  using Observed = std::map<std::string, std::multiset<std::string>>;
  Observed Observe();
  void Close();

  std::string dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_STORE_ENGINE_H_
