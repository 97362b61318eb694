#!/usr/bin/python3
"""Reference values for tiegraph's network analyses, computed with networkx (and igraph).

Usage: /usr/bin/python3 make_references.py OUTDIR

For each test graph NAME this writes
  OUTDIR/NAME/institutions.csv   key,name[,group|club]
  OUTDIR/NAME/ties.csv           source,target,strength,type,directed
  OUTDIR/NAME/reference.json     the expected values, per node key
and OUTDIR/index.json listing the graph names. Tested with networkx 2.8 and python-igraph 0.10
(the Debian packages); the versions used are recorded in index.json.

Conventions (they mirror what tiegraph's headers promise, "as networkx"):
  * Every reference is computed on the graph as tiegraph's projection sees it with default
    options: parallel ties combined into one edge by *summing* strengths, self-loops dropped,
    `part_of` ties left out. Ties written as directed count both ways in the undirected view.
  * `weight` is the strength; weighted distances use the edge attribute `dist` = 1/weight
    (tiegraph's Distance::kInverseStrength). Hop distances use weight=None.
  * Karate club: networkx 2.8's karate_club_graph() carries a 'weight' attribute (Zachary's
    interaction counts). We IGNORE it and use the classic unweighted graph: every tie is written
    with strength 1. The 'club' attribute is the attribute partition for modularity.
  * Les Miserables: the 'weight' attribute (co-appearances) is the strength.
  * Florentine families: unweighted (strength 1).
  * NaN (e.g. degree assortativity of a regular graph) is written as JSON null.
  * Where a weighted (1/strength) shortest-path tie structure would depend on floating-point
    rounding, the weighted betweenness and weighted path counts are checked against an exact
    rational computation; if they disagree the value is written as null (not tested).
    This is recorded as "float_ties_ok" per view.
"""

import json
import math
import os
import random
import sys
import warnings
from fractions import Fraction
from heapq import heappop, heappush
from itertools import count, islice

import networkx as nx
import numpy as np

try:
    import igraph
except ImportError:  # pragma: no cover - igraph is expected to be installed
    igraph = None

warnings.simplefilter("ignore")

PAGERANK_TOL = 1e-12
POWER_TOL = 1e-12
MAX_ITER = 100000
K_SHORTEST = 5
IGRAPH_SEED = 42
IGRAPH_SEEDS = 200


# ---------------------------------------------------------------------------------------------
# Graph definitions: each returns (nodes, ties, attributes, directed, pairs, extra)
#   nodes: list of keys, in the order written to institutions.csv
#   ties:  list of dict(source, target, strength, type='mou', directed=False) as written
#   attrs: dict column -> {key: value}, extra institution columns (partition attributes)
# ---------------------------------------------------------------------------------------------


def karate():
    G = nx.karate_club_graph()
    nodes = [str(v) for v in G.nodes]
    # Unweighted: strength 1 (nx 2.8's 'weight' attribute deliberately ignored).
    ties = [dict(source=str(u), target=str(v), strength=1) for u, v in G.edges]
    attrs = {"club": {str(v): G.nodes[v]["club"] for v in G.nodes}}
    pairs = [("0", "33"), ("16", "26"), ("24", "25"), ("11", "9"), ("4", "32")]
    return dict(nodes=nodes, ties=ties, attrs=attrs, directed=False, pairs=pairs,
                partition_attr="club", personalize="33", reach=[("16", 2), ("0", 1)])


def les_miserables():
    G = nx.les_miserables_graph()
    nodes = list(G.nodes)
    ties = [dict(source=u, target=v, strength=d["weight"]) for u, v, d in G.edges(data=True)]
    # An attribute partition: first letter of the name, A-L vs M-Z (arbitrary, for modularity).
    attrs = {"group": {v: ("AL" if v[0].upper() <= "L" else "MZ") for v in nodes}}
    pairs = [("Napoleon", "Brujon"), ("Myriel", "Child2"), ("Champtercier", "Toussaint"),
             ("Valjean", "Javert"), ("Perpetue", "Gervais")]
    return dict(nodes=nodes, ties=ties, attrs=attrs, directed=False, pairs=pairs,
                partition_attr="group", personalize="Valjean", reach=[("Napoleon", 2)])


def florentine():
    G = nx.florentine_families_graph()
    nodes = list(G.nodes)
    ties = [dict(source=u, target=v, strength=1) for u, v in G.edges]
    attrs = {"group": {v: str(i % 3) for i, v in enumerate(nodes)}}
    pairs = [("Acciaiuoli", "Pazzi"), ("Medici", "Peruzzi"), ("Lamberteschi", "Ginori"),
             ("Castellani", "Albizzi")]
    return dict(nodes=nodes, ties=ties, attrs=attrs, directed=False, pairs=pairs,
                partition_attr="group", personalize="Medici", reach=[("Medici", 2)])


