package io.deskbridge.sync.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The operator's pages: sign-in, the connection list, adding a connection, creating a request link. */
class WebUiIntegrationTests extends SyncIntegrationTest {

    private SyncClient signedIn() {
        SyncClient browser = SyncClient.browser(baseUrl());
        Response signIn = browser.signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.header("Location")).endsWith("/connections");
        return browser;
    }

    @Nested
    class SigningIn {

        @Test
        void shouldSendVisitorsToTheSignInPage() {
            Response response = SyncClient.browser(baseUrl()).get("/connections");
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.header("Location")).endsWith("/login");
        }

        @Test
        void shouldRefuseAWrongPassword() {
            Response response = SyncClient.browser(baseUrl()).signIn(OPERATOR_EMAIL, "wrong-password");
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.header("Location")).endsWith("/login?error");
        }

        @Test
        void shouldRefuseASignInWithoutTheCsrfToken() {
            Response response = SyncClient.browser(baseUrl())
                    .form("/login", Map.of("email", OPERATOR_EMAIL, "password", OPERATOR_PASSWORD));
            assertThat(response.status()).isEqualTo(403);
        }

        @Test
        void shouldNotOpenPagesWithHttpBasic() {
            Response response = api.get("/connections", operatorAuth());
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.header("Location")).endsWith("/login");
        }
    }

    @Nested
    class Connections {

        @Test
        void shouldListConnectionsWithTheirCredentialState() {
            Connection connection = newConnection();
            Response page = signedIn().get("/connections");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("data-connection-id=\"" + connection.id() + "\"")
                    .contains(connection.address().toString())
                    .contains("Awaiting credentials");
        }

        @Test
        void shouldAddAConnectionThroughTheForm() {
            SyncClient browser = signedIn();
            String csrf = SyncClient.csrfFrom(browser.get("/connections").body());
            String subdomain = "web-" + UUID.randomUUID().toString().substring(0, 8);

            Response created =
                    browser.form("/connections", Map.of("_csrf", csrf, "name", "From the web", "address", subdomain));

            assertThat(created.status()).isEqualTo(302);
            assertThat(browser.get("/connections").body())
                    .contains("Created the connection From the web.")
                    .contains("https://" + subdomain + ".zendesk.com");
        }

        @Test
        void shouldShowWhatIsWrongWithTheAddress() {
            SyncClient browser = signedIn();
            String csrf = SyncClient.csrfFrom(browser.get("/connections").body());

            Response refused =
                    browser.form("/connections", Map.of("_csrf", csrf, "name", "Junk", "address", "ftp://x"));

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .contains("Address: The Zendesk address uses the scheme ftp://; only https:// (or http:// for a "
                            + "desk on this machine) is supported")
                    .contains("value=\"ftp://x\"");
        }

        @Test
        void shouldRefuseAFormWithoutTheCsrfToken() {
            Response refused = signedIn().form("/connections", Map.of("name", "Forged", "address", "forged"));
            assertThat(refused.status()).isEqualTo(403);
        }

        @Test
        void shouldCreateARequestLinkThatTheAdminCanOpen() {
            Connection connection = newConnection();
            SyncClient browser = signedIn();
            String csrf = SyncClient.csrfFrom(browser.get("/connections").body());

            Response issued = browser.form("/connections/" + connection.id() + "/request-links", Map.of("_csrf", csrf));

            assertThat(issued.status()).isEqualTo(200);
            assertThat(issued.header("Cache-Control")).contains("no-store");
            Matcher url = Pattern.compile(
                            "id=\"request-link\">http://127\\.0\\.0\\.1:\\d+(/handover/([A-Za-z0-9_-]{43}))<")
                    .matcher(issued.body());
            assertThat(url.find()).as(issued.body()).isTrue();
            SecretLedger.issued(url.group(2));
            // A Copy button for the link (console.js copies the element's text).
            assertThat(issued.body())
                    .contains("<button type=\"button\" id=\"copy-request-link\" data-copy-of=\"request-link\">"
                            + "Copy link</button>")
                    .contains("<script src=\"/js/console.js\" defer></script>");
            assertThat(SyncClient.browser(baseUrl()).get(url.group(1)).status()).isEqualTo(200);
        }
    }
}
