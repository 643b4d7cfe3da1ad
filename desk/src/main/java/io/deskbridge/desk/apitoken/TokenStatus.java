package io.deskbridge.desk.apitoken;

/** What the token list shows. Expired tokens stay listed (as expired) until someone deletes them. */
public enum TokenStatus {
    ACTIVE("active", "Active"),
    EXPIRING_SOON("expiring_soon", "Expiring soon"),
    EXPIRED("expired", "Expired"),
    DEACTIVATED("deactivated", "Deactivated");

    private final String wireName;
    private final String label;

    TokenStatus(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }
}
