package io.deskbridge.sync.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.connection.OAuthCredential;
import io.deskbridge.sync.support.OversizedZendesk;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * OAuth credentials are stored as handed over and kept usable: an access token about to expire is
 * refreshed before use, the new single-use refresh token is stored at once, and concurrent callers
 * refresh once. Against a fake Zendesk OAuth server (desk has no OAuth).
 */
class OAuthRefreshIntegrationTests extends SyncIntegrationTest {

    @Autowired
    private ZendeskCredentials credentials;

    @Autowired
    private ZendeskHttp http;

    private FakeOAuthZendesk zendesk;

    @BeforeEach
    void startZendesk() throws Exception {
        // Expiry instants are compared exactly.
        clock.freezeAt(Instant.parse("2026-11-28T10:00:00Z"));
        zendesk = new FakeOAuthZendesk();
    }

    @AfterEach
    void stopZendesk() {
        zendesk.close();
    }

    private Connection oauthConnection(Duration accessTokenLifetime) {
        Connection connection = connections.create(
                new NewConnection("OAuth " + UUID.randomUUID().toString().substring(0, 8), zendesk.baseUrl()),
                Actor.system());
        connections.receiveCredential(
                connection.id(),
                new OAuthCredential(
                        zendesk.accessToken(),
                        zendesk.refreshToken(),
                        Instant.now(clock).plus(accessTokenLifetime),
                        FakeOAuthZendesk.CLIENT_ID,
                        FakeOAuthZendesk.CLIENT_SECRET),
                new CredentialSource("the test", null),
                Actor.system());
        return connection;
    }

    private int version(long connectionId) {
        return connections.get(connectionId).credentialVersion();
    }

    @Nested
    class BeforeUse {

        @Test
        void shouldRefreshAnAccessTokenThatExpiresWithinTwoMinutesAndStoreTheNewPair() {
            Connection connection = oauthConnection(Duration.ofSeconds(90));
            String oldRefreshToken = zendesk.refreshToken();

            OAuthCredential used =
                    (OAuthCredential) credentials.current(connection.id()).orElseThrow();

            assertThat(zendesk.refreshes()).isEqualTo(1);
            assertThat(used.accessToken()).isEqualTo(zendesk.accessToken());
            assertThat(used.refreshToken()).isEqualTo(zendesk.refreshToken()).isNotEqualTo(oldRefreshToken);
            assertThat(used.accessTokenExpiresAt()).isEqualTo(Instant.now(clock).plusSeconds(3600));
            assertThat(used.clientId()).isEqualTo(FakeOAuthZendesk.CLIENT_ID);
            assertThat(version(connection.id())).isEqualTo(2);
            assertThat(connections.credential(connection.id())).contains(used);
            ZendeskResponse me = http.get(connections.get(connection.id()).address(), used, "/api/v2/users/me.json");
            assertThat(me.status()).isEqualTo(200);
            assertThat(jdbc.sql("SELECT actor || ': ' || description FROM audit_log"
                                    + " WHERE connection_id = ? AND event = 'connection.credentials_refreshed'")
                            .param(connection.id())
                            .query(String.class)
                            .list())
                    .containsExactly("Deskbridge sync (automatic): Refreshed the oauth credential of the connection "
                            + connection.name()
                            + "; stored as credential version 2 (the previous one no longer works)");
        }

        @Test
        void shouldUseAnAccessTokenThatIsNotAboutToExpireAsItIs() {
            Connection connection = oauthConnection(Duration.ofMinutes(30));
            String access = zendesk.accessToken();

            OAuthCredential used =
                    (OAuthCredential) credentials.current(connection.id()).orElseThrow();

            assertThat(used.accessToken()).isEqualTo(access);
            assertThat(zendesk.refreshes()).isZero();
            assertThat(version(connection.id())).isEqualTo(1);
        }

        @Test
        void shouldRefreshOnceWhenEightThreadsNeedTheCredentialAtTheSameTime() throws Exception {
            Connection connection = oauthConnection(Duration.ofSeconds(30));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<OAuthCredential>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(pool.submit(() -> (OAuthCredential)
                            credentials.current(connection.id()).orElseThrow()));
                }
                for (Future<OAuthCredential> call : calls) {
                    assertThat(call.get().accessToken()).isEqualTo(zendesk.accessToken());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(zendesk.refreshes()).isEqualTo(1);
            assertThat(version(connection.id())).isEqualTo(2);
        }
    }

    @Nested
    class AfterARefusal {

        @Test
        void shouldRefreshATokenZendeskRevokedBeforeItsExpiry() {
            Connection connection = oauthConnection(Duration.ofMinutes(30));

            OAuthCredential used =
                    (OAuthCredential) credentials.afterRefusal(connection.id()).orElseThrow();

            assertThat(zendesk.refreshes()).isEqualTo(1);
            assertThat(used.accessToken()).isEqualTo(zendesk.accessToken());
            assertThat(version(connection.id())).isEqualTo(2);
        }

        @Test
        void shouldSayZendeskRefusedAndKeepTheStoredCredentialWithoutEchoingTheToken() {
            Connection connection = oauthConnection(Duration.ofSeconds(30));
            OAuthCredential before =
                    (OAuthCredential) connections.credential(connection.id()).orElseThrow();
            zendesk.refuseRefreshes();

            assertThatThrownBy(() -> credentials.current(connection.id()))
                    .isInstanceOf(CredentialRefreshFailedException.class)
                    .hasMessage("Zendesk refused to refresh the OAuth token of connection " + connection.id()
                            + " (HTTP 400 invalid_grant). The refresh token was revoked, expired or already used:"
                            + " authorise again and send the new tokens through a credential request link.");
            assertThat(version(connection.id())).isEqualTo(1);
            assertThat(connections.credential(connection.id())).contains(before);
        }
    }

