#!/usr/bin/env bash
# Bulk import: the generated graph of a size (seed 42, as bench/run.sh) as CSV files and a mapping (ImportFiles), then
#  1. `import` into an EMPTY store (the create-only path), heap fixed (HEAP, default 1g): time, rate, peak RSS, and
#     the heap's peak after collections from the GC log;
#  2. `import --always-merge` into a NON-EMPTY store (the curated seed loaded first; the MERGE path, as when the
#     import's items may exist);
#  3. LOAD CSV ... CALL { } IN TRANSACTIONS OF 5000 ROWS with the MERGE path's own statements (ingest/import-nodes,
#     ingest/import-ties) on the same graph's rows, into the same kind of store (the service with its seed).
# Each step is bounded by TIMEOUT seconds (default 1200). Prints what to append to bench/results/.
# Usage: bench/import.sh [S|M|L] (default M); env HEAP=1g PORT=18291 STEPS="1 2 3" TIMEOUT=1200 JAVA_OPTS=(extra JVM flags,
# e.g. -XX:StartFlightRecording=filename=/tmp/imp.jfr,settings=profile), PROFILE=1 (step 3 then PROFILEs the import's batch
# statements on 5,000 rows: db hits and operators), JAR=<another build's jar> (A/B).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-M}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
heap=${HEAP:-1g}
port=${PORT:-18291}
limit=${TIMEOUT:-1200}
. bench/build.sh
files="$PWD/$work/import-files-$size"
[ -s "$files/mapping.yaml" ] || "$java" -Xmx6g -cp "$cp" org.partneratlas.bench.ImportFiles "$size" "$files"
echo "files: $(du -sh "$files" | cut -f1) in $files; load $(cut -d' ' -f1-3 /proc/loadavg)"
opts=(--atlas.embedded.page-cache=512MB --atlas.embedded.transaction-memory=1GB)

import() { # name, seed on start (true/false), extra args
  local name=$1 seed=$2; shift 2
  local data="$work/import-data-$size-$name"; rm -rf "$data"; mkdir -p "$data"
  echo "== $name: load before $(cut -d' ' -f1-3 /proc/loadavg)"
  ATLAS_DATA_DIR="$data" /usr/bin/time -f 'command: %e s wall, %U s user, %S s sys, peak RSS %M KiB' timeout "$limit" \
    "$java" -Xms$heap -Xmx$heap ${JAVA_OPTS:-} -Xlog:gc:file="$work/gc-$size-$name.log" -jar "$jar" import \
    --mapping "$files/mapping.yaml" --report "$work/report-$size-$name.json" --atlas.seed.load-on-start=$seed \
    "${opts[@]}" "$@" 2>&1 | grep -v '^\s*$' | grep -Ev '^(20[0-9][0-9]-|  \.|   ___|  /|  \\|   '"'"'|=====| :: )' | \
    grep -E 'mapping.yaml: read|^report:|^command:|^cpu:|Exception' | tail -8
  # Heap after each collection ("123M->45M(1024M)"): the highest "after" is the live set's peak.
  grep -o '[0-9]*M->[0-9]*M' "$work/gc-$size-$name.log" | sed 's/.*->//; s/M//' | sort -n | tail -1 | \
    sed "s/^/peak heap after a collection (MiB, cap $heap): /"
  echo "load after $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$data"
}
for step in ${STEPS:-1 2 3}; do
  case $step in
    1) import empty false ;;
    2) import merge true --always-merge ;;
    3)
      data="$work/import-data-$size-loadcsv"; rm -rf "$data"; mkdir -p "$data"; log="$work/import-app-$size.log"
      ATLAS_DATA_DIR="$data" "$java" -Xms$heap -Xmx$heap -jar "$jar" --server.port=$port --server.address=127.0.0.1 --atlas.transaction-timeout=600s \
        "${opts[@]}" >"$log" 2>&1 &
      app=$!
      for _ in $(seq 1 1500); do
        curl -sf -m 2 -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql" >/dev/null && break
        sleep 0.2
      done
      bolt=$(grep -o 'bolt://127.0.0.1:[0-9]*' "$log" | head -1)
      echo "== loadcsv: load before $(cut -d' ' -f1-3 /proc/loadavg)"
      # The service's CPU time over the LOAD CSV (user + sys ticks of its process), as the importer's `cpu:` line counts its own.
      ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
      before=$(ticks)
      timeout "$limit" "$java" -Xmx1g -cp "$cp" org.partneratlas.bench.ImportFiles loadcsv "$bolt" "$files" || echo "LOAD CSV failed or timed out"
      after=$(ticks)
      items=$(( $(wc -l < "$files/bench-nodes.csv") + $(wc -l < "$files/bench-ties.csv") - 2 ))
      awk -v t=$(( after - before )) -v hz="$(getconf CLK_TCK)" -v n="$items" \
        'BEGIN { printf "cpu: %.1f s for LOAD CSV (the service process), %.2f s per 100k items\n", t / hz, t / hz * 100000 / n }'
      # PROFILE=1: the import's batch statements PROFILEd on 5,000 rows of the loaded graph (db hits, operators).
      [ -z "${PROFILE:-}" ] || timeout "$limit" "$java" -Xmx1g -cp "$cp" org.partneratlas.bench.ImportFiles profile "$bolt" "$files" | grep '^profile:' || echo "PROFILE failed or timed out"
      echo "load after $(cut -d' ' -f1-3 /proc/loadavg)"
      kill -TERM $app; wait $app 2>/dev/null || true; rm -rf "$data" ;;
  esac
done
