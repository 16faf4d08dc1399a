#!/usr/bin/env bash
# The Explorer in the browser: first view after load, expand and path to drawn, on the curated graph, measured by the
# page itself with the Performance API (window.explorerPerf) in headless Chromium driven over chromedriver's W3C API.
# Usage: bench/explorer/run.sh [rounds]   (default 15; builds the jar if missing; needs a JDK 25 and Debian's chromium
# and chromium-driver). Starts the packaged service on an empty data directory on PORT (default 18301), waits until
# it answers, runs the rounds (the first 3 are warm-up and not counted), stops it, and prints a Markdown table.
# BASE=http://host:port measures a service that is already running instead; JAR=path picks the jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-15}
port=${PORT:-18301}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
pid=
if [ -z "${BASE:-}" ]; then
  jar=${JAR:-$(ls target/partner-atlas-*.jar 2>/dev/null | head -1 || true)}
  if [ -z "$jar" ]; then ./mvnw -B -q package -DskipTests; jar=$(ls target/partner-atlas-*.jar | head -1); fi
  data=$(mktemp -d); log=$(mktemp)
  ATLAS_DATA_DIR="$data" "$JAVA_HOME/bin/java" -Xmx1g -jar "$jar" --server.port="$port" --atlas.transaction-timeout=60s \
    --logging.level.root=warn >"$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
  BASE="http://127.0.0.1:$port"
  for _ in $(seq 1 1800); do
    curl -sf -m 2 -H 'Content-Type: application/json' -d '{"query":"{ node(id: \"country:IN\") { id } }"}' \
      "$BASE/graphql" | grep -q country:IN && break
    sleep 0.1
  done
fi
python3 bench/explorer/measure.py "$BASE" "$rounds"
