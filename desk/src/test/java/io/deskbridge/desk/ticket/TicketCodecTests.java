package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicketCodecTests {

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
