#!/usr/bin/env bash
# Quick throughput check of GET /api/v2/tickets/{id}.json on desk's default H2 database: starts the
# jar in a throw-away data directory, makes a token, creates 100 tickets (tags, custom fields,
# collaborators) over the API, warms up 10 s, then runs wrk -t2 -c32 -d20s rotating over the 100 ids
# (PAGE=1: GET /api/v2/tickets.json?page[size]=100 instead).
#
#   bench/api/h2-ticket-show.sh [desk jar] [port]
#
# Not the issue-16 comparison with WireMock (bench/api/run.sh is): a before/after of one jar against
# another on the same machine, run back to back.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DESK_JAR="${1:-$DESK_JAR}"
PORT="${2:-18080}"
require_tools java wrk jq curl openssl
WORK="$(mktemp -d)"
trap 'bench_cleanup $?' EXIT
desk_launcher
ADMIN_PASSWORD="$(openssl rand -base64 24 | tr -d '/+=\n')"
DESK_BASE="http://127.0.0.1:$PORT"
DESK_LOG="$WORK/desk.log"
java ${DESK_JAVA_OPTS:-} "${DESK_LAUNCH[@]}" --server.port="$PORT" --desk.data-dir="$WORK/data" \
    --desk.admin.email="$ADMIN_EMAIL" --desk.admin.password="$ADMIN_PASSWORD" \
    --desk.tokens.pepper="$(openssl rand -base64 32)" --desk.rate-limit.enforce=false >"$DESK_LOG" 2>&1 &
DESK_PID=$!
for _ in $(seq 1 240); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$DESK_BASE/login" || true)" == "200" ]] && break
    sleep 0.5
done
say "desk started (pid $DESK_PID) on $DESK_BASE (H2)"
desk_token
: >"$WORK/paths"
for i in $(seq 1 100); do
    id="$(curl -sS -f -H "$AUTH" -H 'Content-Type: application/json' -d '{"ticket":{"subject":"Printer '"$i"' on fire",
        "comment":{"body":"Smoke everywhere, row '"$i"'"},"priority":"high","tags":["hardware","plan_team"],
        "collaborator_ids":[1],"custom_fields":[{"id":360000000001,"value":"eu"},{"id":360000000003,"value":true}]}}' \
        "$DESK_BASE/api/v2/tickets.json" | jq -r '.ticket.id')"
    echo "/api/v2/tickets/$id.json" >>"$WORK/paths"
done
# PAGE=1: the first cursor page of 100 tickets instead of the tickets by id.
[[ -z "${PAGE:-}" ]] || echo "/api/v2/tickets.json?page[size]=100" >"$WORK/paths"
say "created 100 tickets; warming up ${WARMUP:-10s}"
export WRK_PATHS="$WORK/paths"
LUA="$(dirname "${BASH_SOURCE[0]}")/paths.lua"
wrk -t2 -c32 -d"${WARMUP:-10s}" -s "$LUA" -H "$AUTH" "$DESK_BASE" >/dev/null
say "measuring: wrk -t2 -c32 -d20s --latency"
# desk's own CPU time (user + system, in clock ticks) per request is far less disturbed by other load on
# a shared machine than requests per second are.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$DESK_PID/stat"; }
before="$(cpu_ticks)"
# JFR_OUT=file records the measurement only (start desk with -XX:FlightRecorderOptions:stackdepth=256
# through DESK_JAVA_OPTS for whole Spring stacks).
[[ -z "${JFR_OUT:-}" ]] || jcmd "$DESK_PID" JFR.start name=measure settings=profile >/dev/null
wrk -t2 -c32 -d20s --latency -s "$LUA" -H "$AUTH" "$DESK_BASE" >"$WORK/wrk.txt"
after="$(cpu_ticks)"
[[ -z "${JFR_OUT:-}" ]] || jcmd "$DESK_PID" JFR.stop name=measure filename="$JFR_OUT" >/dev/null
grep -E "Requests/sec|Latency|99%|Non-2xx|requests in" "$WORK/wrk.txt"
requests="$(awk '/requests in/ { print $1 }' "$WORK/wrk.txt")"
awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "desk CPU per request: %.0f us (%d requests, %.1f s CPU)\n", t / hz * 1e6 / n, n, t / hz }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
