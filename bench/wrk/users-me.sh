#!/usr/bin/env bash
# HTTP load on the token-authenticated hot path: GET /api/v2/users/me with
# "Authorization: Basic base64(email/token:TOKEN)", measured with wrk.
#
# Builds nothing: build the runnable desk jar first, e.g.
#   ./mvnw -q -pl desk -am package -DskipTests
# then run
#   bench/wrk/users-me.sh
#
# What it does: starts desk (the exec jar) on a free port with a throw-away data directory, admin
# password and token pepper; signs in to the Admin Center with curl (cookie jar + _csrf); turns API
# token access on and creates a token over the API; checks that the token authenticates; runs a short
# wrk warm-up, then the measured wrk run; stops desk and deletes the data directory on exit.
# The token value is never printed (only its masked form dsk_…last4).
#
# Knobs (environment): DESK_JAR, PORT (first port tried, default 18181), WRK_THREADS (2),
# WRK_CONNECTIONS (32), WRK_DURATION (20s), WRK_WARMUP (5s; 0 to skip), DESK_JAVA_OPTS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DESK_JAR="${DESK_JAR:-$ROOT/desk/target/desk-0.1.0-SNAPSHOT-exec.jar}"
PORT="${PORT:-18181}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-32}"
WRK_DURATION="${WRK_DURATION:-20s}"
WRK_WARMUP="${WRK_WARMUP:-5s}"
ADMIN_EMAIL="bench@deskbridge.local"

die() {
    echo "users-me.sh: $*" >&2
    exit 1
}

for tool in java curl wrk base64 openssl; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (wrk: apt-get install -y wrk)"
done
[[ -f "$DESK_JAR" ]] || die "no desk jar at $DESK_JAR; build it first: ./mvnw -q -pl desk -am package -DskipTests"

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
for _ in $(seq 1 50); do
    port_in_use "$PORT" || break
    PORT=$((PORT + 1))
done
port_in_use "$PORT" && die "no free port found from ${PORT}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/desk-wrk-XXXXXX")"
chmod 700 "$WORK"
COOKIES="$WORK/cookies.txt"
DESK_LOG="$WORK/desk.log"
DESK_PID=""

cleanup() {
    local status=$?
    if [[ -n "$DESK_PID" ]] && kill -0 "$DESK_PID" 2>/dev/null; then
        kill "$DESK_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$DESK_PID" 2>/dev/null || break
            sleep 1
        done
        kill -9 "$DESK_PID" 2>/dev/null || true
        wait "$DESK_PID" 2>/dev/null || true
    fi
    if [[ $status -ne 0 && -f "$DESK_LOG" ]]; then
        echo "--- last lines of the desk log ---" >&2
        tail -n 40 "$DESK_LOG" >&2 || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ADMIN_PASSWORD="$(openssl rand -base64 24 | tr -d '/+=\n')"
BASE="http://127.0.0.1:$PORT"

echo "Starting desk ($DESK_JAR) on port $PORT, data dir $WORK/data"
# shellcheck disable=SC2086 # DESK_JAVA_OPTS is a list of options
DESK_DATA_DIR="$WORK/data" \
    SERVER_PORT="$PORT" \
    DESK_ADMIN_EMAIL="$ADMIN_EMAIL" \
    DESK_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    DESK_TOKEN_PEPPER="$(openssl rand -base64 32)" \
    java ${DESK_JAVA_OPTS:-} -jar "$DESK_JAR" --management.server.port=0 >"$DESK_LOG" 2>&1 &
DESK_PID=$!

started=""
for _ in $(seq 1 120); do
    kill -0 "$DESK_PID" 2>/dev/null || die "desk exited during start-up"
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login" || true)" == "200" ]]; then
        started=yes
        break
    fi
    sleep 0.5
done
[[ -n "$started" ]] || die "desk did not answer on $BASE/login within 60 s"
# The account owner is created on ApplicationReadyEvent, just after the port opens.
for _ in $(seq 1 40); do
    grep -q "Created the account owner" "$DESK_LOG" && break
    sleep 0.25
