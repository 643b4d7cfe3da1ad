package io.deskbridge.desk.admincenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
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
 * The Admin Center's sign-in page creates no server session (issue 10: 3,000 anonymous {@code GET
 * /login} left 3,006 eight-hour sessions): its CSRF token travels in the {@code DESK_XSRF} cookie.
 * Sessions are counted in Tomcat's session manager (every session ever created).
 */
class AnonymousSignInPageIntegrationTests extends DeskIntegrationTest {

    private static final int VISITS = 50;

    @Autowired
    private ApplicationContext context;

    private Manager sessions() {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        return ((Context) server.getTomcat().getHost().findChildren()[0]).getManager();
    }

    private static List<String> sessionCookies(Response response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("DESK_SESSION="))
                .toList();
    }

    @Nested
    class WithoutASession {

        @Test
        void shouldServeTheSignInPageManyTimesWithoutCreatingASession() {
            long before = sessions().getSessionCounter();

            for (int i = 0; i < VISITS; i++) {
                Response page = DeskClient.stateless(baseUrl()).get("/login", null);
                assertThat(page.status()).isEqualTo(200);
                assertThat(sessionCookies(page)).isEmpty();
                assertThat(page.headers().allValues("Set-Cookie"))
                        .singleElement()
                        .asString()
                        .startsWith("DESK_XSRF=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax");
            }

            assertThat(sessions().getSessionCounter()).isEqualTo(before);
        }

        @Test
        void shouldNotCreateASessionToRememberAPageThatNeedsSigningIn() {
            long before = sessions().getSessionCounter();

            Response page = DeskClient.stateless(baseUrl()).get("/admin", null);

            assertThat(page.status()).isEqualTo(302);
            assertThat(page.header("Location")).endsWith("/login");
            assertThat(sessions().getSessionCounter()).isEqualTo(before);
        }

        @Test
        void shouldStillRefuseASignInWhoseTokenDoesNotMatchTheCookie() {
            DeskClient browser = DeskClient.withCookies(baseUrl());
            browser.get("/login", null);
            String otherVisitorsToken = DeskClient.csrfFrom(
                    DeskClient.stateless(baseUrl()).get("/login", null).body());

            Response response = browser.form(
                    "/login", Map.of("email", OWNER_EMAIL, "password", OWNER_PASSWORD, "_csrf", otherVisitorsToken));

            assertThat(response.status()).isEqualTo(403);
            assertThat(sessionCookies(response)).isEmpty();
        }
    }

    @Nested
    class AtSignIn {

        @Test
        void shouldCreateExactlyOneSessionAndKeepFormsAndTheApiTokenWorking() {
            long before = sessions().getSessionCounter();
            DeskClient browser = DeskClient.withCookies(baseUrl());

            Response signIn = browser.signIn(OWNER_EMAIL, OWNER_PASSWORD);

            assertThat(signIn.status()).isEqualTo(302);
            assertThat(signIn.header("Location")).endsWith("/admin");
            assertThat(sessionCookies(signIn)).hasSize(1);
            assertThat(sessions().getSessionCounter()).isEqualTo(before + 1);
            String pageToken = DeskClient.csrfFrom(browser.get("/admin", null).body());
            String apiToken = browser.get("/api/v2/users/me", null)
                    .json()
                    .path("user")
                    .path("authenticity_token")
                    .asString();
            assertThat(apiToken).as("the API reads the session's token").isNotBlank();
            Response signOut = browser.form("/logout", Map.of("_csrf", pageToken));
            assertThat(signOut.status()).isEqualTo(302);
            assertThat(signOut.header("Location")).endsWith("/login?signed-out");
            assertThat(browser.get("/admin", null).header("Location")).endsWith("/login");
        }
    }
}
