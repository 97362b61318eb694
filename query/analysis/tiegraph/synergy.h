// Triple- and quadruple-helix synergy over events (Leydesdorff 2003), as result tables.
#ifndef TIEGRAPH_SYNERGY_H_
#define TIEGRAPH_SYNERGY_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/helix.h>
#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

struct Helix {
  std::string name;             // one letter by convention: U, I, G, R, H
  std::vector<Sector> sectors;  // an institution of any of these sectors belongs to the helix
};
// The default mapping: U academia, I industry, G government and public agencies.
std::vector<Helix> DefaultHelices();
// Parses "U=academia;I=industry;G=government,public-agency;H=hospital" (2 to 5 helices).
Result<std::vector<Helix>> ParseHelices(std::string_view text);

struct SynergyRequest {
  std::vector<Helix> helices = DefaultHelices();
  // When known: only events dated within [from, to] count (undated events then do not).
  Date from, to;
  // When set: only the participants it accepts (institution keys) count, and an event with
  // none of them drops out (a report scoped to one region).
  std::function<bool(const std::string& key)> in_scope;

  // 2 to 5 helices, each named once and with at least one sector.
  Status Validate() const;
};
// Over events (each event a unit; a helix is present when a participant belongs to it):
// "helix synergy", T for every combination of two or more helices; and the share of events
// that join three or more helices.
Result<std::vector<Table>> SynergyTables(const Snapshot& snap, const SynergyRequest& request);

}  // namespace tiegraph

#endif  // TIEGRAPH_SYNERGY_H_
