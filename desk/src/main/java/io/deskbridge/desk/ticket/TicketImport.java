package io.deskbridge.desk.ticket;

import io.deskbridge.desk.ticket.TicketChanges.NewComment;
import java.time.Instant;
import java.util.List;

/**
 * The history a ticket import carries beyond a create's fields ({@code POST /api/v2/imports/tickets}).
 *
 * @param createdAt when the ticket was created; null: now
 * @param updatedAt its last update; null: its latest comment, solve or creation time
 * @param solvedAt when it was solved (for a solved or closed ticket); null: at creation
 * @param comments its comments, each with its author and time (null time: the creation time)
 * @param archiveImmediately Zendesk's flag to archive a closed ticket at once. Decision: accepted and
 *     without effect, as desk has no ticket archive: a closed ticket stays readable by id and in the
 *     exports, as Zendesk's archived tickets do, and also in lists and search, where Zendesk's do not
 */
public record TicketImport(
        Instant createdAt,
        Instant updatedAt,
        Instant solvedAt,
        List<ImportedComment> comments,
        boolean archiveImmediately) {

    public TicketImport {
        comments = List.copyOf(comments);
    }

    /** One historical comment. */
    public record ImportedComment(NewComment comment, Instant createdAt) {}
}
