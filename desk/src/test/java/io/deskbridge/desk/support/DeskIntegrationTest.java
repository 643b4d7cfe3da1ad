package io.deskbridge.desk.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apiaccess.ApiAccessPolicy;
import io.deskbridge.desk.apiaccess.ApiAccessUpdate;
import io.deskbridge.desk.apitoken.ApiTokens;
import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.IssuedToken;
import io.deskbridge.desk.apitoken.NewApiToken;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A desk on a random port over real HTTP, on H2 or PostgreSQL ({@link TestDatabase}). Subclasses
 * with the same configuration share one running desk, so tests create their own users and tokens
 * and set the API configuration they need. After each test class, every secret the tests issued is
 * searched for in the console output, the error bodies and every table of the database.
 */
// The shared desk counts and reports rate limits but never refuses: the limiter reads the injected
// clock, which tests move forward (by days) and back, and a bucket does not refill while the clock is
// behind its last refill. The rate-limit tests run desks of their own with enforcement on. Likewise
// the token cap: every test class of the shared desk issues tokens to the same owner, more than
// Zendesk's 256 in all; ApiTokenCapIntegrationTests sets the real cap back on a desk of its own.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "desk.tokens.max-per-account=100000",
            "desk.auth.failed-attempts-per-minute=100000",
            "desk.auth.failed-attempts-per-minute-per-account=100000",
            "desk.rate-limit.enforce=false"
        })
@Import(DeskIntegrationTest.TestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeskIntegrationTest {

    public static final String OWNER_EMAIL = "owner@deskbridge.test";
    public static final String OWNER_PASSWORD = SecretLedger.issued("Owner-" + UUID.randomUUID());
    public static final String PEPPER = SecretLedger.issued(randomPepper());

    static {
        SecretLedger.install();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApiAccessPolicy policy;

    @Autowired
    protected ApiTokens tokens;

    @Autowired
    protected Users users;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    protected DeskClient api;

    @DynamicPropertySource
    static void deskProperties(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().forEach((key, value) -> registry.add(key, () -> value));
        Path dataDir = Files.createTempDirectory("desk-test-");
        registry.add("desk.data-dir", dataDir::toString);
        registry.add("desk.admin.email", () -> OWNER_EMAIL);
        registry.add("desk.admin.password", () -> OWNER_PASSWORD);
        registry.add("desk.tokens.pepper", () -> PEPPER);
        registry.add("desk.cluster.epoch-poll-interval", () -> "100ms");
        registry.add("desk.leak-reports.public-keys." + SecretScanner.KEY_IDENTIFIER, SecretScanner::publicKey);
        // Many cached test contexts share one PostgreSQL (max_connections 100): keep each pool small.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @BeforeEach
    void freshDefaults() {
        clock.reset();
        api = DeskClient.stateless(baseUrl());
        policy.update(Actor.system(), new ApiAccessUpdate(true, false, 365, false, 30, 60));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected UserAccount owner() {
        return users.findByEmail(OWNER_EMAIL).orElseThrow();
    }

    /** A new active user with a unique email and a password (registered as a secret). */
    protected UserAccount newUser(Role role) {
        String email = role.wireName() + "-" + UUID.randomUUID() + "@deskbridge.test";
        return users.create("Test " + role.wireName(), email, role, SecretLedger.issued("Pw-" + UUID.randomUUID()));
    }

    protected void setAccess(boolean tokenAccess, boolean passwordAccess) {
        policy.update(Actor.system(), ApiAccessUpdate.switches(tokenAccess, passwordAccess));
    }

    /** Issues a token through the facade (not the API under test) and returns its value. */
    protected String issueToken(UserAccount owner, TokenScope scope, AuthenticatesAs authenticatesAs) {
        return issue(owner, scope, authenticatesAs, Instant.now(clock).plus(Duration.ofDays(90)))
                .value();
    }

    protected IssuedToken issue(
            UserAccount owner, TokenScope scope, AuthenticatesAs authenticatesAs, Instant expiresAt) {
        IssuedToken issued = tokens.create(
                Actor.system(),
                owner.id(),
                new NewApiToken("test " + UUID.randomUUID(), scope, authenticatesAs, expiresAt, expiresAt == null));
        SecretLedger.issued(issued.value());
        return issued;
    }

    /** Authorization header of a full-access token bound to the account owner. */
    protected String ownerAuth() {
        return DeskClient.tokenAuth(OWNER_EMAIL, issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY));
    }

    protected List<Map<String, Object>> auditEntries(String event) {
        return jdbc.sql("SELECT * FROM audit_logs WHERE event = :event ORDER BY id")
                .param("event", event)
                .query()
                .listOfRows();
    }

    @AfterAll
    void noIssuedSecretLeaked() {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')
                """).query(String.class).list();
        assertThat(tables.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)))
                .as("tables of the test database")
                .contains("api_tokens", "audit_logs", "users");
        List<String> stored = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("SELECT * FROM \"" + table + "\"")
                    .query()
                    .listOfRows()
                    .forEach(
                            row -> row.values().stream().filter(v -> v != null).forEach(v -> stored.add(v.toString())));
        }
        String output = SecretLedger.output();
        List<String> errorBodies = SecretLedger.errorBodies();
        assertThat(SecretLedger.secrets()).as("issued secrets").isNotEmpty();
        for (String secret : SecretLedger.secrets()) {
            assertThat(output).as("console output and logs").doesNotContain(secret);
            assertThat(errorBodies).as("error bodies").noneMatch(body -> body.contains(secret));
            assertThat(stored).as("database contents").noneMatch(value -> value.contains(secret));
        }
    }

    private static String randomPepper() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
