# shellcheck shell=bash
# Shared by bench/api/run.sh and bench/export/run.sh (sourced, not run): desk on PostgreSQL in a
# throw-away schema, an API token made over the API, WireMock standalone, and a few helpers.
#
# The caller sets SCHEMA and WORK (a private temporary directory) before calling these functions,
# and calls bench_cleanup from its EXIT trap. The token value is never printed: only dsk_…last4.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DESK_JAR="${DESK_JAR:-$ROOT/desk/target/desk-0.1.0-SNAPSHOT-exec.jar}"
ADMIN_EMAIL="admin@deskbridge.local"
SNAKEYAML_VERSION="${SNAKEYAML_VERSION:-2.5}"
WIREMOCK_VERSION="${WIREMOCK_VERSION:-3.13.1}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-test}"

DESK_PID=""
WIREMOCK_PID=""
FLOOR_PID=""

die() {
    echo "$(basename "$0"): $*" >&2
    exit 1
}

say() {
    echo "[$(date +%H:%M:%S)] $*"
}

require_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 \
            || die "$tool is not installed (Debian: apt-get install -y wrk jq curl postgresql-client unzip)"
    done
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The first free port from $1 on.
free_port() {
    local port=$1
    for _ in $(seq 1 50); do
        port_in_use "$port" || {
            echo "$port"
            return
        }
        port=$((port + 1))
    done
    die "no free port found from $1"
}

# psql on the benchmark schema; stops at the first error.
bench_psql() {
    PGOPTIONS="-c search_path=$SCHEMA" psql -X -q -v ON_ERROR_STOP=1 "$@"
}

# Copies a Maven Central artifact (groupId:artifactId:version) into $2 with the repo's Maven wrapper.
fetch_artifact() {
    mkdir -p "$2"
    (cd "$ROOT" && ./mvnw -q -N dependency:copy -Dartifact="$1" -DoutputDirectory="$2") >"$WORK/mvn-fetch.log" 2>&1 \
        || {
            cat "$WORK/mvn-fetch.log" >&2
            die "could not fetch $1 from Maven Central"
        }
}

# How to start the jar. Jars built before a993a61 lack snakeyaml (desk declared it test-scoped) and
# cannot read application.yml ("snakeyaml was not found on the classpath"): for those, put it beside
# the jar with Spring Boot's PropertiesLauncher (loader.path), so older commits can be measured too.
desk_launcher() {
    # grep without -q reads the whole listing: an early exit would fail the pipeline (pipefail).
    if unzip -Z1 "$DESK_JAR" | grep '^BOOT-INF/lib/snakeyaml-' >/dev/null; then
        DESK_LAUNCH=(-jar "$DESK_JAR")
    else
        fetch_artifact "org.yaml:snakeyaml:$SNAKEYAML_VERSION" "$WORK/lib"
        echo "NOTE: $DESK_JAR has no snakeyaml; adding snakeyaml $SNAKEYAML_VERSION with -Dloader.path" >&2
        DESK_LAUNCH=(-Dloader.path="$WORK/lib/snakeyaml-$SNAKEYAML_VERSION.jar" -cp "$DESK_JAR"
            org.springframework.boot.loader.launch.PropertiesLauncher)
    fi
}

# desk_start PORT: drops $SCHEMA, starts desk on it (Flyway creates the tables) and waits until the
# account owner exists. Rate limits: desk.rate-limit.enforce=false (desk counts and reports them in
# the headers but never answers 429; builds without the limiter ignore the property). The plan's
# sandbox clock is not used: it would also shorten the export's freshness window. PostgreSQL here is shared
# with other test suites: when it has no connection left for desk, waits and tries again.
desk_start() {
    local port=$1 attempt
    [[ -f "$DESK_JAR" ]] || die "no desk jar at $DESK_JAR; build it first: ./mvnw -q -pl desk -am package -DskipTests"
    desk_launcher
    for attempt in 1 2 3 4 5; do
        psql -X -q -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" 2>/dev/null \
            || die "cannot reach PostgreSQL at $PGHOST:$PGPORT (user $PGUSER, database $PGDATABASE)"
        desk_try_start "$port" && return
        grep -q "too many clients" "$DESK_LOG" || {
            tail -n 30 "$DESK_LOG" >&2
            die "desk exited during start-up"
        }
        say "PostgreSQL had no free connection for desk (attempt $attempt); trying again in 30 s"
        sleep 30
    done
    die "desk could not get PostgreSQL connections in 5 attempts"
}

