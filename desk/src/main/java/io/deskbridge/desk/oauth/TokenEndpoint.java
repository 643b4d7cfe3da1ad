package io.deskbridge.desk.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth/tokens}, Zendesk's "Create Token for Grant Type": JSON bodies (Zendesk's
 * documented form) and form bodies (RFC 6749, what generic OAuth libraries send), client credentials
 * in the body or in an HTTP Basic header (RFC 6749 2.3.1). Answers the token response or RFC 6749's
 * error body, never cached.
 *
 * <p>Decision: success is 200, as RFC 6749 5.1 requires and OAuth libraries (Nimbus) insist on,
 * although Zendesk's OAS lists 201 for this operation; the body is the OAS's
 * {@code OAuthTokenForGrantTypesObject}.
 */
@RestController
class TokenEndpoint {

    private final OAuthTokens tokens;

    TokenEndpoint(OAuthTokens tokens) {
        this.tokens = tokens;
    }

    /** Zendesk's token response; {@code refresh_token} fields are absent for client credentials. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenResponse(
            String accessToken,
            String tokenType,
            String scope,
            long expiresIn,
            String refreshToken,
            Long refreshTokenExpiresIn) {}

    /** RFC 6749 5.2 / Zendesk: {@code {"error":"invalid_grant","error_description":"..."}}. */
    record ErrorBody(String error, String errorDescription) {}

    /** The JSON body; numbers may be sent as numbers or numeric strings. */
    record JsonBody(
            String grantType,
            String clientId,
            String clientSecret,
            String code,
            String redirectUri,
            String codeVerifier,
            String refreshToken,
            String scope,
            Long expiresIn,
            Long refreshTokenExpiresIn) {}

    @PostMapping(path = "/oauth/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> json(@RequestBody JsonBody body, HttpServletRequest http) {
        if (body == null) {
            throw OAuthException.invalidRequest("The request body is empty");
        }
        return answer(
                http,
                new TokenRequest(
                        body.grantType(),
                        body.clientId(),
                        body.clientSecret(),
                        body.code(),
                        body.redirectUri(),
                        body.codeVerifier(),
                        body.refreshToken(),
                        body.scope(),
                        body.expiresIn(),
                        body.refreshTokenExpiresIn()));
    }

    @PostMapping(path = "/oauth/tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenResponse> form(@RequestParam MultiValueMap<String, String> params, HttpServletRequest http) {
        return answer(
                http,
                new TokenRequest(
                        single(params, "grant_type"),
                        single(params, "client_id"),
                        single(params, "client_secret"),
                        single(params, "code"),
                        single(params, "redirect_uri"),
                        single(params, "code_verifier"),
                        single(params, "refresh_token"),
                        single(params, "scope"),
                        number(params, "expires_in"),
                        number(params, "refresh_token_expires_in")));
    }

    private ResponseEntity<TokenResponse> answer(HttpServletRequest http, TokenRequest request) {
        IssuedTokens issued = tokens.token(withBasicClient(request, http), http.getRemoteAddr());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(new TokenResponse(
                        issued.accessToken(),
                        "bearer",
                        issued.scopes().wire(),
                        issued.expiresIn(),
                        issued.refreshToken(),
                        issued.refreshExpiresIn()));
    }

    /** Client credentials from {@code Authorization: Basic} (client_secret_basic), if sent. */
    private static TokenRequest withBasicClient(TokenRequest r, HttpServletRequest http) {
        String header = http.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return r;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("The Basic Authorization header is not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthException.invalidClient("The Basic Authorization header has no ':' between id and secret");
        }
        String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        if ((r.clientId() != null && !r.clientId().equals(id)) || (r.clientSecret() != null)) {
            throw OAuthException.invalidRequest(
                    "Send client credentials either in the Authorization header or in the body, not both");
        }
        return new TokenRequest(
                r.grantType(),
                id,
                secret,
                r.code(),
                r.redirectUri(),
                r.codeVerifier(),
                r.refreshToken(),
                r.scope(),
                r.expiresIn(),
                r.refreshTokenExpiresIn());
    }

    private static String single(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthException.invalidRequest(name + " is given " + values.size() + " times; send it once");
        }
        return values.get(0);
    }

    private static Long number(MultiValueMap<String, String> params, String name) {
        String value = single(params, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw OAuthException.invalidRequest(name + " must be a whole number of seconds");
        }
    }

    @ExceptionHandler(OAuthException.class)
    ResponseEntity<ErrorBody> refused(OAuthException e, HttpServletRequest http) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(e.code().status()).cacheControl(CacheControl.noStore());
        if (e.code() == OAuthException.Code.INVALID_CLIENT) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"OAuth\"");
        }
        return response.contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(e.code().wireName(), e.description()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ErrorBody> unreadable(Exception e) {
        return ResponseEntity.badRequest()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(
                        OAuthException.Code.INVALID_REQUEST.wireName(),
                        "Send the parameters as a JSON object or as application/x-www-form-urlencoded, with "
                                + "expires_in and refresh_token_expires_in as whole numbers"));
    }
}
