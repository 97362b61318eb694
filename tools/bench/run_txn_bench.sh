#!/usr/bin/env bash
# Living-database benchmark (issue 12), tiegraph against Kuzu: single-field updates in one
# commit and one commit each, a merge of two institutions, the projection build after a history
# of mutations, and TiesOf latency. See docs/BENCHMARKS.md, "Living database (issue 12)".
#
#   tools/bench/run_txn_bench.sh [BUILD_DIR]        (default: build/ in the repository)
#
# BUILD_DIR must hold tools/tiegraph, tools/bench/tiegraph_txn_bench and
# tools/bench/tiegraph_lookup_bench. Kuzu must be installed as run_import_bench.sh installs it.
#
# Environment (defaults in brackets):
#   BENCH_DIR [/tmp/tiegraph-bench]  data, databases and results; never inside the repository
#   INSTITUTIONS [100000] TIES [1000000] SEED [42]   the generated network (as run_import_bench)
#   KEY_SEED [12]          the seed that picks the changed ties and institutions
#   RUNS [3]               runs of each step, alternating between the systems
#   KEY_MATCH_LIMIT [1000] Kuzu's updates that find a tie by its key alone scan every tie per
#                          statement (about 40-60 ms each): only this many are run, in the
#                          first run (0: not at all)
#   LOCK [/tmp/tiegraph-build.lock]  the timed steps run holding `flock LOCK`, so that no build
#                          shares the machine with them (empty: no lock); the lock is taken
#                          for one group of steps at a time (one operation on both systems,
#                          about a minute) and released between groups
#   WAIT_IDLE [900] QUIET_SECONDS [5]  before each group, wait up to WAIT_IDLE seconds (without
#                          the lock) for QUIET_SECONDS in a row with other processes using
#                          < 0.25 core
#   MAX_ATTEMPTS [2]       attempts of a step during which others used >= 0.25 core
#   REUSE_BASE [0]         1: keep the base databases and keys of an earlier invocation
#   KUZU_DIR [/opt/kuzu]
#
# Every step works on a fresh copy (cp -r) of one imported database per system, made before
# the step and outside its timing, then `sync`. Raw figures (JSON lines) and the machine's load
# go to BENCH_DIR/txn-results-<time>/; the summary is printed and saved as summary.md there.
set -euo pipefail

BUILD_DIR=$(realpath "${1:-$(dirname "${BASH_SOURCE[0]}")/../../build}")
SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/tiegraph-bench}
INSTITUTIONS=${INSTITUTIONS:-100000}
TIES=${TIES:-1000000}
SEED=${SEED:-42}
KEY_SEED=${KEY_SEED:-12}
RUNS=${RUNS:-3}
KEY_MATCH_LIMIT=${KEY_MATCH_LIMIT:-1000}
WAIT_IDLE=${WAIT_IDLE:-900}
QUIET_SECONDS=${QUIET_SECONDS:-5}
LOCK=${LOCK-/tmp/tiegraph-build.lock}
export KUZU_DIR=${KUZU_DIR:-/opt/kuzu}
PY=/usr/bin/python3

CLI="$BUILD_DIR/tools/tiegraph"
TXN="$BUILD_DIR/tools/bench/tiegraph_txn_bench"
LOOKUP="$BUILD_DIR/tools/bench/tiegraph_lookup_bench"
KZ_IMPORT="$SRC_DIR/tools/bench/kuzu_import.mjs"
KZ_TXN="$SRC_DIR/tools/bench/kuzu_txn.mjs"
for bin in "$CLI" "$TXN" "$LOOKUP"; do
  [[ -x "$bin" ]] || { echo "run_txn_bench: $bin is missing; build it first" >&2; exit 1; }
