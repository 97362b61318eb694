// The projection's filters as text, the way every front end receives them (the CLI's flags, a
// query procedure's configuration map, a request file), parsed and checked in this one place.
// Field names are the CLI's flags without their dashes; an error message starts with the
// field's name ("as-of: invalid date '2024-13' …"), so a front end can point at its own
// spelling of it.
#ifndef TIEGRAPH_PROJECTION_SPEC_H_
#define TIEGRAPH_PROJECTION_SPEC_H_

#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/model.h>
#include <tiegraph/projection.h>
#include <tiegraph/status.h>

namespace tiegraph {

struct ProjectionSpec {
  std::vector<std::string> sector;      // sector names (any of them); empty = all
  std::vector<std::string> kind;        // node kinds; empty = all
  std::string region;                   // a region path: KR/Gyeonggi, Chungnam, Gyeonggi/Goyang
  std::vector<std::string> type;        // tie types; empty = all
  std::vector<std::string> status;      // realized | planned | proposed; empty = all
  std::vector<std::string> confidence;  // stated | implied | derived; empty = all
  std::string as_of;                    // YYYY[-MM[-DD]]: ties valid on that date
  std::string window;                   // FROM..TO: ties valid at some time in it
  double min_strength = 0;              // ties weaker than this drop out
  bool directed = false;
  std::string combine = "sum";  // count | sum | max: parallel ties into one arc
  bool include_part_of = false;
  bool rollup = false;
};

// The checked options. Errors are InvalidArgument naming the field ("window: TO is before FROM").
Result<ProjectionOptions> ParseProjectionSpec(const ProjectionSpec& spec);

// "KR/Gyeonggi" -> {"KR", "Gyeonggi"}; empty levels ("KR//Goyang/") are skipped.
std::vector<std::string> ParseRegionPath(std::string_view text);

// "FROM..TO" (each YYYY[-MM[-DD]]), TO not before FROM.
struct DateWindow {
  Date from, to;
};
Result<DateWindow> ParseDateWindow(std::string_view text);

}  // namespace tiegraph

#endif  // TIEGRAPH_PROJECTION_SPEC_H_
