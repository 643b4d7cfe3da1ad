package io.deskbridge.sync.cli;

/** sync did not answer, or something that is not sync's API answered; the message says which and what to do. */
final class UnreachableException extends RuntimeException {

    UnreachableException(String message) {
        super(message);
    }
}
