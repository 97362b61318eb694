#!/usr/bin/env python3
"""Fails when an #include crosses the stages upward or reaches into another stage's internals.

Each stage is a folder; its public headers are in its tiegraph/ subfolder and its internal
headers beside its sources. A file may include, with <tiegraph/X.h>, the public headers of its
own stage and of the stages below it, and with "X.h" only an internal header of its own folder
(no path). tools/ and examples/ see every public header; tests/ also the internal headers of
storage/, graph/ and tools/tck/ (white-box tests). The stage order is drawn in README.md's repository map.

  tools/check_layers.py [SOURCE_ROOT]
"""
import os
import re
import sys

# Each stage and the stages it may include (its own included).
STAGES = {
    "storage": [],
    "graph": ["storage"],
    "query/table": ["storage"],
    "query/import": ["storage", "query/table"],
    "query/analysis": ["storage", "graph", "query/table"],
    "query/export": ["storage", "graph", "query/table", "query/analysis"],
    "query/render": ["storage", "graph", "query/table", "query/analysis", "query/export"],
    "query/html": ["storage", "graph", "query/table", "query/analysis", "query/export"],
    "query/cypher/value": ["storage"],
    "query/cypher/parse": ["storage", "query/cypher/value"],
    "query/cypher/bind": ["storage", "query/cypher/value", "query/cypher/parse"],
    "query/cypher/plan": ["storage", "query/cypher/value", "query/cypher/parse", "query/cypher/bind"],
    "query/cypher/execute": ["storage", "query/cypher/value", "query/cypher/parse",
                             "query/cypher/bind", "query/cypher/plan"],
}
UMBRELLA = "query"  # query/tiegraph/tiegraph.h includes every stage
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCES = (".h", ".cc")


def stage_of(rel):
    best = None
    for stage in STAGES:
        if rel == stage or rel.startswith(stage + "/"):
            if best is None or len(stage) > len(best):
                best = stage
    return best


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
    owner = {}  # public header name -> stage
    for stage in STAGES:
        public = os.path.join(root, stage, "tiegraph")
        for name in os.listdir(public) if os.path.isdir(public) else []:
            if name.endswith(".h"):
                if name in owner:
                    print(f"layering: tiegraph/{name} is public in both {owner[name]} and {stage}")
                    return 1
                owner[name] = stage
    owner["tiegraph.h"] = UMBRELLA
    owner["config.h"] = "storage"  # written by CMake, says which optional parts are built
    problems = []
    for top in ["storage", "graph", "query", "tools", "tests", "examples"]:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = [d for d in dirnames if d != "node_modules"]
            for filename in filenames:
                if not filename.endswith(SOURCES):
                    continue
                path = os.path.join(dirpath, filename)
                rel = os.path.relpath(path, root)
                stage = stage_of(rel)
                with open(path, encoding="utf-8") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        kind, name = m.groups()
                        where = f"{rel}:{number}: #include {kind}{name}"
                        if kind == '"':
                            if "/" in name:
                                problems.append(f"{where}: an internal header is named without a path")
                            elif stage is None and top not in ("tests", "tools"):
                                problems.append(f"{where}: only a stage has internal headers")
                            elif top == "tests" and not (
                                os.path.exists(os.path.join(dirpath, name))
                                or os.path.exists(os.path.join(root, "tests", name))
                                or any(os.path.exists(os.path.join(root, s, name)) for s in ("storage", "graph", "tools/tck", "query/cypher/execute"))
                                or name.endswith(".capnp.h")):
                                problems.append(f"{where}: not a header tests may reach")
                            elif top not in ("tests",) and not name.endswith(".capnp.h") and not os.path.exists(os.path.join(dirpath, name)):
                                problems.append(f"{where}: not a header of this folder")
                            continue
                        if not name.startswith("tiegraph/"):
                            continue
                        header = name[len("tiegraph/"):]
                        target = owner.get(header)
                        if target is None:
                            problems.append(f"{where}: no stage has this public header")
                        elif stage is not None and target not in STAGES[stage] + [stage]:
                            if not (rel.startswith("query/tiegraph/")):
                                problems.append(f"{where}: {stage} may not include {target} (a stage above it)")
    for p in problems:
        print("layering: " + p)
    print(f"layering: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
