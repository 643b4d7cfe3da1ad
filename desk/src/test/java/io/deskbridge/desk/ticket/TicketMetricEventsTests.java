package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@link TicketMetricEvents}: a ticket's metric events from its audits, without a database. */
class TicketMetricEventsTests {

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

    private static AuditEvent created(String value) {
        return new AuditEvent.Create(0, "status", JsonNodeFactory.instance.stringNode(value));
    }

    private static AuditEvent comment(long author, boolean isPublic) {
        return new AuditEvent.Comment(0, author, "text", "<p>text</p>", isPublic, 0);
    }

    /** "metric instance type @minute" lines, in order. */
    private List<String> events() {
        return TicketMetricEvents.of(audits, id -> id == AGENT).stream()
                .map(e -> e.metric() + " " + e.instanceId() + " " + e.type() + " @"
                        + Duration.between(T0, e.time()).toMinutes())
                .toList();
    }

    @Nested
    class Creation {

        @Test
        void shouldMeasureEveryMetricThenActivateThoseThatRunWhileNew() {
            audit(0, REQUESTER, created("new"), comment(REQUESTER, true));

            assertThat(events())
                    .containsExactly(
                            "agent_work_time 0 measure @0",
                            "pausable_update_time 0 measure @0",
                            "periodic_update_time 0 measure @0",
                            "reply_time 0 measure @0",
                            "requester_wait_time 0 measure @0",
                            "agent_work_time 1 activate @0",
                            "pausable_update_time 1 activate @0",
                            "periodic_update_time 1 activate @0",
                            "reply_time 1 activate @0",
                            "requester_wait_time 1 activate @0");
        }

        @Test
        void shouldNotActivateTheStatusMetricsOfATicketCreatedPending() {
            audit(0, AGENT, created("pending"), comment(AGENT, true));

            assertThat(events())
                    .filteredOn(line -> line.contains("activate"))
                    .containsExactly("periodic_update_time 1 activate @0", "reply_time 1 activate @0");
        }

        @Test
        void shouldNumberEventsAfterTheirAudit() {
            audit(0, REQUESTER, created("new"));
            audit(5, AGENT, status("pending"));

            List<TicketMetricEventJson> events = TicketMetricEvents.of(audits, id -> id == AGENT);
            assertThat(events.get(0).id()).isEqualTo(64);
            assertThat(events.get(9).id()).isEqualTo(64 + 9);
            assertThat(events.get(10).id()).isEqualTo(2 * 64);
            assertThat(events).allSatisfy(e -> assertThat(e.ticketId()).isEqualTo(7));
        }
    }

    @Nested
    class Updates {

        @Test
        void shouldFulfilReplyAndUpdateMetricsOnAnAgentsPublicReplyAndStartTheNextUpdateInstance() {
            audit(0, REQUESTER, created("new"), comment(REQUESTER, true));
            audit(10, AGENT, status("open"), comment(AGENT, true));

            assertThat(events().subList(10, events().size()))
                    .containsExactly(
                            "reply_time 1 fulfill @10",
                            "pausable_update_time 1 fulfill @10",
                            "pausable_update_time 2 activate @10",
                            "periodic_update_time 1 fulfill @10",
                            "periodic_update_time 2 activate @10");
        }

        @Test
        void shouldIgnorePrivateNotes() {
            audit(0, REQUESTER, created("new"), comment(REQUESTER, true));
            audit(10, AGENT, comment(AGENT, false));

            assertThat(events()).hasSize(10);
        }

        @Test
        void shouldPauseOnPendingAndActivateTheSameInstanceWhenTheRequesterAnswers() {
            audit(0, REQUESTER, created("open"), comment(REQUESTER, true));
            audit(10, AGENT, status("pending"), comment(AGENT, true));
            audit(30, REQUESTER, status("open"), comment(REQUESTER, true));

            assertThat(events().subList(10, events().size()))
                    .containsExactly(
                            "reply_time 1 fulfill @10",
                            "pausable_update_time 1 fulfill @10",
                            "pausable_update_time 2 activate @10",
                            "periodic_update_time 1 fulfill @10",
                            "periodic_update_time 2 activate @10",
                            "agent_work_time 1 pause @10",
                            "pausable_update_time 2 pause @10",
                            "requester_wait_time 1 pause @10",
                            "reply_time 2 activate @30",
                            "agent_work_time 1 activate @30",
                            "pausable_update_time 2 activate @30",
                            "requester_wait_time 1 activate @30");
        }

        @Test
        void shouldKeepRequesterWaitTimeRunningOnHold() {
            audit(0, REQUESTER, created("open"));
            audit(5, AGENT, status("hold"));

            assertThat(events().subList(10, events().size())).containsExactly("agent_work_time 1 pause @5");
        }
    }

    @Nested
    class Solving {

        @Test
        void shouldFulfilEveryOpenMetricWhenSolvedAndStartNewInstancesWhenReopened() {
            audit(0, REQUESTER, created("new"), comment(REQUESTER, true));
            audit(10, AGENT, status("solved"), comment(AGENT, true));
            audit(20, REQUESTER, status("solved"));
            audit(30, REQUESTER, status("open"), comment(REQUESTER, true));

            assertThat(events().subList(10, events().size()))
                    .containsExactly(
                            "reply_time 1 fulfill @10",
                            "pausable_update_time 1 fulfill @10",
                            "periodic_update_time 1 fulfill @10",
                            "agent_work_time 1 fulfill @10",
                            "requester_wait_time 1 fulfill @10",
                            "reply_time 2 activate @30",
                            "agent_work_time 2 activate @30",
                            "pausable_update_time 2 activate @30",
                            "periodic_update_time 2 activate @30",
                            "requester_wait_time 2 activate @30");
        }

        @Test
        void shouldEmitNothingWhenASolvedTicketCloses() {
            audit(0, REQUESTER, created("new"));
            audit(10, AGENT, status("solved"));
            int solved = events().size();
            audit(20, AGENT, status("closed"));

            assertThat(events()).hasSize(solved);
        }
    }
}
