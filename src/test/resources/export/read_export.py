"""Reads a Partner Atlas export the way its consumers do, and prints what it holds as JSON.

Usage: python3 read_export.py graphml|gexf|cyjs|csv FILE

GraphML and GEXF are read with NetworkX (read_graphml, read_gexf); Cytoscape.js JSON with json and CSV (a zip of
nodes, edges and sources files) with csv, as a pandas-free script would. The summary: every node with its type,
name, marking and dates; every edge as [source, target, relationship, marking, start]; the graph's own marking where
the format carries it where the reader can see it. Exits 3 when NetworkX is missing.
"""
import csv
import io
import json
import sys
import zipfile

fmt, path = sys.argv[1], sys.argv[2]


def node_entry(data):
    entry = {k: data.get(k) for k in ("type", "name", "tlp", "start", "end", "sources", "spells")}
    if isinstance(entry["sources"], list):  # Cytoscape.js JSON keeps lists as lists; the others write JSON text
        entry["sources"] = json.dumps(entry["sources"], separators=(",", ":"), ensure_ascii=False)
    return entry


def edge_entry(source, target, data):
    return [source, target, data.get("relationship"), data.get("tlp"), data.get("start")]


out = {"nodes": {}, "edges": [], "graph": {}}
if fmt in ("graphml", "gexf"):
    try:
        import networkx as nx
    except ImportError:
        print("NetworkX is not installed", file=sys.stderr)
        sys.exit(3)
    out["networkx"] = nx.__version__
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    out["graph"] = {k: v for k, v in g.graph.items() if isinstance(v, str)}
    out["directed"] = g.is_directed()
    for n, data in g.nodes(data=True):
        entry = node_entry(data)
        if entry.get("spells") is not None:
            entry["spells"] = [list(s) for s in entry["spells"]]
        out["nodes"][n] = entry
    for u, v, data in g.edges(data=True):
        out["edges"].append(edge_entry(u, v, data))
    out["counts"] = [g.number_of_nodes(), g.number_of_edges()]
elif fmt == "cyjs":
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    out["graph"] = {"tlp": doc["data"]["tlp"], "sources": len(doc["data"]["sources"])}
    for n in doc["elements"]["nodes"]:
        out["nodes"][n["data"]["id"]] = node_entry(n["data"])
    for e in doc["elements"]["edges"]:
        d = e["data"]
        out["edges"].append(edge_entry(d["source"], d["target"], d))
    out["counts"] = [len(doc["elements"]["nodes"]), len(doc["elements"]["edges"])]
elif fmt == "csv":
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        out["files"] = names

        def rows(suffix):
            name = next(n for n in names if n.endswith(suffix))
            return list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8", newline="")))

        for r in rows("-nodes.csv"):
            out["nodes"][r["Id"]] = node_entry({k: (v if v != "" else None) for k, v in r.items()})
        for r in rows("-edges.csv"):
            d = {k: (v if v != "" else None) for k, v in r.items()}
            out["edges"].append(edge_entry(r["Source"], r["Target"], d))
        out["graph"] = {"readme": z.read(next(n for n in names if n.endswith("README.txt"))).decode("utf-8"),
                        "sources": len(rows("-sources.csv"))}
    out["counts"] = [len(out["nodes"]), len(out["edges"])]
else:
    sys.exit("unknown format " + fmt)
json.dump(out, sys.stdout)
