#!/usr/bin/env bash
# Benchmarks on a generated graph: load rate (GraphWriter), GraphQL over HTTP against the same Cypher straight through
# the driver (lookup, search, profile, neighbourhood depth 2, k=3 paths <= 4 hops, coverage, centrality) at
# concurrency 1 and 16, @neo4j/graphql 7.6.3 + Apollo 5 on the same data, GraphWriter against LOAD CSV, and how
# paths and neighbourhoods grow from S to L. Writes bench/results/<date>.md and bench/results/<date>.png.
# Usage: bench/run.sh [S|M|L|all] (default S)
#   env: SECONDS_PER=8 WARMUP=2 (per shape, mode and concurrency), L_FULL=0 (L: paths and neighbourhood only),
#        SHAPES=lookup,search,... (a subset), PEER=1, IMPORT=1, APP_ARGS="--more.service=args" (e.g. an A/B),
#        PORT=18090 (the service; the peer takes the next port), ANALYTICS=1 TX_TIMEOUT=10s (analytics, cold and warm),
#        AB=3 ROUND_SECONDS=4 WARMUP_REQUESTS=2000 WARMUP_SECONDS=60 CONCURRENCY=1,16 MODES=graphql,raw,bare PEER_SHAPES=lookup,nested
#        (A/B mode, see below), JFR=1 JFR_SECONDS=20 JFR_MODES=graphql (a JFR recording per shape)
# Needs a JDK 25 (JAVA_HOME or /usr/lib/jvm), node + npm for the peer (skipped without), python3 + matplotlib for the chart.
# Everything listens on 127.0.0.1 only; each size starts the service on an empty store and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-S}
case $what in S|M|L) sizes=$what ;; all) sizes="S M L" ;; *) echo "usage: bench/run.sh [S|M|L|all]" >&2; exit 2 ;; esac
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
seconds=${SECONDS_PER:-8}
warmup=${WARMUP:-2}
port=${PORT:-18090}
peer_port=$((port + 1))
. bench/build.sh

have_peer=0
if command -v node >/dev/null && command -v npm >/dev/null; then
  [ -d bench/peer/node_modules ] || (cd bench/peer && npm install --no-audit --no-fund --loglevel=error)
  have_peer=1
fi

app_pid=""; peer_pid=""
stop() {
  if [ -n "$peer_pid" ]; then kill -TERM "$peer_pid" 2>/dev/null || true; wait "$peer_pid" 2>/dev/null || true; peer_pid=""; fi
  if [ -n "$app_pid" ]; then kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi
}
trap stop EXIT

date=$(date +%F)
for size in $sizes; do
  data="$work/data-$size"; rm -rf "$data"; mkdir -p "$data"
  log="$work/app-$size.log"
  # Bench settings (not the defaults): a bigger page cache and heap for L, and room for 50k-row write transactions.
  jfr_opts=(); [ "${JFR:-0}" = 1 ] && jfr_opts=(-XX:FlightRecorderOptions:stackdepth=512)
  ATLAS_DATA_DIR="$data" "$java" -Xms3g -Xmx3g "${jfr_opts[@]}" -jar "$jar" --server.port=$port --server.address=127.0.0.1 \
    --atlas.seed.load-on-start=false --atlas.transaction-timeout=${TX_TIMEOUT:-120s} \
    --atlas.embedded.transaction-memory=2GB --atlas.embedded.page-cache=1GB \
    --atlas.limits.rate.per-second=1000000 --atlas.limits.rate.capacity=1000000 --atlas.bench.bare-endpoints=true \
    ${APP_ARGS:-} >"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 900); do
    curl -sf -m 2 -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql" >/dev/null && break
    sleep 0.2
  done
  bolt=$(grep -o 'bolt://127.0.0.1:[0-9]*' "$log" | head -1)
  echo "== $size: service pid $app_pid, $bolt, load $(cut -d' ' -f1-3 /proc/loadavg)"
  opts=(seconds=$seconds warmup=$warmup import=${IMPORT:-1} csvDir="$PWD/$work/csv-$size")
  [ -n "${SHAPES:-}" ] && opts+=(shapes=$SHAPES)
  if [ "$size" = L ] && [ "${L_FULL:-0}" != 1 ]; then opts=(seconds=$seconds warmup=$warmup shapes=paths,neighbourhood import=false); fi
  # ANALYTICS=1: centrality, brokers and communities once cold and five times warm (use with TX_TIMEOUT=10s, the default)
  opts+=(analytics=${ANALYTICS:-0})
  # AB=3: the A/B mode (bench/results/2026-11-30-thin.md): graphql, raw and bare interleaved in 3 rounds of
  # ROUND_SECONDS each, warm-up counted in requests, CPU per request of the service, the peer and the harness.
  opts+=(servicePid=$app_pid bare="http://127.0.0.1:$port")
  [ -n "${AB:-}" ] && opts+=(ab=$AB roundSeconds=${ROUND_SECONDS:-4} warmupRequests=${WARMUP_REQUESTS:-2000} warmupSeconds=${WARMUP_SECONDS:-60})
  [ -n "${CONCURRENCY:-}" ] && opts+=(concurrency=$CONCURRENCY)
  [ -n "${MODES:-}" ] && opts+=(modes=$MODES)
  [ -n "${PEER_SHAPES+x}" ] && opts+=(peerShapes=$PEER_SHAPES)
  # JFR=1: afterwards one JFR recording of the service per shape under GraphQL at c=16 (JFR_SECONDS, JFR_MODES,
  # JFR_CONCURRENCY)
  [ "${JFR:-0}" = 1 ] && opts+=(jfr="$PWD/$work/jfr-$size" jfrSeconds=${JFR_SECONDS:-20} jfrModes=${JFR_MODES:-graphql} jfrConcurrency=${JFR_CONCURRENCY:-16})
  if [ $have_peer = 1 ] && [ "${PEER:-1}" = 1 ] && [ "$size" != L ]; then
    (cd bench/peer && BOLT=$bolt PORT=$peer_port exec node server.mjs) >"$work/peer-$size.log" 2>&1 &
    peer_pid=$!
    for _ in $(seq 1 150); do grep -q 'peer ready' "$work/peer-$size.log" && break; sleep 0.2; done
    opts+=(peer="http://127.0.0.1:$peer_port/" peerPid=$peer_pid)
  fi
  "$java" -Xmx6g -cp "$cp" org.partneratlas.bench.Bench "$size" "$bolt" "http://127.0.0.1:$port/graphql" \
    "$work/results-$size.jsonl" "${opts[@]}"
  awk '/VmRSS|VmHWM/ {printf "%s %d MiB\n", $1, $2/1024}' /proc/$app_pid/status | tee "$work/rss-$size.txt"
  stop
  rm -rf "$data" "$work/csv-$size"
done

if [ -n "${AB:-}" ]; then
  for s in $sizes; do python3 bench/ab-report.py "$work/results-$s.jsonl" | tee "$work/ab-report-$s.md"; done
  exit 0
fi
cmd="bench/run.sh $what"
for v in SECONDS_PER WARMUP L_FULL SHAPES PEER IMPORT APP_ARGS ANALYTICS TX_TIMEOUT; do [ -n "${!v:-}" ] && cmd="$v=\"${!v}\" $cmd"; done
py=python3; /usr/bin/python3 -c 'import matplotlib' 2>/dev/null && py=/usr/bin/python3
$py bench/report.py "$date" "$cmd" $(for s in S M L; do [ -f "$work/results-$s.jsonl" ] && echo "$work/results-$s.jsonl"; done)
echo "wrote bench/results/$date.md"
