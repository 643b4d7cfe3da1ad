#!/usr/bin/env bash
# Issue 11, "Done when" 5: latency of the ticket context API (GET /api/connections/{id}/tickets/{t}/context,
# JSON and ?format=markdown) with 100,000 synced tickets, on sync's embedded H2 and on PostgreSQL.
#
# Prerequisites: Java 17, curl, jq, wrk, psql, unzip; PostgreSQL at 127.0.0.1:5432 (trust, database
# "test"). Build sync's runnable jar first (from the repository root):
#   ./mvnw -q -o -pl common,sync package -DskipTests
# then:
#   bench/sync/context.sh 2>&1 | tee /tmp/bench-context.log
#
# For each database in SYNC_DB ("h2 postgres"): starts sync afresh (H2 in a new temporary data dir,
# or PostgreSQL in the new schema $SYNC_SCHEMA; scheduler off), creates a connection over the API,
# stops sync, loads its store with bench/sync/seed-context.sql (N_TICKETS tickets, ticket 1 with 500
# comments and a requester with 200 tickets, one comment on every other ticket; H2 through the jar's
# own h2 library, PostgreSQL through psql, then ANALYZE), starts sync again, checks the context of
# ticket 1 (500 comments, requester_tickets.total 199), warms up for WARMUP, then runs wrk --latency
# for DURATION with CONNECTIONS connections on one thread, with the operator's HTTP Basic header
# (verified credentials are cached, as in production: bench/sync/basic-auth.sh), against ticket 1's
# context as JSON, as Markdown, and a typical ticket's (TYPICAL, one comment) as JSON.
#
# Knobs: N_TICKETS (100000), SYNC_DB ("h2 postgres"), DURATION (30s), WARMUP (15s), CONNECTIONS (1),
# TYPICAL (N_TICKETS / 2 + 1), PORT (18551), SYNC_SCHEMA (bench_context), SYNC_JAVA_OPTS (-Xmx512m), JFR=1 records
# a JFR profile of each measured phase into OUT_DIR (default: a temporary directory, kept).
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT="$PWD"
JAR="${SYNC_JAR:-$(ls sync/target/sync-*-exec.jar | head -1)}"
N_TICKETS="${N_TICKETS:-100000}"
SYNC_DB="${SYNC_DB:-h2 postgres}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-15s}"
CONNECTIONS="${CONNECTIONS:-1}"
TYPICAL="${TYPICAL:-$((N_TICKETS / 2 + 1))}"
PORT="${PORT:-18551}"
SYNC_SCHEMA="${SYNC_SCHEMA:-bench_context}"
SYNC_JAVA_OPTS="${SYNC_JAVA_OPTS:--Xmx512m}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-test}"
EMAIL=bench@deskbridge.test
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
AUTH="Basic $(printf '%s:%s' "$EMAIL" "$PASSWORD" | base64 -w0)"
WORK=$(mktemp -d)
OUT_DIR="${OUT_DIR:-$WORK/out}"
mkdir -p "$OUT_DIR"
PID=""

die() { echo "context.sh: $*" >&2; exit 1; }
say() { echo "[$(date +%H:%M:%S)] $*"; }

cleanup() {
    [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
    psql -X -q -c "DROP SCHEMA IF EXISTS $SYNC_SCHEMA CASCADE" >/dev/null 2>&1 || true
    rm -rf "$WORK/data"
}
trap cleanup EXIT

for tool in java curl jq wrk psql unzip; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
[[ -f "$JAR" ]] || die "no sync jar; build it first: ./mvnw -q -o -pl common,sync package -DskipTests"

# start_sync DB: sync on the database, scheduler off; waits until it answers.
start_sync() {
    local db=$1 args=()
    if [[ "$db" == "postgres" ]]; then
        args=(--spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SYNC_SCHEMA"
            --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}"
            --spring.flyway.schemas="$SYNC_SCHEMA" --spring.flyway.create-schemas=true)
    fi
    # shellcheck disable=SC2086 # SYNC_JAVA_OPTS is a list
    SYNC_DATA_DIR="$WORK/data" SYNC_OPERATOR_EMAIL="$EMAIL" SYNC_OPERATOR_PASSWORD="$PASSWORD" \
        SYNC_SIGN_IN_VERIFIED_CREDENTIALS_CACHE=5m SYNC_ENGINE_SCHEDULER=false \
        java $SYNC_JAVA_OPTS ${JFR_OPTS:-} -jar "$JAR" --server.port="$PORT" --management.server.port=0 \
        --logging.level.root=WARN "${args[@]}" >>"$WORK/sync-$db.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 240); do
        kill -0 "$PID" 2>/dev/null || { tail -n 30 "$WORK/sync-$db.log" >&2; die "sync exited during start-up"; }
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)" == 200 ]] && return
        sleep 0.5
    done
    die "sync did not answer within 120 s"
}

