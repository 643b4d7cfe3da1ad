package io.deskbridge.desk.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Zendesk's error bodies, byte for byte where Zendesk documents them (see zendesk-wire.md). */
public final class ZendeskErrors {

    public static final String COULD_NOT_AUTHENTICATE = "Couldn't authenticate you";
    public static final String FORBIDDEN_MESSAGE =
            "You do not have access to this page. Please contact the account owner of this help desk for further help.";

    private ZendeskErrors() {}

    public static Map<String, Object> couldNotAuthenticate() {
        return Map.of("error", COULD_NOT_AUTHENTICATE);
    }

    public static Map<String, Object> invalidBearerToken() {
        return ordered(
                "error",
                "invalid_token",
                "error_description",
                "The access token provided is expired, revoked, malformed or invalid for other reasons.");
    }

    public static final String RESTRICTED_MESSAGE =
            "Access to this resource is restricted. Please contact the account administrator for assistance.";

    /**
     * 403 for reading a resource the caller's role may not see. Decision: Zendesk has two 403 messages
     * in the same {@code {"error":{"title","message"}}} shape: this one for a restricted resource and
     * {@link #FORBIDDEN_MESSAGE} for an action the role may not take. Desk answers reads (GET) with this
     * one, because tap-zendesk's discovery (discover.py) treats a zenpy 403 as "stream not readable"
     * only when the message is exactly this text and fails the whole discovery otherwise; writes keep
     * {@link #forbidden()}, whose "You do not have access" Airbyte's error handler recognises.
     */
    public static Map<String, Object> resourceRestricted() {
        return Map.of("error", ordered("title", "Forbidden", "message", RESTRICTED_MESSAGE));
    }

    public static Map<String, Object> forbidden() {
        return Map.of("error", ordered("title", "Forbidden", "message", FORBIDDEN_MESSAGE));
    }

    public static Map<String, Object> missingScope(String scope) {
        return ordered("error", "Forbidden", "description", "You are missing the following required scopes: " + scope);
    }

    /** 405: the path exists, the method does not (the same body wherever Spring refuses it). */
    public static Map<String, Object> methodNotAllowed(String method) {
        return errors("MethodNotAllowed", "Method " + method + " is not allowed here.");
    }

    public static Map<String, Object> recordNotFound() {
        return ordered("error", "RecordNotFound", "description", "Not found");
    }

    public static Map<String, Object> recordInvalid(Map<String, List<Map<String, String>>> details) {
        return ordered("error", "RecordInvalid", "description", "Record validation errors", "details", details);
    }

    /** The {@code {"errors":[{"code":..,"title":..}]}} form Zendesk uses for request-shape problems. */
    public static Map<String, Object> errors(String code, String title) {
        return Map.of("errors", List.of(ordered("code", code, "title", title)));
    }

    /** The {@code {"error":..,"description":..}} form, for problems Zendesk reports that way. */
    public static Map<String, Object> error(String error, String description) {
        return ordered("error", error, "description", description);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
