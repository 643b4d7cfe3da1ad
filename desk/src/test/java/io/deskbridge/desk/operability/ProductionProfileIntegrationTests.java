package io.deskbridge.desk.operability;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.DeskApplication;
import io.deskbridge.desk.apiaccess.ApiAccessPolicy;
import io.deskbridge.desk.apiaccess.ApiAccessUpdate;
import io.deskbridge.desk.apitoken.ApiTokens;
import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.IssuedToken;
import io.deskbridge.desk.apitoken.NewApiToken;
import io.deskbridge.desk.apitoken.TokenHasher;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.cluster.ChangeEpoch;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.support.TestDatabase;
import io.deskbridge.desk.user.Users;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * desk started with {@code --spring.profiles.active=production} behind a (simulated) TLS proxy on
 * loopback: forwarded https makes requests secure (HSTS, Secure cookies), the data directory is
 * created owner-only, and a token hashed under the previous pepper is rehashed to the current one on
 * its first use. A desk of its own (started and stopped here), since the profile changes the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionProfileIntegrationTests {

    private static final String OWNER_EMAIL = "production-owner@deskbridge.test";
    private static final String OWNER_PASSWORD = SecretLedger.issued("Owner-" + UUID.randomUUID());
    private static final String OLD_PEPPER = SecretLedger.issued(randomPepper());
    private static final String PEPPER = SecretLedger.issued(randomPepper());

    static {
        SecretLedger.install();
    }

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Path root;
    private Path dataDir;
    private ConfigurableApplicationContext desk;
    private String base;

    @BeforeAll
    void startDeskInProduction() throws Exception {
        root = Files.createTempDirectory("desk-production-");
        dataDir = root.resolve("data");
        List<String> args = new ArrayList<>();
        TestDatabase.fresh().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--desk.data-dir=" + dataDir,
                "--desk.admin.email=" + OWNER_EMAIL,
                "--desk.admin.password=" + OWNER_PASSWORD,
                "--desk.tokens.pepper=" + PEPPER,
                "--desk.tokens.pepper-version=2",
                "--desk.tokens.previous-peppers.1=" + OLD_PEPPER,
                "--spring.datasource.hikari.maximum-pool-size=3"));
        desk = new SpringApplicationBuilder(DeskApplication.class)
                .profiles("production")
                .run(args.toArray(String[]::new));
        base = "http://127.0.0.1:" + desk.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    void stopDesk() {
        if (desk != null) {
            desk.close();
        }
        FileSystemUtils.deleteRecursively(root.toFile());
    }

    @Test
    void shouldCreateTheDataDirectoryOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secrets-keyset.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldSendHstsAndSecureCookiesWhenTheProxySaysHttps() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.7")
                .GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(
                        v -> assertThat(v).startsWith("max-age=31536000").contains("includeSubDomains"));
        String csrfCookie = cookie(page, "DESK_XSRF");
        assertThat(csrfCookie).contains("; Secure");

        String form = "email=" + URLEncoder.encode(OWNER_EMAIL, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(OWNER_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(DeskClient.csrfFrom(page.body()), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-Proto", "https")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        assertThat(cookie(signIn, "DESK_SESSION")).contains("; Secure").contains("; HttpOnly");
    }

    @Test
    void shouldSendNoHstsOverPlainHttp() throws Exception {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void shouldRehashATokenOfThePreviousPepperToTheCurrentOneOnUse() throws Exception {
        desk.getBean(ApiAccessPolicy.class).update(Actor.system(), ApiAccessUpdate.switches(true, false));
        Users users = desk.getBean(Users.class);
        long ownerId = users.findByEmail(OWNER_EMAIL).orElseThrow().id();
        IssuedToken issued = desk.getBean(ApiTokens.class)
                .create(
                        Actor.system(),
                        ownerId,
                        new NewApiToken(
                                "from before the pepper change",
                                TokenScope.FULL,
                                AuthenticatesAs.OWNER_ONLY,
                                Instant.now().plus(Duration.ofDays(30)),
                                false));
        String value = SecretLedger.issued(issued.value());
        JdbcClient jdbc = desk.getBean(JdbcClient.class);
        String oldHash = TokenHasher.of(Base64.getDecoder().decode(OLD_PEPPER)).hash(value);
        // As an older desk stored it: hashed under pepper version 1. Every cache forgets it.
        desk.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            jdbc.sql("UPDATE api_tokens SET token_hash = :hash, pepper_version = 1 WHERE id = :id")
                    .param("hash", oldHash)
                    .param("id", issued.token().id())
                    .update();
            desk.getBean(ChangeEpoch.class).bump();
        });
        String auth = DeskClient.tokenAuth(OWNER_EMAIL, value);
        DeskClient api = DeskClient.stateless(base);

        assertThat(api.get("/api/v2/users/me", auth).status()).isEqualTo(200);

        Map<String, Object> row = jdbc.sql("SELECT token_hash, pepper_version FROM api_tokens WHERE id = :id")
                .param("id", issued.token().id())
                .query()
                .singleRow();
        assertThat(row.get("pepper_version")).isEqualTo(2);
        assertThat(row.get("token_hash"))
                .isEqualTo(desk.getBean(TokenHasher.class).hash(value))
                .isNotEqualTo(oldHash);
        assertThat(api.get("/api/v2/users/me", auth).status()).isEqualTo(200);
        String metrics = DeskClient.stateless(
                        "http://127.0.0.1:" + desk.getEnvironment().getProperty("local.management.port"))
                .get("/actuator/prometheus", null)
                .body();
        assertThat(metrics).containsPattern("(?m)^desk_api_tokens_rehashes_total(\\{[^}]*\\})? 1\\.0$");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "No " + name + " cookie in " + response.headers().allValues("Set-Cookie")));
    }

    private static String randomPepper() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
