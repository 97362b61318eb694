#!/usr/bin/python3
"""The peers' side of the algorithm benchmark (docs/BENCHMARKS.md): igraph, graph-tool or
networkx on the edge list that tools/bench/export_graph.py wrote.

    OMP_NUM_THREADS=2 /usr/bin/python3 tools/bench/peers_algorithms.py --tool TOOL \\
        --data DATA_DIR --algorithms LIST [--graph NAME] [--limit 600] [--samples 100]
        [--seed 42] [--pagerank-epsilon 1e-6] [--max-runs 3] [--quick-seconds 10] [--dump DIR]

TOOL is igraph, graph-tool or networkx. Prints one JSON line for loading the graph (parse
DATA_DIR/edges.txt and build the library's graph with all DATA_DIR/meta.json["nodes"] vertices)
and one per algorithm, timing the library call only (summaries of the result are computed
outside the timing). Algorithms, as tools/bench/algorithms_bench.cc runs them in tiegraph:

  betweenness_exact    igraph betweenness(directed=False); graph-tool betweenness();
                       networkx betweenness_centrality()
  betweenness_sampled  graph-tool betweenness(pivots=SAMPLES random vertices);
                       networkx betweenness_centrality(k=SAMPLES, seed); igraph: n/a
                       (python-igraph 0.10 has no source sampling; its `cutoff` is another estimate)
  closeness            igraph closeness(); graph-tool closeness(); networkx closeness_centrality()
  pagerank             igraph pagerank() (PRPACK, solved to machine precision);
                       graph-tool pagerank(epsilon=E) (stops when the L1 change < E);
                       networkx pagerank(tol=E/n) (stops when the L1 change < n * tol = E)
  louvain              igraph community_multilevel(); networkx louvain_communities(seed);
                       graph-tool: n/a (no Louvain)
  leiden               igraph community_leiden(objective_function="modularity") (seeded through
                       Python's random; its default n_iterations=2); graph-tool, networkx 2.8: n/a
  leiden_converged     igraph only: the same with n_iterations=-1 (iterate until stable)
  components           igraph connected_components(); graph-tool label_components();
                       networkx connected_components()
  kcore                igraph coreness(); graph-tool kcore_decomposition(); networkx core_number()
  bfs                  one BFS from each vertex in DATA_DIR/sources.txt: igraph bfs(s);
                       graph-tool shortest_distance(g, s) (BFS on an unweighted graph);
                       networkx single_source_shortest_path_length(G, s)

Runs: as in the tiegraph program, an algorithm runs again while it has fewer than --max-runs
runs and took less than --quick-seconds, or less than 120 s while other processes kept >= 0.25
core busy ("disturbed"); the best time over undisturbed runs is reported. An algorithm still running
after --limit seconds is stopped (SIGALRM; a C call that does not return to Python is timed to
its end) and reported as {"status": "timeout"}.
graph-tool uses OpenMP: this script sets OMP_NUM_THREADS=2 (unless set) before importing it.
"""

import argparse
import json
import os
import random
import resource
import signal
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "2")

import numpy as np  # noqa: E402

HZ = os.sysconf("SC_CLK_TCK")


def machine_busy_seconds():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = v
    return (user + nice + system + irq + softirq + steal) / HZ


def own_cpu_seconds():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


class Meter:
    def __init__(self):
        self.t0, self.m0, self.c0 = time.perf_counter(), machine_busy_seconds(), own_cpu_seconds()

    def others_cores(self):
        wall = max(1e-9, time.perf_counter() - self.t0)
        others = (machine_busy_seconds() - self.m0) - (own_cpu_seconds() - self.c0)
        return 0.0 if wall < 0.5 else max(0.0, others / wall)


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


class NotAvailable(Exception):
    pass


def vector_summary(x):
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        return {"max": None}
    finite = np.where(np.isfinite(x), x, -np.inf)
    i = int(np.argmax(finite))
    return {"max": float(x[i]), "argmax": str(i), "sum": float(np.nansum(x))}


def dump(args, algorithm, values):
    if args.dump:
        np.asarray(values, dtype=np.float64).tofile(
            os.path.join(args.dump, "%s-%s.f64" % (args.tool, algorithm)))


