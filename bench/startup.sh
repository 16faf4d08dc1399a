#!/usr/bin/env bash
# Launch to first complete answer, CPU seconds to it, resident memory and shutdown time of the packaged service on its
# embedded Neo4j.
# Usage: [PORT=18080] [BASELINE=old.jar] [JAR=this.jar] [AOT=1] [WORK=bench/work] bench/startup.sh [runs]
# Each run starts from an empty data directory (schema + seed load included) and then once more on the same store,
# as `java -jar target/partner-atlas-*.jar` (the README's run command: since 2026-12-01 the jar runs the service as a
# child JVM from its extracted form through the JDK 25 AOT cache, operations.AotLaunch; extracted and trained once,
# before the first timed start, never timed) and as the same jar with ATLAS_LAUNCH_MODE=plain (one JVM on the fat jar,
# as before). CPU seconds and RSS are those of the whole process tree (launcher and service). BASELINE names another
# build's jar (e.g. main's) to measure interleaved with this one, each start of this build right after the same start
# of the baseline, so that a busy machine slows both alike; with AOT=1 (the default) the baseline also starts with the
# recipe of 2026-11 (extract, one training start that answers the probe and stops, -XX:AOTCache). AOT=0 measures
# plain jars only. PORT keeps two checkouts on one machine from answering each other's probes; WORK says where the
# stores and logs go. The service's own phase breakdown ("Ready for questions ...", StartupPhases) of every start of
# this build goes to $WORK/startup-phases.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
java="$JAVA_HOME/bin/java"
jar=${JAR:-$(ls target/partner-atlas-*.jar 2>/dev/null | head -1 || true)}
if [ -z "$jar" ]; then ./mvnw -B -q package -DskipTests; jar=$(ls target/partner-atlas-*.jar | head -1); fi
port=${PORT:-18080}
work=${WORK:-bench/work}
mkdir -p "$work"
log=$work/startup-service.log
phases=$work/startup-phases.txt
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

tree() { # a process and its descendants
  local p; echo "$1"
  for p in $(ps -o pid= --ppid "$1" 2>/dev/null); do tree "$p"; done
}

tree_cpu_s() { # user+sys CPU seconds of a process tree (the launcher and the service it started)
  local p total=0 hz; hz=$(getconf CLK_TCK)
  for p in $(tree "$1"); do
    total=$(( total + $(awk '{ print $14 + $15 }' /proc/"$p"/stat 2>/dev/null || echo 0) ))
  done
  awk -v t="$total" -v hz="$hz" 'BEGIN { printf "%.1f", t / hz }'
}

tree_rss_mib() {
  local p total=0
  for p in $(tree "$1"); do
    total=$(( total + $(awk '/VmRSS/ { print $2 }' /proc/"$p"/status 2>/dev/null || echo 0) ))
  done
  echo $(( total / 1024 ))
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
      cpu_s=$(tree_cpu_s $pid)
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
  rss=$(tree_rss_mib $pid)
  if grep -q 'Ready for questions' "$log"; then
    { echo "## $label"; sed -n '/Ready for questions/,/^[0-9]\{4\}-/p' "$log" | grep -v '^[0-9]\{4\}-.*StartupPhases' -m 40 | head -20
      grep -m1 'Ready for questions' "$log" | sed 's/.*: Ready/Ready/'; } >>"$phases"
  fi
  stop=$(date +%s%N)
  kill -TERM $pid; wait $pid || true
  stop=$(( ($(date +%s%N) - stop) / 1000000 ))
  printf '| %s | %s | %s | %d | %d | %s |\n' "$label" "$complete_ms" "$cpu_s" "$rss" "$stop" "$(cut -d' ' -f1 /proc/loadavg)"
}

base_aot=$work/baseline-aot
ATLAS_LAUNCH_MODE=prepare "$java" "${flags[@]}" -jar "$jar" # extract and record the cache once, untimed
if [ "${AOT:-1}" = 1 ] && [ -n "${BASELINE:-}" ]; then train_baseline "$BASELINE"; fi

echo "| start | launch to first complete answer (ms) | CPU s to it | RSS after it (MiB) | shutdown (ms) | load |"
echo "|---|---|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  for store in empty existing; do
    [ "$store" = empty ] && { rm -rf "$work"/store-base "$work"/store-plain "$work"/store-base-aot "$work"/store-new; }
    if [ -n "${BASELINE:-}" ]; then
      measure "$work"/store-base "baseline java -jar, $store store, run $run" "$java" "${flags[@]}" -jar "$BASELINE"
    fi
    measure "$work"/store-new "java -jar (through the AOT cache), $store store, run $run" "$java" "${flags[@]}" -jar "$jar"
    measure "$work"/store-plain "ATLAS_LAUNCH_MODE=plain java -jar, $store store, run $run" \
      env ATLAS_LAUNCH_MODE=plain "$java" "${flags[@]}" -jar "$jar"
    if [ "${AOT:-1}" = 1 ] && [ -n "${BASELINE:-}" ]; then
      measure "$work"/store-base-aot "baseline extracted + AOT cache (2026-11 recipe), $store store, run $run" \
        "$java" "${flags[@]}" -XX:AOTCache="$base_aot/app.aot" -jar "$base_aot/$(basename "$BASELINE")"
    fi
  done
done
rm -rf "$work"/store-base "$work"/store-plain "$work"/store-base-aot "$work"/store-new
