#!/usr/bin/env bash
# Issue 5, "Done when" 6: unthrottled throughput of a full sync from desk into sync (tickets/s with
# comments, per stream), on sync's embedded H2 or on PostgreSQL, and sync's heap while it syncs.
#
# Prerequisites: Java 17 (java, jcmd), curl, jq, unzip, openssl, psql; PostgreSQL at 127.0.0.1:5432
# (trust, database "test"). Build both runnable jars first (from the repository root):
#   ./mvnw -q -pl desk,sync package -DskipTests
# then, for example:
#   bench/sync/run.sh 2>&1 | tee /tmp/bench-sync.log                       # 1,000,000 tickets, H2
#   SYNC_DB=postgres bench/sync/run.sh 2>&1 | tee /tmp/bench-sync-pg.log   # the same on PostgreSQL
#   N_TICKETS=20000 SYNC_DB="h2 postgres" bench/sync/run.sh                # quick: both, one desk load
#
# What it does:
#  1. desk (desk-0.1.0-SNAPSHOT-exec.jar) on PostgreSQL in its own schema $SCHEMA, rate limits counted
#     but not enforced (desk.rate-limit.enforce=false), Tomcat access log on (per-request time, to see
#     how long desk took per page); signs in, turns token access on, creates an API token (never
#     printed: only dsk_…last4).
#  2. loads N_TICKETS tickets and 1,020 users with bench/api/load-tickets.sql (history=0), then one
#     audit and one comment per ticket with bench/sync/load-comments.sql (the same rows as the
#     loader's history=1, without ticket_tags and desk's search index, which sync never reads and
#     which take most of the time at 1,000,000 tickets; HISTORY=full loads them too), so the
#     ticket_comments stream has N_TICKETS comments; every change and every comment is 70 to 800
#     days old, far outside the export's 60 s freshness window.
#  3. for each database in SYNC_DB (h2 | postgres, or both: "h2 postgres"), RUNS times: starts
#     sync's runnable jar afresh (H2 in a new temporary data dir, or PostgreSQL in the new schema
#     $SYNC_SCHEMA) with SYNC_JAVA_OPTS (default -Xmx256m) and G1 logging (-Xlog:gc*), the operator
#     password and SYNC_MASTER_KEY through the environment (generated here, never printed);
#     engine settings for an unthrottled benchmark: sync.engine.pacing=retry-after-only (desk reports
#     limits it does not enforce; "headers" pacing would wait for windows that do not bind) and
#     sync.engine.quota-share=1.0; creates the connection (POST /api/connections), hands the desk
#     token over through a request link (POST .../request-links, then the link's form with its CSRF
#     token and cookie), and syncs in PHASES:
#       split    (default) POST .../syncs {"streams":["tickets"]} and waits (tickets alone), then
#                {"streams":["users","organizations","ticket_comments"]} and waits; the whole sync
#                is both phases one after the other
#       together one POST .../syncs with all four streams (they run at once, sync.engine.threads=4)
#     While a phase runs it polls GET /api/runs/{id} every POLL seconds and samples per-thread CPU, and
#     sync's heap (jcmd GC.heap_info) every HEAP_POLL seconds. Any failed/paused run, a timeout, or a wrong count fails
#     the script.
#  4. prints per stream: records, seconds (started_at → finished_at), records/s, pages, requests;
#     desk's time for those requests (Tomcat access log) against the run's wall time; CPU seconds of
#     desk, sync (by thread group: sync-prefetch fetches and parses the next page while the runner
#     thread converts and commits the current one), PostgreSQL and the rest; sync's heap after each
#     GC (start, middle, end, max) from the GC log, and GC.heap_info samples.
#  5. checks: synced tickets (GET /api/connections/{id}/tickets count, and a COUNT(*) in sync's own
#     database: psql, or H2's Shell from the jar's h2 library after sync stopped) = N_TICKETS;
#     synced comments = desk's ticket_comments rows.
#
# Knobs (environment): N_TICKETS (1000000), SYNC_DB (h2), RUNS (1), PHASES (split | together),
# HISTORY (comments | full),
# SYNC_JAVA_OPTS (-Xmx256m), SYNC_PROPS (extra --key=value arguments for sync), POLL (5), HEAP_POLL (30 s
# between jcmd heap samples),
# PHASE_TIMEOUT (3600 s), SCHEMA (bench_sync_desk), SYNC_SCHEMA (bench_sync_store), PORT (18231, desk),
# SYNC_PORT (18241), SYNC_START_TIMEOUT (120 s), SYNC_PG_URL_PARAMS (appended to sync's PostgreSQL URL), DESK_JAR, SYNC_JAR, DESK_JAVA_OPTS (adds to the access-log options), OUT_DIR
# (keeps GC logs, access logs, run JSON and samples there), KEEP_SCHEMA=1, PGHOST/PGPORT/PGUSER/
# PGDATABASE, QUIET_IDLE/QUIET_TIMEOUT (see wait_for_quiet in bench/api/lib.sh).
set -euo pipefail

