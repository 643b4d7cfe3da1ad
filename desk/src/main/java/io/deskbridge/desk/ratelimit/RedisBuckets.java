package io.deskbridge.desk.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;

/**
 * Buckets in Redis through Bucket4j's Lettuce proxy manager (compare-and-swap), so that every desk
 * instance counts against the same budget. One connection, shared by all requests (Lettuce
 * multiplexes); commands fail fast while it is disconnected instead of queueing, and time out after
 * {@code desk.rate-limit.redis-timeout}. Time comes from each instance's {@link Clock} (the wall
 * clock in production), so instances must run NTP, as they must for token expiry anyway.
 */
final class RedisBuckets implements BucketStore, AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;
    private final String where;
    private final Clock clock;

    private RedisBuckets(
            RedisClient client, StatefulRedisConnection<String, byte[]> connection, String where, ClockTimeMeter time) {
        this.client = client;
        this.connection = connection;
        this.where = where;
        this.clock = time.clock();
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(time)
                // A bucket lives until it would be full again, plus a margin: at most about a minute.
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /**
     * Connects at start-up and fails fast, naming the property, when the URL is malformed or Redis is
     * unreachable then: a wrong URL is a configuration mistake to fix before serving. Outages later
     * on are the limiter's to survive (see {@link RateLimiter}).
     */
    static RedisBuckets connect(String url, Duration timeout, ClockTimeMeter time) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            // Not the URL itself in the message: it may carry a password.
            throw new IllegalStateException("desk.redis-url (DESK_REDIS_URL) is not a Redis URL such as "
                    + "redis://127.0.0.1:6379 or rediss://:password@host:6380 ("
                    + e.getClass().getSimpleName() + ")");
        }
        uri.setTimeout(timeout);
        String where = uri.getHost() + ":" + uri.getPort();
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        try {
            return new RedisBuckets(
                    client, client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)), where, time);
        } catch (RedisException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // The root cause names what failed (refused, timed out, TLS...); it carries no password.
            throw new IllegalStateException(
                    "desk.redis-url (DESK_REDIS_URL): Redis at " + where + " is not reachable (" + e.getMessage()
                            + (root == e ? "" : ": " + root.getClass().getSimpleName() + ": " + root.getMessage())
                            + "); start it, or leave DESK_REDIS_URL unset to keep rate limits in this instance's memory");
        }
    }

    @Override
    public Bucket bucket(String key, int perMinute) {
        return buckets.builder()
                .build(
                        key,
                        () -> BucketConfiguration.builder()
                                .addLimit(BucketStore.perMinute(perMinute, clock))
                                .build());
    }

    /** {@code host:port}, for logs and the Admin Center (never the URL: it may carry a password). */
    String where() {
        return where;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
