#!/usr/bin/env bash
# Set A (issues 3 and 16): desk's ticket reads on PostgreSQL with 100,000 tickets (DB=postgres, the
# default) or on its default embedded H2 (DB=h2, 10,000 tickets made over the API), against WireMock
# serving a canned copy of exactly the same responses and against the stack's floor (Spring Boot MVC
# on Tomcat answering the same bytes from memory: bench/src/main/java/io/deskbridge/bench/floor),
# all measured with the same wrk commands. Issue 16's run:
#   WRK_CONNECTIONS=32 WRK_DURATION=20s bench/api/run.sh; DB=h2 WRK_CONNECTIONS=32 WRK_DURATION=20s bench/api/run.sh
#
#   (1) GET /api/v2/tickets/{id}.json                                   rotating over ID_COUNT ids
#   (2) GET /api/v2/tickets.json?page[size]=100&page[after]=<cursor>    rotating over CURSOR_COUNT cursors
#
# Prerequisites: Java 17, curl, jq, unzip, wrk, psql (Debian: apt-get install -y wrk jq curl unzip
# postgresql-client), PostgreSQL 15 at 127.0.0.1:5432 with trust auth and a database "test" (the
# PG* variables point elsewhere), Maven Central (WireMock standalone and, if the jar lacks it,
# snakeyaml are fetched with ./mvnw), python3 on H2. Build desk and the floor server first:
#   ./mvnw -q -pl desk,bench -am package -DskipTests
# then, from the repository root:
#   bench/api/run.sh 2>&1 | tee /tmp/bench-api.log
#
# What it does: drops and recreates schema $SCHEMA; starts desk on it (desk.rate-limit.enforce=
# false, so that a build that enforces API rate limits still never answers 429); signs in and
# creates an API token (never printed); loads N_TICKETS tickets with one audit, one comment, tags and
# search terms each (bench/api/load-tickets.sql, then VACUUM ANALYZE); picks ID_COUNT ids spread over
# the table and walks the whole cursor list to take CURSOR_COUNT after_cursors spread over it;
# records desk's response (body and headers but Date/Content-Length) for each of those URLs as
# WireMock stubs and checks that WireMock answers byte-identical bodies with the same Content-Type;
# then, ROUNDS times and for each endpoint, runs wrk (warm-up, then measured) against desk and
# against WireMock, the first server alternating between rounds; prints
# EXPLAIN (ANALYZE, BUFFERS) of the two statements desk runs and a summary. Any non-2xx answer fails
# the run. Stops both servers and drops the schema on exit (KEEP_SCHEMA=1 keeps it).
#
# Knobs (environment): DB (postgres|h2), JFR_DIR (a JFR recording of each desk run), FLOOR_PORT (18203), DESK_JAR, SCHEMA (bench_api), PORT (18201), WIREMOCK_PORT (18202), N_TICKETS
# (100000), ID_COUNT (100), CURSOR_COUNT (50), WRK_THREADS (2), WRK_CONNECTIONS (16), WRK_DURATION
# (30s), WRK_WARMUP (10s), ROUNDS (2), QUIET_IDLE/QUIET_TIMEOUT (see wait_for_quiet in lib.sh),
# DESK_JAVA_OPTS, WIREMOCK_JAVA_OPTS, PGHOST/PGPORT/PGUSER/PGDATABASE.
set -euo pipefail

# shellcheck source=bench/api/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB="${DB:-postgres}"
case "$DB" in
    postgres) SCHEMA="${SCHEMA:-bench_api}"; N_TICKETS="${N_TICKETS:-100000}" ;;
    # The PostgreSQL loader cannot write H2; tickets are made over the API, 10,000 by default (a few minutes).
    h2) SCHEMA=""; N_TICKETS="${N_TICKETS:-10000}" ;;
    *) echo "DB must be postgres or h2, not '$DB'" >&2; exit 2 ;;
esac
ID_COUNT="${ID_COUNT:-100}"
CURSOR_COUNT="${CURSOR_COUNT:-50}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-16}"
WRK_DURATION="${WRK_DURATION:-30s}"
WRK_WARMUP="${WRK_WARMUP:-10s}"
ROUNDS="${ROUNDS:-2}"

require_tools java curl jq unzip wrk psql openssl base64
WORK="$(mktemp -d "${TMPDIR:-/tmp}/desk-bench-api-XXXXXX")"
chmod 700 "$WORK"
trap 'bench_cleanup $?' EXIT
trap 'exit 130' INT TERM

machine_facts

