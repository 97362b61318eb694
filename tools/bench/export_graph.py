#!/usr/bin/python3
"""Writes one benchmark network for the algorithm benchmark (docs/BENCHMARKS.md).

    /usr/bin/python3 tools/bench/export_graph.py OUT_DIR cond-mat-2005
    /usr/bin/python3 tools/bench/export_graph.py OUT_DIR ba --nodes 200000 --m 5 [--seed 42]

Networks:
  cond-mat-2005  graph-tool's bundled co-authorship network (graph_tool.collection), undirected,
                 every vertex kept (844 have no co-author), edge weights ignored.
  ba             a Barabási–Albert graph from igraph's Graph.Barabasi(n, m) (psumtree, no
                 parallel edges), seeded through Python's `random`, which python-igraph uses.

Self-loops and parallel edges are dropped for every tool alike (tiegraph's projection does so
anyway; cond-mat-2005 has neither, and igraph's psumtree generator makes none), so all tools
see the same simple graph with the same vertex numbering 0..n-1.

Writes into OUT_DIR:
  institutions.csv   key,name            one row per vertex, key = the vertex number
  ties.csv           source,target,strength   one row per edge, strength 1
  edges.txt          "u v" per line, vertex numbers, u < v: the peers read this
  sources.txt        100 BFS sources (vertex numbers with degree >= 1, seeded), one per line
  meta.json          name, nodes, edges, generator, seed, what was dropped
Run with /usr/bin/python3 (Debian's python3-igraph / python3-graph-tool / numpy).
"""

import argparse
import json
import os
import random
import sys
import time

import numpy as np


def cond_mat_2005():
    import graph_tool.collection as collection  # noqa: the collection needs graph-tool
    g = collection.data["cond-mat-2005"]
    edges = g.get_edges()[:, :2].astype(np.int64)
    return g.num_vertices(), edges, {
        "generator": "graph_tool.collection.data['cond-mat-2005']",
        "graph_tool_file": os.path.join(os.path.dirname(collection.__file__), "cond-mat-2005.gt.gz"),
        "directed_in_source": bool(g.is_directed()),
    }


def barabasi(n, m, seed):
    import igraph
    random.seed(seed)
    g = igraph.Graph.Barabasi(n, m, directed=False)
    edges = np.array(g.get_edgelist(), dtype=np.int64)
    return g.vcount(), edges, {
        "generator": "igraph.Graph.Barabasi(%d, %d, directed=False) (psumtree), igraph %s" %
                     (n, m, igraph.__version__),
        "seed": seed, "ba_n": n, "ba_m": m,
    }


def simple_edges(n, edges):
    """Sorted distinct pairs u < v without self-loops, and what was dropped."""
    loops = int((edges[:, 0] == edges[:, 1]).sum())
    e = edges[edges[:, 0] != edges[:, 1]]
    e = np.sort(e, axis=1)
    e = np.unique(e, axis=0)
    parallel = len(edges) - loops - len(e)
    assert e.size == 0 or (e.min() >= 0 and e.max() < n)
    return e, loops, parallel


def write_lines(path, rows):
    with open(path, "w") as f:
        for start in range(0, len(rows), 200000):
            f.write("".join(rows[start:start + 200000]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("network", choices=["cond-mat-2005", "ba"])
    ap.add_argument("--nodes", type=int, default=200000, help="ba: vertices")
    ap.add_argument("--m", type=int, default=5, help="ba: edges per new vertex")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--sources", type=int, default=100, help="BFS sources to draw")
    args = ap.parse_args()

    t0 = time.time()
    if args.network == "cond-mat-2005":
        n, raw, info = cond_mat_2005()
        name = "cond-mat-2005"
    else:
        n, raw, info = barabasi(args.nodes, args.m, args.seed)
        name = "ba-%d-%d" % (args.nodes, args.m)
    edges, loops, parallel = simple_edges(n, raw)
    os.makedirs(args.out_dir, exist_ok=True)

    keys = [str(v) for v in range(n)]
    write_lines(os.path.join(args.out_dir, "institutions.csv"),
                ["key,name\n"] + ["%s,%s\n" % (k, k) for k in keys])
    pairs = edges.tolist()
    write_lines(os.path.join(args.out_dir, "ties.csv"),
                ["source,target,strength\n"] + ["%d,%d,1\n" % (u, v) for u, v in pairs])
    write_lines(os.path.join(args.out_dir, "edges.txt"), ["%d %d\n" % (u, v) for u, v in pairs])

    degree = np.bincount(edges.ravel(), minlength=n)
    candidates = np.flatnonzero(degree > 0)
    rng = random.Random(args.seed)
    sources = sorted(rng.sample(candidates.tolist(), min(args.sources, len(candidates))))
    write_lines(os.path.join(args.out_dir, "sources.txt"), ["%d\n" % s for s in sources])

    meta = {"name": name, "nodes": n, "edges": int(len(edges)), "isolated": int((degree == 0).sum()),
            "self_loops_dropped": loops, "parallel_edges_dropped": parallel,
            "max_degree": int(degree.max()) if n else 0, "bfs_sources": len(sources),
            "seed": args.seed}
    meta.update(info)
    with open(os.path.join(args.out_dir, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")
    print("%s: %d nodes, %d edges (%d self-loops, %d parallel dropped) -> %s in %.1f s" %
          (name, n, len(edges), loops, parallel, args.out_dir, time.time() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
