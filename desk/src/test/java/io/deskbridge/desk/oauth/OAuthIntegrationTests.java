package io.deskbridge.desk.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.support.SecretScanner;
import io.deskbridge.desk.support.SecretScanner.Found;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.Ticket;
import tools.jackson.databind.JsonNode;

/**
 * desk as an OAuth server over real HTTP: clients, the consent page with a real session and CSRF,
 * the token endpoint's three grants, refresh rotation and reuse detection, expiry, scopes, the token
 * API, and an unmodified Zendesk client using an access token.
 */
class OAuthIntegrationTests extends DeskIntegrationTest {

    static final String REDIRECT = "https://app.example.test/callback";
    static final String INVALID_TOKEN_BODY =
            "{\"error\":\"invalid_token\",\"error_description\":\"The access token provided is expired, revoked, "
                    + "malformed or invalid for other reasons.\"}";

    @Autowired
    private OAuthTokens oauthTokens;

    private String ownerAuth;
    private String agentEmail;
    private String agentPassword;
    private UserAccount agent;
    private long seedTicketId;

    @BeforeAll
    void seed() {
        setAccess(true, false);
        api = DeskClient.stateless(baseUrl());
        ownerAuth = ownerAuth();
        agentPassword = SecretLedger.issued("Pw-" + UUID.randomUUID());
        agentEmail = "oauth-agent-" + UUID.randomUUID() + "@deskbridge.test";
        agent = users.create("OAuth Agent", agentEmail, Role.AGENT, agentPassword);
        Response ticket = api.send(
                "POST",
                "/api/v2/tickets",
                ownerAuth,
                DeskClient.json(Map.of(
                        "ticket",
                        Map.of("subject", "OAuth seed", "comment", Map.of("body", "seeded for OAuth tests")))));
        assertThat(ticket.status()).isEqualTo(201);
        seedTicketId = ticket.json().path("ticket").path("id").asLong();
    }

    record Client(long id, String identifier, String secret) {}

