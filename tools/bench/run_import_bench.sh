#!/usr/bin/env bash
# Import benchmark, tiegraph against Kuzu, on one generated network, then neighbor-lookup
# latency on the tiegraph database. See docs/BENCHMARKS.md.
#
#   tools/bench/run_import_bench.sh [BUILD_DIR]        (default: build/ in the repository)
#
# BUILD_DIR must hold a Release build with tools/tiegraph and tools/bench/tiegraph_lookup_bench:
#   cmake -S . -B BUILD_DIR -G Ninja -DCMAKE_BUILD_TYPE=Release -DTIEGRAPH_BUILD_TESTS=OFF
#   ninja -C BUILD_DIR -j2 tiegraph_cli tiegraph_lookup_bench
#
# Environment (defaults in brackets):
#   BENCH_DIR [/tmp/tiegraph-bench]  data, databases and results; never inside the repository
#   INSTITUTIONS [100000] TIES [1000000] SEED [42]   the generated network
#   RUNS [3]              runs of each importer, alternating, each into a fresh database
#   LOOKUPS [100000]      TiesOf calls timed by the lookup benchmark
#   KUZU_DIR [/opt/kuzu]  where kuzu@KUZU_VERSION [0.11.3] is installed with npm if missing
#   WAIT_IDLE [900]       seconds in all to wait for other processes to leave the CPU idle
#                         (< 0.25 core busy) before each timed step
#   MAX_ATTEMPTS [3]      attempts of a step during which other processes used >= 0.25 core
#
# Every run's raw figures go to BENCH_DIR/results-<time>/ as JSON lines; the summary (markdown)
# is printed and saved there as summary.md.
set -euo pipefail

BUILD_DIR=$(realpath "${1:-$(dirname "${BASH_SOURCE[0]}")/../../build}")
SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/tiegraph-bench}
INSTITUTIONS=${INSTITUTIONS:-100000}
TIES=${TIES:-1000000}
SEED=${SEED:-42}
RUNS=${RUNS:-3}
LOOKUPS=${LOOKUPS:-100000}
KUZU_DIR=${KUZU_DIR:-/opt/kuzu}
KUZU_VERSION=${KUZU_VERSION:-0.11.3}
WAIT_IDLE=${WAIT_IDLE:-900}
PY=/usr/bin/python3

CLI="$BUILD_DIR/tools/tiegraph"
LOOKUP="$BUILD_DIR/tools/bench/tiegraph_lookup_bench"
for bin in "$CLI" "$LOOKUP"; do
  if [[ ! -x "$bin" ]]; then
    echo "run_import_bench: $bin is missing; build it first:" >&2
    echo "  ninja -C $BUILD_DIR -j2 tiegraph_cli tiegraph_lookup_bench" >&2
    exit 1
  fi
done
if grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null; then
  BUILD_TYPE=Release
else
  BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null)
  echo "run_import_bench: warning: $BUILD_DIR is a '${BUILD_TYPE:-unknown}' build, not Release" >&2
fi

# --- Kuzu --------------------------------------------------------------------------------------
if ! (cd "$KUZU_DIR" 2>/dev/null && node -e 'require("kuzu")' >/dev/null 2>&1); then
  echo "installing kuzu@$KUZU_VERSION into $KUZU_DIR" >&2
  mkdir -p "$KUZU_DIR"
  (cd "$KUZU_DIR" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
     npm install --no-audit --no-fund "kuzu@$KUZU_VERSION" >&2)
fi
KUZU_INSTALLED=$(cd "$KUZU_DIR" && node -p 'require("kuzu").VERSION')

# --- Data --------------------------------------------------------------------------------------
DATA="$BENCH_DIR/data-$INSTITUTIONS-$TIES-$SEED"
if [[ ! -f "$DATA/done" ]]; then
  echo "generating $INSTITUTIONS institutions and $TIES ties into $DATA" >&2
  rm -rf "$DATA"
  "$PY" "$SRC_DIR/tools/bench/generate_network.py" "$DATA" --institutions "$INSTITUTIONS" \
    --ties "$TIES" --seed "$SEED"
  touch "$DATA/done"
fi
INST_CSV="$DATA/institutions.csv"
TIES_CSV="$DATA/ties.csv"

