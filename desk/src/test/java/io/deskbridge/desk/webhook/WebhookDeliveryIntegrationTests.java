package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Ticket events from the outbox to real receivers: signing, retries, acknowledgement, deactivation. */
class WebhookDeliveryIntegrationTests extends WebhookIntegrationTest {

    private static final String CREATED = "zen:event-type:ticket.created";

    @Autowired
    Tickets tickets;

    @Autowired
    PlatformTransactionManager transactions;

    @Nested
    class WhenTheReceiverFailsThreeTimesThenSucceeds {

        @Test
        void shouldDeliverTheEventSignedAndAcknowledgeItExactlyOnce() throws Exception {
            TestReceiver receiver = receiver(TestReceiver.answering(200, 500, 500, 500));
            JsonNode webhook = subscribe(receiver, CREATED);
            String webhookId = webhook.path("id").asString();
            String secret = signingSecret(webhookId);

            long ticketId = createTicket("Retry me").path("id").asLong();

            awaitReceived(receiver, 4);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "success".equals(invocations(webhookId).get(0).get("state")));
            // Success is terminal and the ledger counted four attempts: the receiver saw exactly those.
            List<TestReceiver.Received> received = receiver.received();
            assertThat(received).hasSize(4);

            String eventId = json(received.get(0).body()).path("id").asString();
            for (TestReceiver.Received request : received) {
                String timestamp = request.header("x-zendesk-webhook-signature-timestamp");
                assertThat(timestamp).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
                assertThat(Duration.between(Instant.parse(timestamp), Instant.now())
                                .abs())
                        .isLessThan(Duration.ofMinutes(1));
                assertThat(request.header("x-zendesk-webhook-signature"))
                        .isEqualTo(expectedSignature(secret, timestamp, request.body()));
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.header("content-type")).isEqualTo("application/json");
                assertThat(request.header("x-zendesk-webhook-id")).isEqualTo(webhookId);
                assertThat(request.header("x-zendesk-account-id")).isEqualTo("1");
                assertThat(json(request.body()).path("id").asString()).isEqualTo(eventId);
            }
            assertThat(received.stream()
                            .map(r -> r.header("x-zendesk-webhook-invocation-id"))
                            .distinct())
                    .hasSize(1);

            List<Map<String, Object>> invocations = invocations(webhookId);
            assertThat(invocations).hasSize(1);
            Map<String, Object> invocation = invocations.get(0);
            assertThat(invocation.get("state")).isEqualTo("success");
            assertThat(((Number) invocation.get("attempts")).intValue()).isEqualTo(4);
            assertThat(invocation.get("id")).hasToString(received.get(0).header("x-zendesk-webhook-invocation-id"));
            assertThat(attempts(invocation.get("id")))
                    .extracting(a -> a.get("outcome") + " " + a.get("status_code"))
                    .containsExactly(
                            "retryable_failure 500", "retryable_failure 500", "retryable_failure 500", "success 200");

            JsonNode event = json(received.get(3).body());
            assertThat(event.path("type").asString()).isEqualTo(CREATED);
            assertThat(event.path("subject").asString()).isEqualTo("zen:ticket:" + ticketId);
            assertThat(event.path("detail").path("id").asString()).isEqualTo(String.valueOf(ticketId));

