package io.deskbridge.desk.secret;

/** A ciphertext that does not open: sealed for another record or field, or under another keyset. */
public class SecretUnreadableException extends IllegalStateException {

    SecretUnreadableException(String context) {
        super("The stored secret for " + context
                + " does not open with this keyset (sealed for another record, or under another keyset)");
    }
}
