package io.deskbridge.sync.engine;

/** How the rate governor paces requests to a Zendesk account. */
public enum RatePacing {
    /** By the rate-limit headers of every answer, within the quota share, and Retry-After (production). */
    HEADERS,
    /**
     * By Retry-After only: for benchmarks and tests against a desk that reports limits in its headers
     * but does not enforce them ({@code desk.rate-limit.enforce=false} or the sandbox clock). Never
     * against a real Zendesk account.
     */
    RETRY_AFTER_ONLY
}
