package io.deskbridge.desk.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.DeskApplication;
import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The account owner cannot be taken away (deleted, suspended, demoted) by anyone, and a lost owner is
 * recovered with {@code reset-owner-password}; the start-up banner says where to sign in every time.
 */
class AccountOwnerIntegrationTests extends DeskIntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    AccountOwnerBootstrap bootstrap;

    private String otherAdminAuth() {
        UserAccount admin = newUser(Role.ADMIN);
        return DeskClient.tokenAuth(admin.email(), issueToken(admin, TokenScope.FULL, AuthenticatesAs.OWNER_ONLY));
    }

    private static String refusal(String field, String description) {
        return "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":{\"" + field
                + "\":[{\"description\":\"" + description + "\",\"error\":\"AccountOwnerProtected\"}]}}";
    }

    private void assertOwnerUntouched() {
        UserAccount owner = owner();
        assertThat(owner.role()).isEqualTo(Role.ADMIN);
        assertThat(owner.active()).isTrue();
        assertThat(owner.suspended()).isFalse();
        assertThat(users.authenticate(OWNER_EMAIL, OWNER_PASSWORD)).isPresent();
    }

    @Nested
    class Protection {

        @Test
        void shouldRefuseToDeleteTheOwner() {
            Response response = api.send("DELETE", "/api/v2/users/" + owner().id(), otherAdminAuth(), null);
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body())
                    .isEqualTo(refusal(
                            "base",
                            "Base: " + OWNER_EMAIL + " is the account owner and cannot be deleted; the account owner"
                                    + " is the way into the Admin Center"));
            assertOwnerUntouched();
        }

        @Test
        void shouldRefuseToSuspendTheOwner() {
            Response response = api.send(
                    "PUT", "/api/v2/users/" + owner().id(), otherAdminAuth(), "{\"user\":{\"suspended\":true}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body())
                    .isEqualTo(refusal(
                            "suspended",
                            "Suspended: " + OWNER_EMAIL + " is the account owner and cannot be suspended; the account"
                                    + " owner is the way into the Admin Center"));
            assertOwnerUntouched();
        }

        @Test
        void shouldRefuseToDemoteTheOwnerAndChangeNothingElseOfTheRequest() {
            String name = owner().name();
            Response response = api.send(
                    "PUT",
                    "/api/v2/users/" + owner().id(),
                    otherAdminAuth(),
                    "{\"user\":{\"role\":\"agent\",\"name\":\"Not the owner any more\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body())
                    .isEqualTo(refusal(
                            "role",
                            "Role: " + OWNER_EMAIL + " is the account owner and must stay admin (got \\\"agent\\\");"
                                    + " the account owner is the way into the Admin Center"));
            assertThat(owner().name()).isEqualTo(name);
            assertOwnerUntouched();
        }

        @Test
        void shouldRefuseToDemoteTheOwnerThroughCreateOrUpdate() {
            Response response = api.send(
                    "POST",
                    "/api/v2/users/create_or_update",
                    otherAdminAuth(),
                    "{\"user\":{\"email\":\"" + OWNER_EMAIL + "\",\"role\":\"end-user\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/role/0/error").asString()).isEqualTo("AccountOwnerProtected");
            assertOwnerUntouched();
        }

        @Test
        void shouldRefuseTheOwnerItselfToo() {
            Response response =
                    api.send("PUT", "/api/v2/users/" + owner().id(), ownerAuth(), "{\"user\":{\"suspended\":true}}");
            assertThat(response.status()).isEqualTo(422);
            assertOwnerUntouched();
        }

        @Test
        void shouldStillLetAdminsSuspendAndReactivateAnotherAdmin() {
            UserAccount admin = newUser(Role.ADMIN);
            String auth = otherAdminAuth();
            Response suspended =
                    api.send("PUT", "/api/v2/users/" + admin.id(), auth, "{\"user\":{\"suspended\":true}}");
            assertThat(suspended.status()).isEqualTo(200);
            assertThat(suspended.json().path("user").path("suspended").asBoolean())
                    .isTrue();
            Response reactivated =
                    api.send("PUT", "/api/v2/users/" + admin.id(), auth, "{\"user\":{\"suspended\":false}}");
            assertThat(reactivated.status()).isEqualTo(200);
            assertThat(users.findById(admin.id()).orElseThrow().canAuthenticate())
                    .isTrue();
        }
    }

    @Nested
    class ResetOwnerPasswordCommand {

        @AfterEach
        void restoreTheOwnersPassword() {
            users.resetOwnerPassword(Actor.system(), OWNER_PASSWORD);
        }

        /** Runs the command on this desk's database, with DESK_ADMIN_PASSWORD as given ("" = unset). */
        private String run(String adminPassword) {
            List<String> args = new ArrayList<>(List.of(OwnerPasswordResetCommand.NAME));
            for (String key : new String[] {
                "spring.datasource.url",
                "spring.datasource.username",
                "spring.datasource.password",
                "spring.flyway.schemas",
                "desk.data-dir",
                "desk.tokens.pepper"
            }) {
                args.add("--" + key + "=" + environment.getProperty(key, ""));
            }
            args.add("--spring.datasource.hikari.maximum-pool-size=2");
            args.add("--desk.admin.password=" + adminPassword);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            int status = OwnerPasswordResetCommand.runWith(
                    DeskApplication.class,
                    args.subList(1, args.size()).toArray(String[]::new),
                    new PrintStream(console, true, StandardCharsets.UTF_8));
            String output = console.toString(StandardCharsets.UTF_8);
            assertThat(status).as(output).isZero();
            return output;
        }

        @Test
        void shouldSetAGeneratedPasswordReactivateASuspendedOwnerAndAuditIt() {
            // A database from before owners were protected: the owner was suspended.
            jdbc.sql("UPDATE users SET suspended = TRUE WHERE id = :id")
                    .param("id", owner().id())
                    .update();

            String output = run("");

            Matcher printed = Pattern.compile("Sign in as " + Pattern.quote(OWNER_EMAIL)
                            + " with password (\\S+)  \\(generated; shown only this once\\)")
                    .matcher(output);
            assertThat(printed.find()).as(output).isTrue();
            String password = SecretLedger.issued(printed.group(1));
            assertThat(output)
                    .contains("The account owner's password was reset; the owner was suspended or deleted and is"
                            + " active again.");
            assertThat(password).hasSize(24).doesNotStartWith("-");
            DeskClient browser = DeskClient.withCookies(baseUrl());
            assertThat(browser.signIn(OWNER_EMAIL, password).header("Location")).endsWith("/admin");
            assertThat(browser.get("/admin", null).status()).isEqualTo(200);
            assertThat(DeskClient.withCookies(baseUrl())
                            .signIn(OWNER_EMAIL, OWNER_PASSWORD)
                            .header("Location"))
                    .as("the old password")
                    .endsWith("/login?error");
            assertThat(auditEntries("account_owner.password_reset")).last().satisfies(e -> {
                assertThat(e.get("action")).isEqualTo("update");
                assertThat(((Number) e.get("source_id")).longValue()).isEqualTo(owner().id());
                assertThat(e.get("change_description"))
                        .isEqualTo("Reset the account owner's password from the command line; reactivated the owner"
                                + " (was suspended or deleted)");
                assertThat((String) e.get("actor_name")).startsWith("Command line: reset-owner-password (OS user ");
            });
        }

        @Test
        void shouldTakeThePasswordFromDeskAdminPasswordAndEndTheOwnersSessions() {
            DeskClient before = DeskClient.withCookies(baseUrl());
            assertThat(before.signIn(OWNER_EMAIL, OWNER_PASSWORD).header("Location"))
                    .endsWith("/admin");
            String chosen = SecretLedger.issued("Chosen-" + UUID.randomUUID());

            String output = run(chosen);

            assertThat(output)
                    .contains("The account owner's password was reset.")
                    .contains("Sign in as " + OWNER_EMAIL + " with the password in DESK_ADMIN_PASSWORD")
                    .doesNotContain(chosen);
            Response old = before.get("/admin", null);
            assertThat(old.status()).isEqualTo(302);
            assertThat(old.header("Location")).endsWith("/login?session-ended");
            assertThat(DeskClient.withCookies(baseUrl())
                            .signIn(OWNER_EMAIL, chosen)
                            .header("Location"))
                    .endsWith("/admin");
        }
    }

    @Nested
    class StartUpBanner {

        @Test
        void shouldSayWhereToSignInOnALaterStartAndThatDeskAdminPasswordIsIgnored() {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            int logged = SecretLedger.output().length();

            bootstrap.announce(new PrintStream(console, true, StandardCharsets.UTF_8));

            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains("  Deskbridge desk is ready. Open the Admin Center: http://localhost:" + port + "/login")
                    .contains("  Sign in as " + OWNER_EMAIL + " with its current password (lost it? run java -jar"
                            + " desk/target/desk-*-exec.jar reset-owner-password)");
            assertThat(SecretLedger.output().substring(logged))
                    .contains("DESK_ADMIN_PASSWORD (desk.admin.password) is set but ignored: the account owner "
                            + OWNER_EMAIL + " already exists. To make it the owner's password, run: java -jar"
                            + " desk/target/desk-*-exec.jar reset-owner-password");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE account_owner = TRUE")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }
}
