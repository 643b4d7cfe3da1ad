package io.deskbridge.sync.address;

/**
 * An address that cannot be a Zendesk account's. The message says what is wrong and how to write it;
 * it never quotes a user name, password, path or query of the input (they may hold a secret).
 */
public class InvalidAddressException extends RuntimeException {

    InvalidAddressException(String message) {
        super(message);
    }
}
