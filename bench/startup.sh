#!/usr/bin/env bash
# Launch to first answer, resident memory and shutdown time of the packaged service on its embedded Neo4j.
# Usage: bench/startup.sh [runs]   (builds the jar if missing; needs a JDK 25 as JAVA_HOME or under /usr/lib/jvm)
# Each run starts from an empty data directory (schema + seed load included) and then once more on the same store,
# first as the plain jar (java -jar), then as the extracted jar with a JDK 25 AOT cache (JEP 483/514): the cache is
# made once by a training run that starts the service on an empty store, answers one question and stops, and it is
# made again whenever the jar is newer. AOT=0 measures the plain jar only. PORT (default 18080) keeps two checkouts on
# one machine from answering each other's probes.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
jar=$(ls target/partner-atlas-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -B -q package -DskipTests; jar=$(ls target/partner-atlas-*.jar | head -1); fi
port=${PORT:-18080}
log=$(mktemp)
# The probe's answer proves the whole curated graph is there (every actor and every tie node counted, India's ties):
# a start is timed to the first answer equal to the answer once the service has settled, the first COMPLETE answer.
query='{"query":"{ a: actors { totalCount } i: instruments(filter: {labels: [INSTRUMENT, PROGRAMME, PROJECT, CABLE]}) { totalCount } profile(id: \"country:IN\") { ties { other { id } } } }"}'
aot_dir=target/aot
extracted="$aot_dir/$(basename "$jar")"
cache="$aot_dir/app.aot"

start_service() { # $1 data dir, rest: java options and the jar
  local dir=$1; shift
  ATLAS_DATA_DIR="$dir" "$java" -Xmx1g "$@" --server.port=$port --logging.level.root=warn >"$log" 2>&1 &
  pid=$!
}

await_answer() { # sets first_ms (first 200 answer) and complete_ms (first answer equal to the settled one)
  local t0=$1 polls; polls=$(mktemp)
  first_ms=
  for _ in $(seq 1 900); do
    local body now
    body=$(curl -s -m 2 -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$port/graphql" || true)
    now=$(( ($(date +%s%N) - t0) / 1000000 ))
    if printf '%s' "$body" | grep -q '"ties"'; then
      [ -n "$first_ms" ] || first_ms=$now
      printf '%s\t%s\n' "$now" "$body" >>"$polls"
      break
    fi
    sleep 0.1
  done
  [ -n "$first_ms" ] || { echo "no answer after 90 s; see $log" >&2; return 1; }
  sleep 2 # settled: anything still loading would show in a later answer
  local settled; settled=$(curl -s -m 5 -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$port/graphql")
  complete_ms=$(awk -F'\t' -v s="$settled" '$2 == s { print $1; exit }' "$polls")
  [ -n "$complete_ms" ] || complete_ms="INCOMPLETE first answer"
  rm -f "$polls"
}

train() { # extracts the jar and records the AOT cache over one start, one answer and a stop
  rm -rf "$aot_dir"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$aot_dir" >/dev/null
  local dir; dir=$(mktemp -d)
  start_service "$dir" -XX:AOTCacheOutput="$cache" -jar "$extracted"
  await_answer "$(date +%s%N)"
  kill -TERM $pid; wait $pid || true
  rm -rf "$dir"
  [ -s "$cache" ] || { echo "training made no AOT cache; see $log" >&2; exit 1; }
}

measure() { # $1 data dir, $2 label, rest: java options and the jar
  local dir=$1 label=$2 start first rss stop
  shift 2
  start=$(date +%s%N)
  start_service "$dir" "$@"
  await_answer "$start"
  first=$complete_ms
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  stop=$(date +%s%N)
  kill -TERM $pid; wait $pid || true
  stop=$(( ($(date +%s%N) - stop) / 1000000 ))
  printf '| %s | %s | %d | %d | %s |\n' "$label" "$first" "$rss" "$stop" "$(cut -d' ' -f1 /proc/loadavg)"
}

if [ "${AOT:-1}" = 1 ] && { [ ! -s "$cache" ] || [ "$jar" -nt "$cache" ]; }; then train; fi

echo "| start | launch to first complete answer (ms) | RSS after first answer (MiB) | shutdown (ms) | load |"
echo "|---|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  measure "$dir" "java -jar, empty store (schema + seed load), run $run" -jar "$jar"
  measure "$dir" "java -jar, existing store, run $run" -jar "$jar"
  rm -rf "$dir"
  if [ "${AOT:-1}" = 1 ]; then
    dir=$(mktemp -d)
    measure "$dir" "extracted + AOT cache, empty store, run $run" -XX:AOTCache="$cache" -jar "$extracted"
    measure "$dir" "extracted + AOT cache, existing store, run $run" -XX:AOTCache="$cache" -jar "$extracted"
    rm -rf "$dir"
  fi
done