done
# A copy of a build directory (tools/, tools/bench/, libtiegraph.so.0, CMakeCache.txt) runs with
# its own library rather than the one its programs' RUNPATH names.
export LD_LIBRARY_PATH="$BUILD_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null)
locked() { if [[ -n "$LOCK" ]]; then flock "$LOCK" "$@"; else "$@"; fi; }
if [[ -n "$LOCK" ]]; then exec 9>>"$LOCK"; fi
# shellcheck source=busy_cores.sh
source "$(dirname "${BASH_SOURCE[0]}")/busy_cores.sh"
# hold: waits (without the lock, up to WAIT_IDLE seconds) until other processes use < 0.25
# core for QUIET_SECONDS in a row (the lock keeps builds away, not everything), then takes
# the lock.
hold() {
  local waited=0 quiet=0 busy
  while [[ $quiet -lt $QUIET_SECONDS && $waited -lt $WAIT_IDLE ]]; do
    busy=$(busy_cores)
    if "$PY" -c "import sys; sys.exit(0 if $busy < 0.25 else 1)"; then
      quiet=$((quiet + 1))
    else
      quiet=0
      sleep 4
      waited=$((waited + 4))
    fi
    waited=$((waited + 1))
  done
  if [[ $quiet -lt $QUIET_SECONDS ]]; then
    echo "run_txn_bench: the machine stayed busy ($busy cores) for $WAIT_IDLE s; going on" >&2
  fi
  if [[ -n "$LOCK" ]]; then flock 9; fi
}
release() { if [[ -n "$LOCK" ]]; then flock -u 9; fi; }

# --- Data and the two base databases -------------------------------------------------------------
DATA="$BENCH_DIR/data-$INSTITUTIONS-$TIES-$SEED"
if [[ ! -f "$DATA/done" ]]; then
  rm -rf "$DATA"
  "$PY" "$SRC_DIR/tools/bench/generate_network.py" "$DATA" --institutions "$INSTITUTIONS" \
    --ties "$TIES" --seed "$SEED"
  touch "$DATA/done"
fi
WORK="$BENCH_DIR/txn"
mkdir -p "$WORK"
TG_BASE="$WORK/tiegraph-base"
KZ_BASE="$WORK/kuzu-base.kz"
KEYS="$WORK/keys-$KEY_SEED.tsv"
if [[ "${REUSE_BASE:-0}" != 1 || ! -d "$TG_BASE" || ! -f "$KZ_BASE" || ! -f "$KEYS" ]]; then
  rm -rf "$TG_BASE" "$KZ_BASE" "$KZ_BASE".*
  echo "importing the base databases" >&2
  locked "$CLI" --db "$TG_BASE" import --create --institutions "$DATA/institutions.csv" \
    --ties "$DATA/ties.csv" >&2
  locked node "$KZ_IMPORT" "$KZ_BASE" "$DATA/institutions.csv" "$DATA/ties.csv" >/dev/null
  "$TXN" pick --db "$TG_BASE" --out "$KEYS" --seed "$KEY_SEED" >&2
fi

OUT="$BENCH_DIR/txn-results-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
cp "$KEYS" "$OUT/keys.tsv"

