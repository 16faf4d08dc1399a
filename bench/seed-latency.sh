#!/usr/bin/env bash
# Warm latency of every question shape on the curated seed graph, GraphQL over HTTP, one client.
# Usage: [WARMUP=200] bench/seed-latency.sh [iterations]   (default 50 timed requests per shape after 200 warm-ups;
# the JIT needs a few hundred requests before the figures settle)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}
warmup=${WARMUP:-200}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
jar=$(ls target/partner-atlas-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -B -q package -DskipTests; jar=$(ls target/partner-atlas-*.jar | head -1); fi
port=18081
dir=$(mktemp -d)
ATLAS_DATA_DIR="$dir" "$JAVA_HOME/bin/java" -Xmx1g -jar "$jar" --server.port=$port --logging.level.root=warn >/tmp/atlas-latency.log 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 900); do
  curl -sf -m 2 -H 'Content-Type: application/json' -d '{"query":"{ node(id: \"union:eu\") { id } }"}' \
    "http://127.0.0.1:$port/graphql" | grep -q union && break
  sleep 0.2
done

declare -a names queries
add() { names+=("$1"); queries+=("$2"); }
add "node by id" '{ node(id: \"country:IN\") { id name sources { locator source { name } } } }'
add "search" '{ search(text: \"europ spac\") { node { id name } score } }'
add "profile (India)" '{ profile(id: \"country:IN\") { ties { edge { type role } other { id name } counterparts { node { id } } } } }'
add "profile (EU, the hub)" '{ profile(id: \"union:eu\") { ties { edge { type role } other { id name } counterparts { node { id } } } } }'
add "actors page of 100" '{ actors(first: 100) { totalCount nodes { id name } pageInfo { endCursor } } }'
add "connections EU-India" '{ connections(a: \"union:eu\", b: \"country:IN\") { through { via { id } } } }'
add "neighbourhood depth 2" '{ neighbourhood(id: \"country:IN\", depth: 2, limit: 200) { nodes { id } edges { id } omittedNodes } }'
add "paths ECSO-India k=3" '{ paths(from: \"org:ecso\", to: \"country:IN\", k: 3, maxHops: 6) { paths { length steps { via { id } } } } }'
add "paths k=10 as of 2024" '{ paths(from: \"country:JP\", to: \"country:BR\", k: 10, maxHops: 6, asOf: \"2024-01-01\") { paths { length } } }'
add "common partners JP-KR" '{ commonPartners(a: \"country:JP\", b: \"country:KR\") { partner { id } } }'
add "coverage countries x 5 kinds" '{ coverage(actors: {labels: [COUNTRY]}, kinds: [\"digital-partnership\", \"cyber-dialogue\", \"digital-dialogue\", \"security-defence-partnership\", \"free-trade-agreement\"]) { rows { actor { id } covered } } }'
add "gaps DP but no CD" '{ gaps(has: [\"digital-partnership\"], lacks: [\"cyber-dialogue\"]) { actor { id } } }'
add "untied civilian-defence" '{ untied(actors: {sectors: [\"civilian\"]}, from: {sectors: [\"defence\"]}) { id } }'
add "timeline EU" '{ timeline(id: \"union:eu\") { events { date kind node { id } } } }'
add "centrality betweenness top 10" '{ centrality(measure: BETWEENNESS, top: 10) { node { id } score } }'
add "centrality pagerank top 10" '{ centrality(measure: PAGERANK, top: 10) { node { id } score } }'
add "communities" '{ communities { modularity communities { size } } }'

echo "| shape | p50 (ms) | p95 (ms) | max (ms) |"
echo "|---|---|---|---|"
for i in "${!names[@]}"; do
  body="{\"query\":\"${queries[$i]}\"}"
  for _ in $(seq 1 "$warmup"); do curl -s -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/graphql"; done
  times=$(for _ in $(seq 1 "$n"); do
    curl -s -o /tmp/atlas-latency.json -w '%{time_total}\n' -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/graphql"
    if grep -q '"errors"' /tmp/atlas-latency.json; then echo "error in ${names[$i]}: $(head -c 300 /tmp/atlas-latency.json)" >&2; exit 1; fi
  done | sort -n)
  p50=$(echo "$times" | awk -v n="$n" 'NR==int(n*0.5+0.5){printf "%.1f", $1*1000}')
  p95=$(echo "$times" | awk -v n="$n" 'NR==int(n*0.95+0.5){printf "%.1f", $1*1000}')
  max=$(echo "$times" | tail -1 | awk '{printf "%.1f", $1*1000}')
  echo "| ${names[$i]} | $p50 | $p95 | $max |"
done
