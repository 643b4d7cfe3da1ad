package io.deskbridge.sync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.automation.Rule;
import io.deskbridge.sync.automation.RuleRequest;
import io.deskbridge.sync.automation.Rules;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.engine.StoreSeed;
import io.deskbridge.sync.engine.StreamName;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's rule pages over real HTTP with a signed-in browser-like client: the list shows each
 * rule with its firings from the ledger, the editor creates and changes rules through the facade the
 * REST API uses (read back through it), only with the CSRF token, refuses a wrong rule with the
 * facade's message and changes nothing, and the history shows each action's outcome.
 */
// Runs once, in the H2 pass, like ConsoleIntegrationTests: the pages render what the Rules facade
// returns, and the facade's queries run on PostgreSQL in AutomationRulesIntegrationTests.
@Tag("h2-only")
class RulesConsoleIntegrationTests extends SyncIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SECRET = Pattern.compile("<code id=\"signing-secret\">([^<]+)</code>");

    @Autowired
    private Rules rules;

    @Autowired
    private ApplicationContext context;

    private Connection connection;
    private Rule seeded;

    @BeforeAll
    void seed() {
        connection = newConnection();
        StoreSeed.store(context, connection.id(), StreamName.TICKETS, List.of(JSON.readTree("""
                        {"id": 7, "generated_timestamp": 1700000000, "status": "open", "subject": "Printer",
                         "updated_at": "2026-01-01T00:00:00Z",
                         "custom_fields": [{"id": 360011, "value": "gold"}, {"id": 360012, "value": null}]}
                        """)), Instant.now());
        seeded = rules.create(
                        connection.id(),
                        new RuleRequest(
                                "Escalate VIPs",
                                true,
                                null,
                                "ticket.updated",
                                JSON.readValue("""
                                        {"all": [{"field": "priority", "operator": "is", "value": "urgent"}]}
                                        """, io.deskbridge.sync.automation.RuleConditions.class),
                                List.of(new io.deskbridge.sync.automation.Action(
                                        "add_tags", JSON.readTree("\"escalated\"")))))
                .rule();
        Instant decided = Instant.parse("2026-03-01T10:00:00Z");
        jdbc.sql("""
                INSERT INTO automation_ledger (connection_id, rule_id, ticket_id, ticket_version, chain_depth,
                    decided_at, plan_json, state, attempts, next_attempt_at, ticket_outcome, ticket_detail,
                    notify_outcome, finished_at)
                VALUES (:c, :r, 7, 1700000000, 0, :at, :plan, 'DONE', 3, :at, 'FAILED', 'Zendesk answered 422', NULL, :at)
                """)
                .param("c", connection.id())
                .param("r", seeded.id())
                .param("at", OffsetDateTime.ofInstant(decided, ZoneOffset.UTC))
                .param(
                        "plan",
                        "{\"update\": {\"additional_tags\": [\"escalated\"]}, \"notify_url\": null,"
                                + " \"actions\": [{\"field\": \"add_tags\", \"value\": \"escalated\"}]}")
                .update();
    }

    private SyncClient signedIn() {
        SyncClient browser = SyncClient.browser(baseUrl());
        assertThat(browser.signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    private String rulesPath() {
        return "/connections/" + connection.id() + "/rules";
    }

    /** A filled editor form: one "all" condition and one action, as the browser posts it. */
    private static Map<String, String> form(String csrf, String title, String priority) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("title", title);
        fields.put("active", "true");
        fields.put("position", "");
        fields.put("event", "ticket.created");
        fields.put("allField", "priority");
        fields.put("allOperator", "is");
        fields.put("allValue", priority);
        fields.put("actionField", "group_id");
        fields.put("actionValue", "360001");
        return fields;
    }

    @Nested
    class RulesList {

        @Test
        void shouldBeLinkedFromTheConnectionPage() {
            String page = signedIn().get("/connections/" + connection.id()).body();

            assertThat(page).contains("href=\"" + rulesPath() + "\"");
        }

        @Test
        void shouldShowEachRuleWithItsFiringsFromTheLedger() {
            Response page = signedIn().get(rulesPath());

            assertThat(page.status()).isEqualTo(200);
            String row = row(page.body(), "rule-" + seeded.id());
            assertThat(row)
                    .contains("<td class=\"num position\">" + seeded.position() + "</td>")
                    .contains(">Escalate VIPs</a>")
                    .contains(">active</span>")
                    .contains("<code>ticket.updated</code>")
                    .contains("<time datetime=\"2026-03-01T10:00:00Z\"")
                    .contains("<td class=\"num firings\">1</td>")
                    .contains("href=\"" + rulesPath() + "/" + seeded.id() + "/history\"");
        }

        @Test
        void shouldSendAnonymousVisitorsToSignIn() {
            Response page = SyncClient.browser(baseUrl()).get(rulesPath());

            assertThat(page.status()).isEqualTo(302);
            assertThat(page.header("Location")).endsWith("/login");
        }
    }

    @Nested
    class Editor {

        @Test
        void shouldOfferTheFixedFieldsAndTheCustomFieldsOfTheSyncedTickets() {
            String page = signedIn().get(rulesPath() + "/new").body();

            assertThat(page)
                    .contains("<option value=\"priority\">Priority</option>")
                    .contains("<option value=\"current_tags\">Tags</option>")
                    .contains("<option value=\"custom_fields_360011\">Custom field 360011</option>")
                    .contains("<option value=\"custom_fields_360012\">Custom field 360012</option>")
                    .contains("<option value=\"notify\">notify</option>")
                    .contains("<option value=\"changed_from\">changed_from</option>")
                    .contains("2 custom fields seen on the newest 1 synced tickets.");
            assertThat(row(page, "data-field=\"current_tags\""))
                    .contains("includes, not_includes, contains, not_contains, changed, not_changed");
        }

        @Test
        void shouldCreateTheRuleThroughTheFacadeAndShowItsSecretOnce() {
            SyncClient browser = signedIn();
            String csrf = SyncClient.csrfFrom(browser.get(rulesPath() + "/new").body());

            Response created = browser.form(rulesPath(), form(csrf, "Assign urgent", "urgent"));

            assertThat(created.status()).isEqualTo(201);
            Matcher secret = SECRET.matcher(created.body());
            assertThat(secret.find()).as(created.body()).isTrue();
            SecretLedger.issued(secret.group(1));
            Rule rule = rules.list(connection.id()).stream()
                    .filter(r -> r.title().equals("Assign urgent"))
                    .findFirst()
                    .orElseThrow();
            assertThat(rule.active()).isTrue();
            assertThat(rule.event().wireName()).isEqualTo("ticket.created");
            assertThat(rule.conditions().all()).hasSize(1);
            assertThat(rule.conditions().all().get(0).field()).isEqualTo("priority");
            assertThat(rule.conditions().all().get(0).value().asString()).isEqualTo("urgent");
            assertThat(rule.conditions().any()).isEmpty();
            assertThat(rule.actions()).hasSize(1);
            assertThat(rule.actions().get(0).field()).isEqualTo("group_id");
            assertThat(rule.actions().get(0).value().asLong()).isEqualTo(360001);
            assertThat(browser.get(rulesPath() + "/" + rule.id()).body())
                    .doesNotContain(secret.group(1))
                    .contains("<option value=\"group_id\" selected=\"selected\">group_id</option>");
        }

        @Test
        void shouldRefuseAWrongRuleWithTheFacadesMessageAndCreateNothing() {
            SyncClient browser = signedIn();
            String csrf = SyncClient.csrfFrom(browser.get(rulesPath() + "/new").body());
            int before = rules.list(connection.id()).size();

            Response refused = browser.form(rulesPath(), form(csrf, "Wrong", "very <b>urgent</b>"));

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .contains(
                            "<p class=\"error\" role=\"alert\" id=\"problem\">conditions.all[0].value for priority is"
                                    + " must be one of [low, normal, high, urgent]; it is &quot;very &lt;b&gt;urgent&lt;/b&gt;&quot;</p>")
                    .contains("value=\"very &lt;b&gt;urgent&lt;/b&gt;\"")
                    .contains("value=\"Wrong\"");
            assertThat(rules.list(connection.id())).hasSize(before);
        }

        @Test
        void shouldRefuseAPostWithoutTheCsrfToken() {
            int before = rules.list(connection.id()).size();
            Map<String, String> fields = form("x", "No token", "urgent");
            fields.remove("_csrf");

            Response refused = signedIn().form(rulesPath(), fields);

            assertThat(refused.status()).isEqualTo(403);
            assertThat(rules.list(connection.id())).hasSize(before);
        }

        @Test
        void shouldSaveChangesAndSwitchTheRuleOff() {
            Rule rule = rules.create(
                            connection.id(),
                            new RuleRequest(
                                    "To change",
                                    true,
                                    null,
                                    "ticket.updated",
                                    null,
                                    List.of(new io.deskbridge.sync.automation.Action(
                                            "priority", JSON.readTree("\"high\"")))))
                    .rule();
            SyncClient browser = signedIn();
            String editor = browser.get(rulesPath() + "/" + rule.id()).body();
            Map<String, String> fields = form(SyncClient.csrfFrom(editor), "Changed", "high");
            fields.remove("active");
            fields.put("position", "42");

            Response saved = browser.form(rulesPath() + "/" + rule.id(), fields);

            assertThat(saved.status()).isEqualTo(302);
            assertThat(saved.header("Location")).endsWith(rulesPath() + "/" + rule.id());
            Rule changed = rules.get(connection.id(), rule.id());
            assertThat(changed.title()).isEqualTo("Changed");
            assertThat(changed.active()).isFalse();
            assertThat(changed.position()).isEqualTo(42);
            assertThat(changed.actions().get(0).field()).isEqualTo("group_id");
            assertThat(browser.get(rulesPath() + "/" + rule.id()).body()).contains("Rule saved.");
        }

        @Test
        void shouldSayWhichRuleIsMissing() {
            Response missing = signedIn().get(rulesPath() + "/999999");

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).contains("Connection " + connection.id() + " has no automation rule 999999");
        }
    }

    @Nested
    class History {

        @Test
        void shouldListEachFiringWithEachActionsOutcome() {
            Response page = signedIn().get(rulesPath() + "/" + seeded.id() + "/history");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<p class=\"hint\" id=\"firing-count\">1 firing</p>");
            String firing = row(page.body(), "data-state=\"done\"");
            assertThat(firing)
                    .contains("<time datetime=\"2026-03-01T10:00:00Z\"")
                    .contains(">7</a>")
                    .contains("<td class=\"num version\">1700000000</td>")
                    .contains("<td class=\"num attempts\">3</td>")
                    .contains("data-field=\"add_tags\" data-outcome=\"failed\"")
                    .contains("<span class=\"value\">escalated</span>")
                    .contains("<span class=\"detail\">Zendesk answered 422</span>");
        }
    }

    /** The table row that contains {@code marker}. */
    private static String row(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as("marker " + marker + " in\n" + html).isNotNegative();
        int start = html.lastIndexOf("<tr", at);
        int end = html.indexOf("</tr>", at);
        return html.substring(start, end);
    }
}
