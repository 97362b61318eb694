// How well a link score predicts the ties that formed later: a time split, AUC and precision@k.
#ifndef TIEGRAPH_LINK_EVALUATION_H_
#define TIEGRAPH_LINK_EVALUATION_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include <tiegraph/link_prediction.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

struct LinkEvaluationRequest {
  std::string split;       // train on ties that started by this date (or have no start)
  int horizon_months = 0;  // test on ties starting within this many months after (0: any time)
  LinkScore score = LinkScore::kResourceAllocation;
  size_t k = 10;               // precision at k
  size_t comparisons = 10000;  // positive–negative pairs drawn for the AUC
  uint64_t seed = 42;

  // evaluate (the split) a date, horizon >= 0, k and comparisons >= 1, score not katz.
  Status Validate() const;
};
// AUC (the chance that a tie formed after the split scores above a random pair that did not
// form one; ties count half) and precision@k (of the k best-scoring pairs with a shared partner,
// the share that formed a tie), with the counts they rest on.
Result<Table> LinkEvaluationTable(const Snapshot& snap, const ProjectionOptions& projection,
                                  const LinkEvaluationRequest& request);

}  // namespace tiegraph

#endif  // TIEGRAPH_LINK_EVALUATION_H_
