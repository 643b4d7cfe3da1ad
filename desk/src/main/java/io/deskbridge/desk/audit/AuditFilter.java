package io.deskbridge.desk.audit;

import java.time.Instant;
import java.util.List;

/**
 * Zendesk's audit-log filters; null (or an empty list) means "any".
 *
 * @param actions {@code filter[action]}, one or several ({@code filter[action][]=create&filter[action][]=update})
 * @param createdFrom {@code filter[created_at]}'s first value (inclusive)
 * @param createdTo {@code filter[created_at]}'s second value (inclusive)
 */
public record AuditFilter(
        String sourceType,
        Long sourceId,
        Long actorId,
        String ipAddress,
        List<String> actions,
        Instant createdFrom,
        Instant createdTo) {

    public AuditFilter {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public AuditFilter(String sourceType, Long sourceId, Long actorId, String ipAddress) {
        this(sourceType, sourceId, actorId, ipAddress, List.of(), null, null);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }
}
