#!/usr/bin/python3
"""Writes the GraphML and GEXF fixtures of tests/query/xml_import_test.cc with the tools whose
files tiegraph must read: networkx (GraphML, GEXF) and python-igraph (GraphML).

Usage: /usr/bin/python3 make_fixtures.py [OUTDIR]   (default: this script's folder)

The graphs are stated here, and the test asserts what they state (the files are committed;
run this again after changing a graph, and check the test's expectations by hand). Written
with networkx 2.8 and python-igraph 0.10 (Debian 12). gephi.gexf and yed.graphml beside them
are written by hand in the form Gephi 0.10 and yEd 3.23 save.
"""
import math
import os
import sys

import igraph
import networkx as nx

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

# An undirected networkx graph: fields by their tiegraph names, the rest typed properties.
g = nx.Graph()
g.add_node("ktl", name="한국산업기술시험원", sector="public-agency", region="KR/Gyeongnam/Jinju",
           aliases="KTL|Korea Testing Laboratory", founded=1966, budget=12.5, accredited=True,
           note="시험·인증")
g.add_node("kribb", label="KRIBB", sector="research", foreign=False, founded=1985)
g.add_node("snuh", sector="hospital", budget=math.nan)  # NaN: networkx's missing number
g.add_edge("ktl", "kribb", type="mou", weight=2.0, since="2021-03", status="realized", year=2021)
g.add_edge("kribb", "snuh", relation="joint-research", weight=0.5, confidence="implied",
           note="pilot")
g.add_edge("ktl", "snuh")
nx.write_graphml(g, os.path.join(out, "networkx.graphml"))
nx.write_gexf(g, os.path.join(out, "networkx.gexf"))

# A networkx multigraph: its edge keys (0, 1 per pair) become GraphML edge ids that repeat.
m = nx.MultiDiGraph()
m.add_edge("a", "b", type="mou")
m.add_edge("a", "b", type="funding")
m.add_edge("b", "c")
nx.write_graphml(m, os.path.join(out, "networkx_multi.graphml"))

# A directed igraph graph: ids n0, n1…, the vertex name as an attribute, numbers as doubles.
i = igraph.Graph(directed=True)
i.add_vertices(3)
i.vs["name"] = ["ktl", "kribb", "snuh"]
i.vs["founded"] = [1966, 1985, 1978]
i.vs["score"] = [1.5, float("nan"), 2.0]  # igraph leaves NaN out
i.vs["public"] = [True, True, False]
i.add_edges([(0, 1), (1, 2)])
i.es["weight"] = [2.0, 3.0]
i.es["type"] = ["mou", "funding"]
i.write_graphml(os.path.join(out, "igraph.graphml"))
