package io.deskbridge.sync.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of sync (Prometheus names):
 * <ul>
 *   <li>{@code sync_records_synced_total{stream}}: records committed; {@code rate()} of it is the
 *       records per second;
 *   <li>{@code sync_stream_lag_seconds{connection_id,stream}}: how far behind the stream is (now minus its cursor
 *       time, or minus the end of its last run that caught up, whichever is later)
 *       (NaN before its first page);
 *   <li>{@code sync_stream_failed{connection_id,stream}}: 1 while the stream's last run failed (its
 *       error is on the console and in {@code GET /api/connections/{id}}), else 0;
 *   <li>{@code sync_connections}: connections known to this database.
 * </ul>
 * The per-stream figures are read from the database at most once per {@value #REFRESH_SECONDS}
 * seconds, when a scrape asks; a stream's series appears from the scrape after it is first seen.
 */
@Component
class SyncMetrics {

    static final int REFRESH_SECONDS = 5;

    private record Key(long connectionId, StreamName stream) {}

    private final MeterRegistry registry;
    private final ObjectProvider<SyncEngine> engine;
    private final Clock clock;
    private final Map<StreamName, Counter> synced = new EnumMap<>(StreamName.class);
    private final Set<Key> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<Key, StreamStatus> latest = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    SyncMetrics(MeterRegistry registry, ObjectProvider<SyncEngine> engine, Clock clock) {
        this.registry = registry;
        this.engine = engine;
        this.clock = clock;
        for (StreamName stream : StreamName.values()) {
            synced.put(
                    stream,
                    Counter.builder("sync.records.synced")
                            .description("Records committed to the store")
                            .tag("stream", stream.wireName())
                            .register(registry));
        }
        Gauge.builder("sync.connections", this, m -> connections(m.refresh()))
                .description("Connections known to this database")
                .register(registry);
    }

    /** Called in the page's transaction callback: {@code records} were committed for {@code stream}. */
    void committed(StreamName stream, int records) {
        synced.get(stream).increment(records);
    }

    private static long connections(Map<Key, StreamStatus> statuses) {
        return statuses.keySet().stream()
                .mapToLong(Key::connectionId)
                .distinct()
                .count();
    }

    private synchronized Map<Key, StreamStatus> refresh() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).getSeconds() < REFRESH_SECONDS && !latest.isEmpty()) {
            return latest;
        }
        Map<Key, StreamStatus> statuses = new HashMap<>();
        for (ConnectionSyncStatus connection : engine.getObject().status()) {
            for (StreamStatus stream : connection.streams()) {
                statuses.put(new Key(connection.id(), stream.name()), stream);
            }
        }
        latest = Map.copyOf(statuses);
        readAt = now;
        statuses.keySet().stream().filter(registered::add).forEach(this::register);
        return latest;
    }

    private void register(Key key) {
        Tags tags = Tags.of(
                "connection_id",
                Long.toString(key.connectionId()),
                "stream",
                key.stream().wireName());
        Gauge.builder("sync.stream.lag", this, m -> {
                    StreamStatus status = m.refresh().get(key);
                    return status == null || status.lagSeconds() == null ? Double.NaN : status.lagSeconds();
                })
                .tags(tags)
                .baseUnit("seconds")
                .description("Now minus the stream's cursor time")
                .register(registry);
        Gauge.builder("sync.stream.failed", this, m -> {
                    StreamStatus status = m.refresh().get(key);
                    return status != null && "failed".equals(status.state()) ? 1 : 0;
                })
                .tags(tags)
                .description("1 while the stream's last run failed")
                .register(registry);
    }
}
