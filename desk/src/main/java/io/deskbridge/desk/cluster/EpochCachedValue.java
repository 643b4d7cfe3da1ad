package io.deskbridge.desk.cluster;

import java.util.function.Supplier;

/**
 * One value read on every request (the API configuration, the plan's limits) and reloaded when the
 * cluster-wide {@link ChangeEpoch} moves past the epoch it was loaded under. The epoch is read
 * before loading, so a value loaded concurrently with a change is stale at once, never kept.
 */
public final class EpochCachedValue<T> {

    private final ChangeEpoch epoch;
    private final Supplier<T> loader;
    private volatile Stamped<T> cached;

    private record Stamped<T>(T value, long epoch) {}

    public EpochCachedValue(ChangeEpoch epoch, Supplier<T> loader) {
        this.epoch = epoch;
        this.loader = loader;
    }

    public T get() {
        long now = epoch.current();
        Stamped<T> hit = cached;
        if (hit != null && hit.epoch() >= now) {
            return hit.value();
        }
        T loaded = loader.get();
        cached = new Stamped<>(loaded, now);
        return loaded;
    }
}
