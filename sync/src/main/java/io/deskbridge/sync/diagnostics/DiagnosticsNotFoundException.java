package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.api.RecordNotFoundException;

/** No diagnostics report is stored for a connection yet. */
public class DiagnosticsNotFoundException extends RecordNotFoundException {

    private DiagnosticsNotFoundException(String message) {
        super(message);
    }

    static DiagnosticsNotFoundException forConnection(long connectionId) {
        return new DiagnosticsNotFoundException("Diagnostics have never run for connection " + connectionId
                + "; POST /api/connections/" + connectionId + "/diagnostics runs them");
    }
}
