#!/usr/bin/env bash
# Set B (issue 4): page latency of the cursor-based incremental ticket export on PostgreSQL with
# 1,000,000 tickets, and desk's memory around it.
#
#   GET /api/v2/incremental/tickets/cursor.json?start_time=0     then ?cursor=<after_cursor> ...
#   (per_page 1000, the default)
#
# Prerequisites: as bench/api/run.sh (Java 17, curl, jq, unzip, wrk, psql, PostgreSQL at
# 127.0.0.1:5432 with trust auth and database "test", Maven Central for snakeyaml if the jar lacks
# it). Build desk first:
#   ./mvnw -q -pl desk -am package -DskipTests
# then, from the repository root:
#   bench/export/run.sh 2>&1 | tee /tmp/bench-export.log
#
# What it does: drops and recreates schema $SCHEMA; starts desk on it (desk.rate-limit.enforce=
# false: the export budget of 10 requests a minute is counted, never enforced); creates an API
# token (never printed); loads N_TICKETS tickets with bench/api/load-tickets.sql, their last changes
# (generated_timestamp) between ~800 and ~70 days ago so the 60 s freshness window excludes none:
# 60 % spread over two years, 40 % in a 160-second bulk update (~2,500 tickets share each of those
# seconds); records desk's memory (ps RSS, jcmd GC.heap_info); walks WARMUP_PAGES pages (not
# reported), then the whole export from start_time=0 with curl, one page after the other, timing
# each page (time_total); runs wrk over RANDOM_CURSORS cursors taken from that walk (random
# positions), with one connection and with WRK_CONNECTIONS; records desk's memory again; prints
# EXPLAIN (ANALYZE, BUFFERS) of the export statement at three positions and a summary. Any non-2xx
# answer fails the run. Stops desk and drops the schema on exit (KEEP_SCHEMA=1 keeps it).
#
# Knobs (environment): DESK_JAR, SCHEMA (bench_export), PORT (18211), N_TICKETS (1000000),
# WARMUP_PAGES (50), WALK_PAGES (0 = to the end of the stream), RANDOM_CURSORS (100), WRK_THREADS (2),
# WRK_CONNECTIONS (4), WRK_DURATION (30s), OUT_DIR (keeps walk.tsv and gc.log there), DESK_JAVA_OPTS,
# PGHOST/PGPORT/PGUSER/PGDATABASE,
# QUIET_IDLE/QUIET_TIMEOUT (see wait_for_quiet in bench/api/lib.sh).
set -euo pipefail

# shellcheck source=bench/api/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../api/lib.sh"

SCHEMA="${SCHEMA:-bench_export}"
N_TICKETS="${N_TICKETS:-1000000}"
WARMUP_PAGES="${WARMUP_PAGES:-50}"
WALK_PAGES="${WALK_PAGES:-0}"
RANDOM_CURSORS="${RANDOM_CURSORS:-100}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-4}"
WRK_DURATION="${WRK_DURATION:-30s}"
EXPORT="/api/v2/incremental/tickets/cursor.json"

require_tools java curl jq unzip wrk psql openssl base64 jcmd
WORK="$(mktemp -d "${TMPDIR:-/tmp}/desk-bench-export-XXXXXX")"
chmod 700 "$WORK"
trap 'bench_cleanup $?' EXIT
trap 'exit 130' INT TERM

machine_facts

desk_start "$(free_port "${PORT:-18211}")"
desk_token

now="$(date +%s)"
spread_start=$((now - 800 * 86400))
burst_start=$((now - 400 * 86400))
say "loading $N_TICKETS tickets into schema $SCHEMA"
started="$(date +%s)"
bench_psql -v n="$N_TICKETS" -v history=0 \
    -v spread_start="$spread_start" -v spread_seconds="$((730 * 86400))" \
    -v burst_percent=40 -v burst_start="$burst_start" -v burst_seconds=160 \
    -f "$ROOT/bench/api/load-tickets.sql"
say "loaded in $(($(date +%s) - started)) s"
bench_psql -c "SELECT count(*) AS tickets, pg_size_pretty(pg_total_relation_size('tickets')) AS with_indexes,
        to_timestamp(min(generated_timestamp)) AS oldest_change, to_timestamp(max(generated_timestamp)) AS newest_change
      FROM tickets" \
    -c "SELECT count(*) AS seconds_with_2000_or_more, min(n) AS fewest, max(n) AS most, sum(n) AS tickets_in_them
      FROM (SELECT generated_timestamp, count(*) AS n FROM tickets GROUP BY 1 HAVING count(*) >= 2000) AS busy"

