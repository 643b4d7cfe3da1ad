package io.deskbridge.desk.businesshours;

import java.time.Instant;
import java.util.List;

/** A business hours schedule. */
public record Schedule(
        long id, String name, String timeZone, List<Interval> intervals, Instant createdAt, Instant updatedAt) {}
