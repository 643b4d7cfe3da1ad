package io.deskbridge.desk.audit;

/** Zendesk's audit-log filters; null means "any". */
public record AuditFilter(String sourceType, Long sourceId, Long actorId, String ipAddress) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }
}