desk_memory "before the export (after start-up, sign-in and the load)" gc

# page URL -> "time_total bytes" on stdout, body in $WORK/page.json; fails on non-200.
fetch_page() {
    local out
    out="$(curl -sS -g -H "$AUTH" -o "$WORK/page.json" -w '%{http_code} %{time_total} %{size_download}' "$DESK_BASE$1")"
    [[ "${out%% *}" == "200" ]] || die "GET $1 answered ${out%% *} ($(head -c 300 "$WORK/page.json"))"
    echo "${out#* }"
}

# walk FIRST_PATH MAX_PAGES OUT.tsv: follows after_cursor; one line per page:
# page, seconds, bytes, count, first generated_timestamp, last generated_timestamp, after_cursor, end_of_stream
walk() {
    local path=$1 max=$2 out=$3 page=0 timing
    : >"$out"
    while :; do
        page=$((page + 1))
        timing="$(fetch_page "$path")"
        jq -r --arg page "$page" --arg timing "$timing" '
            [$page, ($timing | split(" ") | .[0], .[1]), (.tickets | length),
             (.tickets[0].generated_timestamp // ""), (.tickets[-1].generated_timestamp // ""),
             .after_cursor, .end_of_stream] | map(tostring) | @tsv' "$WORK/page.json" >>"$out"
        [[ "$(tail -n 1 "$out" | cut -f8)" == "false" ]] || break
        ((max == 0 || page < max)) || break
        path="$EXPORT?cursor=$(tail -n 1 "$out" | cut -f7)"
    done
}

# Percentiles (nearest rank) of the numbers in column $2 of file $1, in milliseconds.
percentiles() {
    cut -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 * 1000 } END {
        p50 = v[int(NR * 0.50 + 0.999999)]; p99 = v[int(NR * 0.99 + 0.999999)]
        printf "pages %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", NR, p50, p99, v[NR] }'
}

wait_for_quiet
say "warm-up: $WARMUP_PAGES pages (not reported)"
walk "$EXPORT?start_time=0" "$WARMUP_PAGES" "$WORK/warmup.tsv"

wait_for_quiet
say "walking the export from start_time=0 (one page after the other)"
walk_started="$(date +%s.%N)"
gc_before="$(wc -l <"$WORK/gc.log")"
cpu_snapshot >"$WORK/cpu.before"
walk "$EXPORT?start_time=0" "$WALK_PAGES" "$WORK/walk.tsv"
cpu_snapshot >"$WORK/cpu.after"
cpu_report "$WORK/cpu.before" "$WORK/cpu.after" "$DESK_PID"
gc_pauses "$gc_before"
walk_seconds="$(awk -v a="$walk_started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
pages="$(wc -l <"$WORK/walk.tsv")"
tickets="$(awk -F'\t' '{ s += $4 } END { print s }' "$WORK/walk.tsv")"
say "walked $pages pages, $tickets tickets in $walk_seconds s (wall time, with jq between pages)"
echo "mean page size: $(awk -F'\t' '{ s += $3 } END { printf "%.0f", s / NR }' "$WORK/walk.tsv") bytes"
echo "first 10 pages (page, seconds, bytes, tickets, first/last generated_timestamp):"
head -n 10 "$WORK/walk.tsv" | cut -f1-6
echo "--- sequential page latency (curl time_total) ---"
echo "first 100 pages:                 $(head -n 100 "$WORK/walk.tsv" | percentiles /dev/stdin 2)"
echo "whole walk:                      $(percentiles "$WORK/walk.tsv" 2)"
awk -F'\t' -v lo="$burst_start" -v hi="$((burst_start + 160))" '$5 >= lo && $6 < hi' "$WORK/walk.tsv" >"$WORK/burst.tsv"
echo "pages inside the burst seconds:  $(percentiles "$WORK/burst.tsv" 2)"
echo "slowest pages (page, seconds, bytes, tickets, first/last generated_timestamp):"
sort -t$'\t' -k2 -g -r "$WORK/walk.tsv" | awk 'NR <= 10' | cut -f1-6
if [[ -n "${OUT_DIR:-}" ]]; then
    mkdir -p "$OUT_DIR"
    cp "$WORK/walk.tsv" "$WORK/gc.log" "$OUT_DIR/"
    echo "per-page timings and desk's GC log kept in $OUT_DIR"
