package io.deskbridge.sync.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A sync on a random port over real HTTP, on H2 or PostgreSQL ({@link TestDatabase}), with its own
 * data directory (so its own generated master keyset). Subclasses share one running sync, so tests
 * create their own connections. After each test class, every secret the tests issued is searched for
 * in the console output (logs at DEBUG for sync's own packages), the error bodies and every table.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.io.deskbridge.sync=DEBUG")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SyncIntegrationTest {

    public static final String OPERATOR_EMAIL = "operator@deskbridge.test";
    public static final String OPERATOR_PASSWORD = SecretLedger.issued("Operator-" + UUID.randomUUID());

    static {
        SecretLedger.install();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Connections connections;

    @Autowired
    protected Vault vault;

    protected SyncClient api;

    @DynamicPropertySource
    static void syncProperties(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().forEach((key, value) -> registry.add(key, () -> value));
        Path dataDir = Files.createTempDirectory("sync-test-");
        registry.add("sync.data-dir", dataDir::toString);
        registry.add("sync.operator.email", () -> OPERATOR_EMAIL);
        registry.add("sync.operator.password", () -> OPERATOR_PASSWORD);
        // Test contexts are cached and share one PostgreSQL (max_connections 100): keep pools small.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }

    @BeforeEach
    void freshClient() {
        clock.reset();
        api = SyncClient.stateless(baseUrl());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected static String operatorAuth() {
        return SyncClient.basic(OPERATOR_EMAIL, OPERATOR_PASSWORD);
    }

    /** POST /syncs for the connection, then waits (5 minutes at most) until none of its runs is queued or running; every run succeeded. */
    protected void syncAndWait(long connectionId) {
        SyncClient.Response queued =
                api.send("POST", "/api/connections/" + connectionId + "/syncs", operatorAuth(), null);
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        List<Long> ids = new ArrayList<>();
        queued.json().get("runs").forEach(run -> ids.add(run.get("id").asLong()));
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            List<JsonNode> runs = new ArrayList<>();
            for (long id : ids) {
                runs.add(api.get("/api/runs/" + id, operatorAuth()).json().get("run"));
            }
            if (runs.stream()
                    .noneMatch(r ->
                            Set.of("queued", "running").contains(r.get("state").asString()))) {
                assertThat(runs)
                        .allSatisfy(r -> assertThat(r.get("state").asString())
                                .as(r.toString())
                                .isEqualTo("succeeded"));
                return;
            }
            assertThat(System.nanoTime())
                    .as("runs finish within 5 minutes: " + runs)
                    .isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A connection with a unique Zendesk subdomain, created through the facade. */
    protected Connection newConnection() {
        String subdomain = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        return connections.create(new NewConnection("Acme " + subdomain, subdomain), Actor.system());
    }

    /** A value shaped like a Zendesk API token (40 letters and digits), registered as a secret. */
    protected static String newApiToken() {
        return SecretLedger.issued((UUID.randomUUID().toString() + UUID.randomUUID())
                .replace("-", "")
                .substring(0, 40));
    }

    protected List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows();
    }

    /** Every non-null value in every table of the test database, as text. */
    protected List<String> everyStoredValue() {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')
                """).query(String.class).list();
        assertThat(tables.stream().map(t -> t.toLowerCase(Locale.ROOT)))
                .as("tables of the test database")
                .contains("connections", "connection_credentials", "request_links", "audit_log", "operators");
        List<String> stored = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("SELECT * FROM \"" + table + "\"")
                    .query()
                    .listOfRows()
                    .forEach(row -> row.values().stream()
                            .filter(v -> v != null)
                            .forEach(v -> stored.add(v instanceof byte[] b ? new String(b) : v.toString())));
        }
        return stored;
    }

    @AfterAll
    void noIssuedSecretLeaked() {
        List<String> stored = everyStoredValue();
        String output = SecretLedger.output();
        List<String> errorBodies = SecretLedger.errorBodies();
        assertThat(SecretLedger.secrets()).as("issued secrets").isNotEmpty();
        for (String secret : SecretLedger.secrets()) {
            assertThat(output).as("console output and logs").doesNotContain(secret);
            assertThat(errorBodies).as("error bodies").noneMatch(body -> body.contains(secret));
            assertThat(stored).as("database contents").noneMatch(value -> value.contains(secret));
        }
    }
}