# --- A quiet machine ---------------------------------------------------------------------------
# shellcheck source=busy_cores.sh
source "$(dirname "${BASH_SOURCE[0]}")/busy_cores.sh"
# wait_quiet: waits (up to WAIT_IDLE seconds in all) until other processes use < 0.25 core;
# sets BUSY to the last reading.
waited=0
BUSY_MAX=0
wait_quiet() {
  while :; do
    BUSY=$(busy_cores)
    if "$PY" -c "import sys; sys.exit(0 if float('$BUSY') < 0.25 else 1)"; then break; fi
    if [[ $waited -ge $WAIT_IDLE ]]; then
      echo "run_import_bench: warning: machine busy ($BUSY cores in use by others), running anyway" >&2
      break
    fi
    if [[ $waited -eq 0 ]]; then echo "waiting for the machine to be quiet ($BUSY cores busy)" >&2; fi
    sleep 4
    waited=$((waited + 5))
  done
  BUSY_MAX=$("$PY" -c "print(max(float('$BUSY'), float('$BUSY_MAX')))")
}

OUT="$BENCH_DIR/results-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
DBS="$BENCH_DIR/dbs"
rm -rf "$DBS"
mkdir -p "$DBS"
# Both importers read the CSV files from the page cache.
cat "$INST_CSV" "$TIES_CSV" >/dev/null

