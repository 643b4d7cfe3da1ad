#!/usr/bin/env bash
# Webhook delivery throughput (issue 17, "Done when" 1): desk on embedded H2 (DB=h2, the default) or
# PostgreSQL (DB=postgres, a throw-away schema), WEBHOOKS webhooks (default 1) subscribed to
# zen:event-type:ticket.created and pointing at a local Java receiver (bench/.../webhook/SignedReceiver)
# that checks every signature and counts deliveries per invocation id. The producer
# (bench/.../webhook/BulkProducer) sends POST /api/v2/tickets/create_many, 100 tickets a request, from
# PRODUCER_THREADS (default 4) keep-alive connections for PRODUCE seconds (default 10), and waits until
# every ticket of its accepted jobs is committed; each created ticket is one event per webhook. Reports
# events/s end to end (first request → last delivery), the producer's rate, how long after the last
# ticket commit the last delivery arrived, duplicates, bad signatures, and the CPU each process used.
# PRODUCER=wrk uses the earlier producer instead: single-ticket POSTs with wrk (WRK_CONNECTIONS, 16).
#
# Build first: ./mvnw -q -pl bench -am package -DskipTests   (desk's exec jar and bench/target/benchmarks.jar)
# Run:         bench/webhook/delivery.sh            DB=postgres bench/webhook/delivery.sh
# Never prints the API token or a signing secret.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../api/lib.sh"

DB="${DB:-h2}"
WEBHOOKS="${WEBHOOKS:-1}"
PRODUCE="${PRODUCE:-10}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-16}"
PRODUCER="${PRODUCER:-bulk}"
PRODUCER_THREADS="${PRODUCER_THREADS:-4}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-300}"
BENCH_JAR="${BENCH_JAR:-$ROOT/bench/target/benchmarks.jar}"
require_tools java curl jq wrk openssl psql
[[ -f "$BENCH_JAR" ]] || die "no $BENCH_JAR; build it first: ./mvnw -q -pl bench -am package -DskipTests"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/desk-webhook-XXXXXX")"
chmod 700 "$WORK"
SCHEMA="bench_webhook_$$"
RECEIVER_PID=""
trap 'status=$?; stop_pid "$RECEIVER_PID"; bench_cleanup $status' EXIT
trap 'exit 130' INT TERM

# The receiver is on loopback: the admin setting "allow private webhook targets".
DESK_JAVA_OPTS="${DESK_JAVA_OPTS:-} -Ddesk.webhooks.allow-private-targets=true"
port="$(free_port "${PORT:-18191}")"
if [[ "$DB" == "h2" ]]; then
    desk_start_h2 "$port"
    for _ in $(seq 1 40); do
        grep -q "Created the account owner" "$DESK_LOG" && break
        sleep 0.25
    done
else
    desk_start "$port"
fi
desk_token

receiver_port="$(free_port $((port + 100)))"
secrets=()
for i in $(seq 1 "$WEBHOOKS"); do
    hook="$(curl -sS -f -H "$AUTH" -H 'Content-Type: application/json' -X POST \
        -d "{\"webhook\":{\"name\":\"bench $i\",\"endpoint\":\"http://127.0.0.1:$receiver_port/hook/$i\",\"http_method\":\"POST\",\"request_format\":\"json\",\"status\":\"active\",\"subscriptions\":[\"zen:event-type:ticket.created\"]}}" \
        "$DESK_BASE/api/v2/webhooks")" || die "creating webhook $i failed"
    id="$(jq -r '.webhook.id' <<<"$hook")"
    secrets+=("$(curl -sS -f -H "$AUTH" "$DESK_BASE/api/v2/webhooks/$id/signing_secret" | jq -r '.signing_secret.secret')")
done
say "created $WEBHOOKS webhook(s) subscribed to zen:event-type:ticket.created"

WEBHOOK_SECRETS="$(IFS=,; echo "${secrets[*]}")" \
    java -XX:+UseSerialGC -cp "$BENCH_JAR" io.deskbridge.bench.webhook.SignedReceiver "$receiver_port" \
    >"$WORK/receiver.log" 2>&1 &
RECEIVER_PID=$!
unset secrets
for _ in $(seq 1 40); do
    curl -s -o /dev/null "http://127.0.0.1:$receiver_port/stats" && break
    sleep 0.25
done

# Warm-up: a few tickets and their deliveries, then measure from zero.
DESK_AUTH="${AUTH#Authorization: }" java -XX:+UseSerialGC -cp "$BENCH_JAR" io.deskbridge.bench.webhook.BulkProducer \
    "$DESK_BASE" 3 2 >/dev/null
