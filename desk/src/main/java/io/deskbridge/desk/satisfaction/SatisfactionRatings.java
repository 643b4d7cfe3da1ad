package io.deskbridge.desk.satisfaction;

import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.ticket.AuditEvent;
import io.deskbridge.desk.ticket.SatisfactionReason;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketAudit;
import io.deskbridge.desk.ticket.TicketNotFoundException;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Satisfaction ratings: requesters rate their solved tickets; agents and admins read the ratings. */
@Service
public class SatisfactionRatings {

    static final int MAX_COMMENT = 4000;

    private final SatisfactionRatingRepository repository;
    private final Tickets tickets;
    private final Clock clock;

    SatisfactionRatings(SatisfactionRatingRepository repository, Tickets tickets, Clock clock) {
        this.repository = repository;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** What a requester sends: {@code score} good or bad, an optional comment and bad-rating reason. */
    record Rating(String score, String comment, Integer reasonCode) {}

    @Transactional(readOnly = true)
    public SatisfactionRating get(long id) {
        return repository.find(id).orElseThrow(() -> SatisfactionRatingNotFoundException.forId(id));
    }

    @Transactional(readOnly = true)
    List<SatisfactionRating> page(SatisfactionRatingFilter filter, PageQuery page) {
        return repository.page(filter, page);
    }

    @Transactional(readOnly = true)
    long count(SatisfactionRatingFilter filter) {
        return repository.count(filter);
    }

    /**
     * Rates a ticket as its requester. Zendesk's rules (Create a Satisfaction Rating): only the end user
     * who requested the ticket, only a ticket that is solved or was solved before and reopened, only
     * "good" or "bad". Decisions: agents and admins get a 403 (Zendesk allows this endpoint for the
     * requester only); another end user gets the 404 they get for any ticket they cannot see; a closed
     * ticket can no longer be rated (Zendesk locks closed tickets); rating again replaces the rating
     * (one per ticket, same id, {@code updated_at} moves), as a requester changing their mind in
     * Zendesk's survey does. {@code assignee_id}/{@code group_id} are the ticket's at the time of rating.
     */
    @Transactional
    SatisfactionRating rate(DeskPrincipal caller, long ticketId, Rating rating) {
        Ticket ticket = tickets.get(ticketId);
        if (caller.role() != Role.END_USER) {
            throw new ForbiddenException("Only the ticket's requester (an end user) can rate ticket " + ticketId);
        }
        if (ticket.requesterId() != caller.userId()) {
            throw TicketNotFoundException.forId(ticketId);
        }
        if ("closed".equals(ticket.status())) {
            throw new RecordInvalidException(
                    "base",
                    "InvalidValue",
                    "Ticket " + ticketId + " is closed: its satisfaction rating can no longer change");
        }
        if (!"solved".equals(ticket.status()) && !everSolved(tickets.audits(ticketId))) {
            throw new RecordInvalidException(
                    "base",
                    "InvalidValue",
                    "Ticket " + ticketId + " cannot be rated: only a solved ticket (or one solved before) can be"
                            + " rated (status is " + ticket.status() + ")");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Optional<SatisfactionRating> existing = repository.findByTicket(ticketId);
        SatisfactionRating values = new SatisfactionRating(
                existing.map(SatisfactionRating::id).orElse(0L),
                ticketId,
                ticket.requesterId(),
                ticket.assigneeId(),
                ticket.groupId(),
                rating.score(),
                rating.comment(),
                rating.reasonCode(),
                existing.map(SatisfactionRating::createdAt).orElse(now),
                now);
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            repository.replace(id, values);
        } else {
            id = repository.insert(values);
        }
        tickets.recordSatisfaction(ticketId, id, rating.score(), rating.comment(), rating.reasonCode());
        return repository.find(id).orElseThrow();
    }

    /** Checks a rating's values; 422 with Zendesk's {@code RecordInvalid} body for the first that breaks. */
    static Rating rating(String score, String comment, Long reasonCode) {
        if (score == null || score.isBlank()) {
            throw new RecordInvalidException("score", "BlankValue", "Score: cannot be blank (good or bad)");
        }
        if (!score.equals("good") && !score.equals("bad")) {
            throw new RecordInvalidException(
                    "score", "InvalidValue", "Score: must be good or bad when rating a ticket (got \"" + score + "\")");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new RecordInvalidException(
                    "comment",
                    "TooLong",
                    "Comment: is too long (" + text.length() + " characters, at most " + MAX_COMMENT + ")");
        }
        Integer reason = null;
        if (reasonCode != null) {
            if (!score.equals("bad")) {
                throw new RecordInvalidException(
                        "reason_code", "InvalidValue", "Reason code: can only be set on a bad rating");
            }
            reason = SatisfactionReason.ofCode(reasonCode)
                    .map(SatisfactionReason::code)
                    .orElseThrow(() -> new RecordInvalidException(
                            "reason_code",
                            "InvalidValue",
                            "Reason code: " + reasonCode + " is not a reason (one of 0, 5, 6, 7, 8, 100)"));
        }
        return new Rating(score, text, reason);
    }

    private static boolean everSolved(List<TicketAudit> audits) {
        return audits.stream()
                .flatMap(a -> a.events().stream())
                .anyMatch(e -> e instanceof AuditEvent.Change c
                        && "status".equals(c.fieldName())
                        && c.value() != null
                        && "solved".equals(c.value().asString()));
    }
}
