package io.deskbridge.desk.ratelimit;

import io.github.bucket4j.Bucket;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets in this instance's memory: the default, and the fallback while Redis is unreachable. At
 * most one bucket per budget size ever used (a handful), so nothing needs evicting.
 */
final class LocalBuckets implements BucketStore {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ClockTimeMeter time;

    LocalBuckets(ClockTimeMeter time) {
        this.time = time;
    }

    @Override
    public Bucket bucket(String key, int perMinute) {
        // Wall-clock time (desk's Clock), not nanoTime: the windows are aligned to clock minutes.
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .withCustomTimePrecision(time)
                        .addLimit(BucketStore.perMinute(perMinute, time.clock()))
                        .build());
    }
}