    @Nested
    class HandedOverThroughARequestLink {

        @Test
        void shouldStoreTheOAuthTokensAndTheClientSealed() {
            Connection connection =
                    connections.create(new NewConnection("OAuth hand-over", zendesk.baseUrl()), Actor.system());
            Response created =
                    api.send("POST", "/api/connections/" + connection.id() + "/request-links", operatorAuth(), null);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String url = created.json().get("request_link").get("url").asString();
            String path = "/handover/" + SecretLedger.issued(url.substring(url.lastIndexOf('/') + 1));
            SyncClient browser = SyncClient.browser(baseUrl());
            Response page = browser.get(path);
            assertThat(page.body()).contains("OAuth clients").contains("id=\"oauth-form\"");

            Response submitted = browser.form(
                    path,
                    Map.of(
                            "_csrf",
                            SyncClient.csrfFrom(page.body()),
                            "kind",
                            "oauth",
                            "access_token",
                            zendesk.accessToken(),
                            "refresh_token",
                            zendesk.refreshToken(),
                            "expires_in",
                            "1800",
                            "client_id",
                            FakeOAuthZendesk.CLIENT_ID,
                            "client_secret",
                            FakeOAuthZendesk.CLIENT_SECRET));

            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
            assertThat(connections.credential(connection.id()))
                    .contains(new OAuthCredential(
                            zendesk.accessToken(),
                            zendesk.refreshToken(),
                            Instant.now(clock).plusSeconds(1800),
                            FakeOAuthZendesk.CLIENT_ID,
                            FakeOAuthZendesk.CLIENT_SECRET));
            JsonNode shown = api.get("/api/connections/" + connection.id(), operatorAuth())
                    .json()
                    .get("connection");
            assertThat(shown.get("auth_type").asString()).isEqualTo("oauth");
            assertThat(shown.get("auth_identity").asString()).isEqualTo("OAuth client " + FakeOAuthZendesk.CLIENT_ID);
        }

        @Test
        void shouldRefuseARefreshTokenWithoutTheClientIdAndStoreNothing() {
            Connection connection =
                    connections.create(new NewConnection("OAuth without client", zendesk.baseUrl()), Actor.system());
            Response created =
                    api.send("POST", "/api/connections/" + connection.id() + "/request-links", operatorAuth(), null);
            String url = created.json().get("request_link").get("url").asString();
            String path = "/handover/" + SecretLedger.issued(url.substring(url.lastIndexOf('/') + 1));
            SyncClient browser = SyncClient.browser(baseUrl());
            Response page = browser.get(path);

            Response submitted = browser.form(
                    path,
                    Map.of(
                            "_csrf", SyncClient.csrfFrom(page.body()),
                            "kind", "oauth",
                            "access_token", zendesk.accessToken(),
                            "refresh_token", zendesk.refreshToken(),
                            "expires_in", "soon"));

            assertThat(submitted.status()).isEqualTo(422);
            assertThat(submitted.body())
                    .contains("the refresh token cannot be used without it")
                    .contains("Expires in: enter the access token&#39;s remaining lifetime in seconds, from 60 to")
                    .doesNotContain(zendesk.accessToken())
                    .doesNotContain(zendesk.refreshToken());
            assertThat(connections.credential(connection.id())).isEmpty();
        }
    }

    @Nested
    class AgainstAServerSendingAnEndlessAnswer {

        @Test
        void shouldFailTheRefreshNamingTheLimitAndKeepTheStoredCredential() {
            try (OversizedZendesk oversized = OversizedZendesk.start(OversizedZendesk.Shape.ENDLESS)) {
                Connection connection = connections.create(
                        new NewConnection(
                                "OAuth oversized "
                                        + UUID.randomUUID().toString().substring(0, 8),
                                oversized.baseUrl()),
                        Actor.system());
                connections.receiveCredential(
                        connection.id(),
                        new OAuthCredential(
                                SecretLedger.issued("access-" + UUID.randomUUID()),
                                SecretLedger.issued("refresh-" + UUID.randomUUID()),
                                Instant.now(clock).plusSeconds(90),
                                FakeOAuthZendesk.CLIENT_ID,
                                FakeOAuthZendesk.CLIENT_SECRET),
                        new CredentialSource("the test", null),
                        Actor.system());

                assertThatThrownBy(() -> credentials.current(connection.id()))
                        .isInstanceOf(CredentialRefreshFailedException.class)
                        .hasMessage("Could not refresh the OAuth token of connection " + connection.id()
                                + ": The answer to POST /oauth/tokens is larger than sync's limit of 32 MiB "
                                + "(sync.zendesk.max-response-size): sync stopped reading after the first 32 MiB and "
                                + "closed the connection. A Zendesk answer is far smaller: check that the "
                                + "connection's address is the Zendesk account's own (or your Zendesk-compatible "
                                + "server's); if it is, raise SYNC_ZENDESK_MAX_RESPONSE_SIZE and restart sync.");
                assertThat(version(connection.id())).isEqualTo(1);
            }
        }
    }
}
