#!/usr/bin/env bash
# A/B of the analytics' Graph Data Science path against the in-service path (issue 13 section 3), on one jar with GDS
# (`./mvnw -Pgds package`): the generated graph of SIZE is loaded once into a kept store, then the service is started
# on that store ROUNDS times per arm, alternately (auto off, off auto, ...), each start answering every analytics
# question cold REPS+1 times (bench/java/.../AnalyticsAb.java) while the service's CPU (user+sys) per question is read
# from /proc. Also records each start's CPU to readiness. Writes $work/gds-ab-$SIZE.jsonl and prints a summary.
# Usage: JAR=target/partner-atlas-<v>.jar [SIZE=M ROUNDS=2 REPS=3 PORT=18600 DATA=bench/work/gds-ab TX_TIMEOUT=10s]
#        nice -n 19 bench/gds-ab.sh
# Needs a JDK 25 (JAVA_HOME or /usr/lib/jvm). Listens on 127.0.0.1 only; stops every service it started.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
: "${JAR:?JAR=<a jar built with ./mvnw -Pgds package> (the same jar serves both arms)}"
. bench/build.sh
size=${SIZE:-M}; rounds=${ROUNDS:-2}; reps=${REPS:-3}; port=${PORT:-18600}
data=${DATA:-$work/gds-ab}; store="$data/store-$size"; out="$work/gds-ab-$size.jsonl"
mkdir -p "$data"
app_pid=""
stop() {
  if [ -n "$app_pid" ]; then kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi
}
trap stop EXIT
start() { # $1: atlas.analytics.gds
  local log="$data/app-$1.log" t0; t0=$(date +%s%N)
  ATLAS_DATA_DIR="$store" "$java" -Xms3g -Xmx3g -jar "$JAR" --server.port=$port --server.address=127.0.0.1 \
    --atlas.seed.load-on-start=false --atlas.transaction-timeout=${TX_TIMEOUT:-10s} \
    --atlas.embedded.transaction-memory=2GB --atlas.embedded.page-cache=1GB \
    --atlas.limits.rate.per-second=1000000 --atlas.limits.rate.capacity=1000000 \
    --atlas.analytics.gds=$1 >"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 3000); do
    curl -sf -m 2 -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql" >/dev/null && break
    kill -0 "$app_pid" 2>/dev/null || { echo "service died, see $log" >&2; exit 1; }
    sleep 0.2
  done
  # the web server answers before the schema check is done: wait until a data question is answered
  for _ in $(seq 1 600); do
    curl -s -m 5 -H 'Content-Type: application/json' -d '{"query":"{ search(text: \"a\") { node { id } } }"}' \
      "http://127.0.0.1:$port/graphql" | grep -q UNAVAILABLE || break
    sleep 0.5
  done
  local cpu wall; cpu=$(cut -d')' -f2 "/proc/$app_pid/stat" | awk '{print ($12 + $13) * 10}')
  wall=$(( ($(date +%s%N) - t0) / 1000000 ))
  printf '{"arm":"%s","start":true,"cpuMs":%s,"wallMs":%s,"load":"%s","gdsLog":"%s"}\n' "$1" "$cpu" "$wall" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$(grep -o 'Graph Data Science on the classpath[^"]*' "$log" | head -1)" >>"$out"
  echo "== $1: pid $app_pid, ready in $wall ms, start CPU $cpu ms, load $(cut -d' ' -f1-3 /proc/loadavg)"
}
if [ ! -d "$store" ]; then
  echo "== loading $size into $store"
  start off
  bolt=$(grep -o 'bolt://127.0.0.1:[0-9]*' "$data/app-off.log" | head -1)
  "$java" -Xmx6g -cp "$cp" org.partneratlas.bench.Bench "$size" "$bolt" "http://127.0.0.1:$port/graphql" \
    "$data/load-$size.jsonl" shapes=none import=false analytics=false seconds=1 warmup=0 globalWarmup=0
  stop
fi
: >"$out"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then arms="auto off"; else arms="off auto"; fi
  for arm in $arms; do
    start "$arm"
    grep -h 'Graph Data Science' "$data/app-$arm.log" | sed 's/^.*INFO[^:]*: /   log: /' | head -2 || true
    "$java" -cp "$cp" org.partneratlas.bench.AnalyticsAb "http://127.0.0.1:$port/graphql" "$app_pid" "$out" "$arm" \
      "$round" "$reps"
    grep -h 'Graph Data Science' "$data/app-$arm.log" | sed 's/^.*INFO[^:]*: /   log: /' | tail -n +3 | head -5 || true
    stop
  done
done
python3 bench/gds-ab-report.py "$out"
