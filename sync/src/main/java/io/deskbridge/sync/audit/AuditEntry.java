package io.deskbridge.sync.audit;

import java.time.Instant;

/** One recorded event. */
public record AuditEntry(
        long id,
        String event,
        String actorType,
        String actor,
        String ipAddress,
        String userAgent,
        Long connectionId,
        Long requestLinkId,
        String description,
        Instant createdAt) {}
