package io.deskbridge.desk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketChanges;
import io.deskbridge.desk.ticket.TicketChanges.Field;
import io.deskbridge.desk.ticket.TicketChanges.NewComment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TicketFormsTests {

    private static final Instant AT = Instant.parse("2026-12-06T21:00:00Z");
    private static final Ticket NEW_TICKET = new Ticket(
            5,
            null,
            null,
            "Printer",
            "Printer",
            "On fire",
            "normal",
            "new",
            null,
            1,
            1,
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of("printer"),
            List.of(),
            "api",
            null,
            true,
            false,
            AT,
            AT,
            100,
            null,
            null);

    @Nested
    class Update {

        @Test
        void shouldChangeNothingWhenTheFormIsPostedAsShown() {
            assertThat(TicketForms.changes(TicketForms.UpdateForm.of(NEW_TICKET), NEW_TICKET))
                    .isEqualTo(TicketChanges.none());
        }

        @Test
        void shouldSendOnlyTheFieldsThatDiffer() {
            TicketForms.UpdateForm form =
                    new TicketForms.UpdateForm("Looking", "internal", "new", "", "task", "9", "", "Printer, urgent");
            TicketChanges changes = TicketForms.changes(form, NEW_TICKET);
            assertThat(changes.status()).isEmpty();
            assertThat(changes.priority()).isEqualTo(Field.of(null));
            assertThat(changes.type()).isEqualTo(Field.of("task"));
            assertThat(changes.assigneeId()).isEqualTo(Field.of(9L));
            assertThat(changes.groupId()).isEqualTo(Field.absent());
            assertThat(changes.tags()).contains(List.of("printer", "urgent"));
            assertThat(changes.comment()).contains(new NewComment("Looking", null, false, null));
        }

        @Test
        void shouldMakeAPublicReplyByDefault() {
            TicketForms.UpdateForm form =
                    new TicketForms.UpdateForm("Hello", null, "solved", "normal", "", "", "", "printer");
            TicketChanges changes = TicketForms.changes(form, NEW_TICKET);
            assertThat(changes.comment()).contains(new NewComment("Hello", null, true, null));
            assertThat(changes.status()).isEqualTo(Optional.of("solved"));
        }

        @Test
        void shouldRefuseValuesTheApiRefusesWithItsMessages() {
            assertThatThrownBy(() -> TicketForms.changes(
                            new TicketForms.UpdateForm("", "public", "done", "", "", "", "", ""), NEW_TICKET))
                    .isInstanceOf(RecordInvalidException.class)
                    .extracting(e -> ((RecordInvalidException) e)
                            .details()
                            .get("status")
                            .get(0)
                            .get("description"))
                    .isEqualTo("Status: \"done\" is not one of new, open, pending, hold, solved, closed");
            assertThatThrownBy(() -> TicketForms.changes(
                            new TicketForms.UpdateForm("", "public", "new", "", "", "abc", "", ""), NEW_TICKET))
                    .extracting(e -> ((RecordInvalidException) e)
                            .details()
                            .get("assignee_id")
                            .get(0)
                            .get("description"))
                    .isEqualTo("Assignee id: \"abc\" is not an id");
            assertThatThrownBy(() -> TicketForms.changes(
                            new TicketForms.UpdateForm("Hi", "secret", "new", "", "", "", "", ""), NEW_TICKET))
                    .extracting(e -> ((RecordInvalidException) e)
                            .details()
                            .get("comment")
                            .get(0)
                            .get("description"))
                    .isEqualTo("Comment: visibility must be public or internal");
        }
    }

    @Test
    void shouldBuildANewTicketWithItsRequesterByEmail() {
        TicketChanges changes = TicketForms.changes(new TicketForms.NewTicketForm(
                "Hi", "a@b.test", "Ann", "Help", "public", "", "high", "", "", "3", "x y"));
        assertThat(changes.subject()).contains("Hi");
        assertThat(changes.requester()).contains(new TicketChanges.Requester(null, "a@b.test", "Ann"));
        assertThat(changes.status()).isEmpty();
        assertThat(changes.priority()).isEqualTo(Field.of("high"));
        assertThat(changes.type()).isEqualTo(Field.of(null));
        assertThat(changes.assigneeId()).isEqualTo(Field.of(null));
        assertThat(changes.groupId()).isEqualTo(Field.of(3L));
        assertThat(changes.tags()).contains(List.of("x", "y"));
        assertThat(changes.comment()).contains(new NewComment("Help", null, true, null));
    }
}
