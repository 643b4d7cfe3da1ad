package io.deskbridge.sync.migration;

import io.deskbridge.sync.api.RecordInvalidException;

/** 422: the switch was refused and the connection is unchanged; the code names the rule that broke. */
public class MigrationRefusedException extends RecordInvalidException {

    MigrationRefusedException(String code, String description) {
        super("oauth", code, description + " The connection is unchanged: it keeps its API token.");
    }
}
