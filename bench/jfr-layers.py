#!/usr/bin/env python3
"""Per-layer CPU breakdown of a JFR recording of the service (bench/run.sh JFR=1), from jdk.ExecutionSample.

Usage: bench/jfr-layers.py FILE.jfr [more.jfr...]   (needs a JDK's `jfr` on PATH or JAVA_HOME)

Each sample is put in one layer: samples on Neo4j's own threads (Bolt workers, the database) are "Neo4j (database and
Bolt server)", on the driver's IO threads "driver IO (Bolt client)"; on any other thread the first frame from the leaf
that is not in a generic package (java., jdk., sun.) names the layer (so a HashMap.get called by graphql-java counts
as GraphQL). Also: the share of samples whose stack holds a marker frame (inclusive), and the hottest leaf frames."""
import collections, os, re, subprocess, sys

JFR = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
GENERIC = ("java.", "jdk.", "sun.", "javax.", "jakarta.")
LAYERS = [  # (prefix, layer), first match wins
    ("org.neo4j.driver", "driver (Bolt client, request side)"),
    ("io.netty", "netty"),
    ("graphql.parser", "GraphQL parse"), ("graphql.language", "GraphQL parse"),
    ("graphql.validation", "GraphQL validate"),
    ("graphql.analysis", "GraphQL analysis (depth, cost)"),
    ("graphql.", "GraphQL execute"),
    ("org.springframework.graphql", "Spring for GraphQL"),
    ("org.springframework.security", "security filter chain"),
    ("tools.jackson", "JSON (Jackson)"), ("com.fasterxml.jackson", "JSON (Jackson)"),
    ("org.apache.catalina", "Tomcat/HTTP"), ("org.apache.coyote", "Tomcat/HTTP"), ("org.apache.tomcat", "Tomcat/HTTP"),
    ("io.micrometer", "metrics and observation (Micrometer)"),
    ("reactor.", "Reactor"),
    ("io.github.bucket4j", "our filters (rate limit)"),
    ("org.partneratlas.access", "our access layer (filters, limits, argument checks)"),
    ("org.partneratlas.operations", "our request metrics and ids"),
    ("org.partneratlas.graph.GraphQl", "our GraphQL transport"),
    ("org.partneratlas", "our resolvers and mapping"),
    ("org.springframework.web", "Spring MVC"), ("org.springframework.http", "Spring MVC"),
    ("org.springframework", "Spring (other)"),
]
MARKERS = ["org.apache.catalina.connector.CoyoteAdapter.service", "org.springframework.security.web.FilterChainProxy.doFilter",
           "org.partneratlas.access.RequestBodyShape.doFilterInternal", "org.partneratlas.access.FairShare",
           "org.springframework.graphql.server.webmvc.GraphQlHttpHandler.handleRequest", "graphql.GraphQL.execute",
           "graphql.parser.Parser.parse", "graphql.validation.Validator.validateDocument",
           "graphql.analysis.MaxQueryDepthInstrumentation", "graphql.analysis.QueryComplexityCalculator",
           "org.partneratlas.access.ArgumentChecks", "org.partneratlas.operations.RequestObservations",
           "org.springframework.graphql.observation", "io.micrometer.observation", "org.neo4j.driver",
           "org.springframework.http.converter", "tools.jackson", "org.partneratlas.graph.GraphReads",
           "org.springframework.web.filter.ServerHttpObservationFilter", "org.partneratlas.access.CallerInterceptor",
           "org.springframework.graphql.execution.ContextDataFetcherDecorator"]

GROUPS = {  # the layers
    "Neo4j database + Bolt server": ["Neo4j (database and Bolt server)", "other: org.neo4j"],
    "Tomcat/HTTP + Spring MVC": ["Tomcat/HTTP", "Spring MVC", "Spring (other)"],
    "JSON writing (Jackson)": ["JSON (Jackson)"],
    "security filter chain": ["security filter chain"],
    "our filters, limits, request metrics": ["our access layer (filters, limits, argument checks)", "our filters (rate limit)",
                                             "our request metrics and ids", "our GraphQL transport"],
    "GraphQL parse, validate, depth/cost analysis": ["GraphQL parse", "GraphQL validate", "GraphQL analysis (depth, cost)"],
    "GraphQL execute (graphql-java, Spring for GraphQL, DataLoader, Reactor)": ["GraphQL execute", "Spring for GraphQL",
                                                                               "other: org.dataloader", "Reactor"],
    "Micrometer observations + OpenTelemetry": ["metrics and observation (Micrometer)", "other: io.opentelemetry"],
    "driver (Bolt client) + netty": ["driver (Bolt client, request side)", "netty", "driver IO (Bolt client)"],
    "our data fetchers and mapping": ["our resolvers and mapping"],
    "logging": ["other: ch.qos", "other: org.slf4j"],
}

def samples(path):
    out = subprocess.run([JFR, "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    for block in out.split("jdk.ExecutionSample {")[1:]:
        m = re.search(r'sampledThread = "([^"]*)"', block)
        thread = m.group(1) if m else ""
        st = block.split("stackTrace = [", 1)
        frames = [] if len(st) < 2 else [l.strip() for l in st[1].split("]")[0].splitlines() if l.strip() and l.strip() != "..."]
        yield thread, [re.sub(r"\(.*", "", f) for f in frames]

def layer(thread, frames):
    t = thread.lower()
    if "driverio" in t or "neo4jdriverio" in t:
        return "driver IO (Bolt client)"
    if t.startswith("neo4j") or "bolt" in t or "neo4j." in t:
        return "Neo4j (database and Bolt server)"
    if any(f.startswith("org.neo4j.") and not f.startswith("org.neo4j.driver") for f in frames[:3]):
        return "Neo4j (database and Bolt server)"
    for f in frames:
        if f.startswith(GENERIC):
            continue
        for prefix, name in LAYERS:
            if f.startswith(prefix):
                return name
        return "other: " + ".".join(f.split(".")[:2])
    return "JDK only: " + (frames[0].rsplit(".", 1)[0] if frames else "?")

for path in sys.argv[1:]:
    layers, markers, leaves, threads = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    n = 0
    for thread, frames in samples(path):
        n += 1
        lay = layer(thread, frames)
        layers[lay] += 1
        threads[re.sub(r"[0-9]+", "#", thread) or "(virtual)"] += 1
        if frames:
            leaves[frames[0]] += 1
        joined = "\n".join(frames)
        for mk in MARKERS:
            if mk in joined:
                markers[mk] += 1
    print(f"#### {os.path.basename(path)}: {n} samples\n")
    print("| layer group | share |\n|---|---|")
    used = 0
    for group, names in GROUPS.items():
        x = sum(layers[k] for k in names)
        used += x
        print(f"| {group} | {100 * x / max(1, n):.1f} % |")
    print(f"| rest (JDK-only leaves, other libraries) | {100 * (n - used) / max(1, n):.1f} % |\n")
    print("| layer (self) | samples | share |\n|---|---|---|")
    for k, v in layers.most_common():
        print(f"| {k} | {v} | {100 * v / max(1, n):.1f} % |")
    print("\n| stack holds (inclusive) | share |\n|---|---|")
    for k in MARKERS:
        print(f"| `{k}` | {100 * markers[k] / max(1, n):.1f} % |")
    print("\n| hottest leaf frames | share |\n|---|---|")
    for k, v in leaves.most_common(15):
        print(f"| `{k}` | {100 * v / max(1, n):.1f} % |")
    print("\nthreads: " + ", ".join(f"{k} {100 * v / max(1, n):.0f} %" for k, v in threads.most_common(8)) + "\n")
