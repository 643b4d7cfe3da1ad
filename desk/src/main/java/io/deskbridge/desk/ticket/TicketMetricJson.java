package io.deskbridge.desk.ticket;

import java.time.Instant;

/**
 * Zendesk's ticket metric set ({@code ticket_metric}, and {@code metric_set} in the ticket exports),
 * as {@link TicketMetrics} derives it from the ticket's audits. One per ticket: its {@code id} is the
 * ticket's id (Zendesk numbers metric sets separately; desk has no separate row to number).
 */
public record TicketMetricJson(
        long id,
        String url,
        long ticketId,
        Instant createdAt,
        Instant updatedAt,
        int groupStations,
        int assigneeStations,
        int reopens,
        int replies,
        Instant assigneeUpdatedAt,
        Instant requesterUpdatedAt,
        Instant statusUpdatedAt,
        Instant customStatusUpdatedAt,
        Instant initiallyAssignedAt,
        Instant assignedAt,
        Instant solvedAt,
        Instant latestCommentAddedAt,
        Minutes replyTimeInMinutes,
        Seconds replyTimeInSeconds,
        Minutes firstResolutionTimeInMinutes,
        Minutes fullResolutionTimeInMinutes,
        Minutes agentWaitTimeInMinutes,
        Minutes requesterWaitTimeInMinutes,
        Minutes onHoldTimeInMinutes) {

    /**
     * A duration in whole minutes. Desk has no business-hour schedules, so every hour is a business
     * hour (Zendesk's behaviour for an account without a schedule): {@code business} equals
     * {@code calendar}. Both null when the duration is not known yet (e.g. an unsolved ticket's
     * resolution time), as Zendesk sends them.
     */
    public record Minutes(Long calendar, Long business) {

        static final Minutes UNKNOWN = new Minutes(null, null);

        static Minutes of(Long minutes) {
            return new Minutes(minutes, minutes);
        }
    }

    /** Zendesk's {@code reply_time_in_seconds}: calendar only. */
    public record Seconds(Long calendar) {}
}
