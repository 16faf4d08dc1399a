#!/usr/bin/env bash
# Bounded answers at L (issue 13, section 2): the service on a KEPT store (generating and loading L takes minutes),
# then Bench on it. The first run on an empty DATA loads the generated graph; later runs reuse it (load=false).
# Usage: DATA=/path/to/store PORT=18295 bench/bounded.sh SIZE OUT.jsonl [Bench key=value...]
#   e.g. bench/bounded.sh L bench/work/bounded-L.jsonl shapes=neighbourhood,paths seconds=20 warmup=3
#        bench/bounded.sh L bench/work/worst-L.jsonl worst=3     (each heavy shape 3 times, one at a time: p50 and max)
#   JAR=path/to/other.jar runs another build (an A/B: the GraphQL modes only, modes=graphql, as raw reads this
#   tree's Cypher files; old=true asks the worst shapes without the fields added on 2026-11-30)
# Needs a JDK 25. The service keeps the bench settings of bench/run.sh (-Xmx3g, page cache 1 GB, the per-caller rate
# limit lifted: at c=16 one caller would otherwise be answered 429; the filter still runs).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:?size}; out=${2:?out.jsonl}; shift 2
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
. bench/build.sh
data=${DATA:-$work/kept-$size}
port=${PORT:-18295}
mkdir -p "$data"
load=true; [ -f "$data/.loaded-$size" ] && load=false
log="$work/bounded-app-$size.log"
ATLAS_DATA_DIR="$data" "$java" -Xms3g -Xmx3g -jar "$jar" --server.port=$port --server.address=127.0.0.1 \
  --atlas.seed.load-on-start=false --atlas.transaction-timeout=120s \
  --atlas.embedded.transaction-memory=2GB --atlas.embedded.page-cache=1GB \
  --atlas.limits.rate.per-second=1000000 --atlas.limits.rate.capacity=1000000 ${APP_ARGS:-} >"$log" 2>&1 &
app_pid=$!
trap 'kill -TERM $app_pid 2>/dev/null || true; wait $app_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  curl -sf -m 2 -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql" >/dev/null && break
  sleep 0.2
done
bolt=$(grep -o 'bolt://127.0.0.1:[0-9]*' "$log" | head -1)
echo "== $size on $data (load=$load): service pid $app_pid, $bolt, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" -Xmx6g -cp "$cp" org.partneratlas.bench.Bench "$size" "$bolt" "http://127.0.0.1:$port/graphql" "$out" \
  load=$load import=false "$@"
[ $load = true ] && touch "$data/.loaded-$size"
echo "== done, load $(cut -d' ' -f1-3 /proc/loadavg)"
