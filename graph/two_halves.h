// Splitting work over rows between two threads: where the arcs are halved, and running both
// halves at once. Results never depend on the split being used or not.
#ifndef TIEGRAPH_GRAPH_TWO_HALVES_H_
#define TIEGRAPH_GRAPH_TWO_HALVES_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <thread>
#include <vector>

namespace tiegraph {

// The first row of the second half: rows before it hold about half of the arcs
// (`offsets` has one entry per row plus the end).
inline size_t HalfwayRow(std::span<const uint64_t> offsets) {
  return static_cast<size_t>(std::upper_bound(offsets.begin(), offsets.end(), offsets.back() / 2) -
                             offsets.begin() - 1);
}

// Runs fn(0) and, when `parts` is 2, fn(1) on a second thread at the same time.
template <typename Fn>
void RunParts(int parts, Fn&& fn) {
  if (parts == 2) {
    std::thread helper([&fn]() { fn(1); });
    fn(0);
    helper.join();
  } else {
    fn(0);
  }
}

}  // namespace tiegraph

#endif  // TIEGRAPH_GRAPH_TWO_HALVES_H_
