package io.deskbridge.desk.apiauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed API authentications per client address in a Bucket4j token bucket (N per minute,
 * refilled gradually). While an address's bucket is empty every attempt from it, right or wrong, is
 * refused with 429. Each burst (the bucket running dry, until it has refilled completely) is audited
 * once, not per attempt. Per instance: an attacker spread over N instances gets N times the budget,
 * which still bounds guessing far below what a 190-bit token needs.
 */
@Component
public class FailedAuthThrottle {

    private static final Logger log = LoggerFactory.getLogger(FailedAuthThrottle.class);

    private final int perMinute;
    private final TimeMeter time;
    private final AuditLog audit;
    private final Cache<String, Tracker> byAddress = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    private static final class Tracker {
        final Bucket bucket;
        int failuresInBurst;
        boolean inBurst;

        Tracker(int perMinute, TimeMeter time) {
            this.bucket = Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .withCustomTimePrecision(time)
                    .build();
        }
    }

    FailedAuthThrottle(ApiAuthenticationProperties properties, AuditLog audit, Clock clock) {
        this.perMinute = properties.failedAttemptsPerMinute();
        this.audit = audit;
        // desk's clock, not Bucket4j's own: tests move it, and refills follow.
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

    /** Seconds to wait before this address may try again, or 0 when it may try now. */
    public long retryAfterSeconds(String address) {
        Tracker tracker = byAddress.getIfPresent(address);
        if (tracker == null || tracker.bucket.getAvailableTokens() > 0) {
            return 0;
        }
        long nanos = tracker.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
    }

    /** Counts one failure; audits when it empties the bucket for the first time in a burst. */
    public void recordFailure(String address) {
        Tracker tracker = byAddress.get(address, a -> new Tracker(perMinute, time));
        boolean burstStarted;
        int failures;
        synchronized (tracker) {
            if (tracker.inBurst && tracker.bucket.getAvailableTokens() >= perMinute) {
                tracker.inBurst = false;
                tracker.failuresInBurst = 0;
            }
            ConsumptionProbe probe = tracker.bucket.tryConsumeAndReturnRemaining(1);
            tracker.failuresInBurst++;
            burstStarted = probe.isConsumed() && probe.getRemainingTokens() == 0 && !tracker.inBurst;
            if (burstStarted) {
                tracker.inBurst = true;
            }
            failures = tracker.failuresInBurst;
        }
        if (burstStarted) {
            log.warn(
                    "API authentication from {} failed {} times within a minute; refusing it for now",
                    address,
                    failures);
            audit.record(
                    new Actor(null, "Unauthenticated client", address),
                    AuditAction.LOGIN,
                    "api_auth.failed_burst",
                    "api_authentication",
                    null,
                    address,
                    failures + " failed API authentications from " + address
                            + " within a minute; further attempts from it are refused with 429 until its budget refills");
        }
    }
}
