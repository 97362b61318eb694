#!/usr/bin/env bash
# Algorithm benchmark: tiegraph against igraph, graph-tool (OMP_NUM_THREADS=2) and networkx, in
# one run on this machine, on graph-tool's cond-mat-2005 and on Barabási–Albert graphs with 1M
# and 5M edges. See docs/BENCHMARKS.md.
#
#   tools/bench/run_algorithms_bench.sh [BUILD_DIR]      (default: build-algbench/ in the repository)
#
# Steps: builds tiegraph (Release, -j2) into BUILD_DIR; writes each network once
# (tools/bench/export_graph.py) and imports it into a tiegraph database with the CLI
# (`tiegraph --db DIR import --institutions … --ties …`); then, algorithm by algorithm, runs
# tiegraph (tools/bench/algorithms_bench.cc: BuildProjection + the algorithm, each timed) and
# each peer (tools/bench/peers_algorithms.py: the library call alone, and loading the edge list
# separately), one process per tool and algorithm, waiting before each for a quiet machine; and
# prints one markdown table per network (saved as summary.md with the raw JSON lines).
#
# Environment (defaults in brackets):
#   BENCH_DIR [/tmp/tiegraph-algbench]  data, databases, results; never inside the repository
#   GRAPHS ["cond-mat-2005 ba-200000-5 ba-1000000-5"]  cond-mat-2005 or ba-N-M (N vertices,
#                         M edges per new vertex: 200000×5 ≈ 1M edges, 1000000×5 ≈ 5M edges)
#   TOOLS ["tiegraph igraph graph-tool networkx"]
#   EXACT_MAX_EDGES [500000]  exact betweenness and closeness only on networks up to this size
#                         (on the BA graphs they take hours in every tool; sampled betweenness
#                         is run everywhere)
#   NX_SKIP_EXACT [1]     skip networkx's exact betweenness and closeness (hours in pure
#                         Python even on cond-mat-2005; the table gives an estimate instead)
#   LIMIT [600]           seconds one algorithm may run before it is stopped ("> LIMIT s")
#   THREADS [2] SAMPLES [100] SEED [42] PAGERANK_EPSILON [1e-6]
#   WAIT_IDLE [900]       seconds to wait, before each step, for no compiler (cc1plus) to be
#                         running and other processes to use < 0.25 core; then runs anyway
#   SKIP_BUILD [0]        1: use BUILD_DIR as it is
#   SUMMARY_ONLY []       a results directory of an earlier run: print its tables again, measure
#                         nothing (GRAPHS must name its networks)
set -euo pipefail

SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/build-algbench}
BENCH_DIR=${BENCH_DIR:-/tmp/tiegraph-algbench}
GRAPHS=${GRAPHS:-"cond-mat-2005 ba-200000-5 ba-1000000-5"}
TOOLS=${TOOLS:-"tiegraph igraph graph-tool networkx"}
EXACT_MAX_EDGES=${EXACT_MAX_EDGES:-500000}
NX_SKIP_EXACT=${NX_SKIP_EXACT:-1}
LIMIT=${LIMIT:-600}
THREADS=${THREADS:-2}
SAMPLES=${SAMPLES:-100}
SEED=${SEED:-42}
PAGERANK_EPSILON=${PAGERANK_EPSILON:-1e-6}
WAIT_IDLE=${WAIT_IDLE:-900}
SKIP_BUILD=${SKIP_BUILD:-0}
SUMMARY_ONLY=${SUMMARY_ONLY:-}
PY=/usr/bin/python3
COMMAND="$0 $*"

