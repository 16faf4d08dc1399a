#!/usr/bin/env python3
"""Turns bench/work/results-<size>.jsonl into a section of bench/results/<date>.md and a chart.

Usage: bench/report.py <date> <command> results-S.jsonl [results-M.jsonl ...]
Each run appends a section (so repeated runs on one day sit side by side and give ranges); the chart
bench/results/<date>.png (latency of paths and neighbourhood depth 2 against graph size) is redrawn from the files
given.
"""
import json
import os
import platform
import subprocess
import sys
import time

date, command, files = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = [json.loads(line) for f in files for line in open(f) if line.strip()]
out_md = f"bench/results/{date}.md"
out_png = f"bench/results/{date}.png"


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return "?"


def f(x, digits=1):
    return f"{x:.{digits}f}"


lat = [r for r in rows if r["kind"] == "latency"]
loads = [r for r in rows if r["kind"] == "load"]
sizes = [s for s in "SML" if any(r["size"] == s for r in rows)]
key = lambda r: (r["size"], r["shape"], r["mode"], r["concurrency"])
by = {key(r): r for r in lat}

lines = []
lines.append(f"## Run at {time.strftime('%H:%M')}: `{command}`")
lines.append("")
java = sh("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -version 2>&1 | head -1")
mem = sh("free -g | awk '/Mem:/ {print $2}'")
loadavg = sh("cut -d' ' -f1-3 /proc/loadavg")
lines.append(f"Machine: {os.cpu_count()} cores, {mem} GiB memory, {platform.system()} {platform.release()}, {java}; "
             f"load average when the report was written: {loadavg} "
             f"(the `load` column is the 1-minute load when each measurement ended). Service: the packaged jar on its "
             f"embedded Neo4j 2026.08.1, `-Xmx3g`, page cache 1 GB, transaction memory 2 GB (bench settings), "
             f"curated seed not loaded; harness and peer on the same 2 cores.")
lines.append("")

lines.append("### Load")
lines.append("")
lines.append("| size | method | nodes | relationships | nodes s | rels s | nodes/s | relationships/s | load |")
lines.append("|---|---|---|---|---|---|---|---|---|")
for r in loads:
    lines.append(f"| {r['size']} | {r['method']} | {r['nodes']} | {r['relationships']} | {f(r['nodeSeconds'])} | "
                 f"{f(r['relSeconds'])} | {r['nodesPerSecond']:.0f} | {r['relsPerSecond']:.0f} | {r.get('load', '')} |")
lines.append("")