now() { date +%s.%N; }
cpu_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
CLK_TCK=$(getconf CLK_TCK)
# measure CMD...: runs CMD, with the clock and the machine's CPU ticks read just before and
# after it, into OUT/.stdout, OUT/.time and OUT/.clock.
measure() {
  local t0 c0 t1 c1
  c0=$(cpu_ticks)
  t0=$(now)
  /usr/bin/time -f '%U %S %M' -o "$OUT/.time" "$@" >"$OUT/.stdout"
  t1=$(now)
  c1=$(cpu_ticks)
  echo "$t0 $t1 $c0 $c1" >"$OUT/.clock"
}
# timed NAME PREP CMD...: runs PREP (tg_copy, kz_copy or none: a fresh copy of the database
# the step changes), then CMD (the caller holds the lock), and appends CMD's JSON line, extended
# with wall_seconds, cpu_seconds (user + sys), peak_rss_mb, others_cores (the CPU other
# processes used meanwhile, on average: the lock keeps builds away, not everything) and
# attempt, to OUT/NAME.jsonl. An attempt during which others used >= 0.25 core is thrown away
# and repeated, up to MAX_ATTEMPTS; the last is kept whatever happened ("disturbed": true).
MAX_ATTEMPTS=${MAX_ATTEMPTS:-2}
timed() {
  local name=$1 prep=$2
  shift 2
  local attempt record
  for attempt in $(seq 1 "$MAX_ATTEMPTS"); do
    "$prep"
    sync
    measure "$@"
    record=$("$PY" - "$OUT/.stdout" "$OUT/.time" "$OUT/.clock" "$CLK_TCK" "$attempt" <<'EOF'
import json, sys
stdout, timef, clockf, hz, attempt = sys.argv[1:6]
t0, t1, c0, c1 = open(clockf).read().split()
line = [l for l in open(stdout) if l.startswith("{")][-1]
user, sys_, rss = open(timef).read().split()[-3:]
wall, cpu = float(t1) - float(t0), float(user) + float(sys_)
others = round(max(0.0, (float(c1) - float(c0)) / float(hz) - cpu) / wall, 2)
r = json.loads(line)
r.update(wall_seconds=round(wall, 3), cpu_seconds=round(cpu, 2), peak_rss_mb=int(rss) // 1024,
         others_cores=others, attempt=int(attempt), disturbed=others >= 0.25)
print(json.dumps(r))
EOF
)
    if [[ $record != *'"disturbed": true'* || $attempt -eq $MAX_ATTEMPTS ]]; then
      echo "$record" >>"$OUT/$name.jsonl"
      echo "$name: $record" >&2
      return 0
    fi
    echo "$name: disturbed (other processes busy), repeating" >&2
  done
}
none() { :; }
tg_copy() { rm -rf "$WORK/tg-work"; cp -r "$TG_BASE" "$WORK/tg-work"; }
kz_copy() { rm -f "$WORK/kz-work.kz" "$WORK/kz-work.kz".*; cp "$KZ_BASE" "$WORK/kz-work.kz"; }
TGW="$WORK/tg-work"
KZW="$WORK/kz-work.kz"

for run in $(seq 1 "$RUNS"); do
  echo "run $run/$RUNS" >&2
  for what in strength sector; do
    for commits in one each; do
      hold
      timed "tg-$what-$commits" tg_copy "$TXN" update --db "$TGW" --keys "$KEYS" --what "$what" \
        --commits "$commits"
      if [[ $what == strength ]]; then
        timed "kz-$what-$commits" kz_copy node "$KZ_TXN" update "$KZW" "$KEYS" --what "$what" \
          --commits "$commits" --match endpoints
        if [[ $run -eq 1 && $KEY_MATCH_LIMIT -gt 0 ]]; then
          timed "kz-$what-$commits-keymatch" kz_copy node "$KZ_TXN" update "$KZW" "$KEYS" \
            --what "$what" --commits "$commits" --match key --limit "$KEY_MATCH_LIMIT"
        fi
      else
        timed "kz-$what-$commits" kz_copy node "$KZ_TXN" update "$KZW" "$KEYS" --what "$what" \
          --commits "$commits"
      fi
      release
    done
  done
  hold
  timed tg-merge tg_copy "$TXN" merge --db "$TGW" --keys "$KEYS"
  timed kz-merge kz_copy node "$KZ_TXN" merge "$KZW" "$KEYS"
  release

  # The projection: on the fresh import, then after a history of mutations (in the process that
  # made them, then reopened read-only); TiesOf on both.
  hold
  timed tg-projection-fresh none "$TXN" projection --db "$TG_BASE" --runs 5
  timed tg-lookup-fresh none "$LOOKUP" lookup --db "$TG_BASE" --json
  timed tg-history tg_copy "$TXN" history --db "$TGW" --keys "$KEYS" --runs 5 \
    $([[ $run -eq 1 ]] && echo --check)
  timed tg-projection-after-history none "$TXN" projection --db "$TGW" --runs 5
  timed tg-lookup-after-history none "$LOOKUP" lookup --db "$TGW" --json
  release
done
rm -rf "$TGW" "$KZW" "$KZW".*

# --- Summary ---------------------------------------------------------------------------------------
"$PY" - "$OUT" "$BUILD_TYPE" <<'EOF' | tee "$OUT/summary.md"
import glob, json, os, statistics, sys
out, build_type = sys.argv[1:3]
R = {os.path.basename(f)[:-6]: [json.loads(l) for l in open(f)]
     for f in glob.glob(f"{out}/*.jsonl")}