# shellcheck source=bench/api/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../api/lib.sh"

SCHEMA="${SCHEMA:-bench_sync_desk}"
SYNC_SCHEMA="${SYNC_SCHEMA:-bench_sync_store}"
N_TICKETS="${N_TICKETS:-1000000}"
SYNC_DB="${SYNC_DB:-h2}"
RUNS="${RUNS:-1}"
PHASES="${PHASES:-split}"
HISTORY="${HISTORY:-comments}"
POLL="${POLL:-5}"
HEAP_POLL="${HEAP_POLL:-30}"
PHASE_TIMEOUT="${PHASE_TIMEOUT:-3600}"
SYNC_JAVA_OPTS="${SYNC_JAVA_OPTS:--Xmx256m}"
SYNC_JAR="${SYNC_JAR:-$ROOT/sync/target/sync-0.1.0-SNAPSHOT-exec.jar}"
OPERATOR_EMAIL="operator@bench.local"
HZ="$(getconf CLK_TCK)"

for db in $SYNC_DB; do
    [[ "$db" == "h2" || "$db" == "postgres" ]] || die "SYNC_DB must be h2, postgres or both (\"h2 postgres\"); it is '$SYNC_DB'"
done
[[ "$HISTORY" == "comments" || "$HISTORY" == "full" ]] || die "HISTORY must be comments or full; it is '$HISTORY'"
[[ "$PHASES" == "split" || "$PHASES" == "together" ]] || die "PHASES must be split or together; it is '$PHASES'"
[[ -f "$SYNC_JAR" ]] || die "no sync jar at $SYNC_JAR; build it first: ./mvnw -q -pl desk,sync package -DskipTests"

