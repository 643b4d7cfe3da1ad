package io.deskbridge.desk.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A token in Zendesk's {@code OauthTokenObject} shape: {@code token} and {@code refresh_token} are the
 * values' first 10 characters only (Zendesk: "For security reasons, only the first 10 characters ...").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OAuthTokenJson(
        long id,
        String url,
        long userId,
        long clientId,
        String token,
        String refreshToken,
        List<String> scopes,
        Instant createdAt,
        Instant expiresAt,
        Instant refreshTokenExpiresAt) {

    static OAuthTokenJson of(OAuthToken t, String baseUrl) {
        return new OAuthTokenJson(
                t.id(),
                baseUrl + "/api/v2/oauth/tokens/" + t.id() + ".json",
                t.userId(),
                t.clientId(),
                t.accessHint(),
                t.refreshHint(),
                t.scopes().asList(),
                t.createdAt(),
                t.accessExpiresAt(),
                t.refreshExpiresAt());
    }

    record One(OAuthTokenJson token) {}

    /** Decision: every live token in one page, in Zendesk's offset envelope. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Many(List<OAuthTokenJson> tokens, String nextPage, String previousPage, long count) {}
}
