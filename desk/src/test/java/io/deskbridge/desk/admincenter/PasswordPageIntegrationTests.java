package io.deskbridge.desk.admincenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An admin's own password change at /admin/password (issue 10, item 5): the policy, and every session
 * of the user ending with the change. Each test uses an admin of its own, never the shared owner.
 */
class PasswordPageIntegrationTests extends DeskIntegrationTest {

    private UserAccount admin;
    private String password;
    private DeskClient browser;

    @BeforeEach
    void signedInAdminOfItsOwn() {
        password = SecretLedger.issued("Pw-" + UUID.randomUUID());
        admin = users.create("Admin", "admin-" + UUID.randomUUID() + "@deskbridge.test", Role.ADMIN, password);
        browser = DeskClient.withCookies(baseUrl());
        assertThat(browser.signIn(admin.email(), password).header("Location")).endsWith("/admin");
    }

    private Response change(String current, String next, String confirm) {
        String page = browser.get("/admin/password", null).body();
        return browser.form(
                "/admin/password",
                Map.of(
                        "_csrf", DeskClient.csrfFrom(page),
                        "current_password", current,
                        "new_password", next,
                        "confirm_password", confirm));
    }

    @Nested
    class Accepted {

        @Test
        void shouldChangeThePasswordEndEverySessionAndAuditIt() {
            DeskClient otherBrowser = DeskClient.withCookies(baseUrl());
            assertThat(otherBrowser.signIn(admin.email(), password).header("Location"))
                    .endsWith("/admin");
            String next = SecretLedger.issued("Next-" + UUID.randomUUID());

            Response changed = change(password, next, next);

            assertThat(changed.status()).isEqualTo(302);
            assertThat(changed.header("Location")).endsWith("/login?password-changed");
            assertThat(browser.get("/login?password-changed", null).body())
                    .contains("Your password was changed and your sessions ended. Sign in with the new password.");
            assertThat(browser.get("/admin", null).header("Location")).endsWith("/login");
            assertThat(otherBrowser.get("/admin", null).header("Location"))
                    .as("the other session")
                    .endsWith("/login?session-ended");
            assertThat(DeskClient.withCookies(baseUrl())
                            .signIn(admin.email(), password)
                            .header("Location"))
                    .endsWith("/login?error");
            assertThat(DeskClient.withCookies(baseUrl())
                            .signIn(admin.email(), next)
                            .header("Location"))
                    .endsWith("/admin");
            assertThat(jdbc.sql("SELECT actor_name, source_label, change_description FROM audit_logs"
                                    + " WHERE event = 'user.password_changed' AND source_id = :id")
                            .param("id", admin.id())
                            .query((rs, n) -> rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3))
                            .list())
                    .containsExactly("Admin | " + admin.email()
                            + " | Changed their own password in the Admin Center; every session of the user ended");
        }
    }

    @Nested
    class Refused {

        @Test
        void shouldRefuseAShortPasswordAndStaySignedIn() {
            Response refused = change(password, "Short-pw", "Short-pw");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("The new password must have at least 12 characters.");
            assertThat(browser.get("/admin", null).status()).isEqualTo(200);
        }

        @Test
        void shouldRefuseTheEmailAsPassword() {
            Response refused = change(password, admin.email(), admin.email());

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .contains("The new password must not be your email address or the part before its @.");
        }

        @Test
        void shouldRefuseACommonPassword() {
            Response refused = change(password, "qwerty123456", "qwerty123456");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .contains("The new password is one of the most common passwords; choose another.");
        }

        @Test
        void shouldRefuseAWrongCurrentPassword() {
            String next = SecretLedger.issued("Next-" + UUID.randomUUID());

            Response refused = change(SecretLedger.issued("Wrong-" + UUID.randomUUID()), next, next);

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("The current password is wrong.");
            assertThat(DeskClient.withCookies(baseUrl())
                            .signIn(admin.email(), password)
                            .header("Location"))
                    .endsWith("/admin");
        }

        @Test
        void shouldRefuseAConfirmationThatDiffers() {
            String next = SecretLedger.issued("Next-" + UUID.randomUUID());

            Response refused = change(password, next, next + "x");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("The new password and its confirmation differ.");
        }
    }
}
