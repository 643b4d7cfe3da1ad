package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.api.JsonText;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketChanged;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbox's event bytes (what the signature covers) stay exactly Zendesk's shape. */
class TicketEventsTests {

    static final Instant CREATED = Instant.parse("2026-11-27T10:00:00.250Z");
    static final Instant UPDATED = Instant.parse("2026-11-27T11:00:00Z");

    static Ticket ticket(String status, List<String> tags, Instant updated) {
        return new Ticket(
                5,
                null,
                "incident",
                "Printer",
                "Printer",
                "It is on fire",
                "high",
                status,
                null,
                7,
                7,
                9L,
                null,
                null,
                List.of(),
                List.of(),
                tags,
                List.of(),
                "api",
                null,
                true,
                false,
                CREATED,
                updated,
                0,
                null,
                null);
    }

    static final UserAccount AGENT = new UserAccount(
            9,
            "Ann Agent",
            "ann@example.com",
            Role.AGENT,
            true,
            false,
            true,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            Map.of(),
            CREATED,
            CREATED,
            null,
            0);

    @Test
    void shouldWriteAStatusChangeTagChangeAndCommentInZendesksEventShape() {
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("type", "Comment");
        comment.put("id", 31L);
        comment.put("author_id", 9L);
        comment.put("body", "Done");
        comment.put("html_body", "<p>Done</p>");
        comment.put("public", true);
        TicketChanged change = new TicketChanged(
                TicketChanged.Kind.UPDATED,
                ticket("pending", List.of("b", "c"), UPDATED),
                ticket("open", List.of("a", "b"), CREATED),
                List.of(comment),
                9L,
                UPDATED);

        List<TicketEvents.Event> events = TicketEvents.of(change, 42, id -> id == 9 ? AGENT : null);

        assertThat(events)
                .extracting(TicketEvents.Event::type)
                .containsExactly(
                        TicketEventType.STATUS_CHANGED, TicketEventType.TAGS_CHANGED, TicketEventType.COMMENT_ADDED);
        String sequence = events.get(0).envelope().event() instanceof TicketEvents.Changed c
                ? c.meta().sequence().id()
                : null;
        String detail = "{\"actor_id\":\"9\",\"assignee_id\":\"9\",\"brand_id\":null,"
                + "\"created_at\":\"2026-11-27T10:00:00Z\",\"custom_status\":null,\"description\":\"It is on fire\","
                + "\"external_id\":null,\"form_id\":null,\"group_id\":null,\"id\":\"5\",\"is_public\":true,"
                + "\"organization_id\":null,\"priority\":\"HIGH\",\"requester_id\":\"7\",\"status\":\"PENDING\","
                + "\"subject\":\"Printer\",\"submitter_id\":\"7\",\"tags\":[\"b\",\"c\"],\"type\":\"INCIDENT\","
                + "\"updated_at\":\"2026-11-27T11:00:00Z\",\"via\":{\"channel\":\"api\"}}";
        assertThat(JsonText.write(events.get(0).envelope()))
                .isEqualTo("{\"type\":\"zen:event-type:ticket.status_changed\",\"account_id\":42,\"id\":\""
                        + events.get(0).id() + "\",\"time\":\"2026-11-27T11:00:00Z\","
                        + "\"zendesk_event_version\":\"2022-11-06\",\"subject\":\"zen:ticket:5\",\"detail\":" + detail
                        + ",\"event\":{\"current\":\"PENDING\",\"previous\":\"OPEN\",\"meta\":{\"sequence\":{\"id\":\""
                        + sequence + "\",\"position\":1}}}}");
        assertThat(JsonText.write(events.get(1).envelope().event()))
                .isEqualTo("{\"tags_added\":[\"c\"],\"tags_removed\":[\"a\"],\"meta\":{\"sequence\":{\"id\":\""
                        + sequence + "\",\"position\":2}}}");
        assertThat(JsonText.write(events.get(2).envelope().event()))
                .isEqualTo("{\"comment\":{\"author\":{\"id\":\"9\",\"is_staff\":true,\"name\":\"Ann Agent\"},"
                        + "\"body\":\"Done\",\"html_body\":\"<p>Done</p>\",\"id\":\"31\",\"is_public\":true},"
                        + "\"meta\":{\"sequence\":{\"id\":\"" + sequence + "\",\"position\":3}}}");
    }

    @Test
    void shouldWriteOnlyTheSequenceForACreatedTicket() {
        TicketChanged change = new TicketChanged(
                TicketChanged.Kind.CREATED, ticket("new", List.of(), CREATED), null, List.of(), null, CREATED);

        TicketEvents.Event event = TicketEvents.of(change, 42, id -> null).get(0);

        assertThat(event.type()).isEqualTo(TicketEventType.CREATED);
        assertThat(JsonText.write(event.envelope().event()))
                .matches("\\{\"meta\":\\{\"sequence\":\\{\"id\":\"[0-9A-F]{32}\",\"position\":1}}}");
        assertThat(JsonText.write(event.envelope().detail()))
                .contains("\"actor_id\":null,")
                .contains("\"status\":\"NEW\"");
    }
}
