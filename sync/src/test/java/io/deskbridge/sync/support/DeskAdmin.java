package io.deskbridge.sync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A desk admin signed in to desk's Admin Center session, doing through desk's API what a Zendesk
 * administrator does in Admin Center: API access settings, tokens (whose values are registered with
 * the leak scan), users, the plan. Every call asserts success, so a broken setup fails loudly.
 */
public final class DeskAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;
    private String csrf;

    private DeskAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static DeskAdmin signIn(String baseUrl, String email, String password) {
        DeskAdmin admin = new DeskAdmin(baseUrl);
        String page = admin.raw("GET", "/login", null, null).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("desk's /login page has no _csrf field");
        }
        String form = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> signedIn = admin.raw("POST", "/login", form, "application/x-www-form-urlencoded");
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("throttled")) {
            throw new IllegalStateException(
                    "Signing in to desk as " + email + " failed: " + signedIn.statusCode() + " → " + location);
        }
        admin.csrf = admin.call("GET", "/api/v2/users/me", null)
                .path("user")
                .path("authenticity_token")
                .asString();
        return admin;
    }

    /** Admin Center → API configuration: "Allow API token access" and "Allow password access". */
    public void apiAccess(boolean tokenAccess, boolean passwordAccess) {
        call(
                "PUT",
                "/api/v2/account/settings",
                Map.of(
                        "settings",
                        Map.of(
                                "api",
                                Map.of(
                                        "api_token_access", String.valueOf(tokenAccess),
                                        "api_password_access", String.valueOf(passwordAccess)))));
    }

    /**
     * A new token owned by the signed-in admin; its value is registered with the leak scan.
     *
     * @param fields the {@code api_token} fields: description, scope (full|read), authenticates_as
     *     (owner|any_user), expires_in_days, expires_at, never_expires
     */
    public IssuedDeskToken createToken(Map<String, Object> fields) {
        Map<String, Object> token = new LinkedHashMap<>(Map.of("description", "sync end-to-end"));
        token.putAll(fields);
        JsonNode created =
                call("POST", "/api/v2/api_tokens", Map.of("api_token", token)).path("api_token");
        return new IssuedDeskToken(
                created.path("id").asLong(),
                SecretLedger.issued(created.path("token").asString()));
    }

    /** A full-access token for the admin, expiring in 30 days. */
    public IssuedDeskToken createToken() {
        return createToken(Map.of("expires_in_days", 30));
    }

    public void setTokenActive(long id, boolean active) {
        call("PUT", "/api/v2/api_tokens/" + id, Map.of("api_token", Map.of("active", active)));
    }

    public void deleteToken(long id) {
        call("DELETE", "/api/v2/api_tokens/" + id, null);
    }

    /** Rotates; the old value keeps working for {@code graceSeconds}. Returns the new value. */
    public IssuedDeskToken rotateToken(long id, long graceSeconds) {
        JsonNode rotated = call(
                        "POST", "/api/v2/api_tokens/" + id + "/rotate", Map.of("grace_period_seconds", graceSeconds))
                .path("api_token");
        return new IssuedDeskToken(
                rotated.path("id").asLong(),
                SecretLedger.issued(rotated.path("token").asString()));
    }

    /** A user with a role (end-user, agent, admin); returns its id. */
    public long createUser(String name, String email, String role) {
        return call("POST", "/api/v2/users", Map.of("user", Map.of("name", name, "email", email, "role", role)))
                .path("user")
                .path("id")
                .asLong();
    }

    public void updateUser(long id, Map<String, Object> fields) {
        call("PUT", "/api/v2/users/" + id, Map.of("user", fields));
    }

    /** Admin Center → Plan and API limits: plan (team, growth, ...), and the sandbox clock. */
    public void plan(String plan, boolean sandbox) {
        call("PUT", "/api/v2/account/plan", Map.of("plan", Map.of("name", plan, "sandbox", sandbox)));
    }

    /**
     * Admin Center → OAuth clients → Add: a client redirecting to {@code redirectUri}; a confidential
     * client's secret (shown once) is registered with the leak scan.
     *
     * @param kind confidential or public
     */
    public IssuedOAuthClient createOAuthClient(String identifier, String kind, String redirectUri) {
        JsonNode client = call(
                        "POST",
                        "/api/v2/oauth/clients",
                        Map.of(
                                "client",
                                Map.of(
                                        "name",
                                        "Deskbridge sync " + identifier,
                                        "identifier",
                                        identifier,
                                        "kind",
                                        kind,
                                        "redirect_uri",
                                        List.of(redirectUri))))
                .path("client");
        String secret = client.path("secret").isString() ? client.path("secret").asString() : null;
        return new IssuedOAuthClient(
                client.path("id").asLong(), identifier, secret == null ? null : SecretLedger.issued(secret));
    }

    /**
     * The signed-in admin opens desk's consent page at {@code consentUrl} (it must answer 200) and
     * presses Allow ({@code approve}) or Deny, with the page's own form; returns where desk sends the
     * browser (the client's redirect URL with {@code code} or {@code error}, and {@code state}).
     */
    public URI consent(String consentUrl, boolean approve) {
        URI page = URI.create(consentUrl);
        String pathAndQuery = page.getRawPath() + "?" + page.getRawQuery();
        HttpResponse<String> shown = raw("GET", pathAndQuery, null, null);
        if (shown.statusCode() != 200) {
            SecretLedger.errorBody(shown.body());
            throw new IllegalStateException("desk's consent page answered " + shown.statusCode() + ": " + shown.body());
        }
        String form = page.getRawQuery() + "&decision=" + (approve ? "approve" : "deny");
        HttpResponse<String> decided = raw("POST", "/oauth/authorizations", form, "application/x-www-form-urlencoded");
        if (decided.statusCode() != 303) {
            SecretLedger.errorBody(decided.body());
            throw new IllegalStateException(
                    "desk's consent form answered " + decided.statusCode() + ": " + decided.body());
        }
        return URI.create(decided.headers().firstValue("Location").orElseThrow());
    }

    /** Any call on desk's API as the admin; fails unless 2xx. Returns the parsed body (empty for 204). */
    public JsonNode call(String method, String path, Object body) {
        HttpResponse<String> response = raw(
                method,
                path,
                body == null ? null : JSON.writeValueAsString(body),
                body == null ? null : "application/json");
        if (response.statusCode() / 100 != 2) {
            SecretLedger.errorBody(response.body());
            throw new IllegalStateException(
                    method + " " + path + " on desk answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> raw(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An OAuth client desk registered; {@code secret} is null for a public client. */
    public record IssuedOAuthClient(long id, String identifier, String secret) {
        @Override
        public String toString() {
            return "IssuedOAuthClient[id=" + id + ", identifier=" + identifier + ", secret=(secret)]";
        }
    }

    /** A token desk issued: its id and its value (shown once). */
    public record IssuedDeskToken(long id, String value) {
        @Override
        public String toString() {
            return "IssuedDeskToken[id=" + id + ", value=(secret)]";
        }
    }
}
