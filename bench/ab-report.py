#!/usr/bin/env python3
"""Markdown tables from an A/B run's JSON lines (bench/run.sh with AB=N): per shape and concurrency, each mode's
median over rounds (throughput, p50, CPU ms of the service per request, of the peer, of the harness), and the ratios
taken within each round (the modes of a round ran back to back) then the median and range over rounds."""
import json, statistics, sys
from collections import defaultdict

rows = [json.loads(l) for f in sys.argv[1:] for l in open(f) if l.strip()]
ab = [r for r in rows if r.get("kind") == "ab"]
warm = [r for r in rows if r.get("kind") == "warmup"]
by = defaultdict(dict)  # (shape, c) -> {(mode, round): row}
for r in ab:
    by[(r["shape"], r["concurrency"])][(r["mode"], r["round"])] = r

def med(xs):
    return statistics.median(xs) if xs else float("nan")

def rng(xs):
    return f"{med(xs):.2f} ({min(xs):.2f}-{max(xs):.2f})" if xs else "-"

def cpu(r):  # server-side CPU per request: the service (and the peer's own process for peer requests)
    return r["serviceCpuMs"] + (r["peerCpuMs"] if r["mode"] == "peer" else 0)

size = ab[0]["size"] if ab else "?"
print(f"#### Size {size}: each mode, median over rounds\n")
print("| shape | c | mode | req/s | p50 ms | p95 ms | service CPU ms/req | peer CPU ms/req | harness CPU ms/req | errors | warm-up requests (p50 stable) | load |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for (shape, c), d in by.items():
    modes = sorted({m for m, _ in d}, key=["graphql", "bare", "raw", "peer"].index)
    for m in modes:
        rs = [v for (mm, _), v in d.items() if mm == m]
        w = [x for x in warm if x["shape"] == shape and x["concurrency"] == c and x["mode"] == m]
        ws = f'{w[0]["requests"]} ({"yes" if w[0]["stable"] else "no"})' if w else "-"
        loads = sorted(float(x["load"]) for x in rs if x["load"] != "?")
        print(f"| {shape} | {c} | {m} | {med([x['throughput'] for x in rs]):.0f} | {med([x['p50'] for x in rs]):.2f} | "
              f"{med([x['p95'] for x in rs]):.2f} | {med([x['serviceCpuMs'] for x in rs]):.2f} | {med([x['peerCpuMs'] for x in rs]):.2f} | "
              f"{med([x['harnessCpuMs'] for x in rs]):.2f} | {sum(x['errors'] for x in rs)} | {ws} | "
              f"{loads[0] if loads else '?'}-{loads[-1] if loads else '?'} |")
print()
print("#### Ratios within each round (median, range over rounds)\n")
print("throughput: the first named over the second, within a round; CPU share: the second's server-side CPU per request over the first's, i.e. the throughput ratio to expect where the server's CPU is the bottleneck (the load-robust figure).\n")
print("| shape | c | pair | throughput ratio | CPU share |")
print("|---|---|---|---|---|")
pairs = [("graphql", "raw"), ("graphql", "bare"), ("bare", "raw"), ("graphql", "peer")]
for (shape, c), d in by.items():
    rounds = sorted({rr for _, rr in d})
    for a, b in pairs:
        t, k = [], []
        for rr in rounds:
            if (a, rr) in d and (b, rr) in d:
                A, B = d[(a, rr)], d[(b, rr)]
                if B["throughput"] > 0:
                    t.append(A["throughput"] / B["throughput"])
                if cpu(A) > 0 and cpu(B) >= 0:
                    k.append(cpu(B) / cpu(A))
        if t:
            print(f"| {shape} | {c} | {a}/{b} | {rng(t)} | {rng(k)} |")
