package io.deskbridge.sync.audit;

/** What happened, named in the past tense. */
public enum AuditEvent {
    OPERATOR_CREATED("operator.created"),
    /**
     * The first failed operator sign-in (form or HTTP Basic) from an address after a quiet spell; the
     * failures that follow in the same burst are counted in {@link #OPERATOR_SIGN_IN_THROTTLED}, not
     * recorded one by one.
     */
    OPERATOR_SIGN_IN_FAILED("operator.sign_in_failed"),
    /** An address or an account used up its failed sign-in budget: further attempts get 429 for now. */
    OPERATOR_SIGN_IN_THROTTLED("operator.sign_in_throttled"),
    /** {@code reset-operator-password} set a new password from the command line. */
    OPERATOR_PASSWORD_RESET("operator.password_reset"),
    /** The signed-in operator changed its own password. */
    OPERATOR_PASSWORD_CHANGED("operator.password_changed"),
    CONNECTION_CREATED("connection.created"),
    CREDENTIALS_RECEIVED("connection.credentials_received"),
    /** sync replaced an expiring OAuth access token (and its single-use refresh token) by itself. */
    CREDENTIALS_REFRESHED("connection.credentials_refreshed"),
    /** The migration assistant switched a token connection to a tested OAuth credential. */
    MIGRATED_TO_OAUTH("connection.migrated_to_oauth"),
    /** The migration assistant refused an OAuth credential after testing it: nothing changed. */
    MIGRATION_REFUSED("connection.migration_refused"),
    REQUEST_LINK_CREATED("request_link.created"),
    REQUEST_LINK_REVOKED("request_link.revoked"),
    REQUEST_LINK_OPENED("request_link.opened"),
    /** A used link was opened or submitted again: someone else may have had the link. */
    REQUEST_LINK_REUSE_ATTEMPTED("request_link.reuse_attempted"),
    REQUEST_LINK_EXPIRED_OPENED("request_link.expired_opened"),
    REQUEST_LINK_REVOKED_OPENED("request_link.revoked_opened"),
    /** "Connect with Zendesk" came back without credentials: denied, bad or reused state, exchange refused. */
    REQUEST_LINK_OAUTH_FAILED("request_link.oauth_failed"),
    /** Someone ran "Test connection": it calls the customer's Zendesk with their credential. */
    DIAGNOSTICS_RUN("connection.diagnostics_run"),
    /** The connection's webhook-hint signing secret was stored or replaced (the entry never holds it). */
    HINT_SECRET_SET("connection.hint_secret_set"),
    /** The connection's webhook-hint signing secret was removed: hints are refused from then on. */
    HINT_SECRET_REMOVED("connection.hint_secret_removed");

    private final String wireName;

    AuditEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
