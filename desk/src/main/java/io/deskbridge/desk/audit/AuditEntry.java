package io.deskbridge.desk.audit;

import java.time.Instant;

/**
 * One recorded change, in Zendesk's audit-log shape plus {@code event}, our precise name for it
 * ({@code api_token.rotated}); Zendesk's coarse {@code action} is one of create, update, destroy,
 * login, exported.
 */
public record AuditEntry(
        long id,
        String action,
        String event,
        Long actorId,
        String actorName,
        String sourceType,
        Long sourceId,
        String sourceLabel,
        String changeDescription,
        String ipAddress,
        Instant createdAt) {}
