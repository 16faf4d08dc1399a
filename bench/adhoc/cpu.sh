#!/usr/bin/env bash
# CPU of the service process per request (its utime + stime over a fixed run), with L.java's latency and throughput,
# for four cheap shapes on the curated graph, at concurrency 1 and 8: a load-resistant A/B of per-request overhead.
# Usage: bench/adhoc/cpu.sh PORT PID LABEL   (the packaged service on the curated graph, already warm)
set -euo pipefail
cd "$(dirname "$0")"
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
url=http://127.0.0.1:$1/graphql
q1='{"query":"{ __typename }"}'
q2='{"query":"query($id: ID!) { node(id: $id) { id label name tlp start ... on Instrument { status } } }","variables":{"id":"instrument:eu-in-ttc"}}'
q3='{"query":"{ profile(id: \"country:IN\") { node { id name } ties { direction edge { id type role start } other { id label name } counterparts { node { id name } } } } }"}'
q4='{"query":"{ neighbourhood(id: \"org:ecso\", depth: 2, limit: 100) { nodes { id label name } edges { id type from to } omittedNodes omittedEdges } }"}'
for q in q1 q2 q3 q4; do for c in 1 8; do
  t0=$(awk '{print $14+$15}' /proc/$2/stat)
  out=$("$java" L.java "$url" "${!q}" $c 6 0 | tail -1)
  t1=$(awk '{print $14+$15}' /proc/$2/stat)
  n=$(echo "$out" | sed 's/n=\([0-9]*\).*/\1/')
  echo "$3 $q c=$c load=$(cut -d' ' -f1 /proc/loadavg) cpu/req=$(echo "scale=2; ($t1-$t0)*10/$n" | bc)ms $out"
done; done
