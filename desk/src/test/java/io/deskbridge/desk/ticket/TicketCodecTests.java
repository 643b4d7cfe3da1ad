package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link TicketCodec}: stored audit events read leniently; the streaming read of custom fields gives what
 * databind gives, or leaves the text to it.
 */
class TicketCodecTests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private static List<CustomFieldValue> databind(String text) {
        return List.copyOf(JSON.readValue(text, new TypeReference<List<CustomFieldValue>>() {}));
    }

    @Test
    void shouldReadTheCommonShapeAsDatabindDoes() {
        for (String text : List.of(
                "[]",
                "[{\"id\":360000000001,\"value\":\"eu\"},{\"id\":360000000002,\"value\":null},"
                        + "{\"id\":360000000003,\"value\":true}]",
                "[{\"id\":1,\"value\":false},{\"id\":-2,\"value\":\"é \\\" \\\\ \\n 😀\"}]",
                " [ { \"id\" : 7 , \"value\" : \"spaced\" } ] ")) {
            List<CustomFieldValue> streamed = TicketCodec.stream(text);
            assertThat(streamed).as(text).isNotNull().isEqualTo(databind(text));
            assertThat(TicketCodec.customFields(text)).as(text).isEqualTo(databind(text));
        }
    }

    @Test
    void shouldLeaveOtherShapesToDatabind() {
        for (String text : List.of(
                "[{\"value\":\"first\",\"id\":1}]",
                "[{\"id\":1}]",
                "[{\"id\":\"1\",\"value\":\"quoted id\"}]",
                "[{\"id\":1,\"value\":\"x\",\"extra\":true}]",
                "[{\"id\":123456789012345678901234567890,\"value\":\"x\"}]",
                "[{\"id\":1,\"value\":\"x\"}] trailing",
                "{\"id\":1,\"value\":\"x\"}",
                "[{\"id\":1,\"value\":\"x\"},null]")) {
            assertThat(TicketCodec.stream(text)).as(text).isNull();
        }
        for (String text : List.of(
                "[{\"value\":\"first\",\"id\":1}]",
                "[{\"id\":1,\"value\":12},{\"id\":2,\"value\":12.5},{\"id\":3,\"value\":123456789012345}]",
                "[{\"id\":1,\"value\":[\"a\",2,{\"b\":null}]},{\"id\":2,\"value\":{\"x\":[1,2]}}]")) {
            assertThat(TicketCodec.stream(text)).as(text).isNull();
            assertThat(TicketCodec.customFields(text)).as(text).isEqualTo(databind(text));
        }
    }

    /** The shape {@code bench/sync/load-comments.sql} writes: no audit_id, plain_body or html_body. */
    private static final String SQL_LOADED =
            "[{\"id\":70,\"type\":\"Create\",\"field_name\":\"subject\",\"value\":\"Hi\"},"
                    + "{\"id\":72,\"type\":\"Comment\",\"author_id\":5,\"body\":\"Hello there\",\"public\":true}]";

    @Test
    void shouldReadACommentEventWithoutItsAuditIdAsTheRowsAudit() {
        List<AuditEvent> events = TicketCodec.events(SQL_LOADED, 41L);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(AuditEvent.Create.class);
        AuditEvent.Comment comment = (AuditEvent.Comment) events.get(1);
        assertThat(comment.auditId()).isEqualTo(41L);
        assertThat(comment.id()).isEqualTo(72L);
        assertThat(comment.authorId()).isEqualTo(5L);
        assertThat(comment.body()).isEqualTo("Hello there");
        assertThat(comment.plainBody()).isEqualTo("Hello there");
        assertThat(comment.htmlBody()).isNull();
        assertThat(comment.isPublic()).isTrue();
        assertThat(comment.attachments()).isEmpty();
    }

    @Test
    void shouldKeepAStoredAuditIdAndPlainBody() {
        String stored = "[{\"id\":9,\"type\":\"Comment\",\"author_id\":5,\"body\":\"**b**\",\"html_body\":\"<p>b</p>\","
                + "\"plain_body\":\"b\",\"public\":false,\"attachments\":[],\"audit_id\":8}]";

        AuditEvent.Comment comment =
                (AuditEvent.Comment) TicketCodec.events(stored, 99L).get(0);

        assertThat(comment.auditId()).isEqualTo(8L);
        assertThat(comment.plainBody()).isEqualTo("b");
        assertThat(comment.isPublic()).isFalse();
    }

    @Test
    void shouldLeaveOutAnEventOfAnUnknownTypeInsteadOfFailingTheRead() {
        String stored = "[{\"id\":1,\"type\":\"VoiceComment\",\"data\":{}},"
                + "{\"id\":2,\"type\":\"Change\",\"field_name\":\"status\",\"value\":\"open\",\"previous_value\":\"new\"}]";

        List<AuditEvent> events = TicketCodec.events(stored, 3L);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo("Change");
    }
}
