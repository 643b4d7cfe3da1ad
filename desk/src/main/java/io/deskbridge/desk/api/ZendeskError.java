package io.deskbridge.desk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Zendesk's error bodies as records, one per shape Zendesk uses (see zendesk-wire.md). Field names are
 * single words, so the bodies are the same whatever naming strategy writes them; the one two-word
 * field ({@code error_description}) is named explicitly.
 */
public sealed interface ZendeskError {

    String COULD_NOT_AUTHENTICATE = "Couldn't authenticate you";
    String RESTRICTED_MESSAGE =
            "Access to this resource is restricted. Please contact the account administrator for assistance.";

    String FORBIDDEN_MESSAGE =
            "You do not have access to this page. Please contact the account owner of this help desk for further help.";

    static Bare couldNotAuthenticate() {
        return new Bare(COULD_NOT_AUTHENTICATE);
    }

    static OAuth invalidBearerToken() {
        return new OAuth(
                "invalid_token",
                "The access token provided is expired, revoked, malformed or invalid for other reasons.");
    }

    /** The role body: the caller may not do this. */
    static Titled forbidden() {
        return new Titled(new Title("Forbidden", FORBIDDEN_MESSAGE));
    }

    /**
     * 403 for reading a resource the caller's role may not see. Decision: Zendesk has two 403 messages
     * in the same {@code {"error":{"title","message"}}} shape: this one for a restricted resource and
     * {@link #FORBIDDEN_MESSAGE} for an action the role may not take. Desk answers reads (GET) with this
     * one, because tap-zendesk's discovery (discover.py) treats a zenpy 403 as "stream not readable"
     * only when the message is exactly this text and fails the whole discovery otherwise; writes keep
     * {@link #forbidden()}, whose "You do not have access" Airbyte's error handler recognises.
     */
    static Titled resourceRestricted() {
        return new Titled(new Title("Forbidden", RESTRICTED_MESSAGE));
    }

    static Described missingScope(String scope) {
        return new Described("Forbidden", "You are missing the following required scopes: " + scope);
    }

    static Described recordNotFound() {
        return new Described("RecordNotFound", "Not found");
    }

    static Invalid recordInvalid(Map<String, List<Problem>> details) {
        return new Invalid("RecordInvalid", "Record validation errors", details);
    }

    /** The {@code {"errors":[{"code":..,"title":..}]}} form Zendesk uses for request-shape problems. */
    /** 405: the path exists, the method does not (the same body wherever Spring refuses it). */
    static Errors methodNotAllowed(String method) {
        return errors("MethodNotAllowed", "Method " + method + " is not allowed here.");
    }

    static Errors errors(String code, String title) {
        return new Errors(List.of(new CodeTitle(code, title)));
    }

    /** The {@code {"error":..,"description":..}} form, for problems Zendesk reports that way. */
    static Described described(String error, String description) {
        return new Described(error, description);
    }

    /** {@code {"error":"Couldn't authenticate you"}}. */
    record Bare(String error) implements ZendeskError {}

    /** {@code {"error":"RecordNotFound","description":"Not found"}}. */
    record Described(String error, String description) implements ZendeskError {}

    /** {@code {"error":{"title":"Forbidden","message":"..."}}}: the role body. */
    record Titled(Title error) implements ZendeskError {}

    record Title(String title, String message) {}

    /** {@code {"error":"RecordInvalid","description":"Record validation errors","details":{field:[...]}}}. */
    record Invalid(String error, String description, Map<String, List<Problem>> details) implements ZendeskError {}

    /** One broken rule of a field, keys in Zendesk's order. */
    record Problem(String description, String error) {}

    /** {@code {"errors":[{"code":..,"title":..}]}}: request-shape problems. */
    record Errors(List<CodeTitle> errors) implements ZendeskError {}

    record CodeTitle(String code, String title) {}

    /** OAuth's {@code {"error":"invalid_token","error_description":"..."}}. */
    record OAuth(
            String error, @JsonProperty("error_description") String errorDescription) implements ZendeskError {}
}
