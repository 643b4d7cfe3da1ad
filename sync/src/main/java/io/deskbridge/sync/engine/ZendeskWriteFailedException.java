package io.deskbridge.sync.engine;

/** A write could not be sent: the connection has no usable credential (the message says which and why). */
public class ZendeskWriteFailedException extends RuntimeException {

    ZendeskWriteFailedException(String message) {
        super(message);
    }
}
