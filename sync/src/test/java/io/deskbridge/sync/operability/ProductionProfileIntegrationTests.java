package io.deskbridge.sync.operability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.sync.SyncApplication;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * sync started with {@code --spring.profiles.active=production}: it refuses to start without
 * {@code SYNC_PUBLIC_URL}, and with it serves HSTS and Secure cookies to requests a TLS proxy
 * forwards, with its data directory created owner-only. Syncs of their own, started and stopped here.
 */
class ProductionProfileIntegrationTests {

    static {
        SecretLedger.install();
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>();
        TestDatabase.fresh().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--sync.data-dir=" + dataDir);
        args.add("--server.port=0");
        args.add("--management.server.port=0");
        args.add("--spring.datasource.hikari.maximum-pool-size=3");
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(SyncApplication.class)
                .profiles("production")
                .run(args.toArray(String[]::new));
    }

    @Test
    void shouldRefuseToStartWithoutThePublicUrlNamingIt() throws Exception {
        Path root = Files.createTempDirectory("sync-production-");
        try {
            assertThatThrownBy(() -> start(root.resolve("data"), "--sync.handover.public-url="))
                    .hasStackTraceContaining("sync.handover.public-url (SYNC_PUBLIC_URL) is required in the production"
                            + " profile: request links are built on it, never on a request's Host header");
        } finally {
            FileSystemUtils.deleteRecursively(root.toFile());
        }
    }

    @Test
    void shouldServeHstsAndSecureCookiesBehindATlsProxyWithAnOwnerOnlyDataDirectory() throws Exception {
        Path root = Files.createTempDirectory("sync-production-");
        Path dataDir = root.resolve("data");
        try (ConfigurableApplicationContext sync =
                start(dataDir, "--sync.handover.public-url=https://sync.example.test")) {
            String base = "http://127.0.0.1:" + sync.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> secure = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("X-Forwarded-Proto", "https")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> plain = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(secure.statusCode()).isEqualTo(200);
            assertThat(secure.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("max-age=31536000"));
            assertThat(secure.headers().allValues("Set-Cookie"))
                    .filteredOn(c -> c.startsWith("SYNC_XSRF="))
                    .singleElement()
                    .satisfies(c -> assertThat(c).contains("; Secure"));
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dataDir.resolve("master-keyset.json"))))
                    .isEqualTo("rw-------");
        } finally {
            FileSystemUtils.deleteRecursively(root.toFile());
        }
    }
}
