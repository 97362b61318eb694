// The gap report: every kind of partnership gap of docs/GAPS.md, one table each.
#ifndef TIEGRAPH_GAP_REPORT_H_
#define TIEGRAPH_GAP_REPORT_H_

#include <cstddef>
#include <vector>

#include <tiegraph/projection.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/synergy.h>
#include <tiegraph/table.h>

namespace tiegraph {

struct GapRequest {
  double threshold = 0.5;  // a sector pair with observed/expected ties below this is a gap
  int months = 24;         // an MOU or planned tie with no follow-on tie within this many months
  size_t suggestions = 10;
  SynergyRequest synergy;

  Status Validate() const;  // threshold >= 0, months >= 0, and the synergy's helices
};
// One table per gap type of docs/GAPS.md: missing sector pairs, institutions lacking a partner
// sector, isolated parts per region, region-level holes, sector pairs with no broker, single
// points of failure and single-broker dependency, helix synergy, unconverted ties, suggested
// links, the global-pipeline gap.
Result<std::vector<Table>> GapReport(const Snapshot& snap, const ProjectionOptions& projection,
                                     const GapRequest& request);

}  // namespace tiegraph

#endif  // TIEGRAPH_GAP_REPORT_H_
