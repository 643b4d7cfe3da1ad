#!/usr/bin/env bash
# Webhook delivery throughput: EVENTS ticket creations (default 2000, PARALLEL=8 at a time), each a
# signed "zen:event-type:ticket.created" delivery from desk's durable outbox to a local receiver that
# answers 200. Reports events/s end to end (first create → last delivery) and the delivery lag.
#
# Builds nothing: ./mvnw -q -pl desk -am package -DskipTests, then bench/webhook/delivery.sh
# Starts desk (the exec jar, H2, private webhook targets allowed, rate limits not enforced) on a free
# port with a throw-away data directory; never prints the token (only dsk_…last4).
#
# Knobs (environment): DESK_JAR, PORT (first port tried, default 18191), EVENTS, PARALLEL, DESK_JAVA_OPTS.
set -euo pipefail
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DESK_JAR="${DESK_JAR:-$ROOT/desk/target/desk-0.1.0-SNAPSHOT-exec.jar}"
PORT="${PORT:-18191}"
ADMIN_EMAIL="bench@deskbridge.local"
EVENTS="${EVENTS:-2000}"
PARALLEL="${PARALLEL:-8}"

die() {
    echo "users-me.sh: $*" >&2
    exit 1
}

for tool in java curl python3 base64 openssl xargs; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed"
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

WORK="$(mktemp -d "${TMPDIR:-/tmp}/desk-webhook-XXXXXX")"
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
    java ${DESK_JAVA_OPTS:-} -jar "$DESK_JAR" --management.server.port=0 --desk.webhooks.allow-private-targets=true \
    --desk.rate-limit.enforce=false >"$DESK_LOG" 2>&1 &
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

RECEIVER_PORT=$((PORT + 100))
cat >"$WORK/receiver.py" <<'PY'
import http.server, sys, time
log = open(sys.argv[2], "a", buffering=1)
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        log.write("%f %s\n" % (time.time(), self.headers.get("x-zendesk-webhook-invocation-id")))
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
python3 "$WORK/receiver.py" "$RECEIVER_PORT" "$WORK/arrivals.txt" &
RECEIVER_PID=$!
trap 'kill "$RECEIVER_PID" 2>/dev/null || true; cleanup' EXIT
sleep 1

hook="$(curl -sS -w '\n%{http_code}' -H "$AUTH" -H 'Content-Type: application/json' -X POST \
    -d "{\"webhook\":{\"name\":\"bench\",\"endpoint\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"http_method\":\"POST\",\"request_format\":\"json\",\"status\":\"active\",\"subscriptions\":[\"zen:event-type:ticket.created\"]}}" \
    "$BASE/api/v2/webhooks")"
[[ "$(tail -n 1 <<<"$hook")" == "201" ]] || die "creating the webhook answered $(tail -n 1 <<<"$hook")"

echo "Creating $EVENTS tickets, $PARALLEL at a time"
export AUTH BASE
start="$(date +%s.%N)"
seq 1 "$EVENTS" | xargs -P "$PARALLEL" -I{} sh -c \
    'curl -sS -f -o /dev/null -H "$AUTH" -H "Content-Type: application/json" -d "{\"ticket\":{\"subject\":\"bench {}\",\"comment\":{\"body\":\"x\"}}}" "$BASE/api/v2/tickets"'
created="$(date +%s.%N)"
for _ in $(seq 1 600); do
    [[ "$(wc -l <"$WORK/arrivals.txt")" -ge "$EVENTS" ]] && break
    sleep 0.5
done
delivered="$(wc -l <"$WORK/arrivals.txt")"
last="$(sort -n "$WORK/arrivals.txt" | tail -n 1 | cut -d' ' -f1)"
distinct="$(cut -d' ' -f2 "$WORK/arrivals.txt" | sort -u | wc -l)"
python3 - "$start" "$created" "$last" "$EVENTS" "$delivered" "$distinct" <<'PY'
import sys
start, created, last = map(float, sys.argv[1:4]); events, delivered, distinct = map(int, sys.argv[4:7])
print(f"tickets created: {events} in {created - start:.2f} s ({events / (created - start):.0f}/s)")
print(f"deliveries received: {delivered} ({distinct} distinct invocations)")
print(f"end to end: {delivered / (last - start):.0f} events/s; last delivery {last - created:.2f} s after the last create")
PY
[[ "$delivered" -ge "$EVENTS" ]] || die "only $delivered of $EVENTS events were delivered within 300 s"
echo "Machine: $(nproc) CPUs; $(java -version 2>&1 | head -n 1)"
