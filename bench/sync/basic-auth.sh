#!/usr/bin/env bash
# Issue 10: what an API call with HTTP Basic costs sync, with and without the cache of verified
# operator credentials (sync.sign-in.verified-credentials-cache). "off" (0) is the old behaviour:
# one bcrypt check per call.
#
# Prerequisites: Java 17, curl, wrk. Build sync's runnable jar first (from the repository root):
#   ./mvnw -q -pl sync package -DskipTests
# then:
#   bench/sync/basic-auth.sh 2>&1 | tee /tmp/bench-basic-auth.log
#
# For each cache setting (CACHES, default "0 5m") it starts sync afresh on an embedded H2 database in
# a new temporary directory, port $PORT, with a generated operator password (never printed), checks
# one call answers 200, then runs wrk for $DURATION with $CONNECTIONS connections on one thread
# against GET /api/connections with the operator's Authorization header, and prints wrk's summary.
set -euo pipefail

cd "$(dirname "$0")/../.."
JAR=$(ls sync/target/sync-*-exec.jar | head -1)
PORT=${PORT:-18491}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-4}
CACHES=${CACHES:-"0 5m"}
EMAIL=bench@deskbridge.test
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
AUTH="Basic $(printf '%s:%s' "$EMAIL" "$PASSWORD" | base64 -w0)"

for cache in $CACHES; do
  dir=$(mktemp -d)
  SYNC_DATA_DIR="$dir" SYNC_OPERATOR_EMAIL="$EMAIL" SYNC_OPERATOR_PASSWORD="$PASSWORD" \
    SYNC_SIGN_IN_VERIFIED_CREDENTIALS_CACHE="$cache" SYNC_ENGINE_SCHEDULER=false \
    java -Xmx256m -jar "$JAR" --server.port="$PORT" --management.server.port=0 --logging.level.root=WARN > "$dir/sync.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/login" && break
    sleep 1
  done
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $AUTH" "http://127.0.0.1:$PORT/api/connections")
  [ "$status" = 200 ] || { echo "GET /api/connections answered $status"; exit 1; }
  echo "== verified-credentials-cache=$cache  $(date -u +%FT%TZ)  wrk -t1 -c$CONNECTIONS -d$DURATION"
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: $AUTH" "http://127.0.0.1:$PORT/api/connections"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  trap - EXIT
  rm -rf "$dir"
done
