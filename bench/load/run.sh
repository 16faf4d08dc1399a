#!/usr/bin/env bash
# Fair sharing under load (issue 12): starts the packaged service (local profile: its API tokens) on loopback, waits
# until it is ready, runs bench/load/FairShareLoad.java at 16 and 64 clients for SECONDS each (default 30), stops the
# service (the seed load gets 120 s of transaction time: on a loaded machine 10 s was not enough; every request
# still has its 15 s deadline). Usage: bench/load/run.sh [seconds]   PORT (default 18304) and ATLAS_DATA_DIR (default a temp dir) apply.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
jar=$(ls target/partner-atlas-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -B -q package -DskipTests; jar=$(ls target/partner-atlas-*.jar | head -1); fi
port=${PORT:-18304}
dir=${ATLAS_DATA_DIR:-$(mktemp -d)}
log=$(mktemp)
# GC: ZGC by default (JAVA_OPTS overrides): under the flood G1's stop-the-world pauses (young 10-34 ms, remark and
# cleanup 20-58 ms, about 5 % of wall time, JFR in bench/results/2026-11-30-fair-share.md) were the probe's p95 tail.
# shellcheck disable=SC2086
ATLAS_DATA_DIR="$dir" "$java" -Xmx1g ${JAVA_OPTS:--XX:+UseZGC} -jar "$jar" --spring.profiles.active=local --server.address=127.0.0.1 \
  --server.port="$port" --logging.level.root=warn --atlas.transaction-timeout=120s >"$log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
ready() { # the GraphQL endpoint answers 200 only once the service is ready (503 while it starts)
  curl -sf -m 2 -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql" >/dev/null
}
for _ in $(seq 1 1200); do ready && break; sleep 0.1; done
ready || { echo "not ready; see $log" >&2; exit 1; }
echo "service ready (pid $pid, cores $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg)); $seconds s per step"
for clients in 16 64; do
  "$java" bench/load/FairShareLoad.java "$port" "$clients" "$seconds"
  echo "(load after: $(cut -d' ' -f1-3 /proc/loadavg))"
  sleep 3
done
