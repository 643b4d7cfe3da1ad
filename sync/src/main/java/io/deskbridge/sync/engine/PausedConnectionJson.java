package io.deskbridge.sync.engine;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.sync.connection.ConnectionJson;
import io.swagger.v3.oas.annotations.media.Schema;

/** The connection as {@code /api/connections/{id}} shows it, plus {@code paused}. */
@Schema(name = "ConnectionWithPause")
public record PausedConnectionJson(@JsonUnwrapped ConnectionJson connection, boolean paused) {

    /** {@code {"connection": {.., "paused": ..}}}. */
    public record PausedConnectionBody(PausedConnectionJson connection) {}
}
