package io.deskbridge.sync.vault;

import java.nio.charset.StandardCharsets;

/**
 * What a sealed secret that is not a connection credential belongs to: a purpose and the id of the row
 * that holds it ({@code ("request-link-oauth-client", 42)}). Its associated data cannot equal a
 * {@link CredentialBinding}'s, so neither kind of ciphertext opens as the other.
 */
public record PurposeBinding(String purpose, long id) {

    public PurposeBinding {
        if (purpose == null || !purpose.matches("[a-z][a-z-]{0,62}")) {
            throw new IllegalArgumentException("A binding's purpose is lower-case words joined by '-': " + purpose);
        }
    }

    byte[] associatedData() {
        return ("deskbridge-sync:" + purpose + ":id=" + id).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return purpose + " " + id;
    }
}
