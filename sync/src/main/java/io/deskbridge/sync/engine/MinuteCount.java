package io.deskbridge.sync.engine;

import java.time.Instant;

/** Records stored in one clock minute (for the UI's chart). */
public record MinuteCount(Instant minute, long records) {}
