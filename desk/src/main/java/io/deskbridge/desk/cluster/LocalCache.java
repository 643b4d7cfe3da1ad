package io.deskbridge.desk.cluster;

/** An in-process cache of state that other desk instances may change; dropped when they do. */
public interface LocalCache {

    void invalidateAll();
}
