package io.deskbridge.sync.audit;

/** What happened, named in the past tense. */
public enum AuditEvent {
    OPERATOR_CREATED("operator.created"),
    CONNECTION_CREATED("connection.created"),
    CREDENTIALS_RECEIVED("connection.credentials_received"),
    /** sync replaced an expiring OAuth access token (and its single-use refresh token) by itself. */
    CREDENTIALS_REFRESHED("connection.credentials_refreshed"),
    REQUEST_LINK_CREATED("request_link.created"),
    REQUEST_LINK_REVOKED("request_link.revoked"),
    REQUEST_LINK_OPENED("request_link.opened"),
    /** A used link was opened or submitted again: someone else may have had the link. */
    REQUEST_LINK_REUSE_ATTEMPTED("request_link.reuse_attempted"),
    REQUEST_LINK_EXPIRED_OPENED("request_link.expired_opened"),
    REQUEST_LINK_REVOKED_OPENED("request_link.revoked_opened"),
    /** Someone ran "Test connection": it calls the customer's Zendesk with their credential. */
    DIAGNOSTICS_RUN("connection.diagnostics_run");

    private final String wireName;

    AuditEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
