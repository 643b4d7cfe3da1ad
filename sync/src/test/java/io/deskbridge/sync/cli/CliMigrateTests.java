package io.deskbridge.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.cli.CliRunner.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code sync-cli migrate}: against a fake sync serving the migration assistant's JSON. */
class CliMigrateTests {

    private static final String SECRET = "client-secret-fake-0815";

    private static final String RISK = """
            {"connection_id":7,"connection_name":"Acme","address":"https://acme.zendesk.com","zendesk_cloud":true,
             "token_email":"admin@acme.test","tokens_stop_on":"2027-04-30","days_to_cutoff":144,"token_id":null,
             "token_last_used_at":null,"idle_deactivation_at":null,"days_to_idle_deactivation":null,
             "token_expires_at":null,"days_to_token_expiry":null,"days_left":144,"level":"low",
             "notes":["Zendesk turns off every API token on 2027-04-30 (in 144 days)."],
             "steps":["Open Admin Center → Apps and integrations → APIs → OAuth clients."],
             "oauth_clients_url":"https://acme.zendesk.com/admin/apps-integrations/apis/zendesk-api/oauth_clients",
             "api_token_url":"https://acme.zendesk.com/admin/apps-integrations/apis/zendesk-api/settings/tokens"}
            """;

    private FakeSync sync;
    private CliRunner cli;

    @BeforeEach
    void start() throws Exception {
        sync = new FakeSync();
        cli = CliRunner.against(sync.url(), "ops@example.test", "fake-sync-password-4711");
    }

    @AfterEach
    void stop() {
        sync.close();
    }

    @Test
    void shouldListTheTokenConnectionsWithTheirDeadlines() {
        sync.on("GET", "/api/oauth-migration", 200, "{\"risks\":[" + RISK + "]}");

        Result result = cli.run("migrate", "list");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("CONNECTION", "RISK", "DAYS LEFT", "CUT-OFF")
                .contains("7 Acme")
                .contains("2027-04-30 (144 d)");
    }

    @Test
    void shouldSwitchWithTheSecretFromThePromptAndPrintTheReminder() {
        sync.on("POST", "/api/connections/7/oauth-migration", 200, """
                {"migration":{"connection_id":7,"credential_version":3,"authenticated_as":"the same user as the token (admin@acme.test)",
                 "access_token_expires_at":"2026-12-07T16:00:00Z","renewal":"client_credentials",
                 "reminder":"The connection now uses OAuth. Delete the old API token in Admin Center → Apps and integrations → APIs → API tokens: https://acme.zendesk.com/admin/apps-integrations/apis/zendesk-api/settings/tokens",
                 "api_token_url":"https://acme.zendesk.com/admin/apps-integrations/apis/zendesk-api/settings/tokens"}}
                """);

        Result result = cli.withPrompt(prompt -> SECRET.toCharArray())
                .run("migrate", "switch", "7", "--client-id", "deskbridge_sync");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(sync.requests("POST", "/api/connections/7/oauth-migration")
                        .get(0)
                        .body())
                .isEqualTo("{\"oauth\":{\"client_id\":\"deskbridge_sync\",\"client_secret\":\"" + SECRET
                        + "\",\"access_token\":null,\"refresh_token\":null,\"expires_in\":null}}");
        assertThat(result.out())
                .startsWith("Connection 7 now uses OAuth (credential version 3, authenticated as the same user as "
                        + "the token (admin@acme.test); renewed by client credentials).")
                .contains("Delete the old API token")
                .doesNotContain(SECRET);
        assertThat(result.err()).doesNotContain(SECRET);
    }

    @Test
    void shouldRefuseToSwitchWithoutASecretAndSendNothing() {
        Result result = cli.run("migrate", "switch", "7", "--client-id", "deskbridge_sync");

        assertThat(result.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err())
                .contains("No client secret: set SYNC_OAUTH_CLIENT_SECRET, or run the command in a terminal");
        assertThat(sync.requests()).isEmpty();
    }

    @Test
    void shouldPrintARefusalWithItsReason() {
        sync.on("POST", "/api/connections/7/oauth-migration", 422, """
                {"error":"RecordInvalid","description":"Record validation errors","details":{"oauth":[{"error":"ClientRefused",
                 "description":"The account at https://acme.zendesk.com refused the OAuth client \\"x\\" (HTTP 401 invalid_client)."}]}}
                """);

        Result result =
                cli.withPrompt(prompt -> SECRET.toCharArray()).run("migrate", "switch", "7", "--client-id", "x");

        assertThat(result.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("sync answered 422").contains("(HTTP 401 invalid_client)");
    }
}
