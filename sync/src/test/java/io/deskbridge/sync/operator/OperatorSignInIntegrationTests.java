package io.deskbridge.sync.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.FromAddress;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Operator sign-in by HTTP Basic and by the form (issue 10): failed sign-ins are counted per client
 * address (10 a minute) and per account (30 a minute), then refused with 429 + Retry-After (the form
 * says how long to wait), even with the right password; bursts are audited, never a password; a
 * wrong password is reported in sync's own words; a cached sign-in ends when the stored password
 * changes. Each test signs in as an operator of its own from loopback addresses of its own
 * ({@link FromAddress}), so the shared sync's other tests keep their budgets. The clock is frozen, so
 * waits are exact and refills happen only when a test moves it.
 */
class OperatorSignInIntegrationTests extends SyncIntegrationTest {

    private static final String REFUSED_IN_SYNCS_WORDS = "{\"error\":\"OperatorSignInFailed\",\"description\":"
            + "\"sync refused this operator email and password (HTTP Basic). Check SYNC_OPERATOR_EMAIL and"
            + " SYNC_OPERATOR_PASSWORD; a lost password is reset on the sync server with reset-operator-password.\"}";

    @Autowired
    private Operators operators;

    @Autowired
    private PasswordEncoder passwordEncoder;

    private String email;
    private String password;

    @BeforeEach
    void operatorOfItsOwn() {
        clock.freezeAt(Instant.now());
        email = "op-" + UUID.randomUUID().toString().substring(0, 8) + "@deskbridge.test";
        password = SecretLedger.issued("Right-" + UUID.randomUUID());
        operators.create(email, password);
    }

    private FromAddress newAddress() {
        return FromAddress.fresh(port);
    }

    private static String wrong() {
        return SecretLedger.issued("Wrong-" + UUID.randomUUID());
    }

    private static String tooMany(long seconds) {
        return "{\"error\":\"TooManySignInAttempts\",\"description\":\"Too many failed operator sign-ins from this"
                + " address or as this operator; try again in " + seconds + " seconds (Retry-After).\"}";
    }

    private record Entry(String event, String actorType, String actor, String description) {}

    private List<Entry> auditFrom(String address) {
        return jdbc.sql(
                        "SELECT event, actor_type, actor, description FROM audit_log WHERE ip_address = :ip ORDER BY id")
                .param("ip", address)
                .query((rs, n) -> new Entry(
                        rs.getString("event"),
                        rs.getString("actor_type"),
                        rs.getString("actor"),
                        rs.getString("description")))
                .list();
    }

    @Nested
    class PerAddress {

        @Test
        void shouldAnswer429WithRetryAfterOnceAnAddressFailedTenTimesEvenWithTheRightPassword() {
            FromAddress client = newAddress();
            for (int i = 0; i < 10; i++) {
                FromAddress.Response refused = client.get("/api/connections", SyncClient.basic(email, wrong()));
                assertThat(refused.status()).as("attempt %d", i + 1).isEqualTo(401);
                assertThat(refused.body()).isEqualTo(REFUSED_IN_SYNCS_WORDS);
            }

            FromAddress.Response throttled = client.get("/api/connections", SyncClient.basic(email, password));

            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isEqualTo("6");
            assertThat(throttled.body()).isEqualTo(tooMany(6));
            assertThat(newAddress()
                            .get("/api/connections", SyncClient.basic(email, password))
                            .status())
                    .as("another address")
                    .isEqualTo(200);
        }

