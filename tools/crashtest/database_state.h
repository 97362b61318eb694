// The state of a database as one comparable text: every record (as `dump` writes them), the
// counters, and the history without its times. Two databases that went through the same
// commits describe alike; one commit more or less, or half of one, shows.
#ifndef TIEGRAPH_CRASHTEST_DATABASE_STATE_H_
#define TIEGRAPH_CRASHTEST_DATABASE_STATE_H_

#include <string>

#include <tiegraph/status.h>
#include <tiegraph/store.h>

namespace tiegraph::crashtest {

Result<std::string> DescribeState(const Store& store);

// Opens the database at `path` for writing, runs `check` on it and describes it; an error
// when it does not open or the check finds any problem.
Result<std::string> OpenCheckDescribe(const std::string& path);

}  // namespace tiegraph::crashtest

#endif  // TIEGRAPH_CRASHTEST_DATABASE_STATE_H_
