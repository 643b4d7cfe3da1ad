package io.deskbridge.sync.vault;

/** A sealed secret that does not open: sealed for another connection or version, or under another master key. */
public class SecretUnreadableException extends IllegalStateException {

    SecretUnreadableException(String what) {
        super("The stored credential of " + what + " does not open: it was sealed for another connection or "
                + "credential version, or under another master key");
    }
}
