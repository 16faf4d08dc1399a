#!/usr/bin/env bash
# Export and backup on a generated graph: loads the S, M or L graph (seed 42, as bench/run.sh) into the packaged
# service on an empty store, then, as an admin, exports the whole graph in each format (GET /export?scope=all), takes
# a backup (GET /admin/backup) and the checksum, timing each and sampling the service's heap every 0.5 s while it
# runs. The heap is capped (HEAP, default 512m) well below the size of the larger exports: an export that held the
# graph in memory would fail. Prints a Markdown table to append to bench/results/.
# Usage: bench/export.sh [S|M|L] (default M); env HEAP=512m PORT=18303 FORMATS="graphml gexf cyjs csv"
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-M}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
heap=${HEAP:-512m}
port=${PORT:-18303}
. bench/build.sh

data="$work/export-data-$size"; rm -rf "$data"; mkdir -p "$data"
log="$work/export-app-$size.log"
ATLAS_DATA_DIR="$data" "$java" -Xms$heap -Xmx$heap -jar "$jar" --spring.profiles.active=local --server.port=$port \
  --server.address=127.0.0.1 --atlas.seed.load-on-start=false --atlas.transaction-timeout=120s \
  --atlas.embedded.transaction-memory=1GB --atlas.embedded.page-cache=512MB >"$log" 2>&1 &
app=$!
trap 'kill -TERM $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 900); do
  curl -sf -m 2 -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql" >/dev/null && break
  sleep 0.2
done
bolt=$(grep -o 'bolt://127.0.0.1:[0-9]*' "$log" | head -1)
"$java" -Xmx6g -cp "$cp" org.partneratlas.bench.ExportBench "$size" "$bolt"
auth='Authorization: Bearer local-admin-secret'
metric() { # a Micrometer gauge, in bytes (the actuator is for admins only)
  curl -s -m 5 -H "$auth" "http://127.0.0.1:$port/actuator/metrics/$1" | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))'
}
measure() { # name, url path, output file
  local max=0 live=0 used
  curl -s -o "$3" -H "$auth" -w '%{http_code} %{time_total} %{size_download}\n' "http://127.0.0.1:$port$2" >"$work/curl.out" &
  local c=$!
  while kill -0 $c 2>/dev/null; do
    used=$(metric 'jvm.memory.used?tag=area:heap' 2>/dev/null || echo 0); [ "$used" -gt "$max" ] && max=$used
    used=$(metric jvm.gc.live.data.size 2>/dev/null || echo 0); [ "$used" -gt "$live" ] && live=$used
    sleep 0.5
  done
  wait $c
  read -r code secs bytes <"$work/curl.out"
  printf '| %s | %s | %s | %.1f s | %.1f MiB | %d MiB | %d MiB |\n' "$size" "$1" "$code" "$secs" "$(echo "$bytes/1048576" | bc -l)" \
    $((max / 1048576)) $((live / 1048576))
}
echo "| size | what | HTTP | time | file | peak heap used (cap $heap) | peak live data after a major GC |"
echo "|---|---|---|---|---|---|---|"
for f in ${FORMATS:-graphml gexf cyjs csv}; do
  measure "export all, $f" "/export?format=$f&scope=all" "$work/export-$size.$f"
done
measure "backup (gzip)" "/admin/backup" "$work/backup-$size.jsonl.gz"
measure "checksum" "/admin/checksum" "$work/checksum-$size.json"
cat "$work/checksum-$size.json"; echo
awk '/VmRSS|VmHWM/ {printf "%s %d MiB\n", $1, $2/1024}' /proc/$app/status
grep -c '<node ' "$work/export-$size.graphml" | sed 's/^/graphml nodes: /'
grep -c '<edge ' "$work/export-$size.graphml" | sed 's/^/graphml edges: /'
rm -f "$work"/export-$size.* "$work/backup-$size.jsonl.gz"
