package io.deskbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.sync.operator.OperatorPasswordResetCommand;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.TestDatabase;
import io.deskbridge.sync.vault.Vault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What happens when sync starts: the master keyset is checked (a wrong one stops sync with a message
 * naming the property), and the first start creates the operator. These tests start syncs of their
 * own, so they do not share the integration-test instance.
 */
// Runs once, in the H2 pass: start-up checks (keyset, first operator, banner) do not depend on the
// database; ProductionProfileIntegrationTests starts on PostgreSQL (issue 16, suite time).
@Tag("h2-only")
class StartupIntegrationTests {

    private static final String PROPERTY = "sync.vault.master-key (SYNC_MASTER_KEY)";

    static {
        SecretLedger.install();
    }

    private static ConfigurableApplicationContext start(Map<String, String> database, Path dataDir, String... extra) {
        List<String> args = new ArrayList<>();
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--sync.data-dir=" + dataDir);
        args.add("--server.port=0");
        args.add("--spring.datasource.hikari.maximum-pool-size=3");
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(SyncApplication.class).run(args.toArray(String[]::new));
    }

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class MasterKey {

        @Test
        void shouldRefuseToStartWithAMalformedKeyNamingTheProperty() throws Exception {
            assertThatThrownBy(() -> start(
                            TestDatabase.fresh(),
                            Files.createTempDirectory("sync-key-"),
                            "--sync.vault.master-key=not*base64!"))
                    .hasStackTraceContaining(
                            PROPERTY + " is not valid base64 (it must be base64 of a Tink JSON keyset)");
        }

        @Test
        void shouldRefuseToStartWithSomethingThatIsNotAKeyset() throws Exception {
            assertThatThrownBy(() -> start(
                            TestDatabase.fresh(),
                            Files.createTempDirectory("sync-key-"),
                            "--sync.vault.master-key=" + base64("{\"hello\": \"world\"}")))
                    .hasStackTraceContaining(PROPERTY + " is not a Tink JSON keyset");
        }

        @Test
        void shouldGenerateAnOwnerOnlyKeysetAndRefuseAnotherKeyOnTheSameDatabase() throws Exception {
            Map<String, String> database = TestDatabase.fresh();
            Path dataDir = Files.createTempDirectory("sync-key-");
            try (ConfigurableApplicationContext first = start(database, dataDir)) {
                Path keyset = dataDir.resolve("master-keyset.json");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset)))
                        .isEqualTo("rw-------");
            }

            String other = base64(Vault.newMasterKeysetJson());
            assertThatThrownBy(() -> start(database, dataDir, "--sync.vault.master-key=" + other))
                    .hasStackTraceContaining(PROPERTY
                            + " cannot open the credentials this database already holds: they were sealed under "
                            + "another master keyset");

            try (ConfigurableApplicationContext again = start(database, dataDir)) {
                assertThat(again.isActive()).isTrue();
            }
        }

        @Test
        void shouldUseTheKeyFromThePropertyWithoutWritingAFile() throws Exception {
            Path dataDir = Files.createTempDirectory("sync-key-");
            String key = base64(Vault.newMasterKeysetJson());
            try (ConfigurableApplicationContext sync =
                    start(TestDatabase.fresh(), dataDir, "--sync.vault.master-key=" + key)) {
                assertThat(sync.isActive()).isTrue();
            }
            assertThat(dataDir.resolve("master-keyset.json")).doesNotExist();
        }
    }

    @Nested
    class FirstStart {

        private static final Pattern GENERATED = Pattern.compile(
                "  Operator first@deskbridge\\.test, password (\\S+)  \\(generated; shown only this once\\)");

        @Test
        void shouldCreateTheOperatorAndPrintTheGeneratedPasswordOnlyOnce() throws Exception {
            Map<String, String> database = TestDatabase.fresh();
            Path dataDir = Files.createTempDirectory("sync-first-");
            String before = SecretLedger.output();
            String password;
            try (ConfigurableApplicationContext sync =
                    start(database, dataDir, "--sync.operator.email=first@deskbridge.test")) {
                String printed = SecretLedger.output().substring(before.length());
                Matcher matcher = GENERATED.matcher(printed);
                assertThat(matcher.find()).as(printed).isTrue();
                password = matcher.group(1);
                assertThat(password).hasSize(24);
                assertThat(printed.split(Pattern.quote(password), -1))
                        .as("printed once")
                        .hasSize(2);
                String port = sync.getEnvironment().getProperty("local.server.port");
                SyncClient api = SyncClient.stateless("http://127.0.0.1:" + port);
                assertThat(api.get("/api/connections", SyncClient.basic("first@deskbridge.test", password))
                                .status())
                        .isEqualTo(200);
                JdbcClient jdbc = sync.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT password_hash FROM operators")
                                .query(String.class)
                                .single())
                        .startsWith("{bcrypt}")
                        .doesNotContain(password);
            }

            String beforeRestart = SecretLedger.output();
            try (ConfigurableApplicationContext again =
                    start(database, dataDir, "--sync.operator.email=first@deskbridge.test")) {
                assertThat(SecretLedger.output().substring(beforeRestart.length()))
                        .doesNotContain(password)
                        .doesNotContain("generated; shown only this once");
                assertThat(again.getBean(JdbcClient.class)
                                .sql("SELECT COUNT(*) FROM operators")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1L);
            }
        }

        @Test
        void shouldNotPrintAConfiguredPassword() throws Exception {
            String password = SecretLedger.issued("Configured-" + System.nanoTime());
            String before = SecretLedger.output();
            try (ConfigurableApplicationContext sync = start(
                    TestDatabase.fresh(),
                    Files.createTempDirectory("sync-first-"),
                    "--sync.operator.email=configured@deskbridge.test",
                    "--sync.operator.password=" + password)) {
                assertThat(SecretLedger.output().substring(before.length()))
                        .contains("Operator configured@deskbridge.test, password from SYNC_OPERATOR_PASSWORD")
                        .doesNotContain(password);
            }
        }
    }

    /** Later starts: the same banner, and a word when a password setting is ignored (issue 9, item 3). */
    @Nested
    class LaterStarts {

        @Test
        void shouldPrintTheBannerAgainAndSayThatTheConfiguredPasswordIsIgnored() throws Exception {
            Map<String, String> database = TestDatabase.fresh();
            Path dataDir = Files.createTempDirectory("sync-later-");
            String first = SecretLedger.issued("First-" + System.nanoTime());
            try (ConfigurableApplicationContext sync = start(
                    database,
                    dataDir,
                    "--sync.operator.email=later@deskbridge.test",
                    "--sync.operator.password=" + first)) {
                assertThat(sync.isActive()).isTrue();
            }
            String other = SecretLedger.issued("Other-" + System.nanoTime());
            String before = SecretLedger.output();

            try (ConfigurableApplicationContext sync = start(
                    database,
                    dataDir,
                    "--sync.operator.email=later@deskbridge.test",
                    "--sync.operator.password=" + other)) {
                String printed = SecretLedger.output().substring(before.length());
                String port = sync.getEnvironment().getProperty("local.server.port");
                assertThat(printed)
                        .contains("  Deskbridge sync is ready. Sign in: http://localhost:" + port + "/login\n"
                                + "  Operator later@deskbridge.test, its current password (lost it? run"
                                + " java -jar sync/target/sync-*-exec.jar reset-operator-password)\n")
                        .contains("SYNC_OPERATOR_PASSWORD (sync.operator.password) is set but ignored: the operator"
                                + " already exists. To make it the operator's password, run: java -jar"
                                + " sync/target/sync-*-exec.jar reset-operator-password")
                        .doesNotContain(first)
                        .doesNotContain(other);
            }
        }
    }

    /** {@code reset-operator-password}: the way back for a lost operator password (issue 9, item 3). */
    @Nested
    class ResetOperatorPassword {

        private static int reset(
                Map<String, String> database, Path dataDir, ByteArrayOutputStream console, String... extra) {
            List<String> options = new ArrayList<>();
            database.forEach((key, value) -> options.add("--" + key + "=" + value));
            options.add("--sync.data-dir=" + dataDir);
            options.add("--spring.datasource.hikari.maximum-pool-size=2");
            options.addAll(List.of(extra));
            return OperatorPasswordResetCommand.runWith(
                    SyncApplication.class,
                    options.toArray(String[]::new),
                    new PrintStream(console, true, StandardCharsets.UTF_8));
        }

        @Test
        void shouldSetAGeneratedPasswordPrintItOnceAndAuditTheReset() throws Exception {
            Map<String, String> database = TestDatabase.fresh();
            Path dataDir = Files.createTempDirectory("sync-reset-");
            String lost = SecretLedger.issued("Lost-" + System.nanoTime());
            try (ConfigurableApplicationContext sync = start(
                    database,
                    dataDir,
                    "--sync.operator.email=reset@deskbridge.test",
                    "--sync.operator.password=" + lost)) {
                assertThat(sync.isActive()).isTrue();
            }
            ByteArrayOutputStream console = new ByteArrayOutputStream();

            int exit = reset(database, dataDir, console, "--sync.operator.email=reset@deskbridge.test");

            String printed = console.toString(StandardCharsets.UTF_8);
            Matcher matcher = Pattern.compile("  The operator's password was reset\\.\n"
                            + "  Sign in as reset@deskbridge\\.test with password (\\S+)  \\(generated; shown only"
                            + " this once\\)\n")
                    .matcher(printed);
            assertThat(exit).as(printed).isZero();
            assertThat(matcher.find()).as(printed).isTrue();
            String password = SecretLedger.issued(matcher.group(1));
            assertThat(password).hasSize(24).doesNotStartWith("-");
            try (ConfigurableApplicationContext sync = start(database, dataDir)) {
                SyncClient api = SyncClient.stateless(
                        "http://127.0.0.1:" + sync.getEnvironment().getProperty("local.server.port"));
                assertThat(api.get("/api/connections", SyncClient.basic("reset@deskbridge.test", lost))
                                .status())
                        .isEqualTo(401);
                assertThat(api.get("/api/connections", SyncClient.basic("reset@deskbridge.test", password))
                                .status())
                        .isEqualTo(200);
                assertThat(sync.getBean(JdbcClient.class)
                                .sql("SELECT actor_type, actor, description FROM audit_log"
                                        + " WHERE event = 'operator.password_reset'")
                                .query((rs, n) -> rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3))
                                .list())
                        .containsExactly("system | Command line: reset-operator-password (OS user "
                                + System.getProperty("user.name")
                                + ") | Reset the password of the operator reset@deskbridge.test from the command line");
            }
        }

        @Test
        void shouldTakeThePasswordFromSyncOperatorPasswordWithoutPrintingIt() throws Exception {
            Map<String, String> database = TestDatabase.fresh();
            Path dataDir = Files.createTempDirectory("sync-reset-");
            try (ConfigurableApplicationContext sync =
                    start(database, dataDir, "--sync.operator.email=chosen@deskbridge.test")) {
                assertThat(sync.isActive()).isTrue();
            }
            String chosen = SecretLedger.issued("Chosen-" + System.nanoTime());
            ByteArrayOutputStream console = new ByteArrayOutputStream();

            int exit = reset(database, dataDir, console, "--sync.operator.password=" + chosen);

            assertThat(exit).isZero();
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .isEqualTo("\n  The operator's password was reset.\n"
                            + "  Sign in as chosen@deskbridge.test with the password in SYNC_OPERATOR_PASSWORD\n\n");
        }

        @Test
        void shouldRefuseAWeakSyncOperatorPasswordAndKeepTheOldOne() throws Exception {
            Map<String, String> database = TestDatabase.fresh();
            Path dataDir = Files.createTempDirectory("sync-reset-");
            try (ConfigurableApplicationContext sync = start(database, dataDir)) {
                assertThat(sync.isActive()).isTrue();
            }
            ByteArrayOutputStream console = new ByteArrayOutputStream();

            int exit = reset(database, dataDir, console, "--sync.operator.password=short");

            assertThat(exit).isEqualTo(1);
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .isEqualTo("reset-operator-password: SYNC_OPERATOR_PASSWORD is not accepted: The new password must"
                            + " have at least 12 characters. Unset it to get a generated one.\n");
        }

        @Test
        void shouldExitWith1OnADatabaseWithoutAnOperator() throws Exception {
            ByteArrayOutputStream console = new ByteArrayOutputStream();

            int exit = reset(TestDatabase.fresh(), Files.createTempDirectory("sync-reset-"), console);

            assertThat(exit).isEqualTo(1);
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .startsWith("reset-operator-password: this database has no operator yet; start sync once to"
                            + " create one (database jdbc:");
        }
    }
}