fi
[[ "$tickets" -eq "$N_TICKETS" || "$WALK_PAGES" != "0" ]] \
    || die "the walk returned $tickets tickets, not $N_TICKETS: the export skipped or repeated records"

desk_memory "after the sequential walk" gc

# Random positions: cursors spread evenly over the walk (the last page's leads nowhere).
step=$(((pages - 1) / RANDOM_CURSORS))
((step >= 1)) || step=1
awk -F'\t' -v step="$step" -v max="$RANDOM_CURSORS" 'NR % step == 0 && $8 == "false" && n < max { n++; print $7 }' \
    "$WORK/walk.tsv" | shuf --random-source=<(yes) | sed "s|^|$EXPORT?cursor=|" >"$WORK/cursors.paths"

wait_for_quiet
wrk_run "export-random-c1" "$DESK_BASE" "$WORK/cursors.paths" "$WRK_DURATION" 1 1 "$DESK_PID" | tee "$WORK/export-random-c1.wrk"
wait_for_quiet
wrk_run "export-random-c$WRK_CONNECTIONS" "$DESK_BASE" "$WORK/cursors.paths" "$WRK_DURATION" "$WRK_THREADS" \
    "$WRK_CONNECTIONS" "$DESK_PID" | tee "$WORK/export-random-cn.wrk"

desk_memory "after the walk and the wrk runs" gc

echo
echo "=== EXPLAIN (ANALYZE, BUFFERS) of the export statement (per_page 1000 fetches 1001 rows) ==="
max=$(($(date +%s) - 60))
explain() {
    echo "--- $1: after (generated_timestamp, id) = ($2, $3) ---"
    bench_psql -c "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM tickets WHERE (generated_timestamp, id) > ($2, $3)
        AND generated_timestamp <= $max ORDER BY generated_timestamp, id FETCH FIRST 1001 ROWS ONLY"
}
explain "start_time=0" 0 0
read -r mid_ts mid_id <<<"$(bench_psql -tA -F' ' -c "SELECT generated_timestamp, id FROM tickets
    ORDER BY generated_timestamp, id OFFSET $((N_TICKETS / 4)) LIMIT 1")"
explain "a quarter into the export" "$mid_ts" "$mid_id"
read -r burst_ts burst_id <<<"$(bench_psql -tA -F' ' -c "SELECT generated_timestamp, min(id) + (max(id) - min(id)) / 2
    FROM tickets WHERE generated_timestamp = $((burst_start + 80)) GROUP BY 1")"
explain "inside a second shared by $(bench_psql -tA -c "SELECT count(*) FROM tickets WHERE generated_timestamp = $burst_ts") tickets" \
    "$burst_ts" "$burst_id"
echo "--- the same as a generic plan (what a prepared statement may switch to after five runs) ---"
bench_psql -c "SET plan_cache_mode = force_generic_plan" \
    -c "PREPARE export(bigint, bigint, bigint) AS SELECT * FROM tickets WHERE (generated_timestamp, id) > (\$1, \$2)
        AND generated_timestamp <= \$3 ORDER BY generated_timestamp, id FETCH FIRST 1001 ROWS ONLY" \
    -c "EXPLAIN (ANALYZE, BUFFERS) EXECUTE export($burst_ts, $burst_id, $max)"

to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.1f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.1f", v }
        else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.1f", v * 1000 }
        else { print v } }'
}
echo
echo "=== summary ($N_TICKETS tickets, per_page 1000) ==="
echo "sequential walk, first 100 pages: $(head -n 100 "$WORK/walk.tsv" | percentiles /dev/stdin 2)"
echo "sequential walk, all pages:       $(percentiles "$WORK/walk.tsv" 2)"
echo "sequential walk, burst pages:     $(percentiles "$WORK/burst.tsv" 2)"
for f in export-random-c1 export-random-cn; do
    printf 'wrk %-18s req/s %s, p50 %s ms, p99 %s ms\n' "$f" "$(awk '/^Requests\/sec/ { print $2 }' "$WORK/$f.wrk")" \
        "$(to_ms "$(awk '$1 == "50%" { print $2 }' "$WORK/$f.wrk")")" "$(to_ms "$(awk '$1 == "99%" { print $2 }' "$WORK/$f.wrk")")"
done
p99="$(percentiles "$WORK/walk.tsv" 2 | sed 's/.*p99 \([0-9.]*\) ms.*/\1/')"
awk -v p="$p99" 'BEGIN { printf "target p99 <= 100 ms per page (sequential walk): %s (p99 %.1f ms)\n", (p <= 100) ? "met" : "NOT met", p }'
