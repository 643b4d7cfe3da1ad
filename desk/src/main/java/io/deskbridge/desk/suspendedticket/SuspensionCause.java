package io.deskbridge.desk.suspendedticket;

/** Zendesk's suspension causes, with the ids its API reports in {@code cause_id}. */
public enum SuspensionCause {
    DETECTED_AS_SPAM(0, "Detected as spam"),
    AUTOMATED_RESPONSE(1, "Automated response mail"),
    UNKNOWN_AUTHOR(6, "Unknown author"),
    SUSPENDED_USER(12, "Sender is a suspended user");

    private final long id;
    private final String label;

    SuspensionCause(long id, String label) {
        this.id = id;
        this.label = label;
    }

    public long id() {
        return id;
    }

    public String label() {
        return label;
    }
}