def disconnected():
    # Component A: a triangle with a pendant (a1 a2 a3, a4 hanging on a3), weighted.
    # Component B: a path b1-b2-b3. Isolated: z.
    nodes = ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "z"]
    ties = [dict(source="a1", target="a2", strength=2), dict(source="a2", target="a3", strength=1),
            dict(source="a1", target="a3", strength=4), dict(source="a3", target="a4", strength=1),
            dict(source="b1", target="b2", strength=1), dict(source="b2", target="b3", strength=3)]
    attrs = {"group": {v: v[0] for v in nodes}}
    pairs = [("a1", "a4"), ("b1", "b3"), ("a1", "b1"), ("z", "a1"), ("a2", "a4")]
    return dict(nodes=nodes, ties=ties, attrs=attrs, directed=False, pairs=pairs,
                partition_attr="group", personalize="a4", reach=[("a4", 1), ("z", 3)])


def parallel():
    # Parallel ties (summed), a tie written in both directions, a self-loop (dropped) and a
    # part_of tie (left out by default, so e is isolated in the projection).
    nodes = ["p", "q", "r", "s", "t", "u", "e"]
    ties = [
        dict(source="p", target="q", strength=1),
        dict(source="p", target="q", strength=0.5),
        dict(source="q", target="p", strength=1.5),   # same pair, other way round: p-q = 3
        dict(source="q", target="r", strength=2),
        dict(source="r", target="s", strength=1),
        dict(source="r", target="s", strength=1),     # r-s = 2
        dict(source="p", target="s", strength=0.25),
        dict(source="s", target="t", strength=4),
        dict(source="t", target="u", strength=1),
        dict(source="t", target="u", strength=2),
        dict(source="t", target="u", strength=1),     # t-u = 4
        dict(source="q", target="t", strength=1),
        dict(source="r", target="r", strength=5),     # self-loop: dropped
        dict(source="e", target="u", strength=7, type="part_of", directed=True),  # left out
    ]
    attrs = {"group": {"p": "x", "q": "x", "r": "x", "s": "y", "t": "y", "u": "y", "e": "z"}}
    pairs = [("p", "u"), ("u", "r"), ("q", "s"), ("p", "e")]
    return dict(nodes=nodes, ties=ties, attrs=attrs, directed=False, pairs=pairs,
                partition_attr="group", personalize="u", reach=[("p", 1)])


