#!/usr/bin/env bash
# The whole test suite: set up, build, run every test; then the same under AddressSanitizer
# and UndefinedBehaviorSanitizer; then install the library and build and run the embedding
# example against the installed package (not the build tree). Also checks what no test binary
# can: the layering of includes, clang-format, a warning-free build (-Werror), the npm step
# under CMake's default generator, and a build without the optional parts.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/tools/setup-debian.sh"

echo "== layering and format"
/usr/bin/python3 "$top/tools/check_layers.py" "$top"
bash "$top/tools/check_format.sh"

# Tests are switched on explicitly: the demo configures the same folder with them off. ctest
# fails when it finds no test rather than passing on nothing.
echo "== build and test (RelWithDebInfo, warnings are errors)"
bash "$top/tools/build.sh" build -DTIEGRAPH_BUILD_TESTS=ON -DTIEGRAPH_WERROR=ON
(cd "$top/build" && ctest --output-on-failure --no-tests=error -j 2)

echo "== build and test under AddressSanitizer + UndefinedBehaviorSanitizer"
bash "$top/tools/build.sh" build-asan -DTIEGRAPH_BUILD_TESTS=ON -DTIEGRAPH_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=Debug
(cd "$top/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  LSAN_OPTIONS=suppressions="$top/tools/lsan.supp" \
  ctest --output-on-failure --no-tests=error -j 2)

echo "== install, then build examples/embed against the installed package"
prefix="$top/build/install"
rm -rf "$prefix" "$top/build/embed"
cmake --install "$top/build" --prefix "$prefix" >/dev/null
cmake -S "$top/examples/embed" -B "$top/build/embed" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$top/build/embed" -j 2 >/dev/null
db="$top/build/embed/sample.db"
rm -rf "$db"
"$prefix/bin/tiegraph" --db "$db" import --create "$top/examples/seed-network.json" >/dev/null
"$top/build/embed/embed_example" "$db" KTL
"$top/build/embed/query_example" "$db" Gangwon
echo "== CMake's default generator (Unix Makefiles): the HTML map's npm step"
rm -rf "$top/build-make"
cmake -S "$top" -B "$top/build-make" -G "Unix Makefiles" -DTIEGRAPH_BUILD_TESTS=OFF >/dev/null
cmake --build "$top/build-make" --target tiegraph_html -j 2 >/dev/null
test -s "$top/build-make/html-deps/node_modules/cytoscape/dist/cytoscape.min.js"

echo "== the core library alone: no Graphviz, no npm"
bash "$top/tools/build.sh" build-core -DTIEGRAPH_BUILD_TESTS=OFF -DTIEGRAPH_WITH_RENDER=OFF \
  -DTIEGRAPH_WITH_HTML_MAP=OFF -DTIEGRAPH_WERROR=ON >/dev/null
core_libs=$(ldd "$top/build-core/libtiegraph.so")
if grep -q libgvc <<<"$core_libs"; then
  echo "the core library links Graphviz"; exit 1
fi
core_db="$top/build-core/sample.db"
rm -rf "$core_db"
"$top/build-core/tools/tiegraph" --db "$core_db" import --create "$top/examples/seed-network.json" >/dev/null
"$top/build-core/tools/tiegraph" --db "$core_db" centrality --metric pagerank --top 3 >/dev/null
if "$top/build-core/tools/tiegraph" --db "$core_db" html --out "$top/build-core/map.html" 2>/dev/null; then
  echo "a build without the map wrote one"; exit 1
fi
echo "== all tests passed"
