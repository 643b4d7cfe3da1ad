package io.deskbridge.desk.ticket;

import java.time.Instant;
import java.util.List;

/** A ticket audit in Zendesk's JSON shape: what one create or update did. */
public record AuditJson(
        long id, long ticketId, Instant createdAt, Long authorId, Metadata metadata, Via via, List<AuditEvent> events) {

    static AuditJson of(TicketAudit a) {
        return new AuditJson(
                a.id(), a.ticketId(), a.createdAt(), a.authorId(), Metadata.EMPTY, Via.of(a.viaChannel()), a.events());
    }
}
