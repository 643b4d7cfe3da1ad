package io.deskbridge.sync.engine;

/** A run cannot go on; the message (saved in the run history) says why and what to do. */
class SyncFailedException extends RuntimeException {

    SyncFailedException(String message) {
        super(message);
    }
}