desk_try_start() {
    local port=$1
    ADMIN_PASSWORD="$(openssl rand -base64 24 | tr -d '/+=\n')"
    DESK_BASE="http://127.0.0.1:$port"
    DESK_LOG="$WORK/desk.log"
    rm -rf "$WORK/data"
    # shellcheck disable=SC2086 # DESK_JAVA_OPTS is a list of options
    java -Xlog:gc:file="$WORK/gc.log":uptime ${DESK_JAVA_OPTS:-} "${DESK_LAUNCH[@]}" \
        --server.port="$port" --management.server.port=0 \
        --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA" \
        --spring.datasource.username="$PGUSER" \
        --spring.datasource.password="${PGPASSWORD:-}" \
        --spring.flyway.schemas="$SCHEMA" \
        --desk.data-dir="$WORK/data" \
        --desk.admin.email="$ADMIN_EMAIL" \
        --desk.admin.password="$ADMIN_PASSWORD" \
        --desk.tokens.pepper="$(openssl rand -base64 32)" \
        --desk.rate-limit.enforce=false \
        >"$DESK_LOG" 2>&1 &
    DESK_PID=$!
    local started=""
    for _ in $(seq 1 240); do
        if ! kill -0 "$DESK_PID" 2>/dev/null; then
            wait "$DESK_PID" 2>/dev/null || true
            DESK_PID=""
            return 1
        fi
        if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$DESK_BASE/login" || true)" == "200" ]]; then
            started=yes
            break
        fi
        sleep 0.5
    done
    [[ -n "$started" ]] || die "desk did not answer on $DESK_BASE/login within 120 s"
    for _ in $(seq 1 40); do
        grep -q "Created the account owner" "$DESK_LOG" && break
        sleep 0.25
    done
    say "desk started (pid $DESK_PID) on $DESK_BASE, schema $SCHEMA"
}

# desk_start_h2 PORT: desk on its default embedded H2 database, in a fresh data directory under $WORK.
desk_start_h2() {
    local port=$1
    [[ -f "$DESK_JAR" ]] || die "no desk jar at $DESK_JAR; build it first: ./mvnw -q -pl desk -am package -DskipTests"
    desk_launcher
    ADMIN_PASSWORD="$(openssl rand -base64 24 | tr -d '/+=\n')"
    DESK_BASE="http://127.0.0.1:$port"
    DESK_LOG="$WORK/desk.log"
    rm -rf "$WORK/data"
    # shellcheck disable=SC2086 # DESK_JAVA_OPTS is a list of options
    java -Xlog:gc:file="$WORK/gc.log":uptime ${DESK_JAVA_OPTS:-} "${DESK_LAUNCH[@]}" \
        --server.port="$port" --management.server.port=0 \
        --desk.data-dir="$WORK/data" \
        --desk.admin.email="$ADMIN_EMAIL" \
        --desk.admin.password="$ADMIN_PASSWORD" \
        --desk.tokens.pepper="$(openssl rand -base64 32)" \
        --desk.rate-limit.enforce=false \
        >"$DESK_LOG" 2>&1 &
    DESK_PID=$!
    for _ in $(seq 1 240); do
        kill -0 "$DESK_PID" 2>/dev/null || {
            tail -n 30 "$DESK_LOG" >&2
            die "desk exited during start-up"
        }
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "$DESK_BASE/login" || true)" == "200" ]] && break
        sleep 0.5
    done
    say "desk started (pid $DESK_PID) on $DESK_BASE, embedded H2 in $WORK/data"
}