require_tools java jcmd curl jq unzip psql openssl base64 awk
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sync-bench-XXXXXX")"
chmod 700 "$WORK"
SYNC_PID=""
sync_cleanup() {
    local status=$1
    stop_pid "$SYNC_PID"
    if [[ $status -ne 0 && -f "${SYNC_LOG:-}" ]]; then
        echo "--- last lines of the sync log ---" >&2
        tail -n 40 "$SYNC_LOG" >&2 || true
    fi
    if [[ -n "${OUT_DIR:-}" ]]; then
        mkdir -p "$OUT_DIR"
        cp -r "$WORK"/out/. "$OUT_DIR"/ 2>/dev/null || true
        cp "$WORK"/access/*.log "$OUT_DIR"/ 2>/dev/null || true
    fi
    if [[ "${KEEP_SCHEMA:-0}" != "1" ]]; then
        psql -X -q -c "DROP SCHEMA IF EXISTS $SYNC_SCHEMA CASCADE" >/dev/null 2>&1 || true
    fi
    bench_cleanup "$status"
}
trap 'sync_cleanup $?' EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK/out" "$WORK/access"

machine_facts
echo "sync jar: $SYNC_JAR ($(stat -c %s "$SYNC_JAR") bytes)"
echo "settings: N_TICKETS=$N_TICKETS SYNC_DB='$SYNC_DB' RUNS=$RUNS PHASES=$PHASES SYNC_JAVA_OPTS='$SYNC_JAVA_OPTS' SYNC_PROPS='${SYNC_PROPS:-}'"

# --- desk -------------------------------------------------------------------------------------
# Tomcat's access log: begin time (ms since the epoch), processing time (ms), status, bytes, path.
# The pattern has no spaces: DESK_JAVA_OPTS is split on them.
DESK_JAVA_OPTS="-Dserver.tomcat.accesslog.enabled=true -Dserver.tomcat.accesslog.directory=$WORK/access
 -Dserver.tomcat.accesslog.prefix=desk-access -Dserver.tomcat.accesslog.buffered=false
 -Dserver.tomcat.accesslog.rotate=false -Dserver.tomcat.accesslog.pattern=%{begin:msec}t|%{ms}T|%s|%b|%U
 ${DESK_JAVA_OPTS:-}"
desk_start "$(free_port "${PORT:-18231}")"
desk_token
# The hand-over form needs the token itself: from AUTH, into a 0600 file (curl reads it from there,
# so it never appears on a command line).
( umask 077; printf '%s' "${AUTH#Authorization: Basic }" | base64 -d | sed 's|^[^:]*/token:||' >"$WORK/desk-token" )
[[ -s "$WORK/desk-token" ]] || die "could not recover the desk token for the hand-over"

now="$(date +%s)"
spread_start=$((now - 800 * 86400))
burst_start=$((now - 400 * 86400))
say "loading $N_TICKETS tickets with one comment each into desk's schema $SCHEMA"
started="$(date +%s)"
bench_psql -v n="$N_TICKETS" -v history="$([[ "$HISTORY" == full ]] && echo 1 || echo 0)" \
    -v spread_start="$spread_start" -v spread_seconds="$((730 * 86400))" \
    -v burst_percent=40 -v burst_start="$burst_start" -v burst_seconds=160 \
    -f "$ROOT/bench/api/load-tickets.sql"
[[ "$HISTORY" == full ]] || bench_psql -f "$ROOT/bench/sync/load-comments.sql"
say "loaded in $(($(date +%s) - started)) s"
read -r desk_tickets desk_comments desk_users desk_orgs newest <<<"$(bench_psql -tA -F' ' -c "SELECT
    (SELECT count(*) FROM tickets), (SELECT count(*) FROM ticket_comments), (SELECT count(*) FROM users),
    (SELECT count(*) FROM organizations),
    greatest((SELECT max(generated_timestamp) FROM tickets), (SELECT extract(epoch FROM max(created_at))::bigint FROM ticket_audits))")"
echo "desk holds: $desk_tickets tickets, $desk_comments comments, $desk_users users, $desk_orgs organizations;" \
    "newest change $(($(date +%s) - newest)) s ago"
[[ "$desk_tickets" -eq "$N_TICKETS" ]] || die "desk holds $desk_tickets tickets, not $N_TICKETS"
[[ "$desk_comments" -eq "$N_TICKETS" ]] || die "desk holds $desk_comments comments, not $N_TICKETS"
bench_psql -c "SELECT pg_size_pretty(pg_total_relation_size('tickets')) AS tickets_size,
    pg_size_pretty(pg_total_relation_size('ticket_audits')) AS audits_size"

# --- sync ---------------------------------------------------------------------------------------
# A Tink JSON keyset with one AES-256-GCM key (AesGcmKey proto: field 3, key_value, 32 bytes).
master_key() {
    local id value
    id=$(($(od -An -N4 -tu4 /dev/urandom | tr -d ' ') % 2000000000 + 1))
    value="$({ printf '\x1a\x20'; openssl rand 32; } | base64 -w0)"
    printf '{"primaryKeyId":%d,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey","value":"%s","keyMaterialType":"SYMMETRIC"},"status":"ENABLED","keyId":%d,"outputPrefixType":"TINK"}]}' \
        "$id" "$value" "$id" | base64 -w0
}

# sync_api METHOD PATH [BODY]: operator call (HTTP Basic from a 0600 curl config); prints the body,
# fails the script unless the status is 2xx.
sync_api() {
    local method=$1 path=$2 body=${3:-} out status
    if [[ -n "$body" ]]; then
        out="$(curl -sS -K "$WORK/operator.curlrc" -X "$method" -H 'Content-Type: application/json' -d "$body" \
            -w '\n%{http_code}' "$SYNC_BASE$path")" || die "$method $path: no answer from sync"
    else
        out="$(curl -sS -K "$WORK/operator.curlrc" -X "$method" -w '\n%{http_code}' "$SYNC_BASE$path")" \
            || die "$method $path: no answer from sync"
    fi
    status="$(tail -n 1 <<<"$out")"
    [[ "$status" == 2* ]] || die "$method $path answered $status: $(sed '$d' <<<"$out" | head -c 500)"
    sed '$d' <<<"$out"
}

sync_start() {
    local db=$1 port
    port="$(free_port "${SYNC_PORT:-18241}")"
    SYNC_BASE="http://127.0.0.1:$port"
    SYNC_DATA="$WORK/sync-data"
    SYNC_LOG="$WORK/sync.log"
    SYNC_GC="$WORK/out/$LABEL-gc.log"
    rm -rf "$SYNC_DATA"
    mkdir -p "$SYNC_DATA"
    local operator_password db_args=()
    operator_password="$(openssl rand -base64 24 | tr -d '/+=\n')"
    ( umask 077; printf 'user = "%s:%s"\n' "$OPERATOR_EMAIL" "$operator_password" >"$WORK/operator.curlrc" )
    if [[ "$db" == "postgres" ]]; then
        psql -X -q -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS $SYNC_SCHEMA CASCADE" >/dev/null
        # sync turns pgjdbc's reWriteBatchedInserts on by itself; SYNC_PG_URL_PARAMS=&reWriteBatchedInserts=false
        # measures without it.
        db_args=(--spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SYNC_SCHEMA${SYNC_PG_URL_PARAMS:-}"
            --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}"
            --spring.flyway.schemas="$SYNC_SCHEMA" --spring.flyway.create-schemas=true)
    fi
    # shellcheck disable=SC2086 # SYNC_JAVA_OPTS and SYNC_PROPS are lists
    SYNC_DATA_DIR="$SYNC_DATA" SYNC_OPERATOR_EMAIL="$OPERATOR_EMAIL" SYNC_OPERATOR_PASSWORD="$operator_password" \
        SYNC_MASTER_KEY="$(master_key)" \
        java $SYNC_JAVA_OPTS -Xlog:gc*:file="$SYNC_GC":uptime,level,tags -jar "$SYNC_JAR" \
        --server.port="$port" --management.server.port=0 "${db_args[@]}" \
        --sync.engine.pacing=retry-after-only --sync.engine.quota-share=1.0 \
        --sync.engine.polling-interval=1s ${SYNC_PROPS:-} >"$SYNC_LOG" 2>&1 &
    SYNC_PID=$!
    for _ in $(seq 1 $((2 * ${SYNC_START_TIMEOUT:-120}))); do
        kill -0 "$SYNC_PID" 2>/dev/null || {
            tail -n 40 "$SYNC_LOG" >&2
            die "sync exited during start-up"
        }
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "$SYNC_BASE/login" || true)" == "200" ]] && break
        sleep 0.5
    done
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$SYNC_BASE/login" || true)" == "200" ]] \
        || die "sync did not answer on $SYNC_BASE/login within ${SYNC_START_TIMEOUT:-120} s (SYNC_START_TIMEOUT)"
    say "sync started (pid $SYNC_PID) on $SYNC_BASE, database $db$([[ $db == postgres ]] && echo " (schema $SYNC_SCHEMA)"), java options: $SYNC_JAVA_OPTS"
}

