package io.deskbridge.sync.context;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Everything sync's store knows about one ticket, as one document: what {@code GET
 * /api/connections/{id}/tickets/{ticket_id}/context} and the MCP tool {@code get_ticket_context}
 * return.
 *
 * @param notSynced what the document cannot show because sync does not sync it yet, each with why
 */
public record TicketContext(
        long connectionId,
        Ticket ticket,
        CommentThread comments,
        Person requester,
        Organization organization,
        Person assignee,
        Group group,
        RelatedTickets requesterTickets,
        RelatedTickets organizationTickets,
        FieldChanges recentFieldChanges,
        Freshness freshness,
        List<String> notSynced) {

    /**
     * The ticket's own fields as stored.
     *
     * @param customFields Zendesk's {@code custom_fields} array as received (ids and values; labels need
     *     the ticket fields stream, not synced yet)
     */
    public record Ticket(
            long id,
            String subject,
            String status,
            String priority,
            String type,
            String channel,
            List<String> tags,
            Long requesterId,
            Long assigneeId,
            Long groupId,
            Long organizationId,
            Instant createdAt,
            Instant updatedAt,
            boolean deleted,
            JsonNode customFields) {}

    /** Every synced comment of the ticket, oldest first. */
    public record CommentThread(int total, List<Comment> items) {}

    public record Comment(
            long id, Visibility visibility, Long authorId, String authorName, Instant createdAt, String body) {}

    /** Whether the requester sees a comment (Zendesk's {@code public}) or only agents do. */
    public enum Visibility {
        PUBLIC,
        INTERNAL;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A user the ticket names.
     *
     * @param synced false when the id is not among the synced users (not synced yet, or deleted): then
     *     only the id is known
     */
    public record Person(long id, boolean synced, String name, String email, String role) {}

    /** @param synced false when the id is not among the synced organizations */
    public record Organization(long id, boolean synced, String name) {}

    /** @param synced always false for now: sync has no groups stream; {@code note} says so */
    public record Group(long id, boolean synced, String name, String note) {}

    /**
     * Other tickets of the requester or the organization: open first (new, open, pending, hold), then
     * the rest, each part newest update first; at most {@code shown} of {@code total}.
     */
    public record RelatedTickets(long total, int shown, List<TicketLine> tickets) {}

    public record TicketLine(long id, String subject, String status, Instant updatedAt) {}

    /** @param available false while the store keeps only each ticket's latest version; note says so */
    public record FieldChanges(boolean available, String note) {}

    /**
     * How fresh the copy is.
     *
     * @param ticketSyncedAt when this ticket's row was last written
     * @param streams per stream: how far its cursor has covered and when a run of it last succeeded
     */
    public record Freshness(Instant ticketSyncedAt, List<StreamFreshness> streams) {}

    public record StreamFreshness(String stream, Instant coveredUntil, Instant lastSucceededAt) {}
}
