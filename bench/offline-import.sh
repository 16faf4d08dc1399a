#!/usr/bin/env bash
# What an empty store's import could cost with Neo4j's offline importer (`neo4j-admin database import full`, the
# BatchImporter in the project's own dependencies, org.neo4j.cli.AdminTool): the generated graph of a size, the same
# rows and properties bench/import.sh step 3 loads (bench-nodes.csv, bench-ties.csv with an admin header), into a fresh
# database directory. No audit batches, no journal, no Cypher: the ceiling of a create-only path that writes store files
# directly. Prints wall and CPU seconds (/usr/bin/time) and relationships a second of wall and of CPU.
# Usage: bench/offline-import.sh [S|M|L] (default M); env DATA=/tmp/offline-import TIMEOUT=1200 HEAP=1g
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-M}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
limit=${TIMEOUT:-1200}
. bench/build.sh
files="$PWD/$work/import-files-$size"
[ -s "$files/bench-ties.csv" ] || "$java" -Xmx6g -cp "$cp" org.partneratlas.bench.ImportFiles "$size" "$files"
home=${DATA:-/tmp/offline-import-$size}; rm -rf "$home"; mkdir -p "$home/conf" "$home/in"
printf 'server.directories.data=%s/data\nserver.memory.pagecache.size=512m\n' "$home" >"$home/conf/neo4j.conf"
echo 'id:ID,:LABEL,name,kind,acronym,description,status,euStatus,sector,lengthKm:float,start,startFrom:date,startTo:date,end,endFrom:date,endTo:date,tlp,tlpLevel:int,access:string[],sourceIds:string[],sourceLocators:string[]' >"$home/in/nodes-header.csv"
echo 'id,:START_ID,:TYPE,:END_ID,role,start,startFrom:date,startTo:date,end,endFrom:date,endTo:date,tlp,tlpLevel:int,access:string[],sourceIds:string[],sourceLocators:string[]' >"$home/in/ties-header.csv"
tail -n +2 "$files/bench-nodes.csv" >"$home/in/nodes.csv"
tail -n +2 "$files/bench-ties.csv" >"$home/in/ties.csv"
ties=$(wc -l <"$home/in/ties.csv")
echo "== offline import of $size ($ties relationships): load before $(cut -d' ' -f1-3 /proc/loadavg)"
out=$(NEO4J_HOME="$home" NEO4J_CONF="$home/conf" /usr/bin/time -f '%e %U %S %M' timeout "$limit" "$java" -Xmx${HEAP:-1g} --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$cp" org.neo4j.cli.AdminTool database import full --nodes="$home/in/nodes-header.csv,$home/in/nodes.csv" \
  --relationships="$home/in/ties-header.csv,$home/in/ties.csv" --overwrite-destination=true --skip-bad-relationships=true --bad-tolerance=100000 --threads=2 neo4j 2>&1 | tail -40)
echo "$out" | grep -E 'IMPORT DONE|Imported|nodes|relationships|properties|Error|rror' | tail -8
read -r wall user sys rss <<<"$(echo "$out" | tail -1)"
awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$ties" -v m="$rss" 'BEGIN {
  printf "offline import: %.1f s wall, %.1f CPU s (%.1f user + %.1f sys), peak RSS %d MiB; %.0f relationships/s of wall, %.2f CPU s per 100k relationships\n",
    w, u + s, u, s, m / 1024, r / w, (u + s) * 100000 / r }'
echo "load after $(cut -d' ' -f1-3 /proc/loadavg)"
du -sh "$home/data" 2>/dev/null || true