if [[ "$DB" == "h2" ]]; then
    desk_start_h2 "$(free_port "${PORT:-18201}")"
    desk_token
    say "creating $N_TICKETS tickets over the API (bench/api/create-tickets.py, 4 keep-alive connections)"
    started="$(date +%s)"
    DESK_AUTH="${AUTH#Authorization: }" python3 "$ROOT/bench/api/create-tickets.py" "$DESK_BASE" "$N_TICKETS" 4
    say "created in $(($(date +%s) - started)) s"
else
    desk_start "$(free_port "${PORT:-18201}")"
    desk_token

    say "loading $N_TICKETS tickets (with audits, comments, tags, search terms) into schema $SCHEMA"
    now="$(date +%s)"
    started="$(date +%s)"
    bench_psql -v n="$N_TICKETS" -v history=1 \
        -v spread_start="$((now - 400 * 86400))" -v spread_seconds="$((365 * 86400))" \
        -v burst_percent=0 -v burst_start="$((now - 400 * 86400))" -v burst_seconds=1 \
        -f "$ROOT/bench/api/load-tickets.sql"
    say "loaded in $(($(date +%s) - started)) s: $(bench_psql -tA -c 'SELECT count(*) FROM tickets') tickets," \
        "$(bench_psql -tA -c 'SELECT count(*) FROM search_terms') search terms," \
        "tickets table $(bench_psql -tA -c "SELECT pg_size_pretty(pg_total_relation_size('tickets'))") with indexes"

    # (1) ids spread evenly over the table.
    bench_psql -tA -c "SELECT '/api/v2/tickets/' || id || '.json' FROM (
        SELECT id, row_number() OVER (ORDER BY id) AS r, count(*) OVER () AS n FROM tickets WHERE deleted_at IS NULL) AS t
      WHERE r % greatest(1, n / $ID_COUNT) = 0 ORDER BY id LIMIT $ID_COUNT" >"$WORK/ids.paths"
fi

# (2) walk the whole list once (this also warms desk up), keeping each page's after_cursor and last id.
say "walking the cursor list (page[size]=100)"
: >"$WORK/walk.tsv"
path="/api/v2/tickets.json?page[size]=100"
pages=0
while :; do
    curl -sS -g -f -H "$AUTH" -o "$WORK/page.json" "$DESK_BASE$path" || die "GET $path failed"
    pages=$((pages + 1))
    jq -r '[.meta.after_cursor, (.tickets[-1].id | tostring), (.meta.has_more | tostring)] | @tsv' "$WORK/page.json" >>"$WORK/walk.tsv"
    jq -r '.tickets[].id' "$WORK/page.json" >>"$WORK/all-ids.txt"
    [[ "$(tail -n 1 "$WORK/walk.tsv" | cut -f3)" == "true" ]] || break
    path="/api/v2/tickets.json?page[size]=100&page[after]=$(tail -n 1 "$WORK/walk.tsv" | cut -f1)"
done
say "walked $pages pages"
if [[ "$DB" == "h2" ]]; then
    # (1) on H2: ids spread evenly over the walk.
    awk -v n="$(wc -l <"$WORK/all-ids.txt")" -v k="$ID_COUNT" 'NR % int(n / k > 1 ? n / k : 1) == 0 && c < k { c++; print "/api/v2/tickets/" $1 ".json" }' \
        "$WORK/all-ids.txt" >"$WORK/ids.paths"
fi
# Cursors spread evenly over the walk, never the last page's (it has nothing after it).
step=$(((pages - 1) / CURSOR_COUNT))
((step >= 1)) || step=1
awk -F'\t' -v step="$step" -v max="$CURSOR_COUNT" 'NR % step == 0 && $3 == "true" && n < max { n++; print }' \
    "$WORK/walk.tsv" >"$WORK/cursors.tsv"
cut -f1 "$WORK/cursors.tsv" | sed 's|^|/api/v2/tickets.json?page[size]=100\&page[after]=|' >"$WORK/pages.paths"

# Records desk's answer for every path of $1 into WireMock import format at $2.
record() {
    local paths=$1 out=$2 i=0 path
    mkdir -p "$WORK/recorded"
    : >"$WORK/recorded/list.jsonl"
    while IFS= read -r path; do
        i=$((i + 1))
        curl -sS -g -f -H "$AUTH" -D "$WORK/recorded/$i.headers" -o "$WORK/recorded/$i.body" "$DESK_BASE$path" \
            || die "GET $path failed while recording"
        jq -n -c --arg url "$path" --rawfile body "$WORK/recorded/$i.body" --rawfile raw "$WORK/recorded/$i.headers" '
            ($raw | split("\r\n") | .[1:] | map(select(length > 0) | capture("^(?<k>[^:]+):[ ]*(?<v>.*)$"))
                | map(select(.k | ascii_downcase | IN("date", "content-length", "transfer-encoding", "connection", "keep-alive") | not))
                | map({(.k): .v}) | add) as $headers
            | {request: {method: "GET", url: $url}, response: {status: 200, headers: $headers, body: $body}}' \
            >>"$WORK/recorded/list.jsonl"
    done <"$paths"
    jq -s '{mappings: .}' "$WORK/recorded/list.jsonl" >"$out"
    rm -rf "$WORK/recorded"
}

