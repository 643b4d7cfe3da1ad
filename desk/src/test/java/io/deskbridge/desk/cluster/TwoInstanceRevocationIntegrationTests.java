package io.deskbridge.desk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.apitoken.ApiTokens;
import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.IssuedToken;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecondDesk;
import io.deskbridge.desk.support.SecretScanner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Two desk instances on one PostgreSQL: a change made on instance A must stop the token on instance
 * B, which has it cached, within one second (the issue's requirement; the poll runs every 100 ms
 * here and 200 ms by default).
 */
@Tag("postgres-only")
class TwoInstanceRevocationIntegrationTests extends DeskIntegrationTest {

    private static final Duration PROPAGATION_LIMIT = Duration.ofSeconds(1);

    @Autowired
    Environment environment;

    @Autowired
    io.deskbridge.desk.oauth.OAuthTokens oauth;

    private SecondDesk instanceB;
    private DeskClient apiB;

    @BeforeAll
    void startSecondInstance() {
        instanceB = SecondDesk.start(environment, Map.of());
        apiB = instanceB.api();
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    private IssuedToken cachedOnBothInstances() {
        IssuedToken issued = issue(
                owner(),
                TokenScope.FULL,
                AuthenticatesAs.OWNER_ONLY,
                Instant.now(clock).plus(Duration.ofDays(30)));
        String auth = DeskClient.tokenAuth(OWNER_EMAIL, issued.value());
        await().atMost(PROPAGATION_LIMIT)
                .until(() -> apiB.get("/api/v2/users/me", auth).status() == 200);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v2/users/me", auth).status()).isEqualTo(200);
            assertThat(apiB.get("/api/v2/users/me", auth).status()).isEqualTo(200);
        }
        return issued;
    }

    private void assertRefusedOnBWithinLimit(IssuedToken issued) {
        String auth = DeskClient.tokenAuth(OWNER_EMAIL, issued.value());
        await().pollInterval(Duration.ofMillis(20))
                .atMost(PROPAGATION_LIMIT)
                .until(() -> apiB.get("/api/v2/users/me", auth).status() == 401);
        assertThat(api.get("/api/v2/users/me", auth).status()).isEqualTo(401);
    }

    @Test
    void shouldStopADeactivatedTokenOnTheOtherInstance() {
        IssuedToken issued = cachedOnBothInstances();
        tokens.deactivate(Actor.system(), issued.token().id());
        assertRefusedOnBWithinLimit(issued);
    }

    @Test
    void shouldStopADeletedTokenOnTheOtherInstance() {
        IssuedToken issued = cachedOnBothInstances();
        tokens.delete(Actor.system(), issued.token().id());
        assertRefusedOnBWithinLimit(issued);
    }