shapes = ["lookup", "search", "profile", "neighbourhood", "paths", "coverage", "centrality"]
for size in sizes:
    present = [s for s in shapes if (size, s, "graphql", 1) in by]
    if not present:
        continue
    lines.append(f"### GraphQL over HTTP against the same Cypher through the driver, size {size}")
    lines.append("")
    lines.append("Latency in ms (p50 / p95 / p99), throughput in requests/s; ratio = GraphQL throughput / raw throughput; "
                 "Δp50 = GraphQL p50 - raw p50.")
    lines.append("")
    lines.append("| shape | conc. | GraphQL p50 / p95 / p99 | GraphQL req/s | raw p50 / p95 / p99 | raw req/s | ratio | Δp50 ms | errors | load |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|")
    for s in present:
        for c in (1, 16):
            g, w = by.get((size, s, "graphql", c)), by.get((size, s, "raw", c))
            if not g or not w:
                continue
            ratio = g["throughput"] / w["throughput"] if w["throughput"] else 0
            lines.append(f"| {s} | {c} | {f(g['p50'])} / {f(g['p95'])} / {f(g['p99'])} | {f(g['throughput'])} | "
                         f"{f(w['p50'])} / {f(w['p95'])} / {f(w['p99'])} | {f(w['throughput'])} | {ratio:.0%} | "
                         f"{g['p50'] - w['p50']:+.1f} | {g['errors'] + w['errors']} | {g['load']}-{w['load']} |")
    lines.append("")
    peer = [s for s in ("peer:lookup", "peer:listing", "peer:nested") if (size, s, "peer", 1) in by]
    if peer:
        lines.append(f"### Partner Atlas against @neo4j/graphql 7.6.3 + Apollo Server 5, size {size}")
        lines.append("")
        lines.append("| shape | conc. | ours p50 / p95 ms | ours req/s | peer p50 / p95 ms | peer req/s | ours / peer throughput | errors | load |")
        lines.append("|---|---|---|---|---|---|---|---|---|")
        for s in peer:
            for c in (1, 16):
                g, p = by.get((size, s, "graphql", c)), by.get((size, s, "peer", c))
                if not g or not p:
                    continue
                lines.append(f"| {s[5:]} | {c} | {f(g['p50'])} / {f(g['p95'])} | {f(g['throughput'])} | "
                             f"{f(p['p50'])} / {f(p['p95'])} | {f(p['throughput'])} | "
                             f"{g['throughput'] / p['throughput']:.2f}x | {g['errors'] + p['errors']} | {g['load']}-{p['load']} |")
        lines.append("")
    errs = [r for r in lat if r["size"] == size and r.get("firstError")]
    for r in errs:
        lines.append(f"- error ({r['shape']}, {r['mode']}, c={r['concurrency']}): `{r['firstError'][:200]}`")
    if errs:
        lines.append("")

lines.append("### How cost grows (concurrency 1)")
lines.append("")
lines.append("| shape | mode | " + " | ".join(f"{s} p50 / p95 ms" for s in sizes) + " |")
lines.append("|---|---|" + "---|" * len(sizes))
for s in ("paths", "neighbourhood"):
    for m in ("graphql", "raw"):
        cells = []
        for size in sizes:
            r = by.get((size, s, m, 1))
            cells.append(f"{f(r['p50'])} / {f(r['p95'])}" if r else "-")
        lines.append(f"| {s} | {m} | " + " | ".join(cells) + " |")
lines.append("")

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    rels = {r["size"]: r["relationships"] for r in loads}
    fig, ax = plt.subplots(figsize=(8, 5))
    for s, colour in (("paths", "tab:blue"), ("neighbourhood", "tab:orange")):
        for m, style in (("graphql", "-"), ("raw", "--")):
            for pct, marker in (("p50", "o"), ("p95", "^")):
                xs, ys = [], []
                for size in sizes:
                    r = by.get((size, s, m, 1))
                    if r and size in rels:
                        xs.append(rels[size]); ys.append(r[pct])
                if xs:
                    ax.plot(xs, ys, style, marker=marker, color=colour, label=f"{s} {m} {pct}")
    ax.axhline(50, color="tab:blue", lw=0.8, ls=":", label="target: paths p95 50 ms at L")
    ax.axhline(30, color="tab:orange", lw=0.8, ls=":", label="target: neighbourhood p95 30 ms at L")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("relationships in the graph (S, M, L)")
    ax.set_ylabel("latency at concurrency 1 (ms, log scale)")
    ax.set_title(f"Partner Atlas: latency against graph size ({date}, 2 shared cores)")
    ax.legend(fontsize=7, ncol=2)
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(out_png, dpi=110)
    lines.append(f"![latency against graph size]({os.path.basename(out_png)})")
    lines.append("")
except ImportError:
    lines.append("(no chart: matplotlib is missing; `apt-get install python3-matplotlib`)")
    lines.append("")

new = not os.path.exists(out_md)
with open(out_md, "a") as md:
    if new:
        md.write(f"# Benchmarks, {date}\n\nReproduce: `{command}` (see `bench/run.sh` for what it does). Each run "
                 f"appends a section below.\n\n")
    md.write("\n".join(lines) + "\n")
print("\n".join(lines))