    record Pkce(String verifier, String challenge) {
        static Pkce fresh() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            return new Pkce(verifier, OAuthTokens.s256(verifier));
        }
    }

    Client createClient(String kind, List<String> redirects) {
        String identifier = "app-" + UUID.randomUUID();
        Response created = api.send(
                "POST",
                "/api/v2/oauth/clients",
                ownerAuth,
                DeskClient.json(Map.of(
                        "client",
                        Map.of(
                                "name",
                                "Test app",
                                "identifier",
                                identifier,
                                "kind",
                                kind,
                                "redirect_uri",
                                redirects))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode c = created.json().path("client");
        String secret = c.has("secret") ? SecretLedger.issued(c.path("secret").asString()) : null;
        return new Client(c.path("id").asLong(), identifier, secret);
    }

    Client confidential() {
        return createClient("confidential", List.of(REDIRECT));
    }

    DeskClient signedIn() {
        DeskClient browser = DeskClient.withCookies(baseUrl());
        assertThat(browser.signIn(agentEmail, agentPassword).status()).isEqualTo(302);
        return browser;
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String authorizePath(Client client, String scope, String state, Pkce pkce) {
        return "/oauth/authorizations/new?response_type=code&client_id=" + q(client.identifier()) + "&redirect_uri="
                + q(REDIRECT) + "&scope=" + q(scope) + "&state=" + q(state)
                + (pkce == null ? "" : "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256");
    }

    /** Opens the consent page, presses the button; returns the redirect's query parameters. */
    Map<String, String> decide(
            DeskClient browser, Client client, String scope, String state, Pkce pkce, String decision) {
        Response page = browser.get(authorizePath(client, scope, state, pkce), null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("response_type", "code");
        form.put("client_id", client.identifier());
        form.put("redirect_uri", REDIRECT);
        form.put("scope", scope);
        form.put("state", state);
        if (pkce != null) {
            form.put("code_challenge", pkce.challenge());
            form.put("code_challenge_method", "S256");
        }
        form.put("decision", decision);
        form.put("_csrf", DeskClient.csrfFrom(page.body()));
        Response answer = browser.form("/oauth/authorizations", form);
        assertThat(answer.status()).isEqualTo(303);
        String location = answer.header("Location");
        assertThat(location).startsWith(REDIRECT + "?");
        return query(location);
    }

    /**
     * A signed-in user's browser opens a third party's authorization URL as it is, and submits desk's
     * consent form with the page's own hidden fields and Allow; returns the redirect's parameters.
     */
    Map<String, String> approveInBrowser(String authorizationUrl) {
        DeskClient browser = signedIn();
        URI uri = URI.create(authorizationUrl);
        Response page = browser.get(uri.getRawPath() + "?" + uri.getRawQuery(), null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        java.util.regex.Matcher hidden = java.util.regex.Pattern.compile(
                        "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .matcher(page.body());
        while (hidden.find()) {
            form.put(hidden.group(1), unescapeHtml(hidden.group(2)));
        }
        assertThat(form).containsKeys("_csrf", "client_id", "redirect_uri", "scope", "state");
        form.put("decision", "approve");
        Response answer = browser.form("/oauth/authorizations", form);
        assertThat(answer.status()).as(answer.body()).isEqualTo(303);
        assertThat(answer.header("Location")).startsWith(REDIRECT + "?");
        return query(answer.header("Location"));
    }

    static String unescapeHtml(String value) {
        return value.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static void register(OAuth2AccessTokenResponse response) {
        SecretLedger.issued(response.getAccessToken().getTokenValue());
        if (response.getRefreshToken() != null) {
            SecretLedger.issued(response.getRefreshToken().getTokenValue());
        }
    }

    String code(Client client, String scope, Pkce pkce) {
        Map<String, String> back = decide(signedIn(), client, scope, "st-1", pkce, "approve");
        assertThat(back.get("state")).isEqualTo("st-1");
        return SecretLedger.issued(back.get("code"));
    }

    Response token(Map<String, Object> body) {
        Response response = api.send("POST", "/oauth/tokens", null, DeskClient.json(body));
        if (response.status() == 200) {
            register(response.json());
        }
        return response;
    }

    static void register(JsonNode tokenResponse) {
        SecretLedger.issued(tokenResponse.path("access_token").asString());
        if (tokenResponse.has("refresh_token")) {
            SecretLedger.issued(tokenResponse.path("refresh_token").asString());
        }
    }

    JsonNode exchange(Client client, String code, Pkce pkce) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("client_id", client.identifier());
        if (client.secret() != null) {
            body.put("client_secret", client.secret());
        }
        body.put("redirect_uri", REDIRECT);
        if (pkce != null) {
            body.put("code_verifier", pkce.verifier());
        }
        Response response = token(body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode clientCredentials(Client client, String scope) {
        Response response = token(Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                client.identifier(),
                "client_secret",
                client.secret(),
                "scope",
                scope));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    Response refresh(Client client, String refreshToken) {
        return token(Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                refreshToken,
                "client_id",
                client.identifier(),
                "client_secret",
                client.secret()));
    }

    static String bearer(JsonNode tokens) {
        return "Bearer " + tokens.path("access_token").asString();
    }

    static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static String error(String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return DeskClient.json(body);
    }

    @Nested
    class Clients {

        @Test
        void shouldShowAConfidentialClientsSecretOnlyWhenCreated() {
            Client client = confidential();
            assertThat(client.secret()).startsWith("dskc_").hasSize(43);
            Response shown = api.get("/api/v2/oauth/clients/" + client.id(), ownerAuth);
            assertThat(shown.status()).isEqualTo(200);
            JsonNode c = shown.json().path("client");
            assertThat(c.has("secret")).isFalse();
            assertThat(c.path("identifier").asString()).isEqualTo(client.identifier());
            assertThat(c.path("kind").asString()).isEqualTo("confidential");
            assertThat(c.path("redirect_uri").get(0).asString()).isEqualTo(REDIRECT);
            assertThat(c.path("user_id").asLong()).isEqualTo(owner().id());
            assertThat(c.path("global").asBoolean()).isFalse();
            assertThat(StreamSupport.stream(
                                    api.get("/api/v2/oauth/clients", ownerAuth)
                                            .json()
                                            .path("clients")
                                            .spliterator(),
                                    false)
                            .map(n -> n.path("identifier").asString()))
                    .contains(client.identifier());
            assertThat(auditEntries("oauth_client.created"))
                    .anyMatch(e -> String.valueOf(
                                    e.get("CHANGE_DESCRIPTION") != null
                                            ? e.get("CHANGE_DESCRIPTION")
                                            : e.get("change_description"))
                            .contains(client.identifier()));
        }

        @Test
        void shouldRefuseADuplicateIdentifierWith422() {
            Client client = confidential();
            Response again = api.send(
                    "POST",
                    "/api/v2/oauth/clients",
                    ownerAuth,
                    DeskClient.json(Map.of("client", Map.of("name", "Copy", "identifier", client.identifier()))));
            assertThat(again.status()).isEqualTo(422);
            assertThat(again.json()
                            .path("details")
                            .path("identifier")
                            .get(0)
                            .path("description")
                            .asString())
                    .isEqualTo("Identifier: " + client.identifier() + " is already used by another OAuth client");
            assertThat(again.json()
                            .path("details")
                            .path("identifier")
                            .get(0)
                            .path("error")
                            .asString())
                    .isEqualTo("DuplicateValue");
        }

        @Test
        void shouldRefuseAPlainHttpRedirectToAnotherHost() {
            Response refused = api.send(
                    "POST",
                    "/api/v2/oauth/clients",
                    ownerAuth,
                    DeskClient.json(Map.of(
                            "client",
                            Map.of(
                                    "name",
                                    "Insecure",
                                    "identifier",
                                    "insecure-" + UUID.randomUUID(),
                                    "redirect_uri",
                                    List.of("http://app.example.test/cb")))));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json()
                            .path("details")
                            .path("redirect_uri")
                            .get(0)
                            .path("description")
                            .asString())
                    .isEqualTo("Redirect URL: \"http://app.example.test/cb\" uses http; only https is allowed, "
                            + "or http on localhost/127.0.0.1");
        }

        @Test
        void shouldStopTheOldSecretWhenANewOneIsGenerated() {
            Client client = confidential();
            Response generated =
                    api.send("PUT", "/api/v2/oauth/clients/" + client.id() + "/generate_secret", ownerAuth, null);
            assertThat(generated.status()).isEqualTo(200);
            String newSecret = SecretLedger.issued(
                    generated.json().path("client").path("secret").asString());
            Response old = token(Map.of(
                    "grant_type",
                    "client_credentials",
                    "client_id",
                    client.identifier(),
                    "client_secret",
                    client.secret(),
                    "scope",
                    "read"));
            assertThat(old.status()).isEqualTo(401);
            assertThat(old.body()).isEqualTo(error("invalid_client", "client_secret is not this client's secret"));
            clientCredentials(new Client(client.id(), client.identifier(), newSecret), "read");
        }

        @Test
        void shouldRefuseAgentsWithZendesksForbiddenBody() {
            String agentToken = DeskClient.tokenAuth(
                    agentEmail,
                    issueToken(
                            agent,
                            io.deskbridge.desk.apitoken.TokenScope.FULL,
                            io.deskbridge.desk.apitoken.AuthenticatesAs.OWNER_ONLY));
            Response refused = api.get("/api/v2/oauth/clients", agentToken);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("error").path("title").asString()).isEqualTo("Forbidden");
        }

        @Test
        void shouldStopEveryTokenOfADeletedClient() {
            Client client = confidential();
            JsonNode tokens = clientCredentials(client, "read");
            assertThat(api.get("/api/v2/tickets", bearer(tokens)).status()).isEqualTo(200);
            assertThat(api.send("DELETE", "/api/v2/oauth/clients/" + client.id(), ownerAuth, null)
                            .status())
                    .isEqualTo(204);
            Response after = api.get("/api/v2/tickets", bearer(tokens));
            assertThat(after.status()).isEqualTo(401);
            assertThat(after.body()).isEqualTo(INVALID_TOKEN_BODY);
        }
    }

    @Nested
    class AuthorizationCode {

        @Test
        void shouldSendAnUnsignedUserToSignInAndBackToTheConsentPage() {
            Client client = confidential();
            DeskClient browser = DeskClient.withCookies(baseUrl());
            String path = authorizePath(client, "read", "s", null);
            Response first = browser.get(path, null);
            assertThat(first.status()).isEqualTo(302);
            assertThat(first.header("Location")).endsWith("/login");
            Response signIn = browser.signIn(agentEmail, agentPassword);
            assertThat(signIn.header("Location")).contains("/oauth/authorizations/new?response_type=code");
            Response consent = browser.get(
                    URI.create(signIn.header("Location")).getRawPath() + "?"
                            + URI.create(signIn.header("Location")).getRawQuery(),
                    null);
            assertThat(consent.status()).isEqualTo(200);
            assertThat(consent.body()).contains("Test app wants to access your Deskbridge account");
            assertThat(consent.header("Content-Security-Policy"))
                    .contains("form-action 'self' https://app.example.test");
        }

        @Test
        void shouldIssueTokensForACodeWithPkceThatActAsTheApprovingUser() {
            Client client = createClient("public", List.of(REDIRECT));
            Pkce pkce = Pkce.fresh();
            JsonNode tokens = exchange(client, code(client, "read write", pkce), pkce);
            assertThat(tokens.path("token_type").asString()).isEqualTo("bearer");
            assertThat(tokens.path("scope").asString()).isEqualTo("read write");
            assertThat(tokens.path("expires_in").asLong()).isEqualTo(1800);
            assertThat(tokens.path("refresh_token_expires_in").asLong()).isEqualTo(2_592_000);
            assertThat(tokens.path("access_token").asString()).startsWith("dsko_");
            assertThat(tokens.path("refresh_token").asString()).startsWith("dskr_");
            Response me = api.get("/api/v2/users/me", bearer(tokens));
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().path("user").path("id").asLong()).isEqualTo(agent.id());
            assertThat(auditEntries("oauth_authorization.granted")).isNotEmpty();
        }

        @Test
        void shouldAcceptAFormBodyWithBasicClientAuthentication() {
            Client client = confidential();
            String code = code(client, "read", null);
            Response response = api.send(
                    "POST",
                    "/oauth/tokens",
                    DeskClient.basic(client.identifier() + ":" + client.secret()),
                    DeskClient.json(
                            Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT)));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            register(response.json());
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            Response form = DeskClient.stateless(baseUrl())
                    .form(
                            "/oauth/tokens",
                            Map.of(
                                    "grant_type", "client_credentials",
                                    "client_id", client.identifier(),
                                    "client_secret", client.secret(),
                                    "scope", "tickets:read",
                                    "expires_in", "600"));
            assertThat(form.status()).as(form.body()).isEqualTo(200);
            register(form.json());
            assertThat(form.json().path("expires_in").asLong()).isEqualTo(600);
            assertThat(form.json().has("refresh_token")).isFalse();
        }

        @Test
        void shouldSendAccessDeniedBackWhenTheUserDenies() {
            Client client = confidential();
            Map<String, String> back = decide(signedIn(), client, "read", "xyz", null, "deny");
            assertThat(back).containsEntry("error", "access_denied").containsEntry("state", "xyz");
            assertThat(back).doesNotContainKey("code");
        }

        @Test
        void shouldNeverRedirectToAnUnregisteredRedirectUri() {
            Client client = confidential();
            Response page = signedIn()
                    .get(
                            "/oauth/authorizations/new?response_type=code&scope=read&client_id="
                                    + q(client.identifier()) + "&redirect_uri=" + q("https://evil.example.test/cb"),
                            null);
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.header("Location")).isNull();
            assertThat(page.body())
                    .contains("The redirect_uri is not one of the redirect URLs registered for this client");
        }

        @Test
        void shouldRequirePkceFromPublicClients() {
            Client client = createClient("public", List.of(REDIRECT));
            Response answer = signedIn().get(authorizePath(client, "read", "s1", null), null);
            assertThat(answer.status()).isEqualTo(303);
            assertThat(query(answer.header("Location")))
                    .containsEntry("error", "invalid_request")
                    .containsEntry(
                            "error_description",
                            "code_challenge is required: public clients must use PKCE with code_challenge_method=S256")
                    .containsEntry("state", "s1");
        }

        @Test
        void shouldRefuseTheApprovalWithoutTheCsrfToken() {
            Client client = confidential();
            DeskClient browser = signedIn();
            assertThat(browser.get(authorizePath(client, "read", "s", null), null)
                            .status())
                    .isEqualTo(200);
            Response forged = browser.form(
                    "/oauth/authorizations",
                    Map.of(
                            "response_type", "code",
                            "client_id", client.identifier(),
                            "redirect_uri", REDIRECT,
                            "scope", "read",
                            "decision", "approve"));
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.header("Location")).isNull();
        }

        @Test
        void shouldRefuseAWrongCodeVerifier() {
            Client client = createClient("public", List.of(REDIRECT));
            Pkce pkce = Pkce.fresh();
            String code = code(client, "read", pkce);
            Response refused = token(Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    code,
                    "client_id",
                    client.identifier(),
                    "redirect_uri",
                    REDIRECT,
                    "code_verifier",
                    Pkce.fresh().verifier()));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body())
                    .isEqualTo(error(
                            "invalid_grant", "code_verifier does not match the code_challenge of the authorization"));
        }

        @Test
        void shouldRevokeTheTokensOfACodePresentedTwice() {
            Client client = confidential();
            String code = code(client, "read", null);
            JsonNode tokens = exchange(client, code, null);
            Response again = token(Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    code,
                    "client_id",
                    client.identifier(),
                    "client_secret",
                    client.secret(),
                    "redirect_uri",
                    REDIRECT));
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.body())
                    .isEqualTo(error(
                            "invalid_grant",
                            "The authorization code was already used; the tokens issued for it are revoked"));
            assertThat(api.get("/api/v2/tickets", bearer(tokens)).status()).isEqualTo(401);
        }

        @Test
        void shouldRefuseACodeAfterItsTwoMinutes() {
            Client client = confidential();
            String code = code(client, "read", null);
            clock.advance(Duration.ofSeconds(121));
            Response late = token(Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    code,
                    "client_id",
                    client.identifier(),
                    "client_secret",
                    client.secret(),
                    "redirect_uri",
                    REDIRECT));
            assertThat(late.status()).isEqualTo(400);
            assertThat(late.body())
                    .isEqualTo(error("invalid_grant", "The authorization code expired; codes work for 120 seconds"));
        }
    }

    @Nested
    class Refresh {

        @Test
        void shouldReturnANewPairAndRevokeTheOldOne() {
            Client client = confidential();
            JsonNode first = exchange(client, code(client, "read", null), null);
            Response refreshed = refresh(client, first.path("refresh_token").asString());
            assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
            JsonNode second = refreshed.json();
            assertThat(second.path("refresh_token").asString())
                    .isNotEqualTo(first.path("refresh_token").asString());
            assertThat(second.path("scope").asString()).isEqualTo("read");
            Response old = api.get("/api/v2/tickets", bearer(first));
            assertThat(old.status()).isEqualTo(401);
            assertThat(old.body()).isEqualTo(INVALID_TOKEN_BODY);
            assertThat(api.get("/api/v2/tickets", bearer(second)).status()).isEqualTo(200);
        }

        @Test
        void shouldRevokeTheWholeFamilyWhenAUsedRefreshTokenComesBack() {
            Client client = confidential();
            JsonNode first = exchange(client, code(client, "read", null), null);
            JsonNode second =
                    refresh(client, first.path("refresh_token").asString()).json();
            int auditedBefore = auditEntries("oauth_token.refresh_reused").size();

            Response reused = refresh(client, first.path("refresh_token").asString());

            assertThat(reused.status()).isEqualTo(400);
            assertThat(reused.body())
                    .isEqualTo(error(
                            "invalid_grant",
                            "The refresh token was already used; every token of this grant is now revoked. Ask the "
                                    + "user to authorize again"));
            assertThat(api.get("/api/v2/tickets", bearer(second)).status()).isEqualTo(401);
            assertThat(refresh(client, second.path("refresh_token").asString()).status())
                    .isEqualTo(400);
            assertThat(auditEntries("oauth_token.refresh_reused")).hasSize(auditedBefore + 1);
        }

        @Test
        void shouldRefuseMoreScopesThanGranted() {
            Client client = confidential();
            JsonNode first = exchange(client, code(client, "tickets:read", null), null);
            Response wider = token(Map.of(
                    "grant_type", "refresh_token",
                    "refresh_token", first.path("refresh_token").asString(),
                    "client_id", client.identifier(),
                    "client_secret", client.secret(),
                    "scope", "read write"));
            assertThat(wider.status()).isEqualTo(400);
            assertThat(wider.body())
                    .isEqualTo(error(
                            "invalid_scope", "scope \"read write\" asks for more than was granted (\"tickets:read\")"));
        }
    }

    @Nested
    class Expiry {

        @Test
        void shouldRefuseAnAccessTokenOnceItExpired() {
            Client client = confidential();
            JsonNode tokens = clientCredentials(client, "read");
            assertThat(api.get("/api/v2/tickets", bearer(tokens)).status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(30).plusSeconds(1));
            Response expired = api.get("/api/v2/tickets", bearer(tokens));
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.body()).isEqualTo(INVALID_TOKEN_BODY);
        }

        @Test
        void shouldRefuseLifetimesOutsideThePolicy() {
            Client client = confidential();
            Response tooShort = token(Map.of(
                    "grant_type",
                    "client_credentials",
                    "client_id",
                    client.identifier(),
                    "client_secret",
                    client.secret(),
                    "scope",
                    "read",
                    "expires_in",
                    60));
            assertThat(tooShort.status()).isEqualTo(400);
            assertThat(tooShort.body())
                    .isEqualTo(error("invalid_request", "expires_in 60 is outside the allowed 300 to 172800 seconds"));
        }

        @Test
        void shouldRefuseAnExpiredRefreshToken() {
            Client client = confidential();
            Response issued = withAWeeksRefreshToken(client);
            assertThat(issued.json().path("refresh_token_expires_in").asLong()).isEqualTo(604_800);
            clock.advance(Duration.ofDays(7).plusSeconds(1));
            Response late = refresh(client, issued.json().path("refresh_token").asString());
            assertThat(late.status()).isEqualTo(400);
            assertThat(late.json().path("error").asString()).isEqualTo("invalid_grant");
            assertThat(late.json().path("error_description").asString()).startsWith("The refresh token expired at ");
        }

        @Test
        void shouldSweepATokenRowAWeekAfterItsRefreshTokenExpiredAndKeepLiveOnes() {
            Client client = confidential();
            assertThat(withAWeeksRefreshToken(client).status()).isEqualTo(200);

            clock.advance(Duration.ofDays(14).minusMinutes(1));
            JsonNode live = clientCredentials(client, "read");
            oauthTokens.sweep();
            long beforeTheWeek = rowsOf(client);
            clock.advance(Duration.ofMinutes(2));
            oauthTokens.sweep();

            assertThat(beforeTheWeek)
                    .as("a week after the refresh token expired, less a minute")
                    .isEqualTo(2);
            assertThat(rowsOf(client)).isEqualTo(1);
            assertThat(api.get("/api/v2/tickets", bearer(live)).status()).isEqualTo(200);
        }

        /** Tokens for an approved code whose refresh token lasts a week (the policy allows less than 30 days). */
        private Response withAWeeksRefreshToken(Client client) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("grant_type", "authorization_code");
            body.put("code", code(client, "read", null));
            body.put("client_id", client.identifier());
            body.put("client_secret", client.secret());
            body.put("redirect_uri", REDIRECT);
            body.put("refresh_token_expires_in", 604_800);
            return token(body);
        }

        private long rowsOf(Client client) {
            return jdbc.sql("SELECT COUNT(*) FROM oauth_tokens WHERE client_id = :id")
                    .param("id", client.id())
                    .query(Long.class)
                    .single();
        }
    }

    @Nested
    class ClientCredentials {

        @Test
        void shouldActAsTheAdminWhoCreatedTheClientWithoutARefreshToken() {
            Client client = confidential();
            JsonNode tokens = clientCredentials(client, "read");
            assertThat(tokens.has("refresh_token")).isFalse();
            assertThat(tokens.has("refresh_token_expires_in")).isFalse();
            Response me = api.get("/api/v2/users/me", bearer(tokens));
            assertThat(me.json().path("user").path("id").asLong()).isEqualTo(owner().id());
        }

        @Test
        void shouldRefusePublicClients() {
            Client client = createClient("public", List.of(REDIRECT));
            Response refused = token(
                    Map.of("grant_type", "client_credentials", "client_id", client.identifier(), "scope", "read"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body())
                    .isEqualTo(error(
                            "unauthorized_client",
                            "client_credentials needs a confidential client; this client is public"));
        }

        @Test
        void shouldRefuseImpersonate() {
            Client client = confidential();
            Response refused = token(Map.of(
                    "grant_type",
                    "client_credentials",
                    "client_id",
                    client.identifier(),
                    "client_secret",
                    client.secret(),
                    "scope",
                    "read impersonate"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("error").asString()).isEqualTo("invalid_scope");
        }

        @Test
        void shouldRefuseAnUnknownGrantType() {
            Response refused = token(Map.of("grant_type", "password", "client_id", "x"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body())
                    .isEqualTo(error(
                            "unsupported_grant_type",
                            "grant_type \"password\" is not supported; use authorization_code, refresh_token or "
                                    + "client_credentials"));
        }
    }

    @Nested
    class Scopes {

        @Test
        void shouldLetATicketsReadTokenReadTicketsOnly() {
            Client client = confidential();
            String auth = bearer(clientCredentials(client, "tickets:read"));
            assertThat(api.get("/api/v2/tickets.json", auth).status()).isEqualTo(200);
            assertThat(api.get("/api/v2/incremental/tickets/cursor.json?start_time=0", auth)
                            .status())
                    .isEqualTo(200);
            Response users = api.get("/api/v2/users", auth);
            assertThat(users.status()).isEqualTo(403);
            assertThat(users.body())
                    .isEqualTo("{\"error\":\"Forbidden\",\"description\":\"You are missing the following required "
                            + "scopes: users:read\"}");
            Response write = api.send(
                    "POST",
                    "/api/v2/tickets",
                    auth,
                    DeskClient.json(Map.of("ticket", Map.of("subject", "no", "comment", Map.of("body", "no")))));
            assertThat(write.status()).isEqualTo(403);
            assertThat(write.body())
                    .isEqualTo("{\"error\":\"Forbidden\",\"description\":\"You are missing the following required "
                            + "scopes: tickets:write\"}");
            Response search = api.get("/api/v2/search?query=type:ticket", auth);
            assertThat(search.status()).isEqualTo(403);
            assertThat(search.body())
                    .isEqualTo("{\"error\":\"Forbidden\",\"description\":\"You are missing the following required "
                            + "scopes: read\"}");
        }

        @Test
        void shouldRefuseEveryWriteAndEveryUsersRequestToATicketsReadToken() {
            Client client = confidential();
            String auth = bearer(clientCredentials(client, "tickets:read"));
            String ticket = "/api/v2/tickets/" + seedTicketId;
            record Call(String method, String path, String body, String scope) {}
            List<Call> refused = List.of(
                    new Call("GET", "/api/v2/users", null, "users:read"),
                    new Call("GET", "/api/v2/users/" + agent.id(), null, "users:read"),
                    new Call("GET", "/api/v2/users/" + agent.id() + "/tickets/requested", null, "users:read"),
                    new Call("GET", "/api/v2/incremental/users/cursor?start_time=0", null, "users:read"),
                    new Call(
                            "PUT",
                            ticket,
                            DeskClient.json(Map.of("ticket", Map.of("subject", "changed"))),
                            "tickets:write"),
                    new Call("DELETE", ticket, null, "tickets:write"),
                    new Call(
                            "POST",
                            "/api/v2/users",
                            DeskClient.json(Map.of("user", Map.of("name", "No", "email", "no@deskbridge.test"))),
                            "users:write"),
                    new Call(
                            "PUT",
                            "/api/v2/users/" + agent.id(),
                            DeskClient.json(Map.of("user", Map.of("name", "Renamed"))),
                            "users:write"),
                    new Call(
                            "POST",
                            "/api/v2/organizations",
                            DeskClient.json(Map.of("organization", Map.of("name", "No " + UUID.randomUUID()))),
                            "organizations:write"),
                    new Call(
                            "POST", "/api/v2/groups", DeskClient.json(Map.of("group", Map.of("name", "No"))), "write"));
            for (Call call : refused) {
                Response answer = api.send(call.method(), call.path(), auth, call.body());
                assertThat(answer.status())
                        .as(call.method() + " " + call.path())
                        .isEqualTo(403);
                assertThat(answer.body())
                        .as(call.method() + " " + call.path())
                        .isEqualTo("{\"error\":\"Forbidden\",\"description\":\"You are missing the following "
                                + "required scopes: " + call.scope() + "\"}");
            }
            JsonNode unchanged = api.get(ticket, ownerAuth).json().path("ticket");
            assertThat(unchanged.path("subject").asString()).isEqualTo("OAuth seed");
            assertThat(api.get("/api/v2/users/" + agent.id(), ownerAuth)
                            .json()
                            .path("user")
                            .path("name")
                            .asString())
                    .isEqualTo("OAuth Agent");
        }

        /**
         * Every scopable endpoint group of ScopeRules: its own {@code resource:read} scope reads it, a
         * token scoped to another resource gets Zendesk's 403 naming the group's scope, and a write with
         * only the read scope names {@code resource:write}.
         */
        @Test
        void shouldEnforceEachEndpointGroupsOwnScope() {
            Map<String, String> listByScope = new LinkedHashMap<>();
            listByScope.put("tickets", "/api/v2/tickets");
            listByScope.put("users", "/api/v2/users");
            listByScope.put("organizations", "/api/v2/organizations");
            listByScope.put("auditlogs", "/api/v2/audit_logs");
            listByScope.put("webhooks", "/api/v2/webhooks");
            listByScope.put("triggers", "/api/v2/triggers");
            listByScope.put("automations", "/api/v2/automations");
            listByScope.put("macros", "/api/v2/macros");
            listByScope.put("targets", "/api/v2/targets");
            listByScope.put("requests", "/api/v2/requests");
            listByScope.put("satisfaction_ratings", "/api/v2/satisfaction_ratings");
            listByScope.put("dynamic_content", "/api/v2/dynamic_content/items");
            Client client = confidential();
            String other = bearer(clientCredentials(client, "security:read"));
            listByScope.forEach((resource, path) -> {
                String own = bearer(clientCredentials(client, resource + ":read"));
                Response allowed = api.get(path, own);
                assertThat(allowed.status())
                        .as(path + " with " + resource + ":read")
                        .isEqualTo(200);
                Response refused = api.get(path, other);
                assertThat(refused.status()).as(path + " with security:read").isEqualTo(403);
                assertThat(refused.body())
                        .as(path)
                        .isEqualTo("{\"error\":\"Forbidden\",\"description\":\"You are missing the following "
                                + "required scopes: " + resource + ":read\"}");
                if (!resource.equals("auditlogs")) {
                    Response write = api.send("POST", path, own, "{}");
                    assertThat(write.status())
                            .as("POST " + path + " with " + resource + ":read")
                            .isEqualTo(403);
                    assertThat(write.body())
                            .as("POST " + path)
                            .isEqualTo("{\"error\":\"Forbidden\",\"description\":\"You are missing the "
                                    + "following required scopes: " + resource + ":write\"}");
                }
            });
        }

        @Test
        void shouldLetAReadTokenReadEverythingButWriteNothing() {
            Client client = confidential();
            String auth = bearer(clientCredentials(client, "read"));
            assertThat(api.get("/api/v2/users", auth).status()).isEqualTo(200);
            assertThat(api.get("/api/v2/organizations", auth).status()).isEqualTo(200);
            Response write = api.send(
                    "POST",
                    "/api/v2/organizations",
                    auth,
                    DeskClient.json(Map.of("organization", Map.of("name", "Nope " + UUID.randomUUID()))));
            assertThat(write.status()).isEqualTo(403);
            assertThat(write.json().path("description").asString())
                    .isEqualTo("You are missing the following required scopes: organizations:write");
        }

        @Test
        void shouldLetAResourceWriteScopeWriteThatResource() {
            Client client = confidential();
            String auth = bearer(clientCredentials(client, "tickets:write tickets:read"));
            Response created = api.send(
                    "POST",
                    "/api/v2/tickets",
                    auth,
                    DeskClient.json(Map.of("ticket", Map.of("subject", "via OAuth", "comment", Map.of("body", "ok")))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    @Nested
    class TokenApi {

        @Test
        void shouldShowAndRevokeTheCurrentToken() {
            Client client = confidential();
            JsonNode tokens = exchange(client, code(client, "tickets:read", null), null);
            Response current = api.get("/api/v2/oauth/tokens/current", bearer(tokens));
            assertThat(current.status()).as(current.body()).isEqualTo(200);
            JsonNode t = current.json().path("token");
            assertThat(t.path("token").asString())
                    .isEqualTo(tokens.path("access_token").asString().substring(0, 10));
            assertThat(t.path("user_id").asLong()).isEqualTo(agent.id());
            assertThat(t.path("client_id").asLong()).isEqualTo(client.id());
            assertThat(t.path("scopes").get(0).asString()).isEqualTo("tickets:read");

            assertThat(api.send("DELETE", "/api/v2/oauth/tokens/current", bearer(tokens), null)
                            .status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v2/tickets", bearer(tokens)).status()).isEqualTo(401);
            assertThat(auditEntries("oauth_token.revoked")).isNotEmpty();
        }

        @Test
        void shouldListTheUsersTokensAndLetAnAdminRevokeOne() {
            Client client = confidential();
            JsonNode tokens = exchange(client, code(client, "read", null), null);
            long id = api.get("/api/v2/oauth/tokens/current", bearer(tokens))
                    .json()
                    .path("token")
                    .path("id")
                    .asLong();
            Response all = api.get("/api/v2/oauth/tokens?all=true&client_id=" + client.id(), ownerAuth);
            assertThat(all.status()).isEqualTo(200);
            assertThat(all.json().path("tokens").get(0).path("id").asLong()).isEqualTo(id);
            assertThat(api.get("/api/v2/oauth/tokens", ownerAuth)
                            .json()
                            .path("tokens")
                            .toString())
                    .doesNotContain("\"id\":" + id + ",");
            assertThat(api.send("DELETE", "/api/v2/oauth/tokens/" + id, ownerAuth, null)
                            .status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v2/tickets", bearer(tokens)).status()).isEqualTo(401);
        }
    }

    @Nested
    class LeakReports {

        @Test
        void shouldRevokeTheWholeFamilyWhenAnOldRefreshTokenIsReported() {
            Client client = confidential();
            JsonNode first = exchange(client, code(client, "read", null), null);
            JsonNode second =
                    refresh(client, first.path("refresh_token").asString()).json();
            assertThat(api.get("/api/v2/tickets", bearer(second)).status()).isEqualTo(200);
            String leaked = first.path("refresh_token").asString();

            Response answer = SecretScanner.report(api, List.of(Found.inCommit(leaked, "deskbridge_oauth_token")));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get(0).path("label").asString()).isEqualTo("true_positive");
            Response refused = api.get("/api/v2/tickets", bearer(second));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo(INVALID_TOKEN_BODY);
            assertThat(refresh(client, second.path("refresh_token").asString()).status())
                    .isEqualTo(400);
            // The reported token was already rotated away: the one live token of the family is revoked.
            assertThat(auditEntries("oauth_token.leaked"))
                    .anyMatch(e -> String.valueOf(e.getOrDefault("CHANGE_DESCRIPTION", e.get("change_description")))
                            .matches("OAuth token \\d+ of user " + agent.id() + " \\(client " + client.id()
                                    + "\\) was reported leaked \\(found at https://github.com/octocat/leaky/blob/"
                                    + "0123456789abcdef/config.yml\\); revoked 1 token\\(s\\) of its family \\d+"));
        }

        @Test
        void shouldRevokeAReportedAccessToken() {
            Client client = confidential();
            JsonNode tokens = clientCredentials(client, "read");
            String access = tokens.path("access_token").asString();
            assertThat(api.get("/api/v2/tickets", bearer(tokens)).status()).isEqualTo(200);

            Response answer = SecretScanner.report(api, List.of(Found.inCommit(access, "deskbridge_oauth_token")));

            assertThat(answer.json().get(0).path("label").asString()).isEqualTo("true_positive");
            assertThat(api.get("/api/v2/tickets", bearer(tokens)).status()).isEqualTo(401);
        }
    }

    /** The OAuth endpoints' success bodies against Zendesk's official OAS (the whole document). */
    @Nested
    class OpenApiConformance {

        private final OpenApiSchemas oas = OpenApiSchemas.full();

        private void assertValid(String schema, Response response) {
            assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                    .as(schema + ": " + response.body())
                    .isEmpty();
        }

        @Test
        void shouldAnswerTheClientEndpointsInZendesksSchemas() {
            String identifier = "oas-" + UUID.randomUUID();
            Response created = api.send(
                    "POST",
                    "/api/v2/oauth/clients",
                    ownerAuth,
                    DeskClient.json(Map.of(
                            "client",
                            Map.of(
                                    "name",
                                    "OAS app",
                                    "identifier",
                                    identifier,
                                    "kind",
                                    "confidential",
                                    "redirect_uri",
                                    List.of(REDIRECT)))));
            assertThat(created.status()).isEqualTo(201);
            SecretLedger.issued(created.json().path("client").path("secret").asString());
            assertValid("OauthClientResponse", created);
            long id = created.json().path("client").path("id").asLong();
            assertValid("OAuthClientsResponse", api.get("/api/v2/oauth/clients", ownerAuth));
            assertValid("OauthClientResponse", api.get("/api/v2/oauth/clients/" + id, ownerAuth));
            assertValid(
                    "OauthClientResponse",
                    api.send(
                            "PUT",
                            "/api/v2/oauth/clients/" + id,
                            ownerAuth,
                            DeskClient.json(Map.of("client", Map.of("name", "OAS app renamed")))));
            Response regenerated = api.send("PUT", "/api/v2/oauth/clients/" + id + "/generate_secret", ownerAuth, null);
            SecretLedger.issued(regenerated.json().path("client").path("secret").asString());
            assertValid("OauthClientResponse", regenerated);
        }

        @Test
        void shouldAnswerTheTokenEndpointAndTokenApiInZendesksSchemas() {
            Client client = confidential();
            JsonNode issued = exchange(client, code(client, "read", null), null);
            assertThat(oas.violations("OAuthTokenForGrantTypesObject", OpenApiSchemas.parse(issued.toString())))
                    .isEmpty();
            Response refreshed = refresh(client, issued.path("refresh_token").asString());
            assertValid("OAuthTokenForGrantTypesObject", refreshed);
            assertThat(oas.violations(
                            "OAuthTokenForGrantTypesObject",
                            OpenApiSchemas.parse(
                                    clientCredentials(client, "read").toString())))
                    .isEmpty();
            String auth = "Bearer " + refreshed.json().path("access_token").asString();
            Response current = api.get("/api/v2/oauth/tokens/current", auth);
            assertValid("OAuthTokenResponse", current);
            long id = current.json().path("token").path("id").asLong();
            assertValid("OAuthTokenResponse", api.get("/api/v2/oauth/tokens/" + id, ownerAuth));
            assertValid(
                    "OAuthTokensResponse",
                    api.get("/api/v2/oauth/tokens?all=true&client_id=" + client.id(), ownerAuth));
        }
    }

    @Nested
    class AdminCenterPage {

        @Test
        void shouldAddAClientAndShowItsSecretOnlyOnce() {
            DeskClient browser = DeskClient.withCookies(baseUrl());
            assertThat(browser.signIn(OWNER_EMAIL, OWNER_PASSWORD).status()).isEqualTo(302);
            Response form = browser.get("/admin/apps-integrations/apis/oauth-clients/new", null);
            assertThat(form.status()).isEqualTo(200);
            String identifier = "page-" + UUID.randomUUID();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("name", "From the page");
            fields.put("identifier", identifier);
            fields.put("company", "");
            fields.put("description", "");
            fields.put("kind", "confidential");
            fields.put("redirectUris", REDIRECT + "\n");
            fields.put("_csrf", DeskClient.csrfFrom(form.body()));
            Response created = browser.form("/admin/apps-integrations/apis/oauth-clients", fields);
            assertThat(created.status()).isEqualTo(302);
            String location = URI.create(created.header("Location")).getPath();
            Response shown = browser.get(location, null);
            java.util.regex.Matcher secret = java.util.regex.Pattern.compile("value=\"(dskc_[A-Za-z0-9]+)\"")
                    .matcher(shown.body());
            assertThat(secret.find()).as(shown.body()).isTrue();
            SecretLedger.issued(secret.group(1));
            assertThat(browser.get(location, null).body()).doesNotContain(secret.group(1));
            clientCredentials(new Client(0, identifier, secret.group(1)), "read");
            assertThat(browser.get("/admin/apps-integrations/apis/oauth-clients", null)
                            .body())
                    .contains(identifier);
        }
    }

    @Nested
    class ThirdPartyClients {

        /**
         * Spring Security's OAuth2 client, unchanged, against desk: it builds the authorization request
         * with PKCE (S256), a signed-in browser opens that URL and presses Allow on desk's consent page
         * (the form posted is the page's own hidden fields), and Spring's token clients exchange the code
         * (client_secret_basic + code_verifier), refresh, and run client credentials.
         */
        @Test
        void shouldLetSpringSecuritysOAuth2ClientRunAuthorizationCodeWithPkceRefreshAndClientCredentials() {
            Client client = confidential();
            ClientRegistration registration = ClientRegistration.withRegistrationId("desk")
                    .clientId(client.identifier())
                    .clientSecret(client.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(REDIRECT)
                    .scope("tickets:read", "users:read")
                    .authorizationUri(baseUrl() + "/oauth/authorizations/new")
                    .tokenUri(baseUrl() + "/oauth/tokens")
                    .build();
            OAuth2AuthorizationRequest.Builder builder = OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                    .clientId(registration.getClientId())
                    .redirectUri(REDIRECT)
                    .scopes(registration.getScopes())
                    .state("spring-" + UUID.randomUUID());
            OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
            OAuth2AuthorizationRequest authorization = builder.build();
            assertThat(authorization.getAuthorizationRequestUri()).contains("code_challenge_method=S256");

            Map<String, String> back = approveInBrowser(authorization.getAuthorizationRequestUri());
            assertThat(back.get("state")).isEqualTo(authorization.getState());
            String code = SecretLedger.issued(back.get("code"));
            OAuth2AccessTokenResponse tokens = new RestClientAuthorizationCodeTokenResponseClient()
                    .getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
                            registration,
                            new OAuth2AuthorizationExchange(
                                    authorization,
                                    OAuth2AuthorizationResponse.success(code)
                                            .redirectUri(REDIRECT)
                                            .state(back.get("state"))
                                            .build())));
            register(tokens);
            assertThat(tokens.getAccessToken().getScopes()).containsExactlyInAnyOrder("tickets:read", "users:read");
            assertThat(tokens.getAccessToken().getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
            Response me = api.get(
                    "/api/v2/users/me", "Bearer " + tokens.getAccessToken().getTokenValue());
            assertThat(me.json().path("user").path("id").asLong()).isEqualTo(agent.id());

            OAuth2AccessTokenResponse refreshed = new RestClientRefreshTokenTokenResponseClient()
                    .getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                            registration, tokens.getAccessToken(), tokens.getRefreshToken()));
            register(refreshed);
            assertThat(refreshed.getRefreshToken().getTokenValue())
                    .isNotEqualTo(tokens.getRefreshToken().getTokenValue());
            assertThat(api.get(
                                    "/api/v2/tickets",
                                    "Bearer " + refreshed.getAccessToken().getTokenValue())
                            .status())
                    .isEqualTo(200);
            assertThat(api.get(
                                    "/api/v2/tickets",
                                    "Bearer " + tokens.getAccessToken().getTokenValue())
                            .status())
                    .isEqualTo(401);

            ClientRegistration serverToServer = ClientRegistration.withClientRegistration(registration)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope("read")
                    .build();
            OAuth2AccessTokenResponse machine = new RestClientClientCredentialsTokenResponseClient()
                    .getTokenResponse(new OAuth2ClientCredentialsGrantRequest(serverToServer));
            register(machine);
            assertThat(machine.getRefreshToken()).isNull();
            assertThat(api.get(
                                    "/api/v2/users/me",
                                    "Bearer " + machine.getAccessToken().getTokenValue())
                            .json()
                            .path("user")
                            .path("id")
                            .asLong())
                    .isEqualTo(owner().id());
        }

        /** A public client (no secret, ClientAuthenticationMethod.NONE): PKCE is all that binds the code. */
        @Test
        void shouldLetSpringSecuritysOAuth2ClientRunAPublicClientWithPkce() {
            Client client = createClient("public", List.of(REDIRECT));
            ClientRegistration registration = ClientRegistration.withRegistrationId("desk-public")
                    .clientId(client.identifier())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(REDIRECT)
                    .scope("read")
                    .authorizationUri(baseUrl() + "/oauth/authorizations/new")
                    .tokenUri(baseUrl() + "/oauth/tokens")
                    .build();
            OAuth2AuthorizationRequest.Builder builder = OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                    .clientId(registration.getClientId())
                    .redirectUri(REDIRECT)
                    .scopes(registration.getScopes())
                    .state("public-" + UUID.randomUUID());
            OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
            OAuth2AuthorizationRequest authorization = builder.build();
            Map<String, String> back = approveInBrowser(authorization.getAuthorizationRequestUri());
            OAuth2AccessTokenResponse tokens = new RestClientAuthorizationCodeTokenResponseClient()
                    .getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
                            registration,
                            new OAuth2AuthorizationExchange(
                                    authorization,
                                    OAuth2AuthorizationResponse.success(SecretLedger.issued(back.get("code")))
                                            .redirectUri(REDIRECT)
                                            .state(back.get("state"))
                                            .build())));
            register(tokens);
            assertThat(api.get(
                                    "/api/v2/tickets",
                                    "Bearer " + tokens.getAccessToken().getTokenValue())
                            .status())
                    .isEqualTo(200);
            OAuth2AccessTokenResponse refreshed = new RestClientRefreshTokenTokenResponseClient()
                    .getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                            registration, tokens.getAccessToken(), tokens.getRefreshToken()));
            register(refreshed);
            assertThat(api.get(
                                    "/api/v2/tickets",
                                    "Bearer " + refreshed.getAccessToken().getTokenValue())
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void shouldLetTheUnmodifiedZendeskJavaClientReadTicketsWithAnAccessToken() throws Exception {
            Client client = confidential();
            String access = clientCredentials(client, "tickets:read")
                    .path("access_token")
                    .asString();
            try (Zendesk zendesk =
                    new Zendesk.Builder(baseUrl()).setOauthToken(access).build()) {
                List<Ticket> tickets = StreamSupport.stream(zendesk.getTickets().spliterator(), false)
                        .toList();
                assertThat(tickets).extracting(Ticket::getSubject).contains("OAuth seed");
            }
        }
    }
}
