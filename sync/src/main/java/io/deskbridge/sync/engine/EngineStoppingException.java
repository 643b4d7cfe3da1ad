package io.deskbridge.sync.engine;

/** The engine is shutting down: the run stops where it is and resumes on the next start. */
class EngineStoppingException extends RuntimeException {

    EngineStoppingException() {
        super("The sync engine is stopping; the run resumes from its last committed page on the next start");
    }
}
