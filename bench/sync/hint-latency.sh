#!/usr/bin/env bash
# Issue 11, "Done when" 4: latency from a ticket change in desk to an automation rule's action, with
# the webhook hint (desk's webhook → POST /hooks/zendesk/{id} → hinted runs) and without it (the
# schedule, every minute), desk and sync as separate processes.
#
# Prerequisites: Java 17, curl, jq, psql, openssl, awk; PostgreSQL at 127.0.0.1:5432 (trust, database
# "test"). Build both runnable jars first (from the repository root):
#   ./mvnw -q -o -pl common,desk,sync package -DskipTests
# then:
#   bench/sync/hint-latency.sh 2>&1 | tee /tmp/bench-hint-latency.log
#
# What it does:
#  1. desk on PostgreSQL (bench/api/lib.sh: schema $SCHEMA, rate limits not enforced) with private
#     webhook targets allowed, an API token, the plan's sandbox clock on (exports serve changes 2 s
#     old instead of 60 s: see the note below), and N_CHANGES tickets created through its API.
#  2. for each MODE in MODES ("hint schedule"): sync afresh on H2 (a new data dir), with
#     sync.engine.export-freshness=2s (desk's sandbox window) and otherwise default engine settings
#     (polling 5 s, housekeeping 30 s); a connection to desk with the token handed over through a
#     request link; a first full sync; the rule "ticket.updated, priority is urgent → add tag
#     bench-acted" (its action is a ticket write-back to desk through the Zendesk API).
#       hint      a desk webhook (zen:event-type:ticket.priority_changed) pointing at
#                 /hooks/zendesk/{id}; its signing secret stored in sync (PUT .../hint-secret);
#                 no schedule
#       schedule  no webhook; the schedule on, every minute (sync's shortest interval)
#     Then sets the priority of N_CHANGES tickets to urgent, one every GAP seconds, through desk's
#     API, noting the time each PUT returned; waits until the rule's history shows N_CHANGES firings
#     done; latency per ticket = the firing's finished_at (the write-back to desk done) − that time.
#     Prints p50, p90, p99 and max (nearest rank) per mode.
#
# Note: on a real Zendesk account exports hold a change back 60 s; sync's hint then waits
# sync.engine.export-freshness (60 s default) + 1 s before its runs, so add ~58 s to both modes there.
#
# Knobs: N_CHANGES (40), GAP (4 s), MODES ("hint schedule"), SCHEMA (bench_hint_desk), PORT (18611,
# desk), SYNC_PORT (18621), SYNC_JAVA_OPTS (-Xmx384m), DESK_JAR, SYNC_JAR, WAIT_TIMEOUT (300 s).
set -euo pipefail

# shellcheck source=bench/api/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../api/lib.sh"

SCHEMA="${SCHEMA:-bench_hint_desk}"
N_CHANGES="${N_CHANGES:-40}"
GAP="${GAP:-4}"
MODES="${MODES:-hint schedule}"
SYNC_JAVA_OPTS="${SYNC_JAVA_OPTS:--Xmx384m}"
SYNC_JAR="${SYNC_JAR:-$ROOT/sync/target/sync-0.1.0-SNAPSHOT-exec.jar}"
WAIT_TIMEOUT="${WAIT_TIMEOUT:-300}"
OPERATOR_EMAIL="operator@bench.local"
SYNC_PID=""

require_tools java curl jq psql openssl awk
[[ -f "$SYNC_JAR" ]] || die "no sync jar at $SYNC_JAR; build it first: ./mvnw -q -o -pl common,desk,sync package -DskipTests"

WORK="$(mktemp -d)"
trap 'status=$?; stop_pid "$SYNC_PID"; bench_cleanup $status' EXIT

desk_api() {
    local method=$1 path=$2 body=${3:-}
    if [[ -n "$body" ]]; then
        curl -sS -f -X "$method" -H "$AUTH" -H 'Content-Type: application/json' -d "$body" "$DESK_BASE$path"
    else
        curl -sS -f -X "$method" -H "$AUTH" "$DESK_BASE$path"
    fi
}

