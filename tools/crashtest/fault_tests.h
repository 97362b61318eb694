// Writes that meet a failing disk: a full file system (a small tmpfs mounted for the test) and
// a file-size limit (RLIMIT_FSIZE, so that writing past it fails with EFBIG). Either way the
// failing commit must give a clear error, and the database, reopened once there is room again,
// must pass `check` and hold exactly the commits that succeeded before.
#ifndef TIEGRAPH_CRASHTEST_FAULT_TESTS_H_
#define TIEGRAPH_CRASHTEST_FAULT_TESTS_H_

#include <cstdint>
#include <ostream>
#include <string>

namespace tiegraph::crashtest {

// Exit code of a test that cannot run here (CTest's SKIP_RETURN_CODE): mounting needs root.
inline constexpr int kSkipped = 77;

int RunDiskFullTest(const std::string& dir, uint64_t seed, std::ostream& log);
int RunFileLimitTest(const std::string& dir, uint64_t seed, std::ostream& log);

}  // namespace tiegraph::crashtest

#endif  // TIEGRAPH_CRASHTEST_FAULT_TESTS_H_
