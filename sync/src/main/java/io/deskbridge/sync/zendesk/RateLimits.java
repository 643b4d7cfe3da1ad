package io.deskbridge.sync.zendesk;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The rate-limit headers of one answer. Zendesk reports the account budget as {@code X-Rate-Limit} /
 * {@code X-Rate-Limit-Remaining} (and the IETF-draft {@code ratelimit-limit/-remaining/-reset}), and
 * endpoint budgets as {@code zendesk-ratelimit-<name>: total=10; remaining=9; resets=2} (the
 * incremental exports one is {@code zendesk-ratelimit-incremental-exports}). Absent headers stay
 * empty: a compatible server may send fewer.
 *
 * @param account the account-wide window, or null when the answer did not say
 * @param endpoints endpoint windows by name (lower case, without the {@code zendesk-ratelimit-} prefix)
 * @param retryAfterSeconds {@code Retry-After} in seconds, when present and numeric
 */
public record RateLimits(Window account, Map<String, Window> endpoints, OptionalLong retryAfterSeconds) {

    public static final String INCREMENTAL_EXPORTS = "incremental-exports";
    private static final String ENDPOINT_PREFIX = "zendesk-ratelimit-";

    /**
     * A budget window.
     *
     * @param limit requests per window
     * @param remaining requests left in this window
     * @param resetsInSeconds seconds until the window refills, or -1 when not said
     */
    public record Window(long limit, long remaining, long resetsInSeconds) {}

    public RateLimits {
        endpoints = Map.copyOf(endpoints);
    }

    public Window endpoint(String name) {
        return endpoints.get(name);
    }

    static RateLimits of(HttpHeaders headers) {
        Window account = null;
        OptionalLong limit = number(headers, "X-Rate-Limit");
        if (limit.isEmpty()) {
            limit = number(headers, "ratelimit-limit");
        }
        OptionalLong remaining = number(headers, "X-Rate-Limit-Remaining");
        if (remaining.isEmpty()) {
            remaining = number(headers, "ratelimit-remaining");
        }
        if (limit.isPresent() && remaining.isPresent()) {
            account = new Window(
                    limit.getAsLong(),
                    remaining.getAsLong(),
                    number(headers, "ratelimit-reset").orElse(-1));
        }
        Map<String, Window> endpoints = new LinkedHashMap<>();
        headers.map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(ENDPOINT_PREFIX) && !values.isEmpty()) {
                Window window = endpointWindow(values.get(0));
                if (window != null) {
                    endpoints.put(lower.substring(ENDPOINT_PREFIX.length()), window);
                }
            }
        });
        return new RateLimits(account, endpoints, number(headers, "Retry-After"));
    }

    /** {@code total=10; remaining=9; resets=2}; null when total or remaining is missing. */
    static Window endpointWindow(String value) {
        long total = -1;
        long remaining = -1;
        long resets = -1;
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            long number = parse(part.substring(eq + 1).strip());
            switch (key) {
                case "total" -> total = number;
                case "remaining" -> remaining = number;
                case "resets" -> resets = number;
                default -> {
                    // other keys are not ours to read
                }
            }
        }
        return total < 0 || remaining < 0 ? null : new Window(total, remaining, resets);
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        return headers.firstValue(name)
                .map(String::strip)
                .map(RateLimits::parse)
                .filter(n -> n >= 0)
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
