package io.deskbridge.sync.zendesk;

/**
 * sync itself stopped an exchange with the account, by its own rule rather than a network failure:
 * the address resolves to one sync never calls, or the answer is larger than sync reads. Repeating
 * the request would end the same way, so runs fail at once instead of retrying. The message says what
 * was observed, which limit or rule applied, and the fix; it never holds a credential.
 */
public class ZendeskCallRefusedException extends RuntimeException {

    ZendeskCallRefusedException(String message) {
        super(message);
    }

    ZendeskCallRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
