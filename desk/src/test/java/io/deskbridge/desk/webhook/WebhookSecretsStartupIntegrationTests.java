package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.deskbridge.desk.DeskApplication;
import io.deskbridge.desk.secret.SecretBox;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The secrets keyset is checked when desk starts, and a wrong one stops desk with a message naming
 * {@code desk.secrets.keyset}. These tests start desks of their own, so they do not share the
 * integration-test desk.
 */
class WebhookSecretsStartupIntegrationTests {

    private static final String PROPERTY = "desk.secrets.keyset (DESK_SECRETS_KEYSET)";

    private static ConfigurableApplicationContext start(Map<String, String> database, Path dataDir, String... extra) {
        List<String> args = new ArrayList<>();
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--desk.data-dir=" + dataDir);
        args.add("--desk.admin.email=" + DeskIntegrationTest.OWNER_EMAIL);
        args.add("--desk.admin.password=" + DeskIntegrationTest.OWNER_PASSWORD);
        args.add("--desk.tokens.pepper=" + DeskIntegrationTest.PEPPER);
        args.add("--server.port=0");
        args.add("--spring.datasource.hikari.maximum-pool-size=3");
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(DeskApplication.class).run(args.toArray(String[]::new));
    }

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseAKeysetGivenAsRawJson() throws Exception {
        String json = SecretBox.newKeysetJson();
        assertThatThrownBy(() -> start(
                        TestDatabase.fresh(),
                        Files.createTempDirectory("desk-keyset-"),
                        "--desk.secrets.keyset=" + json))
                .hasStackTraceContaining(PROPERTY
                        + " must be base64 of a Tink JSON keyset; it looks like raw JSON (encode it with: base64 -w0"
                        + " keyset.json)");
    }

    @Test
    void shouldRefuseAKeysetWhosePrimaryKeyIsNotAes256Gcm() throws Exception {
        AeadConfig.register();
        String aes128 = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES128_GCM), InsecureSecretKeyAccess.get());
        Map<String, String> database = TestDatabase.fresh();
        Path dataDir = Files.createTempDirectory("desk-keyset-");
        assertThatThrownBy(() -> start(database, dataDir, "--desk.secrets.keyset=" + base64(aes128)))
                .hasStackTraceContaining(PROPERTY + ": the primary key must be AES-256-GCM (Tink AES256_GCM)");
    }

    @Test
    void shouldGenerateAnOwnerOnlyKeysetAndRefuseAnotherKeysetOnTheSameDatabase() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        Path dataDir = Files.createTempDirectory("desk-keyset-");
        try (ConfigurableApplicationContext first = start(database, dataDir)) {
            Path keyset = dataDir.resolve("secrets-keyset.json");
            assertThat(keyset).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset)))
                    .isEqualTo("rw-------");
        }

        String other = base64(SecretBox.newKeysetJson());
        assertThatThrownBy(() -> start(database, dataDir, "--desk.secrets.keyset=" + other))
                .hasStackTraceContaining(PROPERTY
                        + " cannot open the secrets this database already holds: they were sealed under another keyset."
                        + " Every desk instance sharing a database must use the same keyset");

        try (ConfigurableApplicationContext again = start(database, dataDir)) {
            assertThat(again.isActive()).isTrue();
        }
    }
}