def load_edges(data):
    path = os.path.join(data, "edges.txt")
    arr = np.fromfile(path, dtype=np.int64, sep=" ")
    return arr.reshape(-1, 2)


# --- igraph ---------------------------------------------------------------------------------

class IgraphRunner:
    def __init__(self, args, n, sources):
        import igraph
        self.ig, self.args, self.n, self.sources = igraph, args, n, sources
        self.version = igraph.__version__

    def load(self):
        g = self.ig.Graph.Read_Edgelist(os.path.join(self.args.data, "edges.txt"), directed=False)
        if g.vcount() < self.n:
            g.add_vertices(self.n - g.vcount())
        self.g = g

    def run(self, name):
        g, n, a = self.g, self.n, self.args
        if name == "betweenness_exact":
            t0 = time.perf_counter()
            b = g.betweenness(directed=False)
            t = time.perf_counter() - t0
            b = np.asarray(b) * (2.0 / ((n - 1) * (n - 2)))  # networkx's normalisation
            dump(a, name, b)
            return t, vector_summary(b)
        if name == "closeness":
            t0 = time.perf_counter()
            c = g.closeness()
            t = time.perf_counter() - t0
            return t, vector_summary(c)
        if name == "pagerank":
            t0 = time.perf_counter()
            p = g.pagerank(directed=False)
            t = time.perf_counter() - t0
            dump(a, name, p)
            return t, dict(vector_summary(p), solver="PRPACK")
        if name == "louvain":
            t0 = time.perf_counter()
            c = g.community_multilevel()
            t = time.perf_counter() - t0
            return t, {"modularity": g.modularity(c.membership), "communities": len(c),
                       "largest": max(c.sizes())}
        if name in ("leiden", "leiden_converged"):
            iterations = 2 if name == "leiden" else -1  # 2: igraph's default; -1: until stable
            random.seed(a.seed)
            t0 = time.perf_counter()
            c = g.community_leiden(objective_function="modularity", n_iterations=iterations)
            t = time.perf_counter() - t0
            return t, {"modularity": g.modularity(c.membership), "communities": len(c),
                       "largest": max(c.sizes()), "n_iterations": iterations}
        if name == "components":
            t0 = time.perf_counter()
            c = g.connected_components()
            t = time.perf_counter() - t0
            return t, {"components": len(c), "largest": max(c.sizes())}
        if name == "kcore":
            t0 = time.perf_counter()
            k = g.coreness()
            t = time.perf_counter() - t0
            dump(a, name, k)
            return t, core_summary(k)
        if name == "bfs":
            t, reached, hop_sum, max_hops = 0.0, 0, 0, 0
            for s in self.sources:
                t0 = time.perf_counter()
                vids, layers, parents = g.bfs(s)
                t += time.perf_counter() - t0
                reached += len(vids)
                for d in range(len(layers) - 1):
                    hop_sum += d * (layers[d + 1] - layers[d])
                max_hops = max(max_hops, len(layers) - 2)
            return t, bfs_summary(len(self.sources), reached, hop_sum, max_hops)
        raise NotAvailable(
            "python-igraph %s has no sampled betweenness" % self.version
            if name == "betweenness_sampled" else "no %s in igraph" % name)


# --- graph-tool -----------------------------------------------------------------------------

