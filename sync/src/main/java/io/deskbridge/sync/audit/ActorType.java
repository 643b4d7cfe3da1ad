package io.deskbridge.sync.audit;

/** Who acted. */
public enum ActorType {
    /** A signed-in operator of sync (web UI or REST). */
    OPERATOR,
    /** Whoever holds a credential request link, before they submit anything. */
    LINK_VISITOR,
    /** The Zendesk admin who submitted credentials through a request link (named by that email). */
    ZENDESK_ADMIN,
    /** Someone who tried to sign in as an operator and failed; named by the address only. */
    ANONYMOUS,
    /** Sync itself. */
    SYSTEM;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
