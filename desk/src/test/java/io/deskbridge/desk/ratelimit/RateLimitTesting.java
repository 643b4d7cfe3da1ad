package io.deskbridge.desk.ratelimit;

import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.MutableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared by the rate-limit tests: the minute window, the headers, and the local Redis. */
final class RateLimitTesting {

    static final String REDIS_HOST = System.getenv().getOrDefault("DESK_TEST_REDIS_HOST", "127.0.0.1");
    static final int REDIS_PORT = Integer.parseInt(System.getenv().getOrDefault("DESK_TEST_REDIS_PORT", "6379"));
    static final String START_REDIS = "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\"";
    static final String EXPORT_PATH = "/api/v2/incremental/tickets/cursor?start_time=0";

    private static final Pattern EXPORTS = Pattern.compile("total=(\\d+); remaining=(\\d+); resets=(\\d+)");

    private RateLimitTesting() {}

    /** Seconds into its window at which {@link #startFreshWindow} stops the clock. */
    static final long SECONDS_INTO_WINDOW = 1;

    /** Seconds left of the window then: what {@code ratelimit-reset} and {@code Retry-After} say. */
    static final long SECONDS_LEFT = 60 - SECONDS_INTO_WINDOW;

    private static Instant lastWindow = Instant.EPOCH;

    /**
     * Stops desk's clock one second into a clock minute that no earlier test of this JVM has used, so
     * every budget starts full and a burst cannot straddle a refill, without waiting for real time.
     * Never an earlier minute than one already used: the tests reset the clock to real time after
     * each test, and Bucket4j does not refill a bucket whose last refill lies ahead of the clock.
     */
    static synchronized Instant startFreshWindow(MutableClock clock) {
        Instant next = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        if (!next.isAfter(lastWindow)) {
            next = lastWindow.plus(1, ChronoUnit.MINUTES);
        }
        lastWindow = next;
        Instant at = next.plusSeconds(SECONDS_INTO_WINDOW);
        clock.freezeAt(at);
        return at;
    }

    static long remaining(Response response) {
        return Long.parseLong(response.header("X-Rate-Limit-Remaining"));
    }

    /** total, remaining, resets of {@code zendesk-ratelimit-incremental-exports}. */
    static long[] exports(Response response) {
        String header = response.header("zendesk-ratelimit-incremental-exports");
        Matcher m = EXPORTS.matcher(header == null ? "" : header);
        if (!m.matches()) {
            throw new AssertionError(
                    "zendesk-ratelimit-incremental-exports is not \"total=N; remaining=N; resets=N\": " + header);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    /**
     * Whether the local Redis (127.0.0.1:6379, {@code DESK_TEST_REDIS_HOST/_PORT}) answers, for
     * {@code @EnabledIf}: evaluated before any desk starts, so that an unreachable Redis skips the tests
     * that need it, except under {@code CI=true}, where it FAILS them, as {@code TestDatabase} does for
     * PostgreSQL.
     */
    static boolean redisReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 2000);
            return true;
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(
                        "Redis is not reachable at " + REDIS_HOST + ":" + REDIS_PORT + " (" + e.getMessage()
                                + "); start it with: " + START_REDIS,
                        e);
            }
            return false;
        }
    }
}
