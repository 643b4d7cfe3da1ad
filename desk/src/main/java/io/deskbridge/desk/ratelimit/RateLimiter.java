package io.deskbridge.desk.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's two per-minute budgets: API requests, and incremental exports (which spend both).
 * Buckets live in this instance's memory, or in Redis when {@code desk.redis-url} is set.
 *
 * <p>Decision, Redis outages: the limiter fails over to this instance's own buckets and logs one
 * warning per outage, so API requests keep being served and still limited (each instance then
 * admits up to the full budget on its own). It skips Redis for {@value #RETRY_SECONDS} s after a
 * failure, so an unreachable Redis costs at most one timeout per instance per interval, and logs
 * when Redis answers again. Refusing every request because the limiter's store is down would turn
 * a Redis blip into a desk outage. That retry interval is elapsed time ({@code nanoTime}, monotonic);
 * the windows themselves run on desk's injected {@link Clock}.
 */
final class RateLimiter implements AutoCloseable {

    static final int RETRY_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final BucketStore store;
    private final LocalBuckets fallback;
    private final String keyPrefix;
    private final String where;
    private final Object outageLock = new Object();
    private volatile boolean redisDown;
    private volatile long retryRedisAt;
    private long failedCalls;
    private volatile Budgets selected;
    private final Clock clock;

    /** Buckets in this instance's memory only. */
    RateLimiter(String keyPrefix, ClockTimeMeter time) {
        this.store = new LocalBuckets(time);
        this.fallback = null;
        this.keyPrefix = keyPrefix;
        this.where = "this instance's memory";
        this.clock = time.clock();
    }

    /** Buckets in Redis, with this instance's memory as the fallback. */
    RateLimiter(RedisBuckets redis, String keyPrefix, ClockTimeMeter time) {
        this.store = redis;
        this.fallback = new LocalBuckets(time);
        this.keyPrefix = keyPrefix;
        this.where = "Redis at " + redis.where();
        this.clock = time.clock();
    }

    /** Whole seconds until the current window (the clock minute) ends, by desk's {@link Clock}: 1 to 60. */
    long secondsToReset() {
        return RateLimitHeaders.secondsToReset(clock);
    }

    /** The limits' budgets; the same objects while the limits stay the same. */
    Budgets budgets(PlanLimits limits) {
        Budgets hit = selected;
        if (hit != null && hit.limits().equals(limits)) {
            return hit;
        }
        Budgets fresh = new Budgets(
                limits, budget("requests", limits.requestsPerMinute()), budget("exports", limits.exportsPerMinute()));
        selected = fresh;
        return fresh;
    }

    /** Whether every desk instance counts against the same buckets. */
    boolean shared() {
        return fallback != null;
    }

    /** Where the buckets live, for logs and the Admin Center. */
    String where() {
        return where;
    }

    private Budget budget(String kind, int perMinute) {
        String key = keyPrefix + "account-1:" + kind + ":" + perMinute;
        return new Budget(
                perMinute, store.bucket(key, perMinute), fallback == null ? null : fallback.bucket(key, perMinute));
    }

    /** The plan's limits with their two budgets. */
    record Budgets(PlanLimits limits, Budget requests, Budget exports) {}

    /** One budget: its size and its bucket (plus the local stand-in when the bucket is in Redis). */
    final class Budget {

        private final int limit;
        private final Bucket bucket;
        private final Bucket standIn;

        private Budget(int limit, Bucket bucket, Bucket standIn) {
            this.limit = limit;
            this.bucket = bucket;
            this.standIn = standIn;
        }

        int limit() {
            return limit;
        }

        ConsumptionProbe tryConsume() {
            return call(b -> b.tryConsumeAndReturnRemaining(1));
        }

        /** Requests left in the current window, without spending one. */
        long remaining() {
            return Math.max(0, call(Bucket::getAvailableTokens));
        }

        /** Gives back a token spent by a request that another budget then refused. */
        void refund() {
            call(b -> {
                b.addTokens(1);
                return null;
            });
        }

        private <T> T call(Function<Bucket, T> operation) {
            if (standIn == null) {
                return operation.apply(bucket);
            }
            if (redisDown && System.nanoTime() - retryRedisAt < 0) {
                return operation.apply(standIn);
            }
            try {
                T result = operation.apply(bucket);
                redisAnswered();
                return result;
            } catch (RuntimeException e) {
                redisFailed(e);
                return operation.apply(standIn);
            }
        }
    }

    private void redisFailed(RuntimeException e) {
        synchronized (outageLock) {
            retryRedisAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
            failedCalls++;
            if (!redisDown) {
                redisDown = true;
                log.warn(
                        "API rate limits: {} did not answer ({}: {}); until it does, this instance limits requests "
                                + "on its own, in memory (retrying Redis every {} s)",
                        where,
                        e.getClass().getSimpleName(),
                        e.getMessage(),
                        RETRY_SECONDS);
            }
        }
    }

    private void redisAnswered() {
        if (redisDown) {
            synchronized (outageLock) {
                if (redisDown) {
                    redisDown = false;
                    log.warn(
                            "API rate limits: {} answers again after {} failed calls; buckets are shared again",
                            where,
                            failedCalls);
                    failedCalls = 0;
                }
            }
        }
    }

    @Override
    public void close() {
        if (store instanceof RedisBuckets redis) {
            redis.close();
        }
    }
}
