#!/usr/bin/env python3
"""Summary of bench/gds-ab.sh: per question and arm, the service CPU (ms) of the first cold answer in a process
(rep 0) and the median of the later cold answers (reps 1..n), over all rounds; errors; the CPU to readiness; and whether
the arms' answers agree (same question, round and repetition)."""
import json
import statistics
import sys
from collections import defaultdict

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
starts = defaultdict(list)
cells = defaultdict(lambda: defaultdict(list))
answers = {}
for r in rows:
    if r.get("start"):
        starts[r["arm"]].append(r)
        continue
    key = "first" if r["rep"] == 0 else "later"
    cells[r["question"]][(r["arm"], key)].append(r)
    answers[(r["question"], r["round"], r["rep"], r["arm"])] = r


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def scores(body):
    data = json.loads(body).get("data") or {}
    if "centrality" in data and data["centrality"] is not None:
        return {s["node"]["id"]: s["score"] for s in data["centrality"]}
    if "brokers" in data and data["brokers"] is not None:
        return {s["node"]["id"]: s["score"] for s in data["brokers"]}
    if "communities" in data and data["communities"] is not None:
        c = data["communities"]
        return {"modularity": c["modularity"], "communities": len(c["communities"]),
                "members": sum(x["size"] for x in c["communities"])}
    return None


def agree(q, a, b):
    if a is None or b is None:
        return a == b
    if q == "communities":
        return abs(a["modularity"] - b["modularity"]) <= 0.05 and a["members"] == b["members"]
    tol = 1e-6 if q == "PAGERANK" else 1e-9
    common = set(a) & set(b)
    if len(a) != len(b):
        return False
    # the top cut may differ between scores equal within the tolerance
    lo = min(min(a.values()), min(b.values())) if a else 0
    return all(abs(a[k] - b[k]) <= tol * max(1, abs(b[k])) for k in common) and \
        all(abs(v - lo) <= tol for k, v in list(a.items()) + list(b.items()) if k not in common)


print("| arm | starts | CPU to ready, ms (median) | wall to ready, ms (median) | load |")
print("|---|---|---|---|---|")
for arm, s in starts.items():
    print(f"| {arm} | {len(s)} | {med([x['cpuMs'] for x in s]):.0f} | {med([x['wallMs'] for x in s]):.0f} | "
          f"{', '.join(x['load'] for x in s)} |")
print()
print("| question | GDS first (CPU ms) | service first | GDS later, median (n) | service later, median (n) | "
      "later ratio GDS/service | errors GDS / service | wall later ms GDS / service | load |")
print("|---|---|---|---|---|---|---|---|---|")
for q, c in cells.items():
    def cpu(arm, key):
        return [x["cpuMs"] for x in c[(arm, key)]]
    def errs(arm):
        return sum(1 for k in ("first", "later") for x in c[(arm, k)] if x["error"])
    ga, sa = med(cpu("auto", "later")), med(cpu("off", "later"))
    loads = sorted(float(x["load"]) for k in c for x in c[k])
    print(f"| {q} | {med(cpu('auto', 'first')):.0f} | {med(cpu('off', 'first')):.0f} | {ga:.0f} "
          f"({len(cpu('auto', 'later'))}) | {sa:.0f} ({len(cpu('off', 'later'))}) | {ga / sa if sa else float('nan'):.2f} | "
          f"{errs('auto')} / {errs('off')} | {med([float(x['wallMs']) for x in c[('auto', 'later')]]):.0f} / "
          f"{med([float(x['wallMs']) for x in c[('off', 'later')]]):.0f} | {loads[0]:.1f}-{loads[-1]:.1f} |")
print()
disagree = []
compared = 0
for (q, rnd, rep, arm), r in answers.items():
    if arm != "auto":
        continue
    other = answers.get((q, rnd, rep, "off"))
    if other is None or r["error"] or other["error"]:
        continue
    compared += 1
    if not agree(q, scores(r["answer"]), scores(other["answer"])):
        disagree.append((q, rnd, rep))
print(f"answers compared (both arms answered): {compared}; disagreeing: {len(disagree)} {disagree[:10]}")
errors = [(r["arm"], r["question"], r["rep"], r["answer"][:200]) for r in rows if not r.get("start") and r["error"]]
for e in errors[:12]:
    print("error:", e)
