#!/usr/bin/env python3
"""Where an import's time goes, from a JFR recording of the `import` command (bench/import.sh with
JAVA_OPTS=-XX:StartFlightRecording=filename=X.jfr,settings=profile): execution samples taken while the importer ran
(from the first to the last sample whose stack holds Importer.run), split into client work (the importer's threads:
reading, mapping, rules, comparing, audit events, the driver) and server work (Neo4j's Bolt workers: by what the
stack holds: the statements' operators, index seeks, commit, full-text index, Bolt decoding, Cypher planning).

Usage: bench/jfr-import.py FILE.jfr   (needs a JDK's `jfr`: JAVA_HOME or the temurin-25 default)"""
import collections, os, re, subprocess, sys

JFR = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")

# (category, substrings any of which the stack holds): first match wins, so specific before general.
CLIENT = [
    ("client: CSV/JSON reading (RecordSource)", ["ingest.RecordSource.read", "dataformat.csv"]),
    ("client: audit events (event(), changes JSON)", ["ingest.Importer.event"]),
    ("client: batch preparation (rows, audit batches, journal)", ["ingest.ImportBatches.prepare", "ingest.ImportBatches.auditBatches", "ingest.ImportBatches.tieRow", "ingest.RecordRules.row"]),
    ("client: comparing with the store (diff)", ["ingest.Importer$Plan.diff", "ingest.Importer$Plan.compare"]),
    ("client: lookups sent/received (fetch, fetchTies, names)", ["ingest.Importer.fetch", "ingest.Importer.fetchTies", "ingest.Importer.names", "ingest.Importer.noneStored"]),
    ("client: rules (drafts checked)", ["ingest.Draft.check", "ingest.NodeDraft.check", "ingest.TieDraft.check", "ingest.RecordRules"]),
    ("client: ends resolved (resolve)", ["ingest.Importer$Plan.resolve"]),
    ("client: mapping (templates, values, drafts)", ["ingest.MappedValues", "ingest.Importer$Plan.node", "ingest.Importer$Plan.tie", "ingest.NodeDraft", "ingest.TieDraft", "ingest.Draft"]),
    ("client: batch write calls (driver, writer thread)", ["ingest.ImportBatches.execute"]),
    ("client: other importer", ["org.partneratlas.ingest"]),
]
SERVER = [
    ("server: Cypher planning/compiling", ["cypher.internal.compiler", "cypher.internal.planner", "cypher.internal.frontend", "cypher.internal.ir", "cypher.internal.logical", "cypher.internal.rewriting", "CypherPlanner", "codegen"]),
    ("server: commit: full-text (Lucene) index updates", ["org.apache.lucene", "index.schema.fulltext", "FulltextIndex"]),
    ("server: commit: other index updates", ["IndexUpdater", "IndexingService.apply", "IndexUpdatesWork", "index.schema.RangeIndex", "GBPTree"]),
    ("server: commit: log append, record apply", ["DefaultCommitter", "TransactionCommitProcess", "TransactionAppender", "commit(", "RecordStorageEngine.apply", "CommandBatch", "TransactionRecordState", "prepareForCommit", "extractCommands", "KernelTransactionImplementation.commit"]),
    ("server: index seeks (unique locking seek, nodes by id)", ["lockingUniqueIndexSeek", "NodeIndexSeek", "IndexSeek", "nodeIndexSeek", "UniqueIndexSeek"]),
    ("server: relationship expand/into (MERGE and MATCH of ties)", ["Expand", "RelationshipTraversal", "relationshipCursor", "RelationshipSelection", "expandInto", "ExpandInto"]),
    ("server: property writes (SET n = row.props)", ["setProperties", "setProperty", "SetProperties", "nodeSetProperty", "relationshipSetProperty", "SetNodeProperties", "SetRelationshipProperties", "SetPropertiesFromMap"]),
    ("server: node/relationship creation", ["CreateNode", "CreateRelationship", "nodeCreate", "relationshipCreate", "Create"]),
    ("server: property reads (properties(n), comparisons)", ["PropertyCursor", "properties(", "propertyKeys", "Properties"]),
    ("server: Bolt decoding/encoding of rows", ["org.neo4j.packstream", "org.neo4j.bolt"]),
    ("server: other Cypher runtime", ["org.neo4j.cypher"]),
    ("server: other kernel", ["org.neo4j"]),
]

def samples(path):
    out = subprocess.run([JFR, "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    for block in out.split("jdk.ExecutionSample {")[1:]:
        t = re.search(r"startTime = (\S+)", block)
        m = re.search(r'sampledThread = "([^"]*)"', block)
        st = block.split("stackTrace = [", 1)
        frames = [] if len(st) < 2 else [l.strip() for l in st[1].split("]")[0].splitlines() if l.strip() and l.strip() != "..."]
        yield (t.group(1) if t else ""), (m.group(1) if m else ""), frames

def category(thread, frames):
    joined = "\n".join(frames)
    t = thread.lower()
    server = "bolt" in t and "driver" not in t or t.startswith("neo4j.") or "boltworker" in t
    if "driver" in t or ("nioeventloop" in t and not server):
        return "client: driver IO (netty event loop)"
    for name, marks in (SERVER if server else CLIENT):
        if any(mk in joined for mk in marks):
            return name
    return ("server: " if server else "client: ") + "other (" + (re.sub(r"[0-9]+", "#", thread) or "?") + ")"

for path in sys.argv[1:]:
    rows = list(samples(path))
    inside = [t for t, th, f in rows if any("ingest.Importer.run" in x for x in f)]
    if not inside:
        print(f"{path}: no sample holds Importer.run"); continue
    lo, hi = min(inside), max(inside)
    cats, threads = collections.Counter(), collections.Counter()
    n = 0
    for t, th, f in rows:
        if lo <= t <= hi:
            n += 1
            cats[category(th, f)] += 1
            threads[re.sub(r"[0-9]+", "#", th) or "(virtual)"] += 1
    print(f"#### {os.path.basename(path)}: {n} samples while the importer ran ({lo} to {hi}; {len(rows)} in all)\n")
    print("| where | samples | share |\n|---|---|---|")
    for side in ("client", "server"):
        s = sum(v for k, v in cats.items() if k.startswith(side))
        print(f"| **{side} side** | **{s}** | **{100 * s / max(1, n):.1f} %** |")
        for k, v in sorted(((k, v) for k, v in cats.items() if k.startswith(side)), key=lambda kv: -kv[1]):
            print(f"| {k[len(side) + 2:]} | {v} | {100 * v / max(1, n):.1f} % |")
    print("\nthreads: " + ", ".join(f"{k} {v}" for k, v in threads.most_common(8)) + "\n")
