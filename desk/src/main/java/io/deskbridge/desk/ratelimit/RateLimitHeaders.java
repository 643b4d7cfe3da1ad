package io.deskbridge.desk.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;

/** Zendesk's rate-limit response headers, and which requests are incremental exports. */
final class RateLimitHeaders {

    static final String EXPORTS_HEADER = "zendesk-ratelimit-incremental-exports";

    private RateLimitHeaders() {}

    static void requests(HttpServletResponse response, int limit, long remaining, long reset) {
        String total = Integer.toString(limit);
        String left = Long.toString(Math.max(0, remaining));
        response.setHeader("X-Rate-Limit", total);
        response.setHeader("X-Rate-Limit-Remaining", left);
        response.setHeader("ratelimit-limit", total);
        response.setHeader("ratelimit-remaining", left);
        response.setHeader("ratelimit-reset", Long.toString(reset));
    }

    /** {@code total=10; remaining=9; resets=2}, as Zendesk writes its per-endpoint limits. */
    static void exports(HttpServletResponse response, int limit, long remaining, long reset) {
        response.setHeader(
                EXPORTS_HEADER, "total=" + limit + "; remaining=" + Math.max(0, remaining) + "; resets=" + reset);
    }

    /** Whole seconds until the current clock minute (every budget's window) ends: 1 to 60. */
    static long secondsToReset(Clock clock) {
        long millisLeft = 60_000 - Math.floorMod(clock.millis(), 60_000L);
        return (millisLeft + 999) / 1000;
    }

    /**
     * The decoded, normalised path (the servlet path under desk's one servlet), not the raw URI: an
     * encoded {@code /api/v2/%69ncremental/...} reaches the export controller too, so it must count as
     * an export.
     */
    static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }

    static boolean isExport(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/api/v2/incremental/") || path.equals("/api/v2/incremental");
    }
}
