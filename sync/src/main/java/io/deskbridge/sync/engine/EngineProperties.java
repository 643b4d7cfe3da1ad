package io.deskbridge.sync.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sync.engine.*}.
 *
 * @param quotaShare share (0 < share ≤ 1) of each Zendesk budget window (the account's requests per
 *     minute and the incremental exports' own window) that sync may use; the rest is left for agents
 *     and other integrations
 * @param pageSize records per export page (1 to 1000); shrunk to a half and a tenth on 5xx/timeouts
 * @param maxAttempts failed attempts (5xx, timeouts, no answer) at one page before the run fails
 * @param retryBackoff first wait after a failed attempt; doubles per attempt
 * @param retryBackoffMax the longest wait between attempts
 * @param threads streams this instance runs at once
 * @param pollingInterval how often this instance looks for due runs in the shared task table
 * @param heartbeatInterval how often a running stream proves it is alive; after {@code
 *     missedHeartbeats} missed ones another instance (or this one, restarted) resumes it
 * @param missedHeartbeats see {@code heartbeatInterval}
 * @param housekeepingInterval how often schedules are checked and orphaned queued runs re-queued
 * @param scheduler whether this instance runs syncs at all (false: it only serves the API)
 * @param pacing {@code headers} in production; {@code retry-after-only} for benchmarks and tests
 *     against a desk that reports limits without enforcing them
 * @param exportFreshness how long the account's incremental exports hold a change back (Zendesk: 60 s;
 *     desk on its sandbox clock: 2 s): a webhook hint's run starts this long (plus 1 s) after the hint,
 *     once the hinted change can be exported
 */
@ConfigurationProperties("sync.engine")
public record EngineProperties(
        @DefaultValue("0.5") double quotaShare,
        @DefaultValue("1000") int pageSize,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("2s") Duration retryBackoff,
        @DefaultValue("60s") Duration retryBackoffMax,
        @DefaultValue("4") int threads,
        @DefaultValue("5s") Duration pollingInterval,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("6") int missedHeartbeats,
        @DefaultValue("30s") Duration housekeepingInterval,
        @DefaultValue("true") boolean scheduler,
        @DefaultValue("headers") RatePacing pacing,
        @DefaultValue("60s") Duration exportFreshness) {

    public EngineProperties {
        if (!(quotaShare > 0 && quotaShare <= 1)) {
            throw new IllegalArgumentException(
                    "sync.engine.quota-share must be more than 0 and at most 1; it is " + quotaShare);
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("sync.engine.page-size must be from 1 to 1000; it is " + pageSize);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("sync.engine.max-attempts must be at least 1; it is " + maxAttempts);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("sync.engine.threads must be at least 1; it is " + threads);
        }
        if (missedHeartbeats < 4) {
            // db-scheduler's own minimum.
            throw new IllegalArgumentException(
                    "sync.engine.missed-heartbeats must be at least 4; it is " + missedHeartbeats);
        }
        positive("retry-backoff", retryBackoff);
        positive("retry-backoff-max", retryBackoffMax);
        positive("polling-interval", pollingInterval);
        positive("heartbeat-interval", heartbeatInterval);
        positive("housekeeping-interval", housekeepingInterval);
        if (exportFreshness.isNegative()) {
            throw new IllegalArgumentException(
                    "sync.engine.export-freshness must not be negative; it is " + exportFreshness);
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("sync.engine." + name + " must be positive; it is " + value);
        }
    }
}