stop_sync() {
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=""
}

seed_sql() {
    local range_pg='generate_series(\1,\2) AS g(x)' range_h2='SYSTEM_RANGE(\1,\2) AS g'
    local range=$range_h2
    [[ "$1" == "postgres" ]] && range=$range_pg
    sed -e "s/@N@/$N_TICKETS/g" -e "s/@C@/$CONNECTION/g" -e "s/@RANGE(\([0-9]*\),\([0-9]*\))@/$range/g" \
        "$ROOT/bench/sync/seed-context.sql"
}

measure() {
    local label=$1 url=$2
    say "== $label: wrk -t1 -c$CONNECTIONS -d$DURATION --latency $url"
    wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: $AUTH" "$url" >/dev/null
    local out
    out="$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: $AUTH" "$url")"
    echo "$out"
    grep -q 'Non-2xx' <<<"$out" && die "$label: non-2xx answers"
    return 0
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | sed -n 1p)"
for db in $SYNC_DB; do
    JFR_OPTS=""
    rm -rf "$WORK/data"
    psql -X -q -c "DROP SCHEMA IF EXISTS $SYNC_SCHEMA CASCADE" >/dev/null
    start_sync "$db"
    CONNECTION="$(curl -sS -f -H "Authorization: $AUTH" -H 'Content-Type: application/json' \
        -d '{"connection":{"name":"context bench","address":"bench-context"}}' \
        "http://127.0.0.1:$PORT/api/connections" | jq -er '.connection.id')"
    stop_sync
    say "$db: loading $N_TICKETS tickets into connection $CONNECTION"
    start=$SECONDS
    if [[ "$db" == "postgres" ]]; then
        seed_sql postgres | PGOPTIONS="-c search_path=$SYNC_SCHEMA" psql -X -q -v ON_ERROR_STOP=1
        PGOPTIONS="-c search_path=$SYNC_SCHEMA" psql -X -q -c "ANALYZE"
    else
        [[ -f "$WORK/h2.jar" ]] || unzip -p "$JAR" "$(unzip -Z1 "$JAR" | grep '^BOOT-INF/lib/h2-.*\.jar$')" >"$WORK/h2.jar"
        seed_sql h2 >"$WORK/seed-h2.sql"
        java -cp "$WORK/h2.jar" org.h2.tools.RunScript -url "jdbc:h2:file:$WORK/data/sync" -user sa \
            -script "$WORK/seed-h2.sql"
    fi
    say "$db: loaded in $((SECONDS - start)) s"
    JFR_OPTS=""
    [[ "${JFR:-0}" == 1 ]] && JFR_OPTS="-XX:StartFlightRecording=filename=$OUT_DIR/context-$db.jfr,settings=profile"
    start_sync "$db"
    base="http://127.0.0.1:$PORT/api/connections/$CONNECTION/tickets"
    doc="$(curl -sS -f -H "Authorization: $AUTH" "$base/1/context")"
    jq -e '.context.comments.total == 500 and .context.requester_tickets.total == 199' <<<"$doc" >/dev/null \
        || die "ticket 1's context is not the seeded one: $(jq -c '{comments: .context.comments.total, requester_tickets: .context.requester_tickets.total}' <<<"$doc")"
    echo "ticket 1's context: $(printf '%s' "$doc" | wc -c) bytes JSON, $(curl -sS -f -H "Authorization: $AUTH" "$base/1/context?format=markdown" | wc -c) bytes Markdown"
    measure "$db, ticket 1 (500 comments, requester with 200 tickets), JSON" "$base/1/context"
    measure "$db, ticket 1, Markdown" "$base/1/context?format=markdown"
    measure "$db, typical ticket $TYPICAL (one comment), JSON" "$base/$TYPICAL/context"
    stop_sync
done
[[ "${JFR:-0}" == 1 ]] && echo "JFR recordings in $OUT_DIR" && trap - EXIT && cleanup
exit 0