case "$(realpath -m "$BENCH_DIR")/" in
  "$SRC_DIR"/*) echo "run_algorithms_bench: BENCH_DIR must be outside the repository" >&2; exit 1 ;;
esac

if [[ -z "$SUMMARY_ONLY" ]]; then
# --- Build -------------------------------------------------------------------------------------
if [[ "$SKIP_BUILD" != 1 ]]; then
  echo "building tiegraph (Release) in $BUILD_DIR" >&2
  cmake -S "$SRC_DIR" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DTIEGRAPH_BUILD_TESTS=OFF >/dev/null
  ninja -C "$BUILD_DIR" -j2 tiegraph_cli tiegraph_algorithms_bench >&2
fi
# What is measured: the commit and whether the library sources differed from it when built.
GIT_STATE="$(git -C "$SRC_DIR" rev-parse --short HEAD)$(git -C "$SRC_DIR" diff --quiet HEAD -- graph storage query || echo '+local changes')"
CLI="$BUILD_DIR/tools/tiegraph"
BENCH="$BUILD_DIR/tools/bench/tiegraph_algorithms_bench"
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD_DIR/CMakeCache.txt")
[[ "$BUILD_TYPE" == Release ]] || echo "run_algorithms_bench: warning: a '$BUILD_TYPE' build" >&2

# --- Data and databases ------------------------------------------------------------------------
mkdir -p "$BENCH_DIR/data" "$BENCH_DIR/db"
for graph in $GRAPHS; do
  data="$BENCH_DIR/data/$graph"
  if [[ ! -f "$data/done" ]]; then
    rm -rf "$data"
    case "$graph" in
      cond-mat-2005) "$PY" "$SRC_DIR/tools/bench/export_graph.py" "$data" cond-mat-2005 --seed "$SEED" ;;
      ba-*-*) IFS=- read -r _ n m <<<"$graph"
              "$PY" "$SRC_DIR/tools/bench/export_graph.py" "$data" ba --nodes "$n" --m "$m" --seed "$SEED" ;;
      *) echo "run_algorithms_bench: unknown graph '$graph'" >&2; exit 1 ;;
    esac 2> >(grep -v -i 'warn' >&2)
    touch "$data/done"
  fi
  db="$BENCH_DIR/db/$graph"
  if [[ ! -f "$db.done" ]]; then
    rm -rf "$db"
    echo "importing $graph into $db" >&2
    "$CLI" --db "$db" import --create --institutions "$data/institutions.csv" --ties "$data/ties.csv" >&2
    touch "$db.done"
  fi
done

# --- A quiet machine ---------------------------------------------------------------------------
# shellcheck source=busy_cores.sh
source "$(dirname "${BASH_SOURCE[0]}")/busy_cores.sh"
# wait_quiet: waits up to WAIT_IDLE seconds for no cc1plus and < 0.25 busy core; logs the state.
wait_quiet() {
  local waited=0 busy compilers
  while :; do
    compilers=$(pgrep -c cc1plus || true)
    busy=$(busy_cores)
    if [[ "$compilers" -eq 0 ]] && "$PY" -c "import sys; sys.exit(0 if $busy < 0.25 else 1)"; then
      break
    fi
    if [[ $waited -ge $WAIT_IDLE ]]; then
      echo "  machine still busy ($compilers compilers, $busy cores) after ${waited}s; running" >&2
      break
    fi
    [[ $waited -eq 0 ]] && echo "  waiting for a quiet machine ($compilers compilers, $busy cores busy)" >&2
    sleep 9
    waited=$((waited + 10))
  done
  printf '{"step":"%s","waited_seconds":%d,"compilers":%d,"busy_cores":%s}\n' \
    "$1" "$waited" "$compilers" "$busy" >>"$OUT/quiet.jsonl"
}

OUT="$BENCH_DIR/results-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: >"$RESULTS"
HARD=$((LIMIT + 300))  # outer limit per process: the algorithm plus loading a large graph

# run_step TOOL GRAPH ALGORITHM: one process, its JSON lines appended to RESULTS.
run_step() {
  local tool=$1 graph=$2 alg=$3 data="$BENCH_DIR/data/$2" dump="$OUT/dump/$2" rc=0
  mkdir -p "$dump"
  wait_quiet "$tool/$graph/$alg"
  echo "  $tool $alg" >&2
  if [[ $tool == tiegraph ]]; then
    timeout "$HARD" "$BENCH" --db "$BENCH_DIR/db/$graph" --graph "$graph" --algorithms "$alg" \
      --sources "$data/sources.txt" --threads "$THREADS" --samples "$SAMPLES" --seed "$SEED" \
      --pagerank-epsilon "$PAGERANK_EPSILON" --dump "$dump" >>"$RESULTS" || rc=$?
  else
    timeout "$HARD" env OMP_NUM_THREADS="$THREADS" "$PY" "$SRC_DIR/tools/bench/peers_algorithms.py" \
      --tool "$tool" --data "$data" --graph "$graph" --algorithms "$alg" --limit "$LIMIT" \
      --samples "$SAMPLES" --seed "$SEED" --pagerank-epsilon "$PAGERANK_EPSILON" --dump "$dump" \
      >>"$RESULTS" 2> >(grep -v -i -e 'warn' -e 'cairo' -e 'matplotlib' >&2) || rc=$?
  fi
  if [[ $rc -ne 0 ]]; then
    echo "  $tool $alg: exit status $rc" >&2
    printf '{"tool":"%s","graph":"%s","algorithm":"%s","status":"%s","limit_seconds":%d}\n' \
      "$tool" "$graph" "$alg" "$([[ $rc -eq 124 ]] && echo timeout || echo "failed ($rc)")" \
      "$HARD" >>"$RESULTS"
  fi
}

START=$(date +%s)
for graph in $GRAPHS; do
  edges=$("$PY" -c "import json; print(json.load(open('$BENCH_DIR/data/$graph/meta.json'))['edges'])")
  algs="betweenness_sampled pagerank louvain leiden components kcore bfs"
  if [[ $edges -le $EXACT_MAX_EDGES ]]; then algs="betweenness_exact $algs closeness"; fi
  echo "== $graph ($edges edges): $algs" >&2
  if [[ " $TOOLS " == *" tiegraph "* ]]; then
    wait_quiet "tiegraph/$graph/projection"
    "$BENCH" --db "$BENCH_DIR/db/$graph" --graph "$graph" --algorithms projection >>"$RESULTS"
  fi
  for alg in $algs; do
    for tool in $TOOLS; do
      if [[ $tool == networkx && $NX_SKIP_EXACT == 1 &&
            ($alg == betweenness_exact || $alg == closeness) ]]; then
        continue
      fi
      run_step "$tool" "$graph" "$alg"
    done
    # igraph's Leiden iterated until stable: the same convergence rule as tiegraph's Leiden.
    if [[ $alg == leiden && " $TOOLS " == *" igraph "* ]]; then
      run_step igraph "$graph" leiden_converged
    fi
  done
done
ELAPSED=$(( $(date +%s) - START ))

# --- Summary -----------------------------------------------------------------------------------
{
  echo "{\"command\":\"$COMMAND\",\"elapsed_seconds\":$ELAPSED,\"build_type\":\"$BUILD_TYPE\"," \
       "\"git\":\"$GIT_STATE\"," \
       "\"nproc\":$(nproc),\"cpu\":\"$(lscpu | sed -n 's/^Model name: *//p' | head -1)\"," \
       "\"ram_gib\":$(awk '/MemTotal/{printf "%.1f", $2/1048576}' /proc/meminfo)," \
       "\"kernel\":\"$(uname -r)\",\"compiler\":\"$(c++ --version | head -1)\"," \
       "\"limit\":$LIMIT,\"threads\":$THREADS,\"samples\":$SAMPLES,\"seed\":$SEED," \
       "\"pagerank_epsilon\":$PAGERANK_EPSILON}"
} >"$OUT/run.json"
else
  OUT=$(realpath "$SUMMARY_ONLY")
