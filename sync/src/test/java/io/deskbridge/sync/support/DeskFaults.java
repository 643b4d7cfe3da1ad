package io.deskbridge.sync.support;

import tools.jackson.databind.JsonNode;

/**
 * desk's fault injection ({@code /_desk/faults}, issue 15) for sync's resilience tests: the next
 * requests matching a path answer 429 with {@code Retry-After}, or 500/502/503, in Zendesk's format,
 * so a test needs no proxy of its own in front of desk to prove sync's retries.
 */
public final class DeskFaults {

    private final TestDoubleCalls calls;

    DeskFaults(TestDoubleCalls calls) {
        this.calls = calls;
    }

    /** The next {@code times} {@code method} requests to paths matching {@code path} answer {@code status}. */
    public void inject(String method, String path, int status, int times) {
        send(
                "POST",
                String.format(
                        "{\"fault\":{\"method\":\"%s\",\"path\":\"%s\",\"status\":%d,\"retry_after\":1,\"times\":%d}}",
                        method, path, status, times),
                201);
    }

    /** Every request answered with a fault since the last {@link #clear}, oldest first. */
    public JsonNode injected() {
        return send("GET", null, 200).get("injected");
    }

    public void clear() {
        send("DELETE", null, 204);
    }

    private JsonNode send(String method, String body, int expected) {
        return calls.send(method, "/_desk/faults", body, expected);
    }
}
