#!/usr/bin/env bash
# Starts and stops one instance of the service for the load tests (.ci/run and benchmark.sh use it).
#
#   load_tests/service.sh start PORT DATA_DIR [JVM option...]  # waits until /health/ready answers
#   load_tests/service.sh stop DATA_DIR
#   load_tests/service.sh java|jar                          # the JDK and the jar it would use
#
# Configuration passes through the environment (COMPLAINTS_*, SPRING_DATASOURCE_URL, ...). The
# instance binds to 127.0.0.1 unless SERVER_ADDRESS says otherwise; its log and pid file go into
# DATA_DIR. The jar is built when target/ has none. SERVICE_START_SECONDS (120) bounds the wait.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# The JDK the build uses (21 or newer); the default `java` on PATH may be older.
find_java() {
  local candidate version best="" best_version=0
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 |
      awk -F' = ' '/java.specification.version/ {print $2}')
    version=${version%%.*}
    if [[ "$version" =~ ^[0-9]+$ ]] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate/bin/java" best_version=$version
    fi
  done
  [ -n "$best" ] || { echo "no JDK 21 or newer found (set JAVA_HOME)" >&2; return 1; }
  echo "$best"
}

find_jar() {
  local jar
  jar=$(ls "$root"/target/complaints-*.jar 2>/dev/null | grep -v -e '-plain.jar' -e '-sources.jar' | head -1 || true)
  if [ -z "$jar" ]; then
    (cd "$root" && mvn -B -q package -DskipTests) >&2
    jar=$(ls "$root"/target/complaints-*.jar | grep -v -e '-plain.jar' -e '-sources.jar' | head -1)
  fi
  echo "$jar"
}

start() {
  local port=$1 data=$2
  shift 2
  mkdir -p "$data"
  local java jar
  java=$(find_java)
  jar=$(find_jar)
  COMPLAINTS_DATA_DIR="$data" SERVER_PORT="$port" SERVER_ADDRESS="${SERVER_ADDRESS:-127.0.0.1}" \
    nohup "$java" "$@" -jar "$jar" >"$data/service.log" 2>&1 &
  echo $! >"$data/service.pid"
  # On a machine shared with other work a start can take minutes; SERVICE_START_SECONDS (120) bounds it.
  local deadline=$((SECONDS + ${SERVICE_START_SECONDS:-120}))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; then
      echo "service up on :$port (pid $(cat "$data/service.pid"), $java)"
      return 0
    fi
    kill -0 "$(cat "$data/service.pid")" 2>/dev/null || break
    sleep 1
  done
  echo "service did not become ready on :$port; last log lines:" >&2
  tail -30 "$data/service.log" >&2
  stop "$data"
  return 1
}

stop() {
  local data=$1 pid
  [ -f "$data/service.pid" ] || return 0
  pid=$(cat "$data/service.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$data/service.pid"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  java) find_java ;;
  jar) find_jar ;;
  *) echo "usage: $0 start PORT DATA_DIR [JVM option...] | stop DATA_DIR | java | jar" >&2; exit 2 ;;
esac
