#!/usr/bin/env bash
# Configures and builds tiegraph into a build directory.
#   tools/build.sh [BUILD_DIR] [extra cmake arguments...]
# Default BUILD_DIR: build. Uses Ninja and ccache when present; two parallel jobs (the
# reference machine has two cores; override with JOBS=N).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-build}
shift || true
[[ "$dir" = /* ]] || dir="$top/$dir"
gen=()
command -v ninja >/dev/null && gen=(-G Ninja)
cmake -S "$top" -B "$dir" "${gen[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j "${JOBS:-2}"
