package io.deskbridge.desk.ticket;

/**
 * The channel a change came through, as Zendesk's {@code via.channel} names it: {@code api} for the
 * REST API, {@code web} for the agent workspace. Audits and comments carry the channel of the change
 * that made them; a ticket keeps the channel it was created through.
 */
public enum ViaChannel {
    API("api"),
    WEB("web"),
    /** A trigger or automation (Zendesk's via {@code rule}). */
    RULE("rule");

    private final String wireName;

    ViaChannel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