class GraphToolRunner:
    def __init__(self, args, n, sources):
        import graph_tool
        import graph_tool.centrality
        import graph_tool.topology
        self.gt, self.args, self.n, self.sources = graph_tool, args, n, sources
        graph_tool.openmp_set_num_threads(int(os.environ["OMP_NUM_THREADS"]))
        self.version = graph_tool.__version__.split()[0]
        self.threads = graph_tool.openmp_get_num_threads()

    def load(self):
        edges = load_edges(self.args.data)
        g = self.gt.Graph(directed=False)
        g.add_vertex(self.n)
        g.add_edge_list(edges)
        self.g = g

    def run(self, name):
        gt, g, n, a = self.gt, self.g, self.n, self.args
        if name in ("betweenness_exact", "betweenness_sampled"):
            pivots = None
            if name == "betweenness_sampled":
                rng = np.random.default_rng(a.seed)
                pivots = np.sort(rng.choice(n, size=min(a.samples, n), replace=False))
            t0 = time.perf_counter()
            vb, eb = gt.centrality.betweenness(g, pivots=pivots)
            t = time.perf_counter() - t0
            b = vb.a.copy()
            if pivots is None:
                dump(a, name, b)
            return t, dict(vector_summary(b), sources=n if pivots is None else len(pivots))
        if name == "closeness":
            t0 = time.perf_counter()
            c = gt.centrality.closeness(g)
            t = time.perf_counter() - t0
            return t, vector_summary(c.a)
        if name == "pagerank":
            t0 = time.perf_counter()
            p = gt.centrality.pagerank(g, epsilon=a.pagerank_epsilon)
            t = time.perf_counter() - t0
            dump(a, name, p.a)
            return t, dict(vector_summary(p.a), epsilon_total=a.pagerank_epsilon)
        if name == "components":
            t0 = time.perf_counter()
            comp, hist = gt.topology.label_components(g)
            t = time.perf_counter() - t0
            return t, {"components": int(len(hist)), "largest": int(hist.max())}
        if name == "kcore":
            t0 = time.perf_counter()
            k = gt.topology.kcore_decomposition(g)
            t = time.perf_counter() - t0
            dump(a, name, k.a)
            return t, core_summary(k.a)
        if name == "bfs":
            t, reached, hop_sum, max_hops = 0.0, 0, 0, 0
            for s in self.sources:
                t0 = time.perf_counter()
                d = gt.topology.shortest_distance(g, source=g.vertex(s))
                t += time.perf_counter() - t0
                arr = d.a
                hit = arr[arr < np.iinfo(arr.dtype).max] if arr.dtype.kind == "i" else arr[
                    np.isfinite(arr) & (arr < 1e300)]
                reached += int(hit.size)
                hop_sum += int(hit.sum())
                max_hops = max(max_hops, int(hit.max()))
            return t, bfs_summary(len(self.sources), reached, hop_sum, max_hops)
        raise NotAvailable("no %s in graph-tool %s" % (name, self.version))


# --- networkx -------------------------------------------------------------------------------

class NetworkxRunner:
    def __init__(self, args, n, sources):
        import networkx
        self.nx, self.args, self.n, self.sources = networkx, args, n, sources
        self.version = networkx.__version__

    def load(self):
        edges = load_edges(self.args.data)
        G = self.nx.Graph()
        G.add_nodes_from(range(self.n))
        G.add_edges_from(edges.tolist())
        self.g = G

    def run(self, name):
        nx, G, n, a = self.nx, self.g, self.n, self.args
        if name in ("betweenness_exact", "betweenness_sampled"):
            k = None if name == "betweenness_exact" else min(a.samples, n)
            t0 = time.perf_counter()
            b = nx.betweenness_centrality(G, k=k, seed=a.seed if k else None)
            t = time.perf_counter() - t0
            x = [b[v] for v in range(n)]
            return t, dict(vector_summary(x), sources=k or n)
        if name == "closeness":
            t0 = time.perf_counter()
            c = nx.closeness_centrality(G)
            t = time.perf_counter() - t0
            return t, vector_summary([c[v] for v in range(n)])
        if name == "pagerank":
            t0 = time.perf_counter()
            p = nx.pagerank(G, tol=a.pagerank_epsilon / n, max_iter=1000)
            t = time.perf_counter() - t0
            x = [p[v] for v in range(n)]
            dump(a, name, x)
            return t, dict(vector_summary(x), tol=a.pagerank_epsilon / n)
        if name == "louvain":
            t0 = time.perf_counter()
            comms = nx.community.louvain_communities(G, seed=a.seed)
            t = time.perf_counter() - t0
            return t, {"modularity": nx.community.modularity(G, comms),
                       "communities": len(comms), "largest": max(len(c) for c in comms)}
        if name == "components":
            t0 = time.perf_counter()
            comps = list(nx.connected_components(G))
            t = time.perf_counter() - t0
            return t, {"components": len(comps), "largest": max(len(c) for c in comps)}
        if name == "kcore":
            t0 = time.perf_counter()
            k = nx.core_number(G)
            t = time.perf_counter() - t0
            x = [k[v] for v in range(n)]
            dump(a, name, x)
            return t, core_summary(x)
        if name == "bfs":
            t, reached, hop_sum, max_hops = 0.0, 0, 0, 0
            for s in self.sources:
                t0 = time.perf_counter()
                d = nx.single_source_shortest_path_length(G, s)
                t += time.perf_counter() - t0
                reached += len(d)
                hop_sum += sum(d.values())
                max_hops = max(max_hops, max(d.values()))
            return t, bfs_summary(len(self.sources), reached, hop_sum, max_hops)
        raise NotAvailable("no %s in networkx %s" % (name, self.version))