# Every path of $1 answers the same bytes and Content-Type on WireMock as on desk.
verify() {
    local paths=$1 base=$2 name=$3 path a b
    while IFS= read -r path; do
        a="$(curl -sS -g -f -H "$AUTH" -o "$WORK/a.body" -w '%{content_type}' "$DESK_BASE$path")"
        b="$(curl -sS -g -f -H "$AUTH" -o "$WORK/b.body" -w '%{content_type}' "$base$path")" \
            || die "$name has no answer for $path"
        [[ "$a" == "$b" ]] || die "Content-Type differs for $path: desk '$a', $name '$b'"
        cmp -s "$WORK/a.body" "$WORK/b.body" || die "$name's body differs from desk's for $path"
    done <"$paths"
    say "$name answers the same bodies and Content-Type ($a) as desk for all $(wc -l <"$paths") paths"
}

say "recording desk's responses as WireMock stubs"
record "$WORK/ids.paths" "$WORK/ids.mappings.json"
record "$WORK/pages.paths" "$WORK/pages.mappings.json"
wiremock_start "$(free_port "${WIREMOCK_PORT:-18202}")"
floor_start "$(free_port "${FLOOR_PORT:-18203}")" "$WORK/ids.mappings.json" "$WORK/pages.mappings.json"

measure() {
    local label=$1 base=$2 paths=$3 pid=$4
    wait_for_quiet
    if [[ "$WRK_WARMUP" != "0" ]]; then
        say "warm-up $label ($WRK_WARMUP, not reported)"
        WRK_PATHS="$paths" wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" -s "$ROOT/bench/api/paths.lua" \
            -H "$AUTH" "$base" >/dev/null
    fi
    # JFR_DIR=dir: a JFR recording (settings=profile) of desk during each of its measured runs.
    [[ -z "${JFR_DIR:-}" || "$pid" != "$DESK_PID" ]] || jcmd "$pid" JFR.start name="$label" settings=profile >/dev/null
    wrk_run "$label" "$base" "$paths" "$WRK_DURATION" "$WRK_THREADS" "$WRK_CONNECTIONS" "$pid" | tee "$WORK/$label.wrk"
    [[ -z "${JFR_DIR:-}" || "$pid" != "$DESK_PID" ]] \
        || jcmd "$pid" JFR.stop name="$label" filename="$(cd "$JFR_DIR" && pwd)/$label.jfr" >/dev/null
}

body_bytes() {
    local total=0 n=0 path
    while IFS= read -r path; do
        total=$((total + $(curl -sS -g -f -H "$AUTH" -o /dev/null -w '%{size_download}' "$DESK_BASE$path")))
        n=$((n + 1))
    done <"$1"
    echo $((total / n))
}
echo "mean body size: ticket $(body_bytes "$WORK/ids.paths") bytes, page of 100 $(body_bytes "$WORK/pages.paths") bytes"

# Rounds rotate which server goes first, so that none always meets the same neighbours.
servers=(desk wiremock floor)
for round in $(seq 1 "$ROUNDS"); do
    for what in ticket page; do
        paths="$WORK/ids.paths"
        [[ "$what" == "page" ]] && paths="$WORK/pages.paths"
        wiremock_load "$WORK/$(basename "$paths" .paths).mappings.json"
        if ((round == 1)); then
            verify "$paths" "$WIREMOCK_BASE" WireMock
            verify "$paths" "$FLOOR_BASE" "the floor server"
        fi
        for k in 0 1 2; do
            server="${servers[$(((round - 1 + k) % 3))]}"
            case "$server" in
                desk) measure "desk-$what-r$round" "$DESK_BASE" "$paths" "$DESK_PID" ;;
                wiremock) measure "wiremock-$what-r$round" "$WIREMOCK_BASE" "$paths" "$WIREMOCK_PID" ;;
                floor) measure "floor-$what-r$round" "$FLOOR_BASE" "$paths" "$FLOOR_PID" ;;
            esac
        done
    done
done

desk_memory "after the runs" gc