def cycle():
    n = 12
    nodes = ["c%02d" % i for i in range(n)]
    ties = [dict(source=nodes[i], target=nodes[(i + 1) % n], strength=1) for i in range(n)]
    attrs = {"group": {v: str(i // 4) for i, v in enumerate(nodes)}}
    pairs = [("c00", "c06"), ("c00", "c05"), ("c03", "c09")]
    return dict(nodes=nodes, ties=ties, attrs=attrs, directed=False, pairs=pairs,
                partition_attr="group", personalize="c00", reach=[("c00", 3)])


def star():
    leaves = 8
    nodes = ["hub"] + ["leaf%d" % i for i in range(1, leaves + 1)]
    ties = [dict(source="hub", target="leaf%d" % i, strength=i) for i in range(1, leaves + 1)]
    attrs = {"group": {v: ("a" if v in ("hub", "leaf1", "leaf2", "leaf3") else "b") for v in nodes}}
    pairs = [("leaf1", "leaf8"), ("hub", "leaf5")]
    return dict(nodes=nodes, ties=ties, attrs=attrs, directed=False, pairs=pairs,
                partition_attr="group", personalize="leaf1", reach=[("leaf1", 1)])


def grid():
    G = nx.grid_2d_graph(4, 4)
    name = {v: "g%d%d" % v for v in G.nodes}
    nodes = [name[v] for v in G.nodes]
    ties = [dict(source=name[u], target=name[v], strength=1) for u, v in G.edges]
    attrs = {"group": {name[v]: ("left" if v[1] < 2 else "right") for v in G.nodes}}
    pairs = [("g00", "g33"), ("g00", "g22"), ("g10", "g23")]
    return dict(nodes=nodes, ties=ties, attrs=attrs, directed=False, pairs=pairs,
                partition_attr="group", personalize="g00", reach=[("g00", 2)])


def directed():
    # A small directed network: a strongly connected core (a..e), a source (s, no in-ties), a
    # dangling sink (k, no out-ties), a reciprocal pair (a<->b, different strengths) and one
    # undirected tie (d-f), which counts both ways in the directed view.
    nodes = ["a", "b", "c", "d", "e", "f", "s", "k"]
    D = True
    ties = [
        dict(source="a", target="b", strength=2, directed=D),
        dict(source="b", target="a", strength=1, directed=D),
        dict(source="b", target="c", strength=1, directed=D),
        dict(source="c", target="d", strength=3, directed=D),
        dict(source="d", target="e", strength=1, directed=D),
        dict(source="e", target="a", strength=2, directed=D),
        dict(source="c", target="a", strength=1, directed=D),
        dict(source="e", target="c", strength=1, directed=D),
        dict(source="d", target="f", strength=2, directed=False),
        dict(source="s", target="a", strength=1, directed=D),
        dict(source="s", target="d", strength=4, directed=D),
        dict(source="e", target="k", strength=1, directed=D),
        dict(source="f", target="k", strength=2, directed=D),
        dict(source="a", target="c", strength=1, directed=D),
    ]
    attrs = {"group": {"a": "1", "b": "1", "c": "1", "d": "2", "e": "2", "f": "2", "s": "2",
                       "k": "1"}}
    pairs = [("s", "k"), ("a", "f"), ("k", "a"), ("b", "e"), ("f", "c")]
    return dict(nodes=nodes, ties=ties, attrs=attrs, directed=True, pairs=pairs,
                partition_attr="group", personalize="s", reach=[("s", 2), ("b", 2)])


GRAPHS = {
    "karate": karate,
    "lesmis": les_miserables,
    "florentine": florentine,
    "disconnected": disconnected,
    "parallel": parallel,
    "cycle": cycle,
    "star": star,
    "grid": grid,
    "directed": directed,
}


# ---------------------------------------------------------------------------------------------
# The projection, as networkx graphs
# ---------------------------------------------------------------------------------------------


def project(spec, directed_view):
    """The graph tiegraph's projection should hold: summed parallel ties, no self-loops, no
    part_of ties; in the directed view, directed ties one way and undirected ones both ways."""
    G = nx.DiGraph() if directed_view else nx.Graph()
    G.add_nodes_from(spec["nodes"])
    for t in spec["ties"]:
        if t.get("type", "mou") == "part_of" or t["source"] == t["target"]:
            continue
        arcs = [(t["source"], t["target"])]
        if directed_view and not t.get("directed", False):
            arcs.append((t["target"], t["source"]))
        for u, v in arcs:
            if G.has_edge(u, v):
                G[u][v]["weight"] += float(t["strength"])
            else:
                G.add_edge(u, v, weight=float(t["strength"]))
    for u, v, d in G.edges(data=True):
        d["dist"] = 1.0 / d["weight"]
    return G


# ---------------------------------------------------------------------------------------------
# Exact (rational) shortest-path tie structure, to detect float-rounding-dependent ties
# ---------------------------------------------------------------------------------------------


def exact_sssp(G, s):
    """Dijkstra with Fraction distances 1/weight: (order, sigma, preds, dist)."""
    dist, sigma, preds, seen = {}, {s: 1}, {s: []}, {s: Fraction(0)}
    order, heap, c = [], [(Fraction(0), 0, s)], count(1)
    while heap:
        d, _, v = heappop(heap)
        if v in dist:
            continue
        dist[v] = d
        order.append(v)
        for w, attr in G[v].items():
            vw = d + 1 / Fraction(attr["weight"])
            if w not in seen or vw < seen[w]:
                seen[w] = vw
                sigma[w] = sigma[v]
                preds[w] = [v]
                heappush(heap, (vw, next(c), w))
            elif vw == seen[w] and w not in dist:
                sigma[w] += sigma[v]
                preds[w].append(v)
    return order, sigma, preds, dist


def min_relative_gap(G):
    """The smallest relative amount by which a non-shortest way into a node (over one more edge)
    exceeds its exact shortest 1/strength distance: ties closer than this would need care."""
    gap = math.inf
    for s in G:
        _, _, _, dist = exact_sssp(G, s)
        for v, dv in dist.items():
            for w, attr in G[v].items():
                diff = dv + 1 / Fraction(attr["weight"]) - dist[w]
                if diff != 0 and dist[w] != 0:
                    gap = min(gap, float(diff / dist[w]))
    return gap


def exact_betweenness(G):
    bc = {v: Fraction(0) for v in G}
    for s in G:
        order, sigma, preds, _ = exact_sssp(G, s)
        delta = {v: Fraction(0) for v in order}
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
            if w != s:
                bc[w] += delta[w]
    if not G.is_directed():
        bc = {v: b / 2 for v, b in bc.items()}
    return bc


# ---------------------------------------------------------------------------------------------
# Reference computation
# ---------------------------------------------------------------------------------------------


def num(x):
    """A JSON-safe float (NaN and infinities become null)."""
    x = float(x)
    return x if math.isfinite(x) else None


def per_node(d):
    return {str(k): num(v) for k, v in d.items()}


def lambda_max(G, weight):
    A = nx.to_numpy_array(G, weight=weight)
    if A.size == 0:
        return 0.0
    return float(max(abs(np.linalg.eigvals(A))))


def katz_alpha(lmax):
    # 0.05 unless that is not safely below 1/lambda_max; then a round number below 0.5/lambda.
    if lmax * 0.05 < 0.9:
        return 0.05
    a = 0.5 / lmax
    digits = -int(math.floor(math.log10(a)))
    return math.floor(a * 10 ** digits) / 10 ** digits


def louvain_reference(G, weighted):
    """igraph's community_multilevel (Louvain), resolution 1, weights='weight' or None, and the
    same statistics for igraph's community_leiden (modularity).

    Louvain's result depends on the node order, so one igraph run is a random draw: on Les
    Miserables (unweighted) igraph's modularity ranges over 0.5488 .. 0.5600 across seeds. The
    floor a single tiegraph run must reach is therefore igraph's *worst* over IGRAPH_SEEDS seeds
    ("floor"), and the best of several tiegraph seeds should reach igraph's median ("median").
    The seeded run (random.seed(42)) is kept as "igraph_modularity" with its partition."""
    if igraph is None or G.is_directed():
        return None
    nodes = list(G.nodes)
    idx = {v: i for i, v in enumerate(nodes)}
    ig = igraph.Graph(n=len(nodes), edges=[(idx[u], idx[v]) for u, v in G.edges])
    ig.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
    w = "weight" if weighted else None

    def run(seed):
        random.seed(seed)  # python-igraph draws its random numbers from Python's `random`
        cl = ig.community_multilevel(weights=w, resolution=1)
        return cl.membership, ig.modularity(cl.membership, weights=w, resolution=1)

    def leiden(seed):
        random.seed(seed)
        cl = ig.community_leiden(objective_function="modularity", weights=w,
                                 resolution_parameter=1, n_iterations=-1)
        return ig.modularity(cl.membership, weights=w, resolution=1)

    membership, q = run(IGRAPH_SEED)
    qs = sorted(run(s)[1] for s in range(IGRAPH_SEEDS))
    ls = sorted(leiden(s) for s in range(IGRAPH_SEEDS))
    comms = {}
    for v, c in zip(nodes, membership):
        comms.setdefault(c, set()).add(v)
    q_nx = nx.algorithms.community.modularity(G, list(comms.values()),
                                              weight="weight" if weighted else None, resolution=1)
    assert abs(q_nx - q) < 1e-9, (q_nx, q)
    return {
        "igraph_modularity": q,  # the seeded run (random.seed(42))
        "community": {str(v): int(c) for v, c in zip(nodes, membership)},
        "seeds": IGRAPH_SEEDS,
        "floor": qs[0],  # igraph's worst: every single tiegraph run must reach it
        "median": float(np.median(qs)),  # the best of several tiegraph seeds must reach it
        "max": qs[-1],
        # igraph's Leiden, g.community_leiden(objective_function="modularity", weights=...,
        # resolution_parameter=1, n_iterations=-1), over the same seeds: the same rules apply
        # to tiegraph's Leiden.
        "leiden": {"floor": ls[0], "median": float(np.median(ls)), "max": ls[-1]},
    }


def reference_view(spec, directed_view):
    G = project(spec, directed_view)
    U = nx.Graph(G) if directed_view else G  # undirected view (weights not needed there)
    nodes = list(G.nodes)
    n = len(nodes)
    ref = {"directed": directed_view, "n": n, "edges": G.number_of_edges()}

    # Degree: nx.degree_centrality (out_degree_centrality when directed), raw out-degree.
    if directed_view:
        ref["degree"] = {v: G.out_degree(v) for v in nodes}
        ref["degree_centrality"] = per_node(nx.out_degree_centrality(G))
        # Strength: the sum of out-arc weights, G.out_degree(weight='weight').
        ref["strength"] = per_node(dict(G.out_degree(weight="weight")))
    else:
        ref["degree"] = {v: G.degree(v) for v in nodes}
        ref["degree_centrality"] = per_node(nx.degree_centrality(G))
        ref["strength"] = per_node(dict(G.degree(weight="weight")))

    # Betweenness: nx.betweenness_centrality(G, normalized=..., weight=None | 'dist').
    bet = {}
    bet["hops_normalized"] = per_node(nx.betweenness_centrality(G, normalized=True, weight=None))
    bet["hops_raw"] = per_node(nx.betweenness_centrality(G, normalized=False, weight=None))
    w_norm = nx.betweenness_centrality(G, normalized=True, weight="dist")
    w_raw = nx.betweenness_centrality(G, normalized=False, weight="dist")
    exact = exact_betweenness(G)
    gap = min_relative_gap(G)
    ref["min_relative_gap"] = num(gap)
    float_ties_ok = gap > 1e-9 and all(abs(float(exact[v]) - w_raw[v]) < 1e-9 for v in nodes)
    ref["float_ties_ok"] = float_ties_ok
    bet["dist_normalized"] = per_node(w_norm) if float_ties_ok else None
    bet["dist_raw"] = per_node(w_raw) if float_ties_ok else None
    ref["betweenness"] = bet

    # Closeness: nx.closeness_centrality(G, distance=None | 'dist', wf_improved=True)
    # (directed: networkx uses incoming distances, via G.reverse()).
    ref["closeness"] = {
        "hops": per_node(nx.closeness_centrality(G, distance=None, wf_improved=True)),
        "dist": per_node(nx.closeness_centrality(G, distance="dist", wf_improved=True)),
    }
    # Harmonic: nx.harmonic_centrality(G, distance=None | 'dist'), not normalised
    # (directed: sum over sources v of 1/d(v, u), i.e. incoming distances).
    ref["harmonic"] = {
        "hops": per_node(nx.harmonic_centrality(G, distance=None)),
        "dist": per_node(nx.harmonic_centrality(G, distance="dist")),
    }

    # PageRank: nx.pagerank(G, alpha=0.85, weight='weight' | None, tol=1e-12), and personalised
    # nx.pagerank(G, alpha=0.85, personalization={node: 1}, weight='weight', tol=1e-12)
    # (dangling nodes follow the personalization vector, networkx's default).
    pnode = spec["personalize"]
    ref["pagerank"] = {
        "weighted": per_node(nx.pagerank(G, alpha=0.85, weight="weight", tol=PAGERANK_TOL,
                                         max_iter=MAX_ITER)),
        "unweighted": per_node(nx.pagerank(G, alpha=0.85, weight=None, tol=PAGERANK_TOL,
                                           max_iter=MAX_ITER)),
        "personalized_node": pnode,
        "personalized": per_node(nx.pagerank(G, alpha=0.85, personalization={pnode: 1},
                                             weight="weight", tol=PAGERANK_TOL,
                                             max_iter=MAX_ITER)),
    }

    # Eigenvector: nx.eigenvector_centrality(G, weight='weight' | None, tol=1e-12) -- power
    # iteration on A + I from the uniform vector, unit Euclidean length. Undirected only.
    if not directed_view:
        ev = {}
        for key, wt in (("weighted", "weight"), ("unweighted", None)):
            x = nx.eigenvector_centrality(G, weight=wt, tol=POWER_TOL, max_iter=MAX_ITER)
            if nx.is_connected(G):  # cross-check against the dense eigen-solver
                y = nx.eigenvector_centrality_numpy(G, weight=wt)
                assert all(abs(x[v] - y[v]) < 1e-6 for v in nodes), key
            ev[key] = per_node(x)
        ref["eigenvector"] = ev

    # Katz: nx.katz_centrality_numpy(G, alpha, beta=1.0, normalized=True, weight=...)
    # (x = alpha A^T x + beta solved exactly; cross-checked with nx.katz_centrality, tol 1e-12).
    katz = {}
    for key, wt in (("weighted", "weight"), ("unweighted", None)):
        alpha = katz_alpha(lambda_max(G, wt))
        x = nx.katz_centrality_numpy(G, alpha=alpha, beta=1.0, normalized=True, weight=wt)
        y = nx.katz_centrality(G, alpha=alpha, beta=1.0, normalized=True, weight=wt,
                               tol=POWER_TOL, max_iter=MAX_ITER)
        assert all(abs(x[v] - y[v]) < 1e-8 for v in nodes), key
        katz[key] = {"alpha": alpha, "beta": 1.0, "values": per_node(x)}
    ref["katz"] = katz

    # HITS (directed view only): nx.hits(G, tol=1e-12, normalized=True). NB networkx 2.8's hits
    # uses the *weighted* adjacency (weight='weight' in nx.adjacency_matrix); the unweighted
    # values nx.hits(nx.DiGraph(G.edges())) are recorded too.
    if directed_view:
        h, a = nx.hits(G, max_iter=MAX_ITER, tol=POWER_TOL, normalized=True)
        G1 = nx.DiGraph()
        G1.add_nodes_from(nodes)
        G1.add_edges_from(G.edges())
        h1, a1 = nx.hits(G1, max_iter=MAX_ITER, tol=POWER_TOL, normalized=True)
        # Unique answer only with a gap between the two largest singular values.
        for M in (nx.to_numpy_array(G, weight="weight"), nx.to_numpy_array(G1, weight=None)):
            s = np.linalg.svd(M, compute_uv=False)
            assert s[0] - s[1] > 0.1 * s[0], s
        ref["hits"] = {"weighted": {"hubs": per_node(h), "authorities": per_node(a)},
                       "unweighted": {"hubs": per_node(h1), "authorities": per_node(a1)}}

    # Structure on the undirected view (distinct neighbors, weights ignored):
    # nx.core_number, nx.triangles, nx.clustering, nx.average_clustering, nx.transitivity.
    ref["core_number"] = {v: int(c) for v, c in nx.core_number(U).items()}
    ref["triangles"] = {v: int(t) for v, t in nx.triangles(U).items()}
    ref["clustering"] = per_node(nx.clustering(U))
    ref["average_clustering"] = num(nx.average_clustering(U))
    ref["transitivity"] = num(nx.transitivity(U))
    # Density: nx.density(G) (m/(n(n-1)) for the directed view).
    ref["density"] = num(nx.density(G))
    # Degree assortativity: nx.degree_assortativity_coefficient(G); undirected only (the
    # directed-view convention is not pinned down by the header). null = NaN (regular graph).
    if not directed_view:
        r = nx.degree_assortativity_coefficient(G)
        ref["assortativity"] = num(r)
    # Cut structure of the undirected view: nx.articulation_points, nx.bridges.
    ref["articulation_points"] = sorted(nx.articulation_points(U))
    ref["bridges"] = sorted(sorted(e) for e in nx.bridges(U))
    # Components (weakly connected when directed): nx.connected_components(U).
    ref["components"] = [sorted(c) for c in nx.connected_components(U)]
    # Eccentricity by hops within each component: nx.eccentricity(G.subgraph(c)) per component
    # (an isolated node has 0). Undirected view only.
    if not directed_view:
        ecc = {}
        for c in nx.connected_components(G):
            ecc.update(nx.eccentricity(G.subgraph(c)))
        ref["eccentricity"] = {v: int(e) for v, e in ecc.items()}

    # Paths between named pairs: nx.shortest_path_length(G, s, t, weight=None | 'dist'),
    # len(list(nx.all_shortest_paths(G, s, t, weight=None | 'dist'))), and the lengths of the
    # first K_SHORTEST of nx.shortest_simple_paths(G, s, t, weight=None | 'dist').
    pairs = []
    for s, t in spec["pairs"]:
        p = {"source": s, "target": t}
        if nx.has_path(G, s, t):
            p["hops"] = nx.shortest_path_length(G, s, t, weight=None)
            p["dist"] = nx.shortest_path_length(G, s, t, weight="dist")
            p["count_hops"] = len(list(nx.all_shortest_paths(G, s, t, weight=None)))
            nw = len(list(nx.all_shortest_paths(G, s, t, weight="dist")))
            _, sigma, _, _ = exact_sssp(G, s)
            p["count_dist"] = nw if nw == sigma[t] else None
            p["k_shortest_hops"] = [len(q) - 1 for q in
                                    islice(nx.shortest_simple_paths(G, s, t, weight=None),
                                           K_SHORTEST)]
            p["k_shortest_dist"] = [nx.path_weight(G, q, "dist") for q in
                                    islice(nx.shortest_simple_paths(G, s, t, weight="dist"),
                                           K_SHORTEST)]
        else:
            p["hops"] = None  # unreachable: ShortestPath must say NotFound
        pairs.append(p)
    ref["pairs"] = pairs
    # Reachable within h hops: nx.single_source_shortest_path_length(G, s, cutoff=h).
    ref["reachable"] = [
        {"source": s, "hops": h,
         "nodes": {v: int(d) for v, d in nx.single_source_shortest_path_length(G, s, cutoff=h).items()}}
        for s, h in spec["reach"]
    ]

    # Structural holes: nx.constraint and nx.effective_size (weight='weight' | None). Efficiency
    # is effective size / number of neighbors; hierarchy is not in networkx and is computed
    # here from nx.local_constraint by Burt's definition: sum_j r_j ln r_j / (N ln N),
    # r_j = c_ij / (C_i / N); 1 for a single neighbor; null for isolates.
    holes = {}
    for wn, w in (("weighted", "weight"), ("unweighted", None)):
        c = nx.constraint(G, weight=w)
        es = nx.effective_size(G, weight=w)
        eff, hier = {}, {}
        nmw = nx.algorithms.structuralholes.normalized_mutual_weight
        for v in nodes:
            nb = set(nx.all_neighbors(G, v)) - {v}
            if not nb:
                eff[v] = hier[v] = float("nan")
                continue
            if directed_view and G.out_degree(v) == 0:
                # networkx 2.8 returns NaN for a node with in-arcs only (it tests G[v], the
                # successors); by the same definitions, with its own helpers:
                c[v] = sum(nx.local_constraint(G, v, u, weight=w) for u in nb)
                es[v] = sum(1 - sum(nmw(G, v, q, weight=w) * nmw(G, u, q, norm=max, weight=w)
                                    for q in nb) for u in nb)
            eff[v] = es[v] / len(nb)
            if len(nb) == 1:
                hier[v] = 1.0
                continue
            lc = [nx.local_constraint(G, v, u, weight=w) for u in nb]
            mean = sum(lc) / len(nb)
            hier[v] = sum((x / mean) * math.log(x / mean) for x in lc if x > 0) / (
                len(nb) * math.log(len(nb)))
        holes[wn] = {"constraint": per_node(c), "effective_size": per_node(es),
                     "efficiency": per_node(eff), "hierarchy": per_node(hier)}
    ref["structural_holes"] = holes

    # Mixing by the partition attribute: nx.attribute_mixing_dict (an undirected graph counts
    # each edge in both directions), nx.attribute_assortativity_coefficient, and Krackhardt's
    # E-I over edges: (external - internal) / all.
    attr = {v: str(x) for v, x in spec["attrs"][spec["partition_attr"]].items()}
    H = G.copy()
    nx.set_node_attributes(H, attr, "grp")
    external = sum(1 for u, v in H.edges if attr[u] != attr[v])
    internal = H.number_of_edges() - external
    mixing = nx.attribute_mixing_dict(H, "grp")
    ref["mixing"] = {
        "group": attr,
        "arcs": {a: dict(row) for a, row in mixing.items()},
        "assortativity": num(nx.attribute_assortativity_coefficient(H, "grp")),
        "ei": num((external - internal) / (external + internal)) if external + internal else None,
    }

    # Link prediction (undirected view): every non-adjacent pair of distinct nodes with
    # nx.common_neighbors, jaccard_coefficient, adamic_adar_index, resource_allocation_index,
    # preferential_attachment; and Katz scores from one node by matrix inversion with numpy,
    # S = (I - beta A)^-1 - I, beta = 0.5 / lambda_max.
    if not directed_view:
        order = {v: i for i, v in enumerate(nodes)}
        pairs_np = [(u, v) for u in nodes for v in nodes
                    if order[u] < order[v] and not G.has_edge(u, v)]
        jac = {(u, v): x for u, v, x in nx.jaccard_coefficient(G, pairs_np)}
        aa = {(u, v): x for u, v, x in nx.adamic_adar_index(G, pairs_np)}
        ra = {(u, v): x for u, v, x in nx.resource_allocation_index(G, pairs_np)}
        pa = {(u, v): x for u, v, x in nx.preferential_attachment(G, pairs_np)}
        ref["link_prediction"] = [
            [u, v, len(list(nx.common_neighbors(G, u, v))), num(jac[(u, v)]), num(aa[(u, v)]),
             num(ra[(u, v)]), num(pa[(u, v)])] for u, v in pairs_np]
        A = nx.to_numpy_array(G, nodelist=nodes, weight=None)
        lmax = max(np.linalg.eigvalsh(A)) if n else 0
        if lmax > 0:
            beta = 0.5 / lmax
            S = np.linalg.inv(np.eye(n) - beta * A) - np.eye(n)
            src = spec["personalize"]
            ref["katz_link"] = {"source": src, "beta": beta,
                                "scores": {v: num(S[order[src]][order[v]]) for v in nodes}}

    # Modularity (undirected view only): nx.algorithms.community.modularity(G, communities,
    # weight='weight' | None, resolution=1) of the attribute partition and of igraph's Louvain.
    if not directed_view:
        attr = spec["attrs"][spec["partition_attr"]]
        labels = sorted(set(attr.values()))
        membership = {v: labels.index(attr[v]) for v in nodes}
        comms = [{v for v in nodes if membership[v] == c} for c in range(len(labels))]
        ref["attribute_partition"] = {
            "attribute": spec["partition_attr"],
            "community": membership,
            "modularity_weighted": nx.algorithms.community.modularity(G, comms, weight="weight",
                                                                      resolution=1),
            "modularity_unweighted": nx.algorithms.community.modularity(G, comms, weight=None,
                                                                        resolution=1),
        }
        ref["louvain"] = {"weighted": louvain_reference(G, True),
                          "unweighted": louvain_reference(G, False)}
        ref["continuous_core"] = continuous_core_reference(G, nodes)
    return ref


def continuous_core_reference(G, nodes):
    """Borgatti & Everett's continuous core-periphery model by its definition: coreness c in
    [0, 1]^n maximising the Pearson correlation, over pairs i < j, of a_ij (0/1 adjacency) with
    c_i c_j. Maximised with scipy's L-BFGS-B (bounds [0, 1], the gradient from dense matrices) from
    the degrees and from 4 seeded random starts; the best correlation found is a lower bound of
    the maximum. Null when the correlation is undefined (every pair tied, or none)."""
    from scipy.optimize import minimize

    n = len(nodes)
    A = nx.to_numpy_array(G, nodelist=nodes, weight=None)
    np.fill_diagonal(A, 0)
    A = (A > 0).astype(float)
    iu = np.triu_indices(n, 1)
    a = A[iu]
    if n < 4 or a.std() == 0:
        return {"rho": None}

    def negative_rho(c):
        # -corr(a, x) and its gradient: d corr / d x_p = (a_p - mean a) / (P sd_a sd_x)
        # - corr (x_p - mean x) / (P sd_x^2), and x_p = c_i c_j for pair p = (i, j).
        x = np.outer(c, c)[iu]
        if x.std() == 0:
            return 0.0, np.zeros(n)
        r = float(np.corrcoef(a, x)[0, 1])
        P = len(a)
        d = (a - a.mean()) / (P * a.std() * x.std()) - r * (x - x.mean()) / (P * x.var())
        D = np.zeros((n, n))
        D[iu] = d
        D = D + D.T
        return -r, -(D @ c)

    rng = np.random.default_rng(20261122)
    starts = [A.sum(axis=1) / max(1.0, A.sum(axis=1).max())]
    starts += [rng.uniform(0.05, 1.0, n) for _ in range(4)]
    best = None
    for c0 in starts:
        res = minimize(negative_rho, c0, jac=True, method="L-BFGS-B", bounds=[(0.0, 1.0)] * n,
                       options={"maxiter": 5000, "ftol": 1e-13, "gtol": 1e-9})
        if best is None or res.fun < best.fun:
            best = res
    c = best.x / best.x.max() if best.x.max() > 0 else best.x
    return {"rho": -best.fun, "coreness": {v: float(c[i]) for i, v in enumerate(nodes)}}


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def csv_field(x):
    s = str(x)
    if any(ch in s for ch in ',"\n\r'):
        s = '"' + s.replace('"', '""') + '"'
    return s


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(csv_field(x) for x in r) + "\n")


def fmt_strength(x):
    return repr(float(x)) if not float(x).is_integer() else str(int(x))


def write_graph(outdir, name, spec):
    d = os.path.join(outdir, name)
    os.makedirs(d, exist_ok=True)
    cols = sorted(spec["attrs"])
    write_csv(os.path.join(d, "institutions.csv"), ["key", "name"] + cols,
              [[v, "Node " + v] + [spec["attrs"][c][v] for c in cols] for v in spec["nodes"]])
    write_csv(os.path.join(d, "ties.csv"), ["source", "target", "strength", "type", "directed"],
              [[t["source"], t["target"], fmt_strength(t["strength"]), t.get("type", "mou"),
                "true" if t.get("directed", False) else "false"] for t in spec["ties"]])
    ref = {"name": name, "views": {"undirected": reference_view(spec, False)}}
    if spec["directed"]:
        ref["views"]["directed"] = reference_view(spec, True)
    with open(os.path.join(d, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(ref, f, indent=1, sort_keys=True, allow_nan=False)


def main(argv):
    if len(argv) != 2:
        print("usage: make_references.py OUTDIR", file=sys.stderr)
        return 2
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    for name, make in GRAPHS.items():
        write_graph(outdir, name, make())
    with open(os.path.join(outdir, "index.json"), "w", encoding="utf-8") as f:
        json.dump({"graphs": list(GRAPHS), "networkx": nx.__version__,
                   "igraph": igraph.__version__ if igraph else None}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
