package io.deskbridge.sync.hint;

import io.deskbridge.sync.api.RecordNotFoundException;

/** 404: no such connection, or it has no hint secret (one answer for both). */
class HintNotAcceptedException extends RecordNotFoundException {

    private HintNotAcceptedException(String message) {
        super(message);
    }

    static HintNotAcceptedException forConnection(long connectionId) {
        return new HintNotAcceptedException("Connection " + connectionId
                + " accepts no webhook hints: there is no such connection, or no hint secret is stored for it"
                + " (PUT /api/connections/" + connectionId + "/hint-secret)");
    }
}
