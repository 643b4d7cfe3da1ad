package io.deskbridge.desk.api;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ZendeskError}'s bodies as maps, for the servlet filters that write a body before Spring MVC
 * runs ({@code apiauth.ApiAuthenticationFilter}, {@code config.SecurityConfig},
 * {@code config.RequestSizeLimitFilter}) and for Spring Boot's error attributes, which are a map by
 * contract. Each map is the record converted, so the bytes cannot drift from the typed bodies. Once
 * the filters write {@code ZendeskError} themselves, only {@link #asMap} is needed.
 */
public final class ZendeskErrors {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private ZendeskErrors() {}

    public static Map<String, Object> couldNotAuthenticate() {
        return asMap(ZendeskError.couldNotAuthenticate());
    }

    public static Map<String, Object> invalidBearerToken() {
        return asMap(ZendeskError.invalidBearerToken());
    }

    /** 403 for a read the caller's role may not see (see {@link ZendeskError#resourceRestricted()}). */
    public static Map<String, Object> resourceRestricted() {
        return asMap(ZendeskError.resourceRestricted());
    }

    public static Map<String, Object> forbidden() {
        return asMap(ZendeskError.forbidden());
    }

    public static Map<String, Object> missingScope(String scope) {
        return asMap(ZendeskError.missingScope(scope));
    }

    public static Map<String, Object> errors(String code, String title) {
        return asMap(ZendeskError.errors(code, title));
    }

    public static Map<String, Object> error(String error, String description) {
        return asMap(ZendeskError.described(error, description));
    }

    /** A body as a map with the record's keys in the record's order. */
    public static Map<String, Object> asMap(ZendeskError body) {
        return PLAIN.convertValue(body, MAP);
    }
}
