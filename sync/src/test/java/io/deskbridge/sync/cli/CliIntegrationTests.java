package io.deskbridge.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.cli.CliRunner.Result;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.ConnectionState;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The CLI, in this JVM with captured output, against a real sync over HTTP. */
class CliIntegrationTests extends SyncIntegrationTest {

    private static final Pattern CREATED = Pattern.compile("Created connection (\\d+) ");
    private static final Pattern LINK = Pattern.compile("(http://\\S+/handover/([A-Za-z0-9_-]{43}))");

    private final List<String> printed = new ArrayList<>();
    private CliRunner cli;

    @BeforeEach
    void cli() {
        cli = CliRunner.against(baseUrl(), OPERATOR_EMAIL, OPERATOR_PASSWORD);
    }

    private Result run(String... args) {
        Result result = cli.run(args);
        printed.add(result.out());
        printed.add(result.err());
        return result;
    }

    private static String subdomain() {
        return "acme-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long createdId(Result result) {
        Matcher m = CREATED.matcher(result.out());
        assertThat(m.find()).as(result.toString()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The link's URL from the CLI's output; its token is a secret for the leak scan. */
    private static String linkUrl(Result result) {
        Matcher m = LINK.matcher(result.out());
        assertThat(m.find()).as(result.toString()).isTrue();
        SecretLedger.issued(m.group(2));
        return m.group(1);
    }

    @AfterAll
    void neverPrintedThePassword() {
        assertThat(printed).isNotEmpty().noneMatch(text -> text.contains(OPERATOR_PASSWORD));
    }

    @Nested
    class Connections {

        @Test
        void shouldAddAConnectionAndListIt() {
            String subdomain = subdomain();

            Result added = run("connections", "add", "--name", "Acme CLI", "--address", subdomain);

            assertThat(added.exit()).as(added.toString()).isZero();
            long id = createdId(added);
            assertThat(added.out())
                    .isEqualTo("Created connection " + id + " \"Acme CLI\" for https://" + subdomain
                            + ".zendesk.com (awaiting_credentials)\n"
                            + "Next: sync-cli request-link create " + id
                            + " and send the link to the Zendesk admin.\n");
            Connection stored = connections.get(id);
            assertThat(stored.name()).isEqualTo("Acme CLI");
            assertThat(stored.address().toString()).isEqualTo("https://" + subdomain + ".zendesk.com");

            Result listed = run("connections", "list");

            assertThat(listed.exit()).isZero();
            assertThat(listed.out().lines().findFirst().orElseThrow())
                    .matches("ID +NAME +ADDRESS +STATE +CREDENTIALS +RECEIVED");
            assertThat(listed.out().lines())
                    .anyMatch(line -> line.matches(
                            id + " +Acme CLI +https://" + subdomain + "\\.zendesk\\.com +awaiting_credentials +- +-"));
        }

        @Test
        void shouldPrintTheConnectionAndTheRequestLinkAsJson() {
            Result added =
                    run("connections", "add", "--name", "Json", "--address", subdomain(), "--request-link", "--json");

            assertThat(added.exit()).as(added.toString()).isZero();
            JsonNode json = Json.MAPPER.readTree(added.out());
            long id = json.get("connection").get("id").asLong();
            String url = json.get("request_link").get("url").asString();
            SecretLedger.issued(url.substring(url.lastIndexOf('/') + 1));
            assertThat(json.get("connection").get("state").asString()).isEqualTo("awaiting_credentials");
            assertThat(json.get("request_link").get("connection_id").asLong()).isEqualTo(id);
            assertThat(json.get("request_link").get("status").asString()).isEqualTo("open");
        }

        @Test
        void shouldPrintTheValidationErrorAndCreateNothing() {
            long before = connections.list().size();

            Result result = run("connections", "add", "--name", "Typo", "--address", "acme zendesk");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err())
                    .startsWith("sync answered 422: RecordInvalid: Record validation errors\n"
                            + "  address: Address: The Zendesk address contains a space; enter one address: ");
            assertThat(connections.list()).hasSize((int) before);
        }

        @Test
        void shouldPrintTheRawErrorBodyWithJson() {
            Result result = run("connections", "add", "--name", " ", "--address", subdomain(), "--json");

            assertThat(result.exit()).isEqualTo(1);
            JsonNode body = Json.MAPPER.readTree(result.out());
            assertThat(body.get("error").asString()).isEqualTo("RecordInvalid");
            assertThat(body.get("details").get("name").get(0).get("description").asString())
                    .isEqualTo("Name: cannot be blank");
        }
    }

    @Nested
    class RequestLinks {

        @Test
        void shouldOfferConnectWithZendeskWithTheSecretFromTheEnvironment() {
            long id = createdId(run("connections", "add", "--name", "OAuth link", "--address", subdomain()));
            String secret = SecretLedger.issued("cli-secret-" + UUID.randomUUID());

            Result created = cli.withEnv("SYNC_OAUTH_CLIENT_SECRET", secret)
                    .run("request-link", "create", String.valueOf(id), "--oauth-client-id", "deskbridge_sync");
            printed.add(created.out());
            printed.add(created.err());

            assertThat(created.exit()).as(created.toString()).isZero();
            linkUrl(created);
            assertThat(created.out())
                    .contains("The page offers Connect with Zendesk for the OAuth client deskbridge_sync.\n");
            assertThat(rows("SELECT client_id, scope FROM request_link_oauth_clients c JOIN request_links l"
                            + " ON l.id = c.request_link_id WHERE l.connection_id = " + id))
                    .singleElement()
                    .satisfies(row -> assertThat(row.values()).containsExactly("deskbridge_sync", "read write"));
            assertThat(rows("SELECT ciphertext FROM request_link_oauth_clients c JOIN request_links l"
                            + " ON l.id = c.request_link_id WHERE l.connection_id = " + id))
                    .singleElement()
                    .satisfies(row -> assertThat(row.values()).doesNotContainNull());
            assertThat(everyStoredValue()).noneMatch(v -> v.contains(secret));
        }

        @Test
        void shouldCreateALinkWhoseUrlWorksExactlyOnce() {
            long id = createdId(run("connections", "add", "--name", "Link", "--address", subdomain()));

            Result created = run("request-link", "create", String.valueOf(id));

            assertThat(created.exit()).as(created.toString()).isZero();
            String url = linkUrl(created);
            assertThat(created.out())
                    .matches("(?s)Request link \\d+ \\(single use, expires \\d{4}-\\d\\d-\\d\\dT[0-9:]+Z\\):\n"
                            + Pattern.quote(url) + "\n"
                            + "Send it to the Zendesk admin; sync shows \"credentials received\" once they used it.\n");
            assertThat(url).startsWith(baseUrl() + "/handover/");
            String path = url.substring(baseUrl().length());
            SyncClient browser = SyncClient.browser(baseUrl());
            Response page = browser.get(path);
            assertThat(page.status()).isEqualTo(200);
            Response submitted = browser.form(
                    path,
                    Map.of(
                            "_csrf", SyncClient.csrfFrom(page.body()),
                            "email", "admin@acme.test",
                            "api_token", newApiToken()));
            assertThat(submitted.status()).isEqualTo(200);
            assertThat(submitted.body()).contains("Credentials received");

            Response again = SyncClient.browser(baseUrl()).get(path);

            assertThat(again.status()).isEqualTo(410);
            assertThat(connections.get(id).state()).isEqualTo(ConnectionState.READY);
            Result listed = run("connections", "list");
            assertThat(listed.out().lines())
                    .anyMatch(line ->
                            line.matches(id + " +Link +\\S+ +ready +api_token admin@acme\\.test \\(v1\\) +\\S+Z"));
        }

        @Test
        void shouldAddWithALinkInOneCommand() {
            Result added = run("connections", "add", "--name", "Both", "--address", subdomain(), "--request-link");

            assertThat(added.exit()).as(added.toString()).isZero();
            String url = linkUrl(added);
            assertThat(SyncClient.browser(baseUrl())
                            .get(url.substring(baseUrl().length()))
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void shouldExitWith1ForAnUnknownConnection() {
            Result result = run("request-link", "create", "987654321");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEqualTo("sync answered 404: RecordNotFound: There is no connection 987654321\n");
        }
    }

    @Nested
    class Diagnostics {

        @Test
        void shouldPrintTheFailedChecklistAndExit1WithoutCredentials() {
            long id = createdId(run("connections", "add", "--name", "Untested", "--address", subdomain()));

            Result result = run("connections", "test", String.valueOf(id));

            assertThat(result.exit()).as(result.toString()).isEqualTo(1);
            List<String> lines = result.out().lines().toList();
            assertThat(lines.get(0)).matches("Diagnostics of connection " + id + " at \\S+Z");
            assertThat(lines)
                    .contains(
                            "FAIL  " + credentialsTitle(id) + ": No credentials received yet. → fix: Create a request "
                                    + "link (Connections → Create request link, or POST /api/connections/" + id
                                    + "/request-links) and send it to the account's Zendesk admin.");
            assertThat(lines.get(lines.size() - 1)).isEqualTo("Verdict: FAIL");
        }

        /** The check's title as sync words it (the diagnostics slice owns the wording). */
        private String credentialsTitle(long id) {
            JsonNode checks = Json.MAPPER
                    .readTree(run("connections", "test", String.valueOf(id), "--json")
                            .out())
                    .get("diagnostics")
                    .get("checks");
            for (JsonNode check : checks) {
                if (check.get("key").asString().equals("credentials")) {
                    return check.get("title").asString();
                }
            }
            throw new AssertionError("no credentials check in " + checks);
        }
    }

    /** A rule made and read back through the real API: the CLI's bodies are the API's records. */
    @Nested
    class Rules {

        private static final Pattern CREATED_RULE = Pattern.compile("Created rule (\\d+) ");
        private static final Pattern SIGNING_SECRET = Pattern.compile("shown this once\\): (\\S+)");

        private long createdRule(Result result) {
            Matcher m = CREATED_RULE.matcher(result.out());
            assertThat(m.find()).as(result.toString()).isTrue();
            Matcher secret = SIGNING_SECRET.matcher(result.out());
            assertThat(secret.find()).as(result.toString()).isTrue();
            SecretLedger.issued(secret.group(1));
            return Long.parseLong(m.group(1));
        }

        @Test
        void shouldAddFromOptionsAndFromAFileAndListBoth(@TempDir Path dir) throws Exception {
            long connection = newConnection().id();

            Result flags = run(
                    "rules",
                    "add",
                    Long.toString(connection),
                    "--title",
                    "Escalate VIPs",
                    "--all",
                    "priority is urgent",
                    "--all",
                    "current_tags includes vip",
                    "--action",
                    "group_id=360001",
                    "--action",
                    "add_tags=escalated");
            Path file = dir.resolve("rule.json");
            Files.writeString(file, """
                    {"title": "Solved note", "event": "ticket.solved", "active": false, "position": 9,
                     "conditions": {"any": [{"field": "status", "operator": "changed_to", "value": "solved"}]},
                     "actions": [{"field": "internal_note", "value": "Solved: check the survey"}]}
                    """);
            Result fromFile = run("rules", "add", Long.toString(connection), "--file", file.toString());

            assertThat(flags.exit()).as(flags.toString()).isZero();
            assertThat(fromFile.exit()).as(fromFile.toString()).isZero();
            long first = createdRule(flags);
            long second = createdRule(fromFile);
            assertThat(flags.out())
                    .startsWith("Created rule " + first + " \"Escalate VIPs\" on connection " + connection
                            + " (active, position 1, ticket.updated)\n");
            assertThat(fromFile.out())
                    .startsWith("Created rule " + second + " \"Solved note\" on connection " + connection
                            + " (inactive, position 9, ticket.solved)\n");
            Result listed = run("rules", "list", Long.toString(connection));
            assertThat(listed.exit()).isZero();
            assertThat(listed.out().lines().toList())
                    .hasSize(3)
                    .satisfies(lines ->
                            assertThat(lines.get(0)).matches("ID +POSITION +ACTIVE +EVENT +TITLE +CONDITIONS +ACTIONS"))
                    .satisfies(lines -> assertThat(lines.get(1))
                            .matches(first + " +1 +yes +ticket\\.updated +Escalate VIPs +2 all, 0 any"
                                    + " +group_id=360001, add_tags=escalated"))
                    .satisfies(lines -> assertThat(lines.get(2))
                            .matches(second + " +9 +no +ticket\\.solved +Solved note +0 all, 1 any"
                                    + " +internal_note=Solved: check the survey"));
        }

        @Test
        void shouldDryRunAndReadTheHistoryOfARuleThatHasNotFired() {
            long connection = newConnection().id();
            long rule = createdRule(
                    run("rules", "add", Long.toString(connection), "--title", "Quiet", "--action", "priority=high"));

            Result tested = run("rules", "test", Long.toString(connection), Long.toString(rule), "--days", "2");
            Result history = run("rules", "history", Long.toString(connection), Long.toString(rule));

            assertThat(tested.exit()).as(tested.toString()).isZero();
            assertThat(tested.out())
                    .matches("Dry run of rule " + rule
                            + " over the last 2 days \\(since \\S+Z\\): 0 evaluated, 0 matches\n");
            assertThat(history.exit()).as(history.toString()).isZero();
            assertThat(history.out()).isEqualTo("Rule " + rule + " fired 0 times\n");
        }

        @Test
        void shouldExitWith1AndNameTheWrongPartOfTheRule() {
            long connection = newConnection().id();

            Result refused = run(
                    "rules",
                    "add",
                    Long.toString(connection),
                    "--title",
                    "Typo",
                    "--all",
                    "priority is asap",
                    "--action",
                    "priority=high");

            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err())
                    .contains("conditions.all[0].value for priority is must be one of [low, normal, high, urgent];"
                            + " it is \"asap\"");
            assertThat(run("rules", "list", Long.toString(connection)).out().lines())
                    .hasSize(1);
        }
    }

    @Nested
    class Authentication {

        @Test
        void shouldExitWith1WhenThePasswordIsWrong() {
            long before = connections.list().size();

            Result result = CliRunner.against(baseUrl(), OPERATOR_EMAIL, "not-the-password")
                    .run("connections", "add", "--name", "X", "--address", subdomain());

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err())
                    .isEqualTo("sync answered 401: OperatorSignInFailed: sync refused this operator email and password"
                            + " (HTTP Basic). Check SYNC_OPERATOR_EMAIL and SYNC_OPERATOR_PASSWORD; a lost password is"
                            + " reset on the sync server with reset-operator-password.\n");
            assertThat(connections.list()).hasSize((int) before);
        }

        @Test
        void shouldUseThePromptedPassword() {
            Result result = CliRunner.against(baseUrl(), OPERATOR_EMAIL, null)
                    .withPrompt(prompt -> OPERATOR_PASSWORD.toCharArray())
                    .run("connections", "list", "--json");
            printed.add(result.out());

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(Json.MAPPER.readTree(result.out()).get("connections").isArray())
                    .isTrue();
        }
    }
}
