package io.deskbridge.desk.oauth;

import io.deskbridge.desk.api.RecordInvalidException;

/** A client create or update that breaks a rule (422 {@code RecordInvalid}); the message names it. */
public class OAuthClientInvalidException extends RecordInvalidException {

    private OAuthClientInvalidException(String field, String code, String description) {
        super(field, code, description);
    }

    static OAuthClientInvalidException blank(String field, String label) {
        return new OAuthClientInvalidException(field, "BlankValue", label + ": cannot be blank");
    }

    static OAuthClientInvalidException invalid(String field, String description) {
        return new OAuthClientInvalidException(field, "InvalidValue", description);
    }

    static OAuthClientInvalidException duplicateIdentifier(String identifier) {
        return new OAuthClientInvalidException(
                "identifier",
                "DuplicateValue",
                "Identifier: " + identifier + " is already used by another OAuth client");
    }
}
