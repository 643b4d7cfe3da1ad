package io.deskbridge.sync.zendesk;

/** Zendesk would not give a new OAuth access token; the message says why, never with a secret. */
public class CredentialRefreshFailedException extends RuntimeException {

    CredentialRefreshFailedException(String message) {
        super(message);
    }

    CredentialRefreshFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
