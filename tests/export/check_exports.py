#!/usr/bin/python3
"""Exports opened by their real clients, checked against the seed JSON itself.

The sample network is imported with the tiegraph CLI and exported in every format; each file
is then read by the tool it is meant for (networkx, igraph, Graphviz's dot/sfdp/neato, Python's
csv, Pillow for the rendered picture, headless Chromium for the HTML map) and compared with
what the seed JSON says, read here directly: the institutions, the ties (all but part_of, the
projection's default), their Korean names, types and dates. Measures attached with --with are
compared with networkx computed on the same graph (betweenness: networkx's normalised
convention on the simple graph; PageRank: weights = number of parallel ties, as tiegraph's
default "sum" of strength-1 ties).

Run by CTest:
  check_exports.py --cli PATH/tiegraph --seed examples/seed-network.json --work DIR --part files
  check_exports.py ... --part html --node-modules BUILD/html-deps/node_modules
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
from networkx.readwrite.gexf import GEXF

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def run(cli, db, *args, expect_ok=True):
    proc = subprocess.run([cli, "--db", db, *args], capture_output=True, text=True)
    if expect_ok and proc.returncode != 0:
        sys.exit(f"tiegraph {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    return proc


class Seed:
    """The seed network as its JSON states it, with the importer's documented mappings
    (docs/FORMATS.md): name = name_ko (else name_en); three tie types shortened, '_' -> '-'
    in the rest; sectors outside the eight are 'none'."""

    TYPES = {"investment_intention_agreement": "investment_intent",
             "tenancy_colocation": "tenancy", "council_membership": "membership"}

    SECTORS = {"industry", "academia", "research", "hospital", "government", "public-agency",
               "support-org"}

    def __init__(self, path):
        data = json.load(open(path, encoding="utf-8"))
        self.names, self.sectors = {}, {}
        for i in data["institutions"]:
            self.names[i["id"]] = i.get("name_ko") or i.get("name_en")
            s = i.get("sector") or ""
            self.sectors[i["id"]] = s if s in self.SECTORS else "none"
        self.ties = {}
        for t in data["ties"]:
            if t["type"] == "part_of" or t["source"] == t["target"]:
                continue
            ev = t.get("evidence") or {}
            self.ties[t["id"]] = {"source": t["source"], "target": t["target"],
                                  "type": self.TYPES.get(t["type"], t["type"]), "date": t.get("date"),
                                  "quote": ev.get("quote", "")}
        self.multigraph = nx.MultiGraph()
        self.multigraph.add_nodes_from(self.names)
        for key, t in self.ties.items():
            self.multigraph.add_edge(t["source"], t["target"], key=key)
        self.simple = nx.Graph()
        self.simple.add_nodes_from(self.names)
        for t in self.ties.values():
            a, b = t["source"], t["target"]
            w = self.simple[a][b]["weight"] + 1 if self.simple.has_edge(a, b) else 1
            self.simple.add_edge(a, b, weight=w)


def close(a, b, rel=1e-4):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def check_graph(label, g, seed, key_of_node, edge_key="id"):
    """Counts, names and each tie's endpoints and type, for a networkx multigraph."""
    check(g.number_of_nodes() == len(seed.names),
          f"{label}: {g.number_of_nodes()} nodes, seed has {len(seed.names)}")
    check(g.number_of_edges() == len(seed.ties),
          f"{label}: {g.number_of_edges()} edges, seed has {len(seed.ties)} (part_of excluded)")
    for node, data in g.nodes(data=True):
        key = key_of_node(node, data)
        check(key in seed.names, f"{label}: unknown node {key}")
        if key in seed.names:
            check(data.get("name", data.get("label")) == seed.names[key],
                  f"{label}: {key} is named {data.get('name', data.get('label'))!r}, seed says "
                  f"{seed.names[key]!r}")
            check(data.get("sector") == seed.sectors[key],
                  f"{label}: {key} sector {data.get('sector')!r}, seed {seed.sectors[key]!r}")
    for a, b, k, data in g.edges(keys=True, data=True):
        tie_key = data.get(edge_key, k)
        t = seed.ties.get(tie_key)
        check(t is not None, f"{label}: edge {tie_key} is not a seed tie")
        if t is None:
            continue
        ends = {key_of_node(a, g.nodes[a]), key_of_node(b, g.nodes[b])}
        check(ends == {t["source"], t["target"]}, f"{label}: {tie_key} joins {ends}")
        check(data.get("type") == t["type"], f"{label}: {tie_key} type {data.get('type')!r}")


