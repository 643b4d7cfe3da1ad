package io.deskbridge.sync.operator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed operator sign-ins (form and HTTP Basic alike) in Bucket4j token buckets, one per
 * client address and one per account (the email tried, from any address): N failures per minute,
 * refilled gradually. While either bucket of an attempt is empty the attempt is refused before its
 * password is checked, right or wrong. Successful sign-ins cost nothing.
 *
 * <p>The same policy as desk's {@code apiauth.FailedAuthThrottle} (greedy refill, one audit entry per
 * burst, the injected clock), kept as sync's own small class because desk and sync share no module
 * yet; desk's counts per address only, this one also per account, as issue 10 asks. A burst starts
 * with the first failure while a bucket is full and lasts until it has refilled completely. Audited:
 * the first failure of an address's burst ({@code operator.sign_in_failed}) and each bucket running
 * dry ({@code operator.sign_in_throttled}, with the count); never a password, and the email only when
 * it is an operator's (a password typed into the email field must not land in the audit log).
 *
 * <p>Locking an account is a trade-off: someone who knows the operator's email can keep its bucket
 * empty. The per-account budget is larger than the per-address one and refills gradually (one attempt
 * every 60/N seconds), so the operator still gets through between an attacker's attempts, and an
 * attacker gets at most N guesses per minute however many addresses it has. Per instance, like desk's.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final Budgets addresses;
    private final Budgets accounts;
    private final AuditLog audit;

    SignInThrottle(SignInProperties properties, AuditLog audit, Clock clock) {
        // sync's clock, not Bucket4j's own: tests move it, and refills follow.
        TimeMeter time = new TimeMeter() {
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
        this.addresses = new Budgets(properties.failuresPerMinutePerAddress(), time);
        this.accounts = new Budgets(properties.failuresPerMinutePerAccount(), time);
        this.audit = audit;
    }

    /** Seconds to wait before this address may try to sign in as this email, or 0 when it may now. */
    long retryAfterSeconds(String address, String email) {
        return Math.max(addresses.retryAfterSeconds(address), accounts.retryAfterSeconds(accountKey(email)));
    }

    /**
     * Counts one failed sign-in against the address and the account, and audits the start of a burst
     * and a bucket running dry.
     *
     * @param operatorEmail the operator's email when the email tried is an operator's, else null
     */
    void recordFailure(String address, String email, String operatorEmail) {
        String as = operatorEmail == null ? "an email that is no operator's" : operatorEmail;
        Budgets.Step byAddress = addresses.fail(address);
        Budgets.Step byAccount = accounts.fail(accountKey(email));
        Actor actor = Actor.anonymous(address, null);
        if (byAddress.firstOfBurst()) {
            audit.record(
                    AuditEvent.OPERATOR_SIGN_IN_FAILED,
                    actor,
                    null,
                    null,
                    "Failed operator sign-in from " + address + " as " + as
                            + " (wrong email or password); further failures from this address within the minute"
                            + " are counted, not recorded one by one");
        }
        if (byAddress.ranDry()) {
            log.warn(
                    "Operator sign-in from {} failed {} times within a minute; refusing it for now",
                    address,
                    byAddress.failures());
            audit.record(
                    AuditEvent.OPERATOR_SIGN_IN_THROTTLED,
                    actor,
                    null,
                    null,
                    byAddress.failures() + " failed operator sign-ins from " + address
                            + " within a minute; further attempts from this address are refused (HTTP 429)"
                            + " until its budget refills");
        }
        if (byAccount.ranDry()) {
            log.warn(
                    "Operator sign-in as {} failed {} times within a minute; refusing it for now",
                    as,
                    byAccount.failures());
            audit.record(
                    AuditEvent.OPERATOR_SIGN_IN_THROTTLED,
                    actor,
                    null,
                    null,
                    byAccount.failures() + " failed sign-ins as " + as
                            + " within a minute, the last from " + address
                            + "; further sign-ins as it are refused from every address (HTTP 429)"
                            + " until its budget refills");
        }
    }

    /** The account's key: a digest of the normalised email, so no typed text is kept as it was typed. */
    private static String accountKey(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** One token bucket per key, forgotten ten minutes after its last use. */
    private static final class Budgets {

        record Step(boolean firstOfBurst, boolean ranDry, int failures) {}

        private final int perMinute;
        private final TimeMeter time;
        private final Cache<String, Tracker> byKey = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();

        Budgets(int perMinute, TimeMeter time) {
            this.perMinute = perMinute;
            this.time = time;
        }

        long retryAfterSeconds(String key) {
            Tracker tracker = byKey.getIfPresent(key);
            if (tracker == null || tracker.bucket.getAvailableTokens() > 0) {
                return 0;
            }
            long nanos = tracker.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
        }

        Step fail(String key) {
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
}
