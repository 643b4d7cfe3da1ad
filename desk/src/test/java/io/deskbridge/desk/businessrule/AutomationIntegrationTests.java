package io.deskbridge.desk.businessrule;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Automations on the injected clock (issue 12 item 3): time conditions in whole hours, once per
 * ticket until the conditions stop holding, via {@code rule} with the automation in the audit, one
 * run per hour across instances. Each test's automations only match tickets carrying its own tag,
 * so the shared desk's other tickets are untouched.
 */
class AutomationIntegrationTests extends DeskIntegrationTest {

    @Autowired
    AutomationRunner runner;

    @Autowired
    AutomationRepository runs;

    private String auth;
    private String tag;
    private final List<Long> automations = new ArrayList<>();

    @BeforeEach
    void ownerAndTag() {
        auth = ownerAuth();
        tag = "auto-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void dropAutomations() {
        automations.forEach(id -> jdbc.sql("DELETE FROM business_rules WHERE id = :id")
                .param("id", id)
                .update());
        automations.clear();
    }

    private long automation(String title, String conditions, String actions) {
        Response created = api.send(
                "POST",
                "/api/v2/automations",
                auth,
                "{\"automation\":{\"title\":\"" + title + "\",\"conditions\":" + conditions + ",\"actions\":" + actions
                        + "}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().at("/automation/id").asLong();
        automations.add(id);
        return id;
    }

    private long pendingTicket() {
        Response created = api.send(
                "POST",
                "/api/v2/tickets",
                auth,
                DeskClient.json(Map.of(
                        "ticket",
                        Map.of(
                                "subject",
                                "Waiting",
                                "status",
                                "pending",
                                "tags",
                                List.of(tag),
                                "comment",
                                Map.of("body", "Any news?")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/ticket/id").asLong();
    }

    private JsonNode ticket(long id) {
        return api.get("/api/v2/tickets/" + id, auth).json().path("ticket");
    }

    private String pendingFor(int hours) {
        return "{\"all\":[{\"field\":\"status\",\"operator\":\"is\",\"value\":\"pending\"},"
                + "{\"field\":\"current_tags\",\"operator\":\"includes\",\"value\":\"" + tag + "\"},"
                + "{\"field\":\"hours_since_pending\",\"operator\":\"greater_than\",\"value\":\"" + hours + "\"}],"
                + "\"any\":[]}";
    }

    @Nested
    class TimeConditions {

        @Test
        void shouldSolveAPendingTicketOnlyOnceItsHoursHavePassed() {
            long automation = automation(
                    "Solve after 2 days pending",
                    pendingFor(48),
                    "[{\"field\":\"status\",\"value\":\"solved\"},{\"field\":\"current_tags\",\"value\":\"auto_solved\"}]");
            long ticket = pendingTicket();

            clock.advance(Duration.ofHours(47));
            runner.runAll();
            assertThat(ticket(ticket).path("status").asString()).isEqualTo("pending");

            clock.advance(Duration.ofHours(2));
            runner.runAll();

            JsonNode solved = ticket(ticket);
            assertThat(solved.path("status").asString()).isEqualTo("solved");
            assertThat(solved.path("tags").toString()).contains("auto_solved");
            JsonNode audits = api.get("/api/v2/tickets/" + ticket + "/audits", auth)
                    .json()
                    .path("audits");
            JsonNode last = audits.get(audits.size() - 1);
            assertThat(last.path("author_id").asLong()).isEqualTo(-1);
            assertThat(last.at("/via/channel").asString()).isEqualTo("rule");
            assertThat(last.at("/events/0/field_name").asString()).isEqualTo("status");
            assertThat(last.at("/events/0/via/source/rel").asString()).isEqualTo("automation");
            assertThat(last.at("/events/0/via/source/from/id").asLong()).isEqualTo(automation);
        }
    }

    @Nested
    class OncePerTicket {

        @Test
        void shouldFireOnceUntilTheConditionsStopHoldingThenAgain() {
            automation(
                    "Nudge after a day pending",
                    pendingFor(24),
                    "[{\"field\":\"current_tags\",\"value\":\"nudged\"},"
                            + "{\"field\":\"notification_user\",\"value\":[\"requester_id\",\"Any news?\",\"{{ticket.title}}\"]}]");
            long ticket = pendingTicket();
            clock.advance(Duration.ofHours(25));

            runner.runAll();
            runner.runAll();
            assertThat(notifications(ticket))
                    .as("the conditions still hold, but it fired once")
                    .isEqualTo(1);

            // The nullifying change: no longer pending, so the automation may fire again later.
            update(ticket, Map.of("status", "open"));
            runner.runAll();
            update(ticket, Map.of("status", "pending"));
            clock.advance(Duration.ofHours(25));
            runner.runAll();

            assertThat(notifications(ticket)).isEqualTo(2);
        }

        private void update(long ticket, Map<String, Object> changes) {
            Response response =
                    api.send("PUT", "/api/v2/tickets/" + ticket, auth, DeskClient.json(Map.of("ticket", changes)));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }

        private long notifications(long ticket) {
            long count = 0;
            for (JsonNode audit : api.get("/api/v2/tickets/" + ticket + "/audits", auth)
                    .json()
                    .path("audits")) {
                for (JsonNode event : audit.path("events")) {
                    if (event.path("type").asString().equals("Notification")) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    @Nested
    class HourlyRun {

        @Test
        void shouldRunEachHourOnceAcrossInstances() {
            Instant hour = clock.instant().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.HOURS);

            assertThat(runs.claimHour(hour, "instance-a", clock.instant())).isTrue();
            assertThat(runs.claimHour(hour, "instance-b", clock.instant())).isFalse();
            assertThat(runs.claimHour(hour.plus(Duration.ofHours(1)), "instance-b", clock.instant()))
                    .isTrue();
        }
    }
}