def check_measures(label, values, seed):
    """betweenness and pagerank per institution key against networkx on the seed graph."""
    bc = nx.betweenness_centrality(seed.simple, normalized=True)
    pr = nx.pagerank(seed.simple, weight="weight")
    for key in seed.names:
        got = values.get(key, {})
        check(close(float(got.get("betweenness", -1)), bc[key]),
              f"{label}: betweenness of {key} {got.get('betweenness')} vs networkx {bc[key]:.6g}")
        check(close(float(got.get("pagerank", -1)), pr[key]),
              f"{label}: pagerank of {key} {got.get('pagerank')} vs networkx {pr[key]:.6g}")


def check_files(cli, db, seed, work):
    with_measures = ["--with", "betweenness,pagerank,community"]
    out = lambda name: os.path.join(work, name)  # noqa: E731

    # GraphML: networkx and igraph.
    run(cli, db, "export", "--format", "graphml", "--out", out("net.graphml"), *with_measures)
    g = nx.read_graphml(out("net.graphml"))
    check_graph("graphml/networkx", g, seed, lambda n, d: n, edge_key="tie_key")
    check_measures("graphml", {n: d for n, d in g.nodes(data=True)}, seed)
    # --with takes any centrality metric, the local clustering coefficient too (unweighted).
    run(cli, db, "export", "--format", "graphml", "--out", out("clustering.graphml"),
        "--with", "clustering")
    got = {n: float(d.get("clustering", -1))
           for n, d in nx.read_graphml(out("clustering.graphml")).nodes(data=True)}
    for key, c in nx.clustering(seed.simple).items():
        check(close(got.get(key, -1), c), f"graphml: clustering of {key} {got.get(key)} vs networkx {c}")
    h = igraph.Graph.Read_GraphML(out("net.graphml"))
    check(h.vcount() == len(seed.names) and h.ecount() == len(seed.ties),
          f"graphml/igraph: {h.vcount()} nodes {h.ecount()} edges")
    for v in h.vs:
        check(v["name"] == seed.names[v["id"]], f"graphml/igraph: name of {v['id']}: {v['name']}")

    # GEXF 1.3: networkx 2.8 knows the 1.1 and 1.2 namespaces; 1.3 is registered the way
    # later networkx releases do it.
    GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "VERSION": "1.3"}
    run(cli, db, "export", "--format", "gexf", "--dynamic", "--out", out("net.gexf"), *with_measures)
    g = nx.read_gexf(out("net.gexf"), version="1.3")
    check_graph("gexf/networkx", g, seed, lambda n, d: n, edge_key="tie_key")
    check_measures("gexf", {n: d for n, d in g.nodes(data=True)}, seed)
    for n, d in g.nodes(data=True):
        viz = d.get("viz", {})
        check("position" in viz and "color" in viz and "size" in viz, f"gexf: {n} lacks viz")
    dated = [(k, t) for k, t in seed.ties.items() if t["date"] and len(t["date"]) == 10]
    spells = {d["tie_key"]: d.get("spells") for _, _, d in g.edges(data=True)}
    for key, t in dated:
        check(spells.get(key) and spells[key][0][0] == t["date"],
              f"gexf: spell of {key} {spells.get(key)} vs date {t['date']}")
    check(len(dated) > 10, f"gexf: only {len(dated)} day-dated ties to check")

    # Pajek: networkx and igraph; the .clu partition is the community attached.
    run(cli, db, "export", "--format", "pajek", "--out", out("net.net"), *with_measures)
    g = nx.read_pajek(out("net.net"))
    by_name = {v: k for k, v in seed.names.items()}
    check(g.number_of_nodes() == len(seed.names) and g.number_of_edges() == len(seed.ties),
          f"pajek/networkx: {g.number_of_nodes()} nodes {g.number_of_edges()} edges")
    for n, d in g.nodes(data=True):
        check(n in by_name, f"pajek/networkx: label {n!r} is no seed name")
        check("x" in d and "y" in d, f"pajek/networkx: {n} has no coordinates")
    pairs = {frozenset((by_name.get(a), by_name.get(b))) for a, b in g.edges()}
    check(pairs == {frozenset(e) for e in seed.simple.edges()}, "pajek: pairs differ from seed")
    h = igraph.Graph.Read_Pajek(out("net.net"))
    check(h.vcount() == len(seed.names) and h.ecount() == len(seed.ties),
          f"pajek/igraph: {h.vcount()} nodes {h.ecount()} edges")
    check(sorted(h.vs["id"]) == sorted(seed.names.values()), "pajek/igraph: labels differ")
    graphml = nx.read_graphml(out("net.graphml"))
    clu = open(out("net.clu"), encoding="utf-8").read().split()
    check(clu[0] == "*Vertices" and int(clu[1]) == len(seed.names), "clu: header")
    labels = [line.split('"')[1] for line in open(out("net.net"), encoding="utf-8")
              if line[:1].isdigit() and '"' in line]
    # One numbering everywhere: the CLI's communities (Leiden, the export's method and seed)
    # are numbered from 1, and so are the community ids of every export.
    cli_tables = json.loads(run(cli, db, "communities", "--method", "leiden", "--seed", "42",
                                "--format", "json").stdout)["tables"]
    cli_members = next(t["rows"] for t in cli_tables if t["name"] == "members")
    cli_community = {r["key"]: int(r["community"]) for r in cli_members}
    check(min(cli_community.values()) == 1, "communities: not numbered from 1")
    check({n: int(d["community"]) for n, d in graphml.nodes(data=True)} == cli_community,
          "graphml: community ids differ from the communities command's")
    for label, cls in zip(labels, clu[2:]):
        check(int(cls) == cli_community[by_name[label]], f"clu: class of {label} {cls}")

    # node-link and Cytoscape.js JSON: networkx.
    run(cli, db, "export", "--format", "node-link", "--out", out("net.json"), *with_measures)
    g = nx.node_link_graph(json.load(open(out("net.json"), encoding="utf-8")))
    check_graph("node-link/networkx", g, seed, lambda n, d: n, edge_key="tie_key")
    check({n: int(d["community"]) for n, d in g.nodes(data=True)} == cli_community,
          "node-link: community ids differ from the communities command's")
    run(cli, db, "export", "--format", "cytoscape", "--out", out("net.cyjs"))
    g = nx.cytoscape_graph(json.load(open(out("net.cyjs"), encoding="utf-8")))
    check_graph("cytoscape/networkx", g, seed, lambda n, d: n, edge_key="tie_key")

    # CSV node and edge tables.
    run(cli, db, "export", "--format", "csv", "--out", out("net.csv"))
    nodes = list(csv.DictReader(open(out("net-nodes.csv"), encoding="utf-8", newline="")))
    edges = list(csv.DictReader(open(out("net-edges.csv"), encoding="utf-8", newline="")))
    check({r["Id"]: r["Label"] for r in nodes} == seed.names, "csv: node ids or labels differ")
    check({r["Id"] for r in edges} == set(seed.ties), "csv: edge ids differ")
    for r in edges:
        t = seed.ties[r["Id"]]
        # Several pieces of evidence are joined by " | "; the seed's own quote comes first.
        check(r["evidence_quote"].split(" | ")[0] == t["quote"], f"csv: quote of {r['Id']} differs")
        check({r["Source"], r["Target"]} == {t["source"], t["target"]}, f"csv: ends of {r['Id']}")

    # UCINET DL (edgelist1, quoted labels, one line per pair each way) and VOSviewer.
    run(cli, db, "export", "--format", "ucinet", "--out", out("net.dl"))
    text = open(out("net.dl"), encoding="utf-8").read()
    head, data = text.split("DATA:\n")
    dl_labels = [x.strip().strip(",").strip('"') for x in head.split("LABELS:\n")[1].splitlines()]
    check(text.startswith(f"DL N={len(seed.names)}\n"), "dl: header")
    check(sorted(dl_labels) == sorted(seed.names.values()), "dl: labels differ from seed names")
    dl_pairs = {frozenset((dl_labels[int(a) - 1], dl_labels[int(b) - 1]))
                for a, b, _ in (line.split() for line in data.splitlines())}
    check(len(data.splitlines()) == 2 * seed.simple.number_of_edges(), "dl: line count")
    check(dl_pairs == {frozenset((seed.names[a], seed.names[b])) for a, b in seed.simple.edges()},
          "dl: pairs differ")
    run(cli, db, "export", "--format", "vosviewer", "--out", out("net.txt"))
    rows = list(csv.DictReader(open(out("net-map.txt"), encoding="utf-8"), delimiter="\t"))
    check(sorted(r["label"] for r in rows) == sorted(seed.names.values()), "vosviewer: labels")
    links = [line.split("\t") for line in open(out("net-network.txt"), encoding="utf-8")]
    check(len(links) == seed.simple.number_of_edges(), "vosviewer: one line per pair")
    weights = {frozenset((rows[int(a) - 1]["label"], rows[int(b) - 1]["label"])): float(w)
               for a, b, w in links}
    for a, b, d in seed.simple.edges(data=True):
        check(weights.get(frozenset((seed.names[a], seed.names[b]))) == d["weight"],
              f"vosviewer: weight of {a}-{b}")

    # DOT: Graphviz's own programs draw it.
    run(cli, db, "export", "--format", "dot", "--out", out("net.dot"))
    for cmd in (["dot"], ["sfdp"], ["neato", "-n2"]):
        proc = subprocess.run([*cmd, "-Tsvg", out("net.dot"), "-o", out("net-dot.svg")],
                              capture_output=True, text=True)
        check(proc.returncode == 0 and "Error" not in proc.stderr,
              f"{' '.join(cmd)} on our DOT: {proc.returncode} {proc.stderr.strip()}")

    # Labels: drawn by Graphviz itself at our positions (neato -n2, its plain SVG writer), each
    # label's box measured with the real font (NanumGothic, through Pillow) overlaps no other.
    from PIL import ImageFont
    proc = subprocess.run(["neato", "-n2", "-Tsvg:svg:core", out("net.dot"), "-o", out("labels.svg")],
                          capture_output=True, text=True)
    check(proc.returncode == 0, f"neato -n2 labels: {proc.stderr.strip()}")
    boxes = []
    for t in ET.parse(out("labels.svg")).getroot().iter("{http://www.w3.org/2000/svg}text"):
        x, y, size = float(t.get("x")), float(t.get("y")), float(t.get("font-size"))
        text = "".join(t.itertext())
        font = ImageFont.truetype("/usr/share/fonts/truetype/nanum/NanumGothic.ttf", round(size * 10))
        width = font.getlength(text) / 10
        left = {"start": x, "middle": x - width / 2, "end": x - width}[t.get("text-anchor", "start")]
        boxes.append((left, y - 0.8 * size, left + width, y + 0.2 * size, text))
    check(len(boxes) == len(seed.names), f"labels: {len(boxes)} drawn for {len(seed.names)} institutions")
    crossing = [(a[4], b[4]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1]
    check(not crossing, f"labels overlap: {crossing[:5]}")

    # The rendered picture: its pixels show the sector colours; the SVG is well-formed XML.
    from PIL import Image
    run(cli, db, "render", "--out", out("map.png"))
    image = Image.open(out("map.png")).convert("RGB")
    check(image.size[0] >= 800 and image.size[1] >= 600, f"render: picture is {image.size}")
    colours = {"industry": (0xd6, 0x27, 0x28), "academia": (0x1f, 0x77, 0xb4),
               "research": (0x2c, 0xa0, 0x2c), "hospital": (0xe3, 0x77, 0xc2),
               "government": (0xff, 0x7f, 0x0e), "public-agency": (0x94, 0x67, 0xbd)}
    counts = dict.fromkeys(colours, 0)
    for pixel in image.getdata():
        for name, c in colours.items():
            if all(abs(p - q) <= 12 for p, q in zip(pixel, c)):
                counts[name] += 1
    check(all(n >= 200 for n in counts.values()), f"render: sector colour pixels {counts}")
    run(cli, db, "render", "--out", out("map.svg"))
    ET.parse(out("map.svg"))

    # An ego view holds what networkx's ego_graph holds (radius 2 on the tie graph).
    run(cli, db, "export", "--format", "graphml", "--ego", "KTL", "--hops", "2",
        "--out", out("ego.graphml"))
    g = nx.read_graphml(out("ego.graphml"))
    ktl = next(k for k, n in seed.names.items() if k == "ktl")
    ego = nx.ego_graph(seed.multigraph, ktl, radius=2)
    check(set(g.nodes()) == set(ego.nodes()), "ego: institutions differ from networkx ego_graph")
    check(g.number_of_edges() == ego.number_of_edges(), "ego: ties differ")

    # Bad input: clear messages, non-zero exit, nothing written.
    bad = run(cli, db, "export", "--format", "xlsx", "--out", out("bad.x"), expect_ok=False)
    check(bad.returncode != 0 and "unknown export format 'xlsx'" in bad.stderr,
          f"unknown format: {bad.returncode} {bad.stderr.strip()}")
    check(not os.path.exists(out("bad.x")), "unknown format left a file")
    bad = run(cli, db, "export", "--format", "graphml", "--out", "/nonexistent/dir/net.graphml",
              expect_ok=False)
    check(bad.returncode != 0 and "/nonexistent/dir/net.graphml" in bad.stderr,
          f"unwritable path: {bad.returncode} {bad.stderr.strip()}")
    bad = run(cli, db, "export", "--format", "graphml", "--ego", "No Such Institute",
              "--out", out("bad.graphml"), expect_ok=False)
    check(bad.returncode != 0 and "No Such Institute" in bad.stderr,
          f"unknown ego: {bad.returncode} {bad.stderr.strip()}")
    check(not os.path.exists(out("bad.graphml")), "unknown ego left a file")
    bad = run(cli, db, "render", "--out", out("map.bmp"), expect_ok=False)
    check(bad.returncode != 0 and ".svg, .png or .pdf" in bad.stderr, "render: bad extension")
    check_properties(cli, work)

    leftovers = [f for f in os.listdir(work) if ".tmp-" in f]
    check(not leftovers, f"temporary files left: {leftovers}")


# Typed custom properties: a small network written here as CSV (and one JSON Lines record that
# mixes types), so every expected value below is read off these lines, not off tiegraph.
PROPS_INSTITUTIONS = "\n".join([
    "key,name,sector,founded:int,budget:float,public:bool,opened:date,motto,size:int,code:int",
    'a,Alpha Institute,research,1946,1234567.89,true,1946,"Science, first",12,7',
    'b,Beta 대학교,academia,1990,0.5,false,1990-05,"He said ""hi""",,8',
    "c,Gamma Corp,industry,,-3.25,,2001-03-15,,40,", ""])
PROPS_EXTRA = ('{"record":"institution","key":"d","name":"Delta","sector":"government",'
               '"properties":{"code":"X-1","budget":7}}\n')
PROPS_TIES = """key,source,target,type,amount:float,seats:int,binding:bool,signed:date,note,label
t1,a,b,mou,2500000.5,3,true,2020-01-02,"two
lines",first
t2,b,c,joint-project,0.125,,false,2021,,second
t3,a,c,mou,,10,,2019-07,plain,
"""
# Per column: its exported name (size and label are built-in names, so prefixed), its type in
# GraphML/GEXF and in the CSV header, and each record's value as the formats carry it (the
# mixed columns: code is text, budget real).
PROPS_NODE_COLUMNS = {
    "founded": ("founded", "long", "int", {"a": 1946, "b": 1990}),
    "budget": ("budget", "double", "float", {"a": 1234567.89, "b": 0.5, "c": -3.25, "d": 7.0}),
    "public": ("public", "boolean", "bool", {"a": True, "b": False}),
    "opened": ("opened", "string", "date", {"a": "1946", "b": "1990-05", "c": "2001-03-15"}),
    "motto": ("motto", "string", "string", {"a": "Science, first", "b": 'He said "hi"'}),
    "size": ("prop_size", "long", "int", {"a": 12, "c": 40}),
    "code": ("code", "string", "string", {"a": "7", "b": "8", "d": "X-1"}),
}
PROPS_TIE_COLUMNS = {
    "amount": ("amount", "double", "float", {"t1": 2500000.5, "t2": 0.125}),
    "seats": ("seats", "long", "int", {"t1": 3, "t3": 10}),
    "binding": ("binding", "boolean", "bool", {"t1": True, "t2": False}),
    "signed": ("signed", "string", "date", {"t1": "2020-01-02", "t2": "2021", "t3": "2019-07"}),
    "note": ("note", "string", "string", {"t1": "two\nlines", "t3": "plain"}),
    "label": ("prop_label", "string", "string", {"t1": "first", "t2": "second"}),
}
PY_TYPES = {"long": int, "double": float, "boolean": bool, "string": str}


def same(got, want):
    """Equal and of the same Python type (True == 1 and 7 == 7.0 would hide a lost type)."""
    return type(got) is type(want) and got == want


def check_typed(label, records, columns):
    """records: key -> attribute dict, as a client read them. Every expected value present with
    its type, and nothing where the CSV cell was empty."""
    for prop, (name, _, _, values) in columns.items():
        for key, attrs in records.items():
            got = attrs.get(name)
            if key in values:
                check(same(got, values[key]),
                      f"{label}: {key}.{name} is {got!r} ({type(got).__name__}), "
                      f"expected {values[key]!r} ({type(values[key]).__name__})")
            else:
                check(got is None, f"{label}: {key}.{name} should be absent, is {got!r}")


def check_properties(cli, work):
    out = lambda name: os.path.join(work, name)  # noqa: E731
    for name, text in (("props-inst.csv", PROPS_INSTITUTIONS), ("props-ties.csv", PROPS_TIES),
                       ("props-extra.jsonl", PROPS_EXTRA)):
        with open(out(name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    db = out("props.db")
    run(cli, db, "import", "--create", "--institutions", out("props-inst.csv"),
        "--ties", out("props-ties.csv"))
    run(cli, db, "import", out("props-extra.jsonl"))
    keys = ["a", "b", "c", "d"]

    # GraphML: networkx gives int, float, bool and str; igraph reads the same keys.
    run(cli, db, "export", "--format", "graphml", "--out", out("props.graphml"))
    g = nx.read_graphml(out("props.graphml"))
    check(sorted(g.nodes()) == keys, f"props graphml: nodes {sorted(g.nodes())}")
    check_typed("props graphml/networkx", dict(g.nodes(data=True)), PROPS_NODE_COLUMNS)
    check_typed("props graphml/networkx ties",
                {d["tie_key"]: d for _, _, d in g.edges(data=True)}, PROPS_TIE_COLUMNS)
    check(isinstance(g.nodes["a"].get("size"), float), "props graphml: built-in size was replaced")
    h = igraph.Graph.Read_GraphML(out("props.graphml"))
    by_id = {v["id"]: v for v in h.vs}
    check(by_id["a"]["founded"] == 1946 and by_id["c"]["budget"] == -3.25 and
          by_id["a"]["public"] is True and by_id["b"]["opened"] == "1990-05" and
          by_id["a"]["prop_size"] == 12,
          f"props graphml/igraph: {by_id['a'].attributes()}")
    edges = {e["tie_key"]: e for e in h.es}
    check(edges["t1"]["amount"] == 2500000.5 and edges["t3"]["seats"] == 10 and
          edges["t2"]["binding"] is False and edges["t2"]["signed"] == "2021",
          f"props graphml/igraph ties: {edges['t1'].attributes()}")
    root = ET.parse(out("props.graphml")).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(ns + "key")}
    for cls, columns in (("node", PROPS_NODE_COLUMNS), ("edge", PROPS_TIE_COLUMNS)):
        for name, xml_type, _, _ in columns.values():
            check(types.get((cls, name)) == xml_type,
                  f"props graphml: {cls} key {name} is {types.get((cls, name))}, want {xml_type}")

    # GEXF: the declared types, read with ElementTree, and the values through networkx.
    run(cli, db, "export", "--format", "gexf", "--out", out("props.gexf"))
    root = ET.parse(out("props.gexf")).getroot()
    ns = "{http://gexf.net/1.3}"
    for cls, columns in (("node", PROPS_NODE_COLUMNS), ("edge", PROPS_TIE_COLUMNS)):
        block = next(a for a in root.iter(ns + "attributes") if a.get("class") == cls)
        declared = {a.get("title"): a.get("type") for a in block.iter(ns + "attribute")}
        for name, xml_type, _, _ in columns.values():
            check(declared.get(name) in ({"long", "integer"} if xml_type == "long" else {xml_type}),
                  f"props gexf: {cls} attribute {name} is {declared.get(name)}, want {xml_type}")
    g = nx.read_gexf(out("props.gexf"), version="1.3")
    check_typed("props gexf/networkx", dict(g.nodes(data=True)), PROPS_NODE_COLUMNS)
    check_typed("props gexf/networkx ties",
                {d["tie_key"]: d for _, _, d in g.edges(data=True)}, PROPS_TIE_COLUMNS)

    # node-link and Cytoscape.js JSON: typed JSON values.
    run(cli, db, "export", "--format", "node-link", "--out", out("props.json"))
    data = json.load(open(out("props.json"), encoding="utf-8"))
    check_typed("props node-link", {n["id"]: n for n in data["nodes"]}, PROPS_NODE_COLUMNS)
    check_typed("props node-link ties", {e["key"]: e for e in data["links"]}, PROPS_TIE_COLUMNS)
    run(cli, db, "export", "--format", "cytoscape", "--out", out("props.cyjs"))
    data = json.load(open(out("props.cyjs"), encoding="utf-8"))["elements"]
    check_typed("props cytoscape", {n["data"]["id"]: n["data"] for n in data["nodes"]},
                PROPS_NODE_COLUMNS)
    check_typed("props cytoscape ties", {e["data"]["id"]: e["data"] for e in data["edges"]},
                PROPS_TIE_COLUMNS)

    # CSV: typed headers as the import reads them; the property columns (with Gephi's Id,
    # Label, Source, Target renamed to the import's key, name, source, target) import back to
    # the same properties, compared through dumps. The mixed columns come back as the export
    # wrote them (text; the JSON Lines record's integer budget as a real).
    run(cli, db, "export", "--format", "csv", "--out", out("props.csv"))
    for part, columns, renamed in (
            ("nodes", PROPS_NODE_COLUMNS, {"Id": "key", "Label": "name"}),
            ("edges", PROPS_TIE_COLUMNS, {"Id": "key", "Source": "source", "Target": "target"})):
        rows = list(csv.reader(open(out(f"props-{part}.csv"), encoding="utf-8", newline="")))
        header = rows[0]
        for prop, (_, _, csv_type, _) in columns.items():
            check(f"{prop}:{csv_type}" in header, f"props csv {part}: no column {prop}:{csv_type}")
        keep = [i for i, c in enumerate(header) if c in renamed or ":" in c]
        with open(out(f"props-back-{part}.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow([renamed.get(header[i], header[i]) for i in keep])
            for r in rows[1:]:
                w.writerow([r[i] for i in keep])
    back = out("props-back.db")
    run(cli, back, "import", "--create", "--institutions", out("props-back-nodes.csv"),
        "--ties", out("props-back-edges.csv"))

    def dumped(path):
        records = [json.loads(line) for line in run(cli, path, "dump").stdout.splitlines()]
        return {r["key"]: r.get("properties", {}) for r in records if r["record"] != "event"}

    before, after = dumped(db), dumped(back)
    check(sorted(after) == sorted(before), f"props csv round trip: records {sorted(after)}")
    mixed = {("a", "code"): "7", ("b", "code"): "8", ("d", "budget"): 7.0}
    for key, props in before.items():
        want = {p: mixed.get((key, p), v) for p, v in props.items()}
        got = after.get(key, {})
        check(sorted(got) == sorted(want) and all(same(got[p], v) for p, v in want.items()),
              f"props csv round trip: {key} came back as {got}, want {want}")

    # The HTML map's data: each institution's and tie's properties, typed.
    run(cli, db, "html", "--out", out("props.html"))
    html = open(out("props.html"), encoding="utf-8").read()
    start = html.index("window.TIEGRAPH_DATA = ") + len("window.TIEGRAPH_DATA = ")
    data, _ = json.JSONDecoder().raw_decode(html[start:])
    props = {n["id"]: n.get("properties", {}) for n in data["nodes"]}
    props.update({t["id"]: t.get("properties", {}) for t in data["ties"]})
    own = dict(PROPS_NODE_COLUMNS, **PROPS_TIE_COLUMNS)
    # The map keeps each value's own type (no column to agree with): code 7 stays a number.
    own_values = {("a", "code"): 7, ("b", "code"): 8, ("d", "budget"): 7}
    for prop, (_, _, _, values) in own.items():
        for key, want in values.items():
            want = own_values.get((key, prop), want)
            got = props.get(key, {}).get(prop)
            check(same(got, want), f"props html: {key}.{prop} is {got!r}, want {want!r}")
    check(props["c"] == {"budget": -3.25, "opened": "2001-03-15", "size": 40},
          f"props html: c has {props['c']}")


def check_html(cli, db, seed, work, node_modules, script):
    path = os.path.join(work, "map.html")
    run(cli, db, "html", "--out", path, "--with", "betweenness,community")
    html = open(path, encoding="utf-8").read()
    check("http://" not in html.split("<script>")[0] and "src=\"http" not in html,
          "html: the page refers to the network")
    # The institution to search for and a quote its ties carry: JBNU, the first seed tie.
    t = seed.ties["T001"]
    env = dict(os.environ, TIEGRAPH_NODE_MODULES=node_modules)
    proc = subprocess.run(
        ["node", script, "--html", path, "--screenshot", os.path.join(work, "map-shot.png"),
         "--nodes", str(len(seed.names)), "--ties", str(len(seed.ties)),
         "--search", "JBNU", "--expect-name", seed.names["jbnu"], "--expect-quote", t["quote"]],
        capture_output=True, text=True, env=env, timeout=300)
    print(proc.stdout.strip())
    check(proc.returncode == 0, f"html map in Chromium: {proc.stdout.strip()} {proc.stderr.strip()}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--seed", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--part", choices=["files", "html"], required=True)
    ap.add_argument("--node-modules", default="")
    ap.add_argument("--map-check", default="")
    args = ap.parse_args()
    work = os.path.join(args.work, args.part)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    db = os.path.join(work, "sample.db")
    run(args.cli, db, "import", "--create", args.seed)
    seed = Seed(args.seed)
    if args.part == "files":
        check_files(args.cli, db, seed, work)
    else:
        check_html(args.cli, db, seed, work, args.node_modules, args.map_check)
    if FAILURES:
        sys.exit(f"{len(FAILURES)} check(s) failed")
    print(f"check_exports ({args.part}): all checks passed")


if __name__ == "__main__":
    main()
