package io.deskbridge.sync.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Which database the integration tests run on: {@code -Dsync.test.database=h2|postgres} (the build
 * runs every integration test once with each). PostgreSQL tests get a fresh schema per Spring context
 * in the local server ({@code SYNC_TEST_POSTGRES_URL}, default 127.0.0.1:5432/test, trust auth).
 * When PostgreSQL is unreachable they FAIL under {@code CI=true}; elsewhere they are skipped with a
 * message saying how to start it.
 */
public final class TestDatabase {

    public static final String POSTGRES_URL =
            System.getenv().getOrDefault("SYNC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("SYNC_TEST_POSTGRES_USER", "postgres");

    private TestDatabase() {}

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("sync.test.database", "h2"));
    }

    /** Spring properties for a brand-new, empty database. */
    public static Map<String, String> fresh() {
        String name = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        if (!isPostgres()) {
            return Map.of(
                    "spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "");
        }
        requirePostgres();
        return Map.of(
                "spring.datasource.url",
                POSTGRES_URL + "?currentSchema=" + name,
                "spring.datasource.username",
                POSTGRES_USER,
                "spring.datasource.password",
                "",
                "spring.flyway.schemas",
                name,
                "spring.flyway.create-schemas",
                "true");
    }

    public static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            // reachable
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + POSTGRES_URL + " (" + e.getMessage()
                    + "); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message);
        }
    }
}
