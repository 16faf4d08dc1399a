#!/usr/bin/env bash
# Launch to first answer, resident memory and shutdown time of the packaged service on its embedded Neo4j.
# Usage: bench/startup.sh [runs]   (builds the jar if missing; needs a JDK 25 as JAVA_HOME or under /usr/lib/jvm)
# Each run starts from an empty data directory (schema + seed load included) and then once more on the same store.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
jar=$(ls target/partner-atlas-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -B -q package -DskipTests; jar=$(ls target/partner-atlas-*.jar | head -1); fi
port=18080
query='{"query":"{ profile(id: \"country:IN\") { ties { other { id } } } }"}'

measure() { # $1 data dir, $2 label
  local start pid first rss stop
  start=$(date +%s%N)
  ATLAS_DATA_DIR="$1" "$java" -Xmx1g -jar "$jar" --server.port=$port --logging.level.root=warn >/tmp/atlas-startup.log 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -sf -m 2 -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$port/graphql" | grep -q '"ties"'; then break; fi
    sleep 0.1
  done
  first=$(( ($(date +%s%N) - start) / 1000000 ))
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  stop=$(date +%s%N)
  kill -TERM $pid; wait $pid || true
  stop=$(( ($(date +%s%N) - stop) / 1000000 ))
  printf '| %s | %d | %d | %d |\n' "$2" "$first" "$rss" "$stop"
}

echo "| start | launch to first answer (ms) | RSS after first answer (MiB) | shutdown (ms) |"
echo "|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  measure "$dir" "empty store (schema + seed load), run $run"
  measure "$dir" "existing store, run $run"
  rm -rf "$dir"
done