        @Test
        void shouldLetTheAddressTryAgainOnceItsBudgetRefilled() {
            FromAddress client = newAddress();
            for (int i = 0; i < 10; i++) {
                client.get("/api/connections", SyncClient.basic(email, wrong()));
            }
            clock.advance(Duration.ofSeconds(5));
            assertThat(client.get("/api/connections", SyncClient.basic(email, password))
                            .header("Retry-After"))
                    .isEqualTo("1");

            clock.advance(Duration.ofSeconds(1));

            assertThat(client.get("/api/connections", SyncClient.basic(email, password))
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void shouldCountFormAndBasicFailuresAgainstOneBudget() {
            FromAddress client = newAddress();
            for (int i = 0; i < 5; i++) {
                assertThat(client.signIn(email, wrong()).header("Location")).endsWith("/login?error");
                assertThat(client.get("/api/connections", SyncClient.basic(email, wrong()))
                                .status())
                        .isEqualTo(401);
            }

            assertThat(client.get("/api/connections", SyncClient.basic(email, password))
                            .status())
                    .isEqualTo(429);
        }

        @Test
        void shouldTellTheSignInFormHowLongToWait() {
            FromAddress client = newAddress();
            for (int i = 0; i < 10; i++) {
                client.signIn(email, wrong());
            }

            FromAddress.Response refused = client.signIn(email, password);

            assertThat(refused.status()).isEqualTo(302);
            assertThat(refused.header("Location")).endsWith("/login?throttled=6");
            assertThat(client.get("/login?throttled=6", null).body())
                    .contains(
                            "Too many failed sign-ins from your address or as this operator. Try again in 6 seconds.");
            assertThat(client.get("/connections", null).header("Location"))
                    .as("not signed in")
                    .endsWith("/login");
        }

        @Test
        void shouldAuditTheFirstFailureAndTheBurstOnceEachWithoutThePassword() {
            FromAddress client = newAddress();
            for (int i = 0; i < 10; i++) {
                client.get("/api/connections", SyncClient.basic(email, wrong()));
            }
            client.get("/api/connections", SyncClient.basic(email, wrong()));
            String from = client.address();

            assertThat(auditFrom(from))
                    .containsExactly(
                            new Entry(
                                    "operator.sign_in_failed",
                                    "anonymous",
                                    "Unauthenticated client",
                                    "Failed operator sign-in from " + from + " as " + email
                                            + " (wrong email or password); further failures from this address within"
                                            + " the minute are counted, not recorded one by one"),
                            new Entry(
                                    "operator.sign_in_throttled",
                                    "anonymous",
                                    "Unauthenticated client",
                                    "10 failed operator sign-ins from " + from + " within a minute; further attempts"
                                            + " from this address are refused (HTTP 429) until its budget refills"));
        }

        @Test
        void shouldNotRecordAnEmailThatIsNoOperators() {
            FromAddress client = newAddress();
            // A password typed into the email field must not reach the audit log.
            String typedIntoTheEmailField = SecretLedger.issued("Typed-" + UUID.randomUUID());

            client.get("/api/connections", SyncClient.basic(typedIntoTheEmailField, wrong()));

            assertThat(auditFrom(client.address()))
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.description())
                            .isEqualTo("Failed operator sign-in from " + client.address()
                                    + " as an email that is no operator's (wrong email or password); further failures"
                                    + " from this address within the minute are counted, not recorded one by one"));
        }
    }

    @Nested
    class PerAccount {

        @Test
        void shouldRefuseTheAccountFromEveryAddressAfterThirtyFailuresAndAuditIt() {
            String last = null;
            for (int address = 0; address < 5; address++) {
                FromAddress client = newAddress();
                last = client.address();
                for (int i = 0; i < 6; i++) {
                    assertThat(client.get("/api/connections", SyncClient.basic(email, wrong()))
                                    .status())
                            .isEqualTo(401);
                }
            }
            FromAddress elsewhere = newAddress();

            FromAddress.Response refused = elsewhere.get("/api/connections", SyncClient.basic(email, password));

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("2");
            assertThat(elsewhere.get("/api/connections", operatorAuth()).status())
                    .as("another operator from the same address")
                    .isEqualTo(200);
            assertThat(auditFrom(last))
                    .extracting(Entry::description)
                    .contains("30 failed sign-ins as " + email + " within a minute, the last from " + last
                            + "; further sign-ins as it are refused from every address (HTTP 429) until its"
                            + " budget refills");

            clock.advance(Duration.ofSeconds(2));

            assertThat(newAddress()
                            .get("/api/connections", SyncClient.basic(email, password))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Nested
    class VerifiedCredentialsCache {

        @Test
        void shouldRefuseACachedPasswordAtOnceWhenTheStoredPasswordChanged() {
            assertThat(api.get("/api/connections", SyncClient.basic(email, password))
                            .status())
                    .isEqualTo(200);
            String next = SecretLedger.issued("Next-" + UUID.randomUUID());
            // As another instance, or reset-operator-password, would: only the database changes.
            jdbc.sql("UPDATE operators SET password_hash = :hash WHERE email = :email")
                    .param("hash", passwordEncoder.encode(next))
                    .param("email", email)
                    .update();

            SyncClient.Response old = api.get("/api/connections", SyncClient.basic(email, password));

            assertThat(old.status()).isEqualTo(401);
            assertThat(old.body()).isEqualTo(REFUSED_IN_SYNCS_WORDS);
            assertThat(api.get("/api/connections", SyncClient.basic(email, next))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldAskForOperatorCredentialsInSyncsOwnWordsWhenNoneAreSent() {
        SyncClient.Response response = api.get("/api/connections");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"OperatorSignInRequired\",\"description\":"
                        + "\"This API needs a sync operator's email and password (HTTP Basic).\"}");
    }
}
