package io.deskbridge.sync.automation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sync.automation.*}.
 *
 * @param executor whether this instance carries out decided actions (false: it only decides and serves the API)
 * @param threads ledger entries this instance works on at once
 * @param pollingInterval how often the executor looks for due entries when nothing woke it
 * @param lease how long an instance holds an entry it works on; an instance killed meanwhile leaves
 *     it to be taken over (and its half-done write recognised) once the lease ends
 * @param maxChainDepth how many write-backs deep rules may react to rules (0: never to a rule's write-back)
 * @param attempts attempts at each step (the ticket write-back, the notification) before it fails
 * @param retryBackoff wait after the first failed attempt; doubles per attempt
 * @param retryBackoffMax the longest wait between attempts
 * @param notifyTimeout how long a notified endpoint may take to answer
 * @param timeRulesInterval how often time rules check every synced ticket
 * @param changeRetention how long the recorded changes (what dry runs read) are kept
 */
@ConfigurationProperties("sync.automation")
public record AutomationProperties(
        @DefaultValue("true") boolean executor,
        @DefaultValue("2") int threads,
        @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("3") int maxChainDepth,
        @DefaultValue("8") int attempts,
        @DefaultValue("2s") Duration retryBackoff,
        @DefaultValue("10m") Duration retryBackoffMax,
        @DefaultValue("10s") Duration notifyTimeout,
        @DefaultValue("5m") Duration timeRulesInterval,
        @DefaultValue("30d") Duration changeRetention) {

    public AutomationProperties {
        if (threads < 1 || threads > 32) {
            throw new IllegalArgumentException("sync.automation.threads must be from 1 to 32; it is " + threads);
        }
        if (maxChainDepth < 0 || maxChainDepth > 10) {
            throw new IllegalArgumentException(
                    "sync.automation.max-chain-depth must be from 0 to 10; it is " + maxChainDepth);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("sync.automation.attempts must be at least 1; it is " + attempts);
        }
        positive("polling-interval", pollingInterval);
        positive("lease", lease);
        positive("retry-backoff", retryBackoff);
        positive("retry-backoff-max", retryBackoffMax);
        positive("notify-timeout", notifyTimeout);
        positive("time-rules-interval", timeRulesInterval);
        positive("change-retention", changeRetention);
    }

    /** {@code retryBackoff × 2^(attempt-1)}, at most {@code retryBackoffMax}. */
    Duration backoff(int attempt) {
        Duration wait = retryBackoff;
        for (int i = 1; i < attempt && wait.compareTo(retryBackoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : wait;
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("sync.automation." + name + " must be positive; it is " + value);
        }
    }
}
