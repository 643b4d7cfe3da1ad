package io.deskbridge.desk.ticket;

import java.time.Instant;

/**
 * Zendesk's ticket metric event ({@code TicketMetricEventBaseObject}), derived from a ticket's audits by
 * {@link TicketMetricEvents}. Its id is {@code audit id × 64 + position}: the audit that caused it and
 * its place among that audit's metric events, so the same history always yields the same ids.
 */
public record TicketMetricEventJson(long id, long ticketId, String metric, long instanceId, String type, Instant time) {

    /** Events per audit the id scheme leaves room for (an audit yields at most 10). */
    static final int PER_AUDIT = 64;
}