done

# Admin Center sign-in: GET /login for the session and its _csrf, then POST the form.
login_page="$(curl -sS -c "$COOKIES" -b "$COOKIES" "$BASE/login")"
csrf="$(grep -o '<input[^>]*name="_csrf"[^>]*>' <<<"$login_page" | sed -n 's/.*value="\([^"]*\)".*/\1/p' | head -n 1)"
[[ -n "$csrf" ]] || die "no _csrf field on GET /login"
location="$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$COOKIES" -b "$COOKIES" \
    --data-urlencode "email=$ADMIN_EMAIL" \
    --data-urlencode "password=$ADMIN_PASSWORD" \
    --data-urlencode "_csrf=$csrf" \
    "$BASE/login")"
[[ "$location" != *error* && -n "$location" ]] || die "sign-in failed (redirected to '${location}')"

me="$(curl -sS -f -b "$COOKIES" -c "$COOKIES" "$BASE/api/v2/users/me")"
authenticity="$(grep -o '"authenticity_token":"[^"]*"' <<<"$me" | sed 's/.*:"\(.*\)"/\1/')"
[[ -n "$authenticity" ]] || die "GET /api/v2/users/me with the session returned no authenticity_token"

curl -sS -f -o /dev/null -b "$COOKIES" -c "$COOKIES" -X PUT \
    -H "X-CSRF-Token: $authenticity" -H 'Content-Type: application/json' \
    -d '{"settings":{"api":{"api_token_access":"true"}}}' \
    "$BASE/api/v2/account/settings" || die "turning API token access on failed"

created="$(curl -sS -b "$COOKIES" -c "$COOKIES" -X POST -w '\n%{http_code}' \
    -H "X-CSRF-Token: $authenticity" -H 'Content-Type: application/json' \
    -d '{"api_token":{"description":"bench"}}' \
    "$BASE/api/v2/api_tokens")"
[[ "$(tail -n 1 <<<"$created")" == "201" ]] || die "POST /api/v2/api_tokens answered $(tail -n 1 <<<"$created")"
TOKEN="$(grep -o '"token":"dsk_[0-9A-Za-z]*"' <<<"$created" | sed 's/.*:"\(.*\)"/\1/')"
[[ -n "$TOKEN" ]] || die "no token value in the POST /api/v2/api_tokens response"
unset created
echo "Created API token dsk_…${TOKEN: -4} for $ADMIN_EMAIL (token access on)"

AUTH="Authorization: Basic $(printf '%s' "$ADMIN_EMAIL/token:$TOKEN" | base64 | tr -d '\n')"
unset TOKEN

# /users/me answers anonymous callers too: make sure the token really authenticates.
check="$(curl -sS -w '\n%{http_code}' -H "$AUTH" "$BASE/api/v2/users/me")"
[[ "$(tail -n 1 <<<"$check")" == "200" && "$check" == *"\"email\":\"$ADMIN_EMAIL\""* ]] \
    || die "token authentication did not return the owner (HTTP $(tail -n 1 <<<"$check"))"
echo "Token authentication checked: GET /api/v2/users/me returns $ADMIN_EMAIL"

if [[ "$WRK_WARMUP" != "0" ]]; then
    echo "Warm-up: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_WARMUP (not reported)"
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" -H "$AUTH" "$BASE/api/v2/users/me" >/dev/null
fi

echo "Measured: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency -H 'Authorization: Basic <email/token:dsk_…>' $BASE/api/v2/users/me"
echo "Machine: $(nproc) CPUs; $(java -version 2>&1 | head -n 1)"
result="$(wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency -H "$AUTH" "$BASE/api/v2/users/me")"
echo "$result"
if grep -q 'Non-2xx or 3xx responses' <<<"$result"; then
    die "some responses were not 2xx: the numbers above include failures"
fi
