package io.deskbridge.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Failed-authentication budgets, shared by desk's and sync's throttles: one Bucket4j token bucket per
 * key (a client address, or an account), N failures per minute refilled gradually (greedy), forgotten
 * ten minutes after their last use. While a key's bucket is empty every attempt for it is refused,
 * right or wrong; successes cost nothing. A burst starts with the first failure while a bucket is
 * full and lasts until it has refilled completely, so callers can audit once per burst instead of
 * once per attempt.
 *
 * <p>The buckets run on the application's injected {@link Clock}, not Bucket4j's own time: tests move
 * the clock, and refills follow. Per instance: an attacker spread over N instances gets N times the
 * budget.
 */
public final class FailureBudgets {

    /**
     * What one failure did to its key's bucket.
     *
     * @param firstOfBurst the bucket was full before it (a new burst starts)
     * @param ranDry this failure took the last token of the burst
     * @param failures failures counted in the current burst, this one included
     */
    public record Step(boolean firstOfBurst, boolean ranDry, int failures) {}

    private final int perMinute;
    private final TimeMeter time;
    private final Cache<String, Tracker> byKey = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public FailureBudgets(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException(
                    "a failure budget needs at least 1 attempt per minute, not " + perMinute);
        }
        this.perMinute = perMinute;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    public int perMinute() {
        return perMinute;
    }

    /**
     * True while no key has failed within the tracked window: the common case, in which callers can
     * skip working out a key (an account's key is a SHA-256 digest) before asking.
     */
    public boolean tracksNothing() {
        return byKey.estimatedSize() == 0;
    }

    /**
     * Seconds to wait before the account of {@code email} may try again, or 0: asked on every
     * sign-in and API call, so the account's key (a digest) is only worked out once some key failed.
     */
    public long retryAfterSecondsForAccount(String email) {
        return tracksNothing() ? 0 : retryAfterSeconds(accountKey(email));
    }

    /** Seconds to wait before {@code key} may try again, or 0 when it may try now (also for null). */
    public long retryAfterSeconds(String key) {
        if (key == null) {
            return 0;
        }
        Tracker tracker = byKey.getIfPresent(key);
        if (tracker == null || tracker.bucket.getAvailableTokens() > 0) {
            return 0;
        }
        long nanos = tracker.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
    }

    /** Counts one failure against {@code key}. */
    public Step fail(String key) {
        Tracker tracker = byKey.get(key, k -> new Tracker(perMinute, time));
        synchronized (tracker) {
            boolean first = false;
            if (tracker.bucket.getAvailableTokens() >= perMinute) {
                first = true;
                tracker.failuresInBurst = 0;
                tracker.ranDry = false;
            }
            ConsumptionProbe probe = tracker.bucket.tryConsumeAndReturnRemaining(1);
            tracker.failuresInBurst++;
            boolean ranDry = probe.isConsumed() && probe.getRemainingTokens() == 0 && !tracker.ranDry;
            if (ranDry) {
                tracker.ranDry = true;
            }
            return new Step(first, ranDry, tracker.failuresInBurst);
        }
    }

    /**
     * An account's key: a SHA-256 digest of the trimmed, lower-cased email, so the text typed into an
     * email field (sometimes a password) is never kept as typed. Null for a null or blank email.
     */
    public static String accountKey(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        try {
            return "account:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static final class Tracker {
        final Bucket bucket;
        int failuresInBurst;
        boolean ranDry;

        Tracker(int perMinute, TimeMeter time) {
            this.bucket = Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .withCustomTimePrecision(time)
                    .build();
        }
    }
}