def core_summary(k):
    k = np.asarray(k, dtype=np.int64)
    m = int(k.max()) if k.size else 0
    return {"max_core": m, "nodes_in_max_core": int((k == m).sum()), "sum": int(k.sum())}


def bfs_summary(sources, reached, hop_sum, max_hops):
    return {"sources": sources, "reached": reached, "hop_sum": hop_sum, "max_hops": max_hops}


RUNNERS = {"igraph": IgraphRunner, "graph-tool": GraphToolRunner, "networkx": NetworkxRunner}


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def emit(record):
    print(json.dumps(record), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tool", required=True, choices=sorted(RUNNERS))
    ap.add_argument("--data", required=True)
    ap.add_argument("--algorithms", required=True)
    ap.add_argument("--graph", default="")
    ap.add_argument("--limit", type=float, default=600)
    ap.add_argument("--samples", type=int, default=100)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--pagerank-epsilon", type=float, default=1e-6,
                    help="total L1 change at which iterative PageRank stops")
    ap.add_argument("--max-runs", type=int, default=3)
    ap.add_argument("--quick-seconds", type=float, default=10)
    ap.add_argument("--dump", default="")
    args = ap.parse_args()

    with open(os.path.join(args.data, "meta.json")) as f:
        meta = json.load(f)
    n = meta["nodes"]
    graph = args.graph or meta["name"]
    with open(os.path.join(args.data, "sources.txt")) as f:
        sources = [int(line) for line in f if line.strip()]

    runner = RUNNERS[args.tool](args, n, sources)
    threads = int(os.environ["OMP_NUM_THREADS"]) if args.tool == "graph-tool" else 1
    base = {"tool": args.tool, "version": runner.version, "graph": graph, "threads": threads}

    meter = Meter()
    t0 = time.perf_counter()
    runner.load()
    load_seconds = time.perf_counter() - t0
    emit(dict(base, algorithm="load", seconds=load_seconds, others_cores=meter.others_cores(),
              peak_rss_mb=peak_rss_mb()))

    signal.signal(signal.SIGALRM, on_alarm)
    for name in [x for x in args.algorithms.split(",") if x]:
        runs, result, status, message = [], None, "ok", None
        while True:
            meter = Meter()
            started = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, args.limit)
            try:
                seconds, result = runner.run(name)
            except Timeout:
                status, seconds = "timeout", time.perf_counter() - started
            except NotAvailable as e:
                status, message = "n/a", str(e)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if status != "ok":
                break
            runs.append([seconds, meter.others_cores()])
            if seconds > args.limit:
                status = "timeout"  # a C call that ran past the limit
                break
            disturbed = runs[-1][1] >= 0.25
            # Repeat quick runs; repeat a disturbed one only when it is not long.
            if len(runs) >= args.max_runs or not (
                    seconds < args.quick_seconds or (disturbed and seconds < 120)):
                break
        record = dict(base, algorithm=name, status=status, peak_rss_mb=peak_rss_mb())
        if status == "n/a":
            record["reason"] = message
        elif status == "timeout":
            record.update(limit_seconds=args.limit, seconds=None)
        else:
            kept = [r for r in runs if r[1] < 0.25]
            record["disturbed"] = not kept
            kept = kept or runs
            record.update(seconds=min(r[0] for r in kept), runs=len(runs), all_runs=runs,
                          others_cores=max(r[1] for r in kept), result=result)
        emit(record)


if __name__ == "__main__":
    main()
