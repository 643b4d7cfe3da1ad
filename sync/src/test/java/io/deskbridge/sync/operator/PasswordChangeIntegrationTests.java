package io.deskbridge.sync.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.support.FromAddress;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The operator's own password change at /account/password (issue 10, item 5). */
class PasswordChangeIntegrationTests extends SyncIntegrationTest {

    @Autowired
    private Operators operators;

    private String email;
    private String password;
    private FromAddress browser;

    @BeforeEach
    void signedInOperatorOfItsOwn() {
        email = "pw-" + UUID.randomUUID().toString().substring(0, 8) + "@deskbridge.test";
        password = SecretLedger.issued("Right-" + UUID.randomUUID());
        operators.create(email, password);
        browser = FromAddress.fresh(port);
        assertThat(browser.signIn(email, password).header("Location")).endsWith("/connections");
    }

    private FromAddress.Response change(String current, String next, String confirm) {
        String page = browser.get("/account/password", null).body();
        return browser.form(
                "/account/password",
                Map.of(
                        "_csrf", SyncClient.csrfFrom(page),
                        "current_password", current,
                        "new_password", next,
                        "confirm_password", confirm));
    }

    private int apiStatus(String pw) {
        return api.get("/api/connections", SyncClient.basic(email, pw)).status();
    }

    @Nested
    class Accepted {

        @Test
        void shouldChangeThePasswordEndCachedSignInsAndAuditIt() {
            assertThat(apiStatus(password)).as("cached now").isEqualTo(200);
            String next = SecretLedger.issued("Next-" + UUID.randomUUID());

            FromAddress.Response changed = change(password, next, next);

            assertThat(changed.status()).isEqualTo(302);
            assertThat(changed.header("Location")).endsWith("/account/password?changed");
            assertThat(browser.get("/account/password?changed", null).body()).contains("Your password was changed.");
            assertThat(apiStatus(password)).isEqualTo(401);
            assertThat(apiStatus(next)).isEqualTo(200);
            assertThat(jdbc.sql("SELECT actor, description FROM audit_log WHERE event = 'operator.password_changed'"
                                    + " AND ip_address = :ip")
                            .param("ip", browser.address())
                            .query((rs, n) -> rs.getString(1) + " | " + rs.getString(2))
                            .list())
                    .containsExactly(email + " | The operator " + email + " changed its password");
        }
    }

    @Nested
    class OtherSessions {

        @Test
        void shouldEndTheOperatorsOtherSessionsAndKeepTheOneThatChangedIt() {
            FromAddress other = FromAddress.fresh(port);
            assertThat(other.signIn(email, password).header("Location")).endsWith("/connections");
            assertThat(other.get("/connections", null).status()).isEqualTo(200);
            String next = SecretLedger.issued("Next-" + UUID.randomUUID());

            assertThat(change(password, next, next).status()).isEqualTo(302);

            FromAddress.Response ended = other.get("/connections", null);
            assertThat(ended.status()).isEqualTo(302);
            assertThat(ended.header("Location")).endsWith("/login");
            assertThat(other.get("/connections", null).status())
                    .as("the session stays ended")
                    .isEqualTo(302);
            assertThat(browser.get("/connections", null).status()).isEqualTo(200);
        }

        @Test
        void shouldEndEverySessionWhenThePasswordIsResetOnTheServer() {
            assertThat(browser.get("/connections", null).status()).isEqualTo(200);

            operators.resetPassword(email, SecretLedger.issued("Reset-" + UUID.randomUUID()), Actor.system());

            FromAddress.Response ended = browser.get("/connections", null);
            assertThat(ended.status()).isEqualTo(302);
            assertThat(ended.header("Location")).endsWith("/login");
        }
    }

    @Nested
    class Refused {

        @Test
        void shouldRefuseAShortPasswordAndKeepTheOldOne() {
            FromAddress.Response refused = change(password, "Short-pw", "Short-pw");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("The new password must have at least 12 characters.");
            assertThat(apiStatus(password)).isEqualTo(200);
        }

        @Test
        void shouldRefuseTheEmailAsPassword() {
            FromAddress.Response refused = change(password, email, email);

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .contains("The new password must not be your email address or the part before its @.");
        }

        @Test
        void shouldRefuseACommonPassword() {
            FromAddress.Response refused = change(password, "password1234", "password1234");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .contains("The new password is one of the most common passwords; choose another.");
        }

        @Test
        void shouldRefuseAConfirmationThatDiffers() {
            String next = SecretLedger.issued("Next-" + UUID.randomUUID());

            FromAddress.Response refused = change(password, next, next + "x");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("The new password and its confirmation differ.");
            assertThat(apiStatus(next)).isEqualTo(401);
        }

        @Test
        void shouldCountAWrongCurrentPasswordAsAFailedSignIn() {
            String next = SecretLedger.issued("Next-" + UUID.randomUUID());

            FromAddress.Response refused = change(SecretLedger.issued("Wrong-" + UUID.randomUUID()), next, next);

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("The current password is wrong.");
            assertThat(jdbc.sql("SELECT event FROM audit_log WHERE ip_address = :ip ORDER BY id")
                            .param("ip", browser.address())
                            .query(String.class)
                            .list())
                    .containsExactly("operator.sign_in_failed");
        }

        @Test
        void shouldNotOfferThePageWithoutSigningIn() {
            FromAddress.Response page = FromAddress.fresh(port).get("/account/password", null);

            assertThat(page.status()).isEqualTo(302);
            assertThat(page.header("Location")).endsWith("/login");
        }
    }
}