# Connection + hand-over of the desk token through a request link's form (as the Zendesk admin would).
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
    status="$(curl -sS -o "$WORK/handover.html" -w '%{http_code}' -c "$jar" -b "$jar" \
        --data-urlencode "email=$ADMIN_EMAIL" --data-urlencode "api_token@$WORK/desk-token" \
        --data-urlencode "_csrf=$csrf" "$url")"
    [[ "$status" == "200" ]] || die "the hand-over form answered $status"
    sync_api GET "/api/connections/$CONNECTION" | jq -e '.connection.credentials_received_at != null' >/dev/null \
        || die "the connection has no credentials after the hand-over"
    say "connection $CONNECTION to $DESK_BASE has the desk token (handed over through a request link)"
}

# --- measuring ------------------------------------------------------------------------------------
# "tid name ticks" for each thread of sync now (thread names cut to 15 characters by the kernel).
thread_ticks() {
    { cat /proc/"$SYNC_PID"/task/[0-9]*/stat 2>/dev/null || true; } | awk '{
        lp = index($0, "("); rp = 0
        for (i = length($0); i > 0; i--) if (substr($0, i, 1) == ")") { rp = i; break }
        comm = substr($0, lp + 1, rp - lp - 1); gsub(/ /, "_", comm)
        split(substr($0, rp + 2), f, " ")
        print $1, comm, f[12] + f[13] }'
}