now() { date +%s.%N; }
# CPU ticks of the whole machine (all processes), busy = user+nice+system+irq+softirq.
cpu_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $9}' /proc/stat; }
CLK_TCK=$(getconf CLK_TCK)
MAX_ATTEMPTS=${MAX_ATTEMPTS:-3}
# timed NAME FRESH_PATH CMD...: runs CMD (after removing FRESH_PATH*, the database it creates),
# appends its stdout to NAME.out and {"wall_seconds","cpu_seconds","peak_rss_mb",
# "others_cores",...} to NAME.time. When other processes used >= 0.25 core on average while it
# ran (CPU ticks of the machine minus the command's own), the attempt is discarded and repeated,
# up to MAX_ATTEMPTS times (the last attempt is kept whatever happened, and marked).
timed() {
  local name=$1 fresh=$2
  shift 2
  local attempt t0 t1 c0 c1 user sys rss
  for attempt in $(seq 1 "$MAX_ATTEMPTS"); do
    rm -rf "$fresh" "$fresh".*
    sync
    wait_quiet
    c0=$(cpu_ticks)
    t0=$(now)
    /usr/bin/time -f '%U %S %M' -o "$OUT/.time" "$@" >"$OUT/.stdout"
    t1=$(now)
    c1=$(cpu_ticks)
    read -r user sys rss < <(tail -n 1 "$OUT/.time")
    local record
    record=$("$PY" -c '
import json, sys
t0, t1, user, sys_, rss, c0, c0s, c1, c1s, hz, attempt, busy = sys.argv[1:13]
wall, cpu = float(t1) - float(t0), float(user) + float(sys_)
others = max(0.0, (float(c1) - float(c0)) / float(hz) - cpu) / wall
steal = (float(c1s) - float(c0s)) / float(hz) / wall
print(json.dumps({"wall_seconds": round(wall, 4), "cpu_seconds": round(cpu, 2),
                  "peak_rss_mb": int(rss) // 1024, "others_cores": round(others, 2),
                  "steal_cores": round(steal, 2), "busy_cores_before": float(busy),
                  "attempt": int(attempt)}))' \
      "$t0" "$t1" "$user" "$sys" "$rss" $c0 $c1 "$CLK_TCK" "$attempt" "$BUSY")
    local others
    others=$("$PY" -c 'import json,sys; print(json.loads(sys.argv[1])["others_cores"])' "$record")
    if "$PY" -c "import sys; sys.exit(0 if $others < 0.25 else 1)" || [[ $attempt -eq $MAX_ATTEMPTS ]]; then
      cat "$OUT/.stdout" >>"$OUT/$name.out"
      cat "$OUT/.stdout" >&2
      echo "$record" >>"$OUT/$name.time"
      return 0
    fi
    echo "  disturbed: other processes used $others cores meanwhile; repeating" >&2
  done
}

for run in $(seq 1 "$RUNS"); do
  echo "run $run/$RUNS: tiegraph import (CLI)" >&2
  timed tiegraph "$DBS/tiegraph-$run" \
    "$CLI" --db "$DBS/tiegraph-$run" import --create --institutions "$INST_CSV" --ties "$TIES_CSV"

  echo "run $run/$RUNS: kuzu COPY FROM" >&2
  timed kuzu "$DBS/kuzu-$run.kz" env KUZU_DIR="$KUZU_DIR" \
    node "$SRC_DIR/tools/bench/kuzu_import.mjs" "$DBS/kuzu-$run.kz" "$INST_CSV" "$TIES_CSV"

  echo "run $run/$RUNS: kuzu COPY FROM, endpoints only (reference)" >&2
  timed kuzu_endpoints "$DBS/kuzu-endpoints-$run.kz" env KUZU_DIR="$KUZU_DIR" \
    node "$SRC_DIR/tools/bench/kuzu_import.mjs" --endpoints-only "$DBS/kuzu-endpoints-$run.kz" \
    "$INST_CSV" "$TIES_CSV"

  echo "run $run/$RUNS: tiegraph::Import (library, read/write split)" >&2
  timed tiegraph_lib "$DBS/tiegraph-lib-$run" "$LOOKUP" import --db "$DBS/tiegraph-lib-$run" \
    --institutions "$INST_CSV" --ties "$TIES_CSV" --json

  # Keep the last tiegraph database for the lookup benchmark; drop the rest as we go.
  rm -rf "$DBS/kuzu-$run.kz"* "$DBS/kuzu-endpoints-$run.kz"* "$DBS/tiegraph-lib-$run"
  if [[ $run -lt $RUNS ]]; then rm -rf "$DBS/tiegraph-$run"; fi
done
DB_SIZE_TIEGRAPH=$(du -sm "$DBS/tiegraph-$RUNS" | cut -f1)

echo "one more tiegraph::Import with --breakdown (validation vs staging + commit)" >&2
timed tiegraph_breakdown "$DBS/tiegraph-breakdown" "$LOOKUP" import --db "$DBS/tiegraph-breakdown" \
  --institutions "$INST_CSV" --ties "$TIES_CSV" --breakdown --json
rm -rf "$DBS/tiegraph-breakdown"

echo "lookup benchmark on $DBS/tiegraph-$RUNS" >&2
timed lookup "$DBS/none" \
  "$LOOKUP" lookup --db "$DBS/tiegraph-$RUNS" --lookups "$LOOKUPS" --json
timed lookup_cache512 "$DBS/none" \
  "$LOOKUP" lookup --db "$DBS/tiegraph-$RUNS" --lookups "$LOOKUPS" --cache-mb 512 --json

# --- Summary -----------------------------------------------------------------------------------
"$PY" - "$OUT" "$TIES" "$INSTITUTIONS" "$DB_SIZE_TIEGRAPH" "$KUZU_INSTALLED" "$BUSY_MAX" \
  "$BUILD_TYPE" <<'EOF' | tee "$OUT/summary.md"
import json, re, statistics, sys
out, ties, insts, db_mb, kuzu_version, busy_max, build_type = sys.argv[1:8]
ties, insts, busy_max = int(ties), int(insts), float(busy_max)
def lines(name):
    with open(f"{out}/{name}") as f:
        return [json.loads(l) for l in f if l.strip().startswith("{")]
tg_time, lib_time = lines("tiegraph.time"), lines("tiegraph_lib.time")
kz_time, kze_time = lines("kuzu.time"), lines("kuzu_endpoints.time")
kz, kze, lib = lines("kuzu.out"), lines("kuzu_endpoints.out"), lines("tiegraph_lib.out")
with open(f"{out}/tiegraph.out") as f:
    tg_reported = [float(m.group(1)) for m in re.finditer(r" in ([0-9.]+) s", f.read())]
bd = lines("tiegraph_breakdown.out")[0]
look, look512 = lines("lookup.out")[0], lines("lookup_cache512.out")[0]
med = statistics.median
def cell(xs):
    return f"{med(xs):.2f} ({min(xs):.2f}–{max(xs):.2f})" if len(xs) > 1 else f"{xs[0]:.2f}"
def rate(xs):
    return f"{ties / med(xs) / 1e6:.2f} M"
W = lambda ts: [t["wall_seconds"] for t in ts]
rows = [
    ("**tiegraph** CLI `import`, whole process", W(tg_time), True),
    ("tiegraph CLI, its own \"in S s\" (read + write)", tg_reported, True),
    ("tiegraph::Import read: parse CSV, field checks", [r["read_seconds"] for r in lib], False),
    ("tiegraph::Import write: cross-record checks, encode, sort, SST build, ingest",
     [r["write_seconds"] for r in lib], False),
    ("tiegraph::Import read + write", [r["read_seconds"] + r["write_seconds"] for r in lib], True),
    ("**Kuzu** `kuzu_import.mjs`, whole process", W(kz_time), True),
    ("Kuzu COPY Institution (nodes)", [r["node_copy_seconds"] for r in kz], False),
    ("Kuzu COPY Tie (rels with key, type, strength, status)", [r["rel_copy_seconds"] for r in kz], True),
    ("Kuzu COPY nodes + rels", [r["copy_seconds"] for r in kz], True),
    ("Kuzu close (checkpoint)", [r["close_seconds"] for r in kz], False),
    ("*reference:* Kuzu, rels without properties, whole process", W(kze_time), True),
    ("*reference:* Kuzu COPY Tie, rels without properties", [r["rel_copy_seconds"] for r in kze], True),
]
print(f"### Import: {insts:,} institutions + {ties:,} ties, {len(tg_time)} runs each, alternating\n")
print("| what | median s (min–max) | ties/s at the median |")
print("| --- | ---: | ---: |")
for name, xs, show_rate in rows:
    print(f"| {name} | {cell(xs)} | {rate(xs) if show_rate else ''} |")
cpu = lambda ts: med([t["cpu_seconds"] for t in ts])
rss = lambda ts: max(t["peak_rss_mb"] for t in ts)
print()
print(f"CPU time (user + sys, median): tiegraph {cpu(tg_time):.2f} s, Kuzu {cpu(kz_time):.2f} s. "
      f"Peak RSS: tiegraph {rss(tg_time)} MiB, Kuzu {rss(kz_time)} MiB. "
      f"tiegraph database on disk: {db_mb} MiB. Build type: {build_type}. Kuzu {kuzu_version}.")
print()
print(f"Breakdown run (one tiegraph::Import split by hand): read {bd['read_seconds']:.2f} s, "
      f"validation {bd['validate_seconds']:.2f} s, encode + sort + SST build + ingest "
      f"{bd['stage_commit_seconds']:.2f} s.")
print()
print(f"### Neighbor lookups: Snapshot::TiesOf, {look['lookups']:,} random institutions, warm\n")
print("| block cache | mean ties | mean µs | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for l in (look, look512):
    print(f"| {l['cache_mb']} MiB | {l['mean_ties']:.1f} | {l['mean_us']:.1f} | {l['p50_us']:.1f} | "
          f"{l['p90_us']:.1f} | {l['p99_us']:.1f} | {l['p999_us']:.1f} | {l['max_us']:.0f} |")
print(f"\nTies per lookup: p50 {look['ties_p50']}, p99 {look['ties_p99']}, max {look['ties_max']}. "
      "The same lookups grouped by the number of ties returned:\n")
print("| ties returned | lookups | p50 µs (64 MiB) | p99 µs (64 MiB) | p50 µs (512 MiB) | p99 µs (512 MiB) |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for a, b in zip(look["by_ties"], look512["by_ties"]):
    print(f"| {a['ties']} | {a['lookups']:,} | {a['p50_us']:.1f} | {a['p99_us']:.1f} | "
          f"{b['p50_us']:.1f} | {b['p99_us']:.1f} |")
print()
kept = [t for n in ("tiegraph", "tiegraph_lib", "kuzu", "kuzu_endpoints", "tiegraph_breakdown",
                    "lookup", "lookup_cache512") for t in lines(n + ".time")]
others = max(t["others_cores"] for t in kept)
steal = max(t["steal_cores"] for t in kept)
repeats = sum(t["attempt"] - 1 for t in kept)
print(f"Machine load: other processes used at most {others:.2f} cores on average during a kept "
      f"step (steal at most {steal:.2f}); {repeats} disturbed attempt(s) were discarded and "
      "repeated" + (" — **the machine was busy during some kept steps; those figures are "
      "pessimistic**." if others >= 0.25 else "."))
print(f"\nRaw figures: {out}")
EOF
rm -rf "$DBS"
