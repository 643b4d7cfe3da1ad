package io.deskbridge.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.sync.cli.CliRunner.Result;
import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskExports;
import io.deskbridge.sync.support.DeskProcess;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The CLI's walk-through against a real sync and a real desk (its own, in a separate JVM, on the
 * sandbox clock so exports serve changes older than 2 s): add a connection with a request link, hand
 * the token over through it, sync a stream with {@code --follow}, read {@code status}.
 */
// Runs once, in the H2 pass: the CLI talks to sync's API; the database behind it adds nothing
// (issue 16, suite time).
@Tag("h2-only")
class CliSyncIntegrationTests extends SyncIntegrationTest {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/handover/([A-Za-z0-9_-]{43}))");
    private static final int ORGANIZATIONS = 3;

    private DeskProcess desk;
    private DeskAdmin.IssuedDeskToken token;

    @BeforeAll
    void startDesk() throws Exception {
        desk = DeskProcess.start(Map.of("desk.rate-limit.enforce", "false"));
        DeskAdmin admin = desk.admin();
        admin.apiAccess(true, false);
        admin.plan("enterprise", true);
        token = admin.createToken();
        for (int i = 1; i <= ORGANIZATIONS; i++) {
            deskPost("/api/v2/organizations.json", "{\"organization\":{\"name\":\"CLI org " + i + "\"}}");
        }
        // The sandbox clock's export freshness window is 2 s: wait until desk's export serves every
        // organization that desk lists, not for a fixed time.
        DeskExports exports = new DeskExports(desk.baseUrl(), DeskProcess.ADMIN_EMAIL, token.value());
        long listed = deskOrganizationCount();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> exports.all().get("organizations").size() >= listed);
    }

    @AfterAll
    void stopDesk() {
        if (desk != null) {
            desk.close();
        }
    }

    private void deskPost(String path, String body) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((DeskProcess.ADMIN_EMAIL + "/token:" + token.value()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(desk.baseUrl() + path))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private long deskOrganizationCount() throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((DeskProcess.ADMIN_EMAIL + "/token:" + token.value()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(desk.baseUrl() + "/api/v2/organizations.json"))
                                .header("Authorization", "Basic " + basic)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode json = Json.MAPPER.readTree(response.body());
        return json.get("organizations").size();
    }

    @Test
    void shouldHandOverTestSyncAStreamWithFollowAndShowItInStatus() throws Exception {
        CliRunner cli = CliRunner.against(baseUrl(), OPERATOR_EMAIL, OPERATOR_PASSWORD);
        Result added = cli.run("connections", "add", "--name", "Desk", "--address", desk.baseUrl(), "--request-link");
        assertThat(added.exit()).as(added.toString()).isZero();
        long id = Long.parseLong(added.out().replaceFirst("(?s)^Created connection (\\d+) .*", "$1"));
        Matcher link = LINK.matcher(added.out());
        assertThat(link.find()).as(added.toString()).isTrue();
        SecretLedger.issued(link.group(2));
        String path = link.group(1).substring(baseUrl().length());
        SyncClient browser = SyncClient.browser(baseUrl());
        Response page = browser.get(path);
        Response submitted = browser.form(
                path,
                Map.of(
                        "_csrf",
                        SyncClient.csrfFrom(page.body()),
                        "email",
                        DeskProcess.ADMIN_EMAIL,
                        "api_token",
                        token.value()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

        Result test = cli.run("connections", "test", String.valueOf(id));

        assertThat(test.exit()).as(test.toString()).isZero();
        List<String> lines = test.out().lines().toList();
        assertThat(lines.get(0)).matches("Diagnostics of connection " + id + " at \\S+Z");
        assertThat(lines.subList(1, lines.size() - 1))
                .isNotEmpty()
                .allMatch(line -> line.matches("(PASS|WARN|SKIP)  \\S.*"));
        assertThat(lines.get(lines.size() - 1)).matches("Verdict: (PASS|WARN)");

        Result run = cli.run("sync", "run", String.valueOf(id), "--stream", "organizations", "--follow");

        assertThat(run.exit()).as(run.toString() + desk.log()).isZero();
        long organizations = deskOrganizationCount();
        assertThat(organizations).isGreaterThanOrEqualTo(ORGANIZATIONS);
        assertThat(run.out())
                .matches("organizations succeeded: " + organizations + " records, \\d+ pages, \\d+ requests, "
                        + "0 rate-limited, waited \\S+ \\(run \\d+\\)\n");
        assertThat(run.err().lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("organizations 100% [====================] ")
                        .contains(String.format(Locale.ROOT, "%,d/%,d records", organizations, organizations))
                        .endsWith("succeeded"));

        Result status = cli.run("status");

        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.out().lines())
                .anyMatch(line -> line.matches(id + " Desk +organizations +\\S+ +" + organizations + " +\\S+ +-"));
    }

    @Test
    void shouldPrintTheRefusalOfAnUnknownStream() {
        long id = newConnection().id();

        Result result = CliRunner.against(baseUrl(), OPERATOR_EMAIL, OPERATOR_PASSWORD)
                .run("sync", "run", String.valueOf(id), "--stream", "tickets,tikets");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("sync answered 422: RecordInvalid: Record validation errors\n"
                        + "  streams: Streams: \"tikets\" is not a stream; the streams are tickets, users, "
                        + "organizations, ticket_comments\n");
    }
}