# heap_sample: "seconds-since-phase-start used_MiB committed_MiB" from jcmd GC.heap_info.
heap_sample() {
    jcmd "$SYNC_PID" GC.heap_info 2>/dev/null | awk -v t="$1" '/garbage-first heap|def new generation|PSYoungGen|total.*used/ && !done {
        for (i = 1; i <= NF; i++) { if ($i == "total") tot = $(i + 1); if ($i == "used") used = $(i + 1) }
        gsub(/[K,]/, "", tot); gsub(/[K,]/, "", used)
        printf "%s %.0f %.0f\n", t, used / 1024, tot / 1024; done = 1 }'
}

# run_phase NAME STREAMS_JSON: starts a sync of those streams and waits until all its runs finished.
run_phase() {
    local name=$1 streams=$2 answer ids id state deadline phase_start t0 all_done last_heap
    wait_for_quiet
    echo "load average at the start of $LABEL/$name: $(cut -d' ' -f1-3 /proc/loadavg)"
    cpu_snapshot >"$WORK/cpu.before"
    thread_ticks >"$WORK/threads.base"
    : >"$WORK/threads.names"
    : >"$WORK/threads.max"
    phase_start="$(date +%s.%N)"
    t0=$SECONDS
    last_heap=$SECONDS
    answer="$(sync_api POST "/api/connections/$CONNECTION/syncs" "{\"sync\":{\"streams\":$streams}}")"
    ids="$(jq -r '.runs[].id' <<<"$answer")"
    [[ -n "$ids" ]] || die "POST .../syncs returned no runs: $answer"
    deadline=$((SECONDS + PHASE_TIMEOUT))
    while :; do
        sleep "$POLL"
        # Each jcmd starts a JVM of its own (about 0.5 CPU-s): every 5 s that was ~10 % of one of the
        # two cores taken from the systems measured. The GC log has every after-GC heap anyway.
        if ((SECONDS - last_heap >= HEAP_POLL)); then
            heap_sample $((SECONDS - t0)) >>"$WORK/out/$LABEL-heap-samples.txt" || true
            last_heap=$SECONDS
        fi
        thread_ticks >>"$WORK/threads.max"
        all_done=yes
        for id in $ids; do
            sync_api GET "/api/runs/$id" >"$WORK/run-$id.json"
            state="$(jq -r '.run.state' "$WORK/run-$id.json")"
            case "$state" in
                succeeded) ;;
                queued | running) all_done="" ;;
                *) die "run $id ($(jq -r '.run.stream' "$WORK/run-$id.json")) ended $state: $(jq -r '.run.error' "$WORK/run-$id.json")" ;;
            esac
        done
        if ((SECONDS - t0 >= 60 && (SECONDS - t0) % 60 < POLL)); then
            say "$LABEL/$name: $(for id in $ids; do jq -r '.run | "\(.stream) \(.records)"' "$WORK/run-$id.json"; done | paste -sd, -)" \
                "(load $(cut -d' ' -f1 /proc/loadavg))"
        fi
        [[ -z "$all_done" ]] || break
        ((SECONDS < deadline)) || die "$LABEL/$name did not finish within $PHASE_TIMEOUT s"
    done
    cpu_snapshot >"$WORK/cpu.after"
    echo "load average at the end of $LABEL/$name: $(cut -d' ' -f1-3 /proc/loadavg)"
    # Per run: records, seconds from started_at to finished_at, records/s.
    local first_start="" last_finish="" stream records pages requests started finished seconds
    echo "--- $LABEL/$name: runs ---"
    printf '%-16s %10s %8s %9s %12s %7s %9s %14s\n' stream records seconds records/s run_rec/s pages requests waited_seconds
    for id in $ids; do
        jq '.run' "$WORK/run-$id.json" >>"$WORK/out/$LABEL-runs.json"
        read -r stream records pages requests started finished <<<"$(jq -r '.run | "\(.stream) \(.records) \(.pages) \(.requests) \(.started_at) \(.finished_at)"' "$WORK/run-$id.json")"
        started="$(date -d "$started" +%s.%N)"
        finished="$(date -d "$finished" +%s.%N)"
        seconds="$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f", b - a }')"
        printf '%-16s %10s %8s %9.0f %12s %7s %9s %14s\n' "$stream" "$records" "$seconds" \
            "$(awk -v r="$records" -v s="$seconds" 'BEGIN { print (s > 0 ? r / s : 0) }')" \
            "$(jq -r '.run.records_per_second' "$WORK/run-$id.json")" "$pages" "$requests" \
            "$(jq -r '.run.waited_seconds' "$WORK/run-$id.json")"
        [[ -z "$first_start" ]] || (($(awk -v a="$started" -v b="$first_start" 'BEGIN { print (a < b) }'))) && first_start="$started"
        [[ -z "$last_finish" ]] || (($(awk -v a="$finished" -v b="$last_finish" 'BEGIN { print (a > b) }'))) && last_finish="$finished"
        echo "$LABEL $name $stream $records $seconds" >>"$WORK/summary.txt"
    done
    local wall
    wall="$(awk -v a="$first_start" -v b="$last_finish" 'BEGIN { printf "%.1f", b - a }')"
    echo "$LABEL $name wall $wall" >>"$WORK/summary.txt"
    echo "phase wall time (first start → last finish): $wall s; POST → all finished seen: $((SECONDS - t0)) s (polling every $POLL s)"
    # desk's side, from its access log: requests of this phase per endpoint, their processing time.
    echo "--- $LABEL/$name: desk's time per export request (Tomcat access log, ms) ---"
    awk -F'|' -v from="$(awk -v a="$phase_start" 'BEGIN { printf "%d", a * 1000 }')" -v wall="$wall" '
        $1 >= from && $5 ~ /incremental/ { n[$5]++; t[$5] += $2; b[$5] += $4; if ($2 > m[$5]) m[$5] = $2; if ($3 != 200) bad++ }
        END { for (p in n) printf "%-45s requests %5d, desk total %7.1f s (%.0f%% of the phase wall time), mean %.1f ms, max %d ms, mean %.2f MB\n",
                  p, n[p], t[p] / 1000, 100 * t[p] / 1000 / wall, t[p] / n[p], m[p], b[p] / n[p] / 1e6
              if (bad) printf "non-200 answers: %d\n", bad }' "$WORK"/access/desk-access*.log
    echo "--- $LABEL/$name: CPU ---"
    cpu_report "$WORK/cpu.before" "$WORK/cpu.after" "$SYNC_PID" | sed 's/server/sync/'
    awk -v desk="$DESK_PID" -v hz="$HZ" 'FNR == NR { b[$1] = $3; next } $1 == desk { printf "of which desk: %.1f CPU-s\n", ($3 - b[$1]) / hz }' \
        "$WORK/cpu.before" "$WORK/cpu.after"
    # sync's threads: CPU from the sample before the POST (0 for threads started later) to the last
    # sample of each thread; named by jcmd Thread.print (nid = the kernel's thread id), digits cut.
    jcmd "$SYNC_PID" Thread.print 2>/dev/null | sed -n 's/^"\([^"]*\)".* nid=\(0x[0-9a-f]*\).*/\2 \1/p' \
        | while read -r nid tname; do echo "$((nid)) ${tname// /_}"; done >>"$WORK/threads.names"
    awk -v hz="$HZ" 'FILENAME ~ /names$/ { jn[$1] = $2; next } FILENAME ~ /base$/ { base[$1] = $3; next }
        { last[$1] = $3; name[$1] = $2 }
        END { for (t in last) { g = (t in jn) ? jn[t] : name[t]; gsub(/[0-9]+/, "N", g); c[g] += last[t] - base[t] }
              for (g in c) if (c[g] / hz >= 0.2) printf "  %-36s %7.1f CPU-s\n", g, c[g] / hz }' \
        "$WORK/threads.names" "$WORK/threads.base" "$WORK/threads.max" \
        | sort -k2 -g -r | { echo "sync threads with ≥ 0.2 CPU-s in this phase (prefetch = next page over HTTP + JSON parse; the db-scheduler/pool thread = convert + store + commit):"; cat; }
}

