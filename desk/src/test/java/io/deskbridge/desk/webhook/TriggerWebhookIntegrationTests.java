package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Triggers calling webhooks (issue 12 item 3): n8n's Zendesk Trigger registration replayed as n8n
 * sends it ({@code ZendeskTrigger.node.ts}: {@code checkExists} then {@code create}), and a matching
 * change delivering exactly one signed call; trigger changes in the write's audit (via {@code rule})
 * and in ticket events exactly once.
 */
class TriggerWebhookIntegrationTests extends WebhookIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private final List<Long> triggers = new ArrayList<>();

    @AfterEach
    void dropTriggers() {
        triggers.forEach(id -> jdbc.sql("DELETE FROM business_rules WHERE id = :id")
                .param("id", id)
                .update());
        triggers.clear();
    }

    /** What n8n's {@code create} sends for a trigger with the given conditions and message fields. */
    private long n8nCreateTrigger(String webhookId, String path, String conditions, String message) {
        String body = DeskClient.json(Map.of(
                "trigger",
                Map.of(
                        "title", "n8n-webhook:" + path,
                        "conditions", json(conditions),
                        "actions",
                                List.of(Map.of(
                                        "field", "notification_webhook", "value", List.of(webhookId, message))))));
        Response created = api.send("POST", "/api/v2/triggers.json", auth, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(oas.violations("TriggerResponse", OpenApiSchemas.parse(created.body())))
                .isEmpty();
        long id = created.json().at("/trigger/id").asLong();
        triggers.add(id);
        return id;
    }

    /** n8n's {@code checkExists}: find its webhook by endpoint, destroy the triggers pointing at it. */
    private String n8nCheckExists(String endpoint) {
        Response webhooks = api.get("/api/v2/webhooks", auth);
        assertThat(webhooks.status()).isEqualTo(200);
        String targetId = null;
        for (JsonNode webhook : webhooks.json().path("webhooks")) {
            if (webhook.path("endpoint").asString().equals(endpoint)) {
                targetId = webhook.path("id").asString();
                break;
            }
        }
        if (targetId == null) {
            return null;
        }
        Response active = api.get("/api/v2/triggers/active.json", auth);
        assertThat(active.status()).isEqualTo(200);
        for (JsonNode trigger : active.json().path("triggers")) {
            if (trigger.at("/actions/0/value/0").asString().equals(targetId)) {
                Response destroyed = api.send(
                        "DELETE",
                        "/api/v2/triggers/destroy_many.json?ids="
                                + trigger.path("id").asLong(),
                        auth,
                        null);
                assertThat(destroyed.status()).isEqualTo(204);
            }
        }
        return targetId;
    }

    @Nested
    class N8nZendeskTrigger {

        @Test
        void shouldRegisterAsN8nDoesAndDeliverExactlyOneSignedCallForAMatchingChange() throws Exception {
            TestReceiver n8n = receiver(TestReceiver.answering(200));
            String endpoint = n8n.url();
            String path = java.net.URI.create(endpoint).getPath();
            // n8n's "Priority: Changed To urgent" condition and five message fields.
            String conditions = """
                    {"all":[{"field":"priority","operator":"value","value":"urgent"}],"any":[]}""";
            String message = "{\"ticket.id\":\"{{ticket.id}}\",\"ticket.title\":\"{{ticket.title}}\","
                    + "\"ticket.url\":\"{{ticket.url}}\",\"ticket.status\":\"{{ticket.status}}\","
                    + "\"ticket.priority\":\"{{ticket.priority}}\"}";

            // First activation: nothing exists, so n8n creates the webhook, then the trigger.
            assertThat(n8nCheckExists(endpoint)).isNull();
            Response webhook = api.send("POST", "/api/v2/webhooks", auth, """
                    {"webhook":{"name":"n8n webhook","endpoint":"%s","http_method":"POST","status":"active",
                      "request_format":"json","subscriptions":["conditional_ticket_events"]}}""".formatted(endpoint));
            assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
            String webhookId = webhook.json().at("/webhook/id").asString();
            long first = n8nCreateTrigger(webhookId, path, conditions, message);

            // Re-activation: n8n finds its webhook, destroys the old trigger, creates a new one on it.
            assertThat(n8nCheckExists(endpoint)).isEqualTo(webhookId);
            assertThat(api.get("/api/v2/triggers/" + first + ".json", auth).status())
                    .isEqualTo(404);
            n8nCreateTrigger(webhookId, path, conditions, message);

            long ticketId = createTicket("Printer \"on\" fire").path("id").asLong();
            updateTicket(ticketId, Map.of("comment", Map.of("body", "Still burning")));
            assertThat(invocations(webhookId))
                    .as("no call before the priority changes to urgent")
                    .isEmpty();
            updateTicket(ticketId, Map.of("priority", "urgent"));
            updateTicket(ticketId, Map.of("comment", Map.of("body", "Urgent and still burning")));

            awaitReceived(n8n, 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "success".equals(invocations(webhookId).get(0).get("state")));
            assertThat(invocations(webhookId)).hasSize(1);
            assertThat(n8n.received()).hasSize(1);
            TestReceiver.Received call = n8n.received().get(0);
            String secret = signingSecret(webhookId);
            String timestamp = call.header("x-zendesk-webhook-signature-timestamp");
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo(path);
            assertThat(call.header("content-type")).isEqualTo("application/json");
            assertThat(call.header("x-zendesk-webhook-id")).isEqualTo(webhookId);
            assertThat(call.header("x-zendesk-webhook-signature"))
                    .isEqualTo(expectedSignature(secret, timestamp, call.body()));
            JsonNode body = json(call.body());
            assertThat(body.path("ticket.id").asString()).isEqualTo(String.valueOf(ticketId));
            assertThat(body.path("ticket.title").asString()).isEqualTo("Printer \"on\" fire");
            assertThat(body.path("ticket.url").asString()).isEqualTo("localhost:8080/agent/tickets/" + ticketId);
            assertThat(body.path("ticket.status").asString()).isEqualTo("New");
            assertThat(body.path("ticket.priority").asString()).isEqualTo("Urgent");
        }
    }

    @Nested
    class TriggerChanges {

        @Test
        void shouldWriteTriggerChangesIntoTheSameAuditWithViaRuleAndEmitEachTicketEventOnce() {
            TestReceiver receiver = receiver(TestReceiver.answering(200));
            String webhookId = subscribe(
                            receiver,
                            "zen:event-type:ticket.status_changed",
                            "zen:event-type:ticket.priority_changed",
                            "zen:event-type:ticket.tags_changed")
                    .path("id")
                    .asString();
            UserAccount agent = newUser(Role.AGENT);
            Response trigger = api.send("POST", "/api/v2/triggers", auth, """
                    {"trigger":{"title":"Escalate solved-too-soon","conditions":{"all":[
                        {"field":"status","operator":"value","value":"pending"},
                        {"field":"comment_is_public","operator":"is","value":true}],"any":[]},
                      "actions":[{"field":"priority","value":"high"},{"field":"current_tags","value":"escalated"},
                        {"field":"notification_user","value":["%d","Escalated {{ticket.id}}","{{ticket.title}} needs you"]}]}}""".formatted(agent.id()));
            assertThat(trigger.status()).as(trigger.body()).isEqualTo(201);
            long triggerId = trigger.json().at("/trigger/id").asLong();
            triggers.add(triggerId);

            long ticketId = createTicket("Waiting on parts").path("id").asLong();
            Response updated = api.send(
                    "PUT",
                    "/api/v2/tickets/" + ticketId,
                    auth,
                    DeskClient.json(Map.of(
                            "ticket",
                            Map.of("status", "pending", "comment", Map.of("body", "Ordered", "public", true)))));

            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.json().at("/ticket/priority").asString()).isEqualTo("high");
            assertThat(updated.json().at("/ticket/tags").toString()).isEqualTo("[\"escalated\"]");
            Response audits = api.get("/api/v2/tickets/" + ticketId + "/audits", auth);
            assertThat(oas.violations("TicketAuditsResponseNoneCursor", OpenApiSchemas.parse(audits.body())))
                    .isEmpty();
            JsonNode audit = audits.json().path("audits").get(1);
            List<String> events = new ArrayList<>();
            for (JsonNode e : audit.path("events")) {
                events.add(
                        e.path("type").asString() + " " + e.path("field_name").asString("") + " "
                                + e.at("/via/channel").asString("") + " "
                                + e.at("/via/source/rel").asString(""));
            }
            assertThat(events)
                    .containsExactly(
                            "Change status  ",
                            "Comment   ",
                            "Change priority rule trigger",
                            "Change tags rule trigger",
                            "Notification  rule trigger");
            assertThat(audit.at("/events/2/via/source/from/id").asLong()).isEqualTo(triggerId);
            assertThat(audit.at("/events/2/previous_value").isNull()).isTrue();
            assertThat(audit.at("/events/4/recipients").toString()).isEqualTo("[" + agent.id() + "]");
            assertThat(audit.at("/events/4/subject").asString()).isEqualTo("Escalated " + ticketId);
            assertThat(audit.at("/events/4/body").asString()).isEqualTo("Waiting on parts needs you");

            // One change, one sequence: each event type once, the trigger's changes among them.
            assertThat(invocations(webhookId))
                    .extracting(row -> row.get("event_type"))
                    .containsExactlyInAnyOrder(
                            "zen:event-type:ticket.status_changed",
                            "zen:event-type:ticket.priority_changed",
                            "zen:event-type:ticket.tags_changed");
            awaitReceived(receiver, 3);
        }

        @Test
        void shouldNotFireAnInactiveTriggerNorCallAnEventWebhook() {
            TestReceiver receiver = receiver(TestReceiver.answering(200));
            String eventsWebhook = subscribe(receiver, "zen:event-type:ticket.created")
                    .path("id")
                    .asString();
            Response inactive = api.send("POST", "/api/v2/triggers", auth, """
                    {"trigger":{"title":"Dormant","active":false,
                      "conditions":{"all":[{"field":"update_type","operator":"is","value":"Create"}],"any":[]},
                      "actions":[{"field":"priority","value":"urgent"}]}}""");
            triggers.add(inactive.json().at("/trigger/id").asLong());
            Response misdirected = api.send("POST", "/api/v2/triggers", auth, """
                    {"trigger":{"title":"Calls an event webhook",
                      "conditions":{"all":[{"field":"update_type","operator":"is","value":"Create"}],"any":[]},
                      "actions":[{"field":"notification_webhook","value":["%s","{}"]}]}}""".formatted(eventsWebhook));
            triggers.add(misdirected.json().at("/trigger/id").asLong());

            JsonNode ticket = createTicket("Quiet");

            assertThat(ticket.path("priority").isNull()).isTrue();
            assertThat(invocations(eventsWebhook))
                    .extracting(row -> row.get("event_type"))
                    .containsExactly("zen:event-type:ticket.created");
        }
    }
}