sync_api() {
    local method=$1 path=$2 body=${3:-} out status
    out="$(curl -sS -K "$WORK/operator.curlrc" -X "$method" -H 'Content-Type: application/json' \
        ${body:+-d "$body"} -w '\n%{http_code}' "$SYNC_BASE$path")" || die "$method $path: no answer from sync"
    status="$(tail -n 1 <<<"$out")"
    [[ "$status" == 2* ]] || die "$method $path answered $status: $(sed '$d' <<<"$out")"
    sed '$d' <<<"$out"
}

sync_start() {
    local port
    port="$(free_port "${SYNC_PORT:-18621}")"
    SYNC_BASE="http://127.0.0.1:$port"
    rm -rf "$WORK/sync-data"
    local password
    password="$(openssl rand -base64 24 | tr -d '/+=\n')"
    ( umask 077; printf 'user = "%s:%s"\n' "$OPERATOR_EMAIL" "$password" >"$WORK/operator.curlrc" )
    # shellcheck disable=SC2086 # SYNC_JAVA_OPTS is a list
    SYNC_DATA_DIR="$WORK/sync-data" SYNC_OPERATOR_EMAIL="$OPERATOR_EMAIL" SYNC_OPERATOR_PASSWORD="$password" \
        java $SYNC_JAVA_OPTS -jar "$SYNC_JAR" --server.port="$port" --management.server.port=0 \
        --sync.engine.export-freshness=2s --sync.engine.pacing=retry-after-only --sync.engine.quota-share=1.0 \
        >"$WORK/sync-$1.log" 2>&1 &
    SYNC_PID=$!
    for _ in $(seq 1 240); do
        kill -0 "$SYNC_PID" 2>/dev/null || { tail -n 30 "$WORK/sync-$1.log" >&2; die "sync exited during start-up"; }
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "$SYNC_BASE/login" || true)" == 200 ]] && break
        sleep 0.5
    done
    say "sync started (pid $SYNC_PID) on $SYNC_BASE"
}

sync_connect() {
    local link url page csrf status jar="$WORK/link-cookies.txt"
    CONNECTION="$(sync_api POST /api/connections \
        "{\"connection\":{\"name\":\"bench\",\"address\":\"$DESK_BASE\"}}" | jq -er '.connection.id')"
    link="$(sync_api POST "/api/connections/$CONNECTION/request-links")"
    url="$(jq -er '.request_link.url' <<<"$link")"
    rm -f "$jar"
    page="$(curl -sS -f -c "$jar" -b "$jar" "$url")" || die "GET of the request link failed"
    csrf="$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | sed -n '1s/.*value="\([^"]*\)"/\1/p')"
    [[ -n "$csrf" ]] || die "no _csrf field on the request link's page"
    status="$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
        --data-urlencode "email=$ADMIN_EMAIL" --data-urlencode "api_token@$WORK/desk-token" \
        --data-urlencode "_csrf=$csrf" "$url")"
    [[ "$status" == "200" ]] || die "the hand-over form answered $status"
}

# Queues a sync of every stream and waits until its runs finished.
sync_all() {
    local ids
    ids="$(sync_api POST "/api/connections/$CONNECTION/syncs" | jq -r '.runs[].id')"
    for id in $ids; do
        for _ in $(seq 1 600); do
            state="$(sync_api GET "/api/runs/$id" | jq -r '.run.state')"
            [[ "$state" == queued || "$state" == running ]] || break
            sleep 0.5
        done
        [[ "$state" == succeeded ]] || die "run $id ended $state"
    done
}

# percentiles FILE: p50 p90 p99 max (nearest rank) of the numbers in FILE, one a line.
percentiles() {
    sort -n "$1" | awk '{ v[NR] = $1 } END {
        n = NR; split("50 90 99", p, " ")
        for (i = 1; i <= 3; i++) { r = int((p[i] * n + 99) / 100); if (r < 1) r = 1; printf "p%s %.2f s, ", p[i], v[r] }
        printf "max %.2f s (n=%d)\n", v[n], n }'
}

