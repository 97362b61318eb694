// The network over time: the same measures over a series of windows.
#ifndef TIEGRAPH_EVOLUTION_H_
#define TIEGRAPH_EVOLUTION_H_

#include <string>

#include <tiegraph/projection.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

struct EvolutionRequest {
  std::string from, to;       // the first and last window ends: YYYY or YYYY-MM
  std::string step = "1y";    // between window ends: Ny (years) or Nm (months)
  std::string window = "3y";  // each window's length, ending at its end

  // from and to dates with to not before from, step and window lengths, at most 200 windows.
  Status Validate() const;
};
// One row per window: active institutions (with a tie), ties, density, E-I and assortativity by
// sector, components, the main component's share, the discrete core's size and how many of it
// are new, the events dated in the window and their T_UIG (default helices); against the window
// before: ties formed, dissolved and kept (by pair), entrants and exits, and the Jaccard
// similarity of the tie sets.
Result<Table> EvolutionTable(const Snapshot& snap, const ProjectionOptions& projection,
                             const EvolutionRequest& request);

}  // namespace tiegraph

#endif  // TIEGRAPH_EVOLUTION_H_
