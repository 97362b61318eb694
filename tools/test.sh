#!/usr/bin/env bash
# The whole test suite: set up, build, run every test; then the same under AddressSanitizer
# and UndefinedBehaviorSanitizer; then install the library and build and run the embedding
# example against the installed package (not the build tree).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/tools/setup-debian.sh"

echo "== build and test (RelWithDebInfo)"
bash "$top/tools/build.sh" build
(cd "$top/build" && ctest --output-on-failure -j 2)

echo "== build and test under AddressSanitizer + UndefinedBehaviorSanitizer"
bash "$top/tools/build.sh" build-asan -DTIEGRAPH_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=Debug
(cd "$top/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  LSAN_OPTIONS=suppressions="$top/tools/lsan.supp" \
  ctest --output-on-failure -j 2)

echo "== install, then build examples/embed against the installed package"
prefix="$top/build/install"
rm -rf "$prefix" "$top/build/embed"
cmake --install "$top/build" --prefix "$prefix" >/dev/null
cmake -S "$top/examples/embed" -B "$top/build/embed" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$top/build/embed" -j 2 >/dev/null
db="$top/build/embed/sample.db"
rm -rf "$db"
"$prefix/bin/tiegraph" --db "$db" import "$top/examples/seed-network.json" >/dev/null
"$top/build/embed/embed_example" "$db" KTL
echo "== all tests passed"
