#!/usr/bin/python3
"""Export speed of the peers on the generated network: networkx and igraph write GraphML and
Pajek (and networkx node-link JSON) from a graph already in memory, with the same attributes
tiegraph writes (institutions: name, sector, kind, region; ties: key, type, strength, status).
Only the write is timed, not the load.

Usage: /usr/bin/python3 peers_export.py NETWORK_DIR OUT_DIR
(NETWORK_DIR as written by generate_network.py: institutions.csv, ties.csv)."""

import csv
import json
import os
import sys
import time

import igraph
import networkx as nx


def timed(label, fn):
    start = time.perf_counter()
    fn()
    print(f"{label}: {time.perf_counter() - start:.2f} s", flush=True)


def main(network, out):
    os.makedirs(out, exist_ok=True)
    G = nx.MultiGraph()
    with open(os.path.join(network, "institutions.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            G.add_node(row["key"], name=row["name"], sector=row["sector"], kind=row["kind"],
                       region=row["region"])
    with open(os.path.join(network, "ties.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            G.add_edge(row["source"], row["target"], key=row["key"], type=row["type"],
                       strength=float(row["strength"]), status=row["status"])
    print(f"loaded {G.number_of_nodes()} nodes, {G.number_of_edges()} edges", flush=True)
    timed("networkx write_graphml", lambda: nx.write_graphml(G, os.path.join(out, "nx.graphml")))
    timed("networkx write_pajek", lambda: nx.write_pajek(G, os.path.join(out, "nx.net")))

    def node_link():
        with open(os.path.join(out, "nx.json"), "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(G), f)
    timed("networkx node_link_data + json.dump", node_link)
    H = igraph.Graph.from_networkx(G)
    timed("igraph write_graphml", lambda: H.write_graphml(os.path.join(out, "ig.graphml")))
    timed("igraph write_pajek", lambda: H.write_pajek(os.path.join(out, "ig.net")))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