wrk -t1 -c2 -d3s -s "$ROOT/bench/webhook/create-ticket.lua" -H "$AUTH" "$DESK_BASE/api/v2/tickets" >/dev/null
before_tickets="$(curl -sS -f -H "$AUTH" "$DESK_BASE/api/v2/tickets/count" | jq '.count.value')"
for _ in $(seq 1 120); do
    [[ "$(curl -sS "http://127.0.0.1:$receiver_port/stats" | jq '.received')" -ge $((before_tickets * WEBHOOKS)) ]] && break
    sleep 0.5
done
before="$(curl -sS "http://127.0.0.1:$receiver_port/stats")"
say "warm-up: $before_tickets tickets, $(jq '.received' <<<"$before") deliveries"

wait_for_quiet
cpu_snapshot >"$WORK/cpu.before"
if [[ "$PRODUCER" == "wrk" ]]; then
    start_ms="$(date +%s%3N)"
    out="$(wrk -t2 -c"$WRK_CONNECTIONS" -d"${PRODUCE}s" -s "$ROOT/bench/webhook/create-ticket.lua" -H "$AUTH" \
        "$DESK_BASE/api/v2/tickets")"
    produced_ms="$(date +%s%3N)"
    grep -q 'Non-2xx or 3xx responses' <<<"$out" && die "some ticket creations were not 2xx: $out"
else
    # The producer prints its own times: the first request, and when the last job's tickets were all
    # committed (the "last commit" the issue measures the last delivery from).
    out="$(DESK_AUTH="${AUTH#Authorization: }" java -XX:+UseSerialGC -cp "$BENCH_JAR" \
        io.deskbridge.bench.webhook.BulkProducer "$DESK_BASE" "$PRODUCE" "$PRODUCER_THREADS")" \
        || die "the producer failed: $out"
    start_ms="$(jq '.start_ms' <<<"$out")"
    produced_ms="$(jq '.committed_ms' <<<"$out")"
    say "producer: $(jq -c '{requests, jobs, tickets, throttled, requesting_s: ((.stop_ms - .start_ms) / 1000), committing_s: ((.committed_ms - .start_ms) / 1000)}' <<<"$out")"
fi
at_stop="$(curl -sS "http://127.0.0.1:$receiver_port/stats" | jq '.received')"
after_tickets="$(curl -sS -f -H "$AUTH" "$DESK_BASE/api/v2/tickets/count" | jq '.count.value')"
created=$((after_tickets - before_tickets))
expected=$(((after_tickets) * WEBHOOKS))
for _ in $(seq 1 $((DRAIN_TIMEOUT * 4))); do
    stats="$(curl -sS "http://127.0.0.1:$receiver_port/stats")"
    [[ "$(jq '.received' <<<"$stats")" -ge "$expected" ]] && break
    sleep 0.25
done
cpu_snapshot >"$WORK/cpu.after"
stats="$(curl -sS "http://127.0.0.1:$receiver_port/stats")"
received=$(($(jq '.received' <<<"$stats") - $(jq '.received' <<<"$before")))
last_ms="$(jq '.last_ms' <<<"$stats")"
[[ "$PRODUCER" == "wrk" ]] && echo "$out" | sed -n '/requests in/p'
backlog=$(($(jq '.received' <<<"$stats") - at_stop))
python3 - "$start_ms" "$produced_ms" "$last_ms" "$created" "$received" "$WEBHOOKS" "$DB" "$backlog" <<'PY'
import sys
start, produced, last = (int(x) / 1000 for x in sys.argv[1:4])
created, received, hooks, db, backlog = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7], int(sys.argv[8])
print(f"DELIVERY ({db}, {hooks} webhook(s)): tickets created {created} in {produced - start:.2f} s "
      f"({created / (produced - start):.0f}/s) -> {created * hooks} events")
print(f"DELIVERY ({db}): delivered {received} in {last - start:.2f} s: {received / (last - start):.0f} events/s end to end;"
      f" last delivery {last - produced:.2f} s after the last ticket commit (wrk: the producer's stop)")
if backlog > 0 and last > produced:
    print(f"DELIVERY ({db}): the backlog at the last commit, {backlog} events, drained at"
          f" {backlog / (last - produced):.0f} events/s (delivery alone, no ticket writes)")
PY
echo "receiver: $(jq -c '{received, distinct, duplicates, bad_signatures}' <<<"$stats") (warm-up included)"
cpu_report "$WORK/cpu.before" "$WORK/cpu.after" "$DESK_PID"
machine_facts
[[ "$(jq '.received' <<<"$stats")" -ge "$expected" ]] || die "only $(jq '.received' <<<"$stats") of $expected deliveries arrived within ${DRAIN_TIMEOUT} s"
[[ "$(jq '.bad_signatures' <<<"$stats")" == "0" ]] || die "some deliveries were not correctly signed"
[[ "$(jq '.duplicates' <<<"$stats")" == "0" ]] || die "some invocations were delivered more than once"