fi  # SUMMARY_ONLY
OMP_NUM_THREADS=$THREADS "$PY" - "$OUT" "$BENCH_DIR" "$GRAPHS" <<'EOF' 2> >(grep -v -i -e warn -e cairo -e matplotlib >&2) | tee "$OUT/summary.md"
import json, os, sys
import numpy as np
out, bench_dir, graphs = sys.argv[1], sys.argv[2], sys.argv[3].split()
run = json.loads(open(f"{out}/run.json").read())
rows = [json.loads(l) for l in open(f"{out}/results.jsonl") if l.strip().startswith("{")]
quiet = [json.loads(l) for l in open(f"{out}/quiet.jsonl") if l.strip()]
versions = {}
import igraph, networkx, graph_tool, scipy
versions = {"igraph": igraph.__version__, "graph-tool": graph_tool.__version__.split()[0],
            "networkx": networkx.__version__, "numpy": np.__version__, "scipy": scipy.__version__}

ALGS = [("load", "load graph (peers) / BuildProjection (tiegraph)"),
        ("betweenness_exact", "betweenness, exact"),
        ("betweenness_sampled", "betweenness, 100 sampled sources"),
        ("closeness", "closeness"), ("pagerank", "PageRank (L1 change < 1e-6)"),
        ("louvain", "Louvain"), ("leiden", "Leiden (modularity; igraph: n_iterations=2, its default)"),
        ("leiden_converged", "Leiden (modularity; igraph: n_iterations=-1, until stable as tiegraph)"),
        ("components", "connected components"), ("kcore", "k-core numbers"),
        ("bfs", "BFS from 100 sources")]
