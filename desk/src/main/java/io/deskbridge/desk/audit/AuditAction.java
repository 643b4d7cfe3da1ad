package io.deskbridge.desk.audit;

/** Zendesk's audit-log actions. */
public enum AuditAction {
    CREATE("create"),
    UPDATE("update"),
    DESTROY("destroy"),
    LOGIN("login"),
    EXPORTED("exported");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