med = statistics.median
def cell(name, field, scale=1.0, digits=2):
    rs = [r for r in R.get(name, []) if r.get(field) is not None]
    xs = [r[field] * scale for r in rs]
    if not xs: return "—"
    mark = "*" if any(r.get("disturbed") for r in rs) else ""
    if len(xs) == 1: return f"{xs[0]:.{digits}f}{mark}"
    return f"{med(xs):.{digits}f} ({min(xs):.{digits}f}–{max(xs):.{digits}f}){mark}"
print("| operation | tiegraph s | Kuzu s | notes |")
print("| --- | ---: | ---: | --- |")
for what, label in (("strength", "tie strength"), ("sector", "institution sector")):
    for commits, how in (("one", "in one commit"), ("each", "one commit each")):
        note = "Kuzu: endpoints + key" if what == "strength" else "Kuzu: primary key"
        print(f"| 10,000 × {label}, {how} | {cell(f'tg-{what}-{commits}', 'total_seconds')} | "
              f"{cell(f'kz-{what}-{commits}', 'total_seconds')} | {note} |")
        if what == "strength":
            rs = R.get(f"kz-{what}-{commits}-keymatch", [])
            if rs:
                r = rs[0]
                print(f"| … Kuzu by key alone ({r['changes']:,} statements, ×{10000 / r['changes']:.0f} "
                      f"estimated) | | {r['total_seconds']:.2f} (≈ {r['total_seconds'] * 10000 / r['changes']:.0f}) | "
                      "rel property without index: a scan per statement |")
print(f"| merge of two institutions ({R['tg-merge'][0]['kept_ties']} + {R['tg-merge'][0]['absorbed_ties']} ties) | "
      f"{cell('tg-merge', 'total_seconds', digits=3)} | {cell('kz-merge', 'total_seconds', digits=3)} | |")
print()
print("Close (Kuzu: checkpoint) after each step, s:",
      ", ".join(f"{n} {cell(n, 'close_seconds')}" for n in sorted(R) if "close_seconds" in R[n][0]))
print()
for name in ("tg-strength-each", "tg-sector-each", "kz-strength-each", "kz-sector-each"):
    for r in R.get(name, []):
        keys = [k for k in r if k.endswith("_ms")]
        print(f"{name}: " + ", ".join(f"{k} {r[k]}" for k in keys))
print()
print("| projection (BuildProjection, default options, 5 builds) | best s | median s | ties/s (best) |")
print("| --- | ---: | ---: | ---: |")
for name, label in (("tg-projection-fresh", "fresh import (read-only open)"),
                    ("tg-history", "after the history, in the process that made it"),
                    ("tg-projection-after-history", "after the history, reopened read-only")):
    print(f"| {label} | {cell(name, 'build_best_seconds', digits=3)} | "
          f"{cell(name, 'build_median_seconds', digits=3)} | "
          f"{cell(name, 'ties_per_second_best', 1e-6)} M |")
h = R["tg-history"][0]
print(f"\nHistory: {h['tie_updates']:,} strengths {cell('tg-history', 'tie_updates_seconds')} s, "
      f"{h['sector_updates']:,} sectors {cell('tg-history', 'sector_updates_seconds')} s, "
      f"{h['deletes']:,} deletes {cell('tg-history', 'deletes_seconds')} s, merge "
      f"{cell('tg-history', 'merge_seconds')} s; check clean: {h.get('check_clean')}")
print()
print("| TiesOf, 100,000 random institutions | p50 µs | p99 µs | p99.9 µs |")
print("| --- | ---: | ---: | ---: |")
for name in ("tg-lookup-fresh", "tg-lookup-after-history"):
    print(f"| {name} | {cell(name, 'p50_us', digits=1)} | {cell(name, 'p99_us', digits=1)} | "
          f"{cell(name, 'p999_us', digits=1)} |")
kept = [r for rs in R.values() for r in rs]
others = max(r["others_cores"] for r in kept)
repeats = sum(r.get("attempt", 1) - 1 for r in kept)
print(f"\nOther processes used at most {others:.2f} cores on average during a kept step; "
      f"{repeats} disturbed attempt(s) were repeated; `*` marks a figure with a kept step that "
      f"stayed disturbed (others >= 0.25 core) after every attempt. Build type: {build_type}.")
print(f"\nRaw figures: {out}")
EOF