if [[ "$DB" == "postgres" ]]; then
echo
echo "=== EXPLAIN (ANALYZE, BUFFERS): the statements desk runs ==="
mid_id="$(sed -n "$((ID_COUNT / 2))p" "$WORK/ids.paths" | sed 's|.*/||; s|\.json$||')"
mid_k0="$(sed -n "$((CURSOR_COUNT / 2))p" "$WORK/cursors.tsv" | cut -f2)"
echo "--- GET /api/v2/tickets/$mid_id.json ---"
bench_psql -c "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM tickets WHERE id = $mid_id"
echo "--- cursor page after id $mid_k0 (page[size]=100 fetches 101 rows) ---"
bench_psql -c "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM tickets t WHERE t.deleted_at IS NULL AND id > $mid_k0
    ORDER BY id ASC OFFSET 0 ROWS FETCH NEXT 101 ROWS ONLY"
echo "--- the same as a generic plan (what a prepared statement may switch to after five runs) ---"
bench_psql -c "SET plan_cache_mode = force_generic_plan" \
    -c "PREPARE page(bigint) AS SELECT * FROM tickets t WHERE t.deleted_at IS NULL AND id > \$1
        ORDER BY id ASC OFFSET 0 ROWS FETCH NEXT 101 ROWS ONLY" \
    -c "EXPLAIN (ANALYZE, BUFFERS) EXECUTE page($mid_k0)"
fi

# wrk prints latencies as 812.00us, 1.20ms or 1.05s.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
        else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
        else { print v } }'
}
figure() {
    case $2 in
        rps) awk '/^Requests\/sec/ { print $2 }' "$WORK/$1.wrk" ;;
        p50) to_ms "$(awk '$1 == "50%" { print $2 }' "$WORK/$1.wrk")" ;;
        p99) to_ms "$(awk '$1 == "99%" { print $2 }' "$WORK/$1.wrk")" ;;
        other) sed -n 's/.*other running processes \([0-9.]*\).*/\1/p' "$WORK/$1.wrk" ;;
        # The server's own CPU time per request (user + system), far less disturbed by other load than req/s.
        cpu_us) awk '/requests in/ { n = $1 } /CPU seconds during the run: server/ { s = $7; sub(/,$/, "", s) }
                     END { printf "%.0f", (n > 0 ? s * 1e6 / n : 0) }' "$WORK/$1.wrk" ;;
    esac
}

# The round to compare for one server and endpoint: among the rounds in which other processes took
# at most 2 CPU-seconds (undisturbed), the one with the highest throughput; if every round was
# disturbed, the one with the highest throughput.
best_round() {
    local server=$1 what=$2 round
    for round in $(seq 1 "$ROUNDS"); do
        echo "$(figure "$server-$what-r$round" other) $(figure "$server-$what-r$round" rps) $round"
    done | awk '{ print ($1 <= 2 ? 1 : 0), $2, $3 }' | sort -k1,1nr -k2,2gr | awk 'NR == 1 { print $3 }'
}

echo
echo "=== summary ($DB, wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION, $N_TICKETS tickets, $ROUNDS rounds) ==="
printf '%-22s %10s %9s %9s %12s %16s\n' run req/s p50_ms p99_ms cpu_us/req other_cpu_s
for round in $(seq 1 "$ROUNDS"); do
    for label in desk-ticket wiremock-ticket floor-ticket desk-page wiremock-page floor-page; do
        printf '%-22s %10s %9s %9s %12s %16s\n' "$label-r$round" "$(figure "$label-r$round" rps)" \
            "$(figure "$label-r$round" p50)" "$(figure "$label-r$round" p99)" "$(figure "$label-r$round" cpu_us)" \
            "$(figure "$label-r$round" other)"
    done
done
for what in ticket page; do
    d="desk-$what-r$(best_round desk "$what")"
    w="wiremock-$what-r$(best_round wiremock "$what")"
    awk -v d="$(figure "$d" rps)" -v w="$(figure "$w" rps)" -v dp="$(figure "$d" p99)" -v wp="$(figure "$w" p99)" \
        -v what="$what" -v runs="$d vs $w" 'BEGIN {
        t = d / w; l = wp / dp
        printf "%s (%s): throughput desk/WireMock = %.2f; p99 desk/WireMock = %.2f, i.e. speed WireMock-p99/desk-p99 = %.2f",
            what, runs, t, dp / wp, l
        printf " (target: both speed ratios >= 1.0, desk at least as fast): %s\n", (t >= 1 && l >= 1) ? "met" : "NOT met" }'
    f="floor-$what-r$(best_round floor "$what")"
    awk -v d="$(figure "$d" rps)" -v f="$(figure "$f" rps)" -v dc="$(figure "$d" cpu_us)" -v fc="$(figure "$f" cpu_us)" \
        -v what="$what" -v runs="$d vs $f" 'BEGIN {
        printf "%s (%s): throughput desk/floor = %.2f (goal >= 0.7); CPU per request desk %d us, floor %d us\n",
            what, runs, d / f, dc, fc }'
done
