package io.deskbridge.junit;

/**
 * A fault for desk to inject into the next matching requests: a status Zendesk answers with (429 with
 * {@code Retry-After}, 500, 502, 503), a delay, or both (the delay, then the status). Immutable: each
 * {@code with} returns a copy.
 *
 * <pre>{@code desk.inject(Fault.status(429).on("POST", "/api/v2/tickets").retryAfter(1).times(2));}</pre>
 *
 * @param method an HTTP method, or null for any
 * @param path an Ant-style pattern ({@code /api/v2/tickets/**}); {@code .json} suffixes do not matter
 */
public record Fault(String method, String path, Integer status, Integer retryAfter, Integer delayMs, int times) {

    /** Every request answered with {@code status}, once, until narrowed with {@link #on}. */
    public static Fault status(int status) {
        return new Fault(null, "/api/**", status, null, null, 1);
    }

    /** Every request delayed by {@code millis} and then served, once, until narrowed with {@link #on}. */
    public static Fault delay(int millis) {
        return new Fault(null, "/api/**", null, null, millis, 1);
    }

    public Fault on(String method, String path) {
        return new Fault(method, path, status, retryAfter, delayMs, times);
    }

    public Fault on(String path) {
        return on(null, path);
    }

    public Fault retryAfter(int seconds) {
        return new Fault(method, path, status, seconds, delayMs, times);
    }

    public Fault times(int count) {
        return new Fault(method, path, status, retryAfter, delayMs, count);
    }
}
