#!/usr/bin/env bash
# The main job on the bundled sample network: set up, build, load the sample into a fresh
# database and print its overview (totals, sectors, best-connected institutions, components).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/tools/setup-debian.sh"
bash "$top/tools/build.sh" build -DTIEGRAPH_BUILD_TESTS=OFF
db="$top/build/sample.db"
rm -rf "$db"
cli="$top/build/tools/tiegraph"
"$cli" --db "$db" init
"$cli" --db "$db" import --create "$top/examples/seed-network.json"
"$cli" --db "$db" overview
echo
"$cli" --db "$db" render --out "$top/build/sample-map.png"
"$cli" --db "$db" html --out "$top/build/sample-map.html"
echo
echo "The database is at $db; try: $cli --db $db show KTL"