# heap_report: sync's heap after each GC from the GC log (G1 "Pause ... A->B(C)" lines).
heap_report() {
    echo "--- $LABEL: sync's heap after GC (GC log $(basename "$SYNC_GC")) ---"
    grep -E '\[gc *\] GC\([0-9]+\) Pause' "$SYNC_GC" | sed -E 's/^\[([0-9.]+)s\].*->([0-9]+)M\(([0-9]+)M\).*/\1 \2 \3/' \
        | grep -E '^[0-9.]+ [0-9]+ [0-9]+$' >"$WORK/after-gc.txt" || true
    [[ -s "$WORK/after-gc.txt" ]] || { echo "(no GC pause lines in the log)"; return; }
    awk -v from="$SYNC_WORK_FROM" '$1 >= from' "$WORK/after-gc.txt" >"$WORK/after-gc-run.txt"
    [[ -s "$WORK/after-gc-run.txt" ]] || cp "$WORK/after-gc.txt" "$WORK/after-gc-run.txt"
    awk '{ v[NR] = $2; t[NR] = $1; c = $3; if ($2 > m) { m = $2; mt = $1 } }
        END { mid = int((NR + 1) / 2)
              printf "GCs during the sync: %d; heap after GC: start %d MiB (%.0f s), middle %d MiB (%.0f s), end %d MiB (%.0f s), max %d MiB (at %.0f s); committed at the end %d MiB\n",
                  NR, v[1], t[1], v[mid], t[mid], v[NR], t[NR], m, mt, c }' "$WORK/after-gc-run.txt"
    # Per tenth of the sync's time: the lowest and highest heap after a GC (the lowest is close to
    # the live data; young pauses leave old-generation garbage until G1's next marking cycle).
    awk 'NR == 1 { a = $1 } { t[NR] = $1; v[NR] = $2; b = $1 }
        END { for (i = 1; i <= NR; i++) { d = (b > a) ? int(10 * (t[i] - a) / (b - a)) : 0; if (d > 9) d = 9
                  if (!(d in lo) || v[i] < lo[d]) lo[d] = v[i]; if (v[i] > hi[d]) hi[d] = v[i] }
              printf "after-GC heap per tenth of the sync time, lowest-highest (MiB):"
              for (d = 0; d < 10; d++) printf " %s", (d in lo) ? lo[d] "-" hi[d] : "n/a"; print "" }' "$WORK/after-gc-run.txt"
    echo "full GCs: $({ grep -E '\[gc *\] GC\([0-9]+\) Pause Full' "$SYNC_GC" || true; } | wc -l)"
    grep -E '\[gc *\] GC\([0-9]+\) Pause' "$SYNC_GC" | sed -E 's/.* ([0-9.]+)ms$/\1/' | grep -E '^[0-9.]+$' \
        | awk '{ n++; t += $1; if ($1 > m) m = $1 } END { printf "GC pauses: %d, %.0f ms in all, longest %.1f ms\n", n, t, m }'
    awk '{ if ($2 > m) m = $2; s[NR] = $2 } END { if (NR) printf "jcmd GC.heap_info samples: %d, used (MiB) first %d, middle %d, last %d, max %d\n", NR, s[1], s[int((NR + 1) / 2)], s[NR], m }' \
        "$WORK/out/$LABEL-heap-samples.txt"
}

