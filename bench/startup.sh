#!/usr/bin/env bash
# Launch to first complete answer, CPU seconds to it, resident memory and shutdown time of the packaged service on its
# embedded Neo4j.
# Usage: [PORT=18080] [BASELINE=old.jar] [AOT=1] bench/startup.sh [runs]
# Each run starts from an empty data directory (schema + seed load included) and then once more on the same store,
# as the plain jar (`java -jar target/partner-atlas-*.jar`) and as `./atlas` (the README's run command: the extracted
# jar with the JDK 25 AOT cache that its training run recorded; prepared once before the first timed start, never
# timed). BASELINE names another build's jar (e.g. main's) to measure interleaved with this one, each start of this
# build right after the same start of the baseline, so that a busy machine slows both alike; the baseline's AOT start
# uses the recipe of 2026-11 (extract, one training start that answers the probe and stops). AOT=0 measures the plain
# jars only. PORT keeps two checkouts on one machine from answering each other's probes. The service's own phase
# breakdown ("Ready for questions ...", StartupPhases) of every start of this build goes to bench/work/startup-phases.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
java="$JAVA_HOME/bin/java"
jar=$(ls target/partner-atlas-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -B -q package -DskipTests; jar=$(ls target/partner-atlas-*.jar | head -1); fi
port=${PORT:-18080}
mkdir -p bench/work
log=bench/work/startup-service.log
phases=bench/work/startup-phases.txt
: >"$phases"
flags=(-Xmx1g --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
# The probe's answer proves the whole curated graph is there (every actor and every tie node counted, India's ties):
# a start is timed to the first answer equal to the answer once the service has settled, the first COMPLETE answer.
query='{"query":"{ a: actors { totalCount } i: instruments(filter: {labels: [INSTRUMENT, PROGRAMME, PROJECT, CABLE]}) { totalCount } profile(id: \"country:IN\") { ties { other { id } } } }"}'

start_service() { # $1 data dir, rest: the command
  local dir=$1; shift
  ATLAS_DATA_DIR="$dir" "$@" --server.port=$port --logging.level.org.partneratlas.graph.StartupPhases=info \
    --logging.level.root=warn >"$log" 2>&1 &
  pid=$!
}

await_answer() { # sets complete_ms (first answer equal to the settled one) and cpu_s (process CPU at the first answer)
  local t0=$1 polls; polls=$(mktemp)
  local first=
  for _ in $(seq 1 3000); do
    local body now
    body=$(curl -s -m 5 -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$port/graphql" || true)
    now=$(( ($(date +%s%N) - t0) / 1000000 ))
    if printf '%s' "$body" | grep -q '"ties"'; then
      first=$now
      cpu_s=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' /proc/$pid/stat)
      printf '%s\t%s\n' "$now" "$body" >>"$polls"
      break
    fi
    sleep 0.1
  done
  [ -n "$first" ] || { echo "no answer after 300 polls; see $log" >&2; return 1; }
  sleep 2 # settled: anything still loading would show in a later answer
  local settled; settled=$(curl -s -m 30 -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$port/graphql")
  complete_ms=$(awk -F'\t' -v s="$settled" '$2 == s { print $1; exit }' "$polls")
  [ -n "$complete_ms" ] || complete_ms="INCOMPLETE first answer"
  rm -f "$polls"
}

train_baseline() { # the 2026-11 recipe for a jar without ./atlas: extract, one training start answering the probe
  local base=$1 dir; rm -rf "$base_aot"
  "$java" -Djarmode=tools -jar "$base" extract --destination "$base_aot" >/dev/null
  dir=$(mktemp -d)
  start_service "$dir" "$java" "${flags[@]}" -XX:AOTCacheOutput="$base_aot/app.aot" -jar "$base_aot/$(basename "$base")"
  await_answer "$(date +%s%N)"
  kill -TERM $pid; wait $pid || true
  rm -rf "$dir"
}

measure() { # $1 data dir, $2 label, rest: the command
  local dir=$1 label=$2 start rss stop
  shift 2
  start=$(date +%s%N)
  start_service "$dir" "$@"
  await_answer "$start"
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  if grep -q 'Ready for questions' "$log"; then
    { echo "## $label"; sed -n '/Ready for questions/,/^[0-9]\{4\}-/p' "$log" | grep -v '^[0-9]\{4\}-.*StartupPhases' -m 40 | head -20
      grep -m1 'Ready for questions' "$log" | sed 's/.*: Ready/Ready/'; } >>"$phases"
  fi
  stop=$(date +%s%N)
  kill -TERM $pid; wait $pid || true
  stop=$(( ($(date +%s%N) - stop) / 1000000 ))
  printf '| %s | %s | %s | %d | %d | %s |\n' "$label" "$complete_ms" "$cpu_s" "$rss" "$stop" "$(cut -d' ' -f1 /proc/loadavg)"
}

base_aot=bench/work/baseline-aot
if [ "${AOT:-1}" = 1 ]; then
  ATLAS_PREPARE_ONLY=1 ./atlas
  if [ -n "${BASELINE:-}" ]; then train_baseline "$BASELINE"; fi
fi

echo "| start | launch to first complete answer (ms) | CPU s to it | RSS after it (MiB) | shutdown (ms) | load |"
echo "|---|---|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  for store in empty existing; do
    [ "$store" = empty ] && { rm -rf bench/work/store-base bench/work/store-new bench/work/store-base-aot bench/work/store-atlas; }
    if [ -n "${BASELINE:-}" ]; then
      measure bench/work/store-base "baseline java -jar, $store store, run $run" "$java" "${flags[@]}" -jar "$BASELINE"
    fi
    measure bench/work/store-new "java -jar, $store store, run $run" "$java" "${flags[@]}" -jar "$jar"
    if [ "${AOT:-1}" = 1 ]; then
      if [ -n "${BASELINE:-}" ]; then
        measure bench/work/store-base-aot "baseline extracted + AOT cache, $store store, run $run" "$java" "${flags[@]}" \
          -XX:AOTCache="$base_aot/app.aot" -jar "$base_aot/$(basename "$BASELINE")"
      fi
      measure bench/work/store-atlas "./atlas (extracted + AOT cache), $store store, run $run" ./atlas
    fi
  done
done
rm -rf bench/work/store-base bench/work/store-new bench/work/store-base-aot bench/work/store-atlas
