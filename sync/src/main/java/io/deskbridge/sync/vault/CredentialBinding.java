package io.deskbridge.sync.vault;

import java.nio.charset.StandardCharsets;

/**
 * What a sealed credential belongs to: the associated data of both encryption layers. A ciphertext
 * sealed for one binding opens under no other.
 */
public record CredentialBinding(long connectionId, int credentialVersion) {

    byte[] associatedData() {
        return ("deskbridge-sync:credential:connection=" + connectionId + ":version=" + credentialVersion)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "connection " + connectionId + " (credential version " + credentialVersion + ")";
    }
}