count_checks() {
    local db=$1 api_tickets store_tickets store_comments
    api_tickets="$(sync_api GET "/api/connections/$CONNECTION/tickets?page%5Bsize%5D=1" | jq -er '.count')"
    echo "synced tickets per sync's API (GET /api/connections/$CONNECTION/tickets count): $api_tickets"
    sync_api GET "/api/connections/$CONNECTION/streams" | jq -r '.streams[] | "stream \(.name): \(.records) records, state \(.state)"'
    jcmd "$SYNC_PID" GC.run >/dev/null 2>&1 || true
    echo "after a full GC at the end (jcmd GC.run): $(heap_sample end | awk '{ print "heap used " $2 " MiB, committed " $3 " MiB" }'), RSS $(ps -o rss= -p "$SYNC_PID" | tr -d ' ') KiB"
    if [[ "$db" == "postgres" ]]; then
        read -r store_tickets store_comments <<<"$(PGOPTIONS="-c search_path=$SYNC_SCHEMA" psql -X -tA -F' ' -c \
            "SELECT (SELECT count(*) FROM synced_tickets WHERE connection_id = $CONNECTION),
                    (SELECT count(*) FROM synced_ticket_comments WHERE connection_id = $CONNECTION)")"
        stop_pid "$SYNC_PID"
        SYNC_PID=""
    else
        stop_pid "$SYNC_PID"
        SYNC_PID=""
        [[ -f "$WORK/h2.jar" ]] || unzip -p "$SYNC_JAR" "$(unzip -Z1 "$SYNC_JAR" | grep '^BOOT-INF/lib/h2-.*\.jar$')" >"$WORK/h2.jar"
        read -r store_tickets store_comments <<<"$(java -cp "$WORK/h2.jar" org.h2.tools.Shell -url "jdbc:h2:file:$SYNC_DATA/sync" \
            -user sa -password '' -sql "SELECT (SELECT COUNT(*) FROM synced_tickets WHERE connection_id = $CONNECTION) AS T, (SELECT COUNT(*) FROM synced_ticket_comments WHERE connection_id = $CONNECTION) AS C" \
            | sed -n '2p' | tr -d '\r' | tr -s ' |' '  ')"
        echo "sync's H2 database on disk: $(du -sh "$SYNC_DATA" | cut -f1)"
    fi
    echo "in sync's $db database: $store_tickets synced tickets, $store_comments synced comments"
    [[ "$api_tickets" -eq "$N_TICKETS" ]] || die "$LABEL: sync's API counts $api_tickets tickets, not $N_TICKETS"
    [[ "$store_tickets" -eq "$N_TICKETS" ]] || die "$LABEL: sync's database holds $store_tickets tickets, not $N_TICKETS"
    [[ "$store_comments" -eq "$desk_comments" ]] || die "$LABEL: sync's database holds $store_comments comments, not $desk_comments"
    echo "check passed: tickets = $N_TICKETS, comments = $desk_comments"
}