# floor_start PORT MAPPINGS...: the stack's floor (bench/src/.../floor/FloorApplication: Spring Boot
# MVC on Tomcat answering the recorded bytes from memory), with desk's Tomcat query-character setting.
floor_start() {
    local port=$1
    shift
    local jar="$ROOT/bench/target/benchmarks.jar"
    [[ -f "$jar" ]] || die "no $jar; build it first: ./mvnw -q -pl bench -am package -DskipTests"
    FLOOR_BASE="http://127.0.0.1:$port"
    # shellcheck disable=SC2086 # FLOOR_JAVA_OPTS is a list of options
    java ${FLOOR_JAVA_OPTS:-} -Dfloor.mappings="$(IFS=,; echo "$*")" -cp "$jar" io.deskbridge.bench.floor.FloorApplication \
        --server.port="$port" --server.address=127.0.0.1 --server.tomcat.relaxed-query-chars='[,]' \
        >"$WORK/floor.log" 2>&1 &
    FLOOR_PID=$!
    for _ in $(seq 1 120); do
        kill -0 "$FLOOR_PID" 2>/dev/null || {
            tail -n 30 "$WORK/floor.log" >&2
            die "the floor server exited during start-up"
        }
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "$FLOOR_BASE/api/v2/none" || true)" == "404" ]] && break
        sleep 0.5
    done
    say "floor server started (pid $FLOOR_PID) on $FLOOR_BASE"
}

# desk_token: signs in, turns API token access on, creates a token; sets AUTH to the whole
# "Authorization: Basic ..." header.
desk_token() {
    local cookies="$WORK/cookies.txt" login_page csrf location me authenticity created token
    login_page="$(curl -sS -c "$cookies" -b "$cookies" "$DESK_BASE/login")"
    csrf="$(grep -o '<input[^>]*name="_csrf"[^>]*>' <<<"$login_page" | sed -n 's/.*value="\([^"]*\)".*/\1/p' | sed -n 1p)"
    [[ -n "$csrf" ]] || die "no _csrf field on GET /login"
    location="$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$cookies" -b "$cookies" \
        --data-urlencode "email=$ADMIN_EMAIL" --data-urlencode "password=$ADMIN_PASSWORD" \
        --data-urlencode "_csrf=$csrf" "$DESK_BASE/login")"
    [[ "$location" != *error* && -n "$location" ]] || die "sign-in failed (redirected to '${location}')"
    me="$(curl -sS -f -b "$cookies" -c "$cookies" "$DESK_BASE/api/v2/users/me")"
    authenticity="$(jq -r '.user.authenticity_token // empty' <<<"$me")"
    [[ -n "$authenticity" ]] || die "GET /api/v2/users/me with the session returned no authenticity_token"
    curl -sS -f -o /dev/null -b "$cookies" -c "$cookies" -X PUT \
        -H "X-CSRF-Token: $authenticity" -H 'Content-Type: application/json' \
        -d '{"settings":{"api":{"api_token_access":"true"}}}' \
        "$DESK_BASE/api/v2/account/settings" || die "turning API token access on failed"
    created="$(curl -sS -b "$cookies" -c "$cookies" -X POST -w '\n%{http_code}' \
        -H "X-CSRF-Token: $authenticity" -H 'Content-Type: application/json' \
        -d '{"api_token":{"description":"bench"}}' "$DESK_BASE/api/v2/api_tokens")"
    [[ "$(tail -n 1 <<<"$created")" == "201" ]] || die "POST /api/v2/api_tokens answered $(tail -n 1 <<<"$created")"
    token="$(sed '$d' <<<"$created" | jq -r '.api_token.token // empty')"
    [[ -n "$token" ]] || die "no token value in the POST /api/v2/api_tokens response"
    say "created API token dsk_…${token: -4} for $ADMIN_EMAIL (token access on)"
    AUTH="Authorization: Basic $(printf '%s' "$ADMIN_EMAIL/token:$token" | base64 | tr -d '\n')"
    local status
    # The ticket list refuses anonymous callers, so a 200 proves the token authenticates.
    status="$(curl -sS -o /dev/null -w '%{http_code}' -H "$AUTH" "$DESK_BASE/api/v2/tickets.json?page%5Bsize%5D=1")"
    [[ "$status" == "200" ]] || die "the token does not authenticate (GET /api/v2/tickets.json: $status)"
}

# desk_memory LABEL [gc]: resident set size and the JVM's heap use, as ps and jcmd report them; with
# "gc", again after a full collection (jcmd GC.run), when the heap holds only live data.
desk_memory() {
    echo "--- desk memory: $1 ---"
    echo "RSS: $(ps -o rss= -p "$DESK_PID" | tr -d ' ') KiB"
    jcmd "$DESK_PID" GC.heap_info 2>&1 | sed '1d'
    if [[ "${2:-}" == "gc" ]]; then
        jcmd "$DESK_PID" GC.run >/dev/null 2>&1
        echo "after a full GC (jcmd GC.run): RSS $(ps -o rss= -p "$DESK_PID" | tr -d ' ') KiB"
        jcmd "$DESK_PID" GC.heap_info 2>&1 | sed '1d'
    fi
}

# gc_pauses FROM_LINE: count, total and longest of desk's GC pauses logged after line FROM_LINE of
# the GC log (wc -l of it before the measured part).
gc_pauses() {
    tail -n +"$(($1 + 1))" "$WORK/gc.log" | { grep ' Pause .*ms$' || true; } \
        | awk '{ ms = $NF; sub(/ms$/, "", ms); n++; t += ms; if (ms + 0 > m) m = ms + 0 }
               END { printf "GC pauses: %d, %.0f ms in all, longest %.1f ms\n", n, t, m }'
}

# The facts a result needs beside it.
machine_facts() {
    echo "=== machine ==="
    echo "nproc: $(nproc)"
    free -g
    java -version 2>&1 | sed -n 1p
    psql --version
    echo "server: PostgreSQL $(psql -X -tA -c 'SHOW server_version'), shared_buffers $(psql -X -tA -c 'SHOW shared_buffers')"
    wrk -v 2>&1 | sed -n 1p || true
    echo "desk jar: $DESK_JAR ($(stat -c %s "$DESK_JAR") bytes)"
    echo "checkout running this script: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" \
        "(the jar may come from another commit)"
}

# wiremock_start PORT: WireMock standalone with no stubs yet. The request journal is off: under
# load it would keep every request in memory and slow WireMock down as it grows.
wiremock_start() {
    local port=$1
    fetch_artifact "org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" "$WORK/lib"
    WIREMOCK_BASE="http://127.0.0.1:$port"
    mkdir -p "$WORK/wiremock/mappings" "$WORK/wiremock/__files"
    # shellcheck disable=SC2086 # WIREMOCK_JAVA_OPTS is a list of options
    java ${WIREMOCK_JAVA_OPTS:-} -jar "$WORK/lib/wiremock-standalone-$WIREMOCK_VERSION.jar" \
        --port "$port" --bind-address 127.0.0.1 --root-dir "$WORK/wiremock" \
        --no-request-journal --disable-request-logging --disable-banner \
        >"$WORK/wiremock.log" 2>&1 &
    WIREMOCK_PID=$!
    for _ in $(seq 1 120); do
        kill -0 "$WIREMOCK_PID" 2>/dev/null || {
            tail -n 30 "$WORK/wiremock.log" >&2
            die "WireMock exited during start-up"
        }
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "$WIREMOCK_BASE/__admin/mappings" || true)" == "200" ]] && break
        sleep 0.5
    done
    say "WireMock $WIREMOCK_VERSION started (pid $WIREMOCK_PID) on $WIREMOCK_BASE"
}

