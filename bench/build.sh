# Sourced by the bench scripts (from the project's root, after `set -euo pipefail`): packages the service when the
# jar is missing or older than a source (unless JAR names another build), and compiles the bench harness. Sets jar,
# work and cp; needs JAVA_HOME.
work=bench/work
# The service JVM itself, not the AOT launcher in front of it: these benches read the service's CPU and memory from
# /proc/<pid> of the process they started (bench/startup.sh measures the launcher's start on purpose, and does not
# source this file).
export ATLAS_LAUNCH_MODE=${ATLAS_LAUNCH_MODE:-plain}
mkdir -p "$work/classes" bench/results
jar=${JAR:-$(ls target/partner-atlas-*.jar 2>/dev/null | head -1 || true)}
if [ -z "${JAR:-}" ] && { [ -z "$jar" ] || [ -n "$(find src cypher -newer "$jar" -type f | head -1)" ]; }; then
  ./mvnw -B -q package -DskipTests; jar=$(ls target/partner-atlas-*.jar | head -1)
fi
[ -s "$work/classpath.txt" ] && [ "$work/classpath.txt" -nt pom.xml ] || \
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt"
cp="$work/classes:target/classes:$(cat "$work/classpath.txt")"
"$JAVA_HOME/bin/javac" -d "$work/classes" -cp "$cp" bench/java/org/partneratlas/bench/*.java