: >"$WORK/summary.txt"
for db in $SYNC_DB; do
    for run in $(seq 1 "$RUNS"); do
        LABEL="$db-$PHASES-r$run"
        echo
        echo "=============== $LABEL ==============="
        sync_start "$db"
        sync_connect
        # The GC log's uptime of the first phase's start: everything before is start-up.
        SYNC_WORK_FROM="$(jcmd "$SYNC_PID" VM.uptime 2>/dev/null | awk 'NR == 2 { print $1 + 0 }')"
        if [[ "$PHASES" == "split" ]]; then
            run_phase tickets '["tickets"]'
            run_phase others '["users","organizations","ticket_comments"]'
        else
            run_phase all '["tickets","users","organizations","ticket_comments"]'
        fi
        heap_report
        count_checks "$db"
    done
done

echo
echo "=== summary ($N_TICKETS tickets, $desk_comments comments; PHASES=$PHASES) ==="
awk '$3 == "wall" { w[$1 " " $2] = $4; next } { r[$1 " " $2 " " $3] = $4; s[$1 " " $2 " " $3] = $5 }
    END {
        for (k in r) { split(k, p, " "); printf "%-22s %-8s %-16s %9d records in %7.1f s = %7.0f records/s\n", p[1], p[2], p[3], r[k], s[k], (s[k] > 0 ? r[k] / s[k] : 0) }
        for (k in w) { split(k, p, " "); printf "%-22s %-8s %-16s phase wall time %7.1f s\n", p[1], p[2], "(all its runs)", w[k] }
    }' "$WORK/summary.txt" | sort
awk -v n="$N_TICKETS" '$3 == "wall" { w[$1] += $4 } END { for (l in w) printf "%-22s whole sync (all four streams): %.1f s = %.0f tickets/s with %d comments (%.0f records/s of tickets and comments)\n", l, w[l], n / w[l], n, 2 * n / w[l] }' \
    "$WORK/summary.txt" | sort
cp "$WORK/summary.txt" "$WORK/out/summary.txt"
