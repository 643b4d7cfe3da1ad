package io.deskbridge.sync.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskProcess;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import io.deskbridge.sync.zendesk.RateLimits;
import io.deskbridge.sync.zendesk.ZendeskHttp;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A desk on the Team plan (200 requests a minute) whose minute is nearly spent by another client:
 * diagnostics must say so, with the reset, and spend no more than its few requests. Its own desk,
 * because the spent budget would disturb every other test using it this minute.
 */
// Runs once, in the H2 pass: the rate-limit diagnosis is about desk's answers, not sync's database
// (issue 16, suite time).
@Tag("h2-only")
class DiagnosticsRateLimitIntegrationTests extends SyncIntegrationTest {

    /** Left for diagnostics: its users/me and four probes leave 11, under 10 % of 200. */
    private static final int LEAVE = 16;

    private DeskProcess desk;
    private DeskAdmin admin;

    @Autowired
    private ZendeskHttp http;

    @BeforeAll
    void startDesk() {
        desk = DeskProcess.start(Map.of(DeskProcess.TEST_DOUBLE, "true"));
        admin = desk.admin();
        admin.apiAccess(true, false);
        admin.plan("team", false);
    }

    @AfterAll
    void stopDesk() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void shouldWarnThatTheMinutesBudgetIsNearlySpentAndWhenItResets() {
        ApiTokenCredential credential = new ApiTokenCredential(
                DeskProcess.ADMIN_EMAIL, admin.createToken().value());
        Connection connection = connections.receiveCredential(
                connections
                        .create(new NewConnection("Team plan desk", desk.baseUrl()), Actor.system())
                        .id(),
                credential,
                new CredentialSource("the rate-limit test", null),
                Actor.system());
        ZendeskAddress address = ZendeskAddress.ofBaseUrl(desk.baseUrl());
        // desk refills at the minute of its clock: move that to a second into its next minute (instead of
        // waiting for one), so the spending and the run land in the same window.
        desk.clock().alignToNextMinute(Duration.ofSeconds(1));
        RateLimits.Window window;
        int spent = 0;
        do {
            window = me(address, credential).rateLimits().account();
            spent++;
        } while (window.remaining() > LEAVE);
        assertThat(window.limit()).isEqualTo(200);
        assertThat(spent).as("requests another client spent this minute").isGreaterThan(150);

        Response run = api.send("POST", "/api/connections/" + connection.id() + "/diagnostics", operatorAuth(), null);

        assertThat(run.status()).isEqualTo(200);
        JsonNode report = run.json().get("diagnostics");
        JsonNode rate = null;
        for (JsonNode c : report.get("checks")) {
            if (c.get("key").asString().equals("rate_limit")) {
                rate = c;
            }
        }
        assertThat(rate).isNotNull();
        assertThat(rate.get("status").asString()).as(rate.toString()).isEqualTo("warn");
        assertThat(rate.get("observed").asString())
                .startsWith("X-Rate-Limit 200 a minute: the Team plan. Incremental exports: 10 a minute (6 left). ")
                .contains("Left this minute: 11 of 200, under 10 %: other clients are using the account's budget; "
                        + "it resets in ")
                .contains("Requests sent so far by this test: 6.");
        assertThat(rate.get("fix").asString()).contains("Admin Center → Account → Usage → API usage");
        assertThat(report.get("verdict").asString()).isEqualTo("warn");
        assertThat(api.get("/api/connections/" + connection.id() + "/diagnostics", operatorAuth())
                        .json()
                        .get("diagnostics"))
                .isEqualTo(report);
    }

    private ZendeskResponse me(ZendeskAddress address, ApiTokenCredential credential) {
        ZendeskResponse me = http.get(address, credential, "/api/v2/users/me.json");
        assertThat(me.status()).as(me.errorSummary()).isEqualTo(200);
        return me;
    }
}