PEERS = ["igraph", "graph-tool", "networkx"]

def fmt(s):
    if s is None: return "?"
    return f"{s:.4f}" if s < 0.01 else f"{s:.3f}" if s < 1 else f"{s:.2f}" if s < 10 else f"{s:.1f}" if s < 100 else f"{s:.0f}"

def find(tool, graph, alg):
    return [r for r in rows if r.get("tool") == tool and r.get("graph") == graph and r.get("algorithm") == alg]

def peer_seconds(r):
    return r.get("seconds") if r.get("status", "ok") == "ok" else None

def quality(r):
    res = r.get("result") or {}
    return f" · Q {res['modularity']:.4f}" if "modularity" in res else ""

for graph in graphs:
    meta = json.load(open(f"{bench_dir}/data/{graph}/meta.json"))
    n = meta["nodes"]
    print(f"### {graph}: {n:,} nodes, {meta['edges']:,} edges "
          f"({meta['isolated']:,} isolated; self-loops and parallel edges: none after export)\n")
    print("| algorithm | tiegraph: projection + algorithm | tiegraph: algorithm only | igraph | "
          "graph-tool (2 threads) | networkx | fastest peer | tiegraph (with projection) ÷ fastest peer |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    slower = []
    for alg, label in ALGS:
        cells, peer_best = [], None
        t_rows = find("tiegraph", graph, {"load": "projection", "leiden_converged": "leiden"}.get(alg, alg))
        t = t_rows[0] if t_rows else None
        if alg == "load":
            tot = only = f"{fmt(t['build_seconds'])} (BuildProjection)" if t else "—"
            t_total = t["build_seconds"] if t else None
        elif t is None:
            tot = only = "not run"
            t_total = None
        elif t.get("status") == "timeout":
            tot = only = f"> {run['limit']} s"
            t_total = None
        elif t.get("status"):
            tot = only = t["status"]
            t_total = None
        else:
            mark = " *" if t.get("disturbed") else ""
            tot = fmt(t["total_seconds"]) + quality(t) + mark
            only = fmt(t["algorithm_seconds"]) + mark
            t_total = t["total_seconds"]
        for p in PEERS:
            rs = find(p, graph, alg)
            if alg == "load":
                ok = [r for r in rs if r.get("seconds") is not None]
                if ok:
                    best = min(ok, key=lambda r: r["seconds"])
                    cells.append(fmt(best["seconds"]) + " *" * (best["others_cores"] >= 0.25))
                    if peer_best is None or best["seconds"] < peer_best[1]:
                        peer_best = (p, best["seconds"], "")
                else:
                    cells.append("—")
                continue
            if not rs:
                if alg == "leiden_converged":
                    cells.append("n/a")
                    continue
                if p == "networkx" and alg in ("betweenness_exact", "closeness"):
                    base = find(p, graph, "betweenness_sampled" if alg == "betweenness_exact" else "bfs")
                    if base and peer_seconds(base[0]):
                        cells.append(f"skipped (≈ {fmt(peer_seconds(base[0]) * n / 100)} s est.)")
                        continue
                cells.append("not run")
                continue
            r = rs[0]
            st = r.get("status", "ok")
            if st == "n/a":
                cells.append("n/a")
            elif st == "timeout":
                cells.append(f"> {run['limit']} s")
            elif st != "ok":
                cells.append(st)
            else:
                cells.append(fmt(r["seconds"]) + quality(r) + (" *" if r.get("disturbed") else ""))
                if peer_best is None or r["seconds"] < peer_best[1]:
                    peer_best = (p, r["seconds"], quality(r))
        if peer_best and t_total:
            ratio = t_total / peer_best[1]
            rtxt = f"{ratio:.2f}" + (" **(slower)**" if ratio > 1 else "")
            if ratio > 1 and alg != "load": slower.append((label, ratio, peer_best[0]))
        else:
            rtxt = "—"
        fastest = f"{peer_best[0]}" if peer_best else "—"
        if alg in ("betweenness_exact", "closeness") and t is None and not find("igraph", graph, alg):
            sampled = find("tiegraph", graph, "betweenness_sampled" if alg == "betweenness_exact" else "bfs")
            est = ""
            if sampled and sampled[0].get("algorithm_seconds"):
                s = sampled[0]["algorithm_seconds"] * n / 100 / (1 if alg == "betweenness_exact" else run["threads"])
                est = f" (tiegraph est. ≈ {fmt(s)} s)"
            print(f"| {label} | not run: hours in every tool{est} | | | | | | |")
            continue
        print(f"| {label} | {tot} | {only} | " + " | ".join(cells) + f" | {fastest} | {rtxt} |")
    print()
    # Agreement of results between the tools.
    checks = []
    def results(alg):
        return {r["tool"]: r.get("result") for r in rows
                if r.get("graph") == graph and r.get("algorithm") == alg and r.get("result")}
    for alg, keys in (("components", ("components", "largest")), ("kcore", ("max_core", "sum")),
                      ("bfs", ("reached", "hop_sum", "max_hops"))):
        res = results(alg)
        vals = {tool: tuple(v.get(k) for k in keys) for tool, v in res.items()}
        same = len(set(vals.values())) <= 1
        checks.append(f"{alg} {'agree' if same else 'DIFFER'} ({', '.join(keys)} = "
                      f"{'; '.join(f'{t}: {v}' for t, v in vals.items()) if not same else next(iter(vals.values()), None)})")
    dump = f"{out}/dump/{graph}"
    def load(tool, alg):
        p = f"{dump}/{tool}-{alg}.f64"
        return np.fromfile(p) if os.path.exists(p) else None
    ref = load("igraph", "pagerank")
    if ref is not None:
        parts = [f"{tool} {np.abs(x - ref).sum():.1e}" for tool in ["tiegraph", "graph-tool", "networkx"]
                 if (x := load(tool, "pagerank")) is not None]
        checks.append("PageRank L1 distance to igraph's PRPACK solution: " + ", ".join(parts))
    ref = load("igraph", "betweenness_exact")
    for tool in ["tiegraph", "graph-tool"]:
        x = load(tool, "betweenness_exact")
        if ref is not None and x is not None:
            checks.append(f"exact betweenness, {tool} vs igraph (networkx normalisation): max |diff| "
                          f"{np.nanmax(np.abs(x - ref)):.1e}")
    for tool in ["graph-tool", "networkx"]:
        a, b = load("tiegraph", "kcore"), load(tool, "kcore")
        if a is not None and b is not None:
            checks.append(f"core numbers, tiegraph vs {tool}: {'identical' if np.array_equal(a, b) else 'DIFFERENT'}")
    lv = {t: v["modularity"] for t, v in results("louvain").items()}
    ld = {t: v["modularity"] for t, v in results("leiden").items()}
    ldc = {t: v["modularity"] for t, v in results("leiden_converged").items()}
    if lv:
        checks.append("Louvain modularity: " + ", ".join(f"{t} {q:.4f}" for t, q in lv.items()))
    if ld:
        checks.append("Leiden modularity: " + ", ".join(f"{t} {q:.4f}" for t, q in ld.items()) +
                      "".join(f", {t} until stable {q:.4f}" for t, q in ldc.items()))
    print("Checks: " + "; ".join(checks) + ".\n")
    if slower:
        print("tiegraph (with projection) slower than the fastest peer: " +
              "; ".join(f"{l} ×{r:.2f} vs {p}" for l, r, p in slower) + ".\n")

busy = [q for q in quiet if q["compilers"] > 0 or q["busy_cores"] >= 0.25]
dist = [r for r in rows if r.get("disturbed")]
print(f"`*` = every run of that measurement had other processes using ≥ 0.25 core. "
      f"Steps started on a busy machine: {len(busy)} of {len(quiet)}; disturbed measurements: {len(dist)}.\n")
print(f"Machine: {run['nproc']} cores, {run['cpu']}, {run['ram_gib']} GiB RAM, Linux {run['kernel']}; "
      f"{run['compiler']}; tiegraph {run['git']} ({run['build_type']}). Peers: " +
      ", ".join(f"{k} {v}" for k, v in versions.items()) + ". "
      f"Threads: tiegraph {run['threads']} (betweenness, closeness; the rest is sequential), "
      f"graph-tool OMP_NUM_THREADS={run['threads']}, igraph and networkx 1. "
      f"Per-algorithm limit {run['limit']} s. Whole run {run['elapsed_seconds'] // 60} min.\n")
print(f"Command: `{run['command']}`. Raw figures: {out}")
EOF