machine_facts
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared with other builds and tests)"
DESK_JAVA_OPTS="${DESK_JAVA_OPTS:-} -Ddesk.webhooks.allow-private-targets=true"
desk_start "$(free_port "${PORT:-18611}")"
desk_token
( umask 077; printf '%s' "${AUTH#Authorization: Basic }" | base64 -d | sed 's|^[^:]*/token:||' >"$WORK/desk-token" )
desk_api PUT /api/v2/account/plan '{"plan":{"name":"enterprise","sandbox":true}}' >/dev/null
TOTAL=$((N_CHANGES * $(wc -w <<<"$MODES")))
FIRST=""
for i in $(seq 1 "$TOTAL"); do
    id="$(desk_api POST /api/v2/tickets \
        "{\"ticket\":{\"subject\":\"Latency $i\",\"comment\":{\"body\":\"bench\"},\"priority\":\"normal\"}}" \
        | jq -r '.ticket.id')"
    FIRST="${FIRST:-$id}"
done
say "desk: $TOTAL tickets from $FIRST; waiting 3 s for the export window"
sleep 3

offset=0
for mode in $MODES; do
    say "=== mode $mode: $N_CHANGES changes, one every $GAP s"
    sync_start "$mode"
    sync_connect
    sync_all
    rule="$(sync_api POST "/api/connections/$CONNECTION/rules" '{"rule":{"title":"bench","event":"ticket.updated",
        "conditions":{"all":[{"field":"priority","operator":"is","value":"urgent"}]},
        "actions":[{"field":"add_tags","value":"bench-acted"}]}}' | jq -r '.rule.id')"
    webhook=""
    if [[ "$mode" == hint ]]; then
        webhook="$(desk_api POST /api/v2/webhooks "{\"webhook\":{\"name\":\"sync hint\",
            \"endpoint\":\"$SYNC_BASE/hooks/zendesk/$CONNECTION\",\"http_method\":\"POST\",\"request_format\":\"json\",
            \"status\":\"active\",\"subscriptions\":[\"zen:event-type:ticket.priority_changed\"]}}" | jq -r '.webhook.id')"
        desk_api GET "/api/v2/webhooks/$webhook/signing_secret" | jq -c '{signing_secret: .signing_secret.secret}' \
            >"$WORK/hint-secret.json"
        sync_api PUT "/api/connections/$CONNECTION/hint-secret" "$(cat "$WORK/hint-secret.json")" >/dev/null
        rm -f "$WORK/hint-secret.json"
    else
        sync_api PUT "/api/connections/$CONNECTION/schedule" '{"schedule":{"enabled":true,"interval_minutes":1}}' >/dev/null
    fi
    : >"$WORK/changed-$mode"
    for i in $(seq 0 $((N_CHANGES - 1))); do
        ticket=$((FIRST + offset + i))
        desk_api PUT "/api/v2/tickets/$ticket" '{"ticket":{"priority":"urgent"}}' >/dev/null
        echo "$ticket $(date +%s.%N)" >>"$WORK/changed-$mode"
        sleep "$GAP"
    done
    offset=$((offset + N_CHANGES))
    deadline=$((SECONDS + WAIT_TIMEOUT))
    while :; do
        sync_api GET "/api/connections/$CONNECTION/rules/$rule/history?limit=1000" >"$WORK/history-$mode.json"
        done_count="$(jq '[.history.firings[] | select(.state == "done")] | length' "$WORK/history-$mode.json")"
        ((done_count >= N_CHANGES)) && break
        ((SECONDS < deadline)) || die "$mode: only $done_count of $N_CHANGES firings done within $WAIT_TIMEOUT s"
        sleep 1
    done
    jq -r '.history.firings[] | "\(.ticket_id) \(.finished_at)"' "$WORK/history-$mode.json" | while read -r t at; do
        echo "$t $(date -d "$at" +%s.%N)"
    done >"$WORK/acted-$mode"
    join <(sort "$WORK/changed-$mode") <(sort "$WORK/acted-$mode") | awk '{ printf "%.3f\n", $3 - $2 }' >"$WORK/latency-$mode"
    [[ "$(wc -l <"$WORK/latency-$mode")" == "$N_CHANGES" ]] || die "$mode: firings do not match the changes"
    runs="$(sync_api GET "/api/connections/$CONNECTION/runs" | jq -r '[.runs[] | .trigger] | group_by(.) | map("\(.[0]) \(length)") | join(", ")')"
    echo "$mode: change → action done: $(percentiles "$WORK/latency-$mode")  runs: $runs"
    if [[ -n "$webhook" ]]; then
        desk_api DELETE "/api/v2/webhooks/$webhook" >/dev/null
    fi
    stop_pid "$SYNC_PID"
    SYNC_PID=""
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
