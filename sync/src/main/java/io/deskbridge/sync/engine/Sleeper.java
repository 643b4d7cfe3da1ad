package io.deskbridge.sync.engine;

import java.time.Duration;

/** Waits; the engine's waits end early when the engine stops. Tests pass a fake that moves a fake clock. */
interface Sleeper {

    /** @throws EngineStoppingException when the engine stops during the wait */
    void sleep(Duration duration);
}
