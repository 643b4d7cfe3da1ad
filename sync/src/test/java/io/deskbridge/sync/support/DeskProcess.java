package io.deskbridge.sync.support;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * desk as the Zendesk on the other side: its runnable jar ({@code -Ddesk.jar}, set by the build) in a
 * separate JVM on a random port, on the database the test run uses (a fresh PostgreSQL schema, or an
 * H2 file opened with {@code AUTO_SERVER=TRUE} so that tests may load bulk data into it over JDBC
 * while desk runs). The admin's password and the token pepper go to desk through its environment,
 * never its command line, and are registered with the leak scan.
 *
 * <p>{@link #shared()} is one desk per test JVM for tests that only need some desk, with desk's test
 * double on (see {@link #faults()}); tests that change
 * the plan or the API access settings in ways others must not see start their own.
 */
public final class DeskProcess implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@desk.test";
    public static final String ADMIN_PASSWORD = SecretLedger.issued("Desk-" + UUID.randomUUID());
    private static final String PEPPER = SecretLedger.issued(randomPepper());

    /** desk's test-double switch (issue 15): its {@code /_desk/} API and fault injection. */
    public static final String TEST_DOUBLE = "desk.test-double.enabled";
    /** The key of {@code /_desk/} on desks started with {@link #TEST_DOUBLE}; through the environment. */
    static final String TEST_DOUBLE_KEY = SecretLedger.issued("td-" + UUID.randomUUID() + UUID.randomUUID());

    private static DeskProcess shared;

    private final BootJarProcess jvm;

    private DeskProcess(Map<String, String> properties) {
        Map<String, String> arguments = new LinkedHashMap<>(properties);
        arguments.put("desk.admin.email", ADMIN_EMAIL);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("DESK_TOKEN_PEPPER", PEPPER);
        if ("true".equals(properties.get(TEST_DOUBLE))) {
            environment.put("DESK_TEST_DOUBLE_KEY", TEST_DOUBLE_KEY);
        }
        this.jvm = new BootJarProcess(
                "desk",
                "desk.jar",
                List.of("-Xmx512m", "-XX:+UseSerialGC"),
                arguments,
                environment,
                Duration.ofSeconds(240));
    }

    /**
     * A new desk, started and answering. {@code properties} are extra Spring properties (for example
     * {@code desk.rate-limit.enforce=false}).
     */
    public static DeskProcess start(Map<String, String> properties) {
        DeskProcess desk = new DeskProcess(properties);
        desk.jvm.launch();
        return desk;
    }

    /** One desk for this test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized DeskProcess shared() {
        if (shared == null) {
            // Test double on: tests inject faults into the shared desk instead of building proxies.
            // Nothing else changes: without a fault, every request is served as before.
            // Failed-authentication budgets out of reach, as desk's own test base sets them: one test's
            // refused tokens must not lock 127.0.0.1 out of the shared desk for the next tests.
            shared = start(Map.of(
                    TEST_DOUBLE,
                    "true",
                    "desk.auth.failed-attempts-per-minute",
                    "100000",
                    "desk.auth.failed-attempts-per-minute-per-account",
                    "100000"));
            DeskProcess stopping = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stopping::close, "stop-shared-desk"));
        }
        return shared;
    }

    public String baseUrl() {
        return jvm.baseUrl();
    }

    public int port() {
        return jvm.port();
    }

    /** desk's own database, for tests that load bulk data or read desk's rows. */
    public String jdbcUrl() {
        return jvm.jdbcUrl();
    }

    public String jdbcUser() {
        return jvm.jdbcUser();
    }

    /** desk's fault injection ({@code /_desk/faults}); only on a desk started with {@link #TEST_DOUBLE}. */
    public DeskFaults faults() {
        return new DeskFaults(new TestDoubleCalls(baseUrl(), TEST_DOUBLE_KEY));
    }

    /** desk's clock ({@code /_desk/clock}); only on a desk started with {@link #TEST_DOUBLE}. */
    public DeskClock clock() {
        return new DeskClock(new TestDoubleCalls(baseUrl(), TEST_DOUBLE_KEY));
    }

    /** The admin, signed in over desk's Admin Center session (cookies + CSRF), for setting desk up. */
    public DeskAdmin admin() {
        return DeskAdmin.signIn(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** SIGKILL, then the same desk (data, port) started again. */
    public void restart() {
        jvm.kill();
        jvm.launch();
    }

    /** SIGKILL: no shutdown hooks run. */
    public void kill() {
        jvm.kill();
    }

    /** The console output so far (for assertion messages and the leak scan). */
    public String log() {
        return jvm.log();
    }

    @Override
    public void close() {
        jvm.close();
    }

    private static String randomPepper() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