# wiremock_load FILE: replaces all stubs with the mappings in FILE ({"mappings": [...]}).
wiremock_load() {
    curl -sS -f -o /dev/null -X DELETE "$WIREMOCK_BASE/__admin/mappings" || die "WireMock: could not reset mappings"
    curl -sS -f -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary "@$1" \
        "$WIREMOCK_BASE/__admin/mappings/import" || die "WireMock: could not import $1"
}

stop_pid() {
    local pid=$1
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

bench_cleanup() {
    local status=$1
    stop_pid "$WIREMOCK_PID"
    stop_pid "$FLOOR_PID"
    stop_pid "$DESK_PID"
    if [[ $status -ne 0 && -f "${DESK_LOG:-}" ]]; then
        echo "--- last lines of the desk log ---" >&2
        tail -n 40 "$DESK_LOG" >&2 || true
    fi
    if [[ "${KEEP_SCHEMA:-0}" != "1" && -n "${SCHEMA:-}" ]]; then
        psql -X -q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}

# Percentage of CPU time idle over the next $1 seconds (all cores, from /proc/stat).
cpu_idle_percent() {
    local a b
    read -r -a a </proc/stat
    sleep "$1"
    read -r -a b </proc/stat
    awk -v a="${a[*]}" -v b="${b[*]}" 'BEGIN {
        n = split(a, x, " "); split(b, y, " "); total = 0
        for (i = 2; i <= n; i++) total += y[i] - x[i]
        idle = (y[5] - x[5]) + (y[6] - x[6])
        printf "%.0f", (total > 0 ? 100 * idle / total : 0) }'
}