    @Test
    void shouldStopARotatedAwayValueOnTheOtherInstance() {
        IssuedToken issued = cachedOnBothInstances();
        IssuedToken rotated = tokens.rotate(Actor.system(), issued.token().id(), Duration.ZERO);
        io.deskbridge.desk.support.SecretLedger.issued(rotated.value());
        assertRefusedOnBWithinLimit(issued);
        assertThat(apiB.get("/api/v2/users/me", DeskClient.tokenAuth(OWNER_EMAIL, rotated.value()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void shouldApplyTheAccessSwitchOnTheOtherInstance() {
        IssuedToken issued = cachedOnBothInstances();
        setAccess(false, false);
        assertRefusedOnBWithinLimit(issued);
    }

    @Test
    void shouldAcceptATokenCreatedOnTheOtherInstance() {
        ApiTokens tokensOnB = instanceB.bean(ApiTokens.class);
        String value = io.deskbridge.desk.support.SecretLedger.issued(tokensOnB
                .create(
                        Actor.system(),
                        owner().id(),
                        new io.deskbridge.desk.apitoken.NewApiToken(
                                "made on B",
                                TokenScope.FULL,
                                AuthenticatesAs.OWNER_ONLY,
                                Instant.now().plus(Duration.ofDays(1)),
                                false))
                .value());
        String auth = DeskClient.tokenAuth(OWNER_EMAIL, value);
        await().atMost(PROPAGATION_LIMIT)
                .until(() -> api.get("/api/v2/users/me", auth).status() == 200);
    }

    /** An OAuth access token (client credentials, made through instance A's token endpoint) that B has cached. */
    private String oauthAccessCachedOnB() {
        io.deskbridge.desk.oauth.IssuedClient client = instanceB
                .bean(io.deskbridge.desk.oauth.OAuthClients.class)
                .create(
                        Actor.system(),
                        owner().id(),
                        new io.deskbridge.desk.oauth.OAuthClientRequest(
                                "Two instances",
                                "two-instances-" + java.util.UUID.randomUUID(),
                                null,
                                null,
                                io.deskbridge.desk.oauth.OAuthClientKind.CONFIDENTIAL,
                                java.util.List.of()));
        io.deskbridge.desk.support.SecretLedger.issued(client.secret());
        DeskClient.Response issued = api.send(
                "POST",
                "/oauth/tokens",
                null,
                DeskClient.json(java.util.Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        client.client().identifier(),
                        "client_secret",
                        client.secret(),
                        "scope",
                        "read")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String access = io.deskbridge.desk.support.SecretLedger.issued(
                issued.json().path("access_token").asString());
        String auth = "Bearer " + access;
        await().atMost(PROPAGATION_LIMIT)
                .until(() -> apiB.get("/api/v2/users/me", auth).status() == 200);
        for (int i = 0; i < 3; i++) {
            assertThat(apiB.get("/api/v2/users/me", auth).status()).isEqualTo(200);
        }
        return access;
    }

    @Test
    void shouldStopARevokedOAuthAccessTokenOnTheOtherInstance() {
        String access = oauthAccessCachedOnB();
        String auth = "Bearer " + access;
        long tokenId = oauth.current(access).orElseThrow().id();

        oauth.revoke(Actor.system(), tokenId);

        await().pollInterval(Duration.ofMillis(20))
                .atMost(PROPAGATION_LIMIT)
                .until(() -> apiB.get("/api/v2/users/me", auth).status() == 401);
        assertThat(api.get("/api/v2/users/me", auth).status()).isEqualTo(401);
    }

    @Test
    void shouldStopReportedLeakedTokensOnTheOtherInstanceAndAuditThem() {
        IssuedToken apiToken = cachedOnBothInstances();
        String access = oauthAccessCachedOnB();
        int apiAudited = auditEntries("api_token.leaked").size();
        int oauthAudited = auditEntries("oauth_token.leaked").size();

        DeskClient.Response answer = SecretScanner.report(
                api,
                java.util.List.of(
                        SecretScanner.Found.inCommit(apiToken.value(), "deskbridge_api_token"),
                        SecretScanner.Found.inCommit(access, "deskbridge_oauth_token")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().findValuesAsString("label")).containsExactly("true_positive", "true_positive");
        String apiAuth = DeskClient.tokenAuth(OWNER_EMAIL, apiToken.value());
        String bearer = "Bearer " + access;
        await().pollInterval(Duration.ofMillis(20))
                .atMost(PROPAGATION_LIMIT)
                .until(() -> apiB.get("/api/v2/users/me", apiAuth).status() == 401
                        && apiB.get("/api/v2/users/me", bearer).status() == 401);
        assertThat(api.get("/api/v2/users/me", apiAuth).status()).isEqualTo(401);
        assertThat(api.get("/api/v2/users/me", bearer).status()).isEqualTo(401);
        assertThat(auditEntries("api_token.leaked")).hasSize(apiAudited + 1);
        assertThat(auditEntries("oauth_token.leaked")).hasSize(oauthAudited + 1);
    }

    @Test
    void shouldEndAnAdminCenterSessionOnTheOtherInstanceWhenItsUserIsSuspended() {
        String password = io.deskbridge.desk.support.SecretLedger.issued("Pw-" + java.util.UUID.randomUUID());
        io.deskbridge.desk.user.UserAccount admin = users.create(
                "Admin on B",
                "admin-b-" + java.util.UUID.randomUUID() + "@deskbridge.test",
                io.deskbridge.desk.user.Role.ADMIN,
                password);
        DeskClient browserOnB = DeskClient.withCookies(instanceB.baseUrl());
        // Sign-in reads the user from the database, never from a cache: no propagation to wait for.
        assertThat(browserOnB.signIn(admin.email(), password).header("Location"))
                .endsWith("/admin");
        assertThat(browserOnB.get("/admin", null).status()).isEqualTo(200);

        users.update(
                admin.id(),
                new io.deskbridge.desk.user.UserChanges(
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.of(true),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty()));

        await().pollInterval(Duration.ofMillis(20))
                .atMost(PROPAGATION_LIMIT)
                .until(() -> browserOnB.get("/admin", null).status() == 302);
        assertThat(browserOnB.get("/admin", null).header("Location")).endsWith("/login");
    }
}
