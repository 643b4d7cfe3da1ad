package io.deskbridge.desk.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Where the account's buckets live: this instance's memory, or Redis shared by every instance. */
interface BucketStore {

    /**
     * The bucket of one budget. Keys name the budget's size too ({@code ...:requests:700}), so a new
     * plan counts in its own bucket from its next request on, on every instance, without a
     * configuration change to coordinate; the old bucket expires unused.
     */
    Bucket bucket(String key, int perMinute);

    /**
     * Zendesk's window: {@code perMinute} requests per clock minute, refilled all at once when the
     * minute turns (Bucket4j "intervally aligned"), so every instance and every header agree on when
     * the window resets. Not greedy refill: that would admit a trickle beyond the budget within the
     * minute and make {@code X-Rate-Limit-Remaining} mean something other than Zendesk's "requests left
     * this minute". Aligned to the minute, the first refill instant may lie in the past for a bucket
     * created later; Bucket4j then counts whole periods from it, which keeps the same boundaries.
     */
    static Bandwidth perMinute(int perMinute, Clock clock) {
        Instant nextMinute = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        return Bandwidth.builder()
                .capacity(perMinute)
                .refillIntervallyAligned(perMinute, Duration.ofMinutes(1), nextMinute)
                .build();
    }
}
