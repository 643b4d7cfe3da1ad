package io.deskbridge.desk.ticket;

import io.deskbridge.desk.ticket.TicketMetricJson.Minutes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.LongPredicate;
import tools.jackson.databind.JsonNode;

/**
 * A ticket's metric set computed from what desk has of its history: the audits (field changes and
 * comments, in order) and who wrote them. Pure, so it is unit-tested without a database.
 *
 * <ul>
 *   <li>{@code replies}: public comments by agents or admins after the one that created the ticket;
 *       {@code reply_time}: creation to the first of them.
 *   <li>{@code solved_at}: the last change to solved; {@code first_resolution_time} to the first
 *       solve, {@code full_resolution_time} to the last, both only while the ticket is solved or
 *       closed (null otherwise, as in Zendesk); {@code reopens}: changes from solved to an open status.
 *   <li>{@code requester_wait_time}: time in new, open or on-hold; {@code agent_wait_time}: time in
 *       pending; {@code on_hold_time}: time in hold. Each counts up to the (last) solve, or up to the
 *       ticket's last update while unsolved: desk knows nothing after its last change.
 *   <li>{@code assignee_stations} / {@code group_stations}: how many times an assignee / group was set.
 *   <li>{@code assignee_updated_at} / {@code requester_updated_at}: the last audit the current
 *       assignee / requester wrote (null if none).
 * </ul>
 *
 * Minutes are whole calendar minutes, rounded down.
 */
public final class TicketMetrics {

    private TicketMetrics() {}

    /**
     * @param audits the ticket's audits in the order they happened (ascending id)
     * @param isAgent whether a user id is an agent or admin
     */
    public static TicketMetricJson of(Ticket t, List<TicketAudit> audits, LongPredicate isAgent, String baseUrl) {
        String status = null;
        Instant statusSince = t.createdAt();
        Instant statusUpdatedAt = t.createdAt();
        long requesterWait = 0;
        long agentWait = 0;
        long onHold = 0;
        int reopens = 0;
        int replies = 0;
        int assigneeStations = 0;
        int groupStations = 0;
        Instant firstSolvedAt = null;
        Instant solvedAt = null;
        Instant initiallyAssignedAt = null;
        Instant assignedAt = null;
        Instant firstReplyAt = null;
        Instant latestComment = null;
        Instant assigneeUpdatedAt = null;
        Instant requesterUpdatedAt = null;
        boolean first = true;
        for (TicketAudit audit : audits) {
            Instant at = audit.createdAt();
            for (AuditEvent event : audit.events()) {
                if (event instanceof AuditEvent.Comment c) {
                    latestComment = at;
                    if (!first && c.isPublic() && isAgent.test(c.authorId())) {
                        replies++;
                        if (firstReplyAt == null) {
                            firstReplyAt = at;
                        }
                    }
                    continue;
                }
                if (event instanceof AuditEvent.Notification) {
                    continue; // a rule's notification changes no field
                }
                String field = event instanceof AuditEvent.Create cr
                        ? cr.fieldName()
                        : ((AuditEvent.Change) event).fieldName();
                JsonNode value =
                        event instanceof AuditEvent.Create cr ? cr.value() : ((AuditEvent.Change) event).value();
                boolean set = value != null && !value.isNull();
                switch (field) {
                    case "status" -> {
                        String next = set ? value.asString() : null;
                        if (status != null) {
                            long seconds = Duration.between(statusSince, at).toSeconds();
                            requesterWait += requesterWaits(status) ? seconds : 0;
                            agentWait += "pending".equals(status) ? seconds : 0;
                            onHold += "hold".equals(status) ? seconds : 0;
                        }
                        if (resolved(status) && !resolved(next)) {
                            reopens++;
                        }
                        if ("solved".equals(next) && !resolved(status)) {
                            solvedAt = at;
                            if (firstSolvedAt == null) {
                                firstSolvedAt = at;
                            }
                        }
                        status = next;
                        statusSince = at;
                        statusUpdatedAt = at;
                    }
                    case "assignee_id" -> {
                        if (set) {
                            assigneeStations++;
                            assignedAt = at;
                            if (initiallyAssignedAt == null) {
                                initiallyAssignedAt = at;
                            }
                        }
                    }
                    case "group_id" -> groupStations += set ? 1 : 0;
                    default -> {
                        // other fields do not move a metric
                    }
                }
            }
            if (audit.authorId() != null) {
                if (Objects.equals(audit.authorId(), t.assigneeId())) {
                    assigneeUpdatedAt = at;
                }
                if (audit.authorId() == t.requesterId()) {
                    requesterUpdatedAt = at;
                }
            }
            first = false;
        }
        boolean resolvedNow = resolved(t.status());
        Instant until = resolvedNow && solvedAt != null ? solvedAt : t.updatedAt();
        if (status != null && !resolved(status) && until.isAfter(statusSince)) {
            long seconds = Duration.between(statusSince, until).toSeconds();
            requesterWait += requesterWaits(status) ? seconds : 0;
            agentWait += "pending".equals(status) ? seconds : 0;
            onHold += "hold".equals(status) ? seconds : 0;
        }
        Long replySeconds = firstReplyAt == null
                ? null
                : Duration.between(t.createdAt(), firstReplyAt).toSeconds();
        return new TicketMetricJson(
                t.id(),
                baseUrl + "/api/v2/ticket_metrics/" + t.id() + ".json",
                t.id(),
                t.createdAt(),
                t.updatedAt(),
                groupStations,
                assigneeStations,
                reopens,
                replies,
                assigneeUpdatedAt,
                requesterUpdatedAt,
                statusUpdatedAt,
                statusUpdatedAt,
                initiallyAssignedAt,
                assignedAt,
                resolvedNow ? solvedAt : null,
                latestComment,
                replySeconds == null ? Minutes.UNKNOWN : Minutes.of(replySeconds / 60),
                new TicketMetricJson.Seconds(replySeconds),
                resolvedNow && firstSolvedAt != null ? minutes(t.createdAt(), firstSolvedAt) : Minutes.UNKNOWN,
                resolvedNow && solvedAt != null ? minutes(t.createdAt(), solvedAt) : Minutes.UNKNOWN,
                Minutes.of(agentWait / 60),
                Minutes.of(requesterWait / 60),
                Minutes.of(onHold / 60));
    }

    private static Minutes minutes(Instant from, Instant to) {
        return Minutes.of(Duration.between(from, to).toMinutes());
    }

    private static boolean resolved(String status) {
        return "solved".equals(status) || "closed".equals(status);
    }

    private static boolean requesterWaits(String status) {
        return "new".equals(status) || "open".equals(status) || "hold".equals(status);
    }
}