# This machine is shared: waits (up to QUIET_TIMEOUT seconds, default 180) until the CPUs are at
# least QUIET_IDLE percent idle (default 90) over 3 s, so that other people's builds and tests do
# not run during a measurement. Says how idle it was; goes on with a warning after the timeout.
wait_for_quiet() {
    local deadline=$((SECONDS + ${QUIET_TIMEOUT:-180})) idle
    while :; do
        idle="$(cpu_idle_percent 3)"
        if ((idle >= ${QUIET_IDLE:-90})); then
            echo "CPU idle before the run: ${idle}% (load average $(cut -d' ' -f1-3 /proc/loadavg))"
            return
        fi
        if ((SECONDS >= deadline)); then
            echo "WARNING: CPU only ${idle}% idle before the run (other processes are busy); measuring anyway"
            return
        fi
        sleep 10
    done
}

# CPU time (clock ticks) of every process now, "pid comm ticks" per line, and a last line
# "machine - ticks" with the busy time of all CPUs (/proc/stat: all but idle and iowait).
cpu_snapshot() {
    # Processes come and go while cat reads: a vanished one is not an error.
    { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '{
        lp = index($0, "("); rp = 0
        for (i = length($0); i > 0; i--) if (substr($0, i, 1) == ")") { rp = i; break }
        comm = substr($0, lp + 1, rp - lp - 1); gsub(/ /, "_", comm)
        split(substr($0, rp + 2), f, " ")
        print $1, comm, f[12] + f[13] }'
    head -n 1 /proc/stat | awk '{ print "machine", "-", $2 + $3 + $4 + $7 + $8 + $9 }'
}

# cpu_report BEFORE AFTER SERVER_PID: CPU seconds spent between two snapshots by the server,
# PostgreSQL, other running processes (others' builds and tests share these 2 cores), and the rest
# of the machine's busy time: wrk and whatever exited during the run.
cpu_report() {
    awk -v server="$3" -v hz="$(getconf CLK_TCK)" '
        FNR == NR { before[$1] = $3; next }
        $1 == "machine" { busy = $3 - before["machine"]; next }
        { d = $3 - ($1 in before ? before[$1] : 0); if (d < 0) d = 0
          if ($1 == server) s += d; else if ($2 == "postgres") p += d; else o += d }
        END { rest = busy - s - p - o; if (rest < 0) rest = 0
              printf "CPU seconds during the run: server %.1f, postgres %.1f, other running processes %.1f,", s / hz, p / hz, o / hz
              printf " wrk and processes that exited %.1f (machine busy %.1f)\n", rest / hz, busy / hz }' "$1" "$2"
}

# wrk_run LABEL URL PATHS_FILE DURATION THREADS CONNECTIONS SERVER_PID: one wrk run rotating over the
# paths in PATHS_FILE (bench/api/paths.lua); fails the whole benchmark on any non-2xx answer (a 429
# makes the figures meaningless).
wrk_run() {
    local label=$1 url=$2 paths=$3 duration=$4 threads=$5 connections=$6 server_pid=$7 out
    echo "=== $label: wrk -t$threads -c$connections -d$duration --latency -s bench/api/paths.lua" \
        "-H 'Authorization: Basic <email/token:dsk_…>' $url  (WRK_PATHS=$(basename "$paths"), $(wc -l <"$paths") paths)"
    local gc_before=0
    [[ -f "$WORK/gc.log" ]] && gc_before="$(wc -l <"$WORK/gc.log")"
    cpu_snapshot >"$WORK/cpu.before"
    out="$(WRK_PATHS="$paths" wrk -t"$threads" -c"$connections" -d"$duration" --latency \
        -s "$ROOT/bench/api/paths.lua" -H "$AUTH" "$url")"
    cpu_snapshot >"$WORK/cpu.after"
    echo "$out"
    cpu_report "$WORK/cpu.before" "$WORK/cpu.after" "$server_pid"
    if [[ "$server_pid" == "$DESK_PID" && -f "$WORK/gc.log" ]]; then
        echo "desk $(gc_pauses "$gc_before")"
    fi
    if grep -q 'Non-2xx or 3xx responses' <<<"$out"; then
        die "$label: some responses were not 2xx (a 429 means a rate limit was enforced): the run is invalid"
    fi
    if grep -q 'Socket errors' <<<"$out"; then
        die "$label: wrk reported socket errors: the run is invalid"
    fi
}
