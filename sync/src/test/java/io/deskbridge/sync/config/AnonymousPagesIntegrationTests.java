package io.deskbridge.sync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Anonymous pages create no server session (issue 10: 3,000 anonymous {@code GET /login} left 3,006
 * eight-hour sessions in memory): their CSRF token travels in the {@code SYNC_XSRF} cookie. Sessions
 * are counted in Tomcat's session manager (every session ever created), so a page that creates one
 * shows even if it never sends the cookie back.
 */
class AnonymousPagesIntegrationTests extends SyncIntegrationTest {

    private static final int VISITS = 50;

    @Autowired
    private ApplicationContext context;

    private Manager sessions() {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        return ((Context) server.getTomcat().getHost().findChildren()[0]).getManager();
    }

    private static List<String> sessionCookies(Response response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SYNC_SESSION="))
                .toList();
    }

    private String newRequestLinkPath() {
        long connectionId = newConnection().id();
        Response link = api.send("POST", "/api/connections/" + connectionId + "/request-links", operatorAuth(), null);
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String url = link.json().get("request_link").get("url").asString();
        return "/handover/" + SecretLedger.issued(url.substring(url.lastIndexOf('/') + 1));
    }

    @Nested
    class WithoutASession {

        @Test
        void shouldServeTheSignInPageManyTimesWithoutCreatingASession() {
            long before = sessions().getSessionCounter();

            for (int i = 0; i < VISITS; i++) {
                Response page = SyncClient.stateless(baseUrl()).get("/login");
                assertThat(page.status()).isEqualTo(200);
                assertThat(sessionCookies(page)).isEmpty();
                assertThat(page.headers().allValues("Set-Cookie"))
                        .singleElement()
                        .asString()
                        .startsWith("SYNC_XSRF=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax");
            }

            assertThat(sessions().getSessionCounter()).isEqualTo(before);
        }

        @Test
        void shouldServeARequestLinkPageManyTimesWithoutCreatingASession() {
            String path = newRequestLinkPath();
            long before = sessions().getSessionCounter();

            for (int i = 0; i < VISITS; i++) {
                Response page = SyncClient.stateless(baseUrl()).get(path);
                assertThat(page.status()).isEqualTo(200);
                assertThat(sessionCookies(page)).isEmpty();
            }

            assertThat(sessions().getSessionCounter()).isEqualTo(before);
        }

        @Test
        void shouldNotCreateASessionToRememberAPageThatNeedsSigningIn() {
            long before = sessions().getSessionCounter();

            Response page = SyncClient.stateless(baseUrl()).get("/connections");

            assertThat(page.status()).isEqualTo(302);
            assertThat(page.header("Location")).endsWith("/login");
            assertThat(sessions().getSessionCounter()).isEqualTo(before);
        }

        @Test
        void shouldStillRefuseASignInWhoseTokenDoesNotMatchTheCookie() {
            SyncClient browser = SyncClient.browser(baseUrl());
            browser.get("/login");
            String otherVisitorsToken = SyncClient.csrfFrom(
                    SyncClient.stateless(baseUrl()).get("/login").body());

            Response response = browser.form(
                    "/login",
                    Map.of("email", OPERATOR_EMAIL, "password", OPERATOR_PASSWORD, "_csrf", otherVisitorsToken));

            assertThat(response.status()).isEqualTo(403);
            assertThat(sessionCookies(response)).isEmpty();
        }
    }

    @Nested
    class AtSignIn {

        @Test
        void shouldCreateExactlyOneSessionAndKeepFormsWorking() {
            long before = sessions().getSessionCounter();
            SyncClient browser = SyncClient.browser(baseUrl());

            Response signIn = browser.signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD);

            assertThat(signIn.status()).isEqualTo(302);
            assertThat(signIn.header("Location")).endsWith("/connections");
            assertThat(sessionCookies(signIn)).hasSize(1);
            assertThat(sessions().getSessionCounter()).isEqualTo(before + 1);
            String csrf = SyncClient.csrfFrom(browser.get("/connections").body());
            Response signOut = browser.form("/logout", Map.of("_csrf", csrf));
            assertThat(signOut.status()).isEqualTo(302);
            assertThat(signOut.header("Location")).endsWith("/login?signed-out");
            assertThat(browser.get("/connections").header("Location")).endsWith("/login");
        }

        @Test
        void shouldRefuseASignedInFormPostWithTheAnonymousCookieToken() {
            SyncClient browser = SyncClient.browser(baseUrl());
            String anonymousToken = SyncClient.csrfFrom(browser.get("/login").body());
            browser.form(
                    "/login", Map.of("email", OPERATOR_EMAIL, "password", OPERATOR_PASSWORD, "_csrf", anonymousToken));

            Response response = browser.form("/logout", Map.of("_csrf", anonymousToken));

            assertThat(response.status())
                    .as("the token was replaced at sign-in")
                    .isEqualTo(403);
        }
    }
}
