package io.deskbridge.sync.connection;

/** A Zendesk API token and the email of the user it authenticates. */
public record ApiTokenCredential(String email, String token) implements Credential {

    @Override
    public AuthType type() {
        return AuthType.API_TOKEN;
    }

    @Override
    public String identity() {
        return email;
    }

    @Override
    public String toString() {
        return "ApiTokenCredential[email=" + email + ", token=(secret)]";
    }
}
