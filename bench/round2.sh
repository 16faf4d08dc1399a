#!/usr/bin/env bash
# Issue 13's "one run" (and issue 11's rates): every performance target measured in one bounded sequence on the same
# build, one step after another so that no step shares the cores with another. Each step's console goes to
# bench/work/round2-<step>.txt (with the load average before and after); the scripts it calls write their own results.
# Usage: KEPT_L=/path/to/kept-L-store [JAR=...] [PORT=18500] bench/round2.sh [step ...]
#   steps (default all, in this order):
#     startup    launch to first complete answer, plain jar and ./atlas, empty and existing store (bench/startup.sh 3)
#     thin       GraphQL vs raw driver vs bare HTTP vs @neo4j/graphql, interleaved A/B rounds, S (bench/run.sh S, AB=3)
#     thinM      the same at M (long: the M load first)
#     bounded    neighbourhood depth 2 and paths k=3 at L, p50/p95 (bench/bounded.sh on the kept L store)
#     worst      every query field's worst arguments at L, service CPU per request, 3 reps (bench/budgets/Worst.java)
#     analytics  centrality, brokers, communities at M, cold and warm (bench/run.sh M, ANALYTICS=1)
#     importL    mapped import of L into an empty store (bench/import.sh L, step 1)
#     importM    --always-merge into a non-empty store against LOAD CSV, M (bench/import.sh M, steps 2 and 3)
# KEPT_L is a store bench/bounded.sh loaded once (generating and loading L takes minutes); without it `bounded` loads
# one into bench/work/kept-L. Needs a JDK 25; everything listens on 127.0.0.1 and every step has a time limit.
set -uo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
java="$JAVA_HOME/bin/java"
port=${PORT:-18500}
kept=${KEPT_L:-$PWD/bench/work/kept-L}
steps=("$@"); [ ${#steps[@]} = 0 ] && steps=(startup thin bounded worst analytics importL importM)
mkdir -p bench/work
load() { cut -d' ' -f1-3 /proc/loadavg; }
# With the scheduler's autogroups on, `nice` only ranks processes within one session: a nice'd build started from
# another terminal still takes half the cores from the benchmark (2026-12-01). Say so before measuring.
if [ "$(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null)" = 1 ]; then
  echo "round2: sched_autogroup is on: other sessions' nice'd work competes as equals; for a quiet run, as root:" \
    "echo 0 > /proc/sys/kernel/sched_autogroup_enabled" >&2
fi

worst() {
  set -e
  . bench/build.sh
  local log=bench/work/round2-worst-app.log
  ATLAS_DATA_DIR="$kept" "$java" -Xms3g -Xmx3g -XX:+UseZGC -jar "$jar" --server.port=$port --server.address=127.0.0.1 \
    --spring.profiles.active=local --atlas.seed.load-on-start=false \
    --atlas.embedded.transaction-memory=2GB --atlas.embedded.page-cache=1GB >"$log" 2>&1 &
  local pid=$!
  trap "kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null" EXIT
  for _ in $(seq 1 900); do
    curl -sf -m 2 -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql" \
      >/dev/null && break
    sleep 0.2
  done
  "$java" bench/budgets/Worst.java "http://127.0.0.1:$port/graphql" "$pid" reps=3
}

[ "${1:-}" = _worst ] && { worst; exit; }

run() {
  local step=$1
  case $step in
    startup) PORT=$port timeout 1200 bench/startup.sh 3 ;;
    thin) PORT=$port AB=3 ROUND_SECONDS=5 WARMUP_REQUESTS=3000 WARMUP_SECONDS=90 \
            SHAPES=lookup,search,profile,neighbourhood timeout 2400 bench/run.sh S ;;
    thinM) PORT=$port AB=3 ROUND_SECONDS=5 WARMUP_REQUESTS=3000 WARMUP_SECONDS=90 \
            SHAPES=lookup,search,profile,neighbourhood timeout 3000 bench/run.sh M ;;
    bounded) DATA=$kept PORT=$port timeout 1800 bench/bounded.sh L bench/work/round2-bounded-L.jsonl \
               shapes=neighbourhood,paths seconds=20 warmup=3 ;;
    worst) KEPT_L=$kept PORT=$port timeout 1800 "$0" _worst ;;
    analytics) PORT=$port ANALYTICS=1 TX_TIMEOUT=10s SHAPES=none IMPORT=0 PEER=0 timeout 1800 bench/run.sh M ;;
    importL) PORT=$port HEAP=1g TIMEOUT=900 STEPS=1 timeout 1000 bench/import.sh L ;;
    importM) PORT=$port HEAP=1g TIMEOUT=900 STEPS="2 3" timeout 2000 bench/import.sh M ;;
    *) echo "unknown step '$step' (startup thin thinM bounded worst analytics importL importM)" >&2; return 2 ;;
  esac
}

for step in "${steps[@]}"; do
  out=bench/work/round2-$step.txt
  { echo "== $step: $(date -u +%FT%TZ), git $(git rev-parse --short HEAD 2>/dev/null), load $(load)"
    run "$step"; rc=$?
    pkill -f -- "--server.port=$port" 2>/dev/null && echo "(stopped a service the step left on port $port)"
    echo "== $step: exit $rc, $(date -u +%FT%TZ), load $(load)"; } 2>&1 | tee "$out"
done
