package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.ticket.TicketMetricJson.Minutes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@link TicketMetrics}: a metric set from a ticket's audits, without a database. */
class TicketMetricsTests {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final long REQUESTER = 1;
    static final long AGENT = 2;

    private final List<TicketAudit> audits = new ArrayList<>();

    private void audit(long minutes, long author, AuditEvent... events) {
        long id = audits.size() + 1;
        audits.add(new TicketAudit(id, 7, author, T0.plus(Duration.ofMinutes(minutes)), "api", List.of(events)));
    }

    private static AuditEvent status(String value) {
        return new AuditEvent.Change(0, "status", JsonNodeFactory.instance.stringNode(value), null);
    }

    private static AuditEvent created(String field, String value) {
        return new AuditEvent.Create(0, field, JsonNodeFactory.instance.stringNode(value));
    }

    private static AuditEvent comment(long author, boolean isPublic) {
        return new AuditEvent.Comment(0, author, "text", "<p>text</p>", isPublic, 0);
    }

    private static Ticket ticket(String status, Long assignee, long updatedMinutes) {
        return new Ticket(
                7,
                null,
                null,
                "s",
                "s",
                "d",
                null,
                status,
                null,
                REQUESTER,
                REQUESTER,
                assignee,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "api",
                null,
                true,
                false,
                T0,
                T0.plus(Duration.ofMinutes(updatedMinutes)),
                0,
                null,
                null);
    }

    private TicketMetricJson metrics(Ticket t) {
        return TicketMetrics.of(t, audits, id -> id == AGENT, "http://desk");
    }

    @Nested
    class UnsolvedTicket {

        @Test
        void shouldLeaveResolutionTimesUnknownAndCountWaitingUpToTheLastUpdate() {
            audit(0, REQUESTER, created("status", "new"), comment(REQUESTER, true));
            audit(20, AGENT, status("hold"));
            audit(50, AGENT, status("open"), comment(AGENT, false));

            TicketMetricJson m = metrics(ticket("open", null, 80));

            assertThat(m.solvedAt()).isNull();
            assertThat(m.fullResolutionTimeInMinutes()).isEqualTo(Minutes.UNKNOWN);
            assertThat(m.firstResolutionTimeInMinutes()).isEqualTo(Minutes.UNKNOWN);
            assertThat(m.replies()).as("a private note is no reply").isZero();
            assertThat(m.replyTimeInMinutes()).isEqualTo(Minutes.UNKNOWN);
            assertThat(m.onHoldTimeInMinutes()).isEqualTo(Minutes.of(30L));
            assertThat(m.requesterWaitTimeInMinutes())
                    .as("new 20 + hold 30 + open 30")
                    .isEqualTo(Minutes.of(80L));
            assertThat(m.agentWaitTimeInMinutes()).isEqualTo(Minutes.of(0L));
            assertThat(m.requesterUpdatedAt()).isEqualTo(T0);
            assertThat(m.latestCommentAddedAt()).isEqualTo(T0.plus(Duration.ofMinutes(50)));
        }
    }

    @Nested
    class SolvedTicket {

        @Test
        void shouldCountReopensAndTimeTheFirstAndTheLastSolve() {
            audit(0, REQUESTER, created("status", "new"), comment(REQUESTER, true));
            audit(10, AGENT, created("assignee_id", "2"), comment(AGENT, true), status("solved"));
            audit(40, REQUESTER, status("open"), comment(REQUESTER, true));
            audit(45, AGENT, comment(AGENT, true), status("solved"));

            TicketMetricJson m = metrics(ticket("solved", AGENT, 45));

            assertThat(m.reopens()).isEqualTo(1);
            assertThat(m.replies()).isEqualTo(2);
            assertThat(m.replyTimeInMinutes()).isEqualTo(Minutes.of(10L));
            assertThat(m.firstResolutionTimeInMinutes()).isEqualTo(Minutes.of(10L));
            assertThat(m.fullResolutionTimeInMinutes()).isEqualTo(Minutes.of(45L));
            assertThat(m.solvedAt()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
            assertThat(m.requesterWaitTimeInMinutes()).as("new 10 + open 5").isEqualTo(Minutes.of(15L));
            assertThat(m.assigneeStations()).isEqualTo(1);
            assertThat(m.assigneeUpdatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
            assertThat(m.requesterUpdatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
        }
    }
}
