package io.deskbridge.sync.engine;

import java.util.List;

/** A connection's sync status: paused or not, and its streams. */
public record ConnectionSyncStatus(long id, String name, boolean paused, List<StreamStatus> streams) {}
