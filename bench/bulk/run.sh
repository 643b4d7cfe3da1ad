#!/usr/bin/env bash
# Bulk jobs (issue 12 DW5): create_many of 100 tickets x 100 jobs (10,000 tickets), tickets per second
# from the first call to the last job completed, on embedded H2 and on PostgreSQL.
#
#   POST /api/v2/tickets/create_many.json   {"tickets": [100 tickets]}       x JOBS
#   GET  /api/v2/job_statuses/show_many.json?ids=...                          (polled every 50 ms)
#
# Jobs run on desk's db-scheduler threads (desk.jobs.threads, default 2), one transaction per ticket;
# at most MAX_QUEUED (25) jobs are kept unfinished, under desk's job limit of 30.
#
# Prerequisites: as bench/api/run.sh (Java 17, curl, jq, unzip, psql, python3, PostgreSQL at
# 127.0.0.1:5432 with trust auth and database "test"). Build desk first:
#   ./mvnw -q -pl desk -am package -DskipTests
# then, from the repository root:
#   bench/bulk/run.sh 2>&1 | tee /tmp/bench-bulk.log
#
# Knobs (environment): DB (both | h2 | postgres), JOBS (100), TICKETS (100), MAX_QUEUED (25),
# DESK_JAR, SCHEMA (bench_bulk), PORT (18231), DESK_JAVA_OPTS, PGHOST/PGPORT/PGUSER/PGDATABASE.
set -euo pipefail

# shellcheck source=bench/api/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../api/lib.sh"

SCHEMA="${SCHEMA:-bench_bulk}"
DB="${DB:-both}"
export JOBS="${JOBS:-100}" TICKETS="${TICKETS:-100}" MAX_QUEUED="${MAX_QUEUED:-25}"

require_tools java curl jq unzip psql openssl base64 python3
WORK="$(mktemp -d "${TMPDIR:-/tmp}/desk-bench-bulk-XXXXXX")"
chmod 700 "$WORK"
trap 'bench_cleanup $?' EXIT
trap 'exit 130' INT TERM

machine_facts
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() {
    local label=$1
    desk_token
    say "$label: $JOBS create_many jobs of $TICKETS tickets"
    DESK_BASE="$DESK_BASE" AUTH="$AUTH" python3 "$(dirname "${BASH_SOURCE[0]}")/create-many.py" \
        | sed "s/^/$label: /"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    stop_pid "$DESK_PID"
    DESK_PID=""
}

if [[ "$DB" == "both" || "$DB" == "h2" ]]; then
    desk_start_h2 "$(free_port "${PORT:-18231}")"
    measure h2
fi
if [[ "$DB" == "both" || "$DB" == "postgres" ]]; then
    desk_start "$(free_port "${PORT:-18231}")"
    measure postgresql
fi