            JsonNode log = api.get("/api/v2/webhooks/" + webhookId + "/invocations", auth)
                    .json();
            assertThat(log.path("invocations").get(0).path("status").asString()).isEqualTo("success");
            assertThat(log.path("invocations").get(0).path("attempts").asInt()).isEqualTo(4);
            JsonNode attempts = api.get(
                            "/api/v2/webhooks/" + webhookId + "/invocations/" + invocation.get("id") + "/attempts",
                            auth)
                    .json()
                    .path("attempts");
            assertThat(attempts.size()).isEqualTo(4);
            assertThat(attempts.get(3).path("response").path("status").asInt()).isEqualTo(200);
        }

        @Test
        void shouldShowTheInvocationLogInAdminCenter() {
            TestReceiver receiver = receiver(TestReceiver.answering(200, 500, 500, 500));
            JsonNode webhook = subscribe(receiver, CREATED);
            String webhookId = webhook.path("id").asString();
            createTicket("Shown in Admin Center");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !invocations(webhookId).isEmpty()
                            && "success".equals(invocations(webhookId).get(0).get("state")));

            DeskClient browser = DeskClient.withCookies(baseUrl());
            browser.signIn(OWNER_EMAIL, OWNER_PASSWORD);
            String list = browser.get("/admin/apps-integrations/webhooks", null).body();
            assertThat(list)
                    .contains("data-webhook-id=\"" + webhookId + "\"")
                    .contains(webhook.path("name").asString());
            String detail = browser.get("/admin/apps-integrations/webhooks/" + webhookId, null)
                    .body();
            assertThat(detail)
                    .contains("data-state=\"success\"")
                    .contains("data-attempts=\"4\"")
                    .contains("Attempt 4")
                    .contains("HTTP 500");
        }
    }

    @Nested
    class TicketEventPayloads {

        @Test
        void shouldSendOneZendeskEventPerChangeInZendesksShape() {
            TestReceiver receiver = receiver(TestReceiver.answering(200));
            subscribe(
                    receiver,
                    CREATED,
                    "zen:event-type:ticket.status_changed",
                    "zen:event-type:ticket.priority_changed",
                    "zen:event-type:ticket.tags_changed",
                    "zen:event-type:ticket.comment_added",
                    "zen:event-type:ticket.soft_deleted");
            long id = createTicket("Events").path("id").asLong();
            awaitReceived(receiver, 1);
            updateTicket(
                    id,
                    Map.of(
                            "status",
                            "open",
                            "priority",
                            "high",
                            "additional_tags",
                            List.of("vip"),
                            "comment",
                            Map.of("body", "On it", "public", false)));
            awaitReceived(receiver, 5);
            assertThat(api.send("DELETE", "/api/v2/tickets/" + id, auth, null).status())
                    .isEqualTo(204);
            awaitReceived(receiver, 6);

            List<JsonNode> events =
                    receiver.received().stream().map(r -> json(r.body())).toList();
            JsonNode created = events.get(0);
            assertThat(created.path("type").asString()).isEqualTo(CREATED);
            assertThat(created.path("account_id").asLong()).isEqualTo(1);
            assertThat(created.path("id").asString()).matches("[0-9a-f-]{36}");
            assertThat(created.path("zendesk_event_version").asString()).isEqualTo("2022-11-06");
            assertThat(created.path("subject").asString()).isEqualTo("zen:ticket:" + id);
            assertThat(created.path("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            JsonNode detail = created.path("detail");
            assertThat(detail.path("id").asString()).isEqualTo(String.valueOf(id));
            assertThat(detail.path("status").asString()).isEqualTo("NEW");
            assertThat(detail.path("subject").asString()).isEqualTo("Events");
            assertThat(detail.path("description").asString()).isEqualTo("About Events");
            assertThat(detail.path("requester_id").asString()).isEqualTo(String.valueOf(owner().id()));
            assertThat(detail.path("actor_id").asString()).isEqualTo(String.valueOf(owner().id()));
            assertThat(detail.path("via").path("channel").asString()).isEqualTo("api");

            Map<String, JsonNode> byType = new java.util.HashMap<>();
            events.subList(1, 5).forEach(e -> byType.put(e.path("type").asString(), e));
            assertThat(byType.get("zen:event-type:ticket.status_changed")
                            .path("event")
                            .path("current")
                            .asString())
                    .isEqualTo("OPEN");
            assertThat(byType.get("zen:event-type:ticket.status_changed")
                            .path("event")
                            .path("previous")
                            .asString())
                    .isEqualTo("NEW");
            assertThat(byType.get("zen:event-type:ticket.priority_changed")
                            .path("event")
                            .path("current")
                            .asString())
                    .isEqualTo("HIGH");
            assertThat(byType.get("zen:event-type:ticket.priority_changed")
                            .path("event")
                            .path("previous")
                            .isNull())
                    .isTrue();
            assertThat(byType.get("zen:event-type:ticket.tags_changed")
                            .path("event")
                            .path("tags_added")
                            .toString())
                    .isEqualTo("[\"vip\"]");
            JsonNode comment = byType.get("zen:event-type:ticket.comment_added")
                    .path("event")
                    .path("comment");
            assertThat(comment.path("body").asString()).isEqualTo("On it");
            assertThat(comment.path("is_public").asBoolean()).isFalse();
            assertThat(comment.path("author").path("id").asString()).isEqualTo(String.valueOf(owner().id()));
            assertThat(comment.path("author").path("is_staff").asBoolean()).isTrue();
            assertThat(byType.get("zen:event-type:ticket.status_changed")
                            .path("event")
                            .path("meta")
                            .path("sequence")
                            .path("id")
                            .asString())
                    .isEqualTo(byType.get("zen:event-type:ticket.comment_added")
                            .path("event")
                            .path("meta")
                            .path("sequence")
                            .path("id")
                            .asString());
            assertThat(byType.get("zen:event-type:ticket.status_changed")
                            .path("detail")
                            .path("status")
                            .asString())
                    .isEqualTo("OPEN");

            JsonNode deleted = events.get(5);
            assertThat(deleted.path("type").asString()).isEqualTo("zen:event-type:ticket.soft_deleted");
            assertThat(deleted.path("detail").path("status").asString()).isEqualTo("DELETED");
        }

        @Test
        void shouldSendNothingForEventsTheWebhookDidNotSubscribeTo() throws Exception {
            TestReceiver receiver = receiver(TestReceiver.answering(200));
            String webhookId = subscribe(receiver, "zen:event-type:ticket.comment_added")
                    .path("id")
                    .asString();
            long id = createTicket("Quiet").path("id").asLong();
            updateTicket(id, Map.of("status", "open"));
            updateTicket(id, Map.of("comment", Map.of("body", "Loud")));
            // The outbox is written in each change's transaction: one matching event, one invocation.
            assertThat(invocations(webhookId)).hasSize(1);
            awaitReceived(receiver, 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "success".equals(invocations(webhookId).get(0).get("state")));
            assertThat(receiver.received()).hasSize(1);
            assertThat(json(receiver.received().get(0).body()).path("type").asString())
                    .isEqualTo("zen:event-type:ticket.comment_added");
        }

        /**
         * Zendesk runs triggers and webhooks for tickets made by {@code create_many} as for single
         * creates; the webhook benchmark (issue 17) produces its events this way.
         */
        @Test
        void shouldSendTicketCreatedForEveryTicketOfACreateManyJob() {
            TestReceiver receiver = receiver(TestReceiver.answering(200));
            subscribe(receiver, CREATED);
            DeskClient.Response queued = api.send(
                    "POST",
                    "/api/v2/tickets/create_many",
                    auth,
                    DeskClient.json(Map.of(
                            "tickets",
                            List.of(
                                    Map.of("subject", "Bulk 1", "comment", Map.of("body", "One")),
                                    Map.of("subject", "Bulk 2", "comment", Map.of("body", "Two")),
                                    Map.of("subject", "Bulk 3", "comment", Map.of("body", "Three"))))));
            assertThat(queued.status()).as(queued.body()).isEqualTo(200);

            awaitReceived(receiver, 3);
            assertThat(receiver.received())
                    .extracting(r -> json(r.body()).path("type").asString())
                    .containsOnly(CREATED);
            assertThat(receiver.received())
                    .extracting(
                            r -> json(r.body()).path("detail").path("subject").asString())
                    .containsExactlyInAnyOrder("Bulk 1", "Bulk 2", "Bulk 3");
        }

        @Test
        void shouldQueueNothingForInactiveOrTriggerWebhooks() throws Exception {
            TestReceiver receiver = receiver(TestReceiver.answering(200));
            Map<String, Object> inactive = new java.util.LinkedHashMap<>();
            inactive.put("name", "Off");
            inactive.put("endpoint", receiver.url());
            inactive.put("status", "inactive");
            inactive.put("subscriptions", List.of(CREATED));
            String inactiveId = createWebhook(inactive).path("id").asString();
            String triggerId = createWebhook(Map.of(
                            "name", "Trigger target",
                            "endpoint", receiver.url(),
                            "subscriptions", List.of("conditional_ticket_events")))
                    .path("id")
                    .asString();

            // A control: an active webhook on another receiver gets the same event, so the dispatcher has
            // been past it when the others are checked.
            TestReceiver control = receiver(TestReceiver.answering(200));
            subscribe(control, CREATED);

            createTicket("Nobody listens");
            // The outbox is written in the change's transaction: nothing was queued for these two.
            assertThat(invocations(inactiveId)).isEmpty();
            assertThat(invocations(triggerId)).isEmpty();
            awaitReceived(control, 1);
            assertThat(receiver.received()).isEmpty();
        }

        @Test
        void shouldWriteTheOutboxInTheTransactionOfTheChange() {
            TestReceiver receiver = receiver(TestReceiver.answering(200));
            String webhookId = subscribe(receiver, "zen:event-type:ticket.soft_deleted")
                    .path("id")
                    .asString();
            long id = createTicket("Rolled back").path("id").asLong();
            DeskPrincipal caller = DeskPrincipal.of(owner(), DeskPrincipal.Via.API_TOKEN, null);

            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                        tickets.delete(caller, id);
                        assertThat(invocations(webhookId)).hasSize(1);
                        throw new IllegalStateException("the change fails after the event was published");
                    }))
                    .hasMessage("the change fails after the event was published");

            assertThat(invocations(webhookId)).isEmpty();
            assertThat(api.get("/api/v2/tickets/" + id, auth).status()).isEqualTo(200);
        }
    }

    @Nested
    class WhenDeliveryCannotSucceed {

        @Test
        void shouldDeactivateAWebhookThatKeepsFailingAndAuditIt() {
            TestReceiver receiver = receiver(TestReceiver.answering(500));
            JsonNode webhook = subscribe(receiver, CREATED);
            String webhookId = webhook.path("id").asString();

            createTicket("First failure");
            createTicket("Second failure");

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> "inactive"
                            .equals(api.get("/api/v2/webhooks/" + webhookId, auth)
                                    .json()
                                    .path("webhook")
                                    .path("status")
                                    .asString()));
            List<Map<String, Object>> invocations = invocations(webhookId);
            assertThat(invocations).extracting(i -> i.get("state")).containsOnly("failed");
            assertThat(invocations)
                    .extracting(i -> ((Number) i.get("attempts")).intValue())
                    .containsOnly(5);
            assertThat(receiver.received()).hasSize(10);
            assertThat(auditEntries("webhook.deactivated"))
                    .filteredOn(e -> webhookId.equals(String.valueOf(e.get("source_id"))))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.get("actor_name")).isEqualTo("Deskbridge (automatic)");
                        assertThat(e.get("action")).isEqualTo("update");
                        assertThat(String.valueOf(e.get("change_description")))
                                .isEqualTo("Deactivated after 2 failed invocations in a row (last: HTTP 500);"
                                        + " 0 pending invocations cancelled");
                    });

            createTicket("Not sent any more");
            assertThat(invocations(webhookId)).hasSize(2);
        }

        @Test
        void shouldFailAtOnceOnAClientError() {
            TestReceiver receiver = receiver(TestReceiver.answering(400));
            String webhookId = subscribe(receiver, CREATED).path("id").asString();

            createTicket("Bad request");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "failed".equals(invocations(webhookId).get(0).get("state")));
            assertThat(((Number) invocations(webhookId).get(0).get("attempts")).intValue())
                    .isEqualTo(1);
            assertThat(invocations(webhookId).get(0).get("last_error")).isEqualTo("HTTP 400");
            assertThat(receiver.received()).hasSize(1);
        }

        @Test
        void shouldRefuseAnEndpointThatResolvesToALinkLocalAddressAtDeliveryTime() {
            TestReceiver receiver = receiver(TestReceiver.answering(200));
            String webhookId = subscribe(receiver, CREATED).path("id").asString();
            // As if the endpoint's DNS name now pointed at the metadata service.
            jdbc.sql("UPDATE webhooks SET endpoint = 'http://169.254.169.254/latest/meta-data/' WHERE id = :id")
                    .param("id", Long.parseLong(webhookId))
                    .update();

            createTicket("Rebinding");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "failed".equals(invocations(webhookId).get(0).get("state")));
            Map<String, Object> invocation = invocations(webhookId).get(0);
            assertThat(((Number) invocation.get("attempts")).intValue()).isEqualTo(1);
            assertThat(invocation.get("last_error"))
                    .isEqualTo("endpoint refused: host 169.254.169.254 resolves to 169.254.169.254, a link-local or"
                            + " cloud metadata address; webhooks never call those");
            assertThat(receiver.received()).isEmpty();
        }

        @Test
        void shouldSendTheSealedCredentialAndCustomHeaders() {
            TestReceiver receiver = receiver(TestReceiver.answering(200));
            String token = SecretLedger.issued("bearer-" + UUID.randomUUID());
            createWebhook(Map.of(
                    "name", "Authenticated",
                    "endpoint", receiver.url(),
                    "subscriptions", List.of(CREATED),
                    "custom_headers", Map.of("X-Team", "blue"),
                    "authentication",
                            Map.of("type", "bearer_token", "add_position", "header", "data", Map.of("token", token))));

            createTicket("With credentials");

            awaitReceived(receiver, 1);
            TestReceiver.Received request = receiver.received().get(0);
            assertThat(request.header("authorization")).isEqualTo("Bearer " + token);
            assertThat(request.header("x-team")).isEqualTo("blue");
        }
    }
}
